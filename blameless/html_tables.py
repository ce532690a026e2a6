"""Tables written in HTML inside Markdown (`<table><tr><td>…`), read into cells.

Real postmortems paste tables from wikis and trackers as HTML. The Markdown reader hands
each cell over like a GFM table cell: its source range, its words and its links. The
standard library's HTML parser does the tokenising (linear, forgiving of bad markup).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlCell:
    row: int  # 0 for the first row (the header, when the table has one)
    col: int
    start: tuple[int, int]  # (0-based line, column) in the block where the content starts
    end: tuple[int, int]  # where it ends (the start of `</td>`)
    words: list[str] = field(default_factory=list)
    links: list[tuple[str, int, int]] = field(default_factory=list)  # target, start, end
    size: int = 0  # characters in `words` so far

    def add(self, text: str) -> None:
        self.words.append(text)
        self.size += len(text)

    @property
    def plain(self) -> str:
        return "".join(self.words)


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[list[HtmlCell]] = []
        self.depth = 0  # nested tables are read as text of their cell
        self.row = -1
        self.col = -1
        self.cell: HtmlCell | None = None
        self.link: tuple[str, int] | None = None

    def _here(self) -> tuple[int, int]:
        line, column = self.getpos()
        return line - 1, column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
                self.row = -1
        elif self.depth != 1:
            return
        elif tag == "tr":
            self.row += 1
            self.col = -1
        elif tag in ("td", "th"):
            self._close_cell()
            self.col += 1
            line, column = self._here()
            opened = self.get_starttag_text() or ""
            if "\n" in opened:
                line += opened.count("\n")
                column = len(opened) - opened.rindex("\n") - 1
            else:
                column += len(opened)
            self.cell = HtmlCell(max(self.row, 0), self.col, (line, column), (line, column))
        elif tag == "a" and self.cell is not None:
            href = dict(attrs).get("href") or ""
            self.link = (href, self.cell.size)
        elif tag == "br" and self.cell is not None:
            self.cell.add(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self.depth == 1:
                self._close_cell()
            self.depth = max(0, self.depth - 1)
        elif self.depth != 1:
            return
        elif tag in ("td", "th", "tr"):
            self._close_cell()
        elif tag == "a" and self.cell is not None and self.link is not None:
            target, start = self.link
            self.cell.links.append((target, start, self.cell.size))
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.add(data)

    def _close_cell(self) -> None:
        if self.cell is None:
            return
        self.cell.end = self._here()
        self.tables[-1].append(self.cell)
        self.cell = None


def html_tables(content: str) -> list[list[HtmlCell]]:
    """The cells of every top-level `<table>` in an HTML block, table by table."""
    if "<table" not in content.lower():
        return []
    parser = _TableParser()
    parser.feed(content)
    parser.close()
    return [cells for cells in parser.tables if cells]
