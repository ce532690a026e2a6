"""Action items: find them in any postmortem layout, read their fields, check them.

`blameless.check` calls `check_action_items`; `blameless actions` calls
`extract_action_items`. Neither needs spaCy.
"""

from __future__ import annotations

import datetime as dt

from blameless.actions.items import FoundItem
from blameless.actions.lists import list_items
from blameless.actions.rules import action_hits
from blameless.actions.sections import ActionSection, find_action_sections, has_content
from blameless.actions.table import table_items
from blameless.config import Config
from blameless.document import Document
from blameless.hits import Hit
from blameless.model import ActionItem

__all__ = ["check_action_items", "extract_action_items", "find_items"]


def find_items(document: Document, sections: list[ActionSection]) -> list[FoundItem]:
    """Every action item of a document, in document order."""
    found = {item.start: item for item in table_items(document, sections)}
    for item in list_items(document, sections):
        found.setdefault(item.start, item)
    return [found[start] for start in sorted(found)]


def extract_action_items(document: Document, config: Config, today: dt.date) -> list[ActionItem]:
    """The action items of a document, with owner, due date, status and overdue flag."""
    sections = find_action_sections(document, config.action_sections)
    return [item.action_item(today) for item in find_items(document, sections)]


def check_action_items(
    document: Document, config: Config, today: dt.date
) -> tuple[list[ActionItem], list[Hit]]:
    """The action items of a document and the hits of every action rule on them."""
    sections = find_action_sections(document, config.action_sections)
    items = find_items(document, sections)
    content = any(has_content(document, section) for section in sections)
    hits = action_hits(sections, items, content, config, today)
    return [item.action_item(today) for item in items], hits
