"""Pathological documents, scaled to a size in bytes.

Shared by the hostile-input suite (`tests/test_hostile_inputs.py`, about 100 KB each)
and the scaling benchmark (`benchmarks/scaling.py`, 1x, 4x and 16x). Each generator
repeats a small unit until the text is about `size` characters long, so its cost per
byte can be compared across sizes.
"""

from __future__ import annotations

from collections.abc import Callable

POSTMORTEM = """\
# Checkout outage

**Authors:** @mira, Jon Alvarez

## Summary

Between 14:02 and 14:47 UTC, 38% of checkout requests failed with HTTP 503.
The outage was caused by human error during a routine config change.
Dana's typo in the rate-limit default took down checkout. Why did you skip the canary?
The canary stage only checks that pods start, not their error rates.

## Timeline

- 14:02 Dana merged PR #4412, which lowered the default rate limit.
- 14:31 Lin rolled back PR #4412.

## Action items

| Action | Owner | Due |
|---|---|---|
| Reject rate-limit defaults below 200 rps | @dana | 2027-04-15 |
| Improve alerting | | ASAP |

"""


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> str:
    count = max(1, (size - len(head) - len(tail)) // max(1, len(unit)))
    return head + unit * count + tail


def postmortems(size: int) -> str:
    """Whole postmortems concatenated: the ordinary case, at scale."""
    return _repeat(POSTMORTEM, size)


def one_long_line(size: int) -> str:
    """Postmortem prose with every line break replaced by a space: one huge paragraph
    (without the leading "#", which would make the whole line one heading)."""
    return _repeat(" ".join(POSTMORTEM.split()).removeprefix("# ") + " ", size)


def one_trigger_word(size: int) -> str:
    """One trigger word, repeated with no punctuation: a single huge sentence."""
    return _repeat("obviously ", size)


def obviously_prose(size: int) -> str:
    return _repeat("It was obviously a config problem, and clearly the alert was late. ", size)


def run_on_sentence(size: int) -> str:
    """One sentence with no full stop: clauses joined by commas."""
    return _repeat("Bob obviously broke the deploy, and ", size, tail="it failed.\n")


def padded_pseudo_heading(size: int) -> str:
    """A bold pseudo-heading padded with spaces, then an item."""
    return "**Action items" + " " * size + "**\n\n- Fix the canary\n"


def action_metadata_lines(size: int) -> str:
    return _repeat(
        "- Add a bounds check (owner: @dana, due: 2027-01-01, key: value, ticket: PAY-1)\n",
        size,
        head="## Action items\n\n",
    )


def action_table_theme_rows(size: int) -> str:
    """An action table whose rows are mostly 'theme' rows (one filled cell)."""
    return _repeat(
        "| **Detection** | | |\n| Alert on 5xx rate | @lin | 2027-01-01 |\n",
        size,
        head="## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n",
    )


def heading_with_trailing_noise(size: int) -> str:
    return _repeat(" #*_-", size, head="## Action items", tail="\n\n- Fix the canary\n")


def label_then_items(size: int) -> str:
    return _repeat("- Fix the canary (owner: @lin)\n", size, head="Action items:\n")


def unclosed_link_in_item(size: int) -> str:
    return _repeat("[fix ", size, head="## Action items\n\n- Improve alerting ", tail="\n")


GENERATORS: dict[str, Callable[[int], str]] = {
    "postmortems": postmortems,
    "one-long-line": one_long_line,
    "one-trigger-word": one_trigger_word,
    "obviously-prose": obviously_prose,
    "run-on-sentence": run_on_sentence,
    "padded-pseudo-heading": padded_pseudo_heading,
    "action-metadata-lines": action_metadata_lines,
    "action-table-theme-rows": action_table_theme_rows,
    "heading-trailing-noise": heading_with_trailing_noise,
    "label-then-items": label_then_items,
    "unclosed-link-in-item": unclosed_link_in_item,
}
