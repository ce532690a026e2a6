"""A person's act and then the damage it did, told in sequence rather than as a cause:
"the DBA dropped the index and checkout fell over", "…and that's why rack 14 went dark",
"…; that's what corrupted the WAL". And what is no damage: symptoms that stop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.lexicon import lexicon
from blameless.language.parse import (
    Found,
    helpers,
    hypothetical,
    lemma,
    negated,
    past_form,
    subject_of,
)
from blameless.language.rulekit import Lists
from blameless.language.spans import clause_end, phrase_start
from blameless.language.wording import is_word

# Errors, alerts or the outage itself, whose stopping is good news.
_SYMPTOMS = lexicon().words("symptom_nouns")
_CESSATION = lexicon().words("cessation_verbs")
_REMEDIES = lexicon().words("remedy_verbs")
# What a system is left as: "checkout was down for an hour after…".
_BROKEN = lexicon().words("broken_states")


def nothing(thing: Token) -> bool:
    """ "nothing", "no data": an object that says no harm came of it."""
    return thing.lower_ in ("nothing", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in thing.children
    )


def relieves(verb: Token) -> bool:
    """The act stops a symptom ("Priya's fix stopped the errors") or a harm ("stopped the
    logger from writing tokens"), or the loss is called small ("we only lost 4 minutes")."""
    stopped = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma(verb) in ("stop", "prevent", "keep") and any(
        c.lower_ == "from" for c in verb.children
    ):
        return True
    if lemma(verb) in _CESSATION and any(lemma(c) in _SYMPTOMS for c in stopped):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in _LESSENING for c in verb.children)


_LESSENING = frozenset({"only", "barely", "merely", "just"})


def sequel(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's act, then what it did to a system, joined by "and", "so" or "that's why":
    "the DBA dropped the index and checkout fell over", "X unplugged the wrong PDU and thats
    why rack 14 went dark", "…, that's what corrupted the WAL". (With the act's own doer,
    "…and locked everyone out", it is the `subject` construction's.)"""
    for outcome in sentence:
        state = _left_broken(outcome)
        if state is not None:
            yield from _after(outcome, sentence, lists, state)  # "customers were double-charged…"
            continue
        if outcome.pos_ == "NOUN" and is_word(outcome, lists.words):
            yield from _pointed(outcome, sentence, lists)  # "…, that's your outage"
            continue
        if not outcome.tag_.startswith("VB") or not is_word(outcome, lists.words):
            continue
        if outcome.lower_ in _BROKEN and lemma(outcome) not in lists.words:
            continue  # a state word as a verb: "had already gone home"
        if negated(outcome) or hypothetical(outcome):
            continue
        yield from _after(outcome, sentence, lists)
        cue = _sequel_cue(outcome, sentence)
        suffered = _outcome_subject(cue, outcome) if cue is not None else None
        if cue is None or suffered is None or lists.agent(suffered) or nothing(suffered):
            continue  # "…and she went home", "…and nothing broke"
        if lemma(suffered) in _SYMPTOMS and lemma(outcome) in _CESSATION:
            continue  # "…and the errors stopped": good news
        if suffered.lower_ in _POINTERS and any(c.dep_ == "auxpass" for c in outcome.children):
            continue  # "…took a vote and it was rejected": "it" is the proposal
        act = _act_before(cue, sentence)
        if act is None or negated(act) or hypothetical(act) or lists.cancels(act):
            continue  # "Ana rolled back the deploy and checkout recovered"
        if cue.lower_ not in ("why", "what") and (_tried(act) or _recurred(outcome)):
            continue  # "Ana restarted the pods and they crashed again"; "that's why" says more
        agent = subject_of(act)
        if lists.agent(agent):
            assert agent is not None
            yield Found.spanning(outcome, agent, phrase_start(agent), clause_end(outcome))


def _pointed(outcome: Token, sentence: Span, lists: Lists) -> Iterator[Found]:
    """An act, then a pointer naming it the outcome: "X rebooted the core switch at 11,
    that's your outage", "…, that is the whole incident"."""
    doc = sentence.doc
    before = [
        t for t in doc[max(sentence.start, outcome.i - 7) : outcome.i] if t.lower_ not in _FILLERS
    ]
    if len(before) < 3 or before[-1].lower_ not in ("'s", "’s", "is", "was"):
        return
    if before[-2].lower_ not in _POINTERS or before[-3].text not in (",", ";", "—", "-", "and"):
        return
    act = _act_before(before[-3], sentence)
    if act is None or negated(act) or hypothetical(act) or lists.cancels(act):
        return
    agent = subject_of(act)
    if lists.agent(agent):
        assert agent is not None
        yield Found.spanning(outcome, agent, phrase_start(agent), outcome)


# Words between the pointer and the outcome it names: "that's literally your outage".
_FILLERS = frozenset(
    {"literally", "basically", "just", "your", "the", "our", "my", "whole", "entire"}
)


def _after(
    outcome: Token, sentence: Span, lists: Lists, anchor: Token | None = None
) -> Iterator[Found]:
    """The damage dated from a person's act: "the records system went dark after an
    administrator pushed an update to every server"."""
    suffered = subject_of(outcome, patients=True)
    if suffered is None or lists.agent(suffered) or lemma(suffered) in _SYMPTOMS:
        return  # "Ana went home after…", "the errors stopped after…"
    told = past_form(outcome) or timeline_entry(sentence)
    if _recurred(outcome) or not told:
        return  # "…crashed again after…": failing before; "breaks when…": a habit
    # after the outcome, or before it: "After Alejandro touched the firewall, the VPN…"
    # (a fronted clause after a timestamp may be read as a ccomp; its "after" still dates it)
    heads = [outcome, *helpers(outcome)]  # "After X ran…, half were/auxpass gone": on "were"
    clauses = [c for h in heads for c in h.children if c.dep_ in ("advcl", "ccomp")]
    clauses += [  # "After/prep @k.smith ran/pcomp…": the clause read as a preposition's
        c
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in _DATING
        for c in p.children
        if c.dep_ == "pcomp"
    ]
    if outcome.dep_ == "advcl" and outcome.head.i < outcome.i:
        clauses.append(outcome.head)  # the parse turned round: "After X ran/ROOT…, …gone/advcl"
    clauses += _dated_by_words(anchor or outcome)  # "…after @k.smith/punct pushed…": lost
    for clause in clauses:
        timed = any(c.lower_ in _DATING for c in clause.children if c.dep_ in ("mark", "advmod"))
        worded = clause.i >= 2 and clause.doc[clause.i - 2].lower_ in _DATING  # "after X did"
        if not (timed or worded):
            continue
        if negated(clause) or hypothetical(clause) or lists.cancels(clause) or _tried(clause):
            continue  # "…crashed again after Ana restarted it": the remedy came too late
        agent = subject_of(clause)
        if not lists.agent(agent) and worded:
            agent = clause.doc[clause.i - 1]
        if lists.agent(agent):
            assert agent is not None
            yield Found.spanning(anchor or outcome, agent, suffered, clause_end(clause))


_DATING = lexicon().words("dating_words")


def _left_broken(verb: Token) -> Token | None:
    """ "was down", "went offline", "were double-charged": a state of damage, told with a
    verb of being or becoming rather than a damage verb."""
    if verb.lower_ in _BROKEN and any(c.dep_ == "auxpass" for c in verb.children):
        return None if negated(verb) else verb  # "pods got evicted", "rows were deleted"
    if lemma(verb) not in ("be", "go", "stay", "remain", "get") or negated(verb):
        return None
    doc = verb.doc
    for state in verb.children:
        if state.dep_ not in ("acomp", "advmod", "attr", "oprd", "prt"):
            continue
        joined = doc[state.i - 2].lower_ + "-" + state.lower_ if state.i >= 2 else ""
        if state.lower_ in _BROKEN:
            return state
        if doc[state.i - 1].text == "-" and joined in _BROKEN:
            return doc[state.i - 2]  # the phrase's first word, where its match begins
    return None


def _dated_by_words(outcome: Token) -> list[Token]:
    """The past verb two words after an "after" that follows the outcome: "went dark after
    @k.smith pushed…", however the parser hung the words."""
    doc = outcome.doc
    for token in doc[outcome.i + 1 : min(len(doc) - 2, outcome.i + 6)]:
        if token.lower_ in _DATING and doc[token.i + 2].tag_ == "VBD":
            return [doc[token.i + 2]]
    return []


def _tried(act: Token) -> bool:
    """A responder's remedy: "restarted", "rolled back"."""
    return is_word(act, _REMEDIES)


def _recurred(outcome: Token) -> bool:
    """ "crashed again": a failure that came before the act as well."""
    return any(c.lower_ == "again" for c in outcome.children)


# "that's why", "which is why", "this is what": the clause before is the cause
_POINTERS = frozenset({"that", "thats", "this", "which", "it"})


def _sequel_cue(outcome: Token, sentence: Span) -> Token | None:
    """The word joining the act to its damage: "and", "so", "then", or the "why"/"what" of
    "that's why"; only verbs and their helpers may lie between it and the damage."""
    doc = sentence.doc
    for index in range(outcome.i - 1, max(sentence.start, outcome.i - 8) - 1, -1):
        word = doc[index]
        if word.lower_ in ("why", "what"):
            pointer = doc[max(sentence.start, index - 3) : index]
            return word if any(t.lower_ in _POINTERS for t in pointer) else None
        if word.lower_ in ("and", "so") and word.i > sentence.start:
            return word
        if word.lower_ == "then":  # "…, and every webhook then failed": from the "and"
            earlier = doc[max(sentence.start, index - 4) : index]
            return next((t for t in reversed(earlier) if t.lower_ == "and"), word)
        finite = word.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG")
        acting = word.tag_ == "VB" and any(c.dep_ in ("dobj", "prt") for c in word.children)
        if word.text == ";" and _refers_back(outcome, sentence):
            return word  # "…; rack B loses power as a result"
        if word.is_punct or ((finite or acting) and word.dep_ not in ("aux", "auxpass")):
            return None  # another clause's verb or a break: not this outcome's cue
        if word.lower_ == "without":
            return None  # "…without causing any downtime": no damage done
    return None


def _refers_back(outcome: Token, sentence: Span) -> bool:
    """The outcome's clause points back at what came before it: "as a result", "because of
    that change", "as a consequence"."""
    rest = sentence.doc[outcome.i + 1 : sentence.end].text.lower()
    return bool(_BACK_REFERENCES.search(rest))


# (not "as a result of the disk filling", which names another cause)
_BACK_REFERENCES = re.compile(
    r"\b(?:as an? (?:direct )?(?:result|consequence)(?! of)|because of (?:that|this|it)\b|in turn)"
)
# A timeline entry: a clock time opens it ("09:41 Wei Ling runs the purge script; …").
_CLOCK = re.compile(r"^\[?\d{1,2}:\d{2}")


def timeline_entry(sentence: Span) -> bool:
    """The sentence is a timeline entry, whose acts are told in the present."""
    first = next((t for t in sentence if not t.is_punct or t.text == "["), None)
    opening = sentence.doc[first.i : min(first.i + 3, sentence.end)] if first else None
    return opening is not None and bool(_CLOCK.match(opening.text))  # ("[", "09:41", "]")


def _outcome_subject(cue: Token, outcome: Token) -> Token | None:
    """What suffered, between the cue and the outcome: "checkout" (fell over), or the
    act itself ("…that's what corrupted", "…and this is blocking"); none when the act's
    doer does it too ("…and locked everyone out")."""
    if cue.lower_ in ("why", "what"):
        return cue if cue.lower_ == "what" and cue.i + 1 == outcome.i else _thing(cue, outcome)
    return _thing(cue, outcome)


def _thing(cue: Token, outcome: Token) -> Token | None:
    between = cue.doc[cue.i + 1 : outcome.i]
    if any(t.tag_ in ("WP", "WDT") for t in between):
        return None  # "…and the operator who deleted the index": a relative clause
    nouns = [t for t in between if t.pos_ in ("NOUN", "PROPN", "PRON", "DET") or t.tag_ == "VB"]
    return nouns[-1] if nouns else None


def _act_before(cue: Token, sentence: Span) -> Token | None:
    """The finished act the cue follows: the nearest verb before it in the past or the
    perfect ("rotated the key without telling us, and…": "rotated")."""
    doc = sentence.doc
    start = cue.i
    while start > sentence.start and doc[start - 1].lower_ in (*_POINTERS, "'s", "s", "is", ","):
        start -= 1
    for word in reversed(doc[sentence.start : start]):
        perfect = word.tag_ == "VBN" and any(lemma(a) == "have" for a in word.children)
        if word.tag_ == "VBG" and any(a.tag_ == "VBD" and a.dep_ == "aux" for a in word.children):
            return word  # "he was flooding the queue…, this is why the consumer is dying"
        misread = word.tag_ in ("VB", "VBN") and past_form(word) and subject_of(word) is not None
        told = word.tag_ == "VBD" or (word.tag_ == "VBZ" and timeline_entry(sentence))
        if word.dep_ not in ("aux", "auxpass", "amod") and (told or perfect or misread):
            return word  # ("Will rebooted/VB…": a name read as a modal)
    return None
