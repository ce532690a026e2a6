"""A document as the checker sees it: the original text plus its prose segments.

Readers (Markdown, plain text) produce a `Document`; every later stage works on it and
never re-reads the file. Offsets are indices into `Document.text`, the decoded file
without a byte-order mark.

The seam between readers and the rest: a reader is one module with a function
`read_x(text, path) -> Document`, and it alone knows the format's syntax. It hands over,
for every block of text, a `Segment` with

- its raw source span (`start`, `end`: `text[start:end]` is what the author wrote,
  markup included) and its masked `prose` for the language rules;
- `plain`: the words a reader sees, with inline markup resolved (emphasis, escapes and
  HTML gone, code spans' text kept, link texts kept), one line per source line;
- `links`: link targets, with the range of their text in `plain` (bare URLs included);
- `struck`: the whole segment is struck through (`~~done~~`);
- `codes`: the text of its code spans (owners are often written as `` `@sam` ``);
- its structure: kind (heading, paragraph, item, cell), heading `level`, the enclosing
  section titles, list item ids, nesting and checkbox, table cell row and column;
- `label`: the bold or colon label the paragraph follows ("**Action item:** …"), and
  `lead`, the bold words that open it;
- `lines`: the source span of each of its lines, when it has several.

Headings are also listed in `Document.headings` with their levels and spans, and the
front matter is kept as written. The action extractor and the language rules read only
this model; a new format (reStructuredText, AsciiDoc) is one new reader module.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from blameless.sections import SectionKind, section_kind

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Link:
    """A link in a segment: its target, and where its text sits in `Segment.plain`."""

    target: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A run of prose, with its place in the document's structure.

    `prose` has the length of `text[start:end]`: markup inside the run (emphasis
    markers, inline code, link targets, URLs, HTML) is blanked with spaces, so an
    offset in `prose` is an offset in the original text minus `start`.
    """

    start: int
    end: int
    prose: str
    kind: str  # "heading" | "paragraph" | "item" | "cell"
    section: tuple[str, ...]  # titles of the enclosing headings, outermost first
    line: int  # 1-based line of `start`
    quoted: bool = False  # inside a blockquote: evidence, not the author's words
    item: int | None = None  # id of the list item this segment belongs to
    parent_item: int | None = None  # id of the enclosing list item, for nested items
    depth: int = 0  # list nesting depth: 1 for a top-level item, 0 outside lists
    task: bool | None = None  # checkbox state of the item: None, False ([ ]) or True ([x])
    ordered: bool = False  # the item belongs to a numbered list
    table: int | None = None  # id of the table this cell belongs to
    row: int | None = None  # 0 for the header row
    col: int | None = None
    plain: str = ""  # the words a reader sees (see the module docstring)
    links: tuple[Link, ...] = ()
    struck: bool = False
    codes: tuple[str, ...] = ()
    label: str | None = None  # the label this paragraph follows ("**Action item:**")
    lead: str | None = None  # the bold words that open it ("**Add a canary.** Every…")
    lines: tuple[tuple[int, int], ...] = ()  # source span of each line, when it has several
    level: int = 0  # heading level, for kind "heading" (7 for a pseudo-heading)

    @property
    def section_kind(self) -> SectionKind:
        return section_kind(self.section)


@dataclass(frozen=True)
class Heading:
    level: int
    title: str
    line: int
    start: int
    end: int


@dataclass
class Document:
    text: str
    path: str | None = None
    markdown: bool = True
    segments: list[Segment] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    front_matter: str = ""  # the YAML/TOML front matter as written, without its fences

    @cached_property
    def line_starts(self) -> list[int]:
        """Offset of the first character of every line (CR, LF and CRLF all end a line)."""
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset; columns count characters, not bytes."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")
