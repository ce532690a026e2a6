"""What a rule reports before the report stage places it: a rule id and a range.

Language rules and action-item rules both produce `Hit`s; `blameless.check` turns them
into `Finding`s with lines, columns, text, configured severities and suppressions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from blameless.model import Edit, Severity
from blameless.registry import rank


@dataclass(frozen=True)
class Hit:
    rule: str
    start: int | None  # offsets into Document.text; None for a document-level finding
    end: int | None
    message: str | None = None  # None: the rule pack's message
    suggestions: tuple[str, ...] = ()
    fix: Edit | None = None  # a safe word-level edit that --fix may apply
    severity: Severity | None = None  # None: the pack's (or configured) severity
    related: tuple[str, ...] = ()  # other rules the same sentence hit, named in the message
    sentence: tuple[int, int] | None = None  # the sentence's range: one finding per sentence


def combine(hits: Iterable[Hit], severity_of: Callable[[Hit], Severity]) -> list[Hit]:
    """One finding per sentence: the most severe rule, naming the others it also hit."""
    by_sentence: dict[object, list[Hit]] = {}
    for hit in hits:
        key = hit.sentence if hit.sentence is not None else (hit.start, hit.end, hit.rule)
        by_sentence.setdefault(key, []).append(hit)
    combined = []
    for group in by_sentence.values():
        group.sort(key=lambda h: (-severity_of(h).rank, rank(h.rule), h.start or 0))
        first = group[0]
        others = tuple(dict.fromkeys(h.rule for h in group[1:] if h.rule != first.rule))
        combined.append(replace(first, related=others) if others else first)
    return sorted(combined, key=lambda h: (h.start or 0, h.end or 0))
