"""Action items in the layouts real teams write, and which documents are judged at all.

Also the seam between readers and the extractor: nothing under `blameless/actions/`
imports a reader or a Markdown parser, or reads the document line by line.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

import blameless
from blameless.actions import check_action_items, find_items, section_index
from blameless.actions.items import FoundItem
from blameless.config import Config
from blameless.reading import parse_document

TODAY = dt.date(2026, 12, 1)
ACTIONS_DIR = Path(blameless.__file__).parent / "actions"


def found(text: str, path: str = "pm.md", config: Config | None = None) -> list[FoundItem]:
    document = parse_document(text, path)
    return find_items(section_index(document, config or Config()))


def rules_hit(text: str, path: str = "pm.md", config: Config | None = None) -> list[str]:
    document = parse_document(text, path)
    _, hits = check_action_items(document, config or Config(), TODAY)
    return [hit.rule for hit in hits]


# -- layouts ------------------------------------------------------------------------------


def test_heading_style_items_with_owners_tags_and_dates_below() -> None:
    text = """\
# Disk pressure

## 5. 🔧 Action Items:

### 1) Add disk-usage alerts for every node pool @sam [detect]

Page when a node is in DiskPressure for five minutes. Target: 2027-01-06.

#### 2. Rotate the API keys `@ops-team`

Due: 2027-02-01.
"""
    first, second = found(text)
    assert (first.layout, first.text, first.fields.owner, first.fields.due.iso) == (
        "heading",
        "Add disk-usage alerts for every node pool",
        "@sam",
        "2027-01-06",
    )
    assert (second.text, second.fields.owner, second.fields.due.iso) == (
        "Rotate the API keys",
        "@ops-team",
        "2027-02-01",
    )


def test_theme_subheadings_hold_lists_and_are_not_items() -> None:
    text = "## Action items\n\n### Detection\n\n- Alert on lag (owner: @a, due: 2027-01-01)\n"
    [item] = found(text)
    assert (item.layout, item.text) == ("list", "Alert on lag")


def test_bold_lead_paragraphs() -> None:
    text = """\
## Improvements

**Add a canary stage to configuration pushes.** Every change goes to one region
first. Owner: Noor Haddad. Due: 2026-09-04.

**Make login health checks exercise the session store.** Owner: Mobile team.

None of these would have stopped the bad setting being written.
"""
    first, second = found(text)
    assert (first.text, first.fields.owner, first.fields.due.iso) == (
        "Add a canary stage to configuration pushes",
        "Noor Haddad",
        "2026-09-04",
    )
    assert (second.text, second.fields.owner) == (
        "Make login health checks exercise the session store",
        "Mobile team",
    )


def test_lines_of_one_paragraph_each_an_item_past_tense_done() -> None:
    text = """\
## Follow-ups

What we already did:

Reduced the streaming processes from 16 to 12.
Applied the pending host resize to all 20 ingest hosts.

Still open:

Derive processes per host from the core count — Hiroshi, 2026-10-16.
Make the deploy pipeline refuse oversized releases — Beatriz, 2026-10-23.
"""
    items = found(text)
    assert [(item.line, item.done) for item in items] == [
        (5, True),
        (6, True),
        (10, False),
        (11, False),
    ]
    assert (items[2].fields.owner, items[2].fields.due.iso) == ("Hiroshi", "2026-10-16")


def test_prose_commitments_are_tracked_items_over_their_sentence() -> None:
    text = """\
# Search outage

## Next steps

We will change the reindex monitor to alert when progress stalls. Gabriel owns this.

The catalogue team is going to add schema validation to the feed import.

We considered running the reindex twice a day, and decided against it.
"""
    document = parse_document(text, "pm.md")
    items = found(text)
    assert [item.layout for item in items] == ["commitment", "commitment"]
    first, second = items
    assert document.text[first.start : first.end] == (
        "We will change the reindex monitor to alert when progress stalls."
    )
    assert first.fields.owner == "Gabriel"
    assert second.fields.owner == "catalogue team"
    # The owner and due-date rules apply to commitments like to any item.
    assert rules_hit(text).count("action-due") == 2


def test_commitments_introduced_in_lessons() -> None:
    text = """\
# Failover

## Lessons learned

Health checks that only prove a process is alive are not enough.

So we are committing to the following.
We will set the DNS cache TTL to 5 seconds by 2027-02-12 (owner: Ngozi Eze).
Finally, Lars will write a description of every hop by 2027-03-05.
"""
    items = found(text)
    assert [item.fields.owner for item in items] == ["Ngozi Eze", "Lars"]
    assert [item.fields.due.iso for item in items] == ["2027-02-12", "2027-03-05"]


def test_html_tables() -> None:
    text = """\
## Remediation

<table>
  <tr><th>Action</th><th>Owner</th><th>Due</th><th>Issue</th></tr>
  <tr>
    <td>Add a retry budget</td>
    <td>Kofi Mensah</td>
    <td>2026-06-30</td>
    <td><a href="https://github.com/acme/pay/issues/813">#813</a></td>
  </tr>
</table>
"""
    document = parse_document(text, "pm.md")
    [item] = found(text)
    assert document.text[item.start : item.end] == "Add a retry budget"
    assert (item.fields.owner, item.fields.due.iso, item.fields.ticket) == (
        "Kofi Mensah",
        "2026-06-30",
        "#813",
    )


def test_a_commitment_turned_down_is_not_an_item() -> None:
    text = "## Next steps\n\nWe will not: short-lived certificates are the direction.\n"
    assert found(text) == []


# -- which documents are judged ------------------------------------------------------------

README = "# acme-cli\n\nA client for the Acme API.\n\n## Installation\n\nRun `pip install`.\n"
CHANGELOG = "# Changelog\n\n## 2.3.0\n\n- Fixed an outage when the queue was empty.\n"
REVIEW = "# Checkout outage\n\n## Timeline\n\n- 14:02 Deploy.\n- 14:31 Rollback.\n"


@pytest.mark.parametrize(
    ("text", "path", "missing"),
    [
        (README, "README.md", False),
        (CHANGELOG, "CHANGELOG.md", False),
        ("# Design notes\n\n## Storage\n\nWe keep events for 30 days.\n", "docs/x.md", False),
        (REVIEW, "pm.md", True),
        ("---\ntype: postmortem\n---\n\n# Checkout\n\nIt broke.\n", "x.md", True),
        ("# Incident 42: checkout down\n\nIt broke.\n", "x.md", True),
        ("# Checkout\n\nSeverity: SEV2\n\nIt broke.\n", "x.md", True),
        ("Checkout broke.\n\nTimeline:\n- 14:02 Deploy.\n", "x.txt", True),
    ],
)
def test_only_incident_reviews_are_judged_for_missing_actions(
    text: str, path: str, missing: bool
) -> None:
    assert ("actions-missing" in rules_hit(text, path)) is missing


def test_postmortem_paths_setting_judges_a_folder() -> None:
    config = Config.model_validate({"postmortem-paths": ["reviews/", "*.review.md"]})
    text = "# Checkout\n\nIt broke.\n"
    assert "actions-missing" not in rules_hit(text, "notes/checkout.md", config)
    assert "actions-missing" in rules_hit(text, "team/reviews/checkout.md", config)
    assert "actions-missing" in rules_hit(text, "checkout.review.md", config)


# -- the seam -----------------------------------------------------------------------------

_READERS = {
    "blameless.markdown_reader",
    "blameless.plaintext_reader",
    "blameless.reading",
    "blameless.html_tables",
    "markdown_it",
}
_RAW_LINES = {"line_text", "line_starts", "splitlines"}


@pytest.mark.parametrize("module", sorted(ACTIONS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_actions_read_only_the_document_model(module: Path) -> None:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            names = []
        for name in names:
            assert not any(
                name == reader or name.startswith(reader + ".") for reader in _READERS
            ), f"{module.name} imports {name}"
        if isinstance(node, ast.Attribute):
            assert node.attr not in _RAW_LINES, f"{module.name} reads raw lines ({node.attr})"


def test_a_table_named_by_its_action_item_column_counts_outside_a_section() -> None:
    text = """\
# Upgrade halt

**Status**: resolved with outstanding action items.

| Action Item | Type | Owner | Bug |
|---|---|---|---|
| Sync the Go version across validators | prevention | Core team | DONE |
| Add a version check before upgrades | prevention | Core team | TODO |

## Timeline

- 10:00 Halt.
"""
    items = found(text)
    assert [(item.text, item.done) for item in items] == [
        ("Sync the Go version across validators", True),
        ("Add a version check before upgrades", False),
    ]
    assert "actions-missing" not in rules_hit(text)


def test_lessons_that_end_in_commitments() -> None:
    text = """\
# DNS outage

## Postmortem

The lessons that we are taking away from this incident are as follows:

- We need to document how to pick the commit to deploy.
- Changes that have been tested on staging should be deployed one at a time.
"""
    items = found(text)
    assert [item.done for item in items] == [False, False]


@pytest.mark.parametrize(
    ("written", "due"),
    [
        ("within two weeks", "2026-11-11"),
        ("within 30 days", "2026-11-27"),
        ("by Friday", "2026-10-30"),
        ("by end of this month", "2026-10-31"),
        ("by Dec 4", "2026-12-04"),
        ("by 31 March", "2027-03-31"),
        ("bis 26. Februar 2027", "2027-02-26"),
        ("2 décembre 2026", "2026-12-02"),
    ],
)
def test_relative_and_foreign_dates_read_against_the_review_date(written: str, due: str) -> None:
    text = (
        f"# Payroll export ran twice (2026-10-28)\n\n## Follow-ups\n\n- Fix it — Tom, {written}\n"
    )
    [item] = found(text)
    assert (item.fields.owner, item.fields.due.iso) == ("Tom", due)


def test_relative_dates_without_a_review_date_stay_vague() -> None:
    [item] = found("## Follow-ups\n\n- Fix it (owner: @tom, due: by Friday)\n")
    assert item.fields.due.kind.value == "vague"


def test_merged_owner_and_due_column() -> None:
    text = (
        "## Action items\n\n| Action | Owner / Due |\n|---|---|\n"
        "| Alert on lag | @tomasz / 2026-11-18 |\n"
    )
    [item] = found(text)
    assert (item.fields.owner, item.fields.due.iso) == ("@tomasz", "2026-11-18")


def test_lessons_that_end_in_a_firm_commitment() -> None:
    text = """\
# Phishing campaign

## Takeaways

### Abuse reports

Our first reports were rejected, which kept the domain online for longer, but we
will review how future reports could be made more actionable.

### Email

Ultimately users should be careful with links. We should have warned them sooner.
"""
    [item] = found(text)
    assert item.layout == "commitment"
    assert item.text.startswith("Our first reports were rejected")
