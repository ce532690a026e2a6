"""Readable text from the Markdown of one item or cell, and the links it holds.

Action items are shown in a tracker and in findings, so `**`, backticks, link targets
and escapes go; link targets are kept apart because they are often the tracking ticket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from blameless.prose import HTML_TAG

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_INLINE_LINK = re.compile(
    r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+\"[^\"]*\")?\)"
)
_REFERENCE_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\[(?P<ref>[^\[\]]*)\]")
_SHORTCUT_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\](?![\[(:])")
_DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]]+)\]:\s*<?(?P<url>[^\s>]+)>?", re.M)
# Link texts that only say "there is a link": the link is the ticket, the words are noise.
_GENERIC_LINK_TEXT = frozenset(
    {"issue", "pr", "pull request", "link", "ticket", "here", "bug", "jira", "details", "see"}
)
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp)://[^\s<>]+)>")
BARE_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_CODE = re.compile(r"(?<!`)(`+)(?!`)(?P<code>.+?)(?<!`)\1(?!`)")
_EMPHASIS = re.compile(
    r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w])_(?=\S)|(?<=\S)_(?![\w])"
)
_STRIKE = re.compile(r"~~")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMPTY_BRACKETS = re.compile(r"\(\s*(?:see|cf\.?|via|in)?\s*\)|\[\s*\]|<\s*>")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")


@dataclass(frozen=True)
class Inline:
    text: str  # what a reader sees, on one line
    urls: tuple[str, ...]  # link targets and bare URLs, in order
    struck: bool  # the whole text was struck through (~~done~~)


@lru_cache(maxsize=8)
def reference_targets(text: str) -> dict[str, str]:
    """Link reference definitions of a document (`[label]: url`), by lower-case label."""
    return {m.group("label").strip().lower(): m.group("url") for m in _DEFINITION.finditer(text)}


def read_inline(raw: str, references: dict[str, str] | None = None) -> Inline:
    """Turn one Markdown inline fragment (maybe several lines) into plain text and links."""
    references = references or {}
    text = _COMMENT.sub(" ", raw)
    text = _IMAGE.sub(" ", text)
    stripped = text.strip()
    struck = stripped.startswith("~~") and stripped.endswith("~~") and len(stripped) > 4
    urls: list[str] = []

    def keep_link(match: re.Match[str]) -> str:
        urls.append(match.group("url"))
        return _link_words(match.groupdict().get("text"))

    def keep_reference(match: re.Match[str]) -> str:
        label = (match.groupdict().get("ref") or match.group("text")).strip().lower()
        if label not in references:
            return match.group()
        urls.append(references[label])
        return _link_words(match.group("text"))

    # Code spans first: nothing inside them is markup, but their words are the item's.
    codes: list[str] = []

    def hold_code(match: re.Match[str]) -> str:
        codes.append(match.group("code").strip())
        return f"\x00{len(codes) - 1}\x00"

    text = _CODE.sub(hold_code, text)
    text = _INLINE_LINK.sub(keep_link, text)
    text = _REFERENCE_LINK.sub(keep_reference, text)
    if references:
        text = _SHORTCUT_LINK.sub(keep_reference, text)
    text = _AUTOLINK.sub(keep_link, text)
    for match in BARE_URL.finditer(text):
        urls.append(match.group())
    text = BARE_URL.sub(" ", text)
    text = HTML_TAG.sub(" ", text)
    text = _STRIKE.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], text)
    return Inline(text=tidy(text), urls=tuple(urls), struck=struck)


def _link_words(text: str | None) -> str:
    if not text or text.strip().lower() in _GENERIC_LINK_TEXT:
        return " "
    return text


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
