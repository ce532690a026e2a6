"""hindsight: words that make the right action look obvious or easy once the outcome is known.

Flagged through the parse: "obviously"/"clearly" as a claim about what people knew or
did ("Obviously, the responders were chasing the wrong hypothesis"), "it was obvious
that ...", "plain to see", "anyone could have seen", "everyone knows", "common sense",
"easy to spot", "only a matter of time", and "just"/"simply"/"merely"/"only" shrinking a
person's action ("she just needed to read the runbook"). Left alone: evidence that
shows something clearly ("the graph clearly shows the drop"), temporal "just" ("just
after 14:00"), "just-in-time", descriptions of systems ("a simple round-robin balancer"),
realization told in time ("by 14:30 it was clear that ..."), negations ("it was not
obvious"), forward-looking risk ("it is only a matter of time before the disk fills").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from blameless.language.agents import FIRST_PERSON, NOBODY, ROLE_NOUNS, TEAM_NOUNS, is_human
from blameless.language.engine import Match, RuleInput
from blameless.language.grammar import (
    clause_subject,
    edit_suggestions,
    end_of,
    gerund_phrase,
    is_english,
    negated,
    phrase_start,
    removal,
)
from blameless.language.phrases import depersonalize, quoted

_PAST_TAGS = ("VBD", "VBN")


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    removal: tuple[int, int, str] | None  # the safe edit: drop "obviously" with its comma
    prompt: str


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    patterns = rule.pack.patterns
    people = rule.context.people
    hits: list[_Hit] = []
    for token in sentence:
        if quoted(token):
            continue
        hit = _hindsight(token, patterns, people)
        if hit is not None and not any(h.start <= hit.start < h.end for h in hits):
            hits.append(hit)
    if not hits:
        return
    # Whole words only: "anyway" or "justify" in a rewrite are fine.
    guard = re.compile(patterns["guard"], re.IGNORECASE)
    suggestions = edit_suggestions(
        sentence,
        [hit.removal for hit in hits],
        [hits[0].prompt],
        keep=lambda text: not guard.search(text),
        fallback=patterns["generic_prompt"],
    )
    first = hits[0]
    yield Match(
        first.start,
        first.end,
        suggestions=suggestions,
        fix=first.removal if len(hits) == 1 else None,
    )


def _hindsight(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    lower = token.lower_
    if lower in patterns["certainty_adverbs"]:
        return _certainty_adverb(token, patterns, people)
    if lower == "of" and token.i + 1 < token.sent.end and token.nbor(1).lower_ == "course":
        return _of_course(token, patterns, people)
    if lower in patterns["minimizers"]:
        return _minimizer(token, patterns, people)
    if lower in patterns["obvious_words"]:
        return _obvious(token, patterns, people)
    if lower in ("easy", "easily", "trivial", "trivially"):
        return _easy(token, patterns)
    if lower == "sense" and any(c.lower_ == "common" for c in token.children):
        return _common_sense(token, patterns)
    if lower == "brainer" or lower == "no-brainer":
        return _no_brainer(token, patterns)
    if lower in ("matter", "bound", "predictable", "foreseeable"):
        return _foregone(token, patterns)
    if token.pos_ in ("VERB", "AUX") and (
        token.lemma_.lower() in patterns["knowing_verbs"] or _modal(token)
    ):
        return _everyone_knows(token, patterns, people)
    if lower == "all" and token.dep_ in ("predet", "nsubj", "det"):
        return _all_they_had_to_do(token, patterns, people)
    return None


# -- "obviously", "clearly", "of course" ---------------------------------------------------


def _certainty_adverb(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "Obviously, the responders were chasing the wrong hypothesis"; "the graph clearly shows"
    is evidence, and "clearly, we need more tests" is present-tense opinion, not hindsight."""
    head = token.head
    if token.dep_ != "advmod" or _negated_before(token):
        return None  # "not clearly documented"; but "clearly didn't read" is hindsight
    if head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None  # a parse that hangs the adverb on a noun is not a claim to judge
    verb = head if head.pos_ in ("VERB", "AUX") else head.head
    if not is_english(verb):
        return None  # a name or handle the tagger took for a verb ("liggitt 7:40 AM clearly")
    # "was clearly preventable": the adjective may hang on the copula
    adjectives = (
        [head]
        if head.pos_ == "ADJ"
        else [c for c in head.children if c.dep_ == "acomp" and c.pos_ == "ADJ"]
    )
    judged = any(a.lower_ in patterns["clearly_adjectives"] for a in adjectives)
    if head.pos_ == "ADJ" and token.lower_ == "clearly" and not judged:
        return None  # "clearly labelled", "clearly visible"
    subject = clause_subject(verb)
    human = subject is not None and _person(subject, people)
    evidence = verb.lemma_.lower() in patterns["evidence_verbs"] or (
        head.lemma_.lower() in patterns["evidence_verbs"]
    )
    if (evidence and not human) or (
        subject is not None and subject.lemma_.lower() in patterns["evidence_nouns"]
    ):
        return None  # "the graph clearly shows the drop"
    if not (_past(verb) or human):
        return None
    manner = token.lower_ in ("clearly", "plainly")
    if (
        manner
        and verb.lemma_.lower() in patterns["manner_verbs"]
        and not (_sentence_adverb(token, subject))
    ):
        return None  # "she clearly explained the risk": how it was said, not hindsight
    if token.lower_ == "clearly" and not (
        _sentence_adverb(token, subject)
        or human
        or judged
        or verb.lemma_.lower() in patterns["cognition_verbs"]
        or _modal(verb)
    ):
        return None  # manner: "the runbook clearly describes the steps"
    edit = removal(token.sent, token, token)
    return _Hit(token.idx, end_of(token), edit, patterns["generic_prompt"])


def _of_course(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """Only a sentence-opening "Of course" about what happened; mid-sentence it is a hedge."""
    sentence = token.sent
    words = [t for t in sentence if not (t.is_punct or t.is_space)]
    if not words or words[0] != token:
        return None
    course = token.nbor(1)
    verb = course.head if course.head.pos_ in ("VERB", "AUX") else None
    if verb is None:
        after = [t for t in sentence if t.i > course.i and t.pos_ in ("VERB", "AUX")]
        verb = after[0] if after else None
    if verb is None or not _past(verb):
        return None
    subject = clause_subject(verb)
    if subject is not None and subject.lower_ in FIRST_PERSON:
        return None  # "Of course, we rotated the keys": reassurance, not hindsight
    edit = removal(sentence, token, course)
    return _Hit(token.idx, end_of(course), edit, patterns["generic_prompt"])


def _negated_before(token: Token) -> bool:
    """A negation ahead of the word: "was not clearly documented", "wasn't obviously"."""
    doc = token.doc
    negations = [c for c in token.head.children if c.dep_ == "neg" and c.i < token.i]
    before = doc[max(token.sent.start, token.i - 2) : token.i]
    return bool(negations) or any(t.lower_ in ("not", "n't", "never", "hardly") for t in before)


def _sentence_adverb(token: Token, subject: Token | None) -> bool:
    """Before the subject, or set off by commas: a comment on the whole statement."""
    if subject is not None and token.i < subject.left_edge.i:
        return True
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text == ","


# -- "just needed to", "only had to", "all she had to do was" -------------------------------


def _minimizer(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "He just needed to check the context"; not "errors started just after 14:00"."""
    if token.dep_ != "advmod":
        return None
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    # "needed to just check": the minimizer sits on the infinitive
    outer = verb.head if verb.dep_ == "xcomp" else verb
    obligation = outer.lemma_.lower() in ("need", "have") and any(
        c.dep_ == "xcomp" and c.pos_ == "VERB" for c in outer.children
    )
    # "could just have rolled back"; "you could simply restart it" is advice
    modal = _modal(verb) and any(c.lower_ == "have" for c in verb.children if c.dep_ == "aux")
    if not ((obligation and _past(outer)) or modal):
        return None  # "if you just need to check out a repo, use https" is advice
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in outer.children):
        return None
    subject = clause_subject(outer)
    if subject is None or not _person(subject, people) or negated(outer):
        return None
    action = _infinitive_action(outer if obligation else verb)
    prompt = (
        patterns["minimizer_prompt"].format(action=action) if action else patterns["generic_prompt"]
    )
    return _Hit(token.idx, end_of(token), removal(token.sent, token, token), prompt)


def _infinitive_action(verb: Token) -> str | None:
    """ "needed to check the context" -> "checking the context"."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            return gerund_phrase(child)
    return gerund_phrase(verb) if verb.pos_ == "VERB" else None


def _all_they_had_to_do(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "All the release manager had to do was wait for the canary"."""
    sentence = token.sent
    text = sentence.doc.text[token.idx : sentence.end_char]
    found = re.match(
        r"all\s+(?:that\s+)?(.+?)\s+(?:had|needed|would have had)\s+to\s+do\s+"
        r"(?:was|is)\s+",
        text,
        re.IGNORECASE,
    )
    if found is None:
        return None
    span = sentence.doc.char_span(
        token.idx + found.start(1), token.idx + found.end(1), alignment_mode="expand"
    )
    if span is None or not any(_person(t, people) for t in span):
        return None
    rest = sentence.doc.text[token.idx + found.end() : sentence.end_char].rstrip(" .!?")
    end = token.idx + found.end() - 1
    while sentence.doc.text[end - 1].isspace():
        end -= 1
    prompt = (
        patterns["next_step_prompt"].format(action=rest) if rest else patterns["generic_prompt"]
    )
    return _Hit(token.idx, end, None, prompt)


# -- "it was obvious that", "the fix was obvious", "plain to see" ---------------------------


def _obvious(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    lower = token.lower_
    if negated(token) or _graded(token):
        return None
    if token.dep_ == "amod":
        noun = token.head
        if lower != "obvious" or noun.lemma_.lower() not in patterns["knowable_nouns"]:
            return None  # "for obvious reasons"
        if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in noun.children):
            return None  # "no obvious cause"
        return _Hit(
            token.idx,
            end_of(token),
            None,
            patterns["stand_out_prompt"].format(subject=_phrase(noun, skip=token)),
        )
    if token.dep_ not in ("acomp", "attr", "ROOT", "xcomp"):
        return None
    verb = token.head if token.dep_ != "ROOT" else token
    if verb.lemma_.lower() not in ("be",) or _realized_in_time(verb):
        return None  # "it became clear", "by 14:30 it was clear that ..."
    counterfactual = _modal(verb)
    subject = clause_subject(verb)
    as_day = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]] == ["as", "day"]
    if lower == "plain":
        if not as_day and not any(
            c.dep_ == "xcomp" and c.lemma_ in ("see", "spot") for c in token.children
        ):
            return None
    elif not (counterfactual or _past(verb)):
        return None
    to_everyone = any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "for")
        and any(o.lower_ in ("everyone", "anyone", "everybody", "anybody") for o in c.children)
        for c in token.children
    )
    if any(
        c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ in FIRST_PERSON for o in c.children)
        for c in token.children
    ):
        return None  # "it was clear to us that ...": what the writers knew, not a judgment
    clause = _that_clause(token)
    if lower in ("clear", "evident") and not (counterfactual or to_everyone):
        # "it was clear from the traces that the lock was held": evidence, told plainly;
        # "it was clear that the responders were looking at the wrong dashboard": a verdict.
        if _from_evidence(token, patterns):
            return None
        if lower == "clear" and not (clause and _it(subject) and _about_people(token, people)):
            return None
    knowable = subject is not None and subject.lemma_.lower() in patterns["knowable_nouns"]
    if lower != "plain" and not (
        counterfactual or to_everyone or (clause and _it(subject)) or knowable
    ):
        return None
    start = token.idx
    if lower == "plain" and as_day:
        stop = end_of(token.doc[token.i + 2])
    elif lower == "plain":
        stop = end_of(next(c for c in token.children if c.dep_ == "xcomp"))
    else:
        stop = end_of(token)
    if clause:
        prompt = patterns["that_prompt"].format(clause=clause)
    elif subject is not None and not _it(subject):
        prompt = patterns["stand_out_prompt"].format(subject=_phrase(subject))
    else:
        prompt = patterns["generic_prompt"]
    return _Hit(start, stop, None, prompt)


def _from_evidence(adjective: Token, patterns: dict) -> bool:
    """ "clear from the traces", "evident in the logs"."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("from", "in")
        and any(o.lemma_.lower() in patterns["evidence_nouns"] for o in c.children)
        for c in [*adjective.children, *adjective.head.children]
    )


def _about_people(adjective: Token, people: frozenset[str]) -> bool:
    """The "that" clause after the adjective has a person as its subject."""
    sentence = adjective.sent
    return any(
        t.i > adjective.i and t.dep_ in ("nsubj", "nsubjpass") and _person(t, people)
        for t in sentence
    )


def _that_clause(adjective: Token) -> str | None:
    """The words after "that" in "it was obvious (from X) that <clause>"."""
    sentence = adjective.sent
    for token in sentence:
        if token.i <= adjective.i or token.lower_ != "that":
            continue
        # the parser often files this "that" under a noun; any of these readings will do
        if token.dep_ in ("mark", "attr", "nsubj", "dobj") or token.pos_ == "SCONJ":
            words = [t for t in sentence if t.i > token.i]
            while words and (words[-1].is_punct or words[-1].is_space):
                words.pop()
            return depersonalize(words) if words else None
    return None


def _realized_in_time(verb: Token) -> bool:
    """ "At 14:10 it was clear that ...": a moment of realization in the story, not hindsight."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in (
            "then",
            "soon",
            "now",
            "quickly",
            "later",
            "eventually",
            "finally",
        ):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in ("by", "at", "after", "within", "once")
            and any(t.ent_type_ in ("TIME", "DATE") or t.like_num for t in child.subtree)
        ):
            return True
        if child.dep_ == "advcl" and any(
            c.lower_ in ("once", "when", "after", "as") for c in child.children
        ):
            return True
    return False


# -- "easy to spot", "trivial for anyone", "could easily have avoided" ---------------------


def _easy(token: Token, patterns: dict) -> _Hit | None:
    if negated(token) or _graded(token):
        return None
    verbs = patterns["perception_verbs"]
    if token.lower_ in ("easily", "trivially"):
        verb = token.head
        if not (_modal(verb) and verb.tag_ == "VBN" and verb.lemma_.lower() in verbs):
            return None  # "could easily have been worse" is luck, not hindsight
        return _Hit(
            token.idx, end_of(token), removal(token.sent, token, token), patterns["generic_prompt"]
        )
    if token.dep_ not in ("acomp", "attr"):
        return None
    verb = token.head
    if not (_past(verb) or _modal(verb)):
        return None
    to_see = [c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in verbs]
    for_anyone = any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(
            o.lower_ in ("anyone", "everyone", "anybody", "everybody") or _any_role(o)
            for o in c.children
        )
        for c in [*token.children, *(to_see[0].children if to_see else [])]
    )
    if token.lower_ == "easy" and not to_see:
        return None
    if token.lower_ == "trivial" and not for_anyone:
        return None
    subject = clause_subject(verb)
    stop = end_of(to_see[0]) if to_see else end_of(token)
    prompt = (
        patterns["stand_out_prompt"].format(subject=_phrase(subject))
        if subject is not None and subject.pos_ in ("NOUN", "PROPN")
        else patterns["generic_prompt"]
    )
    return _Hit(token.idx, stop, None, prompt)


def _common_sense(token: Token, patterns: dict) -> _Hit | None:
    """ "Checking the context is common sense"; not a "common-sense limit" (a modifier)."""
    if token.dep_ in ("compound", "amod") or negated(token) or negated(token.head):
        return None
    common = next(c for c in token.children if c.lower_ == "common")
    subject = clause_subject(token.head) if token.dep_ == "attr" else None
    return _Hit(common.idx, end_of(token), None, _subject_prompt(subject, patterns))


def _no_brainer(token: Token, patterns: dict) -> _Hit | None:
    doc = token.doc
    start = token
    if token.lower_ == "brainer":
        if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 2].lower_ != "no":
            return None
        start = doc[token.i - 2]
    if negated(token.head):
        return None
    subject = clause_subject(token.head) if token.dep_ == "attr" else None
    prompt = (
        patterns["chosen_prompt"].format(subject=_phrase(subject))
        if subject is not None
        else patterns["generic_prompt"]
    )
    return _Hit(start.idx, end_of(token), None, prompt)


def _foregone(token: Token, patterns: dict) -> _Hit | None:
    """ "It was only a matter of time", "was bound to happen", "entirely predictable".

    Told in the past; "it is only a matter of time before the disk fills" is a risk."""
    lower = token.lower_
    if lower == "matter":
        following = token.doc[token.i + 1 : token.i + 3]
        if [t.lower_ for t in following] != ["of", "time"]:
            return None
        verb = token.head
        first = token
        for child in token.children:
            if child.dep_ in ("advmod", "det") and child.i < token.i:
                first = min(first, child, key=lambda t: t.i)
        stop = end_of(following[-1])
    elif lower == "bound":
        if not any(
            c.dep_ == "xcomp" and c.lemma_ in ("happen", "fail", "occur", "break")
            for c in token.children
        ):
            return None
        verb, first = token, token
        stop = end_of(next(c for c in token.children if c.dep_ == "xcomp"))
    else:
        if token.dep_ not in ("acomp", "attr"):
            return None  # "predictable latency", "the foreseeable future"
        verb, first, stop = token.head, token, end_of(token)
    if negated(verb) or negated(token) or not _past(verb):
        return None
    before = _before_clause(token)
    event = _phrase(clause_subject(verb))
    if before:
        prompt = patterns["likely_that_prompt"].format(clause=before)
    elif event and not _it_text(event):
        prompt = patterns["likely_prompt"].format(event=event)
    else:
        prompt = patterns["generic_prompt"]
    return _Hit(first.idx, stop, None, prompt)


def _before_clause(token: Token) -> str | None:
    sentence = token.sent
    for t in sentence:
        if t.i > token.i and t.lower_ in ("before", "until") and t.dep_ in ("mark", "prep"):
            words = [w for w in sentence if w.i > t.i]
            while words and words[-1].is_punct:
                words.pop()
            return depersonalize(words) if words else None
    return None


# -- "everyone knows", "any competent SRE knows", "anyone could have seen" -----------------


def _everyone_knows(verb: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    subject = clause_subject(verb)
    if subject is None or not (
        subject.lower_ in ("everyone", "everybody", "anyone", "anybody") or _any_role(subject)
    ):
        return None
    if negated(verb) or negated(subject) or verb.sent.text.rstrip().endswith("?"):
        return None
    lemma = verb.lemma_.lower()
    present = verb.tag_ in ("VBZ", "VBP") and lemma in ("know", "understand")
    if not (present or _modal(verb)):
        return None  # "everyone saw the alert at 14:02" is a fact
    if lemma not in patterns["knowing_verbs"] and not _any_role(subject, patterns, graded=True):
        return None  # "anyone could open an incident": permission, not hindsight
    start = phrase_start(subject)
    clause = [c for c in verb.children if c.dep_ in ("ccomp",)]
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    if clause and lemma in ("know", "understand") and present:
        words = [t for t in clause[0].subtree if t.dep_ != "mark"]
        prompt = patterns["norm_prompt"].format(clause=depersonalize(words))
    elif clause:
        words = [t for t in clause[0].subtree if t.dep_ != "mark"]
        prompt = patterns["that_prompt"].format(clause=depersonalize(words))
    elif objects:
        prompt = patterns["stand_out_prompt"].format(subject=_phrase(objects[0]))
    else:
        prompt = patterns["generic_prompt"]
    return _Hit(start, end_of(verb), None, prompt)


def _any_role(token: Token, patterns: dict | None = None, graded: bool = False) -> bool:
    """ "any competent SRE", "any experienced engineer"; with `graded`, only with a yardstick
    adjective ("competent", "reasonable"), whatever the verb."""
    if not any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in token.children):
        return False
    if graded and not any(
        c.dep_ == "amod" and patterns is not None and c.lower_ in patterns["yardsticks"]
        for c in token.children
    ):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in ROLE_NOUNS
        or lemma in TEAM_NOUNS
        or token.lower_ in ROLE_NOUNS
        or (token.lower_ in ("sre", "dba", "developer", "engineer", "admin", "operator"))
    )


# -- shared bits ------------------------------------------------------------------------------


def _person(token: Token, people: frozenset[str]) -> bool:
    if token.lower_ in FIRST_PERSON or token.lower_ in NOBODY:
        return False
    if is_human(token, people, proper_nouns=True):
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in (ROLE_NOUNS | TEAM_NOUNS)


def _past(verb: Token) -> bool:
    """Told about the past: "was", "knew", "had been", "should have been"."""
    if verb.tag_ in _PAST_TAGS:
        return True
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ in _PAST_TAGS for a in auxiliaries) or _modal(verb)


def _modal(verb: Token) -> bool:
    """ "could have seen", "should have been", "would have spotted", "could just roll back"."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return bool(auxiliaries & {"could", "should", "would", "might", "ought", "must"})


def _graded(token: Token) -> bool:
    """ "more obvious", "most obvious", "less clear", "not immediately obvious"."""
    return any(
        c.dep_ == "advmod" and c.lower_ in ("more", "most", "less", "least", "immediately")
        for c in token.children
    )


def _it(subject: Token | None) -> bool:
    return subject is not None and subject.lower_ in ("it", "this", "that")


def _it_text(text: str) -> bool:
    return text.lower() in ("it", "this", "that")


def _phrase(token: Token | None, skip: Token | None = None) -> str:
    if token is None:
        return ""
    words = [t for t in token.subtree if t != skip and not (t.is_punct and t.i == t.sent.end - 1)]
    text = depersonalize(words)
    if words and words[0].pos_ != "PROPN":
        text = text[:1].lower() + text[1:]  # "The typo" moves into the middle of a question
    return text


def _subject_prompt(subject: Token | None, patterns: dict) -> str:
    if subject is None:
        return patterns["generic_prompt"]
    if subject.tag_ == "VBG":
        return patterns["prompted_prompt"].format(action=_phrase(subject))
    return patterns["chosen_prompt"].format(subject=_phrase(subject))
