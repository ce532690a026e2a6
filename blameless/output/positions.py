"""Offsets in the text <-> LSP positions (0-based line, column in the client's code units).

LSP counts columns in UTF-16 code units unless client and server agreed on UTF-8 or
UTF-32; our offsets count characters. "🚀" is one character, two UTF-16 units and four
UTF-8 bytes. Lines end at CR, LF or CRLF, as in LSP and in `Document`.
"""

from __future__ import annotations

import bisect
import re

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` ("utf-8", "utf-16", "utf-32") `text` takes."""
    if encoding == "utf-32":
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


class LineIndex:
    """Converts between character offsets and LSP positions for one text."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self.starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def line_end(self, line: int) -> int:
        """Offset of the end of a 0-based line's content, before its line break."""
        if line + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line + 1]
        while end > self.starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character) of an offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line, units(self.text[self.starts[line] : offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The offset of a position; past the end of a line means its end (as LSP says)."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[line], self.line_end(line)
        count = 0
        for index in range(start, end):
            if count >= character:
                return index
            count += units(self.text[index], self.encoding)
        return end
