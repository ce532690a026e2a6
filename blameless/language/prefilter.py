"""The cheap test that decides which sentences are parsed: derived from the lexicons.

A frame can only match a sentence that holds one of its anchor words (the engine checks
this of every match), so a sentence without any anchor word of any enabled frame is
never parsed. The test is a word-set lookup, linear in the text, with no regex
alternation over thousands of words.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import reduce

from blameless.language.inflection import CONTRACTIONS, surface_forms, unmarked, word_forms

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
        # "should've" is two tokens to the parser ("should", "'ve"): have both at hand
        parts = [
            part
            for word in order
            if "'" in word
            for suffix in CONTRACTIONS
            if word.endswith(suffix)
            for part in (word[: -len(suffix)], suffix)
        ]
        return cls(order, frozenset(order + parts), text.lower().replace("’", "'"))

    def opening(self, count: int) -> Words:
        """The first `count` words only (symbols are looked for in the whole text)."""
        return Words(self.order[:count], frozenset(self.order[:count]), self.folded)


# A phrase after its first word: the words in its middle, then any form of its last word,
# which may come up to this many words later (a particle: "took the whole site down").
Rest = tuple[tuple[str, ...], frozenset[str], int]
# "offline" is a result complement, not a particle, but sits where one does.
PARTICLES = frozenset(
    {"down", "out", "up", "off", "over", "away", "back", "aside", "on", "offline"}
)
PARTICLE_GAP = 4


@dataclass(frozen=True)
class Prefilter:
    """Whether a text holds any of a set of words or phrases (in any inflection)."""

    words: frozenset[str] = frozenset()
    phrases: dict[str, frozenset[Rest]] = field(default_factory=dict)
    symbols: tuple[str, ...] = ()  # entries with no letters ("!!"), found as substrings

    @classmethod
    def of(cls, entries: Iterable[str], verbs: bool = True) -> Prefilter:
        words: set[str] = set()
        phrases: dict[str, set[Rest]] = {}
        symbols: set[str] = set()
        for entry in entries:
            if not (entry[:1].isalnum() and entry[-1:].isalnum()) or "'" in entry:
                # "!!", "'s", "s'", "n't": found as they are, anywhere (in any case)
                symbol = entry.lower().replace("’", "'")
                symbols.update({symbol, unmarked(symbol) or symbol})  # and "thats on me"
                continue
            parts = entry.lower().replace("’", "'").split()
            if not all(part.replace("-", "").isalnum() for part in parts):
                # Punctuation inside ("root-cause/trigger"): read each form as a text is read.
                for form in surface_forms(entry, verbs):
                    _add(words_of(form), words, phrases, lambda last: frozenset({last}))
                continue
            gap = PARTICLE_GAP if verbs and len(parts) == 2 and parts[1] in PARTICLES else 0
            # The last word's forms stay one set, so a phrase costs its forms' sum, not
            # their product.
            for first in word_forms(parts[0], verbs):
                _add([first, *parts[1:]], words, phrases, lambda w: word_forms(w, verbs), gap)
        return cls(
            frozenset(words),
            {first: frozenset(rests) for first, rests in phrases.items()},
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
        phrases = self.phrases  # (the sentence's few words looked up, not the keys copied)
        if not phrases:
            return False
        order = found.order
        for first in [word for word in found.unique if word in phrases]:
            for index, word in enumerate(order):
                if word != first:
                    continue
                for middle, lasts, gap in self.phrases[first]:
                    end = index + 1 + len(middle)
                    if gap and not lasts.isdisjoint(order[end : end + gap + 1]):
                        return True
                    if (
                        end < len(order)
                        and order[end] in lasts
                        and tuple(order[index + 1 : end]) == middle
                    ):
                        return True
        return False

    @classmethod
    def union(cls, prefilters: Iterable[Prefilter]) -> Prefilter:
        """A text any of the prefilters finds (for a whole rule, or the gate)."""
        return reduce(operator.or_, prefilters, cls())

    def __or__(self, other: Prefilter) -> Prefilter:
        phrases = dict(self.phrases)
        for first, rests in other.phrases.items():
            phrases[first] = phrases.get(first, frozenset()) | rests
        return Prefilter(
            self.words | other.words, phrases, tuple(sorted({*self.symbols, *other.symbols}))
        )


def _add(
    parts: list[str],
    words: set[str],
    phrases: dict[str, set[Rest]],
    last_forms: Callable[[str], frozenset[str]],
    gap: int = 0,
) -> None:
    if len(parts) == 1:
        words.add(parts[0])
    elif parts:
        rest = (tuple(parts[1:-1]), last_forms(parts[-1]), gap)
        phrases.setdefault(parts[0], set()).add(rest)
