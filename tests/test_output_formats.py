"""`--format sarif` (validated against the SARIF 2.1.0 schema) and `--format github`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator

import blameless
from blameless.cli.main import main
from blameless.model import Finding, Report, Severity
from blameless.output import FORMATS, RenderOptions, render, renderer
from blameless.output.fix import apply_edits, safe_edits
from blameless.packs import load_packs

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0-rtm.5.json"
DOC = """\
# Café outage 🚀

Zoë's typo broke the café's cache.

The deploy was clearly risky.

Why did you skip the canary?
"""


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pm.md").write_text(DOC, encoding="utf-8")
    return tmp_path


def sarif(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code = main(["check", "--format", "sarif", *args])
    out, _ = capsys.readouterr()
    assert code == 1
    return json.loads(out)


def test_sarif_validates_against_the_2_1_0_schema(workdir: Path, capsys) -> None:
    log = sarif(capsys, "pm.md")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0].message
    assert log["version"] == "2.1.0"


def test_sarif_lists_every_rule_and_places_results(workdir: Path, capsys) -> None:
    log = sarif(capsys, "pm.md")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(load_packs())
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "What it flags" in rule["help"]["text"]
    results = {result["ruleId"]: result for result in run["results"]}
    assert {"person-as-cause", "hindsight", "why-you", "actions-missing"} <= set(results)
    region = results["person-as-cause"]["locations"][0]["physicalLocation"]["region"]
    # columns are code points: "Zoë" is three characters, whatever UTF-8 makes of it
    assert (region["startLine"], region["startColumn"], region["endColumn"]) == (3, 1, 11)
    assert region["snippet"]["text"] == "Zoë's typo"
    assert run["columnKind"] == "unicodeCodePoints"
    whole = results["actions-missing"]["locations"][0]["physicalLocation"]
    assert "region" not in whole and whole["artifactLocation"]["uri"] == "pm.md"
    assert rules[results["why-you"]["ruleIndex"]]["id"] == "why-you"
    assert "fixes" not in results["why-you"]


def test_sarif_fixes_are_the_safe_edits(workdir: Path, capsys) -> None:
    log = sarif(capsys, "pm.md")
    replacements = [
        replacement
        for result in log["runs"][0]["results"]
        for fix in result.get("fixes", [])
        for change in fix["artifactChanges"]
        for replacement in change["replacements"]
    ]
    assert len(replacements) >= 2
    text = DOC
    for replacement in sorted(replacements, key=lambda r: -r["deletedRegion"]["charOffset"]):
        start = replacement["deletedRegion"]["charOffset"]
        end = start + replacement["deletedRegion"]["charLength"]
        text = text[:start] + replacement["insertedContent"]["text"] + text[end:]
    assert text == apply_edits(DOC, safe_edits(blameless.check(DOC, path="pm.md").findings))
    assert text != DOC


def test_github_workflow_commands(workdir: Path, capsys) -> None:
    code = main(["check", "--format", "github", "pm.md"])
    out, _ = capsys.readouterr()
    assert code == 1
    lines = out.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert any(
        line.startswith(
            "::error file=pm.md,line=3,col=1,endLine=3,endColumn=11,"
            "title=blameless person-as-cause::"
        )
        for line in lines
    )
    assert any(
        line.startswith("::error file=pm.md,title=blameless actions-missing::") for line in lines
    )
    assert all("\n" not in line[2:] for line in lines)


def test_github_escapes_properties_and_data() -> None:
    finding = Finding(
        rule="why-you",
        severity=Severity.INFO,
        message="100% sure?\nline two",
        line=1,
        column=2,
        end_line=1,
        end_column=5,
        suggestions=("a, b",),
    )
    out = render("github", [Report(path="dir,x/a:b.md", findings=(finding,))], RenderOptions("0"))
    assert out == (
        "::notice file=dir%2Cx/a%3Ab.md,line=1,col=2,endLine=1,endColumn=5,"
        "title=blameless why-you::100%25 sure?%0Aline two%0Asuggestion: a, b\n"
    )


def test_registry_names_every_format_and_rejects_others() -> None:
    assert set(FORMATS) == {"text", "json", "sarif", "github"}
    for name in FORMATS:
        assert callable(renderer(name))
    with pytest.raises(ValueError, match="unknown output format 'xml'"):
        renderer("xml")
