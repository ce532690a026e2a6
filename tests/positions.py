"""Reading text back by (line, column), the way an editor does, independently of the checker."""

from __future__ import annotations

import re


def offset_of(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + column - 1


def text_at(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    return text[offset_of(text, line, column) : offset_of(text, end_line, end_column)]
