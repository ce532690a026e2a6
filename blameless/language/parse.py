"""Reading the parse, once for every construction: subjects, agents, negation, phrases.

A construction asks the same few questions of a verb whatever rule it serves: who did
it (through conjunctions, infinitives, relative clauses and the passive by-agent), was
it negated or only hypothetical, and what did it act on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from blameless.language.agents import FIRST_PERSON, INDEFINITE, NOBODY, is_human
from blameless.language.lexicon import inflections, lexicon

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "hardly"})
_HYPOTHETICAL = frozenset({"can", "could", "may", "might", "will", "would", "ca", "wo", "shall"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_SELF = frozenset(lexicon().words("self_pronouns"))


@dataclass(frozen=True)
class Found:
    """What a construction found: its anchor word, the agent if any, and the words to mark."""

    anchor: Token
    agent: Token | None
    first: Token
    last: Token

    @classmethod
    def spanning(cls, anchor: Token, agent: Token | None, *words: Token) -> Found:
        """A finding that marks from the first to the last of `words` (in text order)."""
        ordered = sorted((anchor, *words), key=lambda t: t.i)
        return cls(anchor, agent, ordered[0], ordered[-1])


def lemma(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def is_word(token: Token, words: frozenset[str]) -> bool:
    """The token's lemma or form is one of the words, or starts one of its phrases
    ("take down" through its particle, "due to", "traced back to", "don't")."""
    if lemma(token) in words or token.lower_ in words or token.lower_ in _inflected(words):
        return True  # the tagger's lemma can be off ("forgot" read as a present tense)
    for child in token.children:
        if child.dep_ == "prt" and f"{lemma(token)} {child.lower_}" in words:
            return True
    phrases = _phrase_index(words)
    if not phrases:
        return False
    after = following_text(token, 8)
    for head in {token.lower_, lemma(token)}:
        for phrase in phrases.get(head[:2], ()):
            text = head + after
            if text.startswith(phrase) and not text[len(phrase) : len(phrase) + 1].isalnum():
                return True
    return False


def following_text(token: Token, count: int) -> str:
    """The text right after a token (its trailing space included), up to `count` tokens,
    lower-cased: built from tokens, since `Doc.text` rebuilds the whole document."""
    doc = token.doc
    rest = token.whitespace_ + "".join(t.text_with_ws for t in doc[token.i + 1 : token.i + count])
    return rest.lower().replace("’", "'")


@lru_cache(maxsize=512)
def _inflected(words: frozenset[str]) -> frozenset[str]:
    return frozenset(form for word in words if " " not in word for form in inflections(word))


@lru_cache(maxsize=512)
def _phrase_index(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The multi-word entries of a list, by their first word."""
    index: dict[str, list[str]] = {}
    for word in words:
        if re.search(r"[ '’]", word):  # keyed by two letters: "don't" is "do" + "n't"
            index.setdefault(word[:2], []).append(word.replace("’", "'"))
    return {head: tuple(entries) for head, entries in index.items()}


def subject_of(verb: Token) -> Token | None:
    """Who does the verb: its subject or by-agent, through "and", infinitives and "who"."""
    for _ in range(6):
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        for child in verb.children:
            if child.dep_ in SUBJECTS:
                if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                    return verb.head
                return child
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head if verb.head.i < verb.i else None
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acomp") and verb.head is not verb:
            if verb.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" for c in verb.children):
                return None  # "…, because it failed": its own clause, with no subject
            verb = verb.head
            continue
        return None
    return None


def agent_kind(token: Token | None, people: frozenset[str]) -> str | None:
    """ "self" (I, we), "someone" (indefinite), "person", or None for no human agent."""
    if token is None:
        return None
    lower = token.lower_
    if lower in NOBODY:
        return None
    if lower in _SELF:
        return "self"
    if lower in INDEFINITE:
        return "someone"
    if lower in FIRST_PERSON:
        return "self"
    return "person" if is_human(token, people, proper_nouns=True) else None


def matches_agent(token: Token | None, wanted: str, people: frozenset[str]) -> bool:
    kind = agent_kind(token, people)
    if wanted == "none":
        return True
    if wanted == "person":
        return kind in ("person", "someone")
    return kind == wanted


def negated(token: Token) -> bool:
    """The verb (or the word and its head) is negated: "did not check", "never noticed"."""
    heads = [token, token.head] if token.dep_ in ("acomp", "attr", "advmod", "amod") else [token]
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return True
    return False


def hypothetical(verb: Token) -> bool:
    """ "could cause", "can take down": a possibility, not a claim about what happened."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    has_perfect = any(lemma(a) == "have" for a in auxes)
    return not has_perfect and any(a.lower_ in _HYPOTHETICAL for a in auxes)


def objects(verb: Token) -> Iterator[Token]:
    """The words the verb acts on: its objects, their modifiers, and prepositional objects."""
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr", "oprd", "prt", "dative", "nsubjpass"):
            yield from child.subtree
        elif child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from pobj.subtree


def holds_word(tokens: Iterator[Token] | list[Token], words: frozenset[str]) -> bool:
    return any(lemma(t) in words or t.lower_ in words for t in tokens)


def phrase_start(token: Token) -> Token:
    """The first word of the noun phrase headed by `token`, without a timestamp or bullet."""
    doc = token.doc
    index = token.left_edge.i
    while index < token.i and (
        doc[index].is_punct or doc[index].like_num or ":" in doc[index].text
    ):
        index += 1
    return doc[index]


def clause_end(verb: Token) -> Token:
    """The last word of the verb's object (or the verb itself): where a finding ends."""
    last = verb
    for child in verb.children:
        adjacent = child.i == verb.i + 1 and child.dep_ == "advmod"  # "rolled back"
        if child.i > verb.i and (
            adjacent or child.dep_ in ("dobj", "prt", "attr", "acomp", "oprd", "xcomp")
        ):
            last = max(last, child.right_edge, key=lambda t: t.i)
    while last.i > verb.i and (last.is_punct or last.is_space):
        last = last.doc[last.i - 1]
    return last


def in_quotes(token: Token, sentence: Span) -> bool:
    """The token sits inside quotation marks: a mention, not a use."""
    quote_marks = 0
    for other in sentence:
        if other.i >= token.i:
            break
        if other.text in ('"', "“", "”", "``", "''") or (
            other.is_quote
            and other.text in ("'", "‘", "’")
            and other.whitespace_ == ""
            and (other.i == 0 or other.doc[other.i - 1].whitespace_)
        ):
            quote_marks += 1
    return quote_marks % 2 == 1
