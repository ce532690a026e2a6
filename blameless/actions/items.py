"""An action item as found in a document: its range, its fields, and how it was written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from blameless.actions.dates import DueKind
from blameless.actions.fields import Fields
from blameless.model import ActionItem


@dataclass(frozen=True)
class FoundItem:
    start: int  # offsets of the item's text: the action cell, or the item's first paragraph
    end: int
    line: int
    fields: Fields
    layout: str  # "table" | "list" | "paragraph" | "heading" | "line" | "commitment" | …
    raw: str = ""  # the item's Markdown, for signs of specificity such as code spans
    columns: frozenset[str] = frozenset()  # for table rows: the roles the table has columns for

    @property
    def text(self) -> str:
        return self.fields.description

    @property
    def done(self) -> bool:
        return bool(self.fields.done)

    def overdue(self, today: dt.date) -> bool:
        due = self.fields.due
        return (
            not self.done and due.kind is DueKind.DATE and due.date is not None and due.date < today
        )

    def action_item(self, today: dt.date) -> ActionItem:
        due = self.fields.due
        return ActionItem(
            line=self.line,
            text=self.text,
            owner=self.fields.owner,
            due=due.iso,
            done=self.done,
            overdue=self.overdue(today),
            kind="commitment" if self.layout == "commitment" else "item",
            due_text=due.text,
            priority=self.fields.priority,
            ticket=self.fields.ticket,
        )
