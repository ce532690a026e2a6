"""Where a document keeps its action items.

An action section starts at a heading that `blameless.sections` reads as follow-ups
("Action items", "Follow-ups", "Corrective and preventive measures", "What are we doing
about it?", …, plus the `action-sections` setting) and runs to the next heading of the
same or a higher level, so themed subsections ("### Detection", one table each) belong
to it. Pseudo-headings ("**Action items**", "Action items:" alone on a line) count too.

Everything here is linear in the document: section ends come from one pass with a
stack, and offsets find their section and segments by bisection.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from blameless.document import Document, Segment
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
    level: int = 1


def is_action_heading(title: str, extra: tuple[str, ...] = ()) -> bool:
    """True when a heading title starts an action-item section."""
    return heading_kind(title, extra) is SectionKind.ACTIONS


# A sentence that introduces commitments outside a follow-up section, as lessons often end:
# "So we are committing to the following.", "Out of this review come these commitments:".
_INTRO = re.compile(
    r"\bcommit\w* to the following\b|\bthe following (?:commitments|follow-ups|action items"
    r"|actions|changes|next steps)\b|\bcommitments\b[^.:]{0,40}:$|\bwe (?:are )?commit\w* to:$"
    r"|\b(?:lessons?|takeaways?|learnings?)\b[^.:]{0,80}\b(?:as follows|following):$",
    re.I,
)


def find_action_sections(document: Document, extra: tuple[str, ...] = ()) -> list[ActionSection]:
    """The action sections of a document, in order: the outermost ones under a heading,
    and those a paragraph opens by introducing commitments (to the next heading)."""
    sections = _heading_sections(document, extra)
    intros = list(_intro_sections(document, sections))
    return sorted(sections + intros, key=lambda s: s.start) if intros else sections


def _intro_sections(document: Document, sections: list[ActionSection]) -> list[ActionSection]:
    starts = [s.start for s in sections]
    heading_starts = [h.start for h in document.headings]
    found: list[ActionSection] = []
    for segment in document.segments:
        if segment.kind != "paragraph" or segment.quoted:
            continue
        if found and segment.start < found[-1].end:
            continue
        first = " ".join(segment.plain.split("\n", 1)[0].split())[:200]
        if not _INTRO.search(first):
            continue
        at = bisect.bisect_right(starts, segment.start) - 1
        if at >= 0 and segment.start < sections[at].end:
            continue  # already inside a follow-up section
        following = bisect.bisect_right(heading_starts, segment.start)
        end = (
            document.headings[following].start
            if following < len(document.headings)
            else len(document.text)
        )
        found.append(ActionSection(first, segment.line, segment.start, end, level=7))
    return found


_LESSON_KINDS = frozenset({SectionKind.LESSONS, SectionKind.LESSONS_POORLY})


def find_lesson_sections(
    document: Document, sections: list[ActionSection], extra: tuple[str, ...] = ()
) -> list[ActionSection]:
    """Lessons-learned sections (and what went wrong) outside every action section."""
    return _heading_sections(document, extra, _LESSON_KINDS, outside=sections)


def _heading_sections(
    document: Document,
    extra: tuple[str, ...],
    kinds: frozenset[SectionKind] = frozenset({SectionKind.ACTIONS}),
    outside: list[ActionSection] | None = None,
) -> list[ActionSection]:
    headings = document.headings
    ends = [len(document.text)] * len(headings)
    open_headings: list[int] = []  # indices of headings whose section is still open
    for index, heading in enumerate(headings):
        while open_headings and headings[open_headings[-1]].level >= heading.level:
            ends[open_headings.pop()] = heading.start
        open_headings.append(index)
    sections: list[ActionSection] = []
    taken = outside or []
    at = 0  # the first section of `taken` that does not end before this heading
    for index, heading in enumerate(headings):
        if sections and heading.start < sections[-1].end:
            continue  # a subsection of a section already found
        while at < len(taken) and taken[at].end <= heading.start:
            at += 1
        if at < len(taken) and taken[at].start <= heading.start:
            continue  # inside a section of `outside`
        if heading_kind(heading.title, extra) in kinds:
            sections.append(
                ActionSection(heading.title, heading.line, heading.end, ends[index], heading.level)
            )
    return sections


@dataclass
class SectionIndex:
    """The action sections of a document, and its segments in order, for quick lookups.

    `lessons` are the lessons-learned sections outside them: teams often end those in
    commitments ("…, but we will review how reports are made").
    """

    document: Document
    sections: list[ActionSection]
    lessons: list[ActionSection] = field(default_factory=list)
    segments: list[Segment] = field(init=False)
    _segment_starts: list[int] = field(init=False)
    _section_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.segments = sorted(self.document.segments, key=lambda s: s.start)
        self._segment_starts = [s.start for s in self.segments]
        self._section_starts = [s.start for s in self.sections]

    def section_of(self, offset: int) -> ActionSection | None:
        index = bisect.bisect_right(self._section_starts, offset) - 1
        if index >= 0 and offset < self.sections[index].end:
            return self.sections[index]
        return None

    def segments_between(self, start: int, end: int) -> list[Segment]:
        """Segments that start in [start, end), in document order."""
        low = bisect.bisect_left(self._segment_starts, start)
        high = bisect.bisect_left(self._segment_starts, end)
        return self.segments[low:high]

    def segments_in(self, section: ActionSection) -> list[Segment]:
        return self.segments_between(section.start, section.end)

    def has_content(self, section: ActionSection) -> bool:
        """True when a section holds any words other than a placeholder ("None.", "TBD")."""
        for segment in self.segments_in(section):
            if segment.kind == "heading":
                continue
            words = " ".join(segment.prose.split())
            if words and not _PLACEHOLDER_PROSE.fullmatch(words[:200]):
                return True
        return False


def subsection_titles(segment: Segment, section: ActionSection) -> tuple[str, ...]:
    """Titles of the headings inside `section` that enclose `segment` (its section path)."""
    path = segment.section
    for index in range(len(path) - 1, -1, -1):
        if path[index] == section.title:
            return path[index + 1 :]
    return path
