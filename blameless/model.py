"""The report model: what a check returns to every consumer (CLI, hook, editor, Python)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe; used for --fail-on and for picking one finding per sentence."""
        return {"info": 1, "warning": 2, "error": 3}[self.value]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Edit(_Frozen):
    """Replace original[offset:end_offset] with `replacement` (a safe, automatic fix)."""

    offset: int
    end_offset: int
    replacement: str


class Finding(_Frozen):
    rule: str
    severity: Severity
    message: str
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    offset: int | None = None
    end_offset: int | None = None
    text: str = ""
    suggestions: tuple[str, ...] = ()
    fix: Edit | None = Field(default=None, exclude=True)
    # Other rules the same sentence hit (named in the message too); not in JSON.
    related: tuple[str, ...] = Field(default=(), exclude=True)
    # The whole sentence the suggestions rewrite (editors replace it); not in JSON.
    sentence_offset: int | None = Field(default=None, exclude=True)
    sentence_end_offset: int | None = Field(default=None, exclude=True)


class ActionItem(_Frozen):
    line: int
    text: str
    owner: str | None = None
    due: str | None = None
    done: bool = False
    overdue: bool = False
    # "commitment": a sentence in a follow-up section that promises work ("We will add…"),
    # tracked like any item; "item": a list entry, table row, sub-heading or paragraph.
    kind: Literal["item", "commitment"] = "item"
    # Read from the document when present; shown by `blameless actions`, not in check JSON.
    due_text: str | None = Field(default=None, exclude=True)
    priority: str | None = Field(default=None, exclude=True)
    ticket: str | None = Field(default=None, exclude=True)


class Summary(_Frozen):
    files: int = 1
    errors: int = 0
    warnings: int = 0
    infos: int = 0

    @classmethod
    def of(cls, findings: Iterable[Finding], files: int = 1) -> Summary:
        counts = {s: 0 for s in Severity}
        for finding in findings:
            counts[finding.severity] += 1
        return cls(
            files=files,
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            infos=counts[Severity.INFO],
        )


class Report(_Frozen):
    path: str | None = None
    findings: tuple[Finding, ...] = ()  # immutable, like the model itself
    action_items: list[ActionItem] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)
