"""The command line: output formats, exit codes, and one clear line for every bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run

BLAME = "# Outage\n\nWhy did you skip the canary?\n"
CLEAN = "# Outage\n\nThe canary stage was skipped by the pipeline.\n"


def test_text_output_is_editor_readable(workdir: Path, capsys) -> None:
    (workdir / "pm.md").write_text(BLAME)
    code, out, _ = run(["check", "--select", "why-you", "pm.md"], capsys)
    assert code == 1
    first, suggestion = out.splitlines()[:2]
    assert first.startswith("pm.md:3:1: error why-you ")
    assert suggestion == (
        "    suggestion: How was it possible to skip the canary without a check catching it?"
    )
    assert "\033[" not in out  # no colour when stdout is not a terminal


def test_json_output_has_the_design_shape(workdir: Path, capsys) -> None:
    (workdir / "pm.md").write_text(BLAME)
    code, out, _ = run(["check", "--format", "json", "--select", "why-you", "pm.md"], capsys)
    payload = json.loads(out)
    assert code == 1
    assert set(payload) == {"version", "files", "summary"}
    entry = payload["files"][0]
    assert set(entry) == {"path", "findings", "action_items"}
    finding = entry["findings"][0]
    assert {
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "suggestions",
    } <= set(finding)
    assert finding["text"] == "Why did you skip the canary"
    assert payload["summary"] == {"files": 1, "errors": 1, "warnings": 0, "infos": 0}


def test_exit_codes_follow_fail_on(workdir: Path, capsys) -> None:
    (workdir / "pm.md").write_text(BLAME)
    (workdir / "ok.md").write_text(CLEAN)
    assert run(["check", "--select", "why-you", "ok.md"], capsys)[0] == 0
    assert run(["check", "--select", "why-you", "--fail-on", "never", "pm.md"], capsys)[0] == 0


def test_stdin_with_filename(workdir: Path, capsys, monkeypatch) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BLAME.encode())))
    code, out, _ = run(["check", "--select", "why-you", "--stdin-filename", "pm.md", "-"], capsys)
    assert code == 1
    assert out.startswith("pm.md:3:1:")


def test_directories_are_searched_recursively(workdir: Path, capsys) -> None:
    (workdir / "reviews" / "2026").mkdir(parents=True)
    (workdir / "reviews" / "2026" / "a.md").write_text(BLAME)
    (workdir / "reviews" / "notes.txt").write_text("Why did you skip the canary?\n")
    (workdir / "reviews" / "image.png").write_bytes(b"\x89PNG\x00")
    code, out, _ = run(["check", "--select", "why-you", "reviews"], capsys)
    assert code == 1
    assert "a.md:3:1:" in out and "notes.txt:1:1:" in out


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (lambda d: None, ["check", "missing.md"], "missing.md: no such file or directory"),
        (lambda d: (d / "empty").mkdir(), ["check", "empty"], "no Markdown or text files"),
        (lambda d: (d / "b.md").write_bytes(b"\x00\x01binary"), ["check", "b.md"], "binary file"),
        (lambda d: (d / "u.md").write_bytes(b"caf\xe9\n"), ["check", "u.md"], "not valid UTF-8"),
        (
            lambda d: (d / "p.md").write_text("x"),
            ["check", "--select", "why-yu", "p.md"],
            "unknown rule 'why-yu' (did you mean 'why-you'?)",
        ),
        (lambda d: (d / "p.md").write_text("x"), ["explain", "nope"], "unknown rule 'nope'"),
        (
            lambda d: (
                (d / "p.md").write_text("x"),
                (d / ".blameless.toml").write_text("selct = []"),
            ),
            ["check", "p.md"],
            "selct: unknown setting",
        ),
        (
            lambda d: ((d / "p.md").write_text("x"), (d / ".blameless.toml").write_text("x = [")),
            ["check", "p.md"],
            "invalid TOML",
        ),
        (
            lambda d: (
                (d / "p.md").write_text("x"),
                (d / ".blameless.toml").write_text('ignore = ["human-eror"]'),
            ),
            ["check", "p.md"],
            "unknown rule 'human-eror'",
        ),
        (
            lambda d: (d / "p.md").write_text("<!-- blameless-disable who-you -->\n"),
            ["check", "p.md"],
            "p.md:1: unknown rule 'who-you'",
        ),
        (
            lambda d: (d / "p.md").write_text("x"),
            ["check", "--today", "soon", "p.md"],
            "not an ISO date",
        ),
        (
            lambda d: (d / "p.md").write_text("x"),
            ["check", "--config", "nope.toml", "p.md"],
            "nope.toml",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(workdir: Path, capsys, setup, args, message) -> None:
    setup(workdir)
    code, _, err = run(args, capsys)
    assert code == 2
    lines = err.strip().splitlines()
    assert message in err, err
    assert "Traceback" not in err
    assert len(lines) == 1  # usage errors too: one line, no usage block


def test_rules_and_explain(capsys) -> None:
    code, out, _ = run(["rules"], capsys)
    assert code == 0
    assert out.splitlines()[0].startswith("why-you")
    code, out, _ = run(["explain", "why-you"], capsys)
    assert code == 0
    for section in ("What it flags", "Why it matters", "Rewrite", "Flagged", "Left alone"):
        assert section in out


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["rules"], ["explain", "why-you"]])
def test_quick_commands_do_not_import_spacy(args: list[str]) -> None:
    code = (
        "import sys\nfrom blameless.cli.main import main\n"
        f"rc = main({args!r})\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\nsys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_console_script_runs(tmp_path: Path) -> None:
    (tmp_path / "pm.md").write_text(BLAME)
    exe = Path(sys.executable).parent / "blameless"
    result = subprocess.run(
        [str(exe), "check", "--select", "why-you", str(tmp_path / "pm.md")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "why-you" in result.stdout


def test_a_document_without_trigger_words_never_loads_spacy(tmp_path: Path) -> None:
    (tmp_path / "pm.md").write_text(
        "# Outage\n\nThe deploy stalled at 14:02.\n\n## Action items\n\n"
        "- Add a canary stage (owner: @lin, due: 2099-01-31)\n"
    )
    code = (
        "import sys\nfrom blameless.cli.main import main\n"
        f"rc = main(['check', {str(tmp_path / 'pm.md')!r}])\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\nsys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
