"""Choosing what to parse: sentence starts, the person gate, and the windows."""

from __future__ import annotations

import re

from blameless.windows import Gate, Window, chunk_windows, sentence_starts, trigger_windows

NEVER = re.compile(r"(?!)")
GATE = Gate(
    triggers=re.compile(r"(?i:obviously)"),
    person_triggers=re.compile(r"(?i:broke)"),
    person=re.compile(r"(?i)\b(?:Alice|they)\b"),
)


def test_sentence_starts() -> None:
    # Prose as the readers give it: the bold markers are already blanked.
    text = "First one. Second one?   Why was X removed?   - Third. e.g. not a start"
    starts = sentence_starts(text)
    assert [text[s : s + 5] for s in starts] == ["First", "Secon", "Why w", "- Thi"]


def test_the_gate_needs_a_person_only_for_person_rules() -> None:
    assert GATE.admits("It was obviously fine.")
    assert GATE.admits("Alice broke the build.")
    assert not GATE.admits("The deploy broke the build.")


def test_windows_add_the_sentence_before_only_for_they() -> None:
    text = "Kofi ran the script. They broke the bucket. All good. Alice broke it too."
    windows = [text[a:b] for a, b in trigger_windows(text, GATE)]
    assert windows == ["Kofi ran the script. They broke the bucket. ", "Alice broke it too."]


def test_chunks_map_positions_back_to_the_document() -> None:
    windows = [Window(10, "  Alice broke it.", "ctx1"), Window(50, "They broke it.", "ctx2")]
    (chunk,) = chunk_windows(windows)
    assert chunk.text == "Alice broke it.\n\nThey broke it."
    assert chunk.origin(0) == (12, chunk.windows[0])
    second = chunk.text.index("They")
    offset, window = chunk.origin(second)
    assert offset == 50 and window.context == "ctx2"
    assert chunk.sentence_starts == {0, second}
