"""Which files a command looks at: the paths given, with folders searched recursively.

A path named directly must be a readable document: a symlink loop, a dangling link or
a missing path is one error line (a FIFO or device is refused when it is read). Inside
a folder only regular Markdown and text files are taken: links to folders are not
followed (so a link loop cannot recurse), and broken links, FIFOs and sockets are
passed over.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from blameless.errors import InputError
from blameless.reading import DOCUMENT_SUFFIXES

# Folders no one keeps postmortems in, and that can be huge.
_SKIPPED_FOLDERS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".mypy_cache"}
)


def collect_documents(paths: Iterable[str]) -> list[Path]:
    """Files named directly (any suffix) plus Markdown and text files inside named folders."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        kind = _kind(path)
        if kind == "folder":
            inside = _documents_in(path)
            if not inside:
                raise InputError(f"{path}: no Markdown or text files in this directory")
            found.extend(inside)
        else:
            found.append(path)
    return found


def _kind(path: Path) -> str:
    """'folder' or 'other' for a path that exists; an InputError naming the problem if not."""
    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(f"{path}: symbolic link loop") from None
        if path.is_symlink():
            raise InputError(f"{path}: dangling symbolic link (no such target)") from None
        if error.errno in (errno.ENOENT, errno.ENOTDIR):
            raise InputError(f"{path}: no such file or directory") from None
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    return "folder" if stat.S_ISDIR(info.st_mode) else "other"


def _documents_in(folder: Path) -> list[Path]:
    documents: list[Path] = []
    for root, folders, files in os.walk(folder):  # does not follow links to folders
        folders[:] = [name for name in folders if name not in _SKIPPED_FOLDERS]
        for name in files:
            candidate = Path(root, name)
            if candidate.suffix.lower() in DOCUMENT_SUFFIXES and candidate.is_file():
                documents.append(candidate)
    return sorted(documents)
