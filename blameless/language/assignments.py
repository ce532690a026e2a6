"""Work put on a person by the words of an action item, however the parser hung them:
"Siobhan to double-check every DNS change", "make sure Eitan double-checks replica lag",
"reviewers to triple-check any PR", "Isabela will pair with a senior engineer".

The small model garbles these often ("double-check" read as an adjective and a noun, the
name as a compound), so the assignment is read from the words: who, then the link that
puts the work on them ("to", "will", "must", "make sure"), then the behaviour."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import is_human
from blameless.language.garbled import naming
from blameless.language.lexicon import lexicon
from blameless.language.parse import Found, past_form
from blameless.language.rulekit import Lists
from blameless.language.spans import WRITERS

# Words that may stand between the link and the behaviour ("to actually read", "will be
# a lot more careful"), and that may open the line before whoever is told ("Going forward,
# all devs must…").
_SOFTENERS = lexicon().words("softeners")
_LEAD_INS = lexicon().words("lead_ins")
# The links that put work on whoever precedes them.
_LINKS = frozenset({"to", "will", "'ll", "’ll", "must", "shall", "should"})
_DUTIES = frozenset({"has", "have", "needs", "need", "is", "are", "got"})  # "…has to"
# What opens a request about someone's behaviour: "make sure X double-checks…" (a label's
# colon does too, for a behaviour: "What we'll do differently: everyone pays attention").
_REQUESTS = frozenset({"sure", "ensure", "certain", "that"})
_BREAKS = frozenset({":", "-", "–", "—", "•", "*", ";", ",", "|"})
_ENDS = _BREAKS | {".", "?", "!"}  # where a behaviour's clause ends, by the words
_ASSIGNING = _LINKS | _DUTIES


def assignment(sentence: Span, lists: Lists) -> Iterator[Found]:
    tokens = list(sentence)
    for index, word in enumerate(tokens):
        size = lists.phrase_at(tokens, index)
        if not size:
            continue
        reached = _before_softeners(word, sentence)
        if reached is None:
            continue
        if reached.lower_ == "to" and reached.i > sentence.start:
            duty = sentence.doc[reached.i - 1]
            reached = duty if duty.lower_ in _DUTIES else reached  # "Fatma has to…"
        person = None
        if reached.lower_ in _ASSIGNING:
            person = _named_before(reached, sentence, _BREAKS, line_start=True)
        if person is None and not reached.is_title and reached.lower_ in _ASSIGNING:
            continue  # (but "Will" may be a name: "Start: Will pays more attention")
        if person is None and any(past_form(t) for t in tokens[index : index + size]):
            continue  # "we made sure that Priya double-checked it": told, not asked
        if person is None:  # "make sure Eitan double-checks…", "Start: everyone pays…"
            # (a lesson in the present after a label may tell how things are: "Note: the
            # on-call engineer reads the runbook for every page")
            asked = _REQUESTS if lists.objects else _REQUESTS | {":"}
            person = _named_before(word, sentence, asked, line_start=False)
        if person is None or (person.lower_ in WRITERS and not lists.writers):
            continue
        last = _words_end(tokens[index + size - 1], sentence)
        if lists.objects and not lists.objects_in(sentence.doc[word.i : last.i + 1].text):
            continue  # a lesson needs its subject: "to read the runbook", not "to read Slack"
        # (no agent: "everyone" here is told what to do, not a truth about people in general)
        yield Found.spanning(word, None, person, last)


def _before_softeners(word: Token, sentence: Span) -> Token | None:
    """The first word before the behaviour that is not a softener ("to actually read")."""
    index = word.i - 1
    while index >= sentence.start and sentence.doc[index].lower_ in _SOFTENERS:
        index -= 1
    return sentence.doc[index] if index >= sentence.start else None


def _named_before(
    link: Token, sentence: Span, opened_by: frozenset[str], line_start: bool
) -> Token | None:
    """The person named right before the link, in a phrase that follows one of `opened_by`
    (a label's colon, a bullet, "make sure"), or with `line_start` opens the line."""
    doc = sentence.doc
    start = link.i
    while start > sentence.start and link.i - start < 6 and naming(doc[start - 1]):
        if doc[start - 1].lower_ in opened_by:
            break
        start -= 1
    if start == link.i:
        return None
    before = doc[start - 1] if start > sentence.start else None
    lead_in = doc[sentence.start : start].text.lower().strip(" ,:-")
    if lead_in in _LEAD_INS:
        before, line_start = None, True  # "Going forward all developers must…": they open it
    opened = before is not None and before.lower_ in opened_by
    numbered = line_start and before is not None and before.text.rstrip(".)").isdigit()
    if not (opened or numbered or (line_start and before is None)):
        return None  # (a list item's number opens the line too: "3. Ana to…")
    phrase = doc[start : link.i]
    return next(
        (t for t in reversed(phrase) if is_human(t, proper_nouns=True, agent_slot=True)), None
    )


def _words_end(word: Token, sentence: Span) -> Token:
    """Where the behaviour's clause ends, by the words: before a break or a new clause."""
    doc = sentence.doc
    index = word.i
    while index + 1 < sentence.end and doc[index + 1].text not in _ENDS:
        index += 1
    return doc[index]
