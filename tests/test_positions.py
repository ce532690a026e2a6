"""Every finding's line/column range holds exactly the words it names, in any layout."""

from __future__ import annotations

import pytest

import blameless
from tests.conftest import TODAY
from tests.positions import text_at

DOCUMENT = """\
---
title: Why did you do it
---
# Panne du 3 mars — 中文 😀

Résumé: the outage was caused by human error. Why did you skip the canary?

| Time | Event |
|------|-------|
| 14:02 | Why did Zoë skip the 🚀 canary? |
| 14:05 | Operator error on the façade, per the log \\| see below |

- First, *why did you* merge it?
  - Nested: **human error** again.
1. Numbered:\tWho pushed the bad config?

> Quoted: human error, said the ticket.
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_finding_text_is_the_text_at_its_range(newline: str, bom: str) -> None:
    text = bom + DOCUMENT.replace("\n", newline)
    report = blameless.check(text, path="pm.md", today=TODAY)
    decoded = text.removeprefix("\ufeff")
    ranged = [f for f in report.findings if f.line is not None]
    assert len(ranged) >= 7
    for finding in ranged:
        assert finding.text
        assert (
            text_at(decoded, finding.line, finding.column, finding.end_line, finding.end_column)
            == finding.text
        )
        assert decoded[finding.offset : finding.end_offset] == finding.text


def test_table_cell_finding_points_into_its_cell() -> None:
    report = blameless.check(DOCUMENT, path="pm.md", today=TODAY)
    zoe = next(f for f in report.findings if "Zoë" in f.text)
    assert zoe.line == 10
    assert zoe.column == len("| 14:02 | ") + 1
