"""Hostile inputs: each gets findings, or one clear line and exit 2, within a hang guard.

Every case runs the real CLI in a subprocess (so a regular expression stuck in C code
is still caught by the timeout, and a traceback on stderr is seen as the user sees it).
The guard catches hangs; it is not a benchmark (`benchmarks/scaling.py` is).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import blameless
from blameless.config import Config
from blameless.errors import InputError
from tests import hostile_generators as gen

SIZE = 100_000  # bytes per generated document
# Seconds per case at SIZE, spaCy's start included. The issue suggests 20 s; a loaded
# 2-core machine took up to 17 s for the densest 100 KB (every sentence parsed), and the
# quadratic cases this guards against took minutes.
HANG_GUARD = 40.0


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_cli(
    args: list[str], cwd: Path, stdin: bytes | None = None, stdin_file: str | None = None
) -> Outcome:
    command = [sys.executable, "-m", "blameless.cli.main", *args]
    source = open(stdin_file, "rb") if stdin_file else None  # noqa: SIM115 - closed below
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            input=stdin,
            stdin=source if source else (None if stdin is not None else subprocess.DEVNULL),
            capture_output=True,
            timeout=HANG_GUARD,
            env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        if source:
            source.close()
    return Outcome(done.returncode, done.stdout.decode(), done.stderr.decode())


def assert_findings(outcome: Outcome) -> None:
    """Checked: exit 0 or 1, nothing on stderr."""
    assert outcome.code in (0, 1), outcome.stderr[-2000:]
    assert outcome.stderr == ""


def assert_refused(outcome: Outcome, *words: str) -> None:
    """Refused: exit 2 and exactly one line on stderr that says why."""
    assert outcome.code == 2, (outcome.code, outcome.stderr[-2000:])
    lines = outcome.stderr.splitlines()
    assert len(lines) == 1, outcome.stderr[-2000:]
    assert "internal error" not in lines[0] and "Traceback" not in lines[0]
    for word in words:
        assert word in lines[0], lines[0]


def assert_handled(outcome: Outcome) -> None:
    """Either checked, or refused with one clean line."""
    if outcome.code == 2:
        assert_refused(outcome)
    else:
        assert_findings(outcome)


# --- every row of the table, at about 100 KB -----------------------------------

GENERATED = {
    name: generator
    for name, generator in gen.GENERATORS.items()
    if name != "one-trigger-word"  # a 100 KB sentence: checked with its own expectation below
}


@pytest.mark.parametrize("name", sorted(GENERATED))
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_generated_document_is_checked_in_time(name: str, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}{suffix}"
    path.write_text(GENERATED[name](SIZE), encoding="utf-8")
    assert_findings(run_cli(["check", "--today", "2026-11-27", path.name], tmp_path))


def test_one_huge_sentence_of_a_trigger_word_never_reaches_spacy_limits(tmp_path: Path) -> None:
    # 2 MB gave "[E088] Text of length 1999999 exceeds maximum"; a sentence is now parsed
    # in pieces (test_windows checks the 2 MB bound without spaCy; this runs it for real).
    (tmp_path / "w.md").write_text(gen.one_trigger_word(SIZE))
    assert_findings(run_cli(["check", "--select", "hindsight", "w.md"], tmp_path))


# --- the extra shapes --------------------------------------------------------------------

Maker = Callable[[], str]
SHAPES: dict[str, Maker] = {
    "empty": lambda: "",
    "whitespace-only": lambda: " \t\n\r\n" * 2000,
    # "- - - x" nests on one line: 5,000 deep in 10 KB (indenting would take 25 MB).
    "list-nested-5000": lambda: "- " * 5000 + "Bob caused the outage.\n",
    "ordered-list-nested-5000": lambda: "1. " * 5000 + "Bob caused the outage.\n",
    "list-indented-1000": lambda: "".join("  " * depth + "- x\n" for depth in range(1000)),
    "mixed-nesting-5000": lambda: "> - " * 2500 + "Why did you skip it?\n",
    "blockquote-nested-5000": lambda: ">" * 5000 + " Bob caused the outage.\n",
    "table-100000-rows": lambda: "| a | b |\n|---|---|\n" + "| x | y |\n" * 100_000,
    "table-2000-columns": lambda: (
        "|" + " a |" * 2000 + "\n|" + "---|" * 2000 + "\n|" + " Bob broke it |" * 2000 + "\n"
    ),
    "unclosed-fences-50000": lambda: "```\n" * 50_000,
    "unclosed-tilde-fences-50000": lambda: "~~~ x\n" * 50_000,
    "unclosed-comments-50000": lambda: "<!-- \n" * 50_000,
    "unclosed-directives-50000": lambda: "<!-- blameless-disable\n" * 50_000,
    "mixed-line-endings": lambda: "Why did you skip it?\rBob caused it.\r\nHe forgot.\n" * 2000,
    "unicode-in-names": lambda: (
        (
            "Why did A\u200blice skip the canary? B\u202eob\u202c caused the outage. "
            "Jose\u0301 broke the build. 😀Priya took down checkout. 👩🏽‍💻 forgot to page.\n"
        )
        * 500
    ),
    "deep-emphasis": lambda: "*" * 20_000 + "Bob caused it" + "*" * 20_000 + "\n",
    "many-brackets": lambda: "[" * 30_000 + "Bob caused it" + "]" * 30_000 + "\n",
    "many-backticks": lambda: "`" * 30_000 + " Bob caused it\n",
    "html-tags": lambda: "<div " * 20_000 + "\nBob caused it.\n",
    "front-matter-unclosed": lambda: "---\n" + "key: value\n" * 10_000,
}


# Cases that fail because of code another issue owns: strict, so the suite says the moment
# they are fixed (then drop the mark).
OWNED_ELSEWHERE: dict[tuple[str, str], str] = {}  # issue 8 fixed the unclosed-comment scan


def _shape_cases() -> list[object]:
    return [
        pytest.param(
            name,
            suffix,
            marks=[pytest.mark.xfail(strict=True, reason=OWNED_ELSEWHERE[name, suffix])]
            if (name, suffix) in OWNED_ELSEWHERE
            else [],
            id=f"{suffix}-{name}",
        )
        for name in sorted(SHAPES)
        for suffix in (".md", ".txt")
    ]


@pytest.mark.parametrize(("name", "suffix"), _shape_cases())
def test_odd_shape_is_checked(name: str, suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"doc{suffix}"
    path.write_text(SHAPES[name](), encoding="utf-8", newline="")
    assert_findings(run_cli(["check", path.name], tmp_path))


def test_plain_text_action_list_nested_1000_deep(tmp_path: Path) -> None:
    items = "".join("\t" * depth + "- Fix the canary\n" for depth in range(1000))
    (tmp_path / "deep.txt").write_text("Action items:\n" + items)
    assert_handled(run_cli(["check", "deep.txt"], tmp_path))
    assert_handled(run_cli(["actions", "deep.txt"], tmp_path))


# --- bytes that are not a document ------------------------------------------------------

BYTES: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "nul-first": (b"\x00Why did you skip it?\n", ("NUL",)),
    "nul-after-8k": (b"Bob broke it.\n" * 1000 + b"\x00\n", ("NUL",)),
    "nul-at-end": (b"Bob broke it.\n" * 10_000 + b"\x00", ("NUL",)),
    "invalid-utf8": (b"Bob broke it.\n" * 1000 + b"caf\xe9\n", ("UTF-8",)),
    "lone-surrogate": (b"Bob broke it \xed\xa0\x80.\n", ("UTF-8",)),
    "truncated-utf8": (b"Bob broke it \xe2\x82", ("UTF-8",)),
}


@pytest.mark.parametrize("name", sorted(BYTES))
def test_bytes_that_are_not_text_are_refused(name: str, tmp_path: Path) -> None:
    data, words = BYTES[name]
    (tmp_path / "b.md").write_bytes(data)
    assert_refused(run_cli(["check", "b.md"], tmp_path), "b.md", *words)
    assert_refused(run_cli(["check", "-"], tmp_path, stdin=data), *words)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_read(encoding: str, tmp_path: Path) -> None:
    text = "Why did you skip the canary?\n"
    data = text.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes its own BOM
        data = "\ufeff".encode(encoding) + data
    (tmp_path / "u.md").write_bytes(data)
    outcome = run_cli(["check", "--select", "why-you", "u.md"], tmp_path)
    assert_findings(outcome)
    assert "u.md:1:1: error why-you" in outcome.stdout
    outcome = run_cli(["check", "--select", "why-you", "-"], tmp_path, stdin=data)
    assert "-:1:1: error why-you" in outcome.stdout


def test_odd_length_utf16_is_refused_naming_utf16(tmp_path: Path) -> None:
    (tmp_path / "u.md").write_bytes(b"\xff\xfeW\x00h\x00y")
    assert_refused(run_cli(["check", "u.md"], tmp_path), "UTF-16")


@pytest.mark.parametrize(
    ("text", "words"),
    [("Bob broke it \ud800.", ("lone surrogate",)), ("Bob\x00", ("NUL",))],
)
def test_text_in_memory_gets_the_same_refusals(text: str, words: tuple[str, ...]) -> None:
    # An editor or the API hands text over directly (JSON can carry a lone surrogate).
    with pytest.raises(InputError) as raised:
        blameless.check(text, path="pm.md")
    assert all(word in str(raised.value) for word in words)


# --- size limits ------------------------------------------------------------------------


def test_dev_zero_on_stdin_is_refused_not_read_forever(tmp_path: Path) -> None:
    assert_refused(run_cli(["check", "-"], tmp_path, stdin_file="/dev/zero"), "<stdin>")


def test_endless_text_on_stdin_is_refused_at_the_size_limit(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "blameless.cli.main", "check", "-"]
    with subprocess.Popen(["yes"], stdout=subprocess.PIPE) as yes:
        try:
            done = subprocess.run(
                command, cwd=tmp_path, stdin=yes.stdout, capture_output=True, timeout=HANG_GUARD
            )
        finally:
            yes.kill()
    outcome = Outcome(done.returncode, done.stdout.decode(), done.stderr.decode())
    assert_refused(outcome, "<stdin>", "max-file-size")


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".blameless.toml").write_text('max-file-size = "1 KB"\n')
    (tmp_path / "big.md").write_text("Fine text. " * 200)
    assert_refused(run_cli(["check", "big.md"], tmp_path), "big.md", "max-file-size")
    (tmp_path / "small.md").write_text("Fine text.\n")
    assert_findings(run_cli(["check", "small.md"], tmp_path))


# --- things that are not files ----------------------------------------------------------


def test_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    assert_refused(run_cli(["check", "pipe.md"], tmp_path), "pipe.md", "not a regular file")


def test_symlink_loop_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    assert_refused(run_cli(["check", "a.md"], tmp_path), "a.md", "symbolic link")


def test_dangling_symlink_is_refused(tmp_path: Path) -> None:
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    assert_refused(run_cli(["check", "gone.md"], tmp_path), "gone.md", "symbolic link")


def test_folder_with_a_symlink_loop_inside_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "pms"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)
    (folder / "loop.md").symlink_to(folder / "loop.md")
    (folder / "pm.md").write_text("Bob caused the outage.\n")
    assert_findings(run_cli(["check", "pms"], tmp_path))


def test_directory_where_a_file_is_expected(tmp_path: Path) -> None:
    (tmp_path / "dir.toml").mkdir()
    assert_refused(run_cli(["check", "--config", "dir.toml", "-"], tmp_path, stdin=b"x\n"))
    (tmp_path / "empty").mkdir()
    assert_refused(run_cli(["check", "empty"], tmp_path), "empty")


# --- configuration ----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["5", '"x"', "[1, 2]", "{ blameless = 5 }"])
def test_odd_tool_table_in_a_parent_pyproject(value: str, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(f"tool = {value}\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pm.md").write_text("Why did you skip the canary?\n")
    assert_handled(run_cli(["check", "sub/pm.md"], tmp_path))


# --- suppressions -----------------------------------------------------------------------


def test_directives_inside_code_are_never_honoured() -> None:
    text = (
        "```\n<!-- blameless-disable why-you -->\n```\n\n"
        "Inline `<!-- blameless-disable -->` here.\n\n"
        "Why did you skip the canary?\n"
    )
    report = blameless.check(text, path="pm.md", config=Config(select=("why-you",)))
    assert [f.rule for f in report.findings] == ["why-you"]


def test_a_misspelt_directive_is_reported_not_ignored(tmp_path: Path) -> None:
    for directive in ("blameless-disabel", "BLAMELESS-DISABLE", "Blameless-Disable-Next-Line"):
        (tmp_path / "pm.md").write_text(f"<!-- {directive} why-you -->\nWhy did you go?\n")
        outcome = run_cli(["check", "--select", "why-you", "pm.md"], tmp_path)
        assert_refused(outcome, "pm.md:1", directive)


# --- language ranges --------------------------------------------------------------------


def test_ranges_are_never_inverted() -> None:
    report = blameless.check("Who Bo cause", path="pm.md")
    for finding in report.findings:
        if finding.offset is not None:
            assert finding.offset < finding.end_offset and finding.text
