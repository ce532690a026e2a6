"""Action items: find them in any postmortem layout, read their fields, check them.

`blameless.check` calls `check_action_items`; `blameless actions` calls
`extract_action_items`. Neither needs spaCy.
"""

from __future__ import annotations

import datetime as dt

from blameless.actions.dates import anchored
from blameless.actions.items import FoundItem
from blameless.actions.lists import list_items
from blameless.actions.prose_items import prose_items
from blameless.actions.review import document_date, is_review
from blameless.actions.rules import action_hits
from blameless.actions.sections import (
    SectionIndex,
    find_action_sections,
    find_lesson_sections,
)
from blameless.actions.table import table_items
from blameless.config import Config
from blameless.document import Document
from blameless.hits import Hit
from blameless.model import ActionItem

__all__ = ["check_action_items", "extract_action_items", "find_items"]


def find_items(index: SectionIndex) -> list[FoundItem]:
    """Every action item of a document, in document order."""
    with anchored(document_date(index.document)):
        return _find_items(index)


def _find_items(index: SectionIndex) -> list[FoundItem]:
    found = {item.start: item for item in table_items(index)}
    for item in list_items(index):
        found.setdefault(item.start, item)
    for item in prose_items(index, taken=found):
        found.setdefault(item.start, item)
    return [found[start] for start in sorted(found)]


def section_index(document: Document, config: Config) -> SectionIndex:
    """Where the document's follow-ups are: its action sections, and its lessons."""
    sections = find_action_sections(document, config.action_sections)
    lessons = find_lesson_sections(document, sections, config.action_sections)
    return SectionIndex(document, sections, lessons)


def extract_action_items(document: Document, config: Config, today: dt.date) -> list[ActionItem]:
    """The action items of a document, with owner, due date, status and overdue flag."""
    index = section_index(document, config)
    return [item.action_item(today) for item in find_items(index)]


def check_action_items(
    document: Document, config: Config, today: dt.date
) -> tuple[list[ActionItem], list[Hit]]:
    """The action items of a document and the hits of every action rule on them."""
    index = section_index(document, config)
    items = find_items(index)
    content = any(index.has_content(section) for section in index.sections)
    review = is_review(document, config.action_sections, config.postmortem_paths)
    hits = action_hits(index.sections, items, content, config, today, review=review)
    return [item.action_item(today) for item in items], hits
