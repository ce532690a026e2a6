"""The versioned JSON object of DESIGN.md: version, one entry per file, and the totals."""

from __future__ import annotations

import json
from collections.abc import Sequence

from blameless.model import Report
from blameless.output import RenderOptions
from blameless.output.text import total_summary


def render(reports: Sequence[Report], options: RenderOptions) -> str:
    files = [
        {
            "path": report.path,
            "findings": [finding.model_dump(mode="json") for finding in report.findings],
            "action_items": [item.model_dump(mode="json") for item in report.action_items],
        }
        for report in reports
    ]
    payload = {
        "version": options.version,
        "files": files,
        "summary": total_summary(reports).model_dump(mode="json"),
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
