"""The Python API as documented: keyword options that mirror the CLI, clear errors."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import blameless

BLAME = "# Outage\n\nWhy did you skip the canary? The outage was caused by human error.\n"
ACTIONS = """\
# Outage

The deploy stalled at 14:02.

## Action items

- Add a canary stage (owner: @lin, due: 2021-06-01)
"""


def rules(report: blameless.Report) -> list[str]:
    return [finding.rule for finding in report.findings]


def test_select_and_ignore_mirror_the_cli() -> None:
    assert rules(blameless.check(BLAME, select="why-you")) == ["why-you"]
    assert rules(blameless.check(BLAME, select=["why-you", "human-error"])) == [
        "why-you",
        "human-error",
    ]
    both = blameless.check(BLAME, select="why-you,human-error", ignore=["why-you"])
    assert rules(both) == ["human-error"]


def test_today_is_a_date_or_an_iso_string() -> None:
    as_text = blameless.check(ACTIONS, select="action-overdue", today="2021-01-01")
    as_date = blameless.check(ACTIONS, select="action-overdue", today=dt.date(2021, 7, 1))
    assert rules(as_text) == []
    assert rules(as_date) == ["action-overdue"]
    with pytest.raises(ValueError, match="'2021-13-01' is not an ISO date"):
        blameless.check(ACTIONS, today="2021-13-01")
    with pytest.raises(TypeError, match=r"today must be a datetime\.date"):
        blameless.check(ACTIONS, today=20210101)  # type: ignore[arg-type]


def test_people_are_read_as_people() -> None:
    text = "# Outage\n\nWhy did Xyzzq deploy on Friday?\n"
    assert rules(blameless.check(text, select="why-you", people=["Xyzzq"])) == ["why-you"]
    with pytest.raises(TypeError, match="people must be an iterable of names"):
        blameless.check(text, people="Xyzzq")


def test_a_pronoun_inside_its_own_antecedent_is_resolved_once() -> None:
    # "one of them": the phrase holding "them" was once taken as what "them" means, and
    # each rule that asked whether it was a person recursed until Python gave up.
    text = "# Outage\n\nSo that was the deploy, one of them pushed a patch that broke it.\n"
    assert isinstance(blameless.check(text), blameless.Report)
    crew = (
        "# Outage\n\nThe engineers met at nine, and one of them pushed a config that broke login.\n"
    )
    assert "person-as-cause" in rules(blameless.check(crew))


def test_config_is_exported_and_accepted(tmp_path: Path) -> None:
    config = blameless.Config(select=("human-error",))
    assert rules(blameless.check(BLAME, config=config)) == ["human-error"]
    file = tmp_path / ".blameless.toml"
    file.write_text('select = ["why-you"]\n')
    assert rules(blameless.check(BLAME, config=file)) == ["why-you"]
    with pytest.raises(TypeError, match=r"config must be a blameless\.Config"):
        blameless.check(BLAME, config={"select": ["why-you"]})  # type: ignore[arg-type]


def test_bytes_and_other_types_are_clear_type_errors() -> None:
    with pytest.raises(TypeError, match="not bytes: decode it first"):
        blameless.check(BLAME.encode())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="as str, not int"):
        blameless.check(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="select must be rule ids"):
        blameless.check(BLAME, select=3)  # type: ignore[arg-type]


def test_unknown_rules_are_value_errors() -> None:
    with pytest.raises(
        ValueError, match="select: unknown rule 'why-yu' \\(did you mean 'why-you'\\?\\)"
    ):
        blameless.check(BLAME, select="why-yu")


def test_check_file_takes_the_same_options(tmp_path: Path) -> None:
    path = tmp_path / "pm.md"
    path.write_text(BLAME)
    (tmp_path / ".blameless.toml").write_text(
        'select = ["why-you", "human-error"]\nignore = ["human-error"]\n'
    )
    assert rules(blameless.check_file(path)) == ["why-you"]  # the folder's config applies
    assert rules(blameless.check_file(str(path), select="human-error", ignore=[])) == []
    everything = rules(blameless.check_file(path, config=blameless.Config()))
    assert {"why-you", "human-error", "actions-missing"} <= set(everything)
    with pytest.raises(TypeError, match=r"path as str or os\.PathLike"):
        blameless.check_file(None)  # type: ignore[arg-type]


def test_report_findings_are_immutable() -> None:
    report = blameless.check(BLAME, select="why-you")
    assert isinstance(report.findings, tuple)
    assert isinstance(report.findings[0].suggestions, tuple)
    with pytest.raises(AttributeError):
        report.findings.append(report.findings[0])  # type: ignore[attr-defined]


def test_import_stays_cheap() -> None:
    code = (
        "import sys, blameless\nassert 'spacy' not in sys.modules and 'pydantic' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
