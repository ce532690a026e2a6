"""Readable text from the Markdown of one item or cell, and the links it holds.

Action items are shown in a tracker and in findings, so `**`, backticks, link targets
and escapes go; link targets are kept apart because they are often the tracking ticket.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_INLINE_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\))?[^()\s]*)(?:\s+\"[^\"]*\")?\)")
_REFERENCE_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\[(?P<ref>[^\[\]]*)\]")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp)://[^\s<>]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
BARE_URL = re.compile(r"(?:\bhttps?://|\bwww\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]")
_CODE = re.compile(r"(?<!`)(`+)(?!`)(?P<code>.+?)(?<!`)\1(?!`)")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w])_(?=\S)|(?<=\S)_(?![\w])")
_STRIKE = re.compile(r"~~")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]|<\s*>")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)])")


@dataclass(frozen=True)
class Inline:
    text: str  # what a reader sees, on one line
    urls: tuple[str, ...]  # link targets and bare URLs, in order
    struck: bool  # the whole text was struck through (~~done~~)


def read_inline(raw: str) -> Inline:
    """Turn one Markdown inline fragment (maybe several lines) into plain text and links."""
    text = _COMMENT.sub(" ", raw)
    text = _IMAGE.sub(" ", text)
    stripped = text.strip()
    struck = stripped.startswith("~~") and stripped.endswith("~~") and len(stripped) > 4
    urls: list[str] = []

    def keep_link(match: re.Match[str]) -> str:
        urls.append(match.group("url"))
        return match.groupdict().get("text") or " "

    # Code spans first: nothing inside them is markup, but their words are the item's.
    codes: list[str] = []

    def hold_code(match: re.Match[str]) -> str:
        codes.append(match.group("code").strip())
        return f"\x00{len(codes) - 1}\x00"

    text = _CODE.sub(hold_code, text)
    text = _INLINE_LINK.sub(keep_link, text)
    text = _REFERENCE_LINK.sub(lambda m: m.group("text"), text)
    text = _AUTOLINK.sub(keep_link, text)
    for match in BARE_URL.finditer(text):
        urls.append(match.group())
    text = BARE_URL.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _STRIKE.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(r"\1", text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: codes[int(m.group(1))], text)
    return Inline(text=tidy(text), urls=tuple(urls), struck=struck)


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
