"""What the output formats and the language server say about a rule: summary, docs, link."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from blameless.packs import RulePack, get_pack


def summary(pack: RulePack) -> str:
    """The first sentence of the rule's message, as a short description."""
    first = pack.message.split(". ")[0].strip()
    return first if first.endswith((".", "?", "!")) else first + "."


def full_description(pack: RulePack) -> str:
    return " ".join(pack.rationale.split())


@lru_cache(maxsize=64)
def help_text(rule: str) -> str:
    """The `blameless explain RULE` text."""
    from blameless.explain import explain_rule

    return explain_rule(get_pack(rule))


@lru_cache(maxsize=64)
def doc_uri(rule: str) -> str:
    """A link to the rule's pack (message, rationale, examples) as installed with blameless."""
    pack_file = resources.files("blameless.rules").joinpath(f"{rule}.yaml")
    return Path(str(pack_file)).resolve().as_uri()
