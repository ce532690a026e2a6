"""Markdown (CommonMark + GFM tables) into prose segments with exact offsets.

markdown-it-py gives the block structure and line numbers; the offsets come from the
original text itself, so a segment's range always holds the characters the user wrote,
whatever the line endings, tabs or non-ASCII text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from blameless.document import Document, Heading, Link, Segment
from blameless.html_tables import html_tables
from blameless.prose import blank_ranges, mask_inline_markup, take_urls
from blameless.sections import SectionKind, heading_kind

# Level given to bold or plain-line pseudo-headings ("**Root causes**", "Action items:"):
# below every real heading, so the next real heading ends their section.
PSEUDO_HEADING_LEVEL = 7

_FRONT_MATTER_OPEN = re.compile(r"^(?:---|\+\+\+)\s*$")
_TASK_BOX = re.compile(r"\[([ xX])\](?=\s|$)")
_CONTAINER_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*")
# "Owner: Jane Doe", "**Date:** 2026-03-14", "- Authors - …" is not one.
_KEY_VALUE = re.compile(r"^[\s>*_]*(?P<key>[A-Za-z][\w /&'#.-]{0,30}?)[*_]*\s*:[*_]*\s+\S")
_PSEUDO_HEADING = re.compile(
    # No anchors: it is used with match(text, start, end), which anchors at both ends.
    r"\s*(?:\*\*|__)\s*(?P<bold>[^*_\n]{2,60}?)\s*:?\s*(?:\*\*|__)\s*:?\s*(?P<rest>.*)"
    r"|\s*(?P<plain>[A-Z][^:\n]{1,40}):\s*\Z",
    re.S,
)


_FUNCTION_WORDS = frozenset({"to", "are", "is", "the", "a", "an", "of", "for", "with", "and", "we"})


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def front_matter_lines(lines: list[str]) -> int:
    """Number of leading lines taken by YAML/TOML front matter (0 when there is none)."""
    if not lines or not _FRONT_MATTER_OPEN.match(lines[0]):
        return 0
    closer = lines[0].strip()
    for index in range(1, len(lines)):
        if lines[index].strip() in (closer, "..."):
            return index + 1
    return 0


@dataclass
class _Item:
    id: int
    depth: int
    ordered: bool
    parent: int | None
    level: int  # markdown-it nesting level of the list_item_open token
    first_paragraph_seen: bool = False


@dataclass
class _Builder:
    text: str
    document: Document
    lines: list[str]
    segments: list[Segment] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    heading_stack: list[tuple[int, str]] = field(default_factory=list)
    item_stack: list[_Item] = field(default_factory=list)
    list_ordered: list[bool] = field(default_factory=list)
    quote_depth: int = 0
    item_count: int = 0
    table_count: int = 0
    env: dict[str, object] = field(default_factory=dict)  # link reference definitions

    def words_of(self, start: int, end: int) -> Inline:
        """The words of a piece of one block (a label's rest, a metadata line)."""
        tokens = _parser().parseInline(self.text[start:end], self.env)
        return inline_words(tokens[0].children or []) if tokens else Inline()

    # -- positions -------------------------------------------------------------------

    def line_start(self, index: int) -> int:
        return self.document.line_starts[index]

    def content_start(self, index: int, content: str) -> int:
        """Offset where `content` (one line of an inline token) starts on source line `index`."""
        source = self.lines[index]
        stripped = content.strip()
        if stripped and source.rstrip().endswith(stripped):
            column = len(source.rstrip()) - len(stripped)
        else:
            found = source.find(stripped) if stripped else -1
            column = found if found >= 0 else _prefix_end(source)
        return self.line_start(index) + column

    # -- structure -------------------------------------------------------------------

    @property
    def section(self) -> tuple[str, ...]:
        return tuple(title for _, title in self.heading_stack)

    def open_heading(self, level: int, title: str) -> None:
        while self.heading_stack and self.heading_stack[-1][0] >= level:
            self.heading_stack.pop()
        self.heading_stack.append((level, title))

    def add_segment(self, start: int, end: int, kind: str, **extra: object) -> Segment | None:
        """Blank the markup of text[start:end] and add it as a segment (trimmed to its words)."""
        blanks = [(a - start, b - start) for a, b in extra.pop("mask", ())]  # type: ignore[attr-defined]
        prose = mask_inline_markup(self.text[start:end], blanks)
        # Trim what is blank in the source (and the blanked task box, line prefixes), not
        # inline markup: an item that starts with `code` starts at the backtick.
        skeleton = blank_ranges(self.text[start:end], blanks).replace("\r", " ").replace("\n", " ")
        left = len(skeleton) - len(skeleton.lstrip())
        right = len(skeleton.rstrip())
        if not prose.strip() and kind not in ("cell", "item"):
            return None  # only markup: a list item or cell is kept for the structure
        if left >= right:
            left = right = 0
        segment = Segment(
            start=start + left,
            end=start + right,
            prose=prose[left:right],
            kind=kind,
            section=extra.pop("section", self.section),  # type: ignore[arg-type]
            line=self.document.position(start + left)[0],
            quoted=self.quote_depth > 0,
            **extra,  # type: ignore[arg-type]
        )
        self.segments.append(segment)
        return segment

    def inline_range(
        self, token: Token
    ) -> tuple[int, int, list[tuple[int, int]], list[tuple[int, int]]]:
        """Offsets of an inline token's content, and the ranges between its lines to blank."""
        first, last = token.map or (0, 1)
        contents = token.content.split("\n")
        if len(contents) != last - first:  # lazy continuation or setext: trust the source
            contents = [self.lines[i][_prefix_end(self.lines[i]) :] for i in range(first, last)]
        pieces = []
        for offset, content in zip(range(first, last), contents, strict=True):
            start = self.content_start(offset, content)
            pieces.append((start, start + len(content.strip())))
        gaps = [(pieces[i][1], pieces[i + 1][0]) for i in range(len(pieces) - 1)]
        return pieces[0][0], pieces[-1][1], gaps, pieces

    # -- tokens ----------------------------------------------------------------------

    def heading(self, open_token: Token, inline: Token) -> None:
        level = int(open_token.tag[1])
        title = _plain_title(inline)
        start, end, gaps, _ = self.inline_range(inline)
        self.open_heading(level, title)
        line = self.document.position(start)[0]
        self.headings.append(Heading(level=level, title=title, line=line, start=start, end=end))
        words = inline_words(inline.children or [])
        self.add_segment(start, end, "heading", mask=gaps, level=level, **words.fields())

    def paragraph(self, inline: Token, in_item: bool) -> None:
        start, end, gaps, pieces = self.inline_range(inline)
        mask = list(gaps)
        words = inline_words(inline.children or [])
        extra: dict[str, object] = {"lines": tuple(pieces) if len(pieces) > 1 else ()}
        if in_item and self.item_stack:
            item = self.item_stack[-1]
            extra = {
                "item": item.id,
                "parent_item": item.parent,
                "depth": item.depth,
                "ordered": item.ordered,
            }
            if not item.first_paragraph_seen:
                item.first_paragraph_seen = True
                box = _TASK_BOX.match(self.text, start)
                if box:
                    extra["task"] = box.group(1) != " "
                    mask.append((start, box.end()))
                    plain = words.plain
                    if plain[:3] in ("[ ]", "[x]", "[X]"):
                        words = replace(words, plain="   " + plain[3:])
        elif not self.quote_depth and (
            self.metadata_lines(start, end) or self.pseudo_heading(start, end)
        ):
            return
        extra.update(words.fields())
        self.add_segment(start, end, "item" if in_item else "paragraph", mask=mask, **extra)

    def metadata_lines(self, start: int, end: int) -> bool:
        """Read "Owner: Jane Doe" lines as metadata: each under its key, never flagged.

        Returns True when every line of the paragraph is such a "Key: value" line.
        """
        lines = []
        position = start
        for line in self.text[start:end].splitlines(keepends=True):
            match = _KEY_VALUE.match(line)
            if not match or heading_kind(match.group("key")) is not SectionKind.METADATA:
                return False
            lines.append((position, position + len(line.rstrip()), match.group("key")))
            position += len(line)
        for line_start, line_end, key in lines:
            words = self.words_of(line_start, line_end)
            self.add_segment(
                line_start, line_end, "paragraph", section=(*self.section, key), **words.fields()
            )
        return True

    def pseudo_heading(self, start: int, end: int) -> bool:
        """Take "**Root causes**" or "Action items:" alone on a line as a heading.

        Returns True when the paragraph was only a heading. A bold label followed by text
        ("**Trigger**: a config push…") puts just that paragraph under the label.
        """
        match = _PSEUDO_HEADING.fullmatch(self.text, start, end)
        if not match:
            return False
        title = (match.group("bold") or match.group("plain") or "").strip()
        if heading_kind(title) is None:
            return False
        if match.group("plain") and title.rsplit(" ", 1)[-1].lower() in _FUNCTION_WORDS:
            return False  # "Our recommendations are to:" opens a sentence, not a section
        rest = match.group("rest")
        if rest and rest.strip():
            rest_start = match.start("rest")
            words = self.words_of(rest_start, end)
            self.add_segment(
                rest_start,
                end,
                "paragraph",
                section=(*self.section, title),
                label=title,
                **words.fields(),
            )
            return True
        self.open_heading(PSEUDO_HEADING_LEVEL, title)
        line = self.document.position(start)[0]
        self.headings.append(
            Heading(level=PSEUDO_HEADING_LEVEL, title=title, line=line, start=start, end=end)
        )
        return True

    def table_row(self, line_index: int, table: int, row: int, inlines: list[Token]) -> None:
        source = self.lines[line_index]
        base = self.line_start(line_index)
        for col, (start, end) in enumerate(split_table_row(source)):
            words = inline_words(inlines[col].children or []) if col < len(inlines) else Inline()
            self.add_segment(
                base + start, base + end, "cell", table=table, row=row, col=col, **words.fields()
            )

    def html_block(self, token: Token) -> None:
        """Cells of HTML tables, handed over like GFM table cells."""
        if not token.map:
            return
        first = token.map[0]
        content_lines = token.content.split("\n")
        if self.lines[first] != content_lines[0]:
            return  # inside a container whose prefix markdown-it removed: offsets unknown
        for cells in html_tables(token.content):
            self.table_count += 1
            for cell in cells:
                start = self.line_start(first + cell.start[0]) + cell.start[1]
                end = self.line_start(first + cell.end[0]) + cell.end[1]
                if end <= start:
                    continue
                links = tuple(Link(target, a, b) for target, a, b in cell.links)
                self.add_segment(
                    start,
                    end,
                    "cell",
                    table=self.table_count,
                    row=cell.row,
                    col=cell.col,
                    plain=cell.plain,
                    links=links,
                )

    def walk(self, tokens: list[Token]) -> None:
        index = 0
        table_row = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                self.heading(token, tokens[index + 1])
                index += 2
            elif kind == "paragraph_open":
                in_item = bool(self.item_stack) and token.level == self.item_stack[-1].level + 1
                self.paragraph(tokens[index + 1], in_item)
                index += 2
            elif kind == "blockquote_open":
                self.quote_depth += 1
            elif kind == "blockquote_close":
                self.quote_depth -= 1
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.list_ordered.append(kind == "ordered_list_open")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.list_ordered.pop()
            elif kind == "list_item_open":
                self.item_count += 1
                parent = self.item_stack[-1].id if self.item_stack else None
                self.item_stack.append(
                    _Item(
                        id=self.item_count,
                        depth=len(self.list_ordered),
                        ordered=self.list_ordered[-1],
                        parent=parent,
                        level=token.level,
                    )
                )
            elif kind == "list_item_close":
                self.item_stack.pop()
            elif kind == "html_block":
                self.html_block(token)
            elif kind == "table_open":
                self.table_count += 1
                table_row = 0
            elif kind == "tr_open" and token.map:
                inlines = []
                ahead = index + 1
                while ahead < len(tokens) and tokens[ahead].type != "tr_close":
                    if tokens[ahead].type == "inline":
                        inlines.append(tokens[ahead])
                    ahead += 1
                self.table_row(token.map[0], self.table_count, table_row, inlines)
                table_row += 1
            index += 1


def _prefix_end(line: str) -> int:
    """Where a line's text starts after indentation and blockquote markers."""
    match = _CONTAINER_PREFIX.match(line)
    return match.end() if match else 0


def split_table_row(line: str) -> list[tuple[int, int]]:
    """Column ranges of the cells of one GFM table row (escaped pipes stay in their cell)."""
    prefix = _prefix_end(line)
    end = len(line.rstrip())
    if prefix < end and line[prefix] == "|":
        prefix += 1
    if end > prefix and line[end - 1] == "|" and (end < 2 or line[end - 2] != "\\"):
        end -= 1
    cells: list[tuple[int, int]] = []
    start = prefix
    position = prefix
    while position < end:
        char = line[position]
        if char == "\\":
            position += 2
            continue
        if char == "|":
            cells.append((start, position))
            start = position + 1
        position += 1
    cells.append((start, end))
    return [_trim(line, a, b) for a, b in cells]


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start] in " \t":
        start += 1
    while end > start and line[end - 1] in " \t":
        end -= 1
    return start, end


@dataclass(frozen=True)
class Inline:
    """The words of an inline token as a reader sees them, with its links and code."""

    plain: str = ""
    links: tuple[Link, ...] = ()
    struck: bool = False
    codes: tuple[str, ...] = ()
    lead: str | None = None

    def fields(self) -> dict[str, object]:
        return {
            "plain": self.plain,
            "links": self.links,
            "struck": self.struck,
            "codes": self.codes,
            "lead": self.lead,
        }


_DROPPED = frozenset({"image", "html_inline"})


def inline_words(children: list[Token]) -> Inline:
    """Plain text, links, strikethrough and code spans from markdown-it inline children."""
    parts: list[str] = []
    size = 0
    links: list[Link] = []
    codes: list[str] = []
    open_links: list[tuple[str, int, int]] = []
    strike = 0
    words_struck = words_plain = 0
    lead: tuple[int, int] | None = None  # (start, end) in plain of a bold opening run
    bold = 0
    bold_start = -1

    seen_words = False

    def add(text: str) -> None:
        nonlocal size, seen_words
        parts.append(text)
        size += len(text)
        seen_words = seen_words or bool(text.strip())

    for child in children:
        kind = child.type
        if kind == "text":
            text, urls = (child.content, []) if open_links else take_urls(child.content)
            if child.content.strip():
                if strike:
                    words_struck += 1
                else:
                    words_plain += 1
            links.extend(Link(url, size + at, size + at + len(url)) for url, at in urls)
            add(text)
        elif kind == "code_inline":
            codes.append(child.content.strip())
            words_struck += bool(strike)
            words_plain += not strike
            add(child.content)
        elif kind in ("softbreak", "hardbreak"):
            add("\n")  # one line of the source per line of `plain`
        elif kind == "link_open":
            open_links.append((str(child.attrs.get("href", "")), size, len(parts)))
        elif kind == "link_close" and open_links:
            target, start, index = open_links.pop()
            if "".join(parts[index:]).strip() == target:  # an autolink: only the target
                del parts[index:]
                size = start
                add(" " * len(target))
                start = size
            links.append(Link(target, start, size))
        elif kind == "strong_open":
            bold += 1
            if bold == 1 and not seen_words and lead is None:
                bold_start = size
        elif kind == "strong_close":
            bold -= 1
            if bold == 0 and bold_start >= 0 and lead is None:
                lead = (bold_start, size)
        elif kind == "s_open":
            strike += 1
        elif kind == "s_close":
            strike = max(0, strike - 1)
        elif kind in _DROPPED:
            add(" ")
    plain = "".join(parts)
    return Inline(
        plain=plain,
        lead=" ".join(plain[lead[0] : lead[1]].split()) or None if lead else None,
        links=tuple(sorted(links, key=lambda link: link.start)),
        struck=words_struck > 0 and words_plain == 0,
        codes=tuple(codes),
    )


def _plain_title(inline: Token) -> str:
    parts = [
        child.content
        for child in inline.children or []
        if child.type in ("text", "code_inline", "softbreak")
    ]
    return " ".join("".join(parts).split()) or inline.content.strip()


def read_markdown(text: str, path: str | None = None) -> Document:
    """Read Markdown text into a `Document` of prose segments and headings."""
    document = Document(text=text, path=path, markdown=True)
    starts = document.line_starts
    lines = [
        text[starts[i] : (starts[i + 1] if i + 1 < len(starts) else len(text))].rstrip("\r\n")
        for i in range(len(starts))
    ]
    skipped = front_matter_lines(lines)
    if skipped:
        document.front_matter = "\n".join(lines[1 : skipped - 1])
    # Blank the front matter but keep its lines, so markdown-it's line numbers stay ours.
    source = "\n".join([""] * skipped + lines[skipped:])
    builder = _Builder(text=text, document=document, lines=lines)
    builder.walk(_parser().parse(source, builder.env))
    document.segments = builder.segments
    document.headings = builder.headings
    return document
