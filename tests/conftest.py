"""Shared fixtures: a fixed "today" so due dates in examples never go stale, and the CLI
run in-process from a temporary folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blameless.cli.main import main
from blameless.config import Config

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def today() -> dt.date:
    return TODAY


def only(*rules: str) -> Config:
    """A config that runs just these rules."""
    return Config(select=rules)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder the test runs in (tests that need files in it override this)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """`blameless ARGS` in-process: exit code, stdout, stderr."""
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err
