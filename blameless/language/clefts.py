"""Clefts that single a person out as the cause: "It was Dmitri who mistyped the rule",
"it was Ravi's change to the pool size that starved the workers", and the other way round,
"What brought the cluster down was Pieter running…"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.parse import Found, lemma, negated, subject_of
from blameless.language.rulekit import Lists
from blameless.language.spans import clause_end, last_word, owners_of, phrase_start
from blameless.language.wording import is_word

_FOCUS = frozenset({"attr", "ccomp", "nsubj"})  # what a pseudo-cleft says the cause was


def cleft(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "It was Dmitri who mistyped the rule": the sentence singles a person out; and
    "What brought the cluster down was Pieter running…" the other way round."""
    doc = sentence.doc
    yield from _what_cleft(sentence, lists)
    for who in sentence:
        if who.lower_ not in ("who", "that") or who.i < sentence.start + 3:
            continue
        verb = who.head
        if not is_word(verb, lists.words) or negated(verb):
            continue
        named = doc[who.i - 1]
        # "it was Daniela's script that wiped…": the owner of the thing singled out, also
        # past what the thing is about ("Ravi's change to the pool size that starved…")
        owner = named if lists.agent(named) else _owner(_singled_out(named))
        if owner is None or not lists.agent(owner):
            continue
        edge = min(named.left_edge.i, owner.i)
        opening = [t.lower_ for t in doc[max(sentence.start, edge - 3) : named.i]]
        if "it" in opening and {"was", "is", "'s", "’s"} & set(opening):  # "it was X who …"
            yield Found.spanning(verb, owner, phrase_start(owner), clause_end(verb))


def _singled_out(word: Token) -> Token:
    """The noun the copula singles out, above the phrases that hang off it: "change" in
    "it was Ravi's change to the pool size that…", "decision" in "…'s decision to ship…"."""
    thing = word
    for _ in range(6):
        if thing.dep_ == "attr" or thing.head.i == thing.i or _owner(thing) is not None:
            return thing
        thing = thing.head
    return word


def _owner(thing: Token) -> Token | None:
    return next(iter(owners_of(thing)), None)


def _what_cleft(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "What took the site down was a contractor's script / Pieter running…": the clause
    of the damage is the subject of "was", and the person is what it was."""
    for what in sentence:
        verb = what.head
        if what.lower_ != "what" or what.dep_ != "nsubj":
            continue
        if verb.dep_ == "ccomp" and lemma(verb.head) == "be" and is_word(verb, lists.words):
            # the other way round: "wei's hotfix is what's throwing the 502s"
            subject = subject_of(verb.head)
            owner = subject if lists.agent(subject) else _owner(subject) if subject else None
            if owner is None and subject is not None and subject.tag_ == "VBG":
                owner = subject_of(subject)  # "Mateus enabling the pipeline is what started…"
            if owner is not None and lists.agent(owner):
                yield Found.spanning(verb, owner, phrase_start(owner), clause_end(verb))
                return
        if verb.dep_ != "csubj":
            continue
        host = verb.head  # "was", or the participle "was" is an auxiliary of
        copula = lemma(host) == "be" or any(lemma(c) == "be" for c in host.children)
        if not is_word(verb, lists.words) or not copula:
            continue
        if host.dep_ == "aux":  # "was" parsed as the auxiliary of "running"
            host = host.head
        for part in [host, *host.children]:
            if part.i <= verb.i or (part.i != host.i and part.dep_ not in _FOCUS):
                continue
            doers = [part, *(c for c in part.children if c.dep_ in ("nsubj", "poss"))]
            agent = next((d for d in doers if lists.agent(d)), None)
            if agent is not None:
                yield Found.spanning(verb, agent, what, last_word(part), agent)
                return
