"""Rule packs: the YAML files in `blameless.rules`, validated and cached.

A rule is data first (id, severity, message, rationale, patterns, rewrites, examples);
its Python hook, if any, is looked up by name by the engine that runs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blameless.errors import ConfigError, UnknownRuleError
from blameless.model import Severity


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Examples(_Strict):
    flag: list[str] = Field(min_length=1)
    ok: list[str] = Field(min_length=1)


class RulePack(_Strict):
    id: str
    kind: Literal["language", "actions"]
    category: str  # taxonomy category, e.g. "C8"
    severity: Severity
    message: str  # what is wrong, phrased as a question about the system where possible
    rationale: str  # why it matters, with sources
    rewrite: list[str] = Field(default_factory=list)  # rewrite templates shown by `explain`
    # Words one of which must appear for the rule to fire; text without any is not parsed.
    triggers: list[str] = Field(default_factory=list)
    # Case-sensitive regular expressions that also let the rule look ("[A-Z]{2,}" shouting).
    trigger_patterns: list[str] = Field(default_factory=list)
    # The rule only fires on a sentence that names a person: such sentences are skipped
    # for it unless a cheap test finds a name, pronoun, handle or role in them.
    needs_person: bool = False
    # Also look inside quoted text (blockquotes, chat logs, appendices), where a finding is
    # at most `info`: quoted words are evidence, not the author's analysis.
    in_quotes: bool = False
    patterns: dict[str, Any] = Field(default_factory=dict)
    examples: Examples
    sources: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _kebab_case(cls, value: str) -> str:
        if not value.replace("-", "").isalpha() or value.lower() != value:
            raise ValueError("rule ids are lower-case words joined by hyphens")
        return value


# libyaml's safe loader when PyYAML was built with it: the packs load at every start.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The order rules are listed in, and the precedence when several hit one sentence.
RULE_ORDER = (
    "why-you",
    "person-as-cause",
    "human-error",
    "judgmental",
    "people-fix",
    "counterfactual",
    "concealed-blame",
    "hindsight",
    "animated",
    "single-cause",
    "self-blame",
    "actions-missing",
    "action-owner",
    "action-due",
    "action-due-vague",
    "action-overdue",
    "actions-too-many",
    "action-vague",
)


@lru_cache(maxsize=1)
def load_packs() -> dict[str, RulePack]:
    """Every rule pack shipped in `blameless.rules`, keyed by id, in catalog order."""
    packs: dict[str, RulePack] = {}
    for entry in resources.files("blameless.rules").iterdir():
        if not entry.name.endswith(".yaml"):
            continue
        try:
            data = yaml.load(entry.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
            pack = RulePack.model_validate(data)
        except (ValidationError, yaml.YAMLError) as error:
            first = str(error).splitlines()[0:3]
            raise ConfigError(f"rule pack {entry.name} is invalid: {' '.join(first)}") from None
        if pack.id + ".yaml" != entry.name:
            raise ConfigError(f"rule pack {entry.name} declares id {pack.id!r}")
        packs[pack.id] = pack
    order = {rule: index for index, rule in enumerate(RULE_ORDER)}
    return dict(sorted(packs.items(), key=lambda item: (order.get(item[0], 99), item[0])))


def rule_ids() -> list[str]:
    return list(load_packs())


def get_pack(rule: str) -> RulePack:
    packs = load_packs()
    if rule not in packs:
        raise UnknownRuleError(unknown_rule_message(rule))
    return packs[rule]


def unknown_rule_message(rule: str) -> str:
    import difflib

    close = difflib.get_close_matches(rule, list(load_packs()), n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown rule {rule!r}{hint}; `blameless rules` lists them"


def validate_rules(rules: list[str] | tuple[str, ...]) -> None:
    """Raise UnknownRuleError for the first id that no pack declares."""
    for rule in rules:
        get_pack(rule)


def trigger_pattern(words: Sequence[str], case_sensitive: Sequence[str] = ()) -> re.Pattern[str]:
    """Any of the words at a word start, in any case (suffixes allowed: "fat-finger" finds
    "fat-fingered"), or any of the `case_sensitive` regular expressions.

    Triggers that begin with punctuation ("'s", "!!") match anywhere.
    """
    if not words and not case_sensitive:
        return re.compile(r"(?!)")

    def alternation(group: list[str]) -> str:
        ordered = sorted({re.escape(w.lower()) for w in group}, key=len, reverse=True)
        return "|".join(ordered)

    at_word_start = [w for w in words if w[:1].isalnum()]
    anywhere = [w for w in words if not w[:1].isalnum()]
    parts = []
    if at_word_start:
        parts.append(rf"(?<![\w@])(?:{alternation(at_word_start)})")
    if anywhere:
        parts.append(rf"(?:{alternation(anywhere)})")
    words_pattern = f"(?i:{'|'.join(parts)})" if parts else ""
    return re.compile("|".join(filter(None, [words_pattern, *case_sensitive])))


@lru_cache(maxsize=64)
def language_trigger(rules: frozenset[str]) -> re.Pattern[str]:
    """One pattern for the triggers of these language rules; text without a match is not parsed."""
    packs = load_packs()
    chosen = [packs[rule] for rule in sorted(rules)]
    return trigger_pattern(
        [word for pack in chosen for word in pack.triggers],
        [pattern for pack in chosen for pattern in pack.trigger_patterns],
    )


def language_rules(enabled: Iterable[str] | None = None) -> frozenset[str]:
    chosen = set(enabled) if enabled is not None else None
    return frozenset(
        rule
        for rule, pack in load_packs().items()
        if pack.kind == "language" and (chosen is None or rule in chosen)
    )
