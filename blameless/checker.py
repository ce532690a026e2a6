"""`check`: one pass from text to `Report`, shared by the CLI, the hook, the editor and Python.

read -> segments -> (only sentences a rule could fire on) spaCy -> language hits
     -> action items -> config and suppressions -> one finding per sentence -> Report
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, cast

from blameless.config import Config, discover_config
from blameless.document import Document
from blameless.errors import RuleError
from blameless.hits import Hit, combine
from blameless.model import ActionItem, Finding, Report, Severity, Summary
from blameless.packs import get_pack, language_rules, load_packs
from blameless.reading import check_input, parse_document, read_text
from blameless.sections import SectionKind, section_kind
from blameless.suppressions import parse_suppressions
from blameless.windows import Chunk, Gate, Window, chunk_windows, trigger_windows

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Windows per spaCy batch (of at most MAX_WINDOW characters each): bounds the Docs alive
# at once, so peak memory stays flat however long the document.
PARSE_BATCH = 32
_SEVERITIES = sorted(Severity, key=lambda severity: severity.rank)


def check_text(
    text: str,
    path: str | None = None,
    config: Config | None = None,
    today: dt.date | None = None,
    language: Callable[[Document, Config], list[Hit]] | None = None,
) -> Report:
    """Check a document held in memory; `path` is used for its format and in the report.

    `language` stands in for `language_hits` (the language server's caches by paragraph).
    """
    config = config or Config()
    check_input(text, path or "<stdin>", config.max_file_size)
    document = parse_document(text, path)
    suppressions = parse_suppressions(document)
    today = today or config.today or dt.date.today()

    hits = (language or language_hits)(document, config)
    items: list[ActionItem] = []
    if any(config.enabled(rule) for rule, pack in load_packs().items() if pack.kind == "actions"):
        from blameless.actions import check_action_items

        items, action_hits = check_action_items(document, config, today)
        hits.extend(action_hits)

    def kept(hit: Hit) -> bool:
        line = document.position(hit.start)[0] if hit.start is not None else None
        return config.enabled(hit.rule) and not suppressions.covers(hit.rule, line, hit.start)

    def severity(hit: Hit) -> Severity:
        return effective_severity(hit, config)

    findings = [
        to_finding(document, hit, severity(hit)) for hit in combine(filter(kept, hits), severity)
    ]
    findings.sort(key=lambda f: (f.line is not None, f.offset or 0, f.rule))
    return Report(
        path=path, findings=tuple(findings), action_items=items, summary=Summary.of(findings)
    )


def check_path(
    path: str | Path, config: Config | None = None, today: dt.date | None = None
) -> Report:
    """Read a file and check it with the config found from its folder (unless one is given)."""
    path = Path(path)
    config = config or discover_config(path)
    return check_text(read_text(path, config.max_file_size), str(path), config, today)


def language_hits(document: Document, config: Config) -> list[Hit]:
    """Parse only the sentences that hold a trigger word of some enabled language rule.

    Streams: windows are found lazily, each parsed as a Doc of its own (bounded by
    MAX_WINDOW) in small batches, so only a few Docs are alive at once whatever the
    document's size.
    """
    rules = language_rules(rule for rule in load_packs() if config.enabled(rule))
    if not rules:
        return []
    windows = _windows(document, config, _gate(rules, config.people))
    first = next(windows, None)
    if first is None:
        return []  # spaCy is never imported for a document without trigger words
    from blameless.language.engine import Context
    from blameless.nlp import load_pipeline

    nlp = load_pipeline(config.model)

    def docs() -> Iterator[tuple[Doc, Chunk]]:
        for chunk in chunk_windows(itertools.chain([first], windows)):
            doc = nlp.make_doc(chunk.text)
            for token in doc:  # the parser keeps sentence boundaries set before it runs
                token.is_sent_start = token.idx in chunk.sentence_starts
            context = Context.of(*_placement(chunk.window), config.people, config.allow)
            doc._.blame_parts = [(0, context)]
            yield doc, chunk

    hits: list[Hit] = []
    for doc, chunk in nlp.pipe(docs(), as_tuples=True, batch_size=PARSE_BATCH):
        if doc._.blame_errors:
            raise RuleError(f"{document.path or '<stdin>'}: {doc._.blame_errors[0]}")
        for hit in doc._.blame_hits:
            origin, _ = chunk.origin(hit.start or 0)
            hits.append(_shift(hit, origin - (hit.start or 0)))
    return hits


def _windows(document: Document, config: Config, gate: Gate) -> Iterator[Window]:
    for segment in document.segments:
        kind = section_kind(segment.section, config.action_sections)
        if kind is SectionKind.METADATA or segment.kind == "heading":
            continue  # names in metadata are listings; headings are labels, not sentences
        for start, end in trigger_windows(segment.prose, gate):
            context = (kind, segment.quoted)
            yield Window(segment.start + start, segment.prose[start:end], context)


def _placement(window: Window) -> tuple[SectionKind, bool]:
    """Where a window's text sits: its section kind, and whether it is quoted."""
    section, quoted = cast("tuple[SectionKind, bool]", window.context)
    return section, quoted


def _gate(rules: frozenset[str], people: tuple[str, ...]) -> Gate:
    from blameless.language.gate import language_gate

    return language_gate(rules, tuple(people))


def _shift(hit: Hit, by: int) -> Hit:
    from dataclasses import replace

    fix = hit.fix
    if fix is not None:
        fix = fix.model_copy(update={"offset": fix.offset + by, "end_offset": fix.end_offset + by})
    sentence = (hit.sentence[0] + by, hit.sentence[1] + by) if hit.sentence else None
    return replace(
        hit,
        start=None if hit.start is None else hit.start + by,
        end=None if hit.end is None else hit.end + by,
        fix=fix,
        sentence=sentence,
    )


def effective_severity(hit: Hit, config: Config) -> Severity:
    """The configured severity of the rule, moved as far as the rule moved it for this hit."""
    default = get_pack(hit.rule).severity
    base = config.severity.get(hit.rule, default)
    if hit.severity is None:
        return base
    rank = base.rank + hit.severity.rank - default.rank
    rank = max(1, min(3, rank))
    return _SEVERITIES[rank - 1]


def to_finding(document: Document, hit: Hit, severity: Severity) -> Finding:
    pack = get_pack(hit.rule)
    message = hit.message or pack.message
    if hit.related:
        message += f" (Also reads as {_list(hit.related)}.)"
    if hit.start is None or hit.end is None:
        return Finding(
            rule=hit.rule, severity=severity, message=message, suggestions=tuple(hit.suggestions)
        )
    line, column = document.position(hit.start)
    end_line, end_column = document.position(hit.end)
    return Finding(
        rule=hit.rule,
        severity=severity,
        message=message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        offset=hit.start,
        end_offset=hit.end,
        text=document.text[hit.start : hit.end],
        suggestions=tuple(hit.suggestions),
        fix=hit.fix,
        related=hit.related,
        sentence_offset=hit.sentence[0] if hit.sentence else None,
        sentence_end_offset=hit.sentence[1] if hit.sentence else None,
    )


def _list(rules: Iterable[str]) -> str:
    names = list(rules)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
