"""The language-rule engine: runs every rule pack's check over the sentences of a Doc.

Each rule is a pack (data) plus a check function in `blameless.language.checks`, named
after the rule id. A rule runs on a sentence only when one of its trigger words is there,
so most sentences cost one regex search per rule.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from blameless.hits import Hit
from blameless.language.agents import human_names
from blameless.language.phrases import is_meta_statement
from blameless.model import Edit, Severity
from blameless.packs import RulePack, load_packs, trigger_pattern
from blameless.sections import SectionKind


@dataclass(frozen=True)
class Context:
    """Where a Doc's text sits in the document, and who counts as a person there."""

    section: SectionKind = SectionKind.OTHER
    quoted: bool = False
    people: frozenset[str] = frozenset()
    allow: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        section: SectionKind = SectionKind.OTHER,
        quoted: bool = False,
        people: Iterable[str] = (),
        allow: Iterable[str] = (),
    ) -> Context:
        return cls(section, quoted, human_names(people), tuple(a.lower() for a in allow))


@dataclass(frozen=True)
class Match:
    """What a check found: a character range of the Doc and the rewrites it proposes."""

    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    fix: tuple[int, int, str] | None = None  # Doc-relative (start, end, replacement)
    severity: Severity | None = None


@dataclass(frozen=True)
class RuleInput:
    sentence: Span
    context: Context
    pack: RulePack


Check = Callable[[RuleInput], Iterable[Match]]


@dataclass
class LanguageRule:
    pack: RulePack
    check: Check
    trigger: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        self.trigger = trigger_pattern(self.pack.triggers, self.pack.trigger_patterns)


def load_rules() -> list[LanguageRule]:
    rules = []
    for pack in load_packs().values():
        if pack.kind != "language":
            continue
        module = importlib.import_module(f"blameless.language.checks.{pack.id.replace('-', '_')}")
        rules.append(LanguageRule(pack, module.check))
    return rules


class LanguageEngine:
    """Finds blame language in parsed text; one instance serves every document."""

    def __init__(self, rules: list[LanguageRule] | None = None) -> None:
        self.rules = load_rules() if rules is None else rules

    def find(
        self,
        doc: Doc,
        context: Context,
        parts: Sequence[tuple[int, Context]] = (),
        errors: list[str] | None = None,
    ) -> list[Hit]:
        """Every rule's hits on a Doc.

        `parts` gives the context of each part of a Doc that joins text from several
        places, as (start character, context) in order; `errors` collects rules that
        crashed, which are reported instead of ending the whole check.
        """
        starts = [start for start, _ in parts]
        hits: list[Hit] = []
        for sentence in doc.sents:
            if parts:
                context = parts[max(bisect.bisect_right(starts, sentence.start_char) - 1, 0)][1]
            if context.section is SectionKind.METADATA:
                continue  # names in metadata are listings, never blame
            if is_meta_statement(sentence):
                continue  # talk about blame ("this review is blameless") is not blame
            text = sentence.text
            quoted = context.quoted or context.section is SectionKind.APPENDIX
            for rule in self.rules:
                if (quoted and not rule.pack.in_quotes) or not rule.trigger.search(text):
                    continue
                try:
                    matches = list(rule.check(RuleInput(sentence, context, rule.pack)))
                except Exception as error:  # a bug in one rule must not end the check
                    if errors is None:
                        raise
                    errors.append(f"rule {rule.pack.id} failed: {type(error).__name__}: {error}")
                    continue
                for match in matches:
                    if not _allowed(sentence, match, context.allow):
                        hits.append(_to_hit(rule.pack, match, sentence, context))
        return hits


def _allowed(sentence: Span, match: Match, allow: tuple[str, ...]) -> bool:
    if not allow:
        return False
    text = sentence.text.lower()
    base = sentence.start_char
    for phrase in allow:
        for found in re.finditer(re.escape(phrase), text):
            if found.start() + base < match.end and match.start < found.end() + base:
                return True
    return False


def _to_hit(pack: RulePack, match: Match, sentence: Span, context: Context) -> Hit:
    severity = match.severity
    if context.quoted or context.section is SectionKind.APPENDIX:
        # Quoted evidence and appended logs are not the author's prose: at most a hint.
        severity = Severity.INFO
    fix = (
        Edit(offset=match.fix[0], end_offset=match.fix[1], replacement=match.fix[2])
        if match.fix
        else None
    )
    return Hit(
        rule=pack.id,
        start=match.start,
        end=match.end,
        suggestions=match.suggestions,
        fix=fix,
        severity=severity,
        sentence=(sentence.start_char, sentence.end_char),
    )
