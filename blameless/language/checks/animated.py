"""animated: dramatizing or emotional language ("!!!", "dumpster fire", "can't believe").

Flagged: runs of exclamation marks and "?!", interjections and profanity, dramatic nouns
used as a verdict ("the rollout was a train wreck", not "disaster recovery"), scornful
adjectives in a predicate ("the alert noise is insane", not "our insane CI load"),
disbelief ("I can't believe ..."), shouting in capitals, sarcastic praise, and a
recurrence framed as an accusation ("once again the mobile team ..."). Recurrence stated
with references ("the third incident this quarter (INC-201, INC-233)"), technical terms
("catastrophic failure mode", "embarrassingly parallel") and quoted words are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from blameless.language.agents import FIRST_PERSON, NOBODY, ROLE_NOUNS, TEAM_NOUNS, is_human
from blameless.language.engine import Match, RuleInput
from blameless.language.grammar import (
    apply_edits,
    clause_subject,
    edit_suggestions,
    end_of,
    is_english,
    negated,
    removal,
)
from blameless.language.phrases import capitalize, depersonalize, quoted

_PUNCTUATION = re.compile(r"!{2,}|\?+!+[!?]*|!+\?+[!?]*")
_REFERENCE = re.compile(r"\b[A-Z][A-Z0-9]+-\d+\b|#\d+|https?://|\bsee\s+(?:also\s+)?\[", re.I)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    removal: tuple[int, int, str] | None  # a safe edit: "!!!" -> ".", "WTF, " -> ""
    prompt: str | None


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    patterns = rule.pack.patterns
    people = rule.context.people
    hits = _punctuation(sentence)
    for token in sentence:
        if quoted(token) or any(h.start <= token.idx < h.end for h in hits):
            continue
        hit = _animated(token, patterns, people)
        if hit is not None:
            hits.append(hit)
    if not hits:
        return
    hits.sort(key=lambda h: h.start)
    guard = re.compile(patterns["guard"], re.IGNORECASE)
    suggestions = edit_suggestions(
        sentence,
        [hit.removal for hit in hits],
        [hit.prompt for hit in hits if hit.prompt],
        keep=lambda text: not guard.search(text) and not _PUNCTUATION.search(text),
        fallback=patterns["generic_prompt"],
    )
    first = hits[0]
    yield Match(
        first.start,
        first.end,
        suggestions=suggestions,
        fix=first.removal if len(hits) == 1 else None,
    )


def _animated(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    lower = token.lower_
    finders = []
    if lower in patterns["interjections"] or _profane(lower, patterns):
        finders.append(_interjection)
    if lower in patterns["dramatic_nouns"] or lower in ("fire", "wreck", "show", "mess"):
        finders.append(_dramatic_noun)
    if lower in patterns["scornful"] or lower in patterns["hyperbole"]:
        finders.append(_scornful)
    if lower in patterns["scornful_adverbs"]:
        finders.append(_scornful_adverb)
    if token.lemma_.lower() == "believe":
        finders.append(_disbelief)
    if lower in ("job", "work", "done", "lot", "again", "bravo", "kudos"):
        finders.append(_sarcasm)
    for finder in finders:
        hit = finder(token, patterns)
        if hit is not None:
            return hit
    if lower in ("again", "usual", "always", "time"):
        hit = _recurrence(token, patterns, people)
        if hit is not None:
            return hit
    if token.text.isupper() and len(token.text) >= 3:
        return _shouting(token, patterns)
    return None


# -- punctuation, interjections, profanity ------------------------------------------------


def _punctuation(sentence: Span) -> list[_Hit]:
    hits = []
    for found in _PUNCTUATION.finditer(sentence.text):
        start = sentence.start_char + found.start()
        end = sentence.start_char + found.end()
        span = sentence.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and quoted(span[0]):
            continue
        replacement = "?" if "?" in found.group() else "."
        hits.append(_Hit(start, end, (start, end, replacement), None))
    return hits


def _profane(lower: str, patterns: dict) -> bool:
    """ "fucking", "shitty", "damned"; "hell" and "bloody" only as whole words ("Hellman")."""
    if lower in patterns["profanity"]:
        return True
    return any(lower.startswith(stem) for stem in patterns["profanity_stems"])


def _interjection(token: Token, patterns: dict) -> _Hit | None:
    """ "WTF, the queue had been growing" -> "The queue had been growing"."""
    sentence = token.sent
    lower = token.lower_
    if lower == "hell" and not _hell_idiom(token):
        return None
    following = token.nbor(1).text if token.i + 1 < sentence.end else ""
    # An aside ("WTF, the queue ...", "omg the database ...", "a damn mess") can go; a
    # word that carries the clause ("this sucks") cannot.
    aside = following in (",", ":") or (
        token.dep_ in ("intj", "npadvmod", "dep", "nmod", "advmod", "amod")
    )
    # "what the hell happened" loses its grammar without the word: no removal there
    edit = removal(sentence, token, token) if aside and lower != "hell" else None
    return _Hit(token.idx, end_of(token), edit, patterns["generic_prompt"])


def _hell_idiom(token: Token) -> bool:
    """ "what the hell", "hell of a", "as hell"; not a proper name."""
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return before in ("the", "as") or after == "of"


# -- "dumpster fire", "train wreck", "a complete disaster" ---------------------------------


def _dramatic_noun(token: Token, patterns: dict) -> _Hit | None:
    doc = token.doc
    lower = token.lower_
    intensifiers = [
        c for c in token.children if c.dep_ == "amod" and c.lower_ in patterns["intensifiers"]
    ]
    first = min([token, *intensifiers], key=lambda t: t.i)
    if lower in ("fire", "wreck", "show", "mess"):
        # "dumpster fire", "train wreck", "hot mess"; not "the fire suppression system"
        previous = doc[token.i - 1] if token.i > token.sent.start else None
        if previous is None or f"{previous.lower_} {lower}" not in patterns["dramatic_phrases"]:
            return None
        first = min(first, previous, key=lambda t: t.i)
    elif lower in patterns["verdict_nouns"]:
        # A verdict only as the predicate, exclaimed or graded ("what a disaster", "a complete
        # nightmare"); "disaster recovery" and "in case of disaster" are technical.
        if token.dep_ == "compound" or any(
            c.lower_ in ("natural", "recovery") for c in token.children
        ):
            return None
        exclaimed = any(c.lower_ in ("what", "such") for c in token.children)
        if token.dep_ not in ("attr", "ROOT") and not exclaimed and not intensifiers:
            return None
    elif lower not in patterns["dramatic_nouns"]:
        return None
    if negated(token) or (token.head != token and negated(token.head)):
        return None
    modals = ("would", "could", "might")
    if any(c.dep_ == "aux" and c.lower_ in modals for c in token.head.children):
        return None  # "it would have been a disaster": the stakes, told as a hypothesis
    return _Hit(first.idx, end_of(token), None, _magnitude_prompt(token, patterns))


def _magnitude_prompt(token: Token, patterns: dict) -> str:
    """ "Describe the rollout with numbers instead ..." from the subject of the verdict."""
    verb = token.head
    while verb.dep_ in ("acomp", "attr", "xcomp", "conj") and verb.head != verb:
        verb = verb.head
    subject = clause_subject(verb) if verb != token or token.dep_ != "ROOT" else None
    if (
        subject is None
        or subject.lower_ in ("it", "this", "that", "which")
        or (subject.lower_ in FIRST_PERSON)
    ):
        return patterns["generic_prompt"]
    words = [t for t in subject.subtree if not t.is_punct]
    text = depersonalize(words)
    if words and words[0].pos_ != "PROPN":
        text = text[:1].lower() + text[1:]
    return patterns["magnitude_prompt"].format(subject=text)


# -- "ridiculous", "insane", "unbelievable that ..." -----------------------------------------


def _scornful(token: Token, patterns: dict) -> _Hit | None:
    lower = token.lower_
    if negated(token) or token.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB"):
        return None
    if lower == "embarrassing" and token.head.lower_ == "parallel":
        return None
    clause = _clause_of(token)
    if token.dep_ == "amod":
        noun = token.head
        if lower in patterns["hyperbole"] or noun.lemma_.lower() in patterns["quantity_nouns"]:
            return None  # "our insane CI load": hyperbole about size, not a verdict
        return _Hit(token.idx, end_of(token), None, patterns["generic_prompt"])
    if token.dep_ not in ("acomp", "attr", "ROOT", "xcomp", "oprd"):
        return None
    words = [t for t in token.sent if not t.is_punct]
    if token.sent.text.rstrip().endswith("?") and words and words[0].pos_ == "AUX":
        return None  # "Is it crazy to expect alerts on lag?": a question, not a verdict
    if token.dep_ == "ROOT" and clause is None and token.pos_ != "ADJ":
        return None  # "Crazy Eddie ran the job" is a name, not a verdict
    edit = _lead_in_removal(token, clause)
    start = token.idx
    first = [
        c
        for c in token.children
        if c.dep_ == "advmod" and c.lower_ in patterns["intensifier_adverbs"]
    ]
    if first and first[0].i == token.i - 1:
        start = first[0].idx
    prompt = None if edit else _magnitude_prompt(token, patterns)
    return _Hit(start, end_of(token), edit, prompt)


def _scornful_adverb(token: Token, patterns: dict) -> _Hit | None:
    if token.lower_ == "embarrassingly" and token.head.lower_ == "parallel":
        return None
    if negated(token.head):
        return None
    return _Hit(token.idx, end_of(token), removal(token.sent, token, token), None)


def _clause_of(adjective: Token) -> Token | None:
    """The "that" clause judged by "It is absurd that ..." / "Unbelievable that ..."."""
    holders = [adjective] if adjective.dep_ == "ROOT" else [adjective, adjective.head]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "ccomp" and child.i > adjective.i:
                return child
    return None


def _lead_in_removal(adjective: Token, clause: Token | None) -> tuple[int, int, str] | None:
    """ "It is absurd that a single file ..." -> "A single file ..." (the judged fact stays)."""
    if clause is None:
        return None
    sentence = adjective.sent
    begin = clause.left_edge
    if begin.lower_ == "that":
        begin = begin.doc[begin.i + 1]
    lead = sentence.doc[sentence.start : begin.i]
    if any(t.i > adjective.i + 1 and t.pos_ in ("VERB", "NOUN") for t in lead):
        return None  # more than a lead-in before the clause
    return sentence.start_char, end_of(begin), capitalize(begin.text)


def _disbelief(token: Token, patterns: dict) -> _Hit | None:
    """ "I can't believe we lost the cache tier", "hard to believe"."""
    modal = any(c.lower_ in ("ca", "can", "could", "cannot") for c in token.children)
    negative = any(c.dep_ == "neg" for c in token.children)
    doc = token.doc
    before = [t.lower_ for t in doc[max(token.sent.start, token.i - 3) : token.i]]
    hard = "to" in before and bool({"hard", "difficult"} & set(before))
    if not ((modal and negative) or hard):
        return None
    words = [c for c in token.children if c.dep_ in ("aux", "neg") and c.i < token.i]
    lead = [
        t
        for t in doc[max(token.sent.start, token.i - 3) : token.i]
        if t.lower_ in ("hard", "difficult")
    ]
    first = min([token, *words, *lead], key=lambda t: t.i)
    clause = next((c for c in token.children if c.dep_ == "ccomp"), None)
    edit = None
    if clause is not None:
        begin = clause.left_edge
        if begin.lower_ == "that":
            begin = begin.doc[begin.i + 1]
        lead = token.doc[token.sent.start : begin.i]
        if all(t.i <= token.i or t.lower_ == "that" for t in lead):
            edit = (token.sent.start_char, end_of(begin), capitalize(begin.text))
    return _Hit(first.idx, end_of(token), edit, None if edit else patterns["generic_prompt"])


# -- "once again the mobile team ...", "as usual", "not the first time" ----------------------


def _recurrence(token: Token, patterns: dict, people: frozenset[str]) -> _Hit | None:
    """ "Once again the mobile team shipped ...": a person or team framed as a repeat offender.

    "Once again, the alert fired" (a system) and "as usual, we rotated the keys" (the
    writers) are left alone, and so is any sentence that cites the earlier incidents."""
    sentence = token.sent
    if _REFERENCE.search(sentence.text):
        return None
    opening = _recurrence_opening(token, patterns)
    if opening is None:
        return None
    clause = None
    if token.lower_ == "time" and token.dep_ == "pobj":
        # "for the umpteenth time, the QA team signed off ...": the clause the phrase opens
        subject = _human_subject(token.head.head, people)
    elif token.lower_ == "time":
        # "not the first time the QA team has signed off ...": the relative clause
        clause = next((c for c in token.children if c.dep_ in ("relcl", "acl")), None)
        subject = _human_subject(clause, people) if clause is not None else None
    else:
        verb = opening.head if opening.dep_ == "prep" else token.head
        subject = _human_subject(verb, people)
    if subject is None:
        return None
    edit = None
    at_start = opening.i == sentence.start
    if token.lower_ != "time" and (at_start or token.doc[opening.i - 1].is_punct):
        edit = removal(sentence, opening, token)
    elif token.lower_ == "time" and at_start and clause is not None:
        begin = clause.left_edge
        edit = (sentence.start_char, end_of(begin), capitalize(begin.text))
    return _Hit(opening.idx, end_of(token), edit, patterns["recurrence_prompt"])


def _recurrence_opening(token: Token, patterns: dict) -> Token | None:
    """The first word of "once again", "yet again", "time and again", "as (per) usual",
    "as always", "not the first time", "for the umpteenth time"; None for a plain "again"."""
    doc = token.doc
    start = token.sent.start
    words = [t.lower_ for t in doc[max(start, token.i - 3) : token.i]]
    lower = token.lower_
    if lower == "again" and words[-1:] in (["once"], ["yet"]):
        return doc[token.i - 1]
    if lower == "again" and words[-2:] in (["time", "and"], ["again", "and"]):
        return doc[token.i - 2]
    if lower in ("usual", "always") and words[-1:] == ["as"]:
        return doc[token.i - 1]
    if lower == "usual" and words[-2:] == ["as", "per"]:
        return doc[token.i - 2]
    if lower == "time" and "first" in words and ("not" in words or "n't" in words):
        return next(t for t in doc[max(start, token.i - 3) : token.i] if t.lower_ in ("not", "n't"))
    if lower == "time" and words[-1:] and words[-1] in patterns["nth"]:
        return next(
            t
            for t in doc[max(start, token.i - 3) : token.i]
            if t.lower_ in ("for", "the", *patterns["nth"])
        )
    return None


def _human_subject(verb: Token, people: frozenset[str]) -> Token | None:
    """The verb's subject when it is a person, role or team other than the writers."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        found = clause_subject(verb)
        subjects = [found] if found is not None else []
    for subject in subjects:
        if subject.lower_ in FIRST_PERSON or subject.lower_ in NOBODY:
            continue
        if is_human(subject, people, proper_nouns=True):
            return subject
        lemma = subject.lemma_.lower()
        if subject.pos_ == "NOUN" and lemma in (ROLE_NOUNS | TEAM_NOUNS):
            return subject
    return None


# -- sarcasm and shouting --------------------------------------------------------------------


def _sarcasm(token: Token, patterns: dict) -> _Hit | None:
    """ "Great job, infra, another weekend ruined": praise followed by a complaint."""
    sentence = token.sent
    if token.i - sentence.start > 2:
        return None
    opening = sentence.doc[sentence.start : token.i + 1].text.lower()
    if opening not in patterns["praise"]:
        return None
    if token.i + 1 >= sentence.end or sentence.doc[token.i + 1].text not in (",", "!", "—", "-"):
        return None
    rest = sentence.doc[token.i + 1 : sentence.end].text.lower()
    if not re.search(patterns["complaint"], rest):
        return None
    return _Hit(sentence.start_char, end_of(token), None, patterns["sarcasm_prompt"])


def _shouting(token: Token, patterns: dict) -> _Hit | None:
    """ "the billing job ran twice AGAIN", "THE WHOLE FLOW WAS DOWN"; not "DROP TABLE"."""
    sentence = token.sent
    run = _caps_run(token)
    if run[0] != token:
        return None  # reported once, from the first word of the run
    words = [t for t in run if t.is_alpha]
    if len(words) >= 4:
        ordinary = [t for t in words if is_english(t) and t.lower_ not in patterns["sql"]]
        if len(ordinary) < 3:
            return None
        text = " ".join(t.lower_ for t in run)
        fixed = _sentence_case(sentence, run)
        return _Hit(run[0].idx, end_of(run[-1]), None, fixed or text)
    if len(run) == 1 and token.lower_ in patterns["emphasis"] and not _caps_neighbour(token):
        if _reported(token):
            return None  # "the runbook says NEVER restart ...": the capitals are the source's
        lowered = token.lower_ if token.i != sentence.start else capitalize(token.lower_)
        return _Hit(token.idx, end_of(token), (token.idx, end_of(token), lowered), None)
    return None


def _reported(token: Token) -> bool:
    """Inside what a document, tool or person says, prints or shows."""
    head = token
    for _ in range(6):
        if head.dep_ in ("ccomp", "xcomp", "dobj") and head.head.lemma_.lower() in (
            "say",
            "read",
            "state",
            "print",
            "show",
            "display",
            "log",
            "warn",
            "tell",
            "write",
        ):
            return True
        if head.head == head:
            return False
        head = head.head
    return False


def _caps_run(token: Token) -> list[Token]:
    doc = token.doc
    sentence = token.sent
    start = token.i
    while start > sentence.start and _capital(doc[start - 1]):
        start -= 1
    end = token.i
    while end + 1 < sentence.end and _capital(doc[end + 1]):
        end += 1
    return list(doc[start : end + 1])


def _capital(token: Token) -> bool:
    return token.is_alpha and token.text.isupper() and (len(token.text) > 1 or token.text in "AI")


def _caps_neighbour(token: Token) -> bool:
    doc = token.doc
    for i in (token.i - 1, token.i + 1):
        if 0 <= i < len(doc) and doc[i].is_alpha and doc[i].text.isupper() and len(doc[i]) > 1:
            return True
    return False


def _sentence_case(sentence: Span, run: list[Token]) -> str | None:
    """The sentence with the shouted words in lower case (acronyms kept)."""
    edits = []
    for token in run:
        if not is_english(token):
            continue
        text = token.lower_
        if token.i == sentence.start:
            text = capitalize(text)
        edits.append((token.idx, end_of(token), text))
    return apply_edits(sentence, edits) if edits else None
