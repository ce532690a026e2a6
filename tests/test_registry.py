"""The one registry of rules: every pack is in it, in order, with a check that exists."""

from __future__ import annotations

import datetime as dt

from blameless.packs import load_packs
from blameless.registry import ORDER, registry


def test_every_pack_is_registered_in_order_with_its_severity() -> None:
    specs = registry()
    assert list(specs) == [rule for rule in ORDER if rule in load_packs()]
    assert set(specs) == set(load_packs())
    for rule, spec in specs.items():
        pack = load_packs()[rule]
        assert (spec.kind, spec.severity, spec.order) == (
            pack.kind,
            pack.severity,
            ORDER.index(rule),
        )


def test_every_check_resolves_and_action_checks_produce_only_their_rules() -> None:
    from blameless.actions import check_action_items
    from blameless.config import Config
    from blameless.reading import parse_document

    for spec in registry().values():
        assert callable(spec.check_function())
    text = "# Outage\n\n## Timeline\n\n- 10:00 it broke\n\n## Action items\n\n- Improve alerting\n"
    _, hits = check_action_items(parse_document(text, "pm.md"), Config(), dt.date(2026, 1, 1))
    by_check = {spec.id: spec.check for spec in registry().values()}
    assert hits and all(by_check[hit.rule].startswith("blameless.actions.rules:") for hit in hits)


def test_a_lexicon_list_holds_each_entry_once() -> None:
    import pytest
    from pydantic import ValidationError

    from blameless.language.lexicon import Lexicon, lexicon

    shipped = lexicon().model_dump()
    shipped["care_words"] = [*shipped["care_words"], shipped["care_words"][0].upper()]
    with pytest.raises(ValidationError, match="care_words lists"):
        Lexicon.model_validate(shipped)
