"""Which text to parse, and how to batch it: the speed of the language check lives here.

A rule can fire only on a sentence holding one of its trigger words, so only those
sentences are parsed, each with the sentence before it (for "they" to find its
antecedent). The windows are joined into a few large texts, since spaCy's cost per
Doc outweighs its cost per word for short texts, and every window keeps the sentence
boundaries found here, so its parse does not depend on its neighbours.

Everything here is bounded, so no input reaches spaCy's `max_length` or its slow paths:
a sentence longer than `MAX_SENTENCE` characters is split at the last space before each
limit and parsed as separate sentences (no rule's frame spans 2,000 characters);
adjacent windows merge only up to `MAX_WINDOW`; a run of `LONG_RUN` or more non-space
characters is blanked for the parser (no word a rule fires on is that long, and spaCy's
tokenizer is quadratic in the length of one token).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

# A sentence ends at . ! ? followed by space and a capital, digit, quote, bracket or dash
# ("**Why was X removed?** - The employee was…" is two sentences), also past a few control
# characters, which start no word ("error.\n\x1b Why did…").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\s\u00a0]+(?=[\x00-\x08\x0e-\x1f\x7f]{0,4} ?[A-Z0-9\"'“‘(\[@<*_`\-–—•])"
)
# A chat line's time and speaker, which start a sentence of their own, as does the line
# after them ("[11:20] <hana.o> @mf merged the PR that broke login"): lines of a pasted
# chat log run together with no stop between them. "[14:02]", "[14:02] <kim>",
# "14:02 ines:", "11:52 AM dana:", "<mo>"; not a bare "Cause:", which is a label.
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?: ?(?:[AaPp]\.?[Mm]\.?|UTC|Z))?"
_SPEAKER = r"(?:<[^<>\s]{1,40}>|@?[\w.\-]{1,30}:)"
_CHAT_PREFIX = re.compile(
    rf"(?<!\S)(?:\[{_TIME}[^\]\s]{{0,4}}\][ \t]+(?:{_SPEAKER}[ \t]+)?"
    rf"|{_TIME}[ \t]+{_SPEAKER}[ \t]+|<[^<>\s@]{{1,40}}>[ \t]+)(?=\S)"
)
# A tracker's item key opening a sentence ("AI-7 Fatima to redo…", "INC-4471 follow-up:
# send…", "SEC-208: suspend…") is a label of its own: the words after it read as they
# would with no key, where the parser otherwise takes the key for their subject.
_ITEM_KEY = re.compile(
    r"[A-Z][A-Z0-9]{1,9}-\d{1,6}(?:[ \t]+follow-?ups?)?(?:[ \t]*[:|\-–—)])?[ \t]+(?=\S)"
)
MAX_SENTENCE = 2_000  # characters; a longer sentence is parsed in pieces
MAX_WINDOW = 6_000  # characters; admitted sentences merge into one window up to this
LONG_RUN = 100  # non-space characters in a row that the parser never sees
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN},}}")


# Titles and abbreviations whose stop ends no sentence: "Mr. Rossi", "e.g. the cache".
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "vs", "e.g", "i.e"})


def _abbreviated(text: str, stop: int) -> bool:
    """The stop before `stop` closes an abbreviation ("Mr.") or a name's initial ("L.
    Okafor", "J. R. Smith"; not the pronoun in "so did I. Then…")."""
    start = stop - 1
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start : stop - 1]
    if len(word) == 1 and word.isupper() and word != "I":
        return True
    return word.lower() in _ABBREVIATIONS


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of `text` start (always including 0); a sentence longer
    than MAX_SENTENCE is split at the last space before each limit (or at the limit)."""
    starts = [0]
    ends = {m.end() for m in _SENTENCE_END.finditer(text) if not _abbreviated(text, m.start())}
    for match in _CHAT_PREFIX.finditer(text):
        ends.update((match.start(), match.end()))
    ends.update(key.end() for at in (0, *ends) if (key := _ITEM_KEY.match(text, at)))
    ends.discard(0)
    for end in [*sorted(ends), len(text)]:
        while end - starts[-1] > MAX_SENTENCE:
            limit = starts[-1] + MAX_SENTENCE
            space = text.rfind(" ", starts[-1] + 1, limit)
            starts.append(space + 1 if space > starts[-1] else limit)
        if end < len(text):
            starts.append(end)
    return starts


# A line that is a table row written with pipes: "| 14:05 | Raj | dropped the index |".
_PIPE_ROW = re.compile(r"^[ \t]*\|(?:[^|\n]*\|){2,}[^|\n]*$", re.MULTILINE)
_CELL_BREAK = re.compile(r"(?<!\\)\|[ \t]*(?=[^|\s])")


def cell_starts(text: str) -> set[int]:
    """Where pipe rows and their cells start. The parser reads each cell as a sentence of
    its own (a row read as one sentence is parsed as a heap of nouns), and the rules read
    the row whole again (`language.engine`), so "| Cause | Ana dropped the index |" still
    joins its label to its act."""
    starts: set[int] = set()
    for row in _PIPE_ROW.finditer(text):
        starts.add(text.index("|", row.start()))  # each row apart from the row above it
        starts.update(m.end() for m in _CELL_BREAK.finditer(text, row.start(), row.end()))
    return starts


class Finder(Protocol):
    """Anything that tells whether a text holds what it looks for (a regex, a word set)."""

    def search(self, text: str) -> object: ...


@dataclass(frozen=True)
class Gate:
    """Whether a sentence could make some enabled rule fire, without parsing it."""

    triggers: Finder  # rules that can fire on any sentence
    person_triggers: Finder  # rules that need a person in the sentence
    person: Finder  # a cheap test for a name, pronoun, handle or role

    def admits(self, sentence: str) -> bool:
        if self.triggers.search(sentence):
            return True
        return bool(self.person_triggers.search(sentence) and self.person.search(sentence))


# "they" needs the sentence before it to find out whether it means people or replicas.
_NEEDS_ANTECEDENT = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)


def trigger_windows(text: str, gate: Gate) -> list[tuple[int, int]]:
    """Ranges of `text` to parse: each sentence the gate admits (with the sentence before
    it when it says "they")."""
    bounds = [*sentence_starts(text), len(text)]
    sentences = list(itertools.pairwise(bounds))
    windows: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        if not gate.admits(sentence):
            continue
        first = start
        if index and _NEEDS_ANTECEDENT.search(sentence):
            first = sentences[index - 1][0]
        if windows and first <= windows[-1][1] and end - windows[-1][0] <= MAX_WINDOW:
            windows[-1] = (windows[-1][0], end)
        elif windows and first < windows[-1][1]:  # too long to merge: no overlap either
            windows.append((windows[-1][1], end))
        else:
            windows.append((first, end))
    return windows


@dataclass
class Window:
    offset: int  # where `text` starts in the document
    text: str
    context: Hashable  # what the parse needs to know about where the text came from


@dataclass
class Chunk:
    """One window's text as the parser gets it, and where its sentences start."""

    window: Window  # its text stripped of leading space, its offset moved to match
    sentence_starts: set[int] = field(default_factory=set)

    @property
    def text(self) -> str:
        return self.window.text

    def origin(self, position: int) -> tuple[int, Window]:
        """The document offset of a position in `text`, and the window."""
        return self.window.offset + position, self.window


def chunk_windows(windows: Iterable[Window]) -> Iterator[Chunk]:
    """Each window as a text of its own to parse, one at a time (a generator, so only the
    windows being parsed are held). Windows are never joined: the tagger reads a few words
    past a sentence's edge, so a sentence parsed beside an unrelated one could get another
    verdict than it gets alone, or in the editor, which parses each paragraph by itself."""
    for window in windows:
        stripped = blank_long_runs(window.text.lstrip())
        offset = window.offset + len(window.text) - len(stripped)
        starts = set(sentence_starts(stripped)) | cell_starts(stripped)
        yield Chunk(Window(offset, stripped, window.context), starts)


def blank_long_runs(text: str) -> str:
    """`text` with every run of LONG_RUN or more non-space characters replaced by spaces
    (same length, so offsets hold)."""
    if len(text) < LONG_RUN:
        return text
    return _LONG_RUN.sub(lambda match: " " * len(match.group()), text)
