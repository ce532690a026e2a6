"""Every rule of both kinds in one registry: id, kind, order, severity and check.

The order is the precedence when several rules hit one sentence and the order of the
catalogue; severity and messages come from the rule's pack; `check` names the code
that produces its hits: the language engine, which runs a pack's frames, or the
action-item checks of a document or of one item. Nothing else lists rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from blameless.model import Severity

ORDER = (
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

_LANGUAGE = "blameless.language.engine:LanguageEngine"
_DOCUMENT = "blameless.actions.rules:document_hits"
_ITEM = "blameless.actions.rules:item_hits"
CHECKS = {
    **{rule: _LANGUAGE for rule in ORDER[:11]},
    "actions-missing": _DOCUMENT,
    "actions-too-many": _DOCUMENT,
    "action-owner": _ITEM,
    "action-due": _ITEM,
    "action-due-vague": _ITEM,
    "action-overdue": _ITEM,
    "action-vague": _ITEM,
}


@dataclass(frozen=True)
class RuleSpec:
    id: str
    kind: Literal["language", "actions"]
    order: int
    severity: Severity
    check: str  # "module:name" of what produces the rule's hits, imported only when asked

    def check_function(self) -> Callable[..., Any]:
        module, _, name = self.check.partition(":")
        found: Callable[..., Any] = getattr(importlib.import_module(module), name)
        return found


def rank(rule: str) -> int:
    """A rule's place in the order (unknown rules last)."""
    return ORDER.index(rule) if rule in ORDER else len(ORDER)


@lru_cache(maxsize=1)
def registry() -> dict[str, RuleSpec]:
    """Every rule, in order, from the packs and this module."""
    from blameless.packs import load_packs

    return {
        rule: RuleSpec(rule, pack.kind, rank(rule), pack.severity, CHECKS[rule])
        for rule, pack in load_packs().items()
    }
