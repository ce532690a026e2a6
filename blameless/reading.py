"""Turning files into text and text into a `Document`.

Every failure here is an `InputError` with one line that names the file. Reading is
bounded: a file or stream larger than `max-file-size` is refused after reading at most
that many bytes plus one chunk, so `/dev/zero` or `yes |` on standard input cannot
exhaust memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from blameless.document import Document
from blameless.errors import InputError

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
DOCUMENT_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES
# No postmortem comes near it, and a 10 MB one would take minutes to parse (issue 10).
DEFAULT_MAX_FILE_SIZE = 5_000_000  # bytes; the `max-file-size` setting
_CHUNK = 1 << 16
_BOM = "\ufeff"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def too_large(name: str, limit: int) -> InputError:
    return InputError(f"{name}: larger than max-file-size ({limit:,} bytes); not checked")


def decode(data: bytes, name: str) -> str:
    """Text of a file: UTF-8, or UTF-16 with a byte-order mark; the BOM is dropped.

    A NUL anywhere means a binary file; invalid bytes are named by offset.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{name}: starts with a UTF-16 byte-order mark but is not valid UTF-16"
                f" (byte {error.start})"
            ) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputError(
                f"{name}: not valid UTF-8 (byte {error.start}: {data[error.start]:#04x})"
            ) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary file (NUL character at offset {nul}), not a document")
    return text.removeprefix(_BOM)


def check_input(text: str, name: str, limit: int = DEFAULT_MAX_FILE_SIZE) -> None:
    """What the readers guarantee, for text handed over in memory (the API, an editor):
    within the size limit, no NUL, no lone surrogate (no file can hold one; JSON can)."""
    if len(text) > limit:
        raise too_large(name, limit)
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(f"{name}: binary text (NUL character at offset {nul}), not a document")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InputError(
            f"{name}: lone surrogate {text[error.start]!r} at offset {error.start}, not text"
        ) from None


def read_stream(stream: BinaryIO, name: str, limit: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read and decode a stream in bounded chunks, refusing it once it passes `limit` bytes."""
    chunks: list[bytes] = []
    total = 0
    utf16: bool | None = None  # decided by the first chunk: NULs are text in UTF-16
    while True:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        if utf16 is None:
            utf16 = chunk.startswith(_UTF16_BOMS)
        if not utf16 and b"\x00" in chunk:  # refuse binary input (e.g. /dev/zero) at once
            offset = total + chunk.index(b"\x00")
            raise InputError(f"{name}: binary file (NUL byte at offset {offset}), not a document")
        total += len(chunk)
        if total > limit:
            raise too_large(name, limit)
        chunks.append(chunk)
    return decode(b"".join(chunks), name)


def read_text(path: Path, limit: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read a regular file; FIFOs, devices, folders and broken links are refused unread."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _open_error(path, error) from None
    info = os.fstat(descriptor)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = InputError(f"{path}: is a directory, not a file")
    elif not stat.S_ISREG(info.st_mode):
        problem = InputError(f"{path}: not a regular file (a FIFO, socket or device); not read")
    elif info.st_size > limit:
        problem = too_large(str(path), limit)
    if problem is not None:
        os.close(descriptor)
        raise problem
    with os.fdopen(descriptor, "rb") as stream:
        try:
            return read_stream(stream, str(path), limit)
        except OSError as error:
            raise InputError(f"{path}: cannot read ({error.strerror})") from None


def _open_error(path: Path, error: OSError) -> InputError:
    if error.errno == errno.ELOOP:
        return InputError(f"{path}: symbolic link loop")
    if error.errno == errno.ENOENT:
        if path.is_symlink():
            return InputError(f"{path}: dangling symbolic link (its target does not exist)")
        return InputError(f"{path}: no such file")
    if error.errno == errno.EISDIR:
        return InputError(f"{path}: is a directory, not a file")
    return InputError(f"{path}: cannot read ({error.strerror})")


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
