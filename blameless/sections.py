"""Section kinds: what a heading says about the prose under it.

The heading map follows the taxonomy's normalization table; a section's kind changes
what a sentence means (a name in a timeline is a fact, in a root cause it is blame).
"""

from __future__ import annotations

import re
from enum import Enum
from functools import lru_cache


class SectionKind(str, Enum):
    METADATA = "METADATA"
    SUMMARY = "SUMMARY"
    IMPACT = "IMPACT"
    BACKGROUND = "BACKGROUND"
    TIMELINE = "TIMELINE"
    DETECTION = "DETECTION"
    RESPONSE = "RESPONSE"
    CAUSE = "CAUSE"
    LESSONS_WELL = "LESSONS-WELL"
    LESSONS_POORLY = "LESSONS-POORLY"
    LUCKY = "LUCKY"
    LESSONS = "LESSONS"
    ACTIONS = "ACTIONS"
    QUESTIONS = "QUESTIONS"
    MESSAGING = "MESSAGING"
    APPENDIX = "APPENDIX"
    OTHER = "OTHER"


# Checked in order: more specific names first ("root cause and mitigation" is CAUSE,
# "what went well" is not LESSONS-POORLY).
_HEADING_MAP: list[tuple[SectionKind, tuple[str, ...]]] = [
    (SectionKind.LUCKY, ("where we got lucky", "where did we get lucky", "lucky")),
    (
        SectionKind.LESSONS_POORLY,
        (
            "what went wrong",
            "what went poorly",
            "what didn't go well",
            "what didn't go so well",
            "what did not go well",
            "what went badly",
            "what could have gone better",
            "what could have been better",
            "challenges",
            "things that went poorly",
            "things that went wrong",
            "went poorly",
            "didn't go well",
            "areas for improvement",
            "what could be improved",
        ),
    ),
    (
        SectionKind.LESSONS_WELL,
        ("what went well", "things that went well", "went well", "what worked"),
    ),
    (
        SectionKind.ACTIONS,
        (
            "action items",
            "action item",
            "actions",
            "follow-ups",
            "follow ups",
            "followups",
            "follow-up actions",
            "follow-up tasks",
            "follow-up items",
            "follow up",
            "follow-up",
            "corrective actions",
            "corrective and preventative measures",
            "corrective and preventive measures",
            "preventive actions",
            "preventative actions",
            "preventive measures",
            "remediation",
            "remediations",
            "remediation items",
            "remediation actions",
            "repair items",
            "next steps",
            "planned actions",
            "immediate actions",
            "improvements",
            "what are we doing about this",
            "action items & followups",
            "action items and follow-ups",
            "todo",
            "to do",
            "tasks",
            "planned work",
            "future work",
            "what we're doing",
            "what we are doing",
            "prevention",
            "mitigations going forward",
            "review actions",
            "future actions",
            "future measures",
            "action plan",
            "actions to take",
            "follow-up work",
            "followup items",
            "remediation plan",
            "preventive steps",
            "preventative steps",
            "corrective actions and follow-ups",
        ),
    ),
    (
        SectionKind.CAUSE,
        (
            "root cause",
            "root causes",
            "root cause analysis",
            "rca",
            "contributing factors",
            "contributing factor",
            "causes",
            "cause",
            "what caused the incident",
            "trigger",
            "triggers",
            "proximate cause",
            "fault",
            "process breakdown",
            "process breakdowns",
            "five whys",
            "5 whys",
            "analysis",
            "root cause and mitigation",
            "what went wrong",
            "technical details",
            "investigation",
        ),
    ),
    (
        SectionKind.TIMELINE,
        (
            "timeline",
            "incident timeline",
            "chronology",
            "sequence of events",
            "chain of events",
            "timeline of events",
            "recovery efforts",
            "timeline/recovery efforts",
            "detailed timeline",
            "events",
        ),
    ),
    (
        SectionKind.METADATA,
        (
            "date",
            "authors",
            "author",
            "owner",
            "owners",
            "postmortem owner",
            "status",
            "severity",
            "incident #",
            "incident number",
            "shared with",
            "published",
            "responders",
            "attendees",
            "participants",
            "staff present",
            "incident commander",
            "call recording",
            "metadata",
            "people involved",
            "stats",
            "statistics",
        ),
    ),
    (
        SectionKind.SUMMARY,
        (
            "summary",
            "executive summary",
            "overview",
            "tl;dr",
            "tldr",
            "incident summary",
            "issue summary",
            "problem summary",
            "brief description",
            "what happened",
            "description",
            "abstract",
        ),
    ),
    (
        SectionKind.IMPACT,
        (
            "impact",
            "customer impact",
            "user impact",
            "business impact",
            "revenue impact",
            "team impact",
            "summary of impact",
            "scope",
            "data integrity",
            "blast radius",
            "incident impact",
        ),
    ),
    (SectionKind.BACKGROUND, ("background", "context", "leadup", "lead-up", "glossary")),
    (
        SectionKind.DETECTION,
        ("detection", "how was it detected", "why was this hard to detect", "monitoring"),
    ),
    (
        SectionKind.RESPONSE,
        (
            "response",
            "resolution",
            "recovery",
            "mitigation",
            "mitigation & resolution",
            "mitigation and resolution",
            "resolution and recovery",
            "fix",
            "the fix",
        ),
    ),
    (
        SectionKind.LESSONS,
        (
            "lessons learned",
            "lessons learnt",
            "lessons",
            "learnings",
            "takeaways",
            "key learnings",
            "themes",
            "how'd we do",
            "learning points",
            "moving forward",
            "conclusion",
            "conclusions",
            "reflections",
        ),
    ),
    (SectionKind.QUESTIONS, ("open questions", "questions", "unknowns")),
    (
        SectionKind.MESSAGING,
        (
            "messaging",
            "internal email",
            "external message",
            "customer communication",
            "status page update",
            "communication",
            "communications",
        ),
    ),
    (
        SectionKind.APPENDIX,
        (
            "appendix",
            "supporting information",
            "supporting documents",
            "graphs",
            "irc logs",
            "slack logs",
            "chat logs",
            "logs",
            "references",
            "links",
        ),
    ),
]

_EXACT: dict[str, SectionKind] = {
    name: kind for kind, names in reversed(_HEADING_MAP) for name in names
}

# Leading numbering ("3.", "3)", "III.", "A."), emoji and symbols, markup, trailing ":" "?".
_LEADING_NOISE = re.compile(r"^(?:[\W_]+|\d+(?:\.\d+)*[.)]?\s+|[ivxIVX]+[.)]\s+|[A-Z][.)]\s+)+")
_TRAILING_NOISE = re.compile(r"[\s:?!.*_]+$")
_SPACES = re.compile(r"\s+")


def normalize_heading(title: str) -> str:
    """Lower-case a heading and strip numbering, emoji, markup and trailing punctuation."""
    text = title.strip().replace("’", "'")
    text = _LEADING_NOISE.sub("", text)
    text = _TRAILING_NOISE.sub("", text)
    return _SPACES.sub(" ", text).lower()


# Headings about what happened, though they name actions or follow-ups
# ("Follow-up timeline", "Actions taken", "Actions performed during the incident").
_WHAT_HAPPENED = re.compile(r"\b(?:timeline|time line|taken|performed|during the incident|log)\b")
# "How are we preventing it from happening again?", "Preventing a recurrence".
_PREVENT_AGAIN = re.compile(
    r"\bprevent\w*\s+(?:it|this|that|them|a repeat|recurrence|a recurrence)"
    r"(?:\s+from\s+happening\s+again)?$"
    r"|\bmaking sure (?:it|this) (?:does not|doesn't) happen again"
)
# A merged heading that ends in an action phrase ("Lessons learned and next steps").
_MERGED_ACTIONS = re.compile(
    r"(?:\band|&)\s+(?:action items?|next steps|follow[- ]?ups?|corrective actions?"
    r"|remediations?)$"
)


# Cached: every segment asks about its whole heading path, and documents repeat headings.
@lru_cache(maxsize=4096)
def heading_kind(title: str, extra_actions: tuple[str, ...] = ()) -> SectionKind | None:
    """The section kind a heading names, or None when the heading is not a known one."""
    name = normalize_heading(title)
    if not name:
        return None
    if name in (normalize_heading(extra) for extra in extra_actions):
        return SectionKind.ACTIONS
    if name in _EXACT:
        return _EXACT[name]
    if _WHAT_HAPPENED.search(name):
        return SectionKind.TIMELINE if "time" in name or "log" in name else SectionKind.RESPONSE
    if _PREVENT_AGAIN.search(name) or (_MERGED_ACTIONS.search(name) and len(name.split()) <= 6):
        return SectionKind.ACTIONS
    # "Action items (owners in Jira)", "Timeline (all times UTC)", "Root cause: DNS".
    head = re.split(r"\s*[(:\-–—/]\s*", name, maxsplit=1)[0]
    if head in _EXACT:
        return _EXACT[head]
    for kind, names in _HEADING_MAP:
        if any(name.startswith(n + " ") for n in names if len(n) > 4):
            return kind
    return None


def section_kind(path: tuple[str, ...], extra_actions: tuple[str, ...] = ()) -> SectionKind:
    """The kind of the innermost heading in `path` that names a known section."""
    for title in reversed(path):
        kind = heading_kind(title, extra_actions)
        if kind is not None:
            return kind
    return SectionKind.OTHER
