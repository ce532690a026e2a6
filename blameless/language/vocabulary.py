"""The vocabularies name detection leans on: ordinary English words (from the pipeline's
own lemmatizer), software and vendor names, and first names that are also English words.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

# English words known to the pipeline's lemmatizer; a capitalized word outside it that is
# not software either reads as a name ("Oluwaseun", "Tomasz"). Set by the component.
_english_words: frozenset[str] = frozenset()


def english_words() -> frozenset[str]:
    return _english_words


def set_english_words(words: Iterable[str]) -> None:
    """Give the detector the pipeline's vocabulary of ordinary English words."""
    global _english_words
    _english_words = frozenset(word.lower() for word in words)


def is_english_word(word: str) -> bool:
    """An ordinary English word, by the pipeline lemmatizer's vocabulary (lower-case)."""
    return word in _english_words


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("blameless.data").joinpath(name).read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def technical_names() -> frozenset[str]:
    """Software, services and vendors whose names look like people's names."""
    return _word_list("technical-names.txt")


@lru_cache(maxsize=1)
def word_names() -> frozenset[str]:
    """First names that are also English words ("Will", "Grace", "Mark")."""
    return _word_list("word-names.txt")
