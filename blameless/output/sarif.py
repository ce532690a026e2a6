"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps) read.

Every rule is listed in `tool.driver.rules`; each finding is a result with its region
(columns count Unicode code points, as ours do) and, when a rule marks a safe edit,
a fix. Findings about the whole document point at the file without a region.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from blameless.model import Finding, Report, Severity
from blameless.output import RenderOptions
from blameless.output.catalog import full_description, help_text, summary

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    from blameless.packs import load_packs

    packs = list(load_packs().values())
    index = {pack.id: number for number, pack in enumerate(packs)}
    rules = [
        {
            "id": pack.id,
            "name": "".join(word.capitalize() for word in pack.id.split("-")),
            "shortDescription": {"text": summary(pack)},
            "fullDescription": {"text": full_description(pack)},
            "help": {"text": help_text(pack.id)},
            "defaultConfiguration": {"level": _LEVELS[pack.severity]},
            "properties": {"tags": [pack.kind, pack.category]},
        }
        for pack in packs
    ]
    results = [
        _result(report, finding, index[finding.rule])
        for report in reports
        for finding in report.findings
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "blameless",
                        "version": options.version,
                        "semanticVersion": options.version,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str | None) -> str:
    return quote(PurePath(path or "-").as_posix())


def _region(finding: Finding) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }
    if finding.offset is not None and finding.end_offset is not None:
        region["charOffset"] = finding.offset
        region["charLength"] = finding.end_offset - finding.offset
    return region


def _result(report: Report, finding: Finding, rule_index: int) -> dict[str, Any]:
    artifact = {"uri": _uri(report.path)}
    location: dict[str, Any] = {"artifactLocation": artifact}
    if finding.line is not None:
        location["region"] = _region(finding)
        if finding.text:
            location["region"]["snippet"] = {"text": finding.text}
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": location}],
    }
    if finding.suggestions:
        result["properties"] = {"suggestions": list(finding.suggestions)}
    if finding.fix is not None:
        edit = finding.fix
        result["fixes"] = [
            {
                "description": {"text": f"Replace with {edit.replacement!r}"},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": edit.offset,
                                    "charLength": edit.end_offset - edit.offset,
                                },
                                "insertedContent": {"text": edit.replacement},
                            }
                        ],
                    }
                ],
            }
        ]
    return result
