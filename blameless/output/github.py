"""GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding.

GitHub turns them into annotations on the pull request's changed lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from blameless.model import Finding, Report, Severity
from blameless.output import RenderOptions

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    return "".join(
        command(report.path or "-", finding) + "\n"
        for report in reports
        for finding in report.findings
    )


def command(path: str, finding: Finding) -> str:
    properties = [("file", path)]
    if finding.line is not None:
        properties += [("line", str(finding.line)), ("col", str(finding.column))]
        properties += [("endLine", str(finding.end_line)), ("endColumn", str(finding.end_column))]
    properties.append(("title", f"blameless {finding.rule}"))
    message = "\n".join([finding.message, *(f"suggestion: {text}" for text in finding.suggestions)])
    fields = ",".join(f"{key}={_property(value)}" for key, value in properties)
    return f"::{_LEVELS[finding.severity]} {fields}::{_data(message)}"


def _data(value: str) -> str:
    """Escape a message the way the Actions runner unescapes it (`%`, CR and LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
