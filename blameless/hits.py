"""What a rule reports before the report stage places it: a rule id and a range.

Language rules and action-item rules both produce `Hit`s; `blameless.check` turns them
into `Finding`s with lines, columns, text, configured severities and suppressions.
"""

from __future__ import annotations

from dataclasses import dataclass

from blameless.model import Edit, Severity


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
