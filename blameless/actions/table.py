"""Action items written as GFM tables: one row per item, columns named by synonyms.

Columns are recognised from the header row (Action / Task / Follow-up / What; Owner /
Assignee / Who / DRI; Due / Deadline / ETA / Target; Status / Done; Priority / Pri;
Ticket / Bug / Issue / Jira / Link). Other columns (Type, Notes, …) are kept out of the
fields, except that a cell reading "Done" marks the row done. Rows shorter than the
header, escaped pipes, theme rows ("| **Detection** | | |") and ditto marks for
vertically merged cells are all read as a person would.
"""

from __future__ import annotations

import re
from collections import defaultdict

from blameless.actions.dates import Due, DueKind, looks_like_due, parse_due
from blameless.actions.fields import Fields, find_ticket, read_owner, read_priority, read_status
from blameless.actions.items import FoundItem
from blameless.actions.metadata import parse_item
from blameless.actions.sections import SectionIndex
from blameless.actions.text import Words, segment_words
from blameless.document import Segment

_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "action": (
        "action",
        "actions",
        "action item",
        "action items",
        "task",
        "tasks",
        "follow-up",
        "follow up",
        "followup",
        "follow-ups",
        "item",
        "items",
        "description",
        "what",
        "remediation",
        "corrective action",
        "todo",
        "to do",
        "work item",
        "improvement",
        "next step",
        "step",
        "change",
        "title",
        "summary",
        "action description",
    ),
    "owner": (
        "owner",
        "owners",
        "owner(s)",
        "assignee",
        "assignees",
        "assigned to",
        "who",
        "dri",
        "responsible",
        "lead",
        "poc",
        "team",
        "owning team",
        "person",
        "responsable",
        "verantwortlich",
        "zuständig",
        "propietario",
        "responsável",
        "eigenaar",
    ),
    "due": (
        "due",
        "due date",
        "due by",
        "deadline",
        "eta",
        "target",
        "target date",
        "by",
        "when",
        "by when",
        "date",
        "expected",
        "completion date",
        "target completion",
        "échéance",
        "echeance",
        "date limite",
        "fällig",
        "frist",
        "termin",
        "fecha límite",
        "fecha",
        "prazo",
        "deadline date",
    ),
    "status": ("status", "state", "done", "complete", "completed", "resolved", "progress"),
    "priority": ("priority", "pri", "prio", "severity", "p", "importance", "sev"),
    "ticket": (
        "ticket",
        "tickets",
        "bug",
        "bugs",
        "bug #",
        "tracking bug",
        "tracking",
        "tracking issue",
        "issue",
        "issues",
        "jira",
        "link",
        "links",
        "ref",
        "reference",
        "pr",
        "tracker",
        "url",
        "github issue",
        "jira ticket",
        "billet",
    ),
}
_NAME_TO_ROLE = {name: role for role, names in _COLUMN_NAMES.items() for name in names}
_DITTO = frozenset({'"', "''", "〃", "ditto", "^", "same", "″"})
_DONE_NOTE = frozenset({"done", "completed", "complete", "fixed", "closed", "✅", "✔", "✔️", "✓"})


def table_items(index: SectionIndex) -> list[FoundItem]:
    """Action items from every table inside an action section."""
    tables: dict[int, list[Segment]] = defaultdict(list)
    for segment in index.segments:
        if segment.kind == "cell" and segment.table is not None and not segment.quoted:
            tables[segment.table].append(segment)
    found: list[FoundItem] = []
    for cells in tables.values():
        if index.section_of(cells[0].start) or _names_action_items(cells):
            found.extend(_rows(index, cells))
    return found


# Header names that say "this table lists follow-ups" wherever the table stands.
_ACTION_HEADERS = frozenset(
    {"action item", "action items", "follow-up", "follow-ups", "corrective action", "remediation"}
)


def _names_action_items(cells: list[Segment]) -> bool:
    """A table outside any follow-up section that is one by its own header: an "Action
    item" column beside an owner, due, status or ticket column."""
    headers = [segment_words(cell).text for cell in cells if cell.row == 0]
    named = any(header.lower().strip(" :*") in _ACTION_HEADERS for header in headers)
    roles = {column_role(header) for header in headers}
    return named and bool(roles & {"owner", "due", "status", "ticket"})


def column_role(header: str) -> str | None:
    """The role a header names ("Due date" → due), or None for other columns."""
    name = header.lower().strip(" :?*")
    halves = re.split(r"\s*(?:/|&|\+|\band\b)\s*", name, maxsplit=1)
    if len(halves) == 2 and {_one_role(halves[0]), _one_role(halves[1])} == {"owner", "due"}:
        return "owner+due"  # "Owner / Due": "@tomasz / 2026-11-18" in one cell
    return _one_role(name)


def _one_role(name: str) -> str | None:
    if name.endswith(")") and "(" in name:  # "Due (UTC)", "Owner(s)"
        name = name[: name.rindex("(")].strip()
    if name in _NAME_TO_ROLE:
        return _NAME_TO_ROLE[name]
    first = name.split(" ")[0] if name else ""
    return _NAME_TO_ROLE.get(first) if first in ("owner", "due", "status", "priority") else None


def _roles(headers: list[str]) -> dict[int, str] | None:
    """Column index → role; None when the table is not an action-item table."""
    roles: dict[int, str] = {}
    for col, header in enumerate(headers):
        role = column_role(header)
        if role and role not in roles.values():
            roles[col] = role
    if "action" not in roles.values():
        if not roles:
            return None  # no column says what the table is: not an action table
        # The first column no role claims, that is not a numbering or type column, says what.
        for col, header in enumerate(headers):
            name = header.lower().strip()
            if col not in roles and name not in ("#", "no", "no.", "id", "type", "category", ""):
                roles[col] = "action"
                break
        else:
            return None
    return roles


def _rows(index: SectionIndex, cells: list[Segment]) -> list[FoundItem]:
    rows: dict[int, dict[int, Segment]] = defaultdict(dict)
    for cell in cells:
        rows[cell.row or 0][cell.col or 0] = cell
    headers = [segment_words(c).text for _, c in sorted(rows.get(0, {}).items())]
    roles = _roles(headers)
    if roles is None:
        return []
    action_col = next(col for col, role in roles.items() if role == "action")
    columns = frozenset(roles.values())
    previous: dict[int, Words] = {}
    found: list[FoundItem] = []
    for row_index in sorted(r for r in rows if r > 0):
        row = rows[row_index]
        words = {col: segment_words(cell) for col, cell in row.items()}
        for col, value in words.items():  # vertically merged cells written as ditto marks
            if value.text.strip().lower() in _DITTO and col in previous:
                words[col] = previous[col]
        previous = words
        if _is_theme_row(row) or action_col not in words or not words[action_col].text:
            continue
        cell = row[action_col]
        fields = _row_fields(words, roles, action_col)
        raw = index.document.text[cell.start : cell.end]
        found.append(FoundItem(cell.start, cell.end, cell.line, fields, "table", raw, columns))
    return found


def _owner_and_due(text: str) -> tuple[str, Due]:
    """Split "@tomasz / 2026-11-18" (or "Kofi, Q1 2027") into the owner and the due date."""
    for separator in (" / ", "/", ";", ",", " - ", " — "):
        if separator in text:
            owner, _, due = text.rpartition(separator)
            parsed = parse_due(due)
            if parsed.kind is not DueKind.MISSING and (
                parsed.kind is not DueKind.VAGUE or looks_like_due(due)
            ):
                return owner.strip(), parsed
    return text, parse_due(None)


def _is_theme_row(row: dict[int, Segment]) -> bool:
    """A row that only names a theme: one filled cell, bold or ending in a colon."""
    filled = [cell for cell in row.values() if cell.plain.strip()]
    if len(filled) != 1:
        return False
    words = " ".join(filled[0].plain.split())
    bold = filled[0].lead is not None and filled[0].lead.rstrip(" :") == words.rstrip(" :")
    return bold or (words.endswith(":") and len(words) <= 41 and "|" not in words)


def _row_fields(words: dict[int, Words], roles: dict[int, str], action_col: int) -> Fields:
    action = words[action_col]
    fields = parse_item(action.text, action.urls)  # inline metadata in the action cell
    if action.struck:
        fields.done = True
    for col, inline in words.items():
        role = roles.get(col)
        if role == "owner+due":
            owner_text, due = _owner_and_due(inline.text)
            owner, placeholder = read_owner(owner_text)
            fields.owner = owner or fields.owner
            fields.owner_placeholder = placeholder if owner is None else None
            fields.due = due if due.text is not None else fields.due
        elif role == "owner":
            owner, placeholder = read_owner(inline.text)
            fields.owner = owner or fields.owner
            fields.owner_placeholder = placeholder if owner is None else None
        elif role == "due":
            due = parse_due(inline.text)
            if due.text is not None or fields.due.text is None:
                fields.due = due
        elif role == "status":
            fields.done = (
                read_status(inline.text) if read_status(inline.text) is not None else fields.done
            )
        elif role == "priority" and inline.text:
            fields.priority = read_priority(inline.text)
        elif role == "ticket":
            fields.ticket = find_ticket(inline.text, inline.urls) or inline.text or fields.ticket
            if re.search(r"\bDONE\b", inline.text):  # Google style: "BUG-1 DONE" in the bug cell
                fields.done = True
        elif role is None and inline.text.strip(" .").lower() in _DONE_NOTE:
            fields.done = True  # a Notes column that says "Done"
    return fields
