"""A sentence is read the same wherever it stands, and however a document ends.

Each window of trigger sentences is parsed as a Doc of its own, so a sentence's verdict
cannot change with unrelated paragraphs around it (the tagger reads a few words past a
sentence's edge), and the CLI reads it as the editor does. And no rule reads past the end
of a Doc: every word-prefix of every rule example, ending the document there, is checked
without a rule failing.
"""

from __future__ import annotations

from collections import defaultdict

import blameless
from blameless.config import Config
from blameless.model import Finding
from blameless.packs import language_rules, load_packs

LANGUAGE = Config(select=tuple(language_rules()))
EXAMPLES = [
    text
    for pack in load_packs().values()
    if pack.kind == "language"
    for text in (*pack.examples.flag, *pack.examples.ok)
]


def _by_paragraph(paragraphs: list[str]) -> list[set[tuple[str, int]]]:
    """Each paragraph's findings (rule, column) in one document holding them all."""
    report = blameless.check("\n\n".join(paragraphs) + "\n", path="all.md", config=LANGUAGE)
    line_of = {2 * index + 1: index for index in range(len(paragraphs))}
    found: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for finding in report.findings:
        assert finding.line is not None
        found[line_of[finding.line]].add(_key(finding))
    return [found[index] for index in range(len(paragraphs))]


def _key(finding: Finding) -> tuple[str, int]:
    return finding.rule, finding.column or 0


def test_a_sentence_gets_the_same_findings_beside_others_as_alone() -> None:
    together = _by_paragraph(EXAMPLES)
    for text, beside in zip(EXAMPLES, together, strict=True):
        alone = {_key(f) for f in blameless.check(text + "\n", config=LANGUAGE).findings}
        assert beside == alone, text


# Endings that once made a rule look one word past the end of its Doc.
ENDINGS = [
    "09:12 CET | Deploy of build 7731 started by the release pipeline",
    "After any Sev-1 traced",
    "Had the developer tested it on staging, we could",
]


def test_no_rule_reads_past_the_end_of_a_document() -> None:
    prefixes = sorted(
        {
            " ".join(text.split()[:n])
            for text in EXAMPLES + ENDINGS
            for n in range(1, len(text.split()) + 1)
        }
    )
    assert len(prefixes) > 1_000
    blameless.check("\n\n".join(prefixes) + "\n", path="prefixes.md", config=LANGUAGE)
