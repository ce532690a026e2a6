"""Constructions of orders aimed at people: imperatives ("remind everyone…", "don't push
late", "be more careful"), obligations put on people in general, and people as the
target of a change ("retrain Bob", "the engineer was let go")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import TEAM_NOUNS, is_human
from blameless.language.lexicon import lexicon
from blameless.language.names import SYSTEM_NOUNS
from blameless.language.parse import (
    Found,
    lemma,
    negated,
    patient_of,
    subject_of,
    verbal,
)
from blameless.language.rulekit import Lists
from blameless.language.spans import (
    WRITERS,
    clause_end,
    last_word,
    opens_clause,
    owners_of,
    phrase_start,
)
from blameless.language.vocabulary import technical_names
from blameless.language.wording import is_word

_IN_GENERAL = lexicon().words("people_in_general")
_MODALS_OF_DUTY = frozenset({"must", "should", "need", "ought", "to"})  # "have to": obliged


def imperative(sentence: Span, lists: Lists) -> Iterator[Found]:
    """An order to people: "Remind everyone…", "Don't push late", "Be more careful"."""
    for word in sentence:
        if not is_word(word, lists.words):
            continue
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
        if told and (word.i != verb.i or not verbal(word)):
            continue  # an obligation is a verb put on someone: not "add monitoring"
        if _ordered(verb, sentence, told=told, writers=lists.writers):
            yield Found(word, None, min(verb, word, key=lambda t: t.i), clause_end(verb))


def _ordered(verb: Token, sentence: Span, told: bool = False, writers: bool = False) -> bool:
    """An imperative, or a person told what to do ("Engineers must…", "Luis to retake…");
    with `told`, only the second: "check the dashboard" is an order to no one in particular.
    With `writers`, the writers' own duties count ("we must be more careful")."""
    if _topic(verb):
        return False  # "Telling engineers to be careful is not a solution"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _ordered(verb.head, sentence, told, writers)  # "…that aren't marked or don't have…"
    subject = subject_of(verb)
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
    if told and not _people_in_general(subject):
        return False  # "the error tracking team should monitor X": a team's task
    own = any(c.i == subject.i for c in verb.children)
    # the writers' promise or request: "we will…", "can we all just be more careful"
    modals = _MODALS_OF_DUTY | ({"will", "'ll", "’ll", "can", "could"} if writers else set())
    duties = [a for a in auxes if a.i != subject.i and a.lower_ in modals]
    # "Luis to retake…" assigns work; in "Tomasz forgot to renew…" the "to" only links verbs
    duties = [a for a in duties if a.lower_ != "to" or (own and verb.dep_ == "ROOT" and not told)]
    # "X needs to…", "we need folks to be…", and a modal read as the verb ("must to be")
    obliged = verb.dep_ in ("xcomp", "ccomp") and (
        lemma(verb.head) in _OBLIGING or verb.head.tag_ == "MD"
    )
    needs = lemma(verb) == "need" and any(c.dep_ == "xcomp" for c in verb.children)
    if duties or obliged or needs:
        mine = writers and (subject.lower_ in WRITERS or _of_us(subject))  # "all of us"
        return mine or is_human(subject, proper_nouns=True, agent_slot=True)
    return False


# Heads that put a duty on their clause's subject: "X needs to…", "I expect everyone to
# triple-check…", "make sure wei double-checks…".
_OBLIGING = frozenset({"need", "have", "ought", "require", "expect", "ensure", "make", "sure"})


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


def _topic(verb: Token) -> bool:
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


def target(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person as what gets changed: "retrain Bob", "the engineer was let go"."""
    for verb in sentence:
        if not is_word(verb, lists.words):
            continue
        if not verbal(verb) or verb.dep_ == "compound":
            yield from _misparsed_order(verb, sentence, lists)
            continue
        people = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
        owners = [owner for t in people for owner in owners_of(t)]
        people += [  # "have a conversation with Tariq"; not "access to Google Workspace"
            p
            for d in list(people)
            for prep in d.children
            if prep.dep_ == "prep"
            and prep.lower_ in ("with", "to")
            and not (prep.lower_ == "to" and lists.has_object(d))
            for p in prep.children
            if p.dep_ == "pobj"
        ]
        patient = patient_of(verb)
        if patient is not None:
            people.append(patient)  # "the staff would … be reminded of protocols"
        if _topic(verb) or (verb.tag_ == "VBG" and verb.dep_ == "pcomp"):
            continue  # "Firing the engineer removes…", "rather than blaming the operator"
        people += [  # "hold a technician/JJ accountable/JJ": the person under a misread object
            c for t in people if t.pos_ in ("ADJ", "VERB") for c in t.children
        ]
        people += [
            p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        if lists.objects:  # "revoke @kwame's access": the person owns what is taken away
            people += owners
        people += [  # small clauses: "hold X accountable", "make X attend"
            c
            for t in verb.children
            if t.dep_ in ("ccomp", "xcomp")
            for c in [*t.children, subject_of(t)]
            if c is not None and c.dep_ in ("nsubj", "npadvmod", "dep", "aux")
        ]
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        acted_on = sentence.text if passive else sentence.doc[verb.i : sentence.end].text
        if lists.objects and not lists.objects_in(acted_on):
            continue  # "revoke X's access", "X's access has been revoked"
        doer = subject_of(verb)
        if doer is not None and _tool(doer):
            continue  # "the bot reminds the on-call": automation, not a people fix
        if passive and doer is not None and not is_human(doer, agent_slot=True):
            continue  # "the team's access was revoked by the SSO migration"
        if any(c.lower_ in ("automatically", "programmatically") for c in verb.children):
            continue  # "the account was automatically suspended": the system acted
        if any(c.lower_ in ("via", "through") for c in verb.children):
            continue
        person = next((t for t in people if lists.agent(t)), None)
        talk = lemma(verb) in ("talk", "speak")
        if person is not None and talk and (_group(person) or not _about_conduct(verb)):
            continue  # "talk to Priya about the migration plan": coordination, not a talking-to
        if person is not None and not negated(verb):
            yield Found.spanning(verb, person, phrase_start(person), clause_end(verb), person)


def _group(person: Token) -> bool:
    forms = {person.lower_, person.lemma_.lower()}
    return bool(forms & TEAM_NOUNS) or person.tag_ in ("NNS", "NNPS")


def _about_conduct(verb: Token) -> bool:
    """A talk about how someone works ("about testing changes first", "about her way of
    approving"), with one person, not a team: "talk to the storage team about quotas"."""
    topics = [
        t
        for about in verb.subtree
        if about.lower_ in ("about", "re") and about.i > verb.i
        for t in about.children
        if t.dep_ in ("pobj", "pcomp")
    ]
    return any(t.tag_ == "VBG" or t.lemma_ in _CONDUCT for t in topics)


_CONDUCT = frozenset({"way", "behaviour", "behavior", "conduct", "habit", "attitude", "importance"})


# Software, documents and practices that remind or warn people by design.
_TOOLS = lexicon().words("tool_nouns") | SYSTEM_NOUNS


def _tool(doer: Token) -> bool:
    """The doer is software or a document, not a person, team or organisation."""
    words = {doer.lower_, lemma(doer)}
    return bool(words & _TOOLS) or doer.lower_ in technical_names()


def _misparsed_order(word: Token, sentence: Span, lists: Lists) -> Iterator[Found]:
    """A sentence-initial order the tagger read as a name ("Retrain Luis on…"): the word
    opens the sentence and a person follows within a few words."""
    if not opens_clause(word):
        return
    if lists.objects and not lists.objects_in(sentence.text):
        return
    for other in word.doc[word.i + 1 : min(sentence.end, word.i + 5)]:
        if lists.agent(other):
            yield Found.spanning(word, other, last_word(other))
            return
