"""The language-rule engine: runs every rule pack's frames over the sentences of a Doc.

A rule is a pack of frames (data); each frame names one of a few constructions and the
lexicon lists that fill it. A frame runs on a sentence only when its prefilter finds
one of its words there (and, for frames about a person, a person hint), so most
sentences cost a set lookup per frame.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from blameless.hits import Hit
from blameless.language.agents import human_names
from blameless.language.exemptions import talks_about_blame
from blameless.language.parse import Found
from blameless.language.prefilter import Prefilter, Words
from blameless.language.retag import retag
from blameless.language.rewrite import suggestions
from blameless.language.rulekit import CompiledFrame, Hints, compiled_frames
from blameless.model import Edit, Severity
from blameless.packs import RulePack, load_packs
from blameless.sections import SectionKind


@dataclass(frozen=True)
class Context:
    """Where a Doc's text sits in the document, and who counts as a person there."""

    section: SectionKind = SectionKind.OTHER
    quoted: bool = False
    people: frozenset[str] = frozenset()
    allow: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        section: SectionKind = SectionKind.OTHER,
        quoted: bool = False,
        people: Iterable[str] = (),
        allow: Iterable[str] = (),
    ) -> Context:
        return cls(section, quoted, human_names(people), tuple(a.lower() for a in allow))


@dataclass(frozen=True)
class Match:
    """What a rule found: a character range of the Doc, its rewrites and its safe fix."""

    start: int
    end: int
    suggestions: tuple[str, ...] = ()
    fix: Edit | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class LanguageRule:
    pack: RulePack
    frames: tuple[CompiledFrame, ...]
    # Any frame's words: a sentence without one skips the rule in one look-up.
    prefilter: Prefilter


def load_rules() -> list[LanguageRule]:
    rules = []
    for pack in load_packs().values():
        if pack.kind == "language":
            frames = compiled_frames(pack.id)
            words = Prefilter.union(f.prefilter for f in frames)
            rules.append(LanguageRule(pack, frames, words))
    return rules


# A question states no fact, so only these constructions read one; an order put as a
# question is still proposed ("maybe have him shadow someone before he gets the pager back?").
_IN_QUESTIONS = frozenset({"question", "lexical", "imperative"})

# Whether a suggestion passes every rule; the component provides it (it needs a parser).
Verify = Callable[[str], bool]


class LanguageEngine:
    """Finds blame language in parsed text; one instance serves every document."""

    def __init__(self, rules: list[LanguageRule] | None = None) -> None:
        self.rules = load_rules() if rules is None else rules
        self.verify: Verify | None = None

    def find(
        self,
        doc: Doc,
        context: Context,
        parts: Sequence[tuple[int, Context]] = (),
        errors: list[str] | None = None,
    ) -> list[Hit]:
        """Every rule's hits on a Doc.

        `parts` gives the context of each part of a Doc that joins text from several
        places, as (start character, context) in order; `errors` collects rules that
        crashed, which are reported instead of ending the whole check.
        """
        starts = [start for start, _ in parts]
        retag(doc)
        hits: list[Hit] = []
        for sentence in rows(doc):
            if parts:
                context = parts[max(bisect.bisect_right(starts, sentence.start_char) - 1, 0)][1]
            if context.section is SectionKind.METADATA:
                continue  # names in metadata are listings, never blame
            text = sentence.text
            if talks_about_blame(sentence, context.people):
                continue  # "this review is blameless", "blame cultures learn nothing"
            words, hints = Words.of(text), Hints(text, tuple(sorted(context.people)))
            # A question asserts no act: "why did you skip…?" is why-you's, not a lapse.
            asked = _question_start(sentence) if text.rstrip(" \t\n\"'”)*_").endswith("?") else None
            for rule in self.rules:
                try:
                    hit = self._first_hit(rule, sentence, context, words, hints, asked)
                except Exception as error:  # a bug in one rule must not end the check
                    if errors is None:
                        raise
                    errors.append(f"rule {rule.pack.id} failed: {type(error).__name__}: {error}")
                    continue
                if hit is not None:
                    hits.append(hit)
        return hits

    def _first_hit(
        self,
        rule: LanguageRule,
        sentence: Span,
        context: Context,
        words: Words,
        hints: Hints,
        asked: int | None,
    ) -> Hit | None:
        quoted = context.quoted or context.section is SectionKind.APPENDIX
        if quoted and not rule.pack.in_quotes:
            return None
        if not rule.prefilter.search_words(words):
            return None
        for compiled in rule.frames:
            placement = compiled.frame.sections.get(context.section.value)
            if placement == "skip" or not compiled.admits(words, hints):
                continue
            # words before the question are still told: "X took the shop down, how do I…?"
            told_up_to = sentence.end
            if asked is not None and compiled.frame.construction not in _IN_QUESTIONS:
                told_up_to = asked
            if told_up_to == sentence.start:
                continue
            for found in compiled.run(sentence, context.people):
                if found.anchor.i >= told_up_to:
                    continue
                # from the earlier of the two words to the end of the later: a construction
                # may name the doer after the act ("…was not followed by Ana")
                first, last = sorted((found.first, found.last), key=lambda t: t.i)
                start, end = first.idx, last.idx + len(last.text)
                if _allowed(sentence, start, end, context.allow):
                    continue
                severity = placement if isinstance(placement, Severity) else None
                match = self._match(rule, compiled, sentence, found, start, end, severity)
                return _to_hit(rule.pack, match, sentence, quoted)
        return None

    def _match(
        self,
        rule: LanguageRule,
        compiled: CompiledFrame,
        sentence: Span,
        found: Found,
        start: int,
        end: int,
        severity: Severity | None,
    ) -> Match:
        pack = rule.pack
        candidates, fix = suggestions(sentence, found, compiled.frame.rewrite, pack.prompt)
        kept = [c for c in candidates if self.verify is None or self.verify(c)]
        if fix is not None and (not kept or kept[0] != candidates[0]):
            fix = None  # a fix whose result still reads as blame is no fix
        return Match(
            start,
            end,
            tuple(dict.fromkeys(kept or [pack.question])),
            fix,
            severity or compiled.frame.severity,
        )


def rows(doc: Doc) -> Iterator[Span]:
    """The Doc's sentences, with the cells of a pipe row parsed apart (`windows.cell_starts`)
    read as one row again: a sentence that ends in "|" runs on into the next on its line."""
    first: Span | None = None
    for sentence in doc.sents:
        if first is None:
            first = sentence
            continue
        previous = doc[sentence.start - 1]
        if previous.text == "|" and "\n" not in doc.text[previous.idx : sentence.start_char]:
            first = doc[first.start : sentence.end]
            continue
        yield first
        first = sentence
    if first is not None:
        yield first


def _allowed(sentence: Span, start: int, end: int, allow: tuple[str, ...]) -> bool:
    if not allow:
        return False
    text = sentence.text.lower()
    base = sentence.start_char
    for phrase in allow:
        at = text.find(phrase)
        while at >= 0:
            if at + base < end and start < at + len(phrase) + base:
                return True
            at = text.find(phrase, at + 1)
    return False


# A tag that asks only for agreement with what was just told: "…, right?".
_TAGS = frozenset({"right", "correct", "yes", "yeah", "no", "eh", "huh", "innit", "true"})


def _question_start(sentence: Span) -> int:
    """Where the question in a sentence ending in "?" begins: after the last clause break
    that a question word or an auxiliary follows ("…took the shop down with it, how do I
    prevent this?"), else at the sentence's start."""
    for token in reversed(sentence[:-1]):
        if token.text in (",", ";", ":", "—", "–") and token.i + 1 < sentence.end:
            opener = token.nbor(1)
            rest = sentence.doc[opener.i + 1 : sentence.end]
            if opener.lower_ in _TAGS and all(t.is_punct or t.is_space for t in rest):
                return opener.i  # "so it was X's push that broke billing, right?": told
            if opener.tag_ in ("WRB", "WP", "WDT", "MD") or opener.lemma_ in ("do", "be", "have"):
                return opener.i
    return sentence.start


def _to_hit(pack: RulePack, match: Match, sentence: Span, quoted: bool) -> Hit:
    # Quoted evidence and appended logs are not the author's prose: at most a hint.
    severity = Severity.INFO if quoted else match.severity
    return Hit(
        rule=pack.id,
        start=match.start,
        end=match.end,
        suggestions=match.suggestions,
        fix=match.fix,
        severity=severity,
        sentence=(sentence.start_char, sentence.end_char),
    )
