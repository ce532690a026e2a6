"""Configuration discovery and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

import blameless
from blameless.config import Config, discover_config, parse_config
from blameless.errors import ConfigError
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
