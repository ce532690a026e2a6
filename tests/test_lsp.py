"""`blameless lsp` as a subprocess, spoken to over stdio as an editor would.

Positions are in UTF-16 code units (LSP's default): on a line with "🚀" before a
finding, the character column is one more than the finding's column in characters.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import blameless
from blameless.output.fix import apply_edits
from tests.lsp_client import LspClient

DOC = """\
# Café 🚀 outage

At 14:02 🚀 the café lost data. Zoë's typo broke the cache.

The deploy was clearly 🚀 risky.

Why did you skip the canary?
"""


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def position(text: str, offset: int) -> dict[str, int]:
    """LSP position of a character offset, computed independently of the server."""
    before = text[:offset]
    line = before.count("\n")
    return {"line": line, "character": utf16(before[before.rfind("\n") + 1 :])}


def offset(text: str, pos: dict[str, int]) -> int:
    lines = text.split("\n")
    start = sum(len(line) + 1 for line in lines[: pos["line"]])
    units = 0
    for index, char in enumerate(lines[pos["line"]]):
        if units >= pos["character"]:
            return start + index
        units += utf16(char)
    return start + len(lines[pos["line"]])


def apply(text: str, edits: list[dict[str, Any]]) -> str:
    spans = [(offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), e) for e in edits]
    for start, end, edit in sorted(spans, key=lambda span: -span[0]):
        text = text[:start] + edit["newText"] + text[end:]
    return text


def by_rule(diagnostics: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {diagnostic.get("code", ""): diagnostic for diagnostic in diagnostics}


@pytest.fixture
def client(tmp_path: Path):
    server = LspClient(cwd=tmp_path)
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


def test_language_server_over_stdio(tmp_path: Path, client: LspClient) -> None:
    path = tmp_path / "pm.md"
    path.write_text(DOC, encoding="utf-8")
    uri = path.as_uri()
    result = client.initialize(tmp_path, {"debounceMs": 30})
    capabilities = result["capabilities"]
    assert capabilities["hoverProvider"] and capabilities["codeActionProvider"]
    assert capabilities.get("positionEncoding", "utf-16") == "utf-16"

    # didOpen: diagnostics with UTF-16 ranges, the rule id as code, a link to its docs
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DOC}},
    )
    found = by_rule(client.diagnostics(uri, version=1))
    assert {"person-as-cause", "hindsight", "why-you", "actions-missing"} <= set(found)
    zoe = found["person-as-cause"]
    start = DOC.index("Zoë's typo")
    assert zoe["range"] == {
        "start": position(DOC, start),
        "end": position(DOC, start + len("Zoë's typo")),
    }
    assert zoe["range"]["start"] == {"line": 2, "character": 32}  # 31 characters, 32 units
    assert zoe["severity"] == 1 and zoe["source"] == "blameless"
    assert zoe["codeDescription"]["href"].endswith("person-as-cause.yaml")
    assert found["hindsight"]["severity"] == 2

    # codeAction: the safe fix, the rewrite and the suppression, as WorkspaceEdits
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": zoe["range"], "context": {"diagnostics": [zoe]}},
    )
    titles = [action["title"] for action in actions]
    assert "Disable person-as-cause for this line" in titles
    # the safe fix is the one --fix applies
    (expected,) = [
        f.fix for f in blameless.check(DOC, path="pm.md").findings if f.rule == "person-as-cause"
    ]
    assert expected is not None and DOC[expected.offset : expected.end_offset] == "Zoë's"
    fix = next(a for a in actions if a["title"].startswith('Replace "Zoë\'s" with'))
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    fixed = apply(DOC, fix["edit"]["changes"][uri])
    assert fixed == apply_edits(DOC, [expected])
    # a rewrite replaces the whole sentence with the suggestion
    rewrite = next(a for a in actions if a["title"].startswith("Rewrite: "))
    suggestion = rewrite["title"].removeprefix("Rewrite: ")
    assert apply(DOC, rewrite["edit"]["changes"][uri]) == DOC.replace(
        "Zoë's typo broke the cache.", suggestion
    )
    disable = next(a for a in actions if a["title"].startswith("Disable"))
    silenced = apply(DOC, disable["edit"]["changes"][uri])
    assert "\n<!-- blameless-disable-next-line person-as-cause -->\nAt 14:02" in silenced

    # didChange (full text): the fixed document has no person-as-cause finding
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]},
    )
    assert "person-as-cause" not in by_rule(client.diagnostics(uri, version=2))

    # didChange (incremental, UTF-16 range): insert after the emoji on line 5
    line = fixed.split("\n")[4]
    at = {"line": 4, "character": utf16(line[: line.index("🚀") + 1])}
    client.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 3},
            "contentChanges": [{"range": {"start": at, "end": at}, "text": " very"}],
        },
    )
    hindsight = by_rule(client.diagnostics(uri, version=3))["hindsight"]
    assert hindsight["range"]["start"] == {"line": 4, "character": 15}

    # hover: the rule's explanation
    hover = client.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 17}},
    )
    assert "hindsight" in hover["contents"]["value"]
    assert "What it flags" in hover["contents"]["value"]
    assert (
        client.request(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}},
        )
        is None
    )

    # didSave re-checks; didClose clears
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert "hindsight" in by_rule(client.diagnostics(uri))
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri) == []

    assert client.close() == 0


def test_malformed_requests_never_kill_the_server(tmp_path: Path, client: LspClient) -> None:
    client.initialize(tmp_path)
    client.send_raw(b"{not json")
    client.send({"id": 99, "method": "textDocument/hover", "params": {"nonsense": True}})
    answer = client.wait(lambda message: message.get("id") == 99)
    assert answer["error"]["code"] == -32602  # invalid params
    missing = (tmp_path / "nowhere.md").as_uri()
    client.send(
        {
            "id": 100,
            "method": "textDocument/codeAction",
            "params": {
                "textDocument": {"uri": missing},
                "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
                "context": {"diagnostics": []},
            },
        }
    )
    client.wait(lambda message: message.get("id") == 100)
    # a document with a bad suppression comment is a diagnostic, not a crash
    uri = (tmp_path / "bad.md").as_uri()
    text = "<!-- blameless-disable who-you -->\nWhy did you skip the canary?\n"
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    (problem,) = client.diagnostics(uri)
    assert "unknown rule 'who-you'" in problem["message"]
    result = client.request("shutdown", None)
    assert result is None
    client.notify("exit", None)
    assert client.process.wait(timeout=10) == 0


def test_config_is_found_from_the_documents_folder(tmp_path: Path, client: LspClient) -> None:
    folder = tmp_path / "reviews"
    folder.mkdir()
    (folder / ".blameless.toml").write_text('select = ["why-you"]\n')
    uri = (folder / "pm.md").as_uri()
    client.initialize(tmp_path)
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DOC}},
    )
    assert set(by_rule(client.diagnostics(uri))) == {"why-you"}
    assert client.close() == 0


def test_stdout_carries_only_the_protocol(tmp_path: Path, client: LspClient) -> None:
    client.initialize(tmp_path)
    assert client.close() == 0
    assert json.dumps(client.notifications)  # every message parsed as JSON-RPC


def test_the_server_loads_spacy_only_when_a_document_needs_it() -> None:
    import subprocess
    import sys

    code = (
        "import sys\nimport blameless.output.lsp\n"
        "assert 'spacy' not in sys.modules and 'blameless.checker' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_related_rules_become_related_information() -> None:
    from blameless.model import Finding, Severity
    from blameless.output.lsp import diagnostic
    from blameless.output.positions import LineIndex

    text = "Why did you skip the canary 🚀?\n"
    finding = Finding(
        rule="why-you",
        severity=Severity.ERROR,
        message="m",
        line=1,
        column=1,
        end_line=1,
        end_column=28,
        offset=0,
        end_offset=27,
        related=("counterfactual", "hindsight"),
    )
    result = diagnostic("file:///pm.md", LineIndex(text), finding)
    assert result.code == "why-you"
    assert result.related_information is not None
    assert [info.message.split(":")[0] for info in result.related_information] == [
        "also counterfactual",
        "also hindsight",
    ]
    assert result.related_information[0].location.range == result.range


@pytest.mark.parametrize(("encoding", "character"), [("utf-16", 4), ("utf-8", 7), ("utf-32", 3)])
def test_positions_in_each_encoding(encoding: str, character: int) -> None:
    from blameless.output.positions import LineIndex

    text = "x\r\n🚀éab\rz"
    index = LineIndex(text, encoding)
    offset = text.index("b")
    assert index.position(offset) == (1, character)
    assert index.offset(1, character) == offset
    assert index.offset(2, 99) == len(text)  # past the end of a line is its end
    assert index.position(text.index("z")) == (2, 0)


def test_a_finding_about_the_whole_document_can_be_disabled_for_the_file(
    tmp_path: Path, client: LspClient
) -> None:
    text = "---\ntitle: Checkout outage\n---\n# Checkout outage\n\nThe cache expired at 14:02.\n"
    uri = (tmp_path / "pm.md").as_uri()
    client.initialize(tmp_path, {"debounceMs": 0})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    missing = by_rule(client.diagnostics(uri, version=1))["actions-missing"]
    assert missing["range"]["start"] == {"line": 0, "character": 0}
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": missing["range"], "context": {"diagnostics": []}},
    )
    (disable,) = [a for a in actions if a["title"] == "Disable actions-missing for this file"]
    silenced = apply(text, disable["edit"]["changes"][uri])
    assert silenced == text.replace("---\n#", "---\n<!-- blameless-disable actions-missing -->\n#")
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": silenced}]},
    )
    assert "actions-missing" not in by_rule(client.diagnostics(uri, version=2))
    assert client.close() == 0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "é", "🚀", "中", "\n", "\r", "\r\n", " "]), max_size=30).map(
        "".join
    ),
    st.data(),
)
def test_positions_round_trip_and_agree_with_the_document(text: str, data: st.DataObject) -> None:
    from blameless.document import Document
    from blameless.output.positions import LineIndex

    index = LineIndex(text)
    offset = data.draw(st.integers(0, len(text)))
    if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
        offset -= 1  # inside a CRLF is no position
    line, character = index.position(offset)
    assert index.offset(line, character) == offset
    doc_line, column = Document(text).position(offset)
    assert line == doc_line - 1
    start = offset - (column - 1)
    assert character == utf16(text[start:offset])


def test_changes_while_typing_are_checked_once_after_the_pause(
    tmp_path: Path, client: LspClient
) -> None:
    uri = (tmp_path / "pm.md").as_uri()
    client.initialize(tmp_path, {"debounceMs": 400})
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": DOC}},
    )
    client.diagnostics(uri, version=1)
    text = DOC
    for version in range(2, 7):  # five keystrokes, well within the pause
        text += "x"
        client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    client.diagnostics(uri)
    published = [
        n["params"].get("version")
        for n in client.notifications
        if n["method"] == "textDocument/publishDiagnostics"
    ]
    assert published == [1, 6]
    assert client.close() == 0
