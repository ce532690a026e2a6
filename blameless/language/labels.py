"""A cause label and then a person, read from the words rather than the parse, which
rarely makes sense of notes: "root cause = @kwabena, he pushed…", "Main reason of
failure is Hyun-woo, he restarted…", "root cause is literally @tariq running migrate…",
"Contributing factor: Sione's wipe of the live bucket" (a possessor is read as an agent
there).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.parse import Found, lemma, negated
from blameless.language.rulekit import Lists
from blameless.language.spans import head_noun, last_word
from blameless.language.wording import is_word

# What joins the label to what it names: a colon, an equals sign or an arrow, or a copula.
_MARKS = frozenset({":", "=", "->", "=>", "→", "-", "–", "—"})
_LINKS = _MARKS | {"is", "was", "'s", "’s"}
# Words a writer puts between the link and the name: "is literally @tariq", "was clearly X".
_HEDGES = frozenset(
    {"literally", "simply", "just", "clearly", "obviously", "basically", "probably", "honestly"}
)
# What may stand between the label and its link: "of (the) failure", "for this incident".
_LABEL_TAIL = frozenset(
    {"of", "for", "behind", "the", "this", "that", "our", "whole", "entire", "per", "according"}
)
_MODIFIERS = frozenset({"ADJ", "NUM", "DET"})
_LABEL_HEADS = frozenset(
    {"cause", "culprit", "reason", "factor", "source", "root", "rca", "driver", "party", "analysis"}
)


def label(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A cause label, its link, then a person or a person's thing: the label names them."""
    doc = sentence.doc
    for word in sentence:
        if lemma(word) not in _LABEL_HEADS or not is_word(_label_start(word), lists.words):
            continue
        link = _link_after(word, sentence)
        if link is None or negated(link):
            continue  # "the cause was not Ana": no link, or one that denies it
        after = doc[link.i + 1 : min(sentence.end, link.i + 6)]
        first = next((t for t in after if t.lower_ not in _HEDGES and t.pos_ != "DET"), None)
        if first is None or lemma(first) in ("that", "when", "how", "why", "because"):
            continue  # "the reason was that the cache…": a clause, about whatever it says
        # the head of the phrase named: "the new hire", "the network team", "one admin"
        named = next((t for t in after if t.i >= first.i and t.pos_ not in _MODIFIERS), first)
        named = named if lists.agent(named) else head_noun(named)  # "Hyun-woo" stays whole
        named = named if lists.agent(named) else _maker(named)  # "a change by Erik J."
        if link.lower_ in _MARKS and lemma(word) == "reason":
            continue  # "Reason: Ana asked for it", a change request's field
        verb = next((t for t in doc[named.i + 1 : sentence.end] if t.pos_ == "VERB"), None)
        if verb is not None and lists.cancels(verb):
            continue  # "Root cause: Alice's investigation found that…": credit, not a cause
        if lists.agent(named):
            start = _label_start(word)  # the anchor: "contributing factor" from its start
            yield Found.spanning(start, named, last_word(named))
            return


def _label_start(word: Token) -> Token:
    """ "root cause", "main reason": from the label's first word."""
    first = word
    while (
        first.i > 0 and first.nbor(-1).dep_ in ("amod", "compound") and first.nbor(-1).head == word
    ):
        first = first.nbor(-1)
    return first


def _link_after(word: Token, sentence: Span) -> Token | None:
    """The link within a few words after the label ("of failure is", "for this incident:")."""
    doc = sentence.doc
    for token in doc[word.i + 1 : min(sentence.end, word.i + 6)]:
        if token.lower_ in _LINKS:
            return token
        if token.lower_ not in _LABEL_TAIL and token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None  # ("Root cause per L2:", "Finding 3:")
    return None


def _maker(thing: Token) -> Token:
    """Who made the thing a label names: "Reason for outage: a change by Erik Johansson"."""
    for prep in thing.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            return next((p for p in prep.children if p.dep_ == "pobj"), thing)
    return thing
