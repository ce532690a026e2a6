"""Every `flag` and `ok` example in every rule pack, run through the real checker.

`pytest -k why-you` runs one rule's examples.
"""

from __future__ import annotations

import pytest

import blameless
from blameless.config import Config
from blameless.packs import load_packs
from tests.conftest import TODAY

CASES = [
    pytest.param(pack.id, expected, text, id=f"{pack.id}-{expected}-{index}")
    for pack in load_packs().values()
    for expected, texts in (("flag", pack.examples.flag), ("ok", pack.examples.ok))
    for index, text in enumerate(texts)
] + [
    # Known gaps: these must keep failing until the rule learns them (then move them).
    pytest.param(
        pack.id,
        expected,
        text,
        id=f"{pack.id}-{gap}-{index}",
        marks=pytest.mark.xfail(strict=True, reason=f"known gap ({gap})"),
    )
    for pack in load_packs().values()
    for gap, expected, texts in (
        ("missed", "flag", pack.examples.missed),
        ("flagged", "ok", pack.examples.flagged),
    )
    for index, text in enumerate(texts)
]


@pytest.mark.parametrize(("rule", "expected", "text"), CASES)
def test_rule_example(rule: str, expected: str, text: str) -> None:
    report = blameless.check(text, config=Config(select=(rule,)), today=TODAY)
    rules = [finding.rule for finding in report.findings]
    if expected == "flag":
        assert rule in rules, f"{rule} should flag: {text!r}"
    else:
        assert rule not in rules, f"{rule} should leave alone: {text!r}\n{report.findings}"


@pytest.mark.parametrize("pack", list(load_packs().values()), ids=lambda pack: pack.id)
def test_every_rule_has_examples_both_ways(pack) -> None:
    assert len(pack.examples.flag) >= 8 and len(pack.examples.ok) >= 8


@pytest.mark.parametrize(
    "pack", [p for p in load_packs().values() if p.kind == "language"], ids=lambda p: p.id
)
def test_suggestions_pass_the_checker(pack) -> None:
    """A rewrite must itself pass every language rule, its own included."""
    language = tuple(p.id for p in load_packs().values() if p.kind == "language")
    for text in pack.examples.flag:
        report = blameless.check(text, config=Config(select=(pack.id,)), today=TODAY)
        for finding in report.findings:
            for suggestion in finding.suggestions:
                again = blameless.check(suggestion, config=Config(select=language))
                assert not again.findings, f"{pack.id}: {suggestion!r} -> {again.findings}"


@pytest.mark.parametrize("pack", list(load_packs().values()), ids=lambda pack: pack.id)
def test_explain_shows_rationale_examples_and_rewrite(pack) -> None:
    from blameless.explain import explain_rule

    page = explain_rule(pack)
    assert pack.rationale.split()[0] in page
    assert pack.examples.flag[0].strip().splitlines()[0] in page
    assert pack.examples.ok[0].strip().splitlines()[0] in page
    for section in ("What it flags", "Why it matters", "Flagged", "Left alone"):
        assert section in page
    if pack.kind == "language":
        assert "Rewrite" in page and pack.rewrite
