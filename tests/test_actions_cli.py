"""`blameless actions`: every item across documents, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import blameless
from blameless.cli.actions_command import actions
from blameless.config import Config
from blameless.errors import BlamelessError
from blameless.packs import load_packs
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures" / "actions"
ACTION_RULES = tuple(rule for rule, pack in load_packs().items() if pack.kind == "actions")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the fixtures, so paths and config discovery stay inside the test."""
    target = tmp_path / "reviews"
    shutil.copytree(FIXTURES, target)
    return target


def run(*args: str) -> str:
    result = CliRunner().invoke(actions, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lists_every_item_with_the_documented_fields(folder: Path) -> None:
    data = json.loads(run(str(folder), "--format", "json", "--today", "2026-11-27"))
    assert data["version"] == blameless.__version__
    assert len(data["items"]) == 50
    assert set(data["items"][0]) == {
        "path",
        "line",
        "text",
        "owner",
        "due",
        "done",
        "overdue",
        "priority",
        "ticket",
    }


def test_items_are_sorted_by_due_date_with_undated_items_last(folder: Path) -> None:
    items = json.loads(run(str(folder), "--format", "json", "--today", "2026-11-27"))["items"]
    dues = [item["due"] for item in items]
    dated = [due for due in dues if due is not None]
    assert dated == sorted(dated)
    assert dues == dated + [None] * (len(dues) - len(dated))
    undated = [(i["path"], i["line"]) for i in items if i["due"] is None]
    assert undated == sorted(undated)


def test_json_agrees_with_the_check_report(folder: Path) -> None:
    """The same items, fields and overdue flags as `blameless check --format json`."""
    listed = json.loads(run(str(folder), "--format", "json", "--today", "2026-11-27"))["items"]
    for path in sorted(folder.iterdir()):
        report = blameless.check(
            path.read_text(encoding="utf-8"),
            path=str(path),
            config=Config(select=ACTION_RULES),
            today=TODAY,
        )
        expected = sorted(
            (item.line, item.text, item.owner, item.due, item.done, item.overdue)
            for item in report.action_items
        )
        got = sorted(
            (i["line"], i["text"], i["owner"], i["due"], i["done"], i["overdue"])
            for i in listed
            if i["path"] == str(path)
        )
        assert got == expected, path.name


def test_csv_has_a_header_and_one_row_per_item(folder: Path) -> None:
    output = run(str(folder / "checkbox_list.md"), "--format", "csv", "--today", "2026-11-27")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert list(rows[0]) == [
        "path",
        "line",
        "done",
        "overdue",
        "due",
        "owner",
        "priority",
        "ticket",
        "text",
    ]
    assert [(r["line"], r["done"], r["overdue"], r["due"]) for r in rows] == [
        ("13", "true", "false", "2026-05-20"),
        ("17", "true", "false", "2026-06-01"),
        ("14", "false", "true", "2026-07-01"),
        ("15", "false", "true", "2026-08-15"),
        ("16", "false", "false", "2026-12-20"),
        ("18", "false", "false", ""),
    ]
    assert rows[2]["ticket"] == "NET-220"


def test_csv_quotes_text_with_commas_and_pipes(folder: Path) -> None:
    output = run(str(folder / "table_extra_columns.md"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert "Reject configs where workers | max_workers < 16 in CI" in [r["text"] for r in rows]


def test_overdue_lists_only_open_items_past_their_date(folder: Path) -> None:
    items = json.loads(run(str(folder), "--format", "json", "--overdue", "--today", "2026-11-27"))[
        "items"
    ]
    assert items and all(i["overdue"] and not i["done"] for i in items)
    assert all(i["due"] < "2026-11-27" for i in items)
    early = json.loads(run(str(folder), "--format", "json", "--overdue", "--today", "2026-01-01"))
    assert early["items"] == []


def test_today_from_the_config_file(folder: Path) -> None:
    config = folder / ".blameless.toml"
    config.write_text("today = 2026-01-01\n", encoding="utf-8")
    assert json.loads(run(str(folder), "--format", "json", "--overdue"))["items"] == []
    late = json.loads(run(str(folder), "--format", "json", "--overdue", "--today", "2026-11-27"))
    assert late["items"]


def test_explicit_config_adds_action_sections(tmp_path: Path) -> None:
    review = tmp_path / "review.md"
    review.write_text("# R\n\n## Build farm\n\n- Alert at 80% disk (owner: @ci)\n")
    config = tmp_path / "custom.toml"
    config.write_text('action-sections = ["Build farm"]\n')
    assert json.loads(run(str(review), "--format", "json"))["items"] == []
    [item] = json.loads(run(str(review), "--format", "json", "--config", str(config)))["items"]
    assert item["owner"] == "@ci"


def test_table_output(folder: Path) -> None:
    output = run(str(folder / "themed_tables.md"), "--today", "2026-11-27")
    lines = output.splitlines()
    assert lines[0].split() == [
        "PATH",
        "LINE",
        "DONE",
        "OVERDUE",
        "DUE",
        "OWNER",
        "PRIORITY",
        "TICKET",
        "TEXT",
    ]
    assert "Load-test checkout at 4x peak before every sale" in output
    assert lines[-1] == "4 items, 3 open, 1 overdue."


def test_table_output_without_items(folder: Path) -> None:
    assert run(str(folder / "no_actions.md")) == "No action items found.\n"


def test_missing_paths_raise_a_blameless_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(actions, [str(tmp_path / "nope.md")])
    assert isinstance(result.exception, BlamelessError)


def test_bad_today_is_a_usage_error(folder: Path) -> None:
    result = CliRunner().invoke(actions, [str(folder), "--today", "tomorrow"])
    assert result.exit_code == 2 and "not an ISO date" in result.output


def test_the_command_does_not_import_spacy(folder: Path) -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from blameless.cli.actions_command import actions\n"
        f"result = CliRunner().invoke(actions, [{str(folder)!r}, '--format', 'csv'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'spacy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
