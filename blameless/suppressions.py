"""Suppression comments inside a document, parsed into data.

    <!-- blameless-disable-next-line why-you,human-error -->
    <!-- blameless-disable person-as-cause -->  …  <!-- blameless-enable person-as-cause -->

No rule list means every rule. An unknown rule id is an input error, not silence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from blameless.document import Document
from blameless.errors import InputError
from blameless.packs import load_packs, unknown_rule_message

_DIRECTIVE = re.compile(
    r"<!--\s*blameless-(?P<action>disable-next-line|disable|enable)\b(?P<rules>[^>]*?)\s*-->"
)
_ALL = None


@dataclass(frozen=True)
class Suppressions:
    """Which rules are silenced where: by line, by offset range, and for the whole document."""

    lines: dict[int, frozenset[str] | None]  # line -> rules (None: all)
    ranges: list[tuple[int, int, frozenset[str] | None]]  # [start, end) offsets -> rules
    document: frozenset[str] | bool | None  # rules disabled to the end (False: none)

    def covers(self, rule: str, line: int | None, offset: int | None) -> bool:
        if line is None or offset is None:
            return self.document is None or (self.document is not False and rule in self.document)
        named = self.lines.get(line, False)
        if named is None or (named is not False and rule in named):
            return True
        return any(
            start <= offset < end and (rules is None or rule in rules)
            for start, end, rules in self.ranges
        )


def parse_suppressions(document: Document) -> Suppressions:
    lines: dict[int, frozenset[str] | None] = {}
    ranges: list[tuple[int, int, frozenset[str] | None]] = []
    open_all: int | None = None
    open_rules: dict[str, int] = {}
    known = load_packs()
    for match in _DIRECTIVE.finditer(document.text):
        line = document.position(match.start())[0]
        names = [name for name in re.split(r"[\s,]+", match.group("rules")) if name]
        for name in names:
            if name not in known:
                where = f"{document.path or '<stdin>'}:{line}"
                raise InputError(f"{where}: {unknown_rule_message(name)} in suppression comment")
        rules = frozenset(names) if names else _ALL
        action = match.group("action")
        if action == "disable-next-line":
            end_line = document.position(match.end())[0]
            previous = lines.get(end_line + 1, frozenset())
            lines[end_line + 1] = None if rules is None or previous is None else previous | rules
        elif action == "disable":
            if rules is None:
                open_all = match.end() if open_all is None else open_all
            else:
                for name in rules:
                    open_rules.setdefault(name, match.end())
        else:  # enable
            if rules is None:
                if open_all is not None:
                    ranges.append((open_all, match.start(), None))
                    open_all = None
                for name, start in open_rules.items():
                    ranges.append((start, match.start(), frozenset({name})))
                open_rules.clear()
            else:
                for name in rules:
                    if name in open_rules:
                        ranges.append((open_rules.pop(name), match.start(), frozenset({name})))
    end = len(document.text) + 1
    if open_all is not None:
        ranges.append((open_all, end, None))
    for name, start in open_rules.items():
        ranges.append((start, end, frozenset({name})))
    whole: frozenset[str] | bool | None = False
    if open_all is not None:
        whole = None
    elif open_rules:
        whole = frozenset(open_rules)
    return Suppressions(lines=lines, ranges=ranges, document=whole)
