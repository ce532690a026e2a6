"""A person's thing that produced an outcome, whatever the verb: "Martina's one-line change
turned a minor blip into a full retry storm", "the release manager's promotion of build 812
drove checkout errors to 38%", "a change by Erik brought an hour of downtime". The outcome
noun carries the blame, so the verb may be any act but one that treats, limits or ends it.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.parse import Found, hypothetical, negated
from blameless.language.rulekit import Lists
from blameless.language.sequels import relieves
from blameless.language.spans import clause_end, head_noun, owners_of, phrase_start
from blameless.language.wording import is_word

# Where the outcome may hang off the act: its object, or what the act turned something into.
_RESULTS = frozenset({"into", "to"})


def yielded(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's thing is the subject of an act whose object is an outcome."""
    for word in sentence:
        if not is_word(word, lists.words) or word.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        verb = _producing_act(head_noun(word))
        if verb is None or lists.cancels(verb) or relieves(verb):
            continue  # "Ana's fix resolved the outage", "Ana's rollback stopped the errors"
        if negated(verb) or hypothetical(verb):
            continue
        # (past a timestamp the parser made the subject: "14:02 UTC/nsubj — Mia's change…")
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects += [a for t in subjects for a in t.children if a.dep_ == "appos"]
        things = [t for t in subjects if lists.has_marker(t)]
        owners = [o for t in things for o in (*owners_of(t), *_makers(t))]
        owner = next((o for o in owners if lists.agent(o)), None)  # not "Ana's ticket…"
        if owner is not None:
            # anchored on the outcome, the word the frame's prefilter looks for
            yield Found.spanning(word, owner, phrase_start(owner), clause_end(verb))


def _producing_act(outcome: Token) -> Token | None:
    """The verb the outcome is the object or the result of: "…drove errors to 38%" ("errors"
    under "drove"), "…turned a blip into a full retry storm" ("storm" under "turned")."""
    if outcome.dep_ == "dobj" and outcome.head.pos_ == "VERB":
        return outcome.head
    prep = outcome.head
    if outcome.dep_ == "pobj" and prep.lower_ in _RESULTS and prep.head.pos_ == "VERB":
        return prep.head
    if outcome.dep_ == "pobj" and prep.lower_ == "of" and prep.head.dep_ == "dobj":
        return _producing_act(prep.head)  # a measure of it: "…brought an hour of downtime"
    return None


def _makers(thing: Token) -> Iterator[Token]:
    """Who made the thing: "a change by Erik"."""
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            yield from (p for p in prep.children if p.dep_ == "pobj")
