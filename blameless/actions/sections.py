"""Where a document keeps its action items.

An action section starts at a heading the taxonomy maps to ACTIONS ("Action items",
"Follow-ups", "Remediation", "Next steps", …, plus the `action-sections` setting) and
runs to the next heading of the same or a higher level, so themed subsections
("### Detection", one table each) belong to it. Pseudo-headings ("**Action items**",
"Action items:" alone on a line) and plain-text "Action items:" lines count too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blameless.document import Document, Heading, Segment
from blameless.sections import SectionKind, heading_kind

# What a section says when it has nothing in it.
_PLACEHOLDER_PROSE = re.compile(
    r"(?:none|n/?a|tbd|tba|todo|to do|-+|—|nothing(?: yet)?|to be (?:added|decided|defined|"
    r"determined)|coming soon|\(none\)|\(empty\)|no action items?(?: yet)?)\.?",
    re.I,
)


@dataclass(frozen=True)
class ActionSection:
    """One action section: its heading and the offsets of its body."""

    title: str
    line: int
    start: int  # end of the heading
    end: int  # start of the next heading of the same or a higher level, or the end of text


def is_action_heading(title: str, extra: tuple[str, ...] = ()) -> bool:
    """True when a heading title starts an action-item section."""
    return heading_kind(title, extra) is SectionKind.ACTIONS


def find_action_sections(document: Document, extra: tuple[str, ...] = ()) -> list[ActionSection]:
    """The outermost action sections of a document, in order."""
    sections: list[ActionSection] = []
    headings = document.headings
    for index, heading in enumerate(headings):
        if sections and heading.start < sections[-1].end:
            continue  # a subsection of an action section already found
        if not is_action_heading(heading.title, extra):
            continue
        sections.append(
            ActionSection(
                title=heading.title,
                line=heading.line,
                start=heading.end,
                end=_section_end(document, headings, index),
            )
        )
    return sections


def _section_end(document: Document, headings: list[Heading], index: int) -> int:
    """Start of the line of the next heading at the same or a higher level."""
    level = headings[index].level
    for heading in headings[index + 1 :]:
        if heading.level <= level:
            return document.line_starts[heading.line - 1]
    return len(document.text)


def in_sections(offset: int, sections: list[ActionSection]) -> bool:
    return any(section.start <= offset < section.end for section in sections)


def section_of(offset: int, sections: list[ActionSection]) -> ActionSection | None:
    return next((s for s in sections if s.start <= offset < s.end), None)


def has_content(document: Document, section: ActionSection) -> bool:
    """True when a section holds any words other than a placeholder ("None.", "TBD")."""
    for segment in segments_in(document, section):
        if segment.kind == "heading":
            continue
        words = segment.prose.strip()
        if words and not _PLACEHOLDER_PROSE.fullmatch(words):
            return True
    return False


def segments_in(document: Document, section: ActionSection) -> list[Segment]:
    return [s for s in document.segments if section.start <= s.start < section.end]


def subsection_titles(document: Document, section: ActionSection, offset: int) -> list[str]:
    """Titles of the section's heading and its subheadings that enclose `offset`."""
    stack: list[Heading] = []
    for heading in document.headings:
        if heading.end < section.start or heading.start >= min(offset, section.end):
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
    return [heading.title for heading in stack]
