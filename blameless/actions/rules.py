"""The action-item findings: one `Hit` per problem, at the item's text or the document.

Done items are not asked for an owner, a date or a done state: the work happened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from blameless.actions.dates import DueKind
from blameless.actions.items import FoundItem
from blameless.actions.sections import ActionSection
from blameless.actions.text import shorten
from blameless.actions.vague import rewrite_prompt, vagueness
from blameless.config import Config
from blameless.hits import Hit


def action_hits(
    sections: list[ActionSection],
    items: list[FoundItem],
    has_content: bool,
    config: Config,
    today: dt.date,
    review: bool = True,
) -> list[Hit]:
    """Every action-rule hit for a document (select/ignore and severities are the caller's).

    `review` says the document is an incident review: only those are asked for follow-ups.
    """
    hits = list(document_hits(sections, items, has_content, config, review))
    for item in items:
        hits.extend(item_hits(item, today))
    return hits


def document_hits(
    sections: list[ActionSection],
    items: list[FoundItem],
    has_content: bool,
    config: Config,
    review: bool,
) -> Iterator[Hit]:
    if not review and not items:
        pass  # a README, a changelog, design notes: nothing to follow up
    elif not sections and not items:
        yield Hit(
            "actions-missing",
            None,
            None,
            suggestions=(
                "Add an `## Action items` section: a few changes to the system, each with "
                "an owner and a due date, e.g. `- [ ] Add a canary stage (owner: @handle, "
                "due: YYYY-MM-DD)`.",
                "If no change is needed, say so and why under `## Action items`.",
            ),
        )
    elif not items and not has_content:
        title = sections[0].title
        yield Hit(
            "actions-missing",
            None,
            None,
            message=f'The "{title}" section is empty: what will change so this cannot happen '
            "the same way again?",
            suggestions=(
                f'List the changes under "{title}", each with an owner and a due date, or '
                "write why no change is needed.",
            ),
        )
    open_items = [item for item in items if not item.done]
    limit = config.max_action_items
    if len(open_items) > limit:
        yield Hit(
            "actions-too-many",
            None,
            None,
            message=f"This review has {len(open_items)} open action items (more than "
            f"{limit}): which few changes matter most?",
            suggestions=(
                f"Keep at most {limit} items that change the system; move the rest to the "
                "backlog, or group them by theme and close the ones already done.",
            ),
        )


def item_hits(item: FoundItem, today: dt.date) -> Iterator[Hit]:
    if item.done:
        return
    name = f'"{shorten(item.text or "this item", 50)}"'
    fields = item.fields
    if fields.owner is None:
        yield _owner_hit(item, name)
    due = fields.due
    if due.kind is DueKind.MISSING:
        yield _due_hit(item, name)
    elif due.kind in (DueKind.VAGUE, DueKind.AMBIGUOUS):
        yield _vague_due_hit(item, name, today)
    elif item.overdue(today) and due.date is not None:
        days = (today - due.date).days
        yield Hit(
            "action-overdue",
            item.start,
            item.end,
            message=f"{name} was due {due.iso} ({days} day{'s' if days != 1 else ''} ago) and "
            "is still open.",
            suggestions=(
                "Close it if it is done; otherwise set a new date and note what is blocking it.",
            ),
        )
    found = vagueness(item.text, item.raw)
    if found is not None:
        yield Hit(
            "action-vague",
            item.start,
            item.end,
            message=f"When is {name} done? "
            + (
                "It is a placeholder, not a change."
                if found.kind == "placeholder"
                else f'"{found.word}" names no end state.'
                if found.kind == "verb"
                else "It names a topic, not a change."
            ),
            suggestions=(rewrite_prompt(found, item.text),),
        )


def _owner_hit(item: FoundItem, name: str) -> Hit:
    placeholder = item.fields.owner_placeholder
    if placeholder and placeholder != "(empty)":
        message = f'Who owns {name}? "{placeholder}" is a placeholder, not an owner.'
    else:
        message = f"Who owns {name}? An item without an owner is likely to be forgotten."
    if item.layout == "table":
        suggestion = (
            "Fill its Owner cell with one handle or team (`@handle`, `Platform team`)."
            if "owner" in item.columns
            else "Add an Owner column with one handle or team per row."
        )
    else:
        suggestion = "Add an owner: `(owner: @handle)`."
    return Hit("action-owner", item.start, item.end, message=message, suggestions=(suggestion,))


def _due_hit(item: FoundItem, name: str) -> Hit:
    if item.layout == "table":
        suggestion = (
            "Fill its Due cell with a date (YYYY-MM-DD)."
            if "due" in item.columns
            else "Add a Due column with a date (YYYY-MM-DD) per row."
        )
    else:
        suggestion = "Add a due date: `(due: YYYY-MM-DD)`."
    return Hit(
        "action-due",
        item.start,
        item.end,
        message=f"When is {name} due? Without a date there is nothing to track it against.",
        suggestions=(suggestion,),
    )


def _vague_due_hit(item: FoundItem, name: str, today: dt.date) -> Hit:
    due = item.fields.due
    written = due.text or ""
    if due.kind is DueKind.AMBIGUOUS:
        message = (
            f'"{written}" reads as two different dates (day/month or month/day): '
            f"when is {name} due?"
        )
        suggestion = f'Write "{written}" as YYYY-MM-DD.'
    else:
        message = f'"{written}" is not a calendar date: when exactly is {name} due?'
        example = (today + dt.timedelta(days=30)).isoformat()
        suggestion = (
            f'Replace "{written}" with a date, e.g. `due: {example}`, or a quarter such as '
            f"`Q1 {today.year + 1}`."
        )
    return Hit("action-due-vague", item.start, item.end, message=message, suggestions=(suggestion,))
