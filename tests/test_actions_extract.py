"""Action items in every layout: the right item, owner, due date and status for each line.

The fixtures in tests/fixtures/actions are postmortems written for these tests, one per
layout. Each test lists every item its fixture holds, so a missed or an extra item fails.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from blameless.actions import extract_action_items
from blameless.config import Config
from blameless.model import ActionItem
from blameless.reading import parse_document
from tests.conftest import TODAY

FIXTURES = Path(__file__).parent / "fixtures" / "actions"

# (line, start of text, owner, due, done)
Row = tuple[int, str, str | None, str | None, bool]


def extract(name: str, config: Config | None = None, today: dt.date = TODAY) -> list[ActionItem]:
    path = FIXTURES / name
    document = parse_document(path.read_text(encoding="utf-8"), str(path))
    return extract_action_items(document, config or Config(), today)


def rows(items: list[ActionItem]) -> list[Row]:
    return [(i.line, i.text, i.owner, i.due, i.done) for i in items]


def assert_items(items: list[ActionItem], expected: list[Row]) -> None:
    assert len(items) == len(expected), rows(items)
    for item, (line, text, owner, due, done) in zip(items, expected, strict=True):
        assert (item.line, item.owner, item.due, item.done) == (line, owner, due, done), item
        assert item.text.startswith(text), (item.text, text)


def test_gfm_table_with_extra_columns_escaped_pipes_short_rows_and_ditto() -> None:
    items = extract("table_extra_columns.md")
    assert_items(
        items,
        [
            (
                22,
                "Alert when webhook queue age > 5 min for 10 min",
                "@payments-sre",
                "2026-03-15",
                False,
            ),
            (
                23,
                "Reject configs where workers | max_workers < 16 in CI",
                "Priya Raman",
                "2026-08-15",
                False,
            ),
            (24, "Replay the deliveries that failed on 2026-02-11", "@tomas", "2026-02-20", True),
            # A ditto mark in the Owner column repeats the row above (a merged cell).
            (25, "Document dispatcher sizing", "@tomas", "2026-06-30", False),
            (26, "Add a load test that runs 3x peak", "Platform team", None, False),
            # A short row: the cells after Status are missing, not shifted.
            (27, "Split the dispatcher per merchant tier", None, "2027-01-31", False),
            # Struck through: done, whatever the Status column says.
            (28, "Raise the pool to 64 workers", "@tomas", "2026-02-12", True),
        ],
    )
    assert [i.priority for i in items] == ["P1", "P2", "P1", "P3", "P2", "P3", "P2"]
    assert [i.ticket for i in items] == [
        "PAY-812",
        "PAY-813",
        "PAY-814",
        "PAY-815",
        "PAY-816",
        None,
        "PAY-817",
    ]
    assert items[4].due_text == "TBD"


def test_checkbox_list() -> None:
    items = extract("checkbox_list.md")
    assert_items(
        items,
        [
            (13, "Re-create the status CNAME in Terraform", "@dmitri", "2026-05-20", True),
            (
                14,
                "Fail the DNS pipeline when terraform plan deletes",
                "@dmitri",
                "2026-07-01",
                False,
            ),
            (
                15,
                "Make the DNS console read-only for production zones",
                "@netops",
                "2026-08-15",
                False,
            ),
            (16, "Add a synthetic check for every public hostname", "@lin", "2026-12-20", False),
            (17, "Export the zone to Git nightly", "@lin", "2026-06-01", True),
            (18, "Review access to the DNS console", None, None, False),
        ],
    )
    assert items[1].ticket == "NET-220"
    assert items[1].overdue and not items[0].overdue  # done items are never overdue


def test_an_empty_checkbox_is_no_item() -> None:
    # Found by the Markdown fuzzer: "- [ ] " with nothing after it gave an item whose range
    # was empty. Like an empty bullet, it asks nothing of anyone.
    text = "Why did you skip the canary?\n===\n\n## Action items\n\n- [ ] \n- [ ] Add a canary\n"
    document = parse_document(text, "pm.md")
    items = extract_action_items(document, Config(), TODAY)
    assert [item.text for item in items] == ["Add a canary"]


def test_bullets_with_inline_metadata_in_each_notation() -> None:
    items = extract("bullets_inline.md")
    assert_items(
        items,
        [
            (12, "Limit scheduler retries to 3 per partition", "@alice", None, False),
            (13, "Re-read only the failed hour on retry", "@bruno", "2026-06-30", False),
            (
                14,
                "Page the data rotation when the ETL runs past 06:00 UTC",
                "@chen",
                "2026-05-15",
                False,
            ),
            (15, "Move the ETL cluster to reserved capacity", "@dana", "2027-03-31", False),
            (16, "Add a per-run cost budget", "Ahmed Khan", "2027-03-31", False),
            (17, "Improve the ETL dashboards", "@org/data-platform", None, False),
            (18, "Write a runbook entry for stuck partitions", "@erin", "2026-07-15", False),
            (19, "Backfill the 2026-04-02 partition from the raw bucket", "Data team", None, False),
            (20, "Add partition-level progress to the job log", "@farah", "2026-05-01", False),
        ],
    )
    assert items[0].ticket == "DATA-4521"
    assert items[4].priority == "High"
    assert items[5].due_text == "next sprint"
    assert items[6].ticket == "DATA-4530"
    assert items[7].due_text == "03/04/2026"  # ambiguous day/month: not a date


def test_numbered_narrative_list_under_remediation_subsections() -> None:
    items = extract("numbered_narrative.md")
    assert_items(
        items,
        [
            (14, "Rolled back the auth SDK to 4.1.3", None, None, True),
            (15, "Invalidated the tokens issued without a device id", None, None, True),
            (19, "Add a contract test between the SDK and the token endpoint", None, None, False),
            (20, "Gate SDK releases on a 1% staged rollout", None, None, False),
            (21, "Consider moving device-id generation server-side", None, None, False),
            (22, "Better release communication with the mobile team", None, None, False),
        ],
    )


def test_nested_owner_and_due_sub_bullets() -> None:
    items = extract("nested_subbullets.md")
    assert_items(
        items,
        [
            (
                10,
                "Pin the storage module version in every environment",
                "Ahmed Khan",
                "2026-08-15",
                False,
            ),
            (14, "Add a policy check that rejects public ACLs", "@sec-eng", "2027-03-31", False),
            (19, "Rotate the export signing keys", None, None, False),
            (22, "Alert on bucket policy changes outside Terraform", "Platform team", None, False),
            (25, "Audit the access logs for the 40-minute window", "@sec-eng", "2026-09-09", True),
        ],
    )
    assert items[0].ticket == "SEC-101"
    assert items[2].ticket == "https://tracker.example.com/browse/SEC-103"  # a link-only sub-bullet
    assert items[3].due_text == "soon"


def test_themed_subsections_with_one_table_each() -> None:
    items = extract("themed_tables.md")
    assert_items(
        items,
        [
            (19, "Page the checkout rotation when 5xx > 2% for 3 min", "grace@", None, False),
            (20, "Add a synthetic purchase from two regions", "@web-sre", None, False),
            (
                26,
                "Load-test checkout at 4x peak before every sale",
                "Perf team",
                "2026-11-01",
                False,
            ),
            # "DONE" after the bug id, as in Google's example postmortem.
            (
                27,
                "Cap the inventory service's connection pool at 200",
                "@inventory",
                "2026-10-10",
                True,
            ),
        ],
    )
    assert [i.priority for i in items] == ["P0", "P1", "P1", "P0"]
    assert [i.ticket for i in items] == ["CHK-901", "CHK-902", "CHK-903", "CHK-904"]


def test_plain_text_action_items_line_followed_by_list_lines() -> None:
    items = extract("plain_review.txt")
    assert_items(
        items,
        [
            (
                14,
                "Point the standby health check at the current management address",
                "@netops",
                "2026-03-01",
                False,
            ),
            (15, "Promote the standby by hand", "@netops", None, True),
            # The metadata sits on the item's wrapped second line.
            (16, "Run a failover drill every quarter", "Ines Duarte", "2026-06-30", False),
            (18, "Schedule firmware updates outside working hours", "@kai", None, False),
            (19, "Document the manual promotion in the network runbook", None, None, False),
        ],
    )


def test_a_document_without_an_action_section_has_no_items() -> None:
    assert extract("no_actions.md") == []


def test_an_empty_action_section_has_no_items() -> None:
    assert extract("empty_section.md") == []


def test_dates_in_the_description_are_not_due_dates() -> None:
    items = extract("non_due_dates.md")
    assert_items(
        items,
        [
            (
                10,
                "Refund the duplicate charges made on 2026-01-31",
                "@billing",
                "2026-02-14",
                False,
            ),
            (
                11,
                "Add an idempotency key to invoice runs, as proposed on 12 March 2025",
                "@lena",
                None,
                False,
            ),
            (12, "Compare invoice counts with the 2025-12-31 run", "@omar", None, False),
            (
                13,
                "Keep the failover runbook that changed on 2026-01-30 in sync",
                "@lena",
                "2026-02-06",  # "by Friday", read against the review's date (2026-01-31)
                False,
            ),
        ],
    )
    assert items[3].due_text == "by Friday"


def test_labelled_lists_and_labelled_paragraphs_without_a_heading() -> None:
    items = extract("labelled_lists.md")
    assert_items(
        items,
        [
            (11, "Create a runbook for the ExternalDNS error alarm", None, None, False),
            (12, "Add a Pingdom check for the test application", None, None, True),
            (13, "Look into external-dns ownership records", None, None, False),
            (
                19,
                "Alert on ExternalDNS write errors within 5 minutes",
                "@platform-oncall",
                None,
                False,
            ),
        ],
    )
    assert items[0].ticket == "#4101"


def test_action_sections_setting_adds_heading_names() -> None:
    text = (
        "# Disk full\n\n## Build farm\n\n"
        "- Alert at 80% disk on build hosts (owner: @ci, due: 2099-01-01)\n"
    )
    document = parse_document(text, "pm.md")
    assert extract_action_items(document, Config(), TODAY) == []
    config = Config.model_validate({"action-sections": ["Build farm"]})
    [item] = extract_action_items(document, config, TODAY)
    assert (item.line, item.owner, item.due) == (5, "@ci", "2099-01-01")


@pytest.mark.parametrize(
    "heading",
    [
        "## Action items",
        "## 5. Follow-ups:",
        "## 🛠️ Corrective actions",
        "### Remediation",
        "## NEXT STEPS",
        "## Planned actions",
        "**Action items**",
        "Action items:",
        "## Lessons learned and next steps",
        "## How are we preventing it from happening again?",
    ],
)
def test_action_heading_synonyms(heading: str) -> None:
    text = f"# Review\n\n{heading}\n\n- Add a canary stage (owner: @a, due: 2099-01-01)\n"
    [item] = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert item.owner == "@a"


@pytest.mark.parametrize(
    "heading",
    [
        "## Follow-up timeline (times in UTC)",
        "## Actions taken",
        "## Timeline",
        "## Questions for follow up",
    ],
)
def test_headings_about_what_happened_are_not_action_sections(heading: str) -> None:
    text = f"# Review\n\n{heading}\n\n- 10:02 Restarted the primary (owner: @a)\n"
    assert extract_action_items(parse_document(text, "pm.md"), Config(), TODAY) == []


def test_lists_outside_the_action_section_are_not_items() -> None:
    text = (
        "# Review\n\n## Timeline\n\n- [ ] 10:02 paged\n\n## Lessons learned\n\n"
        "- Add more tests\n\n## Action items\n\n- Add a canary (owner: @a)\n\n"
        "## Appendix\n\n- Grafana link\n"
    )
    items = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert [i.text for i in items] == ["Add a canary"]


def test_group_labels_hold_the_items_nested_under_them() -> None:
    text = (
        "# Review\n\n## Action items\n\n"
        "- **Detection**\n  - Alert on 5xx > 2% (owner: @a, due: 2099-01-01)\n"
        "  - Add a synthetic check (owner: @b)\n"
        "- Prevention:\n  - Pin the base image (owner: @c)\n"
    )
    items = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert [(i.line, i.owner) for i in items] == [(6, "@a"), (7, "@b"), (9, "@c")]


def test_quoted_lists_are_not_items() -> None:
    text = "# Review\n\n## Action items\n\n> - Someone said: fix everything\n\n- Add a canary\n"
    items = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert [i.text for i in items] == ["Add a canary"]


def test_tables_that_are_not_action_tables_are_ignored() -> None:
    text = (
        "# Review\n\n## Action items\n\n| Metric | Before | After |\n|---|---|---|\n"
        "| p99 | 9 s | 300 ms |\n\n- Add a canary (owner: @a)\n"
    )
    items = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert [i.text for i in items] == ["Add a canary"]


def test_theme_rows_inside_a_table_are_not_items() -> None:
    text = (
        "# Review\n\n## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n"
        "| **Detection** | | |\n| Alert on 5xx | @a | 2099-01-01 |\n| Prevention: | | |\n"
        "| Pin the image | @b | 2099-02-01 |\n"
    )
    items = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert [(i.line, i.text) for i in items] == [(8, "Alert on 5xx"), (10, "Pin the image")]


def test_table_without_an_action_header_uses_the_first_free_column() -> None:
    text = (
        "# Review\n\n## Follow-ups\n\n| # | Change | Who | ETA |\n|---|---|---|---|\n"
        "| 1 | Pin the image | @b | 2099-02-01 |\n"
    )
    [item] = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert (item.text, item.owner, item.due) == ("Pin the image", "@b", "2099-02-01")


def test_overdue_uses_the_given_today() -> None:
    text = "# R\n\n## Action items\n\n- [ ] Pin the image (owner: @b, due: 2026-06-01)\n"
    document = parse_document(text, "pm.md")
    [early] = extract_action_items(document, Config(), dt.date(2026, 5, 1))
    [late] = extract_action_items(document, Config(), dt.date(2026, 6, 2))
    assert (early.overdue, late.overdue) == (False, True)


def test_crlf_and_non_ascii_text_keep_lines_right() -> None:
    text = (
        "# Revue\r\n\r\n## Action items\r\n\r\n- Épingler l’image — owner @zoë — due 2099-01-01\r\n"
    )
    [item] = extract_action_items(parse_document(text, "pm.md"), Config(), TODAY)
    assert (item.line, item.owner, item.due) == (5, "@zoë", "2099-01-01")
