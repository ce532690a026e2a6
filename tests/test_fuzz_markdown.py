"""Grammar fuzzing: Markdown built from real constructs, with blame sentences and Unicode
edge cases mixed in (hypothesis).

Asserts, for every generated document: `check` never raises; every finding's range holds
exactly its `text`, with line and column computed independently; findings are sorted and
inside the document; the JSON output validates against the shipped schema; and a
suppression removes exactly what it names (compared with the same document holding a
neutral comment of the same length, checked with those rules ignored by config).

About 2,100 examples in all, kept small: spaCy parses are the cost.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import blameless
from blameless.checker import check_text
from blameless.config import Config
from blameless.model import Finding, Report
from blameless.output import RenderOptions, render
from blameless.packs import rule_ids
from tests.conftest import TODAY

SENTENCES = [
    "Why did you skip the canary?",
    "Bob caused the outage.",
    "It was obviously human error.",
    "Alice forgot to page the on-call.",
    "Retrain Bob on the deploy tool.",
    "Mistakes were made.",
    "This was a rookie mistake by Priya.",
    "I should have checked the dashboard.",
    "The sole cause was the config push.",
    "Who approved the schema change?",
    "Once again the DB team broke prod!!!",
    "They ignored the warning.",
    # hard negatives
    "The health check failed to detect the stuck worker.",
    "Chris restarted the primary at 03:12.",
    "We should add a canary.",
    "The user error rate stayed flat.",
    # Unicode edge cases in names and text
    "Jose\u0301 caused the outage.",
    "A\u200bli\u200dce forgot to page.",
    "\u202eboB\u202c broke the build.",
    "😀 Priya took down checkout.",
    "👩🏽\u200d💻 Sam dropped the ball.",
    "中文 Bob caused it.",
    "Ünïcödé ﬁle\u00a0names were carelessly renamed.",
    "A line\u2028separator and a form\x0cfeed.",
]
INLINE = [
    "`why did you`",
    "``Bob caused ` it``",
    "**Bob caused it**",
    "_obviously_",
    "[Bob broke it](http://example.com/why-did-you)",
    "<https://example.com/a>",
    "<span>human error</span>",
    "<!-- a note -->",
    "\\*not emphasis\\*",
    "&amp; &#x1F600;",
    "@dana",
    "2027-01-01",
    "[unclosed link",
    "*",
]
RULES = rule_ids()

sentence = st.sampled_from(SENTENCES)
# Any characters but NUL and lone surrogates (refused before anything parses).
noise = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=8
)
inline = st.one_of(sentence, st.sampled_from(INLINE), noise)
line = st.lists(inline, min_size=1, max_size=3).map(" ".join)


def _directive(action: str, rules: list[str]) -> str:
    return f"<!-- blameless-{action} {','.join(rules)} -->"


directive = st.builds(
    _directive,
    st.sampled_from(["disable-next-line", "disable", "enable"]),
    st.lists(st.sampled_from(RULES), max_size=2, unique=True),
)


@st.composite
def list_block(draw: st.DrawFn) -> str:
    marker = draw(st.sampled_from(["-", "*", "1.", "- [ ]", "- [x]"]))
    depths = draw(st.lists(st.integers(0, 3), min_size=1, max_size=4))
    return "\n".join("  " * depth + f"{marker} " + draw(line) for depth in depths)


@st.composite
def table_block(draw: st.DrawFn) -> str:
    header = draw(st.sampled_from(["| Action | Owner | Due |", "| a | b | c |"]))
    cells = st.one_of(sentence, st.sampled_from(["@dana", "2027-01-01", "ASAP", "", "`x`"]))
    rows = draw(st.lists(st.lists(cells, min_size=3, max_size=3), max_size=3))
    return "\n".join([header, "|---|---|---|", *("| " + " | ".join(row) + " |" for row in rows)])


# Blocks without suppression directives (the suppression test places its own).
plain_block = st.one_of(
    st.builds(lambda level, text: "#" * level + " " + text, st.integers(1, 6), line),
    st.builds(lambda text: text + "\n" + "=" * 3, line),
    st.lists(line, min_size=1, max_size=3).map(" ".join),
    st.sampled_from(["## Action items", "## Follow-ups", "**Root causes**", "Action items:"]),
    list_block(),
    table_block(),
    st.builds(lambda text: "```\n" + text + "\n```", line),
    st.builds(lambda text: "~~~text\n" + text + "\n~~~", line),
    line.map(lambda text: "    " + text),
    st.lists(line, min_size=1, max_size=3).map(lambda lines: "\n".join("> " + x for x in lines)),
    st.just("<!-- a comment\nover two lines -->"),
    st.builds(
        lambda key, value: f"**{key}:** {value}", st.sampled_from(["Owner", "Authors"]), line
    ),
)
block = st.one_of(
    plain_block,
    directive,
    directive.map(lambda text: "```\n" + text + "\n```"),
    directive.map(lambda text: f"Inline `{text}` code."),
)
front_matter = st.sampled_from(
    ["", "---\ntitle: Outage\nauthor: Bob\n---\n\n", "+++\nx = 1\n+++\n"]
)
LINE_ENDINGS = ["\n", "\r\n", "\r", "mixed"]


def _endings(text: str, style: str) -> str:
    if style != "mixed":
        return text.replace("\n", style)
    parts = text.split("\n")
    cycle = ["\n", "\r\n", "\r"]
    return parts[0] + "".join(cycle[i % 3] + part for i, part in enumerate(parts[1:]))


@st.composite
def documents(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block, max_size=5))
    text = draw(front_matter) + "\n\n".join(blocks) + draw(st.sampled_from(["", "\n"]))
    return _endings(text, draw(st.sampled_from(LINE_ENDINGS)))


FUZZ = settings(
    max_examples=1800,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUPPRESSION = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SCHEMA = json.loads(
    resources.files("blameless").joinpath("schema/report.schema.json").read_text("utf-8")
)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column, computed here without the library: CR, LF, CRLF end lines."""
    line, start = 1, 0
    for index, char in enumerate(text[:offset]):
        if char == "\n" or (char == "\r" and text[index + 1 : index + 2] != "\n"):
            line, start = line + 1, index + 1
    return line, offset - start + 1


def assert_well_formed(text: str, report: Report) -> None:
    body = text.removeprefix("\ufeff")
    for finding in report.findings:
        if finding.offset is None:
            assert finding.line is None and finding.end_offset is None
            continue
        assert finding.end_offset is not None
        assert 0 <= finding.offset < finding.end_offset <= len(body), finding
        assert body[finding.offset : finding.end_offset] == finding.text
        assert (finding.line, finding.column) == _position(body, finding.offset)
        assert (finding.end_line, finding.end_column) == _position(body, finding.end_offset)
    order = [(f.line is not None, f.offset or 0) for f in report.findings]
    assert order == sorted(order)
    payload = json.loads(render("json", [report], RenderOptions(version=blameless.__version__)))
    VALIDATOR.validate(payload)


@FUZZ
@given(text=documents(), plain=st.booleans())
def test_fuzzed_documents_are_checked_and_well_formed(text: str, plain: bool) -> None:
    report = check_text(text, "pm.txt" if plain else "pm.md", None, TODAY)
    assert_well_formed(text, report)


# --- suppressions remove exactly what they name ------------------------------------------


@dataclass(frozen=True)
class Suppressed:
    text: str  # the document with the directive(s)
    neutral: str  # the same document with comments of the same length instead
    kind: str  # "next-line" | "to-end" | "range" | "in-code"
    rules: tuple[str, ...]  # () for every rule
    start: int  # where the suppression starts (offset, or the line for next-line)
    end: int  # where it ends (offset; the document's length + 1 when never enabled)


def _neutral(comment: str) -> str:
    return "<!-- " + "n" * (len(comment) - 9) + " -->"


@st.composite
def suppressed(draw: st.DrawFn) -> Suppressed:
    blocks = draw(st.lists(plain_block, min_size=1, max_size=5))
    rules = tuple(draw(st.lists(st.sampled_from(RULES), max_size=2, unique=True)))
    names = ",".join(rules)
    kind = draw(st.sampled_from(["next-line", "to-end", "range", "in-code"]))
    first = draw(st.integers(0, len(blocks) - 1))
    if kind == "next-line":
        opening = f"<!-- blameless-disable-next-line {names} -->"
        blocks[first] = opening + "\n" + blocks[first]
        closing = None
    elif kind == "in-code":
        opening = f"<!-- blameless-disable {names} -->"
        blocks.insert(first, "```\n" + opening + "\n```")
        closing = None
    else:
        opening = f"<!-- blameless-disable {names} -->"
        blocks.insert(first, opening)
        closing = None
        if kind == "range":
            closing = f"<!-- blameless-enable {names} -->"
            blocks.insert(draw(st.integers(first + 1, len(blocks))), closing)
    style = draw(st.sampled_from(LINE_ENDINGS))
    text = _endings("\n\n".join(blocks) + "\n", style)
    neutral = text.replace(opening, _neutral(opening))
    if closing:
        neutral = neutral.replace(closing, _neutral(closing))
    start = text.index(opening) + len(opening)
    end = text.index(closing) if closing else len(text) + 1
    if kind == "next-line":
        start = _position(text, start)[0] + 1
    return Suppressed(text, neutral, kind, rules, start, end)


def _key(finding: Finding) -> tuple[object, ...]:
    # A sentence may run over two lines ("…human error.\n> _obviously_ why…"); when one line
    # is suppressed, the other line's finding rightly stops naming the rule hit there ("(Also
    # reads as human-error.)"). Which findings remain, and where, is what is compared.
    message = re.sub(r" \(Also reads as [^)]*\)$", "", finding.message)
    return (
        finding.offset,
        finding.rule,
        finding.severity,
        finding.end_offset,
        finding.text,
        message,
        finding.suggestions,
    )


@SUPPRESSION
@given(case=suppressed())
def test_suppressions_remove_exactly_what_they_name(case: Suppressed) -> None:
    """Where a directive applies, the findings are those of the neutral document with its
    rules ignored by config; everywhere else, those of the neutral document."""
    actual = check_text(case.text, "pm.md", None, TODAY)
    assert_well_formed(case.text, actual)
    plain = check_text(case.neutral, "pm.md", None, TODAY)
    ignored = check_text(case.neutral, "pm.md", Config(ignore=case.rules or tuple(RULES)), TODAY)

    def applies(finding: Finding) -> bool:
        if case.kind == "in-code":
            return False  # never honoured inside code
        if case.kind == "next-line":
            return finding.line == case.start
        if finding.offset is None:
            return case.kind == "to-end"
        return case.start <= finding.offset < case.end

    expected = [f for f in plain.findings if not applies(f)]
    expected += [f for f in ignored.findings if applies(f)]
    assert sorted(map(_key, actual.findings), key=repr) == sorted(map(_key, expected), key=repr)
