"""A rule's documentation, rendered from its pack: the same sections for every rule."""

from __future__ import annotations

import textwrap

from blameless.packs import RulePack


def explain_rule(pack: RulePack) -> str:
    """What it flags, why it matters, examples flagged and left alone, and the rewrites."""
    wrap = textwrap.TextWrapper(width=88)
    lines = [
        f"{pack.id} ({pack.severity.value}, {pack.kind} rule, taxonomy {pack.category})",
        "",
        "What it flags",
        *("  " + line for line in wrap.wrap(pack.message)),
        "",
        "Why it matters",
        *_paragraphs(pack.rationale, wrap),
    ]
    if pack.rewrite:
        lines += ["", "Rewrite"]
        lines += [f"  {rewrite}" for rewrite in pack.rewrite]
    lines += ["", "Flagged"]
    lines += [_example(example, "-") for example in pack.examples.flag]
    lines += ["", "Left alone"]
    lines += [_example(example, "+") for example in pack.examples.ok]
    if pack.sources:
        lines += ["", "Sources"]
        lines += [f"  {source}" for source in pack.sources]
    return "\n".join(lines)


def _example(text: str, marker: str) -> str:
    body = text.strip().splitlines() or [""]
    first = f"  {marker} {body[0]}"
    rest = [f"    {line}" for line in body[1:]]
    return "\n".join([first, *rest])


def _paragraphs(text: str, wrap: textwrap.TextWrapper) -> list[str]:
    lines: list[str] = []
    for paragraph in text.strip().split("\n\n"):
        if lines:
            lines.append("")
        lines += ["  " + line for line in wrap.wrap(" ".join(paragraph.split()))]
    return lines
