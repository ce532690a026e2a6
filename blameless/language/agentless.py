"""Blame with its agent hidden: "the warning was ignored", "backup logs went unchecked",
"someone forgot to renew the certificate", "nobody ever looked at the dead-letter queue"."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import is_human
from blameless.language.parse import (
    Found,
    agent_kind,
    hypothetical,
    lemma,
    negated,
    patient_of,
    subject_of,
    verbal,
)
from blameless.language.rulekit import Lists
from blameless.language.spans import WRITERS, clause_end, phrase_start
from blameless.language.wording import is_word

_MECHANISM = frozenset({"because", "since", "so", "as", "due", "therefore", "thus"})


def agentless(sentence: Span, lists: Lists) -> Iterator[Found]:
    """Blame with the agent hidden: "the warning was ignored", "someone forgot to…"."""
    for verb in sentence:
        if not is_word(verb, lists.words) or not (verbal(verb) or _adjectival(verb)):
            continue
        if any(_explains(t, verb) for t in sentence):
            return  # "…skipped because the label bypasses the tests": a mechanism is given
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        has_agent = any(c.dep_ == "agent" for c in verb.children)
        subject = patient_of(verb) if passive else subject_of(verb)
        if _shared_passive(verb):  # "warnings had been raised and dismissed each time"
            passive, subject = True, patient_of(verb.head)
        elif _adjectival(verb):  # "Guidance from the vendor was misread"/JJ
            passive, subject = True, subject_of(verb.head) or patient_of(verb.head)
        reduced = None if passive or has_agent else _reduced(verb)
        if reduced is not None and lists.wanted == "none":
            passive, subject = True, reduced  # "INC-902 RCA: disk-pressure alert ignored for 3h"
        hidden = not has_agent or vague(subject_of(verb))  # "…by the team in charge"
        if passive and hidden and subject is not None and lists.wanted == "none":
            if lists.objects and not is_word(_referent(subject), lists.objects):
                continue
            if _rule_not_event(verb):
                continue  # "the canary is skipped for hotfixes": how it works, not a lapse
            if lists.negated != negated(verb):
                continue
            yield Found(verb, None, phrase_start(subject), clause_end(verb))
        elif passive and lists.wanted in ("someone", "nobody") and has_agent:
            # "was overlooked by whoever owned the integration"
            agent = subject_of(verb)
            if lists.agent(agent) and subject is not None:
                yield Found.spanning(verb, agent, phrase_start(subject), clause_end(verb))
        elif (
            not passive
            and subject is not None
            and lists.wanted in ("someone", "nobody")
            and lists.agent(subject)
            and verb.tag_ == "VBD"
            and not hypothetical(verb)
            and not _of_the_writers(subject)
            and not (lists.wanted == "nobody" and _any_object(verb))
        ):
            yield Found(verb, subject, phrase_start(subject), clause_end(verb))


def vague(agent: Token | None) -> bool:
    """A by-agent that names nobody in particular: "by somebody in the team", "by those who
    needed it", "by the people who needed it", "by responsible person"; not "by Ana", "by
    him", "by the on-call engineer"."""
    if agent is None or any_one(agent):
        return False
    kind = agent_kind(agent, frozenset())
    if kind == "self":
        return False
    if agent.lower_ in _VAGUE_PEOPLE or kind in ("someone", "nobody"):
        return True
    if agent.pos_ != "NOUN" or not is_human(agent):
        return False
    # a role without an article, or told only by what its people did: not "the on-call"
    named = ("det", "poss", "nummod", "compound")  # ("one admin", "Seo-yeon" split at "-")
    return not any(c.dep_ in named for c in agent.children) or any(
        c.dep_ == "relcl" for c in agent.children
    )


def any_one(agent: Token) -> bool:
    """ "by another developer", "by a second reviewer": a check nobody had to make, a missing
    safeguard, not a person's lapse."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any"))
        or (c.dep_ == "amod" and c.lower_ in ("second", "other"))
        for c in agent.children
    )


_VAGUE_PEOPLE = frozenset({"those", "whoever", "people", "person", "persons", "somebody"})


def _referent(subject: Token) -> Token:
    """What "it" or "they" stands for: the last noun subject before it ("the alerts were
    there, but they were disregarded")."""
    if subject.lower_ not in ("it", "they", "these", "those"):
        return subject
    earlier = subject.doc[max(0, subject.i - 30) : subject.i]
    nouns = [t for t in earlier if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"]
    return nouns[-1] if nouns else subject


def _of_the_writers(subject: Token) -> bool:
    """ "none of us noticed…": the writers' own admission, not blame hidden in "nobody"."""
    return any(
        p.lower_ in WRITERS
        for prep in subject.children
        if prep.lower_ == "of"
        for p in prep.children
    )


def _any_object(verb: Token) -> bool:
    """ "Nobody noticed any customer impact": an absence reported, not a check skipped."""
    return any(d.lower_ == "any" for c in verb.children if c.dep_ == "dobj" for d in c.children)


def _explains(word: Token, verb: Token) -> bool:
    """The word gives a mechanism for the lapse: a reason ("because the label bypasses the
    tests"), not the lapse given as a cause, nor its consequence after it ("the alarm was
    ignored, so the disk filled")."""
    if word.lower_ not in _MECHANISM or _cause_of(word, verb):
        return False
    following = word.doc[word.i + 1 : word.i + 2].text.lower()
    if word.lower_ == "due" and following != "to":
        return False  # "due diligence", "due date": no "due to"
    ahead = word.doc[word.i + 1 : word.i + 5]
    purpose = word.lower_ == "so" and any(t.lower_ == "that" or t.tag_ == "MD" for t in ahead)
    return purpose or not (word.lower_ in _CONSEQUENCES and word.i > verb.i)  # "so it could…"


_CONSEQUENCES = frozenset({"so", "therefore", "thus"})


def _cause_of(mark: Token, verb: Token) -> bool:
    """ "because procedures were not followed": the lapse is given as the cause, not
    explained by a mechanism."""
    return mark.lower_ == "because" and mark.head.i == verb.i


def _shared_passive(verb: Token) -> bool:
    """A participle joined to a passive, sharing its subject and auxiliary ("raised and
    dismissed", "acknowledged and then forgotten about")."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in verb.children)
        and any(c.dep_ == "auxpass" for c in head.children)
        and not any(c.dep_ == "agent" for c in head.children)
    )


def _adjectival(verb: Token) -> bool:
    """A participle the tagger read as an adjective after "be": "was misread"/JJ; or a state
    of neglect after a verb of being or leaving: "logs went unchecked", "were left unread"."""
    if lemma(verb.head) not in _STATE_HEADS or any(c.dep_ == "det" for c in verb.children):
        return False
    participle = verb.dep_ in ("acomp", "oprd") and verb.lower_.endswith(("ed", "read", "en"))
    # a passive written with the bare verb, as non-native writers may: "the alarm was ignore"
    bare = (
        verb.dep_ in ("acomp", "attr") and verb.lower_ == lemma(verb) and lemma(verb.head) == "be"
    )
    return participle or bare


# "was", "went", "remained", "stayed", "sat", "were left": what a state of neglect follows.
_STATE_HEADS = frozenset({"be", "go", "remain", "stay", "sit", "leave"})


def _reduced(verb: Token) -> Token | None:
    """A passive without its auxiliary, as notes write one: "alert ignored for 3h", "runbook
    step 4 skipped", "results never reviewed" (a thing cannot skip or review: the parser's
    active past is a passive). Its noun serves no other verb ("restored the alerts ignored
    during the window" does)."""
    children = {c.dep_: c for c in verb.children}
    if verb.tag_ not in ("VBN", "VBD") or "aux" in children or "dobj" in children:
        return None
    noun = children.get("nsubj")
    if noun is None and verb.dep_ in ("acl", "amod"):
        noun = verb.head
    if noun is None and "neg" in children:
        noun = _before_not(children["neg"])  # "; runbook/VB not followed", "Due/IN diligence…"
    if noun is None or noun.i > verb.i:
        return None
    lost = "neg" in children and noun.i + 1 == children["neg"].i
    if noun.pos_ not in ("NOUN", "PROPN") and not lost:
        return None
    if noun.head.i != verb.i and not lost and noun.dep_ not in ("ROOT", "appos", "dep", "npadvmod"):
        return None  # a noun another verb governs
    return noun


def _before_not(negation: Token) -> Token | None:
    """The word right before a note's "not", when the parser lost its noun ("runbook/VB not
    followed"): read as the noun it is."""
    if negation.i == 0 or negation.i + 1 != negation.head.i:
        return None
    word = negation.doc[negation.i - 1]
    return word if word.is_alpha and word.pos_ in ("NOUN", "PROPN", "VERB") else None


def _rule_not_event(verb: Token) -> bool:
    """A present or modal passive states a rule or a plan ("is skipped for hotfixes",
    "will be ignored"), not something that happened."""
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    return present or modal or hypothetical(verb)
