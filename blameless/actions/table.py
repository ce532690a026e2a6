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

from blameless.actions.dates import parse_due
from blameless.actions.fields import Fields, find_ticket, read_owner, read_priority, read_status
from blameless.actions.items import FoundItem
from blameless.actions.markup import read_inline, reference_targets
from blameless.actions.metadata import parse_item
from blameless.actions.sections import ActionSection, in_sections
from blameless.document import Document, Segment
from blameless.markdown_reader import split_table_row

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
    ),
}
_NAME_TO_ROLE = {name: role for role, names in _COLUMN_NAMES.items() for name in names}
_DITTO = frozenset({'"', "''", "〃", "ditto", "^", "same", "″"})
_THEME_ROW = re.compile(r"\s*(?:\*\*|__)[^*_]+(?:\*\*|__)\s*:?\s*|\s*[^|]{1,40}:\s*")
_DONE_NOTE = frozenset({"done", "completed", "complete", "fixed", "closed", "✅", "✔", "✔️", "✓"})


def table_items(document: Document, sections: list[ActionSection]) -> list[FoundItem]:
    """Action items from every table inside an action section."""
    tables: dict[int, list[Segment]] = defaultdict(list)
    for segment in document.segments:
        if segment.kind == "cell" and segment.table is not None and not segment.quoted:
            tables[segment.table].append(segment)
    found: list[FoundItem] = []
    for cells in tables.values():
        if in_sections(cells[0].start, sections):
            found.extend(_rows(document, cells))
    return found


def column_role(header: str) -> str | None:
    """The role a header names ("Due date" → due), or None for other columns."""
    name = read_inline(header).text.lower().strip(" :?*")
    name = re.sub(r"\s*\([^)]*\)$", "", name)  # "Due (UTC)", "Owner(s)"
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
            name = read_inline(header).text.lower().strip()
            if col not in roles and name not in ("#", "no", "no.", "id", "type", "category", ""):
                roles[col] = "action"
                break
        else:
            return None
    return roles


def _rows(document: Document, cells: list[Segment]) -> list[FoundItem]:
    rows: dict[int, dict[int, Segment]] = defaultdict(dict)
    for cell in cells:
        rows[cell.row or 0][cell.col or 0] = cell
    headers = [_raw_cell(document, c) for _, c in sorted(rows.get(0, {}).items())]
    roles = _roles(headers)
    if roles is None:
        return []
    action_col = next(col for col, role in roles.items() if role == "action")
    columns = frozenset(roles.values())
    previous: dict[int, str] = {}
    found: list[FoundItem] = []
    for row_index in sorted(r for r in rows if r > 0):
        row = rows[row_index]
        raw = {col: _raw_cell(document, cell) for col, cell in row.items()}
        for col, value in raw.items():  # vertically merged cells written as ditto marks
            if value.strip().lower() in _DITTO and col in previous:
                raw[col] = previous[col]
        previous = raw
        if _is_theme_row(raw) or not raw.get(action_col, "").strip():
            continue
        cell = row[action_col]
        fields = _row_fields(raw, roles, action_col, reference_targets(document.text))
        found.append(
            FoundItem(cell.start, cell.end, cell.line, fields, "table", raw[action_col], columns)
        )
    return found


def _raw_cell(document: Document, cell: Segment) -> str:
    """A cell's Markdown as written (the segment is trimmed to its words)."""
    line = document.line_text(cell.line)
    line_start = document.line_starts[cell.line - 1]
    for start, end in split_table_row(line):
        if line_start + start <= cell.start <= line_start + end:
            return line[start:end]
    return document.text[cell.start : cell.end]


def _is_theme_row(raw: dict[int, str]) -> bool:
    """A row that only names a theme: one filled cell, bold or ending in a colon."""
    filled = [value for value in raw.values() if value.strip()]
    return len(filled) == 1 and bool(_THEME_ROW.fullmatch(filled[0]))


def _row_fields(
    raw: dict[int, str], roles: dict[int, str], action_col: int, references: dict[str, str]
) -> Fields:
    action = read_inline(raw[action_col], references)
    fields = parse_item(action.text, action.urls)  # inline metadata in the action cell
    if action.struck:
        fields.done = True
    for col, value in raw.items():
        role = roles.get(col)
        inline = read_inline(value, references)
        if role == "owner":
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
