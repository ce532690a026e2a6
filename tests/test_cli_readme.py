"""The README's console block is the real output of the command it shows.

When the rules change, the test fails and prints the actual block; refresh the README
with it, or run `BLAMELESS_UPDATE_README=1 pytest tests/test_cli_readme.py`.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from blameless.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# The vague-date suggestion names a date a month from today; the block is written for
# this day so that the test does not fail when the calendar turns.
_TODAY = "2026-12-01"
_BLOCK = re.compile(r"```console\n\$ (?P<command>blameless check [^\n]+)\n(?P<output>.*?)```", re.S)


def test_readme_console_block_is_the_real_output(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = README.read_text(encoding="utf-8")
    match = _BLOCK.search(readme)
    assert match, "README.md has no ```console block starting with `$ blameless check`"
    monkeypatch.chdir(ROOT)
    main([*shlex.split(match["command"])[1:], "--today", _TODAY])
    actual, errors = capsys.readouterr()
    assert not errors, errors
    if actual != match["output"] and os.environ.get("BLAMELESS_UPDATE_README") == "1":
        start, end = match.span("output")
        README.write_text(readme[:start] + actual + readme[end:], encoding="utf-8")
        return
    assert actual == match["output"], (
        "README.md's console block differs from the real output; replace it with:\n\n"
        f"```console\n$ {match['command']}\n{actual}```\n"
        "(or run with BLAMELESS_UPDATE_README=1)"
    )
