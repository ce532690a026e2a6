"""The behavioural grid (tests/grid.py) run through the real checker.

Minimum functionality: every blame case is flagged with its rule (as the finding or one
of the rules the sentence also hit). Invariance: one human agent for another keeps the
verdict; a system in the agent's place removes it. Direction: no suggestion is ever
flagged. The neutral grid (same people, ordinary verbs; systems; advice; writing about
blame) is never flagged. Cases are batched into a few documents, one block per case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import pytest

import blameless
from blameless.config import Config
from blameless.model import Finding
from blameless.packs import language_rules
from tests import grid

LANGUAGE = Config(select=tuple(language_rules()))


def _run(cases: list[grid.Case]) -> dict[int, list[Finding]]:
    """Check all cases in one Markdown document; findings by case index."""
    blocks, starts, line = [], [], 1
    for case in cases:
        block = case.text
        if case.placement == "table":
            block = "| When | What |\n|---|---|\n" + block
        starts.append(line)
        blocks.append(block)
        line += block.count("\n") + 2
    report = blameless.check("\n\n".join(blocks) + "\n", path="grid.md", config=LANGUAGE)
    by_case: dict[int, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        if finding.line is None:
            continue
        index = max(i for i, start in enumerate(starts) if start <= finding.line)
        by_case[index].append(finding)
    return by_case


def _rules(findings: Iterable[Finding]) -> set[str]:
    return {rule for f in findings for rule in (f.rule, *f.related)}


def _by_template(cases: Iterable[grid.Case]) -> dict[str, list[grid.Case]]:
    groups: dict[str, list[grid.Case]] = defaultdict(list)
    for case in cases:
        groups[case.template].append(case)
    return groups


BLAME = _by_template(grid.blame_cases())


@pytest.mark.parametrize("template", list(BLAME))
def test_every_agent_and_placement_is_flagged_with_the_rule(template: str) -> None:
    cases = BLAME[template]
    found = _run(cases)
    wrong = []
    for index, case in enumerate(cases):
        rules = _rules(found.get(index, []))
        if case.rule is None:
            if rules - grid.IN_QUOTES:
                wrong.append(f"[{case.placement}] flagged {sorted(rules)}: {case.text}")
        elif case.rule not in rules:
            wrong.append(f"[{case.placement}] {case.rule} missed ({sorted(rules)}): {case.text}")
    assert not wrong, "\n".join(wrong)


def test_a_system_in_the_agents_place_is_never_flagged() -> None:
    cases = list(grid.system_cases())
    found = _run(cases)
    flagged = [f"{sorted(_rules(found[i]))}: {cases[i].text}" for i in found]
    assert not flagged, "\n".join(flagged)


def test_the_neutral_grid_is_never_flagged() -> None:
    cases = list(grid.neutral_cases())
    found = _run(cases)
    flagged = [f"{sorted(_rules(found[i]))}: {cases[i].text}" for i in found]
    assert not flagged, "\n".join(flagged)


def test_no_suggestion_is_ever_flagged() -> None:
    cases = [case for case in grid.blame_cases(("plain",))]
    found = _run(cases)
    suggestions = sorted({s for fs in found.values() for f in fs for s in f.suggestions})
    assert suggestions
    report = blameless.check("\n\n".join(suggestions) + "\n", path="s.md", config=LANGUAGE)
    lines = "\n\n".join(suggestions).splitlines()
    assert not report.findings, [lines[f.line - 1] for f in report.findings if f.line]


def test_no_frame_matches_a_sentence_the_prefilter_skips() -> None:
    """Run every frame on every grid sentence with the prefilter off: whatever matches
    is in a sentence the prefilter admits."""
    from blameless.language.gate import language_gate
    from blameless.language.rulekit import compile_frame
    from blameless.packs import load_packs

    nlp = blameless.load()
    gate = language_gate(language_rules())
    frames = [
        compile_frame(frame)
        for pack in load_packs().values()
        if pack.kind == "language"
        for frame in pack.frames
    ]
    # every template and every kind of agent, with a third of the fills: the prefilter
    # reads words, so the sample still reaches every frame (the suite stays under a minute)
    cases = [*grid.blame_cases(("plain",)), *grid.neutral_cases(), *grid.system_cases()]
    texts = [c.text for index, c in enumerate(cases) if index % 3 == 0 or not c.agent]
    matched = 0
    for doc in nlp.pipe(texts):
        for sentence in doc.sents:
            for compiled in frames:
                if any(True for _ in compiled.run(sentence, frozenset())):
                    matched += 1
                    assert gate.admits(sentence.text), (compiled.frame, sentence.text)
    assert matched > len(texts) // 2
