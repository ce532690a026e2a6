"""Taxonomy C13: an action item with no definable done state.

Flagged: an item led by an unbounded verb (improve, look into, investigate, consider,
monitor, …) with no deliverable, threshold, code span or date bound; a bare noun phrase
("Better communication", "More tests", "Monitoring and alerting"); or a placeholder
("TBD", "Ongoing"). The word lists live in the `action-vague` rule pack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from blameless.packs import get_pack


@dataclass(frozen=True)
class Vagueness:
    kind: str  # "verb" | "noun-phrase" | "placeholder"
    word: str  # the vague verb or opener, as a lemma ("investigate")


@dataclass(frozen=True)
class _Lexicon:
    verbs: tuple[str, ...]  # lemmas, multi-word ones included ("look into")
    modal_prefix: re.Pattern[str]
    openers: frozenset[str]
    generic_nouns: frozenset[str]
    placeholders: frozenset[str]
    deliverable: re.Pattern[str]
    bound: re.Pattern[str]
    rewrites: dict[str, str]


def _words(pattern_words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in pattern_words), key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    patterns = get_pack("action-vague").patterns
    concrete = _words(patterns["concrete_verbs"])
    return _Lexicon(
        verbs=tuple(sorted(patterns["vague_verbs"], key=len, reverse=True)),
        modal_prefix=re.compile(rf"^(?:(?:{_words(patterns['modal_prefixes'])})\s+)+", re.I),
        openers=frozenset(patterns["vague_openers"]),
        generic_nouns=frozenset(patterns["generic_nouns"]),
        placeholders=frozenset(patterns["placeholders"]),
        deliverable=re.compile(
            rf"\b(?:{_words(patterns['deliverables'])})\b"
            rf"|\b(?:and|then)\s+(?:{concrete})\b",
            re.I,
        ),
        bound=re.compile(
            r"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:%|ms|s|sec|min|m|h|hours?|days?|x|gb|mb|rps|qps)?"
            r"(?![\w])|[<>≤≥]=?\s*\d"
            r"|\b(?:so that|such that|until|by \d|before \d|threshold|per cent|percent)\b",
            re.I,
        ),
        rewrites=dict(patterns["rewrites"]),
    )


def _lemmas(word: str) -> list[str]:
    """Candidate base forms of a leading word ("investigating" → "investigate")."""
    word = word.lower()
    forms = [word]
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        forms += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            forms.append(stem[:-1])  # "getting" → "get"
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def _head(description: str) -> str:
    """The words that lead the item, without "we should", "need to", "to" and the like."""
    text = description.strip().strip("\"'“”")
    first = re.split(r"(?<=[.!?])\s+|:\s+|\s+[—–]\s+", text, maxsplit=1)[0]
    return lexicon().modal_prefix.sub("", first).strip()


def _leading_verb(head: str) -> str | None:
    lowered = head.lower()
    tokens = lowered.split()
    if not tokens:
        return None
    for verb in lexicon().verbs:
        verb_words = verb.split()
        for form in _lemmas(tokens[0]):
            if [form, *tokens[1 : len(verb_words)]] == verb_words:
                return verb
    return None


def vagueness(description: str, raw: str = "") -> Vagueness | None:
    """Why an item has no done state, or None when it names a bounded change."""
    words = lexicon()
    text = description.strip().rstrip(".!")
    if not text:
        return None
    if text.lower() in words.placeholders:
        return Vagueness("placeholder", text.lower())
    if words.deliverable.search(text) or words.bound.search(text) or "`" in raw:
        return None
    head = _head(text)
    verb = _leading_verb(head)
    if verb is not None:
        return Vagueness("verb", verb)
    tokens = re.findall(r"[\w'-]+", head.lower())
    if tokens and tokens[0] in words.openers:
        return Vagueness("noun-phrase", tokens[0])
    content = [t for t in tokens if t not in ("and", "or", "the", "of", "for", "our")]
    if content and len(content) <= 4 and all(t in words.generic_nouns for t in content):
        return Vagueness("noun-phrase", content[0])
    return None


def rewrite_prompt(found: Vagueness, description: str) -> str:
    """A C13 rewrite prompt suited to the vague word."""
    rewrites = lexicon().rewrites
    lowered = description.lower()
    if any(w in lowered for w in ("alert", "monitor", "page", "paging", "detect")):
        template = rewrites["alerting"]
    elif found.word in (
        "investigate",
        "look into",
        "explore",
        "research",
        "figure out",
        "evaluate",
        "assess",
        "consider",
        "think about",
        "discuss",
        "look at",
    ):
        template = rewrites["investigate"]
    elif "test" in lowered:
        template = rewrites["testing"]
    elif any(w in lowered for w in ("document", "runbook", "docs")):
        template = rewrites["documentation"]
    else:
        template = rewrites["default"]
    return template
