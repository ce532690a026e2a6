"""The words of an item as the tracker shows them, from the reader's segments.

The reader has already resolved the inline markup (`Segment.plain`, `links`, `codes`,
`struck`); here link texts that only say "there is a link" are dropped (the link is the
ticket) and the text is put on one tidy line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blameless.document import Segment

# Link texts that only say "there is a link": the link is the ticket, the words are noise.
_GENERIC_LINK_TEXT = frozenset(
    {"issue", "pr", "pull request", "link", "ticket", "here", "bug", "jira", "details", "see"}
)
_EMPTY_BRACKETS = re.compile(r"\(\s{0,20}(?:see|cf\.?|via|in)?\s{0,20}\)|\[\s{0,20}\]|<\s{0,20}>")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:!?)])")


@dataclass(frozen=True)
class Words:
    text: str  # what a reader sees, on one line
    urls: tuple[str, ...]  # link targets and bare URLs, in order
    struck: bool  # the whole text was struck through (~~done~~)


def segment_words(segment: Segment, start: int = 0, end: int | None = None) -> Words:
    """The words of a segment (or of `plain[start:end]`), generic link texts dropped."""
    plain = segment.plain
    stop = len(plain) if end is None else end
    chars: list[str] | None = None
    urls: list[str] = []
    for link in segment.links:
        if not start <= link.start <= stop:
            continue
        urls.append(link.target)
        if plain[link.start : link.end].strip().lower() in _GENERIC_LINK_TEXT:
            chars = chars if chars is not None else list(plain)
            chars[link.start : link.end] = " " * (link.end - link.start)
    text = "".join(chars) if chars is not None else plain
    return Words(tidy(text[start:stop]), tuple(urls), segment.struck)


def tidy(text: str) -> str:
    """One line, single spaces, no empty brackets left behind by removed links."""
    text = " ".join(text.split())
    text = _EMPTY_BRACKETS.sub("", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return " ".join(text.split()).strip()


def shorten(text: str, limit: int = 60) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-—– ")
    return cut + "…"
