"""The README's rule table: every quoted example is flagged with its row's rule, and so
is the same sentence with other people in it (the grid's agents)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import blameless
from blameless.config import Config
from blameless.packs import language_rules
from tests import grid

README = Path(__file__).resolve().parents[1] / "README.md"
ROW = re.compile(r"^\| `(?P<rule>[a-z-]+)` \| \w+ \| (?P<flags>.*) \|$", re.MULTILINE)
LANGUAGE = Config(select=tuple(language_rules()))
# People named in the examples, and who stands in for them.
NAMED = ("Priya", "Raj", "Bob", "Tomasz", "Dana", "the new hire", "On-call")
STAND_INS = ("Oluwaseun", "Zhang Wei", "@devon", "the contractor", "Ines", "Joy")


def examples() -> list[tuple[str, str]]:
    found = []
    for row in ROW.finditer(README.read_text(encoding="utf-8")):
        if row["rule"] in language_rules():
            found += [(row["rule"], text) for text in re.findall(r'"([^"]+)"', row["flags"])]
    return found


def variants(text: str) -> list[str]:
    """The example with each stand-in in place of the person it names."""
    for name in NAMED:
        if name in text:
            return [
                text.replace(name, grid.inner(agent) if text.index(name) else agent)
                for agent in STAND_INS
            ]
    return []


CASES = [(rule, text) for rule, example in examples() for text in [example, *variants(example)]]


def test_every_language_rule_has_examples_in_the_table() -> None:
    assert {rule for rule, _ in examples()} == set(language_rules())


@pytest.mark.parametrize(("rule", "text"), CASES, ids=[f"{r}-{t[:40]}" for r, t in CASES])
def test_table_example_is_flagged_with_its_rule(rule: str, text: str) -> None:
    report = blameless.check(text, config=LANGUAGE)
    rules = {r for finding in report.findings for r in (finding.rule, *finding.related)}
    assert rule in rules, (text, [(f.rule, f.text) for f in report.findings])
