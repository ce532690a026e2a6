"""The prefilter of the enabled language rules, derived from their frames' word lists.

The checker parses only sentences this gate admits: a sentence some frame could match,
by its words, the words it also requires, and a hint of the person it needs. The engine
asks each frame the same question before running it, so no frame can match a sentence
the gate skips.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from blameless.language.prefilter import Words
from blameless.language.rulekit import CompiledFrame, Hints, compiled_frames
from blameless.windows import Gate


@dataclass(frozen=True)
class FrameFinder:
    """Finds a sentence any of the frames could match (a `Gate` finder)."""

    frames: tuple[CompiledFrame, ...]
    people: tuple[str, ...] = ()

    def search(self, text: str) -> bool:
        words, hints = Words.of(text), Hints(text, self.people)
        return any(frame.admits(words, hints) for frame in self.frames)


@dataclass(frozen=True)
class _Nothing:
    def search(self, text: str) -> bool:
        return False


@lru_cache(maxsize=64)
def language_gate(rules: frozenset[str], people: tuple[str, ...] = ()) -> Gate:
    frames = tuple(frame for rule in sorted(rules) for frame in compiled_frames(rule))
    return Gate(triggers=FrameFinder(frames, people), person_triggers=_Nothing(), person=_Nothing())
