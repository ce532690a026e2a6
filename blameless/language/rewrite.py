"""Suggestions built from the sentence's own words: drop the blaming word, take the
person out of a possessive, or ask the rule's systemic question around the act.

Every candidate is a whole sentence. The engine re-checks each one against every rule
and keeps only those that pass; when none does, the rule's own question stands in.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from blameless.language.lexicon import lexicon
from blameless.language.parse import Found, lemma, negated
from blameless.model import Edit

_POSSESSIVE_PRONOUNS = {"your": "the", "his": "the", "her": "the", "their": "the", "my": "the"}
_STRIP = lexicon().words("error_markers", "judgment_words", "hindsight_words", "care_words")
_IRREGULAR_BASE = {"took": "take", "broke": "break", "brought": "bring", "ran": "run"}


def suggestions(
    sentence: Span, found: Found, strategy: str, prompt: str
) -> tuple[list[str], Edit | None]:
    """Candidate rewrites, best first, and the safe word-level fix if there is one."""
    fix = _fix(sentence, found, strategy)
    candidates: list[str] = []
    if fix is not None:
        candidates.append(_apply(sentence, fix))
    act = act_of(found)
    if prompt and strategy == "action" and act is not None and not negated(act):
        action = action_phrase(found)  # not for "did not renew": the act never happened
        if " " in action:  # a bare verb ("to train") says too little to ask about
            candidates.append(prompt.format(action=action))
    return candidates, fix


def _fix(sentence: Span, found: Found, strategy: str) -> Edit | None:
    if strategy == "drop":
        words = found.first.doc[found.first.i : found.last.i + 1]
        if any(t.dep_ in ("ROOT", "attr", "acomp", "nsubj", "dobj", "pobj") for t in words):
            return None  # the word carries the sentence ("was sloppy"): nothing to drop
        return _removal(sentence, found.first, found.last)
    if strategy == "depossess" and found.agent is not None:
        owner = found.agent
        doc = owner.doc
        if owner.head.lower_ == "of" and owner.dep_ == "pobj":  # "the deploy of Thiago"
            of = owner.head
            stop = doc[owner.right_edge.i].idx + len(doc[owner.right_edge.i].text)
            return Edit(
                offset=doc[of.i - 1].idx + len(doc[of.i - 1].text), end_offset=stop, replacement=""
            )
        end = owner.i + 1
        if end < len(doc) and doc[end].tag_ == "POS":
            end += 1
        start = doc[owner.left_edge.i].idx
        stop = doc[end - 1].idx + len(doc[end - 1].text)
        article = "The" if start == sentence.start_char else "the"
        return Edit(offset=start, end_offset=stop, replacement=article)
    return None


def _removal(sentence: Span, first: Token, last: Token) -> Edit:
    """Remove first..last with the space or commas around them; recapitalize at the start."""
    doc = sentence.doc
    start, end = first.idx, last.idx + len(last.text)
    after = doc[last.i + 1] if last.i + 1 < sentence.end else None
    before = doc[first.i - 1] if first.i > sentence.start else None
    if before is not None and before.lower_ in ("a", "an") and after is not None:
        article = "an" if after.text[:1].lower() in "aeiou" else "a"
        article = article.capitalize() if before.text[:1].isupper() else article
        return Edit(offset=before.idx, end_offset=after.idx, replacement=article + " ")
    if after is not None and after.text == "," and before is not None and before.text == ",":
        return Edit(offset=before.idx, end_offset=after.idx + 1, replacement="")
    if after is not None and after.text in (",", ":"):
        end = after.idx + 1 + len(after.whitespace_)
    elif last.whitespace_:
        end += len(last.whitespace_)
    elif before is not None and before.whitespace_:
        start = before.idx + len(before.text)
    if start == sentence.start_char and end < sentence.end_char:
        following = doc.char_span(end, end + 1, alignment_mode="expand")
        if following is not None and following.text[:1].islower():
            return Edit(offset=start, end_offset=end + 1, replacement=following.text[0].upper())
    return Edit(offset=start, end_offset=end, replacement="")


def _apply(sentence: Span, edit: Edit) -> str:
    base = sentence.start_char
    text = sentence.text
    text = text[: edit.offset - base] + edit.replacement + text[edit.end_offset - base :]
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"\s+([,.;:?!])", r"\1", text)
    return calm(text[:1].upper() + text[1:])


def calm(text: str) -> str:
    """A sentence without exclamations: "!!!" and "?!" become one plain stop."""
    text = re.sub(r"[!?]*\?[!?]*![!?]*|[!?]*![!?]*\?[!?]*", "?", text)
    return re.sub(r"!+", ".", text)


def act_of(found: Found) -> Token | None:
    """The verb of the act the finding is about."""
    token = found.anchor
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") and lemma(token) not in ("be", "have", "do"):
            break
        if token.head.i == token.i:
            return None
        token = token.head
    else:
        return None
    # "forgot to run X", "failed to check X": the act is the infinitive.
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ == "VERB":
            return child
    if lemma(token) in _DUTIES:
        return None  # "need to be more careful": a duty to be, no act to ask about
    return token if token.pos_ == "VERB" else None


_DUTIES = frozenset({"need", "have", "ought", "require", "want", "try"})


_PRONOUN_PATIENTS = frozenset({"he", "she", "they", "i", "we", "you", "it", "this", "that"})


def _word(token: Token) -> str:
    """A word of the rewrite, as written, with "his"/"your" made "the"."""
    return _POSSESSIVE_PRONOUNS.get(token.lower_, token.text) + token.whitespace_


def action_phrase(found: Found) -> str:
    """The act in the base form with what it acted on: "run the drain script on prod"."""
    verb = act_of(found)
    if verb is None:
        return ""
    words: list[str] = []
    # A passive names its object first: "the outage was caused by X" -> "cause the outage".
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and patient.lower_ not in _PRONOUN_PATIENTS:
        words.extend(_word(t).lower() if t.pos_ == "DET" else _word(t) for t in patient.subtree)
        words[-1] = words[-1].rstrip() + " "
    skipped = {t.i for c in verb.children if c.dep_ == "agent" for t in c.subtree}
    for token in verb.subtree:
        if token.i <= verb.i or token.i in skipped:
            continue
        if token.dep_ in ("advcl", "relcl", "cc", "conj", "mark") and token.head.i == verb.i:
            break
        if token.text in (",", ";", ":", "—", "–", "(", ")") or (
            token.is_punct and (token.i + 1 == len(token.doc) or token.nbor(1).is_sent_start)
        ):
            break
        if token.lower_ in _STRIP or lemma(token) in _STRIP or token.dep_ == "neg":
            continue
        words.append(_word(token))
    head = _IRREGULAR_BASE.get(verb.lower_, lemma(verb))
    particle = "".join(" " + c.text for c in verb.children if c.dep_ == "prt" and c.i > verb.i)
    rest = "".join(words).strip()
    if particle and rest.startswith(particle.strip()):
        particle = ""
    phrase = f"{head}{particle} {rest}".strip()
    return re.sub(r"\s+([,.;:?!])", r"\1", phrase).rstrip(" .?!,;:")
