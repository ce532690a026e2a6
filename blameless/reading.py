"""Turning files into text and text into a `Document`.

Every failure here is an `InputError` with one line that names the file.
"""

from __future__ import annotations

from pathlib import Path

from blameless.document import Document
from blameless.errors import InputError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
DOCUMENT_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
_BOM = "\ufeff"


def decode(data: bytes, name: str) -> str:
    """UTF-8 text of a file, without a byte-order mark; binary or invalid bytes are errors."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not a document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {error.start}: {data[error.start]:#04x})"
        ) from None
    return text.removeprefix(_BOM)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    return decode(data, str(path))


def is_markdown(path: str | None) -> bool:
    """Plain text only for .txt/.text files; anything else (and stdin) is read as Markdown."""
    return path is None or Path(path).suffix.lower() not in TEXT_SUFFIXES


def parse_document(text: str, path: str | None = None) -> Document:
    text = text.removeprefix(_BOM)
    if is_markdown(path):
        from blameless.markdown_reader import read_markdown

        return read_markdown(text, path)
    from blameless.plaintext_reader import read_plain_text

    return read_plain_text(text, path)
