"""Plain-text documents: paragraphs, list lines and "Heading:" lines, with exact offsets."""

from __future__ import annotations

import re

from blameless.document import Document, Heading, Link, Segment
from blameless.prose import mask_inline_markup, take_urls
from blameless.sections import heading_kind

_LIST_LINE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-*+•]|\d{1,3}[.)])[ \t]+(?P<box>\[[ xX]\][ \t]+)?"
)
_UNDERLINE = re.compile(r"^(?:=+|-+)\s*$")
_TITLE_LINE = re.compile(r"^(?P<title>[^\s:][^:]{0,60}?):\s*$")


def read_plain_text(text: str, path: str | None = None) -> Document:
    """Read plain text: blank lines end paragraphs; `Title:` or underlined lines are headings."""
    document = Document(text=text, path=path, markdown=False)
    starts = document.line_starts
    lines = [
        text[starts[i] : (starts[i + 1] if i + 1 < len(starts) else len(text))].rstrip("\r\n")
        for i in range(len(starts))
    ]
    segments: list[Segment] = []
    headings: list[Heading] = []
    section: tuple[str, ...] = ()
    paragraph: list[int] = []
    item_count = 0
    # Open list items by indentation, for nesting and for wrapped continuation lines.
    open_items: list[tuple[int, int]] = []  # (indent, index into segments)

    def flush() -> None:
        if not paragraph:
            return
        first, last = paragraph[0], paragraph[-1]
        start = starts[first] + len(lines[first]) - len(lines[first].lstrip())
        end = starts[last] + len(lines[last].rstrip())
        spans = tuple(
            (starts[i] + len(lines[i]) - len(lines[i].lstrip()), starts[i] + len(lines[i].rstrip()))
            for i in paragraph
        )
        extra = {"lines": spans} if len(spans) > 1 else {}
        segments.append(_segment(document, start, end, "paragraph", section, **extra))
        paragraph.clear()

    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.strip():
            flush()
            open_items.clear()
            continue
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if open_items and not _LIST_LINE.match(line) and indent > open_items[-1][0]:
            # A wrapped line of the item above: the item runs on to the end of this line.
            position = open_items[-1][1]
            segments[position] = _segment(
                document,
                segments[position].start,
                starts[index] + len(line.rstrip()),
                "item",
                section,
                **_item_fields(segments[position]),
            )
            continue
        if _UNDERLINE.match(line) and not paragraph:
            continue
        title = _TITLE_LINE.match(line.strip())
        underlined = bool(_UNDERLINE.match(following)) and not paragraph and line.strip()
        if (
            title
            and not paragraph
            and (
                heading_kind(title.group("title"))
                or not following.strip()
                or _LIST_LINE.match(following)
            )
        ) or underlined:
            flush()
            name = title.group("title").strip() if title else line.strip()
            section = (name,)
            start = starts[index] + len(line) - len(line.lstrip())
            headings.append(Heading(1, name, index + 1, start, starts[index] + len(line.rstrip())))
            continue
        item = _LIST_LINE.match(line)
        if item:
            flush()
            item_count += 1
            while open_items and open_items[-1][0] >= indent:
                open_items.pop()
            parent = segments[open_items[-1][1]].item if open_items else None
            start = starts[index] + item.end()
            end = starts[index] + len(line.rstrip())
            box = item.group("box")
            depth = 1 + len(item.group("indent").expandtabs(4)) // 2
            segment = _segment(
                document,
                start,
                end,
                "item",
                section,
                item=item_count,
                parent_item=parent,
                depth=depth,
                task=None if not box else box.strip()[1] != " ",
                ordered=item.group("marker")[0].isdigit(),
            )
            segments.append(segment)
            open_items.append((indent, len(segments) - 1))
            continue
        open_items.clear()
        paragraph.append(index)
    flush()
    document.segments = [s for s in segments if s.prose.strip()]
    document.headings = headings
    return document


def _item_fields(segment: Segment) -> dict[str, object]:
    return {
        "item": segment.item,
        "parent_item": segment.parent_item,
        "depth": segment.depth,
        "task": segment.task,
        "ordered": segment.ordered,
    }


def _segment(
    document: Document, start: int, end: int, kind: str, section: tuple[str, ...], **extra: object
) -> Segment:
    prose = mask_inline_markup(document.text[start:end])
    source = document.text[start:end]
    plain, urls = take_urls(source.replace("\r\n", " \n").replace("\r", "\n"))
    return Segment(
        start=start,
        end=end,
        prose=prose,
        kind=kind,
        section=section,
        line=document.position(start)[0],
        plain=plain,
        links=tuple(Link(url, at, at + len(url)) for url, at in urls),
        **extra,  # type: ignore[arg-type]
    )
