"""The construction of people as the target of a change: "retrain Bob", "the engineer was
let go", "revoke @kwame's access", and a talking-to ("had a word with Gareth")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import ROLE_NOUNS, TEAM_NOUNS, is_handle, is_human
from blameless.language.lexicon import lexicon
from blameless.language.names import SYSTEM_NOUNS, aux_as_name
from blameless.language.orders import talked_about
from blameless.language.parse import Found, lemma, negated, patient_of, subject_of, verbal
from blameless.language.prefilter import Prefilter
from blameless.language.rulekit import Lists
from blameless.language.spans import clause_end, last_word, opens_clause, owners_of, phrase_start
from blameless.language.vocabulary import technical_names
from blameless.language.wording import is_word


def target(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A person as what gets changed: "retrain Bob", "the engineer was let go"."""
    for verb in sentence:
        if not is_word(verb, lists.words):
            continue
        if not verbal(verb) or verb.dep_ == "compound":
            yield from _misparsed_order(verb, sentence, lists)
            continue
        # (an object the parser made an apposition or a particle: "Retrain a contractor/appos
        # on…", "Hold alice@/prt accountable")
        people = [
            c for c in verb.children if c.dep_ in _PATIENTS or (c.dep_ == "prt" and is_handle(c))
        ]
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if passive:
            # a passive's subject the parser left loose ("@k.smith"/dep) or made a modal
            # ("Will is no longer allowed…")
            people += [c for c in verb.children if c.dep_ == "dep" and c.i < verb.i]
            people += [named] if (named := aux_as_name(verb)) is not None else []
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
        patient = patient_of(verb) or _noted_patient(verb)
        if patient is not None:
            people.append(patient)  # "the staff would … be reminded of protocols"
        if talked_about(verb) or _instead(verb):
            continue  # "Firing the engineer removes…", "rather than blaming the operator"
        people += [  # "hold a technician/JJ accountable/JJ": the person under a misread object
            c for t in people if t.pos_ in ("ADJ", "VERB") for c in t.children
        ]
        people += [
            p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
        ]
        if lists.objects:  # "revoke @kwame's access", "the privileges of the employee"
            people += owners + [
                p
                for t in verb.children
                if t.dep_ == "dobj"
                for prep in t.children
                if prep.lower_ == "of"
                for p in prep.children
            ]
        people += [  # small clauses: "hold X accountable", "make X attend"
            c
            for t in verb.children
            if t.dep_ in ("ccomp", "xcomp") or (t.dep_ == "advcl" and t.pos_ == "ADJ")
            for c in [*t.children, subject_of(t)]
            if c is not None and c.dep_ in ("nsubj", "npadvmod", "dep", "aux")
        ]
        acted_on = sentence.text if passive else sentence.doc[verb.i : sentence.end].text
        if lists.objects and not lists.objects_in(acted_on):
            continue  # "revoke X's access", "X's access has been revoked"
        doer = subject_of(verb)
        if doer is not None and doer.i + 1 < verb.i and doer.nbor(1).text == ":":
            doer = None  # "AI: retrain the night shift": a label, not who does it
        if doer is not None and _tool(doer):
            continue  # "the bot reminds the on-call": automation, not a people fix
        if passive and doer is not None and not is_human(doer, agent_slot=True):
            continue  # "the team's access was revoked by the SSO migration"
        if any(c.lower_ in ("automatically", "programmatically") for c in verb.children):
            continue  # "the account was automatically suspended": the system acted
        if any(c.lower_ in ("via", "through") for c in verb.children):
            continue
        person = next((t for t in people if lists.agent(t) and not _modifier(t)), None)
        talk = is_word(verb, _TALKS)
        if person is not None and talk and not _talking_to(verb, person, sentence):
            continue  # "talk to Priya about the migration plan": coordination, not a talking-to
        if person is not None and not negated(verb):
            yield Found.spanning(verb, person, phrase_start(person), clause_end(verb), person)


_PATIENTS = frozenset({"dobj", "nsubjpass", "dative", "appos"})


def _modifier(token: Token) -> bool:
    """A role noun naming a kind of thing, not a person: "remove shared admin credentials"."""
    if token.dep_ != "compound" or token.head.i < token.i:
        return False
    return bool({token.lower_, lemma(token)} & (ROLE_NOUNS | TEAM_NOUNS))


def _noted_patient(verb: Token) -> Token | None:
    """A passive without its auxiliary, as notes write one: "Engineer retrained on the
    runbook", "user coached on proper use": a past form with a subject, no object and no
    auxiliary; its subject is who was changed."""
    named = aux_as_name(verb)  # "Will retrained…"
    deps = {c.dep_ for c in verb.children if named is None or c.i != named.i}
    if verb.tag_ not in ("VBD", "VBN") or deps & {"dobj", "dative", "aux", "xcomp", "ccomp"}:
        return None
    subject = subject_of(verb)  # (past a timestamp: "14:02 UTC — An SRE retrained…")
    return subject if subject is not None and subject.i < verb.i else None


def _instead(verb: Token) -> bool:
    """An act set aside: "rather than blaming the operator", "instead of firing…", "without
    punishing…"; not the means of a fix ("addressed by reminding the submitter")."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return False
    prep = verb.head
    leads = {prep.lower_, prep.head.lower_, *(c.lower_ for c in prep.children)}
    return bool(leads & {"than", "without", "against", "instead", "rather"})


def _group(person: Token) -> bool:
    forms = {person.lower_, person.lemma_.lower()}
    return bool(forms & TEAM_NOUNS) or person.tag_ in ("NNS", "NNPS")


def _talking_to(verb: Token, person: Token, sentence: Span) -> bool:
    """A talk with one person about how they work ("talk to Zainab about testing first";
    not "talk to the storage team about quotas"), or with anyone that ends in an assurance
    ("spoke to the team and made my expectations clear")."""
    return (_about_conduct(verb) and not _group(person)) or _TALKING_TO.search(sentence.text)


_TALKING_TO = Prefilter.of(lexicon().words("talking_to_cues"))
_TALKS = lexicon().words("talking_verbs")  # not the stern idioms: "had a word with Gareth"


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
        named = other.i == word.i + 1 and other.tag_ == "MD" and other.text[:1].isupper()
        if lists.agent(other) or named:  # (a name read as a modal: "Supervise Will during…")
            yield Found.spanning(word, other, last_word(other))
            return
