"""Rule packs: the YAML files in `blameless.rules`, validated and cached.

A rule is data first (id, severity, message, rationale, patterns, rewrites, examples);
its Python hook, if any, is looked up by name by the engine that runs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from blameless.errors import ConfigError, UnknownRuleError
from blameless.model import Severity
from blameless.registry import CHECKS, rank


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Examples(_Strict):
    flag: list[str] = Field(min_length=1)
    ok: list[str] = Field(min_length=1)
    # Known gaps, kept in view: blame the rule misses, and fine text it still flags.
    # They run as tests that must keep failing, so a fix shows up at once.
    missed: list[str] = Field(default_factory=list)
    flagged: list[str] = Field(default_factory=list)


Construction = Literal[
    "lexical",  # the words blame by themselves: no person needed
    "subject",  # a person is the subject (or by-agent) of a predicate verb
    "marker",  # a person's act carries an error marker: "accidentally", "the wrong host"
    "possessive",  # a person's thing: "Raj's typo", "Omar's push caused…"
    "copular",  # "X was responsible for", "the root cause was X", "Root cause: X"
    "cleft",  # "it was X who …"
    "label",  # a cause label and a person, from the words: "root cause = @kwabena, he…"
    "assignment",  # work put on a person by an action item's words: "X to double-check…"
    "equation",  # a note's outcome linked to a person: "the 502s were on Amir", "5xx ← Jun's flip"
    "headline",  # an outcome heading a note, then who did what: "Checkout down — X pushed…"
    "causal",  # "because X did…", "due to X", "traced back to a password set by X"
    "consequence",  # "X ran the script, causing…", "…, which led to the outage"
    "owned",  # a person's thing does the damage: "@gkaur's purge job took out the thumbnails"
    "yielded",  # a person's thing produced an outcome: "X's change turned a blip into an outage"
    "sequel",  # a person's act, then the damage: "X dropped the index and checkout fell over"
    "modal-perfect",  # "X should have …"
    "lapse",  # "X failed/forgot to …", "X did not check …", "X ignored …"
    "unmet",  # a duty, then that it was not done: "X was told to drain it first and didn't"
    "conditional",  # "if X had …", "had X …"
    "question",  # "why did X …?", "who pushed …?"
    "imperative",  # "remind everyone…", "don't push late", "be more careful"
    "target",  # a person as the object of a change: "retrain Bob", "send X to training"
    "agentless",  # "the warning was ignored", "someone forgot to…"
    "without",  # an act done without its check: "merged without anyone reviewing it"
    "exclusive",  # a cause closed to one: "due solely to", "the only reason checkout failed"
]
Agent = Literal["person", "self", "someone", "nobody", "none"]
Placement = Literal["skip"] | Severity


class Frame(_Strict):
    """Agent class × predicate lists × the construction that carries them.

    The lists are named by their field in the lexicon; the construction's code decides
    which list plays which part (a verb, a noun, an object, a marker).
    """

    construction: Construction
    agent: Agent = "person"
    words: tuple[str, ...] = Field(min_length=1)  # the anchor: one must be in the sentence
    objects: tuple[str, ...] = ()  # the act's object must hold one of these
    markers: tuple[str, ...] = ()  # the act must carry one of these
    # A word from these next to the anchor cancels the match (for `subject`: anywhere in
    # the sentence, "…, as scheduled").
    unless: tuple[str, ...] = ()
    # Lists of which the sentence must also hold a word (the construction needs them too):
    # they narrow what is parsed ("did not check" needs a negation).
    requires: tuple[str, ...] = ()
    negated: bool = False  # the act must be negated: "did not check", "was never tested"
    # The anchor word is among the sentence's first `leading` words (0: anywhere), as a
    # note's heading is: "[SEV1] Checkout down — Ibrahim pushed…".
    leading: int = Field(default=0, ge=0)
    # "past": the anchor's clause tells of a finished act, not the writers' own ("the fix was
    # obviously a rollback"; not "SSH is obviously no longer exposed", "we had of course…")
    tense: Literal["any", "past"] = "any"
    # An order counts when the writers give it to themselves ("we need to be more careful"),
    # not only to others: a state of mind is never the writers' plan, as "we must add X" is.
    writers: bool = False
    severity: Severity | None = None
    # Section kinds (SectionKind values) where this frame is skipped or changes severity.
    sections: dict[str, Placement] = Field(default_factory=dict)
    rewrite: Literal["drop", "depossess", "action", "question"] = "action"

    @field_validator("words", "objects", "markers", "unless", "requires")
    @classmethod
    def _known_lists(cls, names: tuple[str, ...]) -> tuple[str, ...]:
        from blameless.language.lexicon import LIST_NAMES

        for name in names:
            if name not in LIST_NAMES:
                raise ValueError(f"no lexicon list named {name!r}")
        return names


class RulePack(_Strict):
    id: str
    kind: Literal["language", "actions"]
    category: str  # taxonomy category, e.g. "C8"
    severity: Severity
    message: str  # what is wrong, phrased as a question about the system where possible
    rationale: str  # why it matters, with sources
    rewrite: list[str] = Field(default_factory=list)  # rewrite templates shown by `explain`
    # The systemic question given when no rewrite can be built from the sentence's words.
    question: str = ""
    # The same question built around the sentence's own act: "How was it possible to {action}…?"
    prompt: str = ""
    frames: list[Frame] = Field(default_factory=list)
    # Also look inside quoted text (blockquotes, chat logs, appendices), where a finding is
    # at most `info`: quoted words are evidence, not the author's analysis.
    in_quotes: bool = False
    triggers: list[str] = Field(default_factory=list)  # action packs: always empty
    patterns: dict[str, Any] = Field(default_factory=dict)  # action packs' own settings
    examples: Examples
    sources: list[str] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _kebab_case(cls, value: str) -> str:
        if not value.replace("-", "").isalpha() or value.lower() != value:
            raise ValueError("rule ids are lower-case words joined by hyphens")
        return value

    @model_validator(mode="after")
    def _language_rules_have_frames(self) -> RulePack:
        if self.kind == "language" and not (self.frames and self.question):
            raise ValueError("a language rule declares frames and a question")
        return self


# libyaml's safe loader when PyYAML was built with it: the packs load at every start.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=1)
def load_packs() -> dict[str, RulePack]:
    """Every rule pack shipped in `blameless.rules`, keyed by id, in catalog order."""
    packs: dict[str, RulePack] = {}
    for entry in resources.files("blameless.rules").iterdir():
        if not entry.name.endswith(".yaml") or entry.name == "lexicon.yaml":
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
    unregistered = sorted(set(packs) - set(CHECKS))
    if unregistered:
        raise ConfigError(f"rule pack {unregistered[0]}.yaml has no entry in blameless.registry")
    return dict(sorted(packs.items(), key=lambda item: (rank(item[0]), item[0])))


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


def language_rules(enabled: Iterable[str] | None = None) -> frozenset[str]:
    chosen = set(enabled) if enabled is not None else None
    return frozenset(
        rule
        for rule, pack in load_packs().items()
        if pack.kind == "language" and (chosen is None or rule in chosen)
    )
