"""Properties of the engine that hold for any text (hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import blameless
from blameless.config import Config
from blameless.errors import InputError
from blameless.packs import rule_ids
from tests.conftest import TODAY

SENTENCES = [
    "Why did you skip the canary?",
    "The outage was caused by human error.",
    "Who approved the schema change?",
    "Chris restarted the primary at 03:12.",
    "The health check failed to detect the stuck worker.",
    "Why did the pipeline accept the config?",
    "The user error rate stayed flat.",
    "Operator error on the façade 😀.",
    "Add a presubmit check that rejects unknown keys.",
]
MARKUP = [
    "# ",
    "## Timeline\n",
    "- ",
    "- [ ] ",
    "> ",
    "| a | b |\n|---|---|\n| ",
    "`",
    "**",
    "\r\n",
    "\n\n",
    "\t",
    "<!-- x -->",
    "[link](http://x)",
    "---\n",
    "é",
    "中文",
    "\ufeff",
]

text_pieces = st.lists(st.sampled_from(SENTENCES + MARKUP) | st.text(max_size=20), max_size=12)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SLOW
@given(pieces=text_pieces, plain=st.booleans())
def test_check_never_raises_and_ranges_hold_their_text(pieces: list[str], plain: bool) -> None:
    text = " ".join(pieces)
    path = "pm.txt" if plain else "pm.md"
    if "\x00" in text:  # no file can be read with a NUL; text in memory gets the same answer
        with pytest.raises(InputError, match="NUL"):
            blameless.check(text, path=path, today=TODAY)
        return
    report = blameless.check(text, path=path, today=TODAY)
    body = text.removeprefix("\ufeff")
    for finding in report.findings:
        if finding.line is None:
            continue
        assert 0 <= finding.offset < finding.end_offset <= len(body)
        assert body[finding.offset : finding.end_offset] == finding.text
        assert finding.text.strip() == finding.text


def _key(report, shift: int = 0) -> list[tuple[str, int, str]]:
    return sorted(
        (f.rule, (f.offset or 0) - shift if f.offset is not None else -1, f.text)
        for f in report.findings
    )


@SLOW
@given(
    lines=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5),
    rules=st.lists(st.sampled_from(rule_ids()), min_size=1, max_size=3, unique=True),
)
def test_block_suppression_removes_exactly_the_named_rules(
    lines: list[str], rules: list[str]
) -> None:
    text = "\n\n".join(lines) + "\n"
    comment = f"<!-- blameless-disable {','.join(rules)} -->\n"
    suppressed = blameless.check(comment + text, path="pm.md", today=TODAY)
    ignored = blameless.check(text, path="pm.md", config=Config(ignore=tuple(rules)), today=TODAY)
    assert _key(suppressed, shift=len(comment)) == _key(ignored)


@SLOW
@given(
    lines=st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=5),
    target=st.integers(min_value=0, max_value=4),
    rule=st.sampled_from(["why-you", "human-error"]),
)
def test_next_line_suppression_touches_only_its_line(
    lines: list[str], target: int, rule: str
) -> None:
    target %= len(lines)
    plain = "\n\n".join(lines) + "\n"
    comment = f"<!-- blameless-disable-next-line {rule} -->\n"
    marked = (
        "\n\n".join(comment + line if index == target else line for index, line in enumerate(lines))
        + "\n"
    )
    before = blameless.check(plain, path="pm.md", today=TODAY)
    after = blameless.check(marked, path="pm.md", today=TODAY)
    target_start = sum(len(line) + 2 for line in lines[:target])
    target_end = target_start + len(lines[target])

    def shifted(offset: int | None) -> int:
        if offset is None:
            return -1  # document-level findings have no place to shift
        return offset + len(comment) if offset >= target_start else offset

    expected = sorted(
        (f.rule, shifted(f.offset), f.text)
        for f in before.findings
        if not (f.rule == rule and f.offset is not None and target_start <= f.offset < target_end)
    )
    actual = sorted((f.rule, -1 if f.offset is None else f.offset, f.text) for f in after.findings)
    assert actual == expected
