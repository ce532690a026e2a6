"""docs/editors.md: its snippets are the files in docs/editors/, and each one works.

Editors that cannot run here (VS Code, Helix, Emacs) are checked as far as a test can:
the command their config names starts a language server that answers with diagnostics.
The GitHub workflow's steps run as written and the SARIF validates.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft4Validator

from tests.lsp_client import LspClient

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
EDITORS = ROOT / "docs" / "editors"
SCHEMA = ROOT / "tests" / "data" / "sarif-2.1.0-rtm.5.json"
BLAME = "# Outage\n\nWhy did you skip the canary?\n"
_SNIPPET = re.compile(
    r"<!-- file: docs/editors/(?P<name>[^ ]+) -->\n```\w*\n(?P<body>.*?)```", re.S
)


@pytest.fixture
def path_with_blameless(tmp_path: Path) -> dict[str, str]:
    """PATH where `blameless` is this checkout run by this interpreter."""
    folder = tmp_path / "bin"
    folder.mkdir()
    shim = folder / "blameless"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m blameless.cli.main "$@"\n')
    shim.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def test_the_page_shows_the_files_as_they_are() -> None:
    page = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    shown = {match["name"]: match["body"] for match in _SNIPPET.finditer(page)}
    assert set(shown) == {path.name for path in EDITORS.iterdir()}
    for name, body in shown.items():
        assert body == (EDITORS / name).read_text(encoding="utf-8"), name


def editor_commands() -> dict[str, list[str]]:
    helix = tomllib.loads((EDITORS / "helix-languages.toml").read_text())
    server = helix["language-server"]["blameless"]
    assert (
        "blameless"
        in next(lang for lang in helix["language"] if lang["name"] == "markdown")[
            "language-servers"
        ]
    )
    vscode = json.loads((EDITORS / "vscode-settings.json").read_text())
    assert vscode["glspc.server.languageId"] == ["markdown"]
    eglot = (EDITORS / "eglot.el").read_text()
    emacs = re.search(r"\(markdown-mode gfm-mode\) \. \((?P<cmd>[^)]*)\)", eglot)
    assert emacs is not None
    lua = (EDITORS / "blameless.lua").read_text()
    neovim = re.search(r"vim\.g\.blameless_cmd or \{ (?P<cmd>[^}]*) \}", lua)
    assert neovim is not None
    return {
        "helix": [server["command"], *server["args"]],
        "vscode": [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]],
        "emacs": json.loads("[" + emacs["cmd"].replace('" "', '", "') + "]"),
        "neovim": json.loads("[" + neovim["cmd"] + "]"),
    }


@pytest.mark.parametrize("editor", ["helix", "vscode", "emacs", "neovim"])
def test_each_editors_command_starts_the_server(
    tmp_path: Path, path_with_blameless: dict[str, str], editor: str
) -> None:
    command = editor_commands()[editor]
    assert command == ["blameless", "lsp"]
    executable = next(
        str(Path(folder) / command[0])
        for folder in path_with_blameless["PATH"].split(os.pathsep)
        if (Path(folder) / command[0]).exists()
    )
    client = LspClient([executable, *command[1:]], cwd=tmp_path)
    try:
        client.initialize(tmp_path)
        uri = (tmp_path / "pm.md").as_uri()
        client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": BLAME}},
        )
        assert "why-you" in {d.get("code") for d in client.diagnostics(uri)}
        assert client.close() == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()


def test_the_github_workflow_steps_run_as_written(
    tmp_path: Path, path_with_blameless: dict[str, str]
) -> None:
    workflow = yaml.safe_load((EDITORS / "github-workflow.yml").read_text())
    steps = {step.get("name"): step for step in workflow["jobs"]["blameless"]["steps"]}
    assert steps["Upload SARIF"]["uses"].startswith("github/codeql-action/upload-sarif@")
    assert steps["Upload SARIF"]["with"]["sarif_file"] == "blameless.sarif"
    (tmp_path / "postmortems").mkdir()
    (tmp_path / "postmortems" / "pm.md").write_text(BLAME)

    def run(step: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-e", "-c", steps[step]["run"]],
            cwd=tmp_path,
            env=path_with_blameless,
            capture_output=True,
            text=True,
        )

    sarif = run("Check postmortems (SARIF)")
    assert sarif.returncode == 0, sarif.stderr  # findings do not stop the upload
    log = json.loads((tmp_path / "blameless.sarif").read_text())
    schema = json.loads(SCHEMA.read_text())
    assert not list(Draft4Validator(schema).iter_errors(log))
    assert any(r["ruleId"] == "why-you" for r in log["runs"][0]["results"])
    annotate = run("Annotate the pull request (fails on errors)")
    assert annotate.returncode == 1
    assert "::error file=postmortems/pm.md,line=3,col=1," in annotate.stdout
