"""Constructions of orders aimed at people: imperatives ("remind everyone…", "don't push
late", "be more careful"), obligations put on people in general, and lessons put on one
person ("Action: Kenji to read the runbook", "have him shadow a senior"). People as the
target of a change ("retrain Bob") are in `targets`."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import TEAM_NOUNS, is_human
from blameless.language.garbled import assignee, causative
from blameless.language.lexicon import lexicon
from blameless.language.parse import (
    Found,
    lemma,
    subject_of,
    verbal,
)
from blameless.language.rulekit import Lists
from blameless.language.spans import (
    WRITERS,
    clause_end,
    opens_clause,
    phrase_start,
)
from blameless.language.wording import is_word

_IN_GENERAL = lexicon().words("people_in_general")
_MODALS_OF_DUTY = frozenset({"must", "should", "need", "ought", "to"})  # "have to": obliged


def imperative(sentence: Span, lists: Lists) -> Iterator[Found]:
    """An order to people: "Remind everyone…", "Don't push late", "Be more careful"."""
    for word in sentence:
        if not is_word(word, lists.words):
            continue
        single = word.lower_ in lists.words  # not the start of "double-check"
        if word.dep_ == "amod" and word.head.pos_ == "NOUN" and single and not _more(word):
            continue  # "note the careful work of…" praises; "give more strict instructions" asks
        verb = word if word.pos_ in ("VERB", "AUX") else word.head
        if word.dep_ in ("acomp", "advmod", "dobj", "aux", "neg") and word.head.pos_ in (
            "VERB",
            "AUX",
        ):
            verb = word.head
        for _ in range(2):  # "give the joiners more strict instructions": up to "give"
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        told = lists.wanted == "person"
        particular = told and bool(lists.objects)
        caused = particular and causative(word, sentence)  # "Have the on-call engineer shadow/NN…"
        if caused:
            verb = word
        elif told and (word.i != verb.i or not (verbal(word) or _clausal(word))):
            continue  # an obligation is a verb put on someone: not "add monitoring"
        if told and _inquiry(verb):
            continue  # "reviewers should ask what made the action look right": a question
        # A lesson on a named thing ("read the runbook", "redo the course") may be put on
        # one person too: "Kenji to read the upgrade runbook", "have him shadow a senior".
        last = sentence.end - 1 if caused else max(t.i for t in verb.subtree)
        scope = sentence.doc[verb.i : last + 1]
        if particular and not lists.objects_in(scope.text):
            continue
        if caused:
            yield Found(word, None, word, clause_end(word))
        elif _ordered(verb, sentence, told, lists.writers, particular):
            yield Found(word, None, min(verb, word, key=lambda t: t.i), clause_end(verb))


def _more(word: Token) -> bool:
    """ "more careful", "stricter": a change asked for, not a quality praised."""
    more = ("more", "extra", "greater")
    return word.tag_ == "JJR" or any(c.lower_ in more for c in word.children)


def _clausal(word: Token) -> bool:
    """A word the tagger made a noun that has a subject and an object: a verb ("Have Dmitri
    shadow/NN a senior")."""
    deps = {c.dep_ for c in word.children}
    return {"nsubj", "dobj"} <= deps


def _inquiry(verb: Token) -> bool:
    """ "ask what/why/how…": asking a question, which is how a review learns, not a duty
    of care."""
    return lemma(verb) == "ask" and any(
        c.dep_ == "ccomp" and next(c.subtree).tag_ in ("WP", "WRB", "WDT") for c in verb.children
    )


def _ordered(
    verb: Token, sentence: Span, told: bool = False, writers: bool = False, particular: bool = False
) -> bool:
    """An imperative, or a person told what to do ("Engineers must…", "Luis to retake…");
    with `told`, only the second: "check the dashboard" is an order to no one in particular.
    With `writers`, the writers' own duties count ("we must be more careful"); with
    `particular`, duties of one person do too ("Kenji to read the runbook")."""
    if talked_about(verb):
        return False  # "Telling engineers to be careful is not a solution"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        # "…that aren't marked or don't have…"
        return _ordered(verb.head, sentence, told, writers, particular)
    named = assignee(verb)
    subject = named or subject_of(verb) or _controller(verb)
    if subject is not None and subject.i + 1 < len(subject.doc) and subject.nbor(1).text == ":":
        subject = None  # "Lesson: pay closer attention…": a label, not who is told
    if subject is not None and subject.i < verb.i and _labelled(verb) and not told:
        subject = None  # "posting this so it sinks in: be vigilant…": the label's own clause
    auxes = [c for c in verb.children if c.dep_ in ("aux", "neg")]
    if subject is None:
        if told:
            return False
        lead = [  # "Do not…", "Always…", "Please…"
            c
            for c in verb.children
            if (c.dep_ in ("aux", "neg", "advmod") or c.lower_ == "please") and c.i < verb.i
        ]
        first = min([verb, *lead], key=lambda t: t.i)
        after_label = any(t.text == ":" and t.i < verb.i for t in sentence)
        if any(t.tag_ in ("VBD", "VBZ") for t in lead):
            return False  # "did not", "does not": a statement, not an order
        return verb.tag_ in ("VB", "VBP") and (opens_clause(first) or after_label)
    if subject.lower_ in WRITERS and not writers:
        return False  # "I need to update it", "we must add…": the writers' own plans
    if _vocative(subject, verb, auxes):
        return True  # "Everyone please be more careful…": people called on, then told
    if told and not particular and not _people_in_general(subject):
        return False  # "the error tracking team should monitor X": a team's task
    own = any(c.i == subject.i for c in verb.children) or subject is named
    # the writers' promise or request: "we will…", "can we all just be more careful"
    modals = _MODALS_OF_DUTY | ({"will", "'ll", "’ll", "can", "could"} if writers else set())
    duties = [a for a in auxes if a.i != subject.i and a.lower_ in modals]
    # "Luis to retake…", also under a label ("Action: Kenji to read…"), assigns work; in
    # "Tomasz forgot to renew…" the "to" only links verbs
    assigned = own and (verb.dep_ == "ROOT" or named is not None) and (particular or not told)
    duties = [a for a in duties if a.lower_ != "to" or assigned]
    # "X needs to…", "we need folks to be…", and a modal read as the verb ("must to be")
    obliged = verb.dep_ in ("xcomp", "ccomp") and (
        lemma(verb.head) in _OBLIGING or verb.head.tag_ == "MD"
    )
    # a causative read as an auxiliary ("Have him shadow a senior"), the writers' "going to"
    obliged |= any(a.lower_ in ("have", "make") and a.i < subject.i for a in auxes)
    obliged |= writers and verb.dep_ == "xcomp" and verb.head.lower_ in ("going", "gonna")
    needs = lemma(verb) == "need" and any(c.dep_ == "xcomp" for c in verb.children)
    if duties or obliged or needs:
        mine = writers and (subject.lower_ in WRITERS or _of_us(subject))  # "all of us"
        return mine or is_human(subject, proper_nouns=True, agent_slot=True)
    return False


# Heads that put a duty on their clause's subject: "X needs to…", "I expect everyone to
# triple-check…", "make sure wei double-checks…".
_OBLIGING = frozenset({"need", "have", "ought", "require", "expect", "ensure", "make", "sure"})


def _controller(verb: Token) -> Token | None:
    """Who a passive duty binds: "Operators are expected to read…", "staff are required to
    sign…" (the passive's subject is who must act)."""
    head = verb.head
    if verb.dep_ != "xcomp" or lemma(head) not in _BINDING:
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


# Heads of a passive duty: the obliging ones, and those that tell someone to act.
_BINDING = _OBLIGING | {"ask", "tell", "instruct", "oblige", "obligate", "suppose", "remind"}


def _of_us(subject: Token) -> bool:
    """ "all of us", "each of you": a partitive of the writers or readers."""
    return any(
        p.lower_ in ("us", "you")
        for prep in subject.children
        if prep.lower_ == "of"
        for p in prep.children
    )


def _labelled(verb: Token) -> bool:
    """A bare verb right after a colon ("lesson learned: triple-check the cluster name")."""
    lead = [c for c in verb.children if c.i < verb.i and c.dep_ in ("amod", "advmod", "punct")]
    first = min([verb, *lead], key=lambda t: t.i)
    return verb.tag_ == "VB" and first.i > 0 and first.nbor(-1).text == ":"


def _vocative(subject: Token, verb: Token, auxes: list[Token]) -> bool:
    """The "subject" of a bare verb is who is called on: "everyone pls be careful"."""
    if auxes or not (verb.tag_ == "VB" or verb.lower_ == "be") or subject.lower_ in WRITERS:
        return False
    between = subject.doc[subject.i + 1 : verb.i]
    if subject.i > verb.i or not opens_clause(phrase_start(subject)):
        return False  # who is called on opens the line: "Everyone, please be…"
    if any(t.pos_ not in ("PUNCT", "INTJ") and t.lower_ not in ("pls", "plz") for t in between):
        return False  # only a comma or a "please" between them
    return _people_in_general(subject) or is_human(subject, proper_nouns=True, agent_slot=True)


def talked_about(verb: Token) -> bool:
    """The clause is the subject of another: a practice talked about ("Firing the engineer
    removes…", "Telling engineers to be careful is not a solution")."""
    if verb.dep_ in ("relcl", "acl") and any(
        c.dep_ == "det" and c.lower_ == "no" for c in verb.head.children
    ):
        return True  # "a postmortem is no place to punish anybody"
    token = verb
    for _ in range(4):
        if token.dep_ in ("csubj", "csubjpass") or (
            token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass")
        ):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _people_in_general(subject: Token) -> bool:
    """ "engineers", "every engineer", "everyone", "all reviewers": a rule for people."""
    if subject.lower_ in _IN_GENERAL:
        return True
    determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "predet")}
    if determiners & {"every", "each", "all", "any"}:
        return True
    return subject.tag_ in ("NNS", "NNPS") and not determiners and subject.lower_ not in TEAM_NOUNS
