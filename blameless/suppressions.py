"""Suppression comments inside a document, parsed into data.

    <!-- blameless-disable-next-line why-you,human-error -->
    <!-- blameless-disable person-as-cause -->  …  <!-- blameless-enable person-as-cause -->

No rule list means every rule. Only real HTML comments count: in Markdown a directive
inside a code block or an inline code span is text about blameless, never honoured.
A misspelt or upper-case directive (`blameless-disabel`, `BLAMELESS-DISABLE`) and an
unknown rule id are input errors, not silence: a suppression that does nothing would
hide that it does nothing.

Linear in the document: comments are found with `str.find`, never a regular expression
that could rescan an unclosed `<!--`, and lookups are by bisection.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from blameless.document import Document
from blameless.errors import InputError
from blameless.packs import load_packs, unknown_rule_message

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ACTIONS = ("disable-next-line", "disable", "enable")
_PREFIX = "blameless-"
_ALL = None


@dataclass(frozen=True)
class Directive:
    action: str
    rules: frozenset[str] | None  # None: every rule
    start: int  # offsets of the whole comment
    end: int


@dataclass(frozen=True)
class _Spans:
    """Disjoint, sorted [start, end) offset ranges, looked up by bisection."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, ranges: list[tuple[int, int]]) -> _Spans:
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(ranges):
            if starts and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        return cls(starts, ends)

    def __contains__(self, offset: int) -> bool:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


@dataclass(frozen=True)
class Suppressions:
    """Which rules are silenced where: by line, by offset range, and for the whole document."""

    lines: dict[int, frozenset[str] | None]  # line -> rules (None: all)
    ranges: list[tuple[int, int, frozenset[str] | None]]  # [start, end) offsets -> rules
    document: frozenset[str] | bool | None  # rules disabled to the end (False: none)

    def covers(self, rule: str, line: int | None, offset: int | None) -> bool:
        if line is None or offset is None:
            whole = self.document
            return whole is None or (isinstance(whole, frozenset) and rule in whole)
        named = self.lines.get(line, frozenset())
        if named is None or rule in named:
            return True
        spans = self._spans
        return offset in spans.get(None, _NO_SPANS) or offset in spans.get(rule, _NO_SPANS)

    @property
    def _spans(self) -> dict[str | None, _Spans]:
        cached: dict[str | None, _Spans] | None = self.__dict__.get("_spans_cache")
        if cached is None:
            grouped: dict[str | None, list[tuple[int, int]]] = {}
            for start, end, rules in self.ranges:
                for key in (None,) if rules is None else rules:
                    grouped.setdefault(key, []).append((start, end))
            cached = {key: _Spans.of(ranges) for key, ranges in grouped.items()}
            object.__setattr__(self, "_spans_cache", cached)
        return cached


_NO_SPANS = _Spans([], [])


def parse_suppressions(document: Document) -> Suppressions:
    lines: dict[int, frozenset[str] | None] = {}
    ranges: list[tuple[int, int, frozenset[str] | None]] = []
    open_all: int | None = None
    open_rules: dict[str, int] = {}
    for directive in directives(document):
        rules = directive.rules
        if directive.action == "disable-next-line":
            end_line = document.position(directive.end)[0]
            previous = lines.get(end_line + 1, frozenset())
            lines[end_line + 1] = None if rules is None or previous is None else previous | rules
        elif directive.action == "disable":
            if rules is None:
                open_all = directive.end if open_all is None else open_all
            else:
                for name in rules:
                    open_rules.setdefault(name, directive.end)
        else:  # enable
            if rules is None:
                if open_all is not None:
                    ranges.append((open_all, directive.start, None))
                    open_all = None
                for name, start in open_rules.items():
                    ranges.append((start, directive.start, frozenset({name})))
                open_rules.clear()
            else:
                for name in rules:
                    if name in open_rules:
                        ranges.append((open_rules.pop(name), directive.start, frozenset({name})))
    end = len(document.text) + 1
    if open_all is not None:
        ranges.append((open_all, end, None))
    for name, start in open_rules.items():
        ranges.append((start, end, frozenset({name})))
    whole: frozenset[str] | bool | None = False
    if open_all is not None:
        whole = None
    elif open_rules:
        whole = frozenset(open_rules)
    return Suppressions(lines=lines, ranges=ranges, document=whole)


def directives(document: Document) -> Iterator[Directive]:
    """The suppression directives of a document, in order; bad ones raise InputError."""
    text = document.text
    if not any(_looks_like_directive(text, *comment) for comment in _comments(text, 0, len(text))):
        return  # the common case: no comment could be a directive, so no Markdown parse
    regions = _comment_regions(document) if document.markdown else [(0, len(text))]
    known = load_packs()
    for start, end in regions:
        for comment_start, comment_end in _comments(text, start, end):
            directive = _directive(document, comment_start, comment_end, known)
            if directive is not None:
                yield directive


def _comments(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) of each complete `<!-- … -->` in text[start:end]; one pass, no rescans."""
    position = start
    while True:
        opening = text.find("<!--", position, end)
        if opening < 0:
            return
        closing = text.find("-->", opening + 4, end)
        if closing < 0:
            return  # no comment after an unclosed one can close either
        yield opening, closing + 3
        position = closing + 3


def _directive(
    document: Document, start: int, end: int, known: Mapping[str, object]
) -> Directive | None:
    if not _looks_like_directive(document.text, start, end):
        return None
    words = document.text[start + 4 : end - 3].replace(",", " ").split()
    where = f"{document.path or '<stdin>'}:{document.position(start)[0]}"
    name = words[0]
    action = name[len(_PREFIX) :] if name.startswith(_PREFIX) else None
    if action not in ACTIONS:
        expected = ", ".join(_PREFIX + known_action for known_action in ACTIONS)
        raise InputError(
            f"{where}: unknown suppression directive {name!r} (directives are lower case: "
            f"{expected})"
        )
    for rule in words[1:]:
        if rule not in known:
            raise InputError(f"{where}: {unknown_rule_message(rule)} in suppression comment")
    rules = frozenset(words[1:]) if len(words) > 1 else _ALL
    return Directive(action, rules, start, end)


def _looks_like_directive(text: str, start: int, end: int) -> bool:
    """Whether the comment text[start:end] starts with `blameless-…` in any case, or a near
    miss of it ("blamless-disable", "blameles_enable")."""
    body = text[start + 4 : min(end - 3, start + 64)].split(maxsplit=1)
    if not body:
        return False
    word = body[0].lower().replace("_", "-")
    if "-" not in word:
        return False  # "<!-- Blameless review template -->" is an ordinary comment
    head = word.split("-", 1)[0][:20]
    return head == "blameless" or _within_two_edits(head, "blameless")


def _within_two_edits(word: str, target: str) -> bool:
    if abs(len(word) - len(target)) > 2:
        return False
    previous = list(range(len(target) + 1))
    for i, char in enumerate(word, 1):
        current = [i]
        for j, other in enumerate(target, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        previous = current
    return previous[-1] <= 2


def _comment_regions(document: Document) -> list[tuple[int, int]]:
    """Ranges of a Markdown document where an HTML comment is really a comment.

    HTML blocks count whole. In a paragraph, a comment counts only when markdown-it read
    it as inline HTML, not inside a code span: those are found by walking the inline's
    children through its source in order.
    """
    starts = document.line_starts
    text = document.text

    def offset_of_line(line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    regions: list[tuple[int, int]] = []
    for token in _markdown().parse(text):
        if token.map is None:
            continue
        first, last = offset_of_line(token.map[0]), offset_of_line(token.map[1])
        if token.type == "html_block":
            regions.append((first, last))
        elif token.type == "inline" and token.children:
            cursor = first
            for child in token.children:
                # A search that fails (source text that markdown-it normalised) ends the
                # walk of this paragraph: retrying from the same place would be quadratic.
                if child.type == "code_inline":
                    opening = text.find(child.markup, cursor, last)
                    closing = text.find(child.markup, opening + len(child.markup), last)
                    if opening < 0 or closing < 0:
                        break
                    cursor = closing + len(child.markup)
                elif child.type == "html_inline" and child.content.startswith("<!--"):
                    found = text.find(child.content, cursor, last)
                    if found < 0:
                        break
                    cursor = found + len(child.content)
                    regions.append((found, cursor))
    return regions


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
