"""Plain-text documents: paragraphs, list lines and "Heading:" lines, with exact offsets."""

from __future__ import annotations

import re

from blameless.document import Document, Heading, Segment
from blameless.prose import mask_inline_markup
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

    def flush() -> None:
        if not paragraph:
            return
        first, last = paragraph[0], paragraph[-1]
        start = starts[first] + len(lines[first]) - len(lines[first].lstrip())
        end = starts[last] + len(lines[last].rstrip())
        segments.append(_segment(document, start, end, "paragraph", section))
        paragraph.clear()

    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if not line.strip():
            flush()
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
                depth=depth,
                task=None if not box else box.strip()[1] != " ",
                ordered=item.group("marker")[0].isdigit(),
            )
            segments.append(segment)
            continue
        paragraph.append(index)
    flush()
    document.segments = [s for s in segments if s.prose.strip()]
    document.headings = headings
    return document


def _segment(
    document: Document, start: int, end: int, kind: str, section: tuple[str, ...], **extra: object
) -> Segment:
    prose = mask_inline_markup(document.text[start:end])
    return Segment(
        start=start,
        end=end,
        prose=prose,
        kind=kind,
        section=section,
        line=document.position(start)[0],
        **extra,  # type: ignore[arg-type]
    )
