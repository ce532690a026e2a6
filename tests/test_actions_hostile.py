"""Hostile inputs for the readers and the action extractor: each one finishes, linearly.

Every case is about 100 KB and runs in a subprocess with a hang guard (20 s), so a
regression to quadratic time fails the test instead of hanging the suite. The language
stage is off (action rules only): these inputs aim at the reader, the section map and
the extractor. They guard against hangs; they are not a benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SIZE = 100_000
GUARD = 20.0  # seconds

_RUNNER = textwrap.dedent(
    """
    import json, sys, time
    import blameless
    from blameless.config import Config
    from blameless.packs import load_packs

    path, name = sys.argv[1], sys.argv[2]
    text = open(path, encoding="utf-8").read()
    rules = [rule for rule, pack in load_packs().items() if pack.kind == "actions"]
    config = Config.model_validate({"select": rules})
    started = time.perf_counter()
    report = blameless.check(text, path=name, config=config, today="2026-12-01")
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "items": len(report.action_items),
                      "findings": len(report.findings)}))
    """
)


def _repeat(unit: str, size: int = SIZE, head: str = "", tail: str = "") -> str:
    return head + unit * max(1, (size - len(head) - len(tail)) // len(unit)) + tail


def _nested_plain_list(depth: int) -> str:
    lines = [f"{chr(9) * level}- Fix step {level} (owner: @lin)" for level in range(depth)]
    return "Incident: disk full\n\nAction items:\n" + "\n".join(lines) + "\n"


def _nested_markdown_list(depth: int) -> str:
    """Lists nested `depth` deep on one line ("- - - Fix it"): 2 bytes per level."""
    return "# Incident\n\n## Action items\n\n" + "- " * depth + "Fix it\n"


CASES: dict[str, tuple[str, str]] = {
    # (document name, text)
    "padded-pseudo-heading": ("pm.md", "**Action items" + " " * SIZE + "**\n\n- Fix the canary\n"),
    "action-metadata-lines": (
        "pm.md",
        _repeat(
            "- Add a bounds check (owner: @dana, due: 2027-01-01, key: value, ticket: PAY-1)\n",
            head="## Action items\n\n",
        ),
    ),
    "action-table-theme-rows": (
        "pm.md",
        _repeat(
            "| **Detection** | | |\n| Alert on 5xx rate | @lin | 2027-01-01 |\n",
            head="## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n",
        ),
    ),
    "heading-trailing-noise": (
        "pm.md",
        _repeat(" #*_-", head="## Action items", tail="\n\n- Fix the canary\n"),
    ),
    "label-then-items": (
        "pm.md",
        _repeat("- Fix the canary (owner: @lin)\n", head="Action items:\n"),
    ),
    "label-then-items-plain": (
        "pm.txt",
        _repeat("- Fix the canary (owner: @lin)\n", head="Action items:\n"),
    ),
    "list-labels-then-items": (
        "pm.md",
        _repeat("- **Review actions**:\n- Fix the canary\n\nText.\n\n", head="# Incident\n\n"),
    ),
    "unclosed-link-in-item": (
        "pm.md",
        _repeat("[fix ", head="## Action items\n\n- Improve alerting ", tail="\n"),
    ),
    "unclosed-link-padded-with-spaces": (
        "pm.md",
        "## Action items\n\n- Improve [alerting](https://x.io/a" + " " * SIZE + "now\n",
    ),
    "unclosed-code-and-brackets": (
        "pm.md",
        _repeat("`a [b (c ", head="## Action items\n\n- Improve alerting ", tail="\n"),
    ),
    "many-subheadings": (
        "pm.md",
        _repeat(
            "### 1) Add disk alerts @sam [detect]\n\nTarget: 2027-01-01.\n\n",
            head="## Action items\n\n",
        ),
    ),
    "many-sections": (
        "pm.md",
        _repeat("## Action items\n\n- Fix it (owner: @a, due: 2027-01-01)\n\n## Timeline\n\nx\n\n"),
    ),
    "link-only-sub-bullets": (
        "pm.md",
        _repeat("  - https://example.com/issues/1\n", head="## Action items\n\n- Fix it\n"),
    ),
    "one-paragraph-of-commitments": (
        "pm.md",
        _repeat("We will add an alert by 1 March 2027. Sam owns this. ", head="## Next steps\n\n"),
    ),
    "one-line-of-will": ("pm.md", _repeat("will ", head="## Next steps\n\nWe ", tail=".\n")),
    "line-per-item-paragraph": (
        "pm.md",
        _repeat("Reduced the workers from 16 to 12.\n", head="## Follow-ups\n\n"),
    ),
    "html-table-rows": (
        "pm.md",
        _repeat(
            "<tr><td>Alert on lag</td><td>@lin</td><td>2027-01-01</td></tr>\n",
            head="## Action items\n\n<table>\n<tr><th>Action</th><th>Owner</th><th>Due</th></tr>\n",
            tail="</table>\n",
        ),
    ),
    "unclosed-html-table": ("pm.md", _repeat("<table><tr><td>x ", head="## Action items\n\n")),
    "nested-plain-list-1000-tabs": ("pm.txt", _nested_plain_list(1000)),
    "nested-plain-list-3000-tabs": ("pm.txt", _nested_plain_list(3000)),
    "nested-markdown-list-5000": ("pm.md", _nested_markdown_list(5000)),
    "heading-variants": (
        "pm.md",
        _repeat("## 3. 🔧 What are we doing about it??!!   \n\n- Fix it @a 2027-01-01\n\n"),
    ),
}


def _run(tmp_path: Path, name: str, text: str) -> dict[str, float]:
    document = tmp_path / name
    document.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(document), name],
        capture_output=True,
        text=True,
        timeout=GUARD,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_finishes(tmp_path: Path, case: str) -> None:
    name, text = CASES[case]
    outcome = _run(tmp_path, name, text)
    assert outcome["seconds"] < GUARD


def test_padded_pseudo_heading_of_8_kb_takes_under_a_second(tmp_path: Path) -> None:
    text = "**Action items" + " " * 8192 + "**\n\n- Fix the canary\n"
    assert _run(tmp_path, "pm.md", text)["seconds"] < 1.0


def test_deep_plain_text_list_still_yields_its_items(tmp_path: Path) -> None:
    outcome = _run(tmp_path, "pm.txt", _nested_plain_list(1000))
    assert outcome["items"] >= 1
