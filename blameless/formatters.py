"""Turning reports into text for people and editors, or JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Sequence

from blameless.model import Finding, Report, Severity, Summary

_COLOURS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_DIM, _BOLD, _RESET = "\033[2m", "\033[1m", "\033[0m"


def total_summary(reports: Sequence[Report]) -> Summary:
    findings = [finding for report in reports for finding in report.findings]
    return Summary.of(findings, files=len(reports))


def format_json(reports: Sequence[Report], version: str) -> str:
    """The DESIGN.md JSON object: version, one entry per file, and the totals."""
    files = [
        {
            "path": report.path,
            "findings": [finding.model_dump(mode="json") for finding in report.findings],
            "action_items": [item.model_dump(mode="json") for item in report.action_items],
        }
        for report in reports
    ]
    payload = {
        "version": version,
        "files": files,
        "summary": total_summary(reports).model_dump(mode="json"),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def format_finding(path: str, finding: Finding, colour: bool = False) -> str:
    """`path:line:col: severity rule message`, then the suggestions indented beneath it.

    The first line is what editors' error parsers (vim errorformat, Emacs compilation
    mode, VS Code problem matchers) read; document-level findings have no line.
    """
    where = f"{path}:{finding.line}:{finding.column}:" if finding.line is not None else f"{path}:"
    severity = finding.severity.value
    rule = finding.rule
    if colour:
        where = f"{_BOLD}{where}{_RESET}"
        severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
        rule = f"{_DIM}{rule}{_RESET}"
    lines = [f"{where} {severity} {rule} {finding.message}"]
    for suggestion in finding.suggestions:
        lines.append(f"    suggestion: {suggestion}")
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
