"""why-you: questions that ask a person to justify themselves, or hunt for who did it.

"Why did you X?" becomes "How was it possible to X without a check catching it?";
"Why did the pipeline accept X?" asks about a system and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import is_human, looks_like_name
from blameless.language.engine import Match, RuleInput
from blameless.language.phrases import capitalize, depersonalize, join, verb_phrase

_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
# "Who <verb>…?" hunts for a person only with verbs of doing or deciding.
_WHO_VERBS = frozenset(
    {
        "approve",
        "merge",
        "push",
        "deploy",
        "write",
        "break",
        "sign",
        "let",
        "cause",
        "delete",
        "drop",
        "ship",
        "run",
        "change",
        "introduce",
        "forget",
        "miss",
        "commit",
        "allow",
        "decide",
        "skip",
        "disable",
        "remove",
        "turn",
        "trigger",
        "start",
        "mess",
        "screw",
        "wipe",
        "kill",
        "touch",
        "leave",
        "ignore",
        "review",
        "okay",
        "ok",
        "green-light",
        "greenlight",
        "authorize",
        "set",
        "configure",
        "misconfigure",
        "take",
        "bring",
        "restart",
        "reboot",
        "rollout",
        "roll",
        "make",
        "do",
        "add",
        "edit",
        "modify",
        "update",
        "upgrade",
        "rotate",
        "revoke",
    }
)
_BLAME_NOUNS = frozenset(
    {"fault", "mistake", "error", "idea", "decision", "responsibility", "call", "blame", "screwup"}
)
_NOTICE_VERBS = frozenset(
    {
        "notice",
        "miss",
        "forget",
        "let",
        "allow",
        "overlook",
        "ignore",
        "see",
        "catch",
        "spot",
        "realize",
        "realise",
        "skip",
        "approve",
        "merge",
        "deploy",
        "push",
        "do",
        "make",
    }
)
_NOBODY = frozenset({"nobody", "anyone", "anybody", "everyone", "no"})


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    if not _is_question(sentence):
        return
    people = rule.context.people
    for token in sentence:
        lower = token.lower_
        if lower == "why":
            match = _why(token, sentence, people) or _why_by_surface(token, sentence, people)
        elif lower == "who" and token.dep_ in _SUBJECTS:
            match = _who(token, sentence)
        elif lower == "whose":
            match = _whose(token, sentence)
        elif lower == "how":
            match = _how_could(token, sentence, people)
        elif lower == "what":
            match = _what_thinking(token, sentence, people)
        elif lower in ("did", "does", "has") and token.i == sentence.start:
            match = _did_anyone_bother(token, sentence)
        else:
            continue
        if match is not None:
            yield match
            return


def _is_question(sentence: Span) -> bool:
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    if not words:
        return False
    return sentence.text.rstrip().endswith(("?", "?!", "?)")) or words[0].lower_ in (
        "why",
        "who",
        "whose",
        "how",
        "what",
    )


def _end(sentence: Span) -> int:
    """End of the question's words (before the final "?")."""
    last = [t for t in sentence if not (t.is_punct or t.is_space)]
    return last[-1].idx + len(last[-1].text) if last else sentence.end_char


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    return None


def _negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def _why(why: Token, sentence: Span, people: frozenset[str]) -> Match | None:
    verb = why.head
    if _patient_question(verb):
        return None
    subject = _subject(verb)
    if subject is None or not is_human(subject, people):
        return None
    skip = [*subject.subtree, *[c for c in verb.children if c.dep_ in ("aux", "neg", "auxpass")]]
    action = verb_phrase(verb, skip=skip)
    return Match(why.idx, _end(sentence), suggestions=_why_suggestions(action, _negated(verb)))


_QUESTION_AUXILIARIES = frozenset(
    {
        "did",
        "do",
        "does",
        "would",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "could",
        "wouldn't",
        "didn't",
        "wasn't",
        "weren't",
        "isn't",
        "hasn't",
        "haven't",
        "couldn't",
    }
)
_DETERMINERS = frozenset({"the", "a", "an", "our", "that", "this", "their", "your"})


def _patient_question(verb: Token) -> bool:
    """ "Why was the employee scheduled for removal?": the person is acted on, not acting."""
    if any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children):
        return True
    return verb.lemma_ == "be" and verb.dep_ == "ROOT"


def _why_by_surface(why: Token, sentence: Span, people: frozenset[str]) -> Match | None:
    """ "Why didn't <subject> <verb> …?" read off the words when the parse is confused.

    The small English model often mis-tags an unfamiliar name or handle after "why did"
    ("Why did Nguyen Van An rotate…" parses "An" as a determiner). The question's
    shape is fixed, so the subject is the run of words between the auxiliary and the verb.
    """
    doc = sentence.doc
    index = why.i + 1
    if index >= sentence.end or doc[index].lower_ not in _QUESTION_AUXILIARIES:
        return None
    negated = doc[index].lower_.endswith("n't")
    index += 1
    while index < sentence.end and doc[index].lower_ in ("n't", "not"):
        negated = True
        index += 1
    subject = _subject_run(doc, index, sentence.end)
    if not subject or not any(
        is_human(t, people, proper_nouns=True)
        or looks_like_name(t, proper_nouns=True, any_tag=True)
        for t in subject
    ):
        return None
    verb_index = subject[-1].i + 1
    if verb_index >= sentence.end or not doc[verb_index].is_alpha:
        return None
    verb = doc[verb_index]
    if doc[why.i + 1].lemma_ == "be" and (verb.tag_ == "VBN" or verb.lower_.endswith("ed")):
        return None  # "Why was <person> paged?": a passive, the person is acted on
    rest = depersonalize(t for t in sentence if t.i > verb.i and not _is_final(t, sentence))
    action = f"{verb.lower_} {rest}".strip()
    return Match(why.idx, _end(sentence), suggestions=_why_suggestions(action, negated))


def _subject_run(doc, start: int, end: int) -> list[Token]:
    """A determiner phrase up to its role noun, or a run of capitalized words and handles."""
    if start >= end:
        return []
    if doc[start].lower_ in _DETERMINERS:
        run = [doc[start]]
        for token in doc[start + 1 : min(start + 5, end)]:
            run.append(token)
            if is_human(token):
                return run
        return []
    run = []
    for token in doc[start:end]:
        if token.text in ("<", ">") or token.text[:1].isupper() or token.text.startswith("@"):
            run.append(token)
        elif token.lower_ in ("you", "he", "she", "they", "someone", "anyone") and not run:
            return [token]
        else:
            break
    while run and run[-1].text == "<":
        run.pop()
    return run


def _is_final(token: Token, sentence: Span) -> bool:
    return token.is_punct and all(t.is_punct for t in sentence[token.i - sentence.start :])


def _why_suggestions(action: str, negated: bool) -> tuple[str, ...]:
    if negated:
        return (
            f"What made it hard to {action} at the time?",
            f"What would make it the default to {action}?",
        )
    return (
        f"How was it possible to {action} without a check catching it?",
        f"What did the people involved see or know that made it reasonable to {action}?",
    )


def _did_anyone_bother(did: Token, sentence: Span) -> Match | None:
    """ "Did anyone even bother to read the migration?"."""
    words = [t.lower_ for t in sentence[1:4]]
    if not words or words[0] not in ("anyone", "anybody", "nobody", "no"):
        return None
    if not {"even", "bother", "ever", "actually"} & set(words[1:]):
        return None
    bother = next((t for t in sentence if t.lemma_ == "bother"), None)
    action_tokens = [
        t
        for t in sentence
        if bother is not None and t.i > bother.i + 1 and not _is_final(t, sentence)
    ]
    if not action_tokens:
        action_tokens = [t for t in sentence[3:] if not _is_final(t, sentence)]
    action = depersonalize(action_tokens)
    return Match(
        did.idx,
        _end(sentence),
        suggestions=(f"What in the process would have prompted someone to {action}?",),
    )


def _who(who: Token, sentence: Span) -> Match | None:
    verb = who.head
    if verb.lemma_ == "be":
        # "Who is responsible for X?", "Who is to blame?"; not "Who was on call?"
        words = {t.lower_ for t in verb.subtree}
        if not words & {"responsible", "blame", "fault", "accountable", "culprit"}:
            return None
        target = _object_of_for(verb)
        about = target if target else "this"
        return Match(
            who.idx,
            _end(sentence),
            suggestions=(f"Which conditions allowed {about} to happen?",),
        )
    if verb.lemma_.lower() not in _WHO_VERBS:
        return None
    action = verb_phrase(verb, skip=[c for c in verb.children if c.dep_ in ("aux", "neg")])
    suggestions = [f"How was it possible to {action} without a check catching it?"]
    if verb.lemma_ in ("approve", "review", "sign", "okay", "authorize"):
        suggestions.append(
            "How does the approval path for this work, and what did it show the approver?"
        )
    return Match(who.idx, _end(sentence), suggestions=tuple(suggestions))


def _object_of_for(verb: Token) -> str | None:
    for token in verb.subtree:
        if token.lower_ == "for" and token.dep_ == "prep":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                return depersonalize(objects[0].subtree)
    return None


def _whose(whose: Token, sentence: Span) -> Match | None:
    noun = whose.head
    if noun.lemma_.lower() in _BLAME_NOUNS:
        return Match(
            whose.idx,
            _end(sentence),
            suggestions=(
                "Which conditions made this possible, and which safeguards did not engage?",
            ),
        )
    rest = join(
        t for t in sentence if t.i > whose.i and not (t.is_punct and t.i == sentence.end - 1)
    )
    return Match(
        whose.idx,
        _end(sentence),
        suggestions=(capitalize(f"which {rest}, and how did it get through review and tests?"),),
    )


def _how_could(how: Token, sentence: Span, people: frozenset[str]) -> Match | None:
    """ "How could you/nobody not notice X?" (hindsight as a question)."""
    verb = how.head
    if verb.lemma_.lower() not in _NOTICE_VERBS:
        return None
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not auxiliaries & {"could", "did", "would", "can"}:
        return None
    subject = _subject(verb)
    if subject is None:
        return None
    if not (subject.lower_ in _NOBODY or is_human(subject, people)):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
    about = depersonalize(objects[0].subtree) if objects else "this"
    return Match(
        how.idx,
        _end(sentence),
        suggestions=(
            f"What signals existed for {about}, where did they appear, "
            "and what competed for attention?",
        ),
    )


def _what_thinking(what: Token, sentence: Span, people: frozenset[str]) -> Match | None:
    """ "What were you thinking?"."""
    verb = what.head
    if verb.lemma_ != "think" or verb.tag_ != "VBG":
        return None
    subject = _subject(verb)
    if subject is None or not is_human(subject, people):
        return None
    return Match(
        what.idx,
        _end(sentence),
        suggestions=(
            "What did the people involved see or know that made this look like the right step?",
        ),
    )
