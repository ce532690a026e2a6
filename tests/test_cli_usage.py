"""The CLI as documented, as a new user meets it: one-line errors, options that add up."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

BLAME = "# Outage\n\nWhy did you skip the canary? The outage was caused by human error.\n"


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pm.md").write_text(BLAME)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--fail-on", "bogus", "pm.md"], "Invalid value for '--fail-on': 'bogus'"),
        (["check", "--today", "2027-13-01", "pm.md"], "'2027-13-01' is not an ISO date"),
        (["check"], "Missing argument 'PATHS...'"),
        (["check", "--format", "xml", "pm.md"], "Invalid value for '--format'"),
        (["check", "--colour", "pm.md"], "--colour"),
        (["actions", "--format", "yaml", "pm.md"], "Invalid value for '--format'"),
        (["nope"], "No such command 'nope'"),
        (["explain"], "Missing argument 'RULE'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(workdir: Path, capsys, args, message) -> None:
    code, out, err = run(args, capsys)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("blameless: error: ") and message in err
    assert "--help" in err  # and it says where to look


def test_repeated_select_and_ignore_accumulate(workdir: Path, capsys) -> None:
    _, out, _ = run(
        ["check", "-q", "--select", "why-you", "--select", "human-error", "pm.md"], capsys
    )
    assert "why-you" in out and "human-error" in out
    both = ["--select", "why-you,human-error"]
    _, out, _ = run(
        ["check", "-q", *both, "--ignore", "why-you", "--ignore", "human-error", "pm.md"], capsys
    )
    assert out == ""


def test_a_bad_file_in_a_folder_is_one_error_and_the_rest_is_checked(workdir: Path, capsys) -> None:
    folder = workdir / "reviews"
    folder.mkdir()
    (folder / "a.md").write_text(BLAME)
    (folder / "b.md").write_bytes(b"\x89PNG\x00\x01\x02")
    (folder / "c.md").write_text(BLAME)
    code, out, err = run(["check", "-q", "--select", "why-you", "reviews"], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "b.md" in err and "binary" in err
    assert "reviews/a.md:3:1:" in out and "reviews/c.md:3:1:" in out


def test_a_missing_path_does_not_stop_the_others(workdir: Path, capsys) -> None:
    code, out, err = run(["check", "-q", "--select", "why-you", "missing.md", "pm.md"], capsys)
    assert code == 2
    assert "missing.md" in err and "pm.md:3:1:" in out


def test_a_broken_pyproject_says_where_and_why(workdir: Path, capsys) -> None:
    (workdir / "pyproject.toml").write_text('[tool.blameless]\nselect = ["why-you"\nx = 1\n')
    code, _, err = run(["check", "pm.md"], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "pyproject.toml: invalid TOML" in err and "line 3" in err


def test_json_with_a_bad_file_still_prints_valid_json(workdir: Path, capsys) -> None:
    import json

    (workdir / "b.md").write_bytes(b"\x00")
    code, out, err = run(["check", "--format", "json", "pm.md", "b.md"], capsys)
    assert code == 2 and "b.md" in err
    assert [entry["path"] for entry in json.loads(out)["files"]] == ["pm.md"]
