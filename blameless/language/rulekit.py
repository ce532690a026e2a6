"""A frame compiled for matching: its word lists resolved from the lexicon, its prefilter
derived from them, and the construction that interprets it.

The constructions (in `agentive`, `agentless`, `assignments`, `causation`, `clefts`,
`exclusive`, `sequels`, `labels`, `moods`, `questions`, `orders`, `targets` and
`lexical`) are the generic rule kinds; a frame is data that picks one and fills it.
Nothing here knows any rule by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from blameless.language.inflection import surface_forms
from blameless.language.lexicon import is_verb_list, lexicon
from blameless.language.prefilter import Prefilter, Words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from blameless.language.parse import Found
    from blameless.packs import Frame

_WORD_AT = re.compile(r"[\w'’\-!?]+")


@dataclass(frozen=True)
class Lists:
    """A frame's word lists as sets, and who may be its agent (bound per document)."""

    words: frozenset[str]
    objects: frozenset[str] = frozenset()
    markers: frozenset[str] = frozenset()
    wanted: str = "person"
    people: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    negated: bool = False
    past: bool = False
    writers: bool = False

    def bind(self, people: frozenset[str]) -> Lists:
        return self if people == self.people else replace(self, people=people)

    def agent(self, token: Token | None) -> bool:
        from blameless.language.parse import matches_agent

        return token is not None and matches_agent(token, self.wanted, self.people)

    def has_object(self, token: Token) -> bool:
        from blameless.language.parse import lemma

        if lemma(token) in self.objects or token.lower_ in self.objects:
            return True
        doc = token.doc  # "sign-off", split by the tokenizer at its hyphen
        hyphened = token.i + 2 < len(doc) and doc[token.i + 1].text == "-"
        return hyphened and f"{token.lower_}-{doc[token.i + 2].lower_}" in self.objects

    def objects_in(self, text: str) -> bool:
        """Whether the text holds one of the object words or phrases (any inflection)."""
        return _prefilter(self.objects).search(text)

    def unless_in(self, text: str) -> bool:
        """Whether the text holds one of the `unless` words or phrases (any inflection)."""
        return bool(self.unless) and _prefilter(self.unless).search(text)

    def has_marker(self, token: Token) -> bool:
        from blameless.language.wording import is_word

        return is_word(token, self.markers)

    def cancels(self, token: Token) -> bool:
        from blameless.language.parse import lemma

        return lemma(token) in self.unless or token.lower_ in self.unless

    def phrase_at(self, tokens: list[Token], index: int) -> int:
        """How many tokens from `index` on spell one of the words (0: none)."""
        from blameless.language.wording import following_text

        token = tokens[index]
        text = token.lower_.replace("’", "'") + following_text(token, 8)
        before = token.doc[token.i - 1] if token.i else None
        inside_word = before is not None and not before.whitespace_ and before.text[-1:].isalnum()
        if inside_word and token.text[:1].isalnum():
            return 0  # the middle of a word
        first = _WORD_AT.match(text)
        if first is None:
            return 0
        forms = _forms_by_first_word(self.words)
        for form in forms.get(first.group().rstrip("!?"), ()) + forms.get("", ()):
            end = len(form)
            if text.startswith(form) and (end >= len(text) or not text[end].isalnum()):
                return sum(1 for t in tokens[index:] if t.idx < token.idx + end)
        return 0


@lru_cache(maxsize=64)
def _forms_by_first_word(words: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Every surface form of the words, longest first, by its first word: built when a
    lexical frame first runs, not when the gate is built."""
    forms: dict[str, set[str]] = {}
    for entry in words:
        for form in surface_forms(entry) if entry[:1].isalnum() else {entry}:
            head = _WORD_AT.match(form)
            key = head.group().rstrip("!?") if head else ""
            forms.setdefault(key, set()).add(form)
    return {key: tuple(sorted(found, key=len, reverse=True)) for key, found in forms.items()}


@lru_cache(maxsize=256)
def _prefilter(words: frozenset[str]) -> Prefilter:
    return Prefilter.of(words)


Construction = Callable[["Span", Lists], Iterator["Found"]]


def _constructions() -> dict[str, Construction]:
    from blameless.language import (
        agentive,
        agentless,
        assignments,
        causation,
        clefts,
        exclusive,
        labels,
        lexical,
        moods,
        orders,
        questions,
        sequels,
        targets,
        yields,
    )

    return {
        "subject": agentive.subject,
        "marker": agentive.marker,
        "possessive": agentive.possessive,
        "copular": agentive.copular,
        "cleft": clefts.cleft,
        "causal": causation.causal,
        "consequence": causation.consequence,
        "owned": causation.owned,
        "yielded": yields.yielded,
        "sequel": sequels.sequel,
        "label": labels.label,
        "equation": labels.equation,
        "headline": labels.headline,
        "modal-perfect": moods.modal_perfect,
        "lapse": moods.lapse,
        "unmet": moods.unmet,
        "conditional": moods.conditional,
        "question": questions.question,
        "imperative": orders.imperative,
        "assignment": assignments.assignment,
        "target": targets.target,
        "agentless": agentless.agentless,
        "without": moods.without,
        "lexical": lexical.lexical,
        "exclusive": exclusive.exclusive,
    }


@dataclass(frozen=True)
class CompiledFrame:
    frame: Frame
    lists: Lists
    prefilter: Prefilter  # a sentence without one of these words cannot match
    # And it must hold a word of each of these (objects, markers, `requires`).
    requirements: tuple[Prefilter, ...] = ()

    def admits(self, words: Words, hints: Hints) -> bool:
        """Whether the frame could match a sentence, without parsing it."""
        if not self.prefilter.search_words(words):
            return False
        leading = self.frame.leading
        if leading and not self.prefilter.search_words(words.opening(leading)):
            return False  # the anchor must open the sentence, as a note's heading does
        if not all(required.search_words(words) for required in self.requirements):
            return False
        agent = self.frame.agent
        if agent in ("none", "nobody"):
            return True  # ("nobody" is a word the frame requires)
        return hints.writers if agent == "self" else hints.person

    def run(self, sentence: Span, people: frozenset[str]) -> Iterator[Found]:
        from blameless.language.spans import quoted_tokens, reported_quote
        from blameless.language.wording import word_start

        if self.requirements:
            held = Words.of(sentence.text)
            if not all(required.search_words(held) for required in self.requirements):
                return  # a word the frame requires is missing: its construction need not check
        construction = _constructions()[self.frame.construction]
        quoted = quoted_tokens(sentence) if self.frame.construction != "lexical" else set()
        for found in construction(sentence, self.lists.bind(people)):
            if found.anchor.i in quoted and not (
                self.frame.agent != "self" and reported_quote(found.anchor, quoted)
            ):
                continue  # a quoted message or example (or a speaker's own "I caused…")
            if _generic_present(found):
                continue  # "everyone makes mistakes": a truth about people, not an incident
            # The guarantee the prefilter rests on: every match is anchored on a word
            # the prefilter looks for, so a sentence it skips could not have matched.
            start = word_start(found.anchor)  # the anchor and the words after it: "due to"
            words = sentence.doc[start : min(sentence.end, start + 6)]
            if self.prefilter.search(words.text):
                yield found


_GENERIC = lexicon().words("people_in_general")


def _generic_present(found: Found) -> bool:
    agent = found.agent
    if agent is None or agent.lower_ not in _GENERIC:
        return False
    verb = agent.head
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children):
        return False  # "why didn't anyone on the team notice/VBP…": a past act
    # (not the "come" of "how come nobody noticed…", which the tagger may read as present)
    present = [c for c in verb.children if c.tag_ in ("VBZ", "VBP") and c.lower_ != "come"]
    return verb.tag_ in ("VBZ", "VBP") or bool(present)


def compile_frame(frame: Frame) -> CompiledFrame:
    if frame.construction == "lexical" and frame.rewrite == "action":
        frame = frame.model_copy(update={"rewrite": "question"})  # no act to ask about
    lex = lexicon()
    requirements = tuple(
        lists_prefilter(names)
        for names in ((frame.objects,) if frame.objects else ())
        + ((frame.markers,) if frame.markers else ())
        + tuple((name,) for name in frame.requires)
    )
    lists = Lists(
        words=lex.words(*frame.words),
        objects=lex.words(*frame.objects),
        markers=lex.words(*frame.markers),
        wanted=frame.agent,
        unless=lex.words(*frame.unless),
        negated=frame.negated,
        past=frame.tense == "past",
        writers=frame.writers,
    )
    return CompiledFrame(frame, lists, lists_prefilter(frame.words), requirements)


@lru_cache(maxsize=256)
def lists_prefilter(names: tuple[str, ...]) -> Prefilter:
    """The prefilter of some lexicon lists: each list's is built once per process (frames
    share lists), then joined."""
    joined = Prefilter()
    for name in names:
        joined = joined | _list_prefilter(name)
    return joined


@lru_cache(maxsize=256)
def _list_prefilter(name: str) -> Prefilter:
    return Prefilter.of(lexicon().words(name), verbs=is_verb_list(name))


@lru_cache(maxsize=64)
def compiled_frames(rule: str) -> tuple[CompiledFrame, ...]:
    """A rule's frames, compiled once per process for the gate and the engine alike."""
    from blameless.packs import load_packs

    return tuple(compile_frame(frame) for frame in load_packs()[rule].frames)


class Hints:
    """The cheap tests for who one sentence names, each run at most once."""

    def __init__(self, text: str, people: tuple[str, ...] = ()) -> None:
        self.text = text
        self.people = people

    @cached_property
    def person(self) -> bool:
        from blameless.language.hint import person_hint

        return bool(person_hint(self.people).search(self.text))

    @cached_property
    def writers(self) -> bool:
        from blameless.language.hint import SELF_HINT

        return bool(SELF_HINT.search(self.text))
