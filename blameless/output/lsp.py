"""`blameless lsp`: a language server on stdio (pygls).

Diagnostics on open, on save and, debounced, on change; quick fixes that apply a
rule's safe edit or a suggested rewrite; "disable RULE for this line"; hover with the
rule's documentation. Every consumer calls the same `check_text`, so the editor shows
what the CLI prints. spaCy loads once, on the first document that needs it. A request
that fails is answered with an error or logged; it never stops the server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from blameless import __version__
from blameless.errors import BlamelessError
from blameless.model import Finding, Report, Severity
from blameless.output.catalog import doc_uri, help_text
from blameless.output.paragraphs import ParagraphCache
from blameless.output.positions import LineIndex

DEBOUNCE_SECONDS = 0.15  # a pause in typing this long triggers a check
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_SENTENCE_END = ".?!"
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Checked:
    """The last report of a document and the text it was made from."""

    version: int | None
    text: str
    report: Report
    seconds: float  # how long the check took, for the latency benchmark's log


class _Protocol(LanguageServerProtocol):
    """Answers a request whose params do not fit with an error, as JSON-RPC asks.

    pygls logs such a request and drops it, which leaves the client waiting.
    """

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            if isinstance(data, dict) and "id" in data and "method" in data:
                self._send_response(data["id"], error=error.to_response_error())
            raise


class BlamelessServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("blameless", __version__, protocol_cls=_Protocol)
        self.debounce = float(os.environ.get("BLAMELESS_LSP_DEBOUNCE_MS", "150")) / 1000
        self.checked: dict[str, Checked] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.caches: dict[str, ParagraphCache] = {}  # per open document

    # -- checking -------------------------------------------------------------------

    def check_now(self, uri: str) -> None:
        """Check the document as it is now and publish its diagnostics."""
        self.pending.pop(uri, None)
        try:
            document = self.workspace.get_text_document(uri)
            text, version = document.source, document.version
            started = time.perf_counter()
            cache = self.caches.setdefault(uri, ParagraphCache())
            report = check_document(text, to_fs_path(uri), cache)
            seconds = time.perf_counter() - started
        except BlamelessError as error:  # a bad config or suppression: say so on line 1
            self.publish(uri, [_problem(str(error))], None)
            return
        except Exception as error:  # a bug: log it, keep serving
            logger.exception("checking %s failed", uri)
            self.log(f"blameless: checking {uri} failed: {type(error).__name__}: {error}")
            return
        self.checked[uri] = Checked(version, text, report, seconds)
        index = LineIndex(text, self.encoding)
        self.publish(uri, [diagnostic(uri, index, finding) for finding in report.findings], version)

    def check_later(self, uri: str) -> None:
        """Check after a pause in typing: each change restarts the timer."""
        timer = self.pending.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(self.debounce, self.check_now, uri)

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def log(self, message: str) -> None:
        self.window_log_message(
            types.LogMessageParams(type=types.MessageType.Error, message=message)
        )

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding or "utf-16"
        return str(getattr(encoding, "value", encoding))

    def current(self, uri: str) -> Checked | None:
        """The last report, if it was made from the document's current text."""
        checked = self.checked.get(uri)
        try:
            source = self.workspace.get_text_document(uri).source
        except Exception:
            return None
        if checked is None or checked.text != source:
            self.check_now(uri)
            checked = self.checked.get(uri)
        return checked


def check_document(text: str, path: str | None, cache: ParagraphCache | None = None) -> Report:
    """The CLI's check of an editor buffer, with the config found from its folder."""
    from blameless.checker import check_text
    from blameless.config import Config, discover_config

    target = Path(path) if path else None
    config = discover_config(target) if target is not None else Config()
    return check_text(text, path, config, language=cache)


def diagnostic(uri: str, index: LineIndex, finding: Finding) -> types.Diagnostic:
    span = _range(index, finding)
    related = [
        types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=span),
            message=f"also {rule}: {_summary(rule)}",
        )
        for rule in finding.related
    ]
    return types.Diagnostic(
        range=span,
        message=finding.message,
        severity=_SEVERITIES[finding.severity],
        code=finding.rule,
        code_description=types.CodeDescription(href=doc_uri(finding.rule)),
        source="blameless",
        related_information=related or None,
    )


def _summary(rule: str) -> str:
    from blameless.output.catalog import summary
    from blameless.packs import get_pack

    return summary(get_pack(rule))


def _range(index: LineIndex, finding: Finding) -> types.Range:
    if finding.offset is None or finding.end_offset is None:  # about the whole document
        return types.Range(start=types.Position(line=0, character=0), end=types.Position(0, 0))
    return _offsets(index, finding.offset, finding.end_offset)


def _offsets(index: LineIndex, start: int, end: int) -> types.Range:
    (line, character), (end_line, end_character) = index.position(start), index.position(end)
    return types.Range(
        start=types.Position(line=line, character=character),
        end=types.Position(line=end_line, character=end_character),
    )


def _problem(message: str) -> types.Diagnostic:
    start = types.Position(line=0, character=0)
    return types.Diagnostic(
        range=types.Range(start=start, end=start),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source="blameless",
    )


def _overlaps(finding: Finding, start: int, end: int) -> bool:
    if finding.offset is None or finding.end_offset is None:
        return False
    return finding.offset <= end and start <= finding.end_offset


def sentence_range(text: str, finding: Finding) -> tuple[int, int]:
    """The sentence a rewrite replaces: the rule's sentence, without what trails its end."""
    assert finding.offset is not None and finding.end_offset is not None
    start = finding.sentence_offset if finding.sentence_offset is not None else finding.offset
    end = finding.sentence_end_offset or finding.end_offset
    start, end = min(start, finding.offset), max(end, finding.end_offset)
    body = text[start:end]
    stop = max(body.rfind(mark) for mark in _SENTENCE_END)
    inside = stop >= finding.end_offset - start  # the sentence's end mark follows the finding
    end = start + stop + 1 if inside else start + len(body.rstrip())
    while start < finding.offset and text[start].isspace():
        start += 1
    return start, max(end, finding.end_offset)


def code_actions(uri: str, text: str, index: LineIndex, findings: list[Finding]) -> list[Any]:
    """Quick fixes for the findings under the cursor: safe edit, rewrites, suppression."""
    from blameless.packs import get_pack

    actions: list[types.CodeAction] = []
    newline = "\r\n" if "\r\n" in text else "\n"
    for finding in findings:
        diagnostics = [diagnostic(uri, index, finding)]
        if finding.offset is None or finding.line is None:  # about the whole document
            top = _after_front_matter(text)
            comment = f"<!-- blameless-disable {finding.rule} -->{newline}"
            title = f"Disable {finding.rule} for this file"
            actions.append(_action(title, uri, index, top, top, comment, diagnostics))
            continue
        if finding.fix is not None:
            edit = finding.fix
            title = f"Replace {text[edit.offset : edit.end_offset]!r} with {edit.replacement!r}"
            if not edit.replacement:
                title = f"Remove {text[edit.offset : edit.end_offset]!r}"
            actions.append(
                _action(
                    title,
                    uri,
                    index,
                    edit.offset,
                    edit.end_offset,
                    edit.replacement,
                    diagnostics,
                    True,
                )
            )
        if get_pack(finding.rule).kind == "language":
            start, end = sentence_range(text, finding)
            for suggestion in finding.suggestions:
                actions.append(
                    _action(
                        f"Rewrite: {suggestion}", uri, index, start, end, suggestion, diagnostics
                    )
                )
        line_start = index.starts[finding.line - 1]
        line = text[line_start : index.line_end(finding.line - 1)]
        indent = line[: len(line) - len(line.lstrip())]
        if line.lstrip().startswith("|"):
            continue  # a comment line would end the table the row is in
        comment = f"{indent}<!-- blameless-disable-next-line {finding.rule} -->{newline}"
        actions.append(
            _action(
                f"Disable {finding.rule} for this line",
                uri,
                index,
                line_start,
                line_start,
                comment,
                diagnostics,
            )
        )
    return actions


def _after_front_matter(text: str) -> int:
    """Where a comment for the whole document goes: the top, after YAML front matter."""
    match = _FRONT_MATTER.match(text)
    return match.end() if match else 0


def _action(
    title: str,
    uri: str,
    index: LineIndex,
    start: int,
    end: int,
    new_text: str,
    diagnostics: list[types.Diagnostic],
    preferred: bool = False,
) -> types.CodeAction:
    edit = types.TextEdit(range=_offsets(index, start, end), new_text=new_text)
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
        is_preferred=preferred or None,
    )


def hover_text(finding: Finding) -> str:
    lines = [f"**blameless `{finding.rule}`** ({finding.severity.value}): {finding.message}"]
    lines += [f"- suggestion: {suggestion}" for suggestion in finding.suggestions]
    lines += ["", "```text", help_text(finding.rule), "```"]
    return "\n".join(lines)


server = BlamelessServer()


@server.feature(types.INITIALIZE)
def _initialize(ls: BlamelessServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounceMs"), (int, float)):
        ls.debounce = max(0.0, float(options["debounceMs"]) / 1000)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: BlamelessServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check_now(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: BlamelessServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.check_later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: BlamelessServer, params: types.DidSaveTextDocumentParams) -> None:
    from blameless.config import _find_config_file

    _find_config_file.cache_clear()  # the save may have been of a config file's neighbour
    ls.check_now(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: BlamelessServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    timer = ls.pending.pop(uri, None)
    if timer is not None:
        timer.cancel()
    ls.checked.pop(uri, None)
    ls.caches.pop(uri, None)
    ls.publish(uri, [], None)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _code_action(ls: BlamelessServer, params: types.CodeActionParams) -> list[Any] | None:
    uri = params.text_document.uri
    checked = ls.current(uri)
    if checked is None:
        return None
    index = LineIndex(checked.text, ls.encoding)
    start = index.offset(params.range.start.line, params.range.start.character)
    end = index.offset(params.range.end.line, params.range.end.character)
    findings = [f for f in checked.report.findings if _overlaps(f, start, end)]
    if params.range.start.line == 0:  # where findings about the whole document are shown
        findings += [f for f in checked.report.findings if f.offset is None]
    return code_actions(uri, checked.text, index, findings) or None


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: BlamelessServer, params: types.HoverParams) -> types.Hover | None:
    checked = ls.current(params.text_document.uri)
    if checked is None:
        return None
    index = LineIndex(checked.text, ls.encoding)
    offset = index.offset(params.position.line, params.position.character)
    findings = [f for f in checked.report.findings if _overlaps(f, offset, offset)]
    if not findings:
        return None
    finding = findings[0]
    assert finding.offset is not None and finding.end_offset is not None
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(finding)),
        range=_offsets(index, finding.offset, finding.end_offset),
    )


def serve() -> None:
    """Speak LSP on stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="blameless lsp: %(message)s")
    server.start_io()
