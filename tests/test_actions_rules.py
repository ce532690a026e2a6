"""The action-item rules: which hits, where they point, and what they suggest.

The packs' own examples run through `check_action_items` here (the lead's
test_rule_examples runs them again through the full checker).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import blameless
from blameless.actions import check_action_items
from blameless.config import Config
from blameless.document import Document
from blameless.hits import Hit
from blameless.packs import load_packs
from blameless.reading import parse_document
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures" / "actions"
ACTION_RULES = tuple(rule for rule, pack in load_packs().items() if pack.kind == "actions")
CASES = [
    pytest.param(pack.id, expected, text, id=f"{pack.id}-{expected}-{index}")
    for pack in load_packs().values()
    if pack.kind == "actions"
    for expected, texts in (("flag", pack.examples.flag), ("ok", pack.examples.ok))
    for index, text in enumerate(texts)
]


def hits_of(
    text: str, path: str = "pm.md", config: Config | None = None, today: dt.date = TODAY
) -> tuple[Document, list[Hit]]:
    document = parse_document(text, path)
    _, hits = check_action_items(document, config or Config(), today)
    return document, hits


def lines(document: Document, hits: list[Hit], rule: str) -> list[int | None]:
    return [
        document.position(h.start)[0] if h.start is not None else None
        for h in hits
        if h.rule == rule
    ]


def test_the_seven_action_packs_exist_with_their_severities() -> None:
    severities = {rule: load_packs()[rule].severity.value for rule in ACTION_RULES}
    assert severities == {
        "actions-missing": "error",
        "action-owner": "error",
        "action-due": "error",
        "action-due-vague": "error",
        "action-overdue": "warning",
        "actions-too-many": "warning",
        "action-vague": "warning",
    }
    for rule in ACTION_RULES:
        pack = load_packs()[rule]
        assert len(pack.examples.flag) >= 8 and len(pack.examples.ok) >= 8
        assert not pack.triggers


@pytest.mark.parametrize(("rule", "expected", "text"), CASES)
def test_pack_example(rule: str, expected: str, text: str) -> None:
    _, hits = hits_of(text)
    fired = [hit.rule for hit in hits]
    if expected == "flag":
        assert rule in fired, f"{rule} should flag:\n{text}"
    else:
        assert rule not in fired, f"{rule} should leave alone:\n{text}\n{hits}"


def test_item_hits_point_at_the_item_text() -> None:
    text = "# R\n\n## Action items\n\n- [ ] Pin the base image\n"
    document, hits = hits_of(text)
    for hit in hits:
        assert hit.start is not None and hit.end is not None
        assert document.text[hit.start : hit.end] == "Pin the base image"
        assert document.position(hit.start)[0] == 5


def test_table_hits_point_at_the_action_cell() -> None:
    text = (
        "# R\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n"
        "| Pin the image | | TBD |\n"
    )
    document, hits = hits_of(text)
    assert {h.rule for h in hits} == {"action-owner", "action-due-vague"}
    for hit in hits:
        assert document.text[hit.start : hit.end] == "Pin the image"


def test_document_level_hits_have_no_range() -> None:
    _, hits = hits_of((FIXTURES / "no_actions.md").read_text())
    [hit] = hits
    assert (hit.rule, hit.start, hit.end) == ("actions-missing", None, None)
    assert hit.suggestions and "Action items" in hit.suggestions[0]


def test_empty_section_names_it() -> None:
    _, hits = hits_of((FIXTURES / "empty_section.md").read_text())
    [hit] = hits
    assert hit.rule == "actions-missing" and '"Action items" section is empty' in (
        hit.message or ""
    )


def test_a_section_that_says_why_no_action_is_needed_is_not_missing() -> None:
    text = (
        "# R\n\n## Follow-ups\n\nNo change needed: the job that failed was retired on 2026-05-02.\n"
    )
    _, hits = hits_of(text)
    assert hits == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "table_extra_columns.md",
            {"action-overdue": [22, 23, 25], "action-due-vague": [26], "action-owner": [27]},
        ),
        (
            "checkbox_list.md",
            {
                "action-overdue": [14, 15],
                "action-owner": [18],
                "action-due-vague": [18],
                "action-vague": [18],
            },
        ),
        (
            "nested_subbullets.md",
            {
                "action-overdue": [10],
                "action-owner": [19],
                "action-due": [19],
                "action-due-vague": [22],
            },
        ),
        ("themed_tables.md", {"action-due": [19, 20], "action-overdue": [26]}),
        (
            "non_due_dates.md",
            # "by Friday" is a date: the Friday after the review's date, 2026-01-31.
            {"action-overdue": [10, 13], "action-due": [11, 12]},
        ),
        (
            "numbered_narrative.md",
            {
                "action-owner": [19, 20, 21, 22],
                "action-due": [19, 20, 21, 22],
                "action-vague": [21, 22],
            },
        ),
    ],
)
def test_fixture_findings(name: str, expected: dict[str, list[int]]) -> None:
    document, hits = hits_of((FIXTURES / name).read_text(), name)
    found = {rule: lines(document, hits, rule) for rule in {h.rule for h in hits}}
    assert found == expected


def test_done_items_are_not_asked_for_owner_date_or_done_state() -> None:
    text = "# R\n\n## Action items\n\n- [x] Improve alerting\n- ✅ Look into retries (due: ASAP)\n"
    _, hits = hits_of(text)
    assert hits == []


def test_too_many_counts_open_items_against_the_setting() -> None:
    items = "".join(f"- [ ] Pin image {n} (owner: @a, due: 2099-01-01)\n" for n in range(4))
    done = "- [x] Revert the flag\n"
    text = f"# R\n\n## Action items\n\n{items}{done}"
    _, hits = hits_of(text, config=Config.model_validate({"max-action-items": 3}))
    [hit] = [h for h in hits if h.rule == "actions-too-many"]
    assert hit.start is None and "4 open action items" in (hit.message or "")
    _, hits = hits_of(text, config=Config.model_validate({"max-action-items": 4}))
    assert "actions-too-many" not in {h.rule for h in hits}


def test_overdue_depends_on_today() -> None:
    text = "# R\n\n## Action items\n\n- [ ] Pin the image (owner: @a, due: 2026-06-01)\n"
    _, before = hits_of(text, today=dt.date(2026, 6, 1))
    _, after = hits_of(text, today=dt.date(2026, 6, 2))
    assert [h.rule for h in before] == []
    [hit] = after
    assert hit.rule == "action-overdue" and "1 day ago" in (hit.message or "")


def test_suggestions_say_what_to_add() -> None:
    text = (
        "# R\n\n## Action items\n\n- Improve alerting\n\n"
        "| Action | Due |\n|---|---|\n| Pin the image | soon |\n"
    )
    _, hits = hits_of(text)
    by_rule = {(h.rule, h.start): h.suggestions[0] for h in hits}
    suggestions = list(by_rule.values())
    assert "Add an owner: `(owner: @handle)`." in suggestions
    assert "Add a due date: `(due: YYYY-MM-DD)`." in suggestions
    assert "Add an Owner column with one handle or team per row." in suggestions
    assert any(
        s.startswith("Name the signal") and "Add an alert on <metric>" in s for s in suggestions
    )
    assert any('Replace "soon" with a date' in s for s in suggestions)


def test_ambiguous_numeric_dates_ask_for_iso() -> None:
    _, hits = hits_of("# R\n\n## Action items\n\n- Pin the image (owner: @a, due: 03/04/2099)\n")
    [hit] = hits
    assert hit.rule == "action-due-vague" and hit.suggestions == (
        'Write "03/04/2099" as YYYY-MM-DD.',
    )


def test_the_checker_reports_the_same_items_and_findings() -> None:
    """`blameless.check` with only action rules: no spaCy, same items, lines for items."""
    text = (FIXTURES / "checkbox_list.md").read_text()
    report = blameless.check(text, path="pm.md", config=Config(select=ACTION_RULES), today=TODAY)
    document = parse_document(text, "pm.md")
    items, hits = check_action_items(document, Config(), TODAY)
    assert report.action_items == items
    assert Counter(f.rule for f in report.findings) == Counter(h.rule for h in hits)
    assert all(f.line is not None for f in report.findings)


_PIECES = st.sampled_from(
    [
        "# Review\n",
        "## Action items\n",
        "### Detect\n",
        "**Follow-ups**\n",
        "Next steps:\n",
        "- [ ] Add a canary (owner: @a, due: 2026-01-01)\n",
        "- [x] ~~Revert~~\n",
        "  - Owner: TBD\n",
        "  - https://example.com/issues/1\n",
        "1. Improve alerting — @b\n",
        "| Action | Owner | Due |\n",
        "|---|---|---|\n",
        "| Pin \\| it | | ASAP |\n",
        "| **Theme** | | |\n",
        "| x |\n",
        "> - quoted item\n",
        "```\n- code\n```\n",
        "\n",
        "Plain words (owner: , due: by) [ ] ( ) — - @\n",
        "- **Review actions**:\n",
        "**Action item:** Declare sooner. Owner: @c\n",
        "- \n",
        "* 03/04/2026, Q5 2026\n",
    ]
)


@given(st.lists(_PIECES, max_size=25), st.sampled_from(["pm.md", "pm.txt"]))
def test_any_document_gives_items_and_hits_in_range(pieces: list[str], path: str) -> None:
    text = "".join(pieces)
    document = parse_document(text, path)
    items, hits = check_action_items(document, Config(), TODAY)
    lines = text.count("\n") + 1
    assert all(1 <= item.line <= lines for item in items)
    for hit in hits:
        assert (hit.start is None) == (hit.end is None)
        if hit.start is not None:
            assert 0 <= hit.start <= hit.end <= len(text)
