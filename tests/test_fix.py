"""`--fix` and `--diff`: only safe edits, written atomically, all else kept byte for byte."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import blameless
from blameless.cli.main import main
from blameless.model import Edit
from blameless.output.fix import apply_edits, encode_like, safe_edits
from tests.conftest import run

FIXABLE = """\
---
title: Clearly a checkout outage
---

# Checkout outage

The deploy was clearly risky.

Raj's typo broke the cache.

The rollback was obviously slow.

The incident was entirely due to a bad config.

```
The rollback was obviously slow.
```

Why did you skip the canary?
"""
RULES = "hindsight,person-as-cause,single-cause,why-you"


def expected_fix(text: str) -> tuple[str, list[Edit]]:
    """What --fix should write: the text with the report's safe edits applied."""
    edits = safe_edits(blameless.check(text, path="pm.md", select=RULES).findings)
    return apply_edits(text, edits), edits


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)  # word-level edits never add or remove lines
    pairs = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    return [a for a, _ in pairs], [b for _, b in pairs]


def test_fix_applies_the_safe_edits_and_only_those(workdir: Path, capsys) -> None:
    fixed, edits = expected_fix(FIXABLE)
    assert len(edits) >= 3  # the document has several safe fixes
    path = workdir / "pm.md"
    path.write_text(FIXABLE)
    path.chmod(0o640)
    code, out, _ = run(["check", "--select", RULES, "--fix", "pm.md"], capsys)
    assert path.read_text() == fixed
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    # only prose lines changed: front matter, headings and the code block are as they were
    removed, _ = changed_lines(FIXABLE, fixed)
    assert len(removed) == len(edits)
    assert all(line in FIXABLE.split("```")[0].split("---\n")[-1] for line in removed)
    assert fixed.split("```")[1] == FIXABLE.split("```")[1]
    assert fixed.startswith("---\ntitle: Clearly a checkout outage\n---\n")
    # the fixed findings are gone; what is left is reported (the question has no safe fix)
    assert code == 1 and "why-you" in out
    assert safe_edits(blameless.check(fixed, path="pm.md", select=RULES).findings) == []
    assert [p.name for p in workdir.iterdir()] == ["pm.md"]  # no temporary file left behind
    before = path.read_bytes()
    run(["check", "--select", RULES, "--fix", "pm.md"], capsys)
    assert path.read_bytes() == before  # a second run is a no-op


def test_diff_prints_the_patch_and_writes_nothing(workdir: Path, capsys) -> None:
    fixed, _ = expected_fix(FIXABLE)
    path = workdir / "pm.md"
    path.write_text(FIXABLE)
    code, out, _ = run(["check", "--select", RULES, "--diff", "pm.md"], capsys)
    assert code == 1
    assert path.read_text() == FIXABLE
    removed = [line[1:] for line in out.splitlines() if line.startswith("-") and line[1:2] != "-"]
    added = [line[1:] for line in out.splitlines() if line.startswith("+") and line[1:2] != "+"]
    assert out.startswith("--- a/pm.md\n+++ b/pm.md\n")
    assert (removed, added) == changed_lines(FIXABLE, fixed)
    path.write_text(fixed)
    assert run(["check", "--select", RULES, "--diff", "pm.md"], capsys)[:2] == (0, "")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final", [True, False])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_fix_keeps_line_endings_final_newline_and_bom(
    workdir: Path, capsys, newline: str, final: bool, bom: bytes
) -> None:
    text = "# Outage\n\nThe deploy was clearly risky.\n\nThe rest is fine."
    text = text.replace("\n", newline) + (newline if final else "")
    path = workdir / "pm.md"
    path.write_bytes(bom + text.encode())
    edits = safe_edits(blameless.check(text, path="pm.md", select="hindsight").findings)
    assert edits
    run(["check", "--select", "hindsight", "--fix", "pm.md"], capsys)
    assert path.read_bytes() == bom + apply_edits(text, edits).encode()


def test_fix_and_diff_are_usage_errors_together_or_on_stdin(workdir: Path, capsys) -> None:
    (workdir / "pm.md").write_text(FIXABLE)
    code, _, err = run(["check", "--fix", "--diff", "pm.md"], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = run(["check", "--fix", "-"], capsys)
    assert code == 2 and "--diff" in err and len(err.strip().splitlines()) == 1


def test_overlapping_edits_apply_the_first_only() -> None:
    edits = [
        Edit(offset=4, end_offset=9, replacement="X"),
        Edit(offset=0, end_offset=6, replacement=""),
    ]
    assert apply_edits("0123456789", edits) == "6789"
    assert safe_edits([]) == []


def test_utf16_files_are_written_back_in_utf16() -> None:
    original = b"\xff\xfe" + "caf\u00e9".encode("utf-16-le")
    assert encode_like(original, "caf\u00e9!") == b"\xff\xfe" + "caf\u00e9!".encode("utf-16-le")


# Hypothesis: random documents built from fixable sentences, neutral sentences, code and
# front matter, with either line ending and with or without a final newline.
_FIXABLE = [
    "The deploy was clearly risky.",
    "Raj's typo broke the cache.",
    "The rollback was obviously slow.",
    "The incident was entirely due to a bad config.",
    "Zoë's typo broke the café's cache 🚀.",
]
_NEUTRAL = [
    "The cache expired at 14:02.",
    "Chris restarted the primary at 03:12.",
    "The health check failed to detect the stale node.",
    "Latency rose to 900 ms for twelve minutes.",
]
_CODE = "```\nThe deploy was clearly risky.\nRaj's typo broke the cache.\n```"
_FRONT = "---\ntitle: Obviously clearly Raj's typo\n---"

blocks = st.lists(
    st.one_of(
        st.lists(st.sampled_from(_FIXABLE + _NEUTRAL), min_size=1, max_size=3).map(" ".join),
        st.just(_CODE),
        st.just("# Timeline"),
    ),
    min_size=1,
    max_size=6,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    front=st.booleans(),
    body=blocks,
    newline=st.sampled_from(["\n", "\r\n"]),
    final=st.booleans(),
)
def test_fix_is_idempotent_and_touches_nothing_outside_its_edits(
    tmp_path: Path, front: bool, body: list[str], newline: str, final: bool
) -> None:
    parts = ([_FRONT] if front else []) + body
    text = "\n\n".join(parts).replace("\n", newline) + (newline if final else "")
    path = tmp_path / "pm.md"
    path.write_bytes(text.encode())
    report = blameless.check_file(str(path))
    edits = safe_edits(report.findings)
    main(["check", "--fix", "--fail-on", "never", str(path)])
    fixed = path.read_bytes().decode()
    assert fixed == apply_edits(text, edits)
    # outside the edited ranges, the bytes are the original's, in order
    cursor = 0
    for edit in sorted(edits, key=lambda e: e.offset):
        assert _is_word_level(text[edit.offset : edit.end_offset], edit.replacement)
        cursor = edit.end_offset
    assert fixed.endswith(text[cursor:])
    # code and front matter never change; line endings and the final newline are kept
    code = _CODE.replace("\n", newline)
    assert fixed.count(code) == text.count(code)
    assert fixed.startswith(_FRONT.replace("\n", newline)) == front
    assert fixed.endswith(newline) == final or not text
    assert fixed.count("\r\n") == text.count("\r\n")
    # a second run changes nothing
    before = path.read_bytes()
    main(["check", "--fix", "--fail-on", "never", str(path)])
    assert path.read_bytes() == before


def _is_word_level(old: str, new: str) -> bool:
    """A safe edit replaces or removes a few words on one line."""
    return "\n" not in old and "\r" not in old and len(old.split()) <= 3 and len(new.split()) <= 3


def test_fix_never_touches_a_file_it_cannot_read(workdir: Path, capsys) -> None:
    (workdir / "bad.md").write_bytes(b"caf\xe9 clearly risky\n")
    code, _, err = run(["check", "--fix", "bad.md"], capsys)
    assert code == 2 and "not valid UTF-8" in err
    assert (workdir / "bad.md").read_bytes() == b"caf\xe9 clearly risky\n"
    assert os.listdir(workdir) == ["bad.md"]
