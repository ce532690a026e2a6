"""The prefilter of the enabled language rules, derived from their frames' word lists.

The checker parses only sentences this gate admits. Frames about a person also need the
cheap person hint; the engine applies the same tests per frame, so no frame can match a
sentence the gate skips.
"""

from __future__ import annotations

from functools import lru_cache

from blameless.language.hint import person_hint
from blameless.language.prefilter import Prefilter
from blameless.language.rulekit import compile_frame
from blameless.packs import load_packs
from blameless.windows import Gate


@lru_cache(maxsize=64)
def language_gate(rules: frozenset[str], people: tuple[str, ...] = ()) -> Gate:
    packs = load_packs()
    anyone, person = Prefilter(), Prefilter()
    for rule in sorted(rules):
        for frame in packs[rule].frames:
            compiled = compile_frame(frame)
            if compiled.needs_person:
                person = person | compiled.prefilter
            else:
                anyone = anyone | compiled.prefilter
    return Gate(triggers=anyone, person_triggers=person, person=person_hint(people))
