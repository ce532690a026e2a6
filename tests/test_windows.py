"""Choosing what to parse: sentence starts, the person gate, and the windows."""

from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from blameless.windows import (
    LONG_RUN,
    MAX_SENTENCE,
    MAX_WINDOW,
    Gate,
    Window,
    blank_long_runs,
    cell_starts,
    chunk_windows,
    sentence_starts,
    trigger_windows,
)

NEVER = re.compile(r"(?!)")
GATE = Gate(
    triggers=re.compile(r"(?i:obviously)"),
    person_triggers=re.compile(r"(?i:broke)"),
    person=re.compile(r"(?i)\b(?:Alice|they)\b"),
)


def _openings(text: str, width: int) -> list[str]:
    """The first `width` characters of each sentence `sentence_starts` finds."""
    return [text[start : start + width] for start in sentence_starts(text)]


def test_sentence_starts() -> None:
    # Prose as the readers give it: the bold markers are already blanked.
    text = "First one. Second one?   Why was X removed?   - Third. e.g. not a start"
    assert _openings(text, 5) == ["First", "Secon", "Why w", "- Thi"]


def test_a_chat_lines_time_and_speaker_stand_apart() -> None:
    # A pasted chat log, its line breaks read as spaces: each line is a sentence, and so
    # is each line's time and speaker; a label ("Cause:") or a bare time is no speaker.
    text = "[13:01] <kim.o> looking 13:02 gabi: she pointed it at prod Cause: at 14:02 Ana"
    assert _openings(text, 7) == [
        "[13:01]",
        "looking",
        "13:02 g",
        "she poi",
    ]


def test_a_trackers_item_key_opening_a_sentence_stands_apart() -> None:
    # "AI-7", "INC-4471 follow-up:" and "SEC-2 —" open their sentence; a key inside one does not.
    text = "AI-7 Fatima to redo it. INC-4471 follow-up: send it. SEC-2 — see INV-221 too."
    assert _openings(text, 7) == [
        "AI-7 Fa",
        "Fatima ",
        "INC-447",
        "send it",
        "SEC-2 —",
        "see INV",
    ]


def test_the_gate_needs_a_person_only_for_person_rules() -> None:
    assert GATE.admits("It was obviously fine.")
    assert GATE.admits("Alice broke the build.")
    assert not GATE.admits("The deploy broke the build.")


def test_windows_add_the_sentence_before_only_for_they() -> None:
    text = "Kofi ran the script. They broke the bucket. All good. Alice broke it too."
    windows = [text[a:b] for a, b in trigger_windows(text, GATE)]
    assert windows == ["Kofi ran the script. They broke the bucket. ", "Alice broke it too."]


def test_each_window_is_parsed_alone_and_maps_back_to_the_document() -> None:
    windows = [Window(10, "  Alice broke it.", "ctx1"), Window(50, "They broke it. Ok.", "ctx2")]
    first, second = chunk_windows(windows)
    assert (first.text, second.text) == ("Alice broke it.", "They broke it. Ok.")
    assert first.origin(0) == (12, first.window)
    offset, window = second.origin(second.text.index("Ok"))
    assert offset == 50 + 15 and window.context == "ctx2"
    assert second.sentence_starts == {0, 15}


# --- bounds: nothing reaches spaCy's max_length or its slow paths -----------------------


def test_a_long_sentence_is_split_at_spaces() -> None:
    text = "word " * 1000
    starts = sentence_starts(text)
    assert starts == [0, 2000, 4000]
    assert all(text[start - 1] == " " for start in starts[1:])


def test_a_long_run_without_spaces_is_cut_at_the_limit() -> None:
    assert sentence_starts("x" * 4500) == [0, MAX_SENTENCE, 2 * MAX_SENTENCE]


@given(st.text(st.sampled_from("ab .?!\n\u00a0"), max_size=6000))
def test_sentence_pieces_are_ordered_and_bounded(text: str) -> None:
    starts = sentence_starts(text)
    assert starts[0] == 0 and starts == sorted(set(starts))
    bounds = [*starts, len(text)]
    assert all(end - start <= MAX_SENTENCE for start, end in itertools.pairwise(bounds))


def test_two_megabytes_of_one_sentence_make_bounded_chunks() -> None:
    # 2 MB of one trigger word once gave "[E088] Text of length 1999999 exceeds maximum".
    text = "obviously " * 200_000
    spans = trigger_windows(text, GATE)
    assert max(end - start for start, end in spans) <= MAX_WINDOW
    windows = (Window(start, text[start:end], None) for start, end in spans)
    sizes = [len(chunk.text) for chunk in chunk_windows(windows)]
    assert sum(sizes) >= len(text) - 2 * len(sizes)  # every word is parsed
    assert max(sizes) <= MAX_WINDOW < 1_000_000


def test_long_runs_of_non_space_are_blanked_keeping_offsets() -> None:
    text = "Bob " + "[" * LONG_RUN + " broke it"
    blanked = blank_long_runs(text)
    assert len(blanked) == len(text)
    assert blanked == "Bob " + " " * LONG_RUN + " broke it"
    assert blank_long_runs("a" * (LONG_RUN - 1)) == "a" * (LONG_RUN - 1)


def test_a_names_initial_ends_no_sentence() -> None:
    text = "Retrain L. Okafor on secrets handling. So did I. Then we left."
    starts = sentence_starts(text)
    assert [text[s:].split()[0] for s in starts] == ["Retrain", "So", "Then"]


def test_the_cells_of_a_pipe_row_start_sentences_for_the_parser() -> None:
    text = "| 09:14 | Olek | Dropped the table |\nA line | with a pipe.\n"
    starts = sorted(cell_starts(text))
    assert [text[s : s + 4] for s in starts] == ["| 09", "09:1", "Olek", "Drop"]


@given(st.text(alphabet="| ab\n\\", max_size=40))
def test_cell_starts_lie_inside_the_text(text: str) -> None:
    for start in cell_starts(text):
        assert 0 <= start < len(text)
        assert text[start] == "|" or text[start - 1] in "| \t"


def test_a_pipe_row_is_parsed_by_cell_and_read_whole() -> None:
    from blameless.language.engine import rows
    from blameless.nlp import load_pipeline

    text = "| 09:14 | Olek | Dropped the table |\n| 09:20 | Ana | Paged the DBA |"
    nlp = load_pipeline(None)
    doc = nlp.make_doc(text)
    starts = set(sentence_starts(text)) | cell_starts(text)
    for token in doc:
        token.is_sent_start = token.idx in starts
    for _, process in nlp.pipeline:
        doc = process(doc)
    assert len(list(doc.sents)) > 2  # each cell parsed alone
    assert [row.text.strip() for row in rows(doc)] == text.split("\n")
