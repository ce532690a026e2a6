"""How a sentence's section and shape change what is flagged (the taxonomy's policy table)."""

from __future__ import annotations

import pytest

import blameless
from blameless.config import Config
from blameless.model import Severity
from blameless.packs import language_rules

LANGUAGE = Config(select=tuple(language_rules()))


def findings(text: str) -> list[tuple[str, str, Severity]]:
    report = blameless.check(text, path="pm.md", config=LANGUAGE)
    return [(f.rule, f.text, f.severity) for f in report.findings]


def test_a_realistic_review_flags_only_the_blame() -> None:
    text = """\
# Checkout outage

Date: 2026-03-14
Owner: Bob Okafor (responsible for publishing this review)
**Responders:** @lin, Tomasz Wójcik, the on-call DBA

## Summary

This review is blameless; nobody is at fault.

## Timeline

- 14:02 Oluwaseun deployed v2.3 to all regions.
- 14:09 The error-rate alert paged @lin.
- 14:31 Tomasz rolled back the release.

## Contributing factors

The health check failed to detect the stuck worker because it only probes /healthz.
The replicas failed to elect a leader; they kept restarting.
The Kubernetes operator failed to reconcile the StatefulSet.
Oluwaseun broke the checkout service with the Friday deploy.

## Where we got lucky

Had the replica been in the same region, recovery would have taken days.

## Appendix: chat log

> lin: lol, who pushed this??

## Action items

- Add a presubmit schema check; it would have rejected this migration.
  (owner: @lin, due: 2099-01-31)
"""
    found = findings(text)
    assert [(rule, words) for rule, words, _ in found] == [
        ("person-as-cause", "Oluwaseun broke the checkout service"),
        ("why-you", "who pushed this"),
    ]
    assert found[1][2] is Severity.INFO  # quoted chat: a hint at most


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Tomasz forgot to renew the TLS certificate.", "counterfactual"),
        ("@kwame crashed the ingest pipeline by replaying a week of events.", "person-as-cause"),
        ("alice@ pushed a broken config to all regions at once.", "person-as-cause"),
        ("Why did <@U024BE7LH> silence the disk alerts?", "why-you"),
        ("The on-call engineer fat-fingered the replica count.", "human-error"),
        ("Luis to retake the change-management training.", "people-fix"),
    ],
)
def test_people_the_ner_misses_are_found_through_the_parse(text: str, rule: str) -> None:
    assert [found[0] for found in findings(text)] == [rule]


def test_several_categories_in_one_sentence_are_one_finding() -> None:
    report = blameless.check("The intern carelessly wiped the production bucket.", config=LANGUAGE)
    assert len(report.findings) == 1
    finding = report.findings[0]
    assert finding.rule == "person-as-cause"
    assert "judgmental" in finding.message


def test_a_timeline_names_people_with_neutral_verbs() -> None:
    text = "## Timeline\n\n- 03:12 Chris restarted the primary.\n- 03:20 Priya paged the DBA.\n"
    assert findings(text) == []


def test_a_damage_verb_in_the_timeline_is_a_warning() -> None:
    found = findings("## Timeline\n\n- 09:40 Mehmet crashed the primary with a query.\n")
    assert found == [("person-as-cause", "Mehmet crashed the primary", Severity.WARNING)]


def test_counterfactuals_are_expected_in_lucky_and_action_sections() -> None:
    lucky = (
        "## Where we got lucky\n\n"
        "If Siobhán had not checked her phone, detection would have taken hours.\n"
    )
    actions = "## Action items\n\n- Add a canary; it would have caught the bad build.\n"
    elsewhere = "## Analysis\n\nIf Siobhán had checked the dashboard, we would have caught it.\n"
    assert findings(lucky) == []
    assert findings(actions) == []
    assert [rule for rule, _, _ in findings(elsewhere)] == ["counterfactual"]


def test_metadata_lines_are_never_flagged() -> None:
    text = "Owner: Kevin (the person to blame, per the director)\n\nKevin caused the outage.\n"
    assert [words for _, words, _ in findings(text)] == ["Kevin caused the outage"]
