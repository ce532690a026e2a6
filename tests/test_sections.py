"""Headings are classified by meaning, whatever their wording, level or decoration."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blameless.sections import SectionKind, heading_kind, section_kind

FOLLOW_UPS = [
    "Action items",
    "Action item",
    "Follow-up Action",
    "Follow-up actions",
    "Follow ups",
    "Followups",
    "Preventive Measure",
    "Preventative measures",
    "Corrective and preventive measures",
    "Corrective and preventative actions",
    "Remediation",
    "Remediation items",
    "Next steps",
    "Improvements",
    "Future work",
    "Future measures",
    "Planned changes",
    "What are we doing about it",
    "What we are doing",
    "What is being done",
    "What will change",
    "What we're changing",
    "How we will prevent this",
    "How will we prevent this from happening again",
    "How are we making incidents like this less likely",
    "Preventing a recurrence",
    "Lessons learned and next steps",
    "Lessons learned and action items",
    "Recommendations",
    "Going forward",
]
OTHER_KINDS = [
    ("Timeline", SectionKind.TIMELINE),
    ("Timeline (all times UTC)", SectionKind.TIMELINE),
    ("Impact", SectionKind.IMPACT),
    ("Customer impact", SectionKind.IMPACT),
    ("Root cause", SectionKind.CAUSE),
    ("Root causes", SectionKind.CAUSE),
    ("Contributing factor", SectionKind.CAUSE),
    ("How did this happen", SectionKind.CAUSE),
    ("What went well", SectionKind.LESSONS_WELL),
    ("What went wrong", SectionKind.LESSONS_POORLY),
    ("What didn't work", SectionKind.LESSONS_POORLY),
    ("Where we got lucky", SectionKind.LUCKY),
    ("Lessons learned", SectionKind.LESSONS),
]
NOT_FOLLOW_UPS = [
    "Actions taken",
    "Action taken",
    "Follow-up timeline",
    "Questions for follow up",
    "Things we decided not to do",
    "Improvements we discussed but did not commit to",
    "What a good action item looks like",
    "What should you do",
    "Installation",
    "Usage",
    "License",
    "Contributing",
    "Changelog",
    "Configuration",
]

# Decorations real headings carry: numbering, emoji, markup, punctuation, case.
PREFIXES = ["", "3. ", "3) ", "III. ", "B. ", "🔧 ", "✅ ", "**", "1.2 "]
SUFFIXES = ["", ":", "?", "!", " 🚀", "**", " :", "...", " ##"]
CASES = [str.lower, str.upper, str.title, lambda text: text]


@given(
    name=st.sampled_from(FOLLOW_UPS),
    prefix=st.sampled_from(PREFIXES),
    suffix=st.sampled_from(SUFFIXES),
    case=st.sampled_from(CASES),
)
def test_follow_up_headings_in_any_decoration(name: str, prefix: str, suffix: str, case) -> None:
    heading = prefix + case(name) + suffix
    assert heading_kind(heading) is SectionKind.ACTIONS, heading


@given(
    pair=st.sampled_from(OTHER_KINDS),
    prefix=st.sampled_from(PREFIXES),
    suffix=st.sampled_from(SUFFIXES),
)
def test_other_section_kinds_in_any_decoration(
    pair: tuple[str, SectionKind], prefix: str, suffix: str
) -> None:
    name, kind = pair
    assert heading_kind(prefix + name + suffix) is kind


@pytest.mark.parametrize("heading", NOT_FOLLOW_UPS)
def test_headings_that_are_not_follow_ups(heading: str) -> None:
    assert heading_kind(heading) is not SectionKind.ACTIONS


def test_action_sections_setting_adds_names() -> None:
    assert heading_kind("Build farm") is None
    assert heading_kind("Build farm", ("build farm",)) is SectionKind.ACTIONS
    assert heading_kind("3. Build Farm:", ("Build farm",)) is SectionKind.ACTIONS


def test_section_kind_is_the_innermost_known_heading() -> None:
    assert section_kind(("Checkout outage", "Timeline", "Day two")) is SectionKind.TIMELINE
    assert section_kind(("Checkout outage",)) is SectionKind.OTHER


@given(st.text(max_size=300))
def test_any_heading_text_is_classified_without_error(title: str) -> None:
    heading_kind(title)
