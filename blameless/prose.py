"""Blanking Markdown inline markup so only the words a reader sees are checked.

Every function keeps the length of its input: a blanked character becomes a space, so
offsets into the result are offsets into the original.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")

# Applied in order, after code spans and HTML comments (found by `_code_and_comments`,
# in one linear pass: a lazy `.*?` pattern rescans the rest of the text from every
# unclosed backtick or `<!--`).
_NOT_PROSE = [
    re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>"),  # autolink
    HTML_TAG,
    # A link or image: its text stays, the brackets and the target go.
    re.compile(
        r"!?\[(?P<keep>[^\[\]]*)\]"
        # One run of spaces before the optional title and one after it: never two
        # quantifiers over the same spaces, so an unclosed link costs one scan.
        r"(?:\((?:[^()\s]|\([^()\s]*\))*\s*(?:(?:\"[^\"]*\"|'[^']*'|\([^()]*\))\s*)?\)"
        r"|\[[^\[\]]*\])?"
    ),
    re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>]*[^\s<>.,;:!?)\]'\"]"),  # bare URL
    re.compile(r"\*+|~~"),  # emphasis and strikethrough markers
    re.compile(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])"),  # underscore emphasis, not snake_case
    re.compile(r"\\(?=[!-/:-@\[-`{-~])"),  # backslash escapes
    re.compile(r"(?m)^[ \t]*[•◦▪‣∙](?=[ \t])"),  # a typographic bullet pasted from a chat or doc
    re.compile(r"[\r\n\t]"),  # line breaks and tabs inside a block read as spaces
]


def blank(chars: list[str], start: int, end: int) -> None:
    for index in range(max(start, 0), min(end, len(chars))):
        chars[index] = " "


def blank_ranges(text: str, ranges: Iterable[tuple[int, int]]) -> str:
    """`text` with the given (start, end) ranges replaced by spaces."""
    chars = list(text)
    for start, end in ranges:
        blank(chars, start, end)
    return "".join(chars)


_BACKTICKS = re.compile(r"`+")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans: a run of backticks up to the next run of the same length (CommonMark)."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        same = by_length[end - start]
        following = bisect.bisect_right(same, index)
        if following == len(same):
            index += 1  # unclosed: literal backticks
            continue
        closer = same[following]
        spans.append((start, runs[closer][1]))
        index = closer + 1
    return spans


def _comments(text: str) -> list[tuple[int, int]]:
    """HTML comments; after an unclosed `<!--` there are no more."""
    spans: list[tuple[int, int]] = []
    position = text.find("<!--")
    while position >= 0:
        close = text.find("-->", position + 4)
        if close < 0:
            break
        spans.append((position, close + 3))
        position = text.find("<!--", close + 3)
    return spans


def mask_inline_markup(text: str, extra: Iterable[tuple[int, int]] = ()) -> str:
    """`text` with inline markup, and the given (start, end) ranges, replaced by spaces."""
    current = blank_ranges(text, extra)
    if "`" in current:
        current = blank_ranges(current, _code_spans(current))
    if "<!--" in current:
        current = blank_ranges(current, _comments(current))
    chars = list(current)
    for pattern in _NOT_PROSE:
        if not pattern.search(current):
            continue
        for match in pattern.finditer(current):
            if "keep" in pattern.groupindex:
                blank(chars, match.start(), match.start("keep"))
                blank(chars, match.end("keep"), match.end())
            else:
                blank(chars, match.start(), match.end())
        current = "".join(chars)
    return current


# A bare URL in running text; starts only at a scheme or "www.", so the scan is linear.
BARE_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")


def take_urls(text: str) -> tuple[str, list[tuple[str, int]]]:
    """`text` with bare URLs blanked, and each URL with its offset."""
    urls = [(match.group(), match.start()) for match in BARE_URL.finditer(text)]
    if not urls:
        return text, []
    return blank_ranges(text, ((at, at + len(url)) for url, at in urls)), urls
