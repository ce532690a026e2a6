"""Constructions of what did not happen: counterfactuals and lapses, and a change made
without its check; agentless blame ("the warning was ignored") is in `agentless`,
questions are in `questions`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agentless import any_one, vague
from blameless.language.parse import (
    Found,
    hypothetical,
    lemma,
    negated,
    past_form,
    patient_of,
    subject_of,
    verbal,
)
from blameless.language.rulekit import Lists
from blameless.language.spans import (
    WRITERS,
    clause_end,
    last_word,
    phrase_start,
)
from blameless.language.wording import is_word

_TELLING = frozenset({"mention", "say", "add", "note", "include", "thank", "credit"})


def modal_perfect(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "X should have checked", "we could've caught it"."""
    for modal in sentence:
        if not is_word(modal, lists.words) or modal.dep_ not in ("aux", "ROOT", "acl"):
            continue
        verb = modal.head if modal.dep_ == "aux" else modal
        if modal.dep_ != "aux":  # "ought to have waited", "X needed/acl to have declared"
            later = [c for c in modal.children if c.i > modal.i]
            verb = next((c for c in later if c.dep_ == "xcomp"), None) or next(
                (c for c in later if c.dep_ == "advcl"), modal
            )
        if verb.dep_ == "aux" and lemma(verb) == "have":
            verb = verb.head  # "should have double-checked": the modal hung on "have"
        have = any(  # ("shouldve" splits into "should" and "ve")
            (lemma(a) == "have" or a.lower_ == "ve") and a.i > modal.i for a in verb.children
        )
        # "should of checked": a misspelling (not "should of course check")
        after = modal.doc[modal.i + 1 : modal.i + 3]  # (fewer at the document's end)
        misspelt = len(after) == 2 and after[0].lower_ == "of" and after[1].tag_ in ("VBN", "VBD")
        if not (have or misspelt):
            continue
        if lists.cancels(verb):
            continue  # "should have felt some relief": a state, not an act
        if lists.markers and not lists.has_marker(verb):
            continue  # the frame wants one kind of act: "anyone would have known/caught"
        if any(c.dep_ == "auxpass" for c in verb.children):
            continue  # "I should have been paged": the person is not the one who acted
        agent = subject_of(verb)
        if agent is None and modal.i > sentence.start and modal.nbor(-1).head.i == modal.i:
            agent = modal.nbor(-1)  # "Kofi should of…" with the name hung on the modal
        if agent is None and modal.dep_ == "acl" and modal.head.i < modal.i:
            agent = modal.head  # "An SRE needed/acl to have declared…" read as a noun phrase
        if lists.agent(agent):
            assert agent is not None
            yield Found(modal, agent, phrase_start(agent), clause_end(verb))


def unmet(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A duty someone had, then that it was not done: "they were told to drain the node
    first and they didn't", "X was tasked with lowering the TTLs; not done", "it was meant
    to be Kwabena's task, and it was never done"."""
    failure = next((t for t in sentence if _undone(t)), None)
    if failure is None:
        return
    for duty in sentence[: failure.i - sentence.start]:
        if not is_word(duty, lists.words):
            continue
        person = next((t for t in sentence[: failure.i - sentence.start] if lists.agent(t)), None)
        if person is not None:
            yield Found(duty, person, min(duty, person, key=lambda t: t.i), failure)
            return


def _undone(token: Token) -> bool:
    """ "did not", "didn't do it", "not done", "never happened": what was due did not happen
    (no other act follows: "did not need to escalate" is something else)."""
    if not negated(token):
        return False
    if lemma(token) == "happen" or (lemma(token) == "do" and token.tag_ == "VBN"):
        return True
    if lemma(token) != "do":
        return False
    acts = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "advcl")]
    return all(c.lower_ in ("it", "so", "that", "this") for c in acts)


def lapse(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "X forgot to …", "X ignored the alert", "X did not check …" (with `markers`)."""
    for verb in sentence:
        if not is_word(verb, lists.words) or not verbal(verb):
            continue
        if lists.negated != negated(verb) and lemma(verb) != "bother":
            continue  # a negated frame wants "did not check"; the others "forgot to"
        if lists.negated and not _in_the_past(verb):
            continue  # "users do not know each other's addresses": a state, not a lapse
        if verb.tag_ == "VBG" and not lists.negated:
            continue  # "missing permission", "skipping the step": a state, not a lapse
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        doer = subject_of(verb) if passive else None
        if passive and (doer is None or vague(doer) or (lists.negated and any_one(doer))):
            continue  # no named doer: "was ignored by someone" is concealed-blame's business;
            # "was not reviewed by another developer" tells of a missing safeguard
        if lemma(verb) in ("fail", "bother") and not any(c.dep_ == "xcomp" for c in verb.children):
            continue  # "failed over the database": a failover, not a lapse
        agent = subject_of(verb)
        told = any(c.dep_ == "xcomp" and lemma(c) in _TELLING for c in verb.children)
        if told and (agent is None or agent.lower_ in WRITERS):
            continue  # "I forgot to mention…": an aside; not "Kofi neglected to mention…"
        if lists.agent(agent):
            assert agent is not None
            done_to = patient_of(verb) if passive else None  # "the alert was ignored by X"
            start = phrase_start(done_to or agent)
            yield Found.spanning(verb, agent, start, clause_end(verb), agent)


def _in_the_past(verb: Token) -> bool:
    """ "did not check", "had never tested", "wasn't verified": a past act or non-act."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return past_form(verb) or any(a.tag_ in ("VBD", "VBN") for a in auxes)


def conditional(sentence: Span, lists: Lists) -> Iterator[Found]:
    """ "If X had checked…", "Had the reviewer looked…"."""
    for word in sentence:
        if not is_word(word, lists.words):
            continue
        if word.lower_ == "if" and word.dep_ == "mark":
            verb = word.head  # "if X had checked", or "if X would have checked" (a learner's)
        elif word.lower_ == "had" and word.dep_ == "aux" and word.i < word.head.i:
            verb = word.head
            if subject_of(verb) is None or subject_of(verb).i < word.i:  # type: ignore[union-attr]
                continue  # "X had forgotten" is a statement, not an inversion
        else:
            continue
        auxes = {a.lower_ for a in verb.children if a.dep_ == "aux"}
        if not auxes & {"had", "'d", "would", "have"} or not past_form(verb):
            continue
        if lemma(verb) in ("have", "be"):
            continue  # "if we had had a canary": a missing safeguard, not an act
        agent = subject_of(verb)
        if lists.agent(agent):
            yield Found(word, agent, word, clause_end(verb))


def without(sentence: Span, lists: Lists) -> Iterator[Found]:
    """An act done without the check it needed: "the change was merged without anyone
    reviewing it", "the reviewer approved without noticing…", "switched on without the
    required sign-off". With no agent wanted, only the passive, whose doer is hidden."""
    for word in sentence:
        if word.lower_ != "without" or word.dep_ != "prep":
            continue
        act = word.head
        if not is_word(act, lists.words) or not verbal(act) or negated(act):
            continue
        if hypothetical(act) or act.tag_ in ("VB", "VBP", "VBZ"):
            continue  # "never deploy without a canary", "we will merge without…": plans
        if not any(lists.has_object(t) for t in word.subtree):
            continue  # "deployed without downtime": nothing was skipped
        passive = any(c.dep_ == "auxpass" for c in act.children)
        agent = subject_of(act)
        if lists.wanted == "none":
            if passive and agent is None:
                subject = patient_of(act)
                yield Found(act, None, phrase_start(subject or act), last_word(word))
        elif lists.agent(agent):
            assert agent is not None
            yield Found(act, agent, phrase_start(agent), last_word(word))
