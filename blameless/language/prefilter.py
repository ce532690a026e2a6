"""The cheap test that decides which sentences are parsed: derived from the lexicons.

A frame can only match a sentence that holds one of its anchor words (the engine checks
this of every match), so a sentence without any anchor word of any enabled frame is
never parsed. The test is a word-set lookup, linear in the text, with no regex
alternation over thousands of words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from blameless.language.lexicon import surface_forms

_WORD = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?")


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, apostrophes normalized ("can’t" -> "can't") and
    possessives dropped ("Kevin's" -> "kevin")."""
    words = [match.group().lower().replace("’", "'") for match in _WORD.finditer(text)]
    return [word[:-2] if word.endswith("'s") else word for word in words]


@dataclass(frozen=True)
class Words:
    """A text split once: its words in order, as a set, and folded for symbols."""

    order: list[str]
    unique: frozenset[str]
    folded: str

    @classmethod
    def of(cls, text: str) -> Words:
        order = words_of(text)
        return cls(order, frozenset(order), text.lower().replace("’", "'"))


@dataclass(frozen=True)
class Prefilter:
    """Whether a text holds any of a set of words or phrases (in any inflection)."""

    words: frozenset[str] = frozenset()
    phrases: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    symbols: tuple[str, ...] = ()  # entries with no letters ("!!"), found as substrings

    @classmethod
    def of(cls, entries: Iterable[str], verbs: bool = True) -> Prefilter:
        words: set[str] = set()
        phrases: dict[str, set[tuple[str, ...]]] = {}
        symbols: set[str] = set()
        for entry in entries:
            if not (entry[:1].isalnum() and entry[-1:].isalnum()) or "'" in entry:
                # "!!", "'s", "s'", "n't": found as they are, anywhere (in any case)
                symbols.add(entry.lower().replace("’", "'"))
                continue
            for form in surface_forms(entry, verbs):
                # Forms are lower-case words joined by spaces: split them the cheap way
                # unless punctuation needs `words_of`'s reading.
                plain = form.replace("-", "").replace(" ", "").isalnum()
                parts = tuple(form.split() if plain else words_of(form))
                if len(parts) == 1:
                    words.add(parts[0])
                elif parts:
                    phrases.setdefault(parts[0], set()).add(parts[1:])
        return cls(
            frozenset(words),
            {first: tuple(sorted(rests)) for first, rests in phrases.items()},
            tuple(sorted(symbols)),
        )

    def search(self, text: str) -> bool:
        """True when the text holds one of the entries."""
        return self.search_words(Words.of(text))

    def search_words(self, found: Words) -> bool:
        """`search` on a text split once for many filters (set lookups, no rescans)."""
        if not self.words.isdisjoint(found.unique):
            return True
        if self.symbols and any(symbol in found.folded for symbol in self.symbols):
            return True
        for first in self.phrases.keys() & found.unique:
            for index, word in enumerate(found.order):
                if word != first:
                    continue
                for rest in self.phrases[first]:
                    if tuple(found.order[index + 1 : index + 1 + len(rest)]) == rest:
                        return True
        return False

    def __or__(self, other: Prefilter) -> Prefilter:
        phrases = dict(self.phrases)
        for first, rests in other.phrases.items():
            phrases[first] = tuple(sorted({*phrases.get(first, ()), *rests}))
        return Prefilter(
            self.words | other.words, phrases, tuple(sorted({*self.symbols, *other.symbols}))
        )
