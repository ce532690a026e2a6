"""Whether a document is an incident review, so that `actions-missing` may judge it.

A repository's README, CHANGELOG or design notes have no follow-up section, and must not
fail a hook for it. A document reads as a review when any of these holds:

- it has a section only reviews have: a timeline, root cause or contributing factors,
  what went well or wrong, where we got lucky, or follow-ups; or two of impact,
  detection and lessons learned;
- its title or front matter says so (postmortem, incident, outage, RCA, retrospective);
- it carries incident metadata ("Severity: SEV2", "Incident commander: …");
- its path matches the `postmortem-paths` setting (globs, or folder names ending in `/`).
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from pathlib import PurePath

from blameless.document import Document
from blameless.sections import SectionKind, heading_kind, normalize_heading

# One of these sections makes a review; of the weaker ones (a runbook has an "Impact"
# section too), it takes two.
_REVIEW_SECTIONS = frozenset(
    {
        SectionKind.TIMELINE,
        SectionKind.CAUSE,
        SectionKind.LESSONS_WELL,
        SectionKind.LESSONS_POORLY,
        SectionKind.LUCKY,
        SectionKind.ACTIONS,
    }
)
_WEAK_SECTIONS = frozenset({SectionKind.IMPACT, SectionKind.DETECTION, SectionKind.LESSONS})
_REVIEW_WORDS = re.compile(
    r"\b(?:post[- ]?mortems?|postmortems?|incidents?|outages?|rca|root cause analysis"
    r"|retrospectives?|retros?|pir|post[- ]incident|incident reviews?|service disruptions?"
    r"|degradations?|downtime|disclosures?)\b",
    re.I,
)
_INCIDENT_KEYS = frozenset(
    {"severity", "incident commander", "incident #", "incident number", "responders", "sev"}
)


def matches_paths(path: str | None, patterns: tuple[str, ...]) -> bool:
    """True when `path` matches one of the `postmortem-paths` globs or folder names."""
    if not path or not patterns:
        return False
    pure = PurePath(path)
    posix = pure.as_posix()
    for pattern in patterns:
        if pattern.endswith("/"):
            if pattern.rstrip("/") in pure.parts[:-1]:
                return True
        elif fnmatch.fnmatch(posix, pattern) or pure.match(pattern):
            return True
    return False


def reads_as_review(document: Document, extra_actions: tuple[str, ...] = ()) -> bool:
    """True when the document's own structure or words say it is an incident review."""
    weak: set[SectionKind] = set()
    for heading in document.headings:
        kind = heading_kind(heading.title, extra_actions)
        if kind in _REVIEW_SECTIONS:
            return True
        if kind in _WEAK_SECTIONS:
            weak.add(kind)
            if len(weak) >= 2:
                return True
    title = document.headings[0].title if document.headings else ""
    if _REVIEW_WORDS.search(title[:300]) or _REVIEW_WORDS.search(document.front_matter[:4000]):
        return True
    return any(
        len(segment.section) > 0 and normalize_heading(segment.section[-1]) in _INCIDENT_KEYS
        for segment in document.segments
        if segment.kind == "paragraph"
    )


def is_review(document: Document, extra_actions: tuple[str, ...], paths: tuple[str, ...]) -> bool:
    return matches_paths(document.path, paths) or reads_as_review(document, extra_actions)


_DATE_KEYS = frozenset(
    {
        "date",
        "incident date",
        "date of incident",
        "published",
        "written",
        "review date",
        "review meeting",
        "detected",
        "incident",
        "when",
    }
)
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_FRONT_DATE = re.compile(r"^date\s*[:=]\s*[\"']?(\d{4}-\d{2}-\d{2})", re.M | re.I)


def document_date(document: Document) -> dt.date | None:
    """When the review was written, for due dates written without a year ("by Dec 4"):
    its front matter `date:`, a "Date:" metadata line, or an ISO date in its title."""
    front = _FRONT_DATE.search(document.front_matter[:4000])
    if front:
        return _iso(front.group(1))
    for segment in document.segments[:60]:
        if segment.section and normalize_heading(segment.section[-1]) in _DATE_KEYS:
            found = _ISO.search(segment.plain[:200])
            if found:
                return _iso(found.group())
    if document.headings:
        found = _ISO.search(document.headings[0].title[:300])
        if found:
            return _iso(found.group())
    return None


def _iso(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
