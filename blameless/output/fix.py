"""`--fix` and `--diff`: apply the safe word-level edits that rules mark on findings.

Only `Finding.fix` edits are applied (never the sentence rewrites, which need a
person's judgement). Edits are offsets into the decoded text, so everything outside
them, line endings, the final newline or its absence included, is kept byte for byte.
Files are written atomically: a temporary file in the same folder, then a rename.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from blameless.model import Edit, Finding

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def safe_edits(findings: Iterable[Finding]) -> list[Edit]:
    """The fixes of the findings, in order, without any that overlap an earlier one."""
    chosen: list[Edit] = []
    end = -1
    for edit in sorted({f.fix for f in findings if f.fix is not None}, key=_order):
        if edit.offset >= end:
            chosen.append(edit)
            end = max(end, edit.end_offset)
    return chosen


def _order(edit: Edit) -> tuple[int, int, str]:
    return (edit.offset, edit.end_offset, edit.replacement)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """The text with non-overlapping edits applied (later overlapping ones are skipped)."""
    parts: list[str] = []
    cursor = 0
    for edit in sorted(edits, key=_order):
        if edit.offset < cursor or edit.end_offset > len(text):
            continue
        parts += [text[cursor : edit.offset], edit.replacement]
        cursor = edit.end_offset
    parts.append(text[cursor:])
    return "".join(parts)


def unified_diff(path: str, before: str, after: str) -> str:
    """A `diff -u` style patch from `before` to `after`, empty when they are equal."""
    relative = not path.startswith(("/", "-"))  # git-style a/ b/ prefixes for relative paths
    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{path}" if relative else path,
        tofile=f"b/{path}" if relative else path,
    )
    out: list[str] = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def encode_like(original: bytes, text: str) -> bytes:
    """`text` in the encoding of the file it came from, with its byte-order mark if any."""
    for bom, codec in _UTF16.items():
        if original.startswith(bom):
            return bom + text.encode(codec)
    prefix = _UTF8_BOM if original.startswith(_UTF8_BOM) else b""
    return prefix + text.encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's bytes in one rename, keeping its permission bits."""
    mode = stat.S_IMODE(path.stat().st_mode)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fix_file(path: Path, text: str, findings: Iterable[Finding]) -> str:
    """Write the fixed text of `path` (checked as `text`); returns the new text."""
    fixed = apply_edits(text, safe_edits(findings))
    if fixed != text:
        write_atomically(path, encode_like(path.read_bytes(), fixed))
    return fixed
