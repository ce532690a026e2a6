"""Constructions that make a person the cause: who did the damage, whose thing it was,
and who the sentence says is responsible (causal clauses are in `causation`, clefts in
`clefts`).

Each takes a sentence and a frame's resolved word lists and yields `Found`s; which rule
a frame belongs to, and how bad it is, is the pack's business, not this module's.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.garbled import doer_from_words
from blameless.language.lexicon import lexicon
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
from blameless.language.sequels import relieves
from blameless.language.spans import (
    clause_end,
    head_noun,
    last_word,
    objects,
    phrase_start,
    possessed,
    quoted_tokens,
)
from blameless.language.wording import is_word

_DETECTION = lexicon().words("benign_verbs")
_OBLIGATIONS = frozenset({"suppose", "expect", "require"})  # "X was supposed to verify…"
_COPULAS = frozenset({"be", "lie", "rest", "fall", "remain", "sit"})
_COMPLEMENTS = frozenset(
    {"nsubj", "attr", "nsubjpass", "acomp", "npadvmod", "dobj", "oprd", "appos", "dep"}
)
# Labels that name a cause, not a reason for a choice ("Reason: Ana asked us to pause").
_CAUSE_LABELS = frozenset({"cause", "culprit"})  # not "Trigger:", a template's field
_CAUSAL_POSITIONS = frozenset({"nsubj", "nsubjpass", "pobj", "attr", "dobj", "appos", "conj"})


def subject(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person is the subject or by-agent of a predicate verb: "Kevin broke DNS".

    The frame's `unless` words anywhere in the sentence cancel it: "deleted the old
    buckets, as scheduled" was the plan, not a slip."""
    if lists.unless_in(sentence.text):
        return
    for verb in sentence:
        if not (verbal(verb) or verb.pos_ == "ADJ") or not is_word(verb, lists.words):
            continue
        ongoing = any(c.dep_ == "aux" for c in verb.children) or verb.dep_ == "xcomp"
        if verb.tag_ == "VBG" and not ongoing:  # "ended up deleting": xcomp, an act
            continue  # "creating issues had to wait", ", causing a logout": not a doer's act
        if negated(verb) or hypothetical(verb) or (lists.past and not past_form(verb)):
            continue  # (`past`: "whenever the pod restarts we lose the data" is no event)
        if verb.dep_ == "conj" and is_word(verb.head, _DETECTION):
            continue  # "caught the ransomware note and pulled the cable": the response
        agent = subject_of(verb, patients=lemma(verb) in _OBLIGATIONS)
        done_to = list(objects(verb))
        if not lists.agent(agent) or not done_to:
            doer, words_after = doer_from_words(verb, sentence, lists.agent)
            agent = agent if lists.agent(agent) else doer
            done_to = done_to or words_after
        if not lists.agent(agent):
            continue
        quoted = quoted_tokens(sentence)
        hit = [t for t in done_to if lists.has_object(t) and t.i not in quoted]
        if lists.objects and not hit:
            continue  # "a reviewer who writes 'careless'": a word quoted, not an object
        if lists.objects and all(_retired(t) for t in hit):
            continue  # "shut down the old cluster": routine clean-up
        assert agent is not None
        if lemma(verb) == "break" and any(c.lower_ == "into" for c in verb.children):
            continue  # "broke the migration into batches": split, not damage
        yield Found.spanning(verb, agent, phrase_start(agent), clause_end(verb), agent)


def _retired(thing: Token) -> bool:
    """The thing acted on was out of use: "the old cluster", "unused buckets"."""
    return any(c.dep_ == "amod" and c.lower_ in _RETIRED for c in head_noun(thing).children)


_RETIRED = lexicon().words("retired_words")


def marker(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's act carries an error marker: "accidentally", "by mistake", "the wrong X"."""
    for word in sentence:
        if not is_word(word, lists.words):
            continue
        verb = _marked_verb(word)
        if verb is None or negated(verb) or hypothetical(verb) or lists.cancels(verb):
            continue  # "accidentally discovered a second bug" harms nothing
        if _alternative(word):
            continue  # "instead of retraining the operator, we added a prompt": a choice
        agent = subject_of(verb)
        if lists.agent(agent):
            assert agent is not None
            yield Found.spanning(word, agent, phrase_start(agent), clause_end(verb), agent)


def _alternative(word: Token) -> bool:
    """ "instead of" a choice, not a target or a skipped check: "instead of retraining the
    operator, we added a prompt"; not "…the standby", "instead of checking the context"."""
    if word.lower_ != "instead":
        return False
    ofs = [t for t in (*word.children, word.head, *word.head.children) if t.lower_ == "of"]
    acts = [p for prep in ofs for p in prep.children if p.tag_ == "VBG"]
    return bool(acts) and not any(is_word(act, _DILIGENCE) for act in acts)


_DILIGENCE = lexicon().words("diligence_verbs", "check_verbs")


def _marked_verb(word: Token) -> Token | None:
    """The verb an error marker qualifies, through "by mistake" and "the wrong <object>"."""
    head = word.head
    if word.dep_ == "pobj" and head.dep_ == "prep":  # by mistake, in error
        head = head.head
    elif word.dep_ in ("amod", "compound"):
        while head.dep_ in ("compound", "amod") and head.head.i != head.i:
            head = head.head  # "the wrong database node": up to "node"
        if head.dep_ in ("dobj", "pobj", "nsubjpass"):
            head = head.head.head if head.dep_ == "pobj" else head.head
    for _ in range(2):
        if head.pos_ in ("VERB", "AUX"):
            return head
        head = head.head
    return None


def possessive(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person's error ("Raj's typo"), or a person's change in a causal position."""
    for owner in sentence:
        # "Raj's typo", "Will's faulty commit" (up to the noun), "a typo by Mia"
        thing = possessed(owner, sentence) or _made_by(owner)
        if thing is None or not lists.agent(owner):
            continue
        if not is_word(thing, lists.words):
            continue
        if lists.markers and not _in_causal_position(thing, lists):
            continue
        if lists.objects and not any(lists.has_object(c) for c in thing.children):
            continue  # "Ahmed's bad merge": the thing itself is called bad
        yield Found.spanning(thing, owner, phrase_start(owner), phrase_start(thing), thing)


def _remedial(verb: Token) -> bool:
    """The act adds a safeguard or takes a harm away: "introduced a guard against the
    regression", "removed the outage risk" (not "removed the safety check")."""
    done_to = next((head_noun(c) for c in verb.children if c.dep_ == "dobj"), None)
    if done_to is None:
        return False
    if lemma(verb) in _ADDING and lemma(done_to) in _SAFEGUARDS:
        return True
    return lemma(verb) in _REMOVING and lemma(done_to) in _HARMS


_ADDING = frozenset({"introduce", "add", "create", "build", "ship", "land", "deploy"})
_REMOVING = frozenset({"remove", "eliminate", "drop", "kill", "delete", "close"})
_SAFEGUARDS = lexicon().words("safeguard_nouns") | {"guard", "protection", "safeguard", "limit"}
_HARMS = lexicon().words("incident_nouns") | {"risk", "vulnerability", "hazard"}


def _made_by(owner: Token) -> Token | None:
    """What a by-phrase says the person made: "a keying mistake by the administrator",
    "the cause was a typo by Mia"."""
    if owner.dep_ not in ("pobj", "pcomp") or owner.head.lower_ != "by":
        return None
    holder = owner.head.head
    if holder.pos_ in ("NOUN", "PROPN"):  # ("Typo/NNP by the operator", a note's first word)
        return head_noun(holder)
    attrs = [c for c in holder.children if c.dep_ == "attr"]
    return head_noun(attrs[0]) if attrs else None


def _in_causal_position(thing: Token, lists: Lists) -> bool:
    """ "Omar's push caused…", "caused by Omar's push", "due to Omar's push", "Zhang's
    migration locked the table and brought down checkout": an outcome governs the thing."""
    if thing.dep_ not in _CAUSAL_POSITIONS:
        return False
    head = thing
    for _ in range(3):
        if head.dep_ in ("ccomp", "conj", "advcl", "parataxis") and _own_subject(head.head):
            return False  # up into another clause: "X's migration ran…; the errors came from…"
        head = head.head
        if lists.cancels(head) or relieves(head) or negated(head) or _remedial(head):
            return False  # "Priya's fix stopped the errors", "was not caused by X's push"
        if lists.has_marker(head):
            return True
        linked = ("conj", "prep", "agent", "attr", "ccomp", "relcl")  # "is what killed"
        if any(lists.has_marker(c) for c in head.children if c.dep_ in linked):
            return True  # "…locked the table and brought down checkout", "due to"
    return False


def _own_subject(clause: Token) -> bool:
    """The clause has a subject of its own ("…; the errors came from the cache"), not a
    "what" or "which" that stands for the thing ("is what killed…")."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in clause.children
    )


def copular(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "X was responsible for the outage", "the root cause was X", "Root cause: X"."""
    for word in sentence:
        if not is_word(word, lists.words):
            continue
        if lists.objects and not _about_an_outcome(word, lists):
            continue  # "responsible for coordinating communication" is a duty, not blame
        if any(c.dep_ in ("relcl", "acl") and lists.cancels(c) for c in word.children):
            continue  # "the reason we noticed was Kofi checking…": credit, not a cause
        for agent in _copular_agents(word, sentence):
            if lists.agent(agent) and not _denied(word):
                first = min(phrase_start(agent), phrase_start(word), key=lambda t: t.i)
                last = max(last_word(agent), word, key=lambda t: t.i)
                yield Found(word, agent, first, last)
                break


def _denied(word: Token) -> bool:
    """The copula that carries the word is negated: "is not at fault", "was never the
    cause" (through the preposition the word hangs off)."""
    token = word
    for _ in range(3):
        token = token.head
        if negated(token):
            return True
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
    return False


def _about_an_outcome(word: Token, lists: Lists) -> bool:
    """ "responsible for the outage", "for the 47 minutes of downtime": the object of its
    "for" is one of the outcomes, or a measure of one."""
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            pobjs = [p for p in prep.children if p.dep_ == "pobj"]
            measured = [
                t for p in pobjs for of in p.children if of.lower_ == "of" for t in of.subtree
            ]
            return any(lists.has_object(t) for t in pobjs + measured)
    return False


def _copular_agents(word: Token, sentence: Span) -> Iterator[Token]:
    head = word.head
    verb = head.head if head.dep_ == "prep" else head
    # "the team got to the root cause": no copula, no attribution
    copula = lemma(verb) in _COPULAS or lemma(verb.head) in _COPULAS
    if copula and (word.dep_ in ("acomp", "attr", "xcomp", "pobj", "nsubj") or head.dep_ == "prep"):
        doer = subject_of(verb)
        if doer is not None and doer.i != word.i:
            yield doer
            yield from (c for c in doer.children if c.dep_ == "poss")  # "X's hotfix is the reason"
        if verb.i != word.i:
            yield verb  # "the root cause was alice@." parsed with the handle as the verb
        if verb.dep_ in ("aux", "auxpass"):
            yield verb.head  # …or with "was" as its auxiliary
        for child in verb.children:
            if child.dep_ in _COMPLEMENTS and child.i != word.i:
                yield child
                yield from (c for c in child.children if c.dep_ == "poss")
            if child.dep_ == "ccomp" and child.tag_ == "VBG":  # "was Kofi pushing a config"
                yield from (c for c in child.children if c.dep_ == "nsubj")
            if child.dep_ == "prep" and child.lower_ in ("with", "on"):  # blame lies with X
                yield from (c for c in child.children if c.dep_ == "pobj")
    # "Root cause: X" — a label, a colon, and the phrase after it.
    colon = next((t for t in sentence if t.i > word.i and t.text in (":", "-", "–", "—")), None)
    if colon is not None and colon.i == word.i + 1:
        for token in sentence:
            if token.i > colon.i and (token.head.i <= colon.i or token.head.i == token.i):
                yield token
                yield from (c for c in token.children if c.dep_ == "poss")
                doer = subject_of(token) if verbal(token) else None
                if doer is not None and lemma(word) in _CAUSE_LABELS:
                    yield doer  # "Cause: the release manager promoted build 4.12…"
        # the phrase right after the label, whatever the parser made of it ("@k.smith"/aux)
        first = next((t for t in sentence if t.i > colon.i and t.pos_ != "DET"), None)
        if first is not None and lemma(word) in _CAUSE_LABELS:
            yield first
