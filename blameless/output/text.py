"""Text for people and editors: `path:line:col: severity rule message`, suggestions beneath.

The first line of each finding is what editors' error parsers read (`docs/editors.md`
has a Vim errorformat with `%v`, since Vim's `%c` counts bytes and ours count characters).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from blameless.model import Finding, Report, Severity, Summary
from blameless.output import RenderOptions

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    lines: list[str] = []
    for report in reports:
        for finding in report.findings:
            if options.quiet:
                finding = finding.model_copy(update={"suggestions": ()})
            lines.append(format_finding(report.path or "-", finding, options.colour))
    if not options.quiet:
        lines.append(format_summary(total_summary(reports)))
    return "".join(line + "\n" for line in lines)


def total_summary(reports: Iterable[Report]) -> Summary:
    reports = list(reports)
    findings = [finding for report in reports for finding in report.findings]
    return Summary.of(findings, files=len(reports))


def format_finding(path: str, finding: Finding, colour: bool = False) -> str:
    """`path:line:col: severity rule message`, then the suggestions indented beneath it."""
    where = f"{path}:{finding.line}:{finding.column}:" if finding.line is not None else f"{path}:"
    severity = finding.severity.value
    rule = finding.rule
    if colour:
        where = f"{_BOLD}{where}{_RESET}"
        severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
        rule = f"{_DIM}{rule}{_RESET}"
    lines = [f"{where} {severity} {rule} {finding.message}"]
    lines += [f"    suggestion: {suggestion}" for suggestion in finding.suggestions]
    return "\n".join(lines)


def format_summary(summary: Summary) -> str:
    def count(number: int, word: str) -> str:
        return f"{number} {word}{'' if number == 1 else 's'}"

    files = count(summary.files, "file")
    if not (summary.errors or summary.warnings or summary.infos):
        return f"No blame language or action-item problems found in {files}."
    parts = [
        count(summary.errors, "error"),
        count(summary.warnings, "warning"),
        count(summary.infos, "info"),
    ]
    return f"Found {', '.join(parts)} in {files}."
