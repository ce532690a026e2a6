"""Which files a command looks at: the paths given, with folders searched recursively."""

from __future__ import annotations

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
        if path.is_dir():
            inside = sorted(
                candidate
                for candidate in path.rglob("*")
                if candidate.is_file()
                and candidate.suffix.lower() in DOCUMENT_SUFFIXES
                and not _SKIPPED_FOLDERS.intersection(candidate.relative_to(path).parts[:-1])
            )
            if not inside:
                raise InputError(f"{path}: no Markdown or text files in this directory")
            found.extend(inside)
        elif path.exists():
            found.append(path)
        else:
            raise InputError(f"{path}: no such file or directory")
    return found
