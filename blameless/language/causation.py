"""Constructions of causation: what a causal clause or preposition pins on a person
("because X pushed…", "due to the contractor", "traced to a password an intern set"), and
damage hung on a person's act ("…, causing the outage", "a config that took down signup").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.parse import (
    Found,
    hypothetical,
    lemma,
    negated,
    past_form,
    subject_of,
    verbal,
)
from blameless.language.rulekit import Lists
from blameless.language.spans import clause_end, head_noun, last_word, phrase_start, possessed
from blameless.language.wording import is_word

_TRACING = frozenset({"trace", "attribute", "pin"})
_BECAUSE_SHORT = frozenset({"bc", "b/c", "cuz", "coz"})


def causal(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A cause pinned on a person: "because X pushed…", "due to X", "traced to X's password"."""
    if not any(lists.has_marker(t) for t in sentence):
        return  # the sentence names no outcome: "we paused because Ana asked" is no blame
    for word in sentence:
        if word.lower_ == "because" and word.dep_ == "mark" and word.nbor(1).lower_ != "of":
            verb = word.head
            agent = subject_of(verb)
            if lists.agent(agent) and not hypothetical(verb):
                yield Found(word, agent, word, clause_end(verb))
        elif word.lower_ in _BECAUSE_SHORT:
            # chat's "bc"/"cuz", which the parser reads as a noun: the doer between it and
            # the next verb
            ahead = word.doc[word.i + 1 : min(sentence.end, word.i + 6)]
            act = next((t for t in ahead if verbal(t) and t.tag_ != "MD"), None)
            if act is None or hypothetical(act):
                continue
            agent = next((t for t in ahead if t.i < act.i and lists.agent(t)), None)
            if agent is not None:
                yield Found(word, agent, word, clause_end(act))
        elif is_word(word, lists.words) and lemma(word) in _ONSETS:
            yield from _onset(word, lists)
        elif is_word(word, lists.words) and word.dep_ != "mark":
            target = _causal_object(word)
            if target is None:
                continue
            party = next((p for p in _responsible_parties(target) if lists.agent(p)), None)
            if party is not None:
                yield Found.spanning(word, party, last_word(target), party)


def _onset(verb: Token, lists: Lists) -> Iterator[Found]:
    """ "The incident began when Marguerite issued a DELETE…": the outage dated from a
    person's act."""
    outcome = subject_of(verb)
    if outcome is None or not (lists.has_marker(outcome) or _it_all(outcome)):
        return  # "the call started when Ana joined": no outcome began
    for clause in verb.children:
        # "when" dates the outage from the act; "after" only orders them in time
        timed = any(c.lower_ == "when" for c in clause.children if c.dep_ in _TIMING)
        if clause.dep_ != "advcl" or not timed or hypothetical(clause):
            continue
        agent = subject_of(clause)
        if lists.agent(agent):
            assert agent is not None
            yield Found.spanning(verb, agent, phrase_start(outcome), clause_end(clause), agent)


def _it_all(subject: Token) -> bool:
    """ "It all started when…", "this all began when…": the whole incident."""
    whole = any(c.lower_ == "all" for c in subject.children) or subject.nbor(1).lower_ == "all"
    return subject.lower_ in ("it", "this") and whole


_ONSETS = frozenset({"begin", "start"})
_TIMING = frozenset({"advmod", "mark"})


def _causal_object(word: Token) -> Token | None:
    """The noun a causal preposition governs ("due to the new hire" -> "hire"); for a
    verb of tracing, what it traces to ("traced the breach to a developer")."""
    if lemma(word) in _TRACING and any(c.dep_ == "dobj" for c in word.children):
        # "traced the breach to a developer": past the object, to what it traces to
        for prep in word.children:
            if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "on"):
                return next((p for p in prep.children if p.dep_ == "pobj"), None)
        return None
    for token in word.doc[word.i : min(len(word.doc), word.i + 4)]:
        for child in token.children:
            # "because of X": the object hangs off "of", not off "because"
            if child.dep_ in ("pobj", "dobj", "pcomp") and child.i > word.i and child.pos_ != "ADP":
                return child
    return None


def _responsible_parties(target: Token) -> Iterator[Token]:
    """Who may stand behind a cause: the noun itself, its possessor, who made it
    ("a password created by an intern"), whose it was ("a mistake by an employee"), or
    who did it ("traced to Natasha deleting the account")."""
    yield target
    doer = subject_of(target) if target.pos_ in ("VERB", "AUX") else None
    if doer is not None:
        yield doer
    for child in target.children:
        if child.dep_ == "poss":
            yield child
        elif child.dep_ in ("acl", "relcl"):
            found = subject_of(child)
            if found is not None and found.i != target.i:
                yield found
        elif child.dep_ == "prep" and child.lower_ in ("by", "of"):
            yield from (c for c in child.children if c.dep_ == "pobj")


def _after_comma(verb: Token) -> bool:
    """The clause is set off by a comma or a dash: ", causing…", ", which led to…"."""
    doc = verb.doc
    start = min([verb, *(c for c in verb.children if c.i < verb.i)], key=lambda t: t.i)
    return start.i > 0 and doc[start.i - 1].text in (",", "—", "–", "-", ";")


def consequence(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's act with its damage attached: "…, causing…", "…, which led to the outage"."""
    for verb in sentence:
        if not is_word(verb, lists.words) or not verbal(verb):
            continue
        relative = any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in verb.children)
        if not (verb.tag_ == "VBG" or relative) or verb.dep_ == "ROOT":
            continue
        if not (_after_comma(verb) or _made_thing(verb, lists)):
            continue  # "rules which were blocking requests" describes the rules
        if any(c.dep_ == "nsubj" and c.lower_ not in ("which", "that") for c in verb.children):
            continue  # "…, as it was causing errors": its own subject, its own act
        if any(_nothing(c) for c in verb.children if c.dep_ == "dobj"):
            continue  # "rotated the keys, exposing nothing": no damage done
        agent = _acting_person(verb, lists)
        if agent is not None:
            yield Found(verb, agent, phrase_start(agent), clause_end(verb))


def _nothing(thing: Token) -> bool:
    """ "nothing", "no data": an object that says no harm came of it."""
    return thing.lower_ in ("nothing", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in thing.children
    )


def _made_thing(verb: Token, lists: Lists) -> bool:
    """ "X pushed a config that took down signup": the damage is done by a thing the
    person's act made or shipped (the frame's `markers`), not by what it removed."""
    thing = verb.head
    return (
        bool(lists.markers)
        and verb.dep_ == "relcl"
        and thing.dep_ in ("dobj", "pobj")
        and lists.has_marker(thing.head)
    )


def _acting_person(verb: Token, lists: Lists) -> Token | None:
    """Whose act the consequence hangs off, up through the clauses it is attached to
    ("a contractor unplugged a server that ran X, grounding flights": the contractor)."""
    act = verb
    for _ in range(5):
        if act.head.i == act.i:
            return None
        act = act.head
        if act.pos_ not in ("VERB", "AUX") or negated(act):
            continue
        agent = subject_of(act)
        if agent is not None and agent.i < verb.i and lists.agent(agent):
            return agent
    return None


def owned(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's thing does the damage, whatever the thing: "@gkaur's purge job took out
    the thumbnails", "brought to its knees by the ML team's training jobs", "the deploy
    Kofi pushed brought down the cluster"."""
    for owner in sentence:
        thing = possessed(owner, sentence)  # "Rahul's bulk tag rename": up to "rename"
        if thing is None and owner.dep_ == "nsubj" and owner.head.dep_ == "relcl":
            made = owner.head.head  # "the deploy Kofi pushed brought down the cluster"
            if made.i < owner.i < owner.head.i and made.pos_ in ("NOUN", "PROPN"):
                thing = head_noun(made)
        if thing is None or not lists.agent(owner):
            continue
        if thing.dep_ == "nsubj":
            verb = thing.head
            if not any(c.dep_ in ("dobj", "prt") for c in verb.children):
                continue  # "Priya's laptop crashed": the damage must reach something
        elif thing.dep_ == "pobj" and thing.head.dep_ == "agent":
            verb = thing.head.head
        else:
            continue
        if not verbal(verb) or not is_word(verb, lists.words):
            continue
        if negated(verb) or hypothetical(verb):
            continue
        yield Found.spanning(verb, owner, phrase_start(owner), clause_end(verb), owner)


def sequel(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's act, then what it did to a system, joined by "and", "so" or "that's why":
    "the DBA dropped the index and checkout fell over", "X unplugged the wrong PDU and thats
    why rack 14 went dark", "…, that's what corrupted the WAL". (With the act's own doer,
    "…and locked everyone out", it is the `subject` construction's.)"""
    for outcome in sentence:
        if not outcome.tag_.startswith("VB") or not is_word(outcome, lists.words):
            continue
        if negated(outcome) or hypothetical(outcome):
            continue
        cue = _sequel_cue(outcome, sentence)
        suffered = _outcome_subject(cue, outcome) if cue is not None else None
        if cue is None or suffered is None or lists.agent(suffered) or _nothing(suffered):
            continue  # "…and she went home", "…and nothing broke"
        if lemma(suffered) in _SYMPTOMS:
            continue  # "…and the errors stopped": good news
        if suffered.lower_ in _POINTERS and any(c.dep_ == "auxpass" for c in outcome.children):
            continue  # "…took a vote and it was rejected": "it" is the proposal
        act = _act_before(cue, sentence)
        if act is None or negated(act) or hypothetical(act) or lists.cancels(act):
            continue  # "Ana rolled back the deploy and checkout recovered"
        agent = subject_of(act)
        if lists.agent(agent):
            assert agent is not None
            yield Found.spanning(outcome, agent, phrase_start(agent), clause_end(outcome))


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
        if word.is_punct or (finite and word.dep_ not in ("aux", "auxpass")):
            return None  # another clause's verb or a break: not this outcome's cue
    return None


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


# Errors, alerts or the outage itself as the subject: their stopping is good news.
_SYMPTOMS = frozenset(
    {"error", "alert", "alarm", "page", "latency", "incident", "outage", "issue", "problem"}
)


def _act_before(cue: Token, sentence: Span) -> Token | None:
    """The finished act the cue follows: the nearest verb before it in the past or the
    perfect ("rotated the key without telling us, and…": "rotated")."""
    doc = sentence.doc
    start = cue.i
    while start > sentence.start and doc[start - 1].lower_ in (*_POINTERS, "'s", "s", "is", ","):
        start -= 1
    for word in reversed(doc[sentence.start : start]):
        perfect = word.tag_ == "VBN" and any(lemma(a) == "have" for a in word.children)
        misread = word.tag_ in ("VB", "VBN") and past_form(word) and subject_of(word) is not None
        if word.dep_ not in ("aux", "auxpass", "amod") and (
            word.tag_ == "VBD" or perfect or misread
        ):
            return word  # ("Will rebooted/VB…": a name read as a modal)
    return None
