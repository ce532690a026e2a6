"""The prefilter of the enabled language rules, derived from their frames' word lists.

The checker parses only sentences this gate admits: a sentence some frame could match,
by its words, the words it also requires, and a hint of the person it needs. The engine
asks each frame the same question before running it, so no frame can match a sentence
the gate skips.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from blameless.language.prefilter import Prefilter, Words
from blameless.language.rulekit import CompiledFrame, Hints, compiled_frames
from blameless.windows import Gate


@dataclass(frozen=True)
class FrameFinder:
    """Finds a sentence any of the frames could match (a `Gate` finder)."""

    frames: tuple[CompiledFrame, ...]
    any_words: Prefilter  # every frame's words: most sentences are ruled out in one look-up
    people: tuple[str, ...] = ()

    def search(self, text: str) -> bool:
        words = Words.of(text)
        if not self.any_words.search_words(words):
            return False
        hints = Hints(text, self.people)
        return any(frame.admits(words, hints) for frame in self.frames)


@dataclass(frozen=True)
class _Nothing:
    def search(self, text: str) -> bool:
        return False


@lru_cache(maxsize=64)
def language_gate(rules: frozenset[str], people: tuple[str, ...] = ()) -> Gate:
    frames = tuple(frame for rule in sorted(rules) for frame in compiled_frames(rule))
    any_words = Prefilter.union(frame.prefilter for frame in frames)
    finder = FrameFinder(frames, any_words, people)
    return Gate(triggers=finder, person_triggers=_Nothing(), person=_Nothing())
