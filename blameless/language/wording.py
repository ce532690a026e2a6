"""Whether a token is one of a word list's entries: by its lemma or form, in any
inflection, through a particle ("took the cluster down") or as the start of a phrase."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from blameless.language.inflection import inflections
from blameless.language.parse import lemma
from blameless.language.prefilter import PARTICLES


def is_word(token: Token, words: frozenset[str]) -> bool:
    """The token's lemma or form is one of the words, or starts one of its phrases
    ("take down" through its particle, "due to", "traced back to", "don't")."""
    base = lemma(token)
    if base in words or token.lower_ in words or token.lower_ in _inflected(words):
        return True  # the tagger's lemma can be off ("forgot" read as a present tense)
    if _prefixed(token) and {f"re-{base}", f"re{base}"} & words:
        return True  # "Re-brief the team": the tokenizer splits the prefix off
    if base in _particle_heads(words) and _with_particle(token, base, words):
        return True
    phrases = _phrase_index(words)
    if not phrases:
        return False
    heads = [(head, phrases.get(head[:2], ())) for head in {token.lower_, base}]
    if not any(candidates for _, candidates in heads):
        return False  # (the text after the token is built only when a phrase could start here)
    after = following_text(token, 8)
    for head, candidates in heads:
        for phrase in candidates:
            text = head + after
            if text.startswith(phrase) and not text[len(phrase) : len(phrase) + 1].isalnum():
                return True
    return False


def word_start(token: Token) -> int:
    """Where the word starts: before a split-off "re-" ("Re-train")."""
    return token.i - 2 if _prefixed(token) else token.i


def _prefixed(token: Token) -> bool:
    """The word follows "re-": "Re-train", "re-read"."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "re"


def following_text(token: Token, count: int) -> str:
    """The text right after a token (its trailing space included), up to `count` tokens,
    lower-cased: built from tokens, since `Doc.text` rebuilds the whole document."""
    doc = token.doc
    rest = token.whitespace_ + "".join(t.text_with_ws for t in doc[token.i + 1 : token.i + count])
    return rest.lower().replace("’", "'")


def _with_particle(token: Token, base: str, words: frozenset[str]) -> bool:
    """ "took down", or "took the whole cluster down" with the particle hung on the object."""
    for child in token.children:
        if child.dep_ == "prt" and f"{base} {child.lower_}" in words:
            return True
    for later in token.doc[token.i + 1 : token.i + 6]:
        particle = later.dep_ == "prt" or later.tag_ == "RP" or later.lower_ in PARTICLES
        attached = token.i in (later.head.i, later.head.head.i)
        if particle and attached and f"{base} {later.lower_}" in words:
            return True  # (the phrase is only spelt for a particle)
    return False


@lru_cache(maxsize=512)
def _particle_heads(words: frozenset[str]) -> frozenset[str]:
    """The verbs of the list's two-word entries ("take" of "take down"): only these are
    worth looking for a particle after."""
    return frozenset(word.split()[0] for word in words if word.count(" ") == 1)


@lru_cache(maxsize=512)
def _inflected(words: frozenset[str]) -> frozenset[str]:
    return frozenset(form for word in words if " " not in word for form in inflections(word))


@lru_cache(maxsize=512)
def _phrase_index(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The multi-word entries of a list, by their first word."""
    index: dict[str, list[str]] = {}
    for word in words:
        # keyed by two letters: "don't" is "do" + "n't"; "double-check" is split at its hyphen
        if re.search(r"[ '’-]", word):
            index.setdefault(word[:2], []).append(word.replace("’", "'"))
    return {head: tuple(entries) for head, entries in index.items()}
