"""The language server's per-paragraph cache: one paragraph re-parsed per edit, same report.

Each segment is parsed alone, so the cached report of a text does not depend on the
edits that led to it; on the example it is the full check's report.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from blameless.checker import check_text
from blameless.config import Config
from blameless.output.paragraphs import ParagraphCache

EXAMPLE = (Path(__file__).resolve().parents[1] / "examples" / "checkout-outage.md").read_text()
PARAGRAPHS = [
    "Raj's typo broke the cache.",
    "The deploy was clearly risky.",
    "Why did you skip the canary?",
    "The cache expired at 14:02 and the queue backed up.",
    "Chris restarted the primary at 03:12.",
    "> Why did you skip the canary? (from the incident channel)",
    "- Retrain Bob on the deploy tool (owner: @lin, due: 2099-01-01)",
]


def findings(text: str, cache: ParagraphCache | None = None) -> list[tuple[object, ...]]:
    report = check_text(text, "pm.md", Config(), language=cache)
    return [
        (f.rule, f.severity, f.offset, f.end_offset, f.message, f.suggestions, f.fix)
        for f in report.findings
    ]


def test_an_edit_reparses_only_the_changed_paragraph() -> None:
    cache = ParagraphCache()
    assert findings(EXAMPLE, cache) == findings(EXAMPLE)
    first = cache.parsed
    assert first > 0
    edited = EXAMPLE.replace("took down checkout", "took down the checkout page")
    assert edited != EXAMPLE
    assert findings(edited, cache) == findings(edited)
    assert cache.parsed == first + 1
    assert findings(edited, cache) == findings(edited)
    assert cache.parsed == first + 1  # nothing changed, nothing parsed
    assert len(cache.hits) == first  # the old paragraph is forgotten


def test_a_config_change_empties_the_cache() -> None:
    cache = ParagraphCache()
    check_text(EXAMPLE, "pm.md", Config(), language=cache)
    parsed = cache.parsed
    check_text(EXAMPLE, "pm.md", Config(people=("Dana",)), language=cache)
    assert cache.parsed == 2 * parsed


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=6).map("\n\n".join),
        min_size=2,
        max_size=4,
    )
)
def test_the_cached_report_does_not_depend_on_the_edits_before(versions: list[str]) -> None:
    cache = ParagraphCache()
    for body in versions:
        text = "# Outage\n\n## Timeline\n\n" + body + "\n"
        assert findings(text, cache) == findings(text, ParagraphCache())
