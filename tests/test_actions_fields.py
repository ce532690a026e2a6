"""Reading owner, due date, status, priority and ticket out of one item's text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless.actions.dates import DueKind, parse_due
from blameless.actions.fields import reads_as_done
from blameless.actions.metadata import parse_item
from blameless.actions.text import segment_words
from blameless.markdown_reader import read_markdown


def fields_of(markdown: str):
    """The fields of `markdown` written as one list item, read as the extractor reads it."""
    document = read_markdown("- " + markdown.replace("\n", "\n  "))
    item = next(s for s in document.segments if s.kind == "item")
    words = segment_words(item)
    return parse_item(words.text, words.urls)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-10-31", "2026-10-31"),
        ("15 August 2026", "2026-08-15"),
        ("15th of Aug 2026", "2026-08-15"),
        ("Aug 15, 2026", "2026-08-15"),
        ("August 15th, 2026", "2026-08-15"),
        ("2026/08/15", "2026-08-15"),
        ("15.08.2026", "2026-08-15"),
        ("08/15/2026", "2026-08-15"),
        ("15/08/2026", "2026-08-15"),
        ("Q1 2027", "2027-03-31"),
        ("2027-Q3", "2027-09-30"),
        ("end of March 2027", "2027-03-31"),
        ("March 2027", "2027-03-31"),
        ("H2 2026", "2026-12-31"),
        ("end of 2026", "2026-12-31"),
        ("by 2026-01-05", "2026-01-05"),
        ("Feb 2028", "2028-02-29"),
    ],
)
def test_calendar_dates(value: str, expected: str) -> None:
    due = parse_due(value)
    assert due.kind is DueKind.DATE and due.iso == expected


@pytest.mark.parametrize(
    "value",
    [
        "ASAP",
        "TBD",
        "soon",
        "next sprint",
        "by Friday",
        "EOW",
        "Q3",
        "end of the quarter",
        "in 2 weeks",
        "2026-02-30",
        "Aug 15",
    ],
)
def test_vague_dates(value: str) -> None:
    due = parse_due(value)
    assert due.kind is DueKind.VAGUE and due.date is None and due.text == value


@pytest.mark.parametrize("value", ["", "-", "?", "N/A", "none", None])
def test_missing_dates(value: str | None) -> None:
    assert parse_due(value).kind is DueKind.MISSING


def test_numeric_dates_that_read_both_ways_are_ambiguous() -> None:
    assert parse_due("03/04/2026").kind is DueKind.AMBIGUOUS
    assert parse_due("04/04/2026").iso == "2026-04-04"


@pytest.mark.parametrize(
    ("markdown", "owner", "due", "description"),
    [
        (
            "Cap drain batches at 5 nodes (owner: @a, due: 2026-10-31)",
            "@a",
            "2026-10-31",
            "Cap drain batches at 5 nodes",
        ),
        (
            "Add lock_timeout — owner @lin — due 2026-12-20",
            "@lin",
            "2026-12-20",
            "Add lock_timeout",
        ),
        ("Add a canary stage [@alice]", "@alice", None, "Add a canary stage"),
        ("Add a canary stage - @alice", "@alice", None, "Add a canary stage"),
        ("Add a canary stage — @alice", "@alice", None, "Add a canary stage"),
        ("Add a canary stage (owner: alice@)", "alice@", None, "Add a canary stage"),
        ("Add a canary stage, Owner: Ahmed Khan", "Ahmed Khan", None, "Add a canary stage"),
        (
            "Add a canary stage (owner: Platform team, due: Q1 2027)",
            "Platform team",
            "2027-03-31",
            "Add a canary stage",
        ),
        ("Add a canary stage (owner: @org/team-sre)", "@org/team-sre", None, "Add a canary stage"),
        (
            "Add a canary stage. P1, @sec-eng, 2026-08-01.",
            "@sec-eng",
            "2026-08-01",
            "Add a canary stage",
        ),
        (
            "Add a canary stage, Owner @platform, due 2026-07-15, PLAT-311.",
            "@platform",
            "2026-07-15",
            "Add a canary stage",
        ),
        ("@farah: add progress to the job log", "@farah", None, "add progress to the job log"),
        (
            "Make `drain.sh` refuse prod contexts (owner: @a)",
            "@a",
            None,
            "Make drain.sh refuse prod contexts",
        ),
    ],
)
def test_owner_and_due_notations(
    markdown: str, owner: str, due: str | None, description: str
) -> None:
    fields = fields_of(markdown)
    assert (fields.owner, fields.due.iso, fields.description) == (owner, due, description)


@pytest.mark.parametrize("placeholder", ["TBD", "?", "-", "N/A", "unassigned", "none"])
def test_placeholder_owners_are_no_owner(placeholder: str) -> None:
    fields = fields_of(f"Add a canary stage (owner: {placeholder}, due: 2026-01-01)")
    assert fields.owner is None and fields.owner_placeholder == placeholder


@pytest.mark.parametrize(
    "markdown",
    [
        "Replay the orders dropped on 2026-03-02 - @kim",
        "Replay the orders dropped on 15 August 2026 (owner: @kim)",
        "Replay the 2026-03-02 orders, @kim",
        "Replay the orders (dropped 2026-03-02)",
        "Compare with the run of Q1 2026 [@kim]",
    ],
)
def test_a_date_in_the_description_is_not_the_due_date(markdown: str) -> None:
    assert fields_of(markdown).due.kind is DueKind.MISSING


@pytest.mark.parametrize(
    ("markdown", "done"),
    [
        ("✅ Revert the flag", True),
        ("Revert the flag ✅", True),
        ("Revert the flag (done)", True),
        ("Revert the flag (Done)", True),
        ("DONE: Revert the flag", True),
        ("Revert the flag DONE", True),
        ("Revert the flag (status: closed)", True),
        ("Revert the flag (status: in progress)", False),
        ("Revert the flag — TODO", False),
        ("❌ Revert the flag", False),
        ("Revert the flag", None),
        ("Make sure the done state is clear", None),
    ],
)
def test_done_markers(markdown: str, done: bool | None) -> None:
    assert fields_of(markdown).done is done


@pytest.mark.parametrize(
    ("markdown", "ticket"),
    [
        ("[ENG-123] Add a canary", "ENG-123"),
        ("Add a canary (#1234)", "#1234"),
        ("Add a canary acme/deploy#88", "acme/deploy#88"),
        (
            "[Add a canary](https://github.com/acme/deploy/issues/88)",
            "https://github.com/acme/deploy/issues/88",
        ),
        (
            "Add a canary <https://acme.atlassian.net/browse/OPS-7>",
            "https://acme.atlassian.net/browse/OPS-7",
        ),
        ("Rotate keys for SHA-256 and UTF-8 handling", None),
        ("See [the docs](https://example.com/guide.html)", None),
    ],
)
def test_tickets(markdown: str, ticket: str | None) -> None:
    assert fields_of(markdown).ticket == ticket


@pytest.mark.parametrize(
    ("markdown", "priority"),
    [
        ("**HIGH** Pin the image", "High"),
        ("P0 - Pin the image", "P0"),
        ("Pin the image (priority: Low)", "Low"),
        ("Pin the image, P2, @a", "P2"),
        ("Change the alarm to high priority", None),
    ],
)
def test_priorities(markdown: str, priority: str | None) -> None:
    assert fields_of(markdown).priority == priority


@pytest.mark.parametrize(
    ("text", "done"),
    [
        ("Reverted the flag", True),
        ("We've enabled 2FA on the org", True),
        ("The bot's write access has been removed", True),
        ("We need to add a canary", False),
        ("Improved monitoring", False),
        ("Has been scheduled for Q3", False),
        ("Add a canary", False),
    ],
)
def test_items_that_report_finished_work(text: str, done: bool) -> None:
    assert reads_as_done(text) is done


handles = st.from_regex(r"@[a-z][a-z0-9-]{1,10}[a-z0-9]", fullmatch=True)
dates = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
verbs = st.sampled_from(["Add", "Remove", "Cap", "Pin", "Alert on", "Block", "Migrate"])
objects = st.sampled_from(
    ["the canary stage", "retries at 3", "queue age > 5 min", "the base image digest"]
)
notations = st.sampled_from(
    [
        "{text} (owner: {owner}, due: {due})",
        "{text} — owner {owner} — due {due}",
        "{text} [{owner}] (due: {due})",
        "{text}, Owner: {owner}, due: {due}",
        "{text} (due: {due}) - {owner}",
    ]
)


@given(verbs, objects, handles, dates, notations)
def test_any_notation_round_trips(
    verb: str, obj: str, owner: str, due: dt.date, notation: str
) -> None:
    text = f"{verb} {obj}"
    fields = fields_of(notation.format(text=text, owner=owner, due=due.isoformat()))
    assert (fields.description, fields.owner, fields.due.date) == (text, owner, due)


def test_a_name_in_brackets_then_a_date_is_owner_and_due() -> None:
    fields = fields_of("✅ Restore the halt threshold to 0.5 % (Amara Nwosu) — 2026-09-09")
    assert (fields.description, fields.owner, fields.due.iso, fields.done) == (
        "Restore the halt threshold to 0.5 %",
        "Amara Nwosu",
        "2026-09-09",
        True,
    )
    # Brackets that hold no name stay in the description.
    assert fields_of("Cap the pool (see the runbook) — 2026-09-09").owner is None
