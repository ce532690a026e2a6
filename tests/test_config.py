"""Configuration discovery and validation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import blameless
from blameless.config import Config, discover_config, parse_config, read_config_file
from blameless.errors import ConfigError, InputError
from blameless.model import Severity

BLAME = "Why did you skip the canary? The outage was caused by human error.\n"


def test_pyproject_table_is_found_from_a_nested_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.blameless]\nignore = ["human-error"]\nseverity = {why-you = "warning"}\n'
    )
    (tmp_path / "docs" / "pm").mkdir(parents=True)
    path = tmp_path / "docs" / "pm" / "a.md"
    path.write_text(BLAME)
    report = blameless.check_file(str(path))
    assert [(f.rule, f.severity) for f in report.findings if f.line] == [
        ("why-you", Severity.WARNING)
    ]


def test_nearest_blameless_toml_wins_and_plain_pyproject_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".blameless.toml").write_text('select = ["human-error"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    config = discover_config(tmp_path / "sub" / "a.md")
    assert config.select == ("human-error",)


def test_allow_silences_a_phrase() -> None:
    text = "Why did Xyzzq deploy on Friday? Why did you skip the canary?\n"
    plain = blameless.check(text, config=Config(select=("why-you",), allow=("skip the canary",)))
    assert [f.text for f in plain.findings] == ["Why did Xyzzq deploy on Friday"]


def test_people_are_always_people() -> None:
    text = "Why did Hunter merge the change?\n"
    named = blameless.check(text, config=Config(select=("why-you",), people=("Hunter",)))
    assert [f.text for f in named.findings] == ["Why did Hunter merge the change"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"select": ["nope"]}, "unknown rule 'nope'"),
        ({"severity": {"why-you": "fatal"}}, "severity.why-you"),
        ({"max-action-items": 0}, "max-action-items"),
        ({"colour": True}, "colour: unknown setting"),
    ],
)
def test_bad_settings_name_what_is_wrong(data: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_config(data, "cfg.toml")


@pytest.mark.parametrize(
    ("value", "size"),
    [("10 MB", 10_000_000), ("512KiB", 524_288), ("2000", 2000), (4096, 4096), ("1 gb", 10**9)],
)
def test_max_file_size_takes_units(value: object, size: int) -> None:
    assert parse_config({"max-file-size": value}, "cfg.toml").max_file_size == size


@pytest.mark.parametrize("value", ["ten", "10 XB", "-5", 0, "1.5 MB"])
def test_a_bad_max_file_size_names_the_setting(value: object) -> None:
    with pytest.raises(ConfigError, match="max-file-size"):
        parse_config({"max-file-size": value}, "cfg.toml")


def test_max_file_size_applies_to_check_file(tmp_path: Path) -> None:
    (tmp_path / ".blameless.toml").write_text("max-file-size = 100\n")
    (tmp_path / "pm.md").write_text("Fine text. " * 20)
    with pytest.raises(InputError, match="max-file-size"):
        blameless.check_file(str(tmp_path / "pm.md"))


@pytest.mark.parametrize("tool", ["5", '"x"', '"blameless"', "[1]"])
def test_a_tool_key_that_is_no_table_is_one_config_error(tool: str, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(f"tool = {tool}\n")
    with pytest.raises(ConfigError, match="`tool` must be a table"):
        discover_config(tmp_path / "pm.md")


def test_a_blameless_table_that_is_no_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool]\nblameless = 5\n")
    with pytest.raises(ConfigError, match=r"\[tool.blameless\] must be a table"):
        discover_config(tmp_path / "pm.md")


def test_a_config_path_that_is_a_folder_or_fifo_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.toml").mkdir()
    with pytest.raises(ConfigError, match="is a directory"):
        read_config_file(tmp_path / "folder.toml")
    os.mkfifo(tmp_path / "fifo.toml")
    with pytest.raises(ConfigError, match="not a regular file"):
        read_config_file(tmp_path / "fifo.toml")
