"""Human-agent detection: does this token stand for a person or a group of people?

Every language rule asks this of a subject, agent or possessor. People are found through
PERSON entities, handles and e-mail addresses, role and team nouns, human pronouns, the
configured `people`, and the parse itself for names the NER has never seen. Technical
readings ("the Kubernetes operator", replicas as "they") are told apart here, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from blameless.language.entities import entity
from blameless.language.lexicon import lexicon
from blameless.language.names import agent_position, looks_like_name
from blameless.language.vocabulary import (
    is_english_word,
)

if TYPE_CHECKING:  # the word lists and `hint` are used before spaCy is imported
    from spacy.tokens import Token

HANDLE = re.compile(r"^(?:@[\w.\-/]+|[a-z][\w.\-]*@|<@[A-Z0-9]+>?|@[A-Z0-9]{6,})$")
EMAIL = re.compile(r"^[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+$")

_LEX = lexicon()
HUMAN_PRONOUNS = _LEX.words("person_pronouns", "indefinite_people", "self_pronouns") - {
    "we",
    "us",
    "ourselves",
}
PLURAL_PRONOUNS = _LEX.words("plural_pronouns")
# The writer: first-person blame is self-blame, and "we" is collective ownership.
FIRST_PERSON = _LEX.words("self_pronouns", "self_possessives") | {"mine", "ours"}
# "Nobody made a mistake": people, but no one is blamed.
NOBODY = _LEX.words("nobody") | {"noone"}
INDEFINITE = _LEX.words("indefinite_people")
# Role and team nouns: a role is no blame shield ("the intern deleted the table").
ROLE_NOUNS = _LEX.words("roles")
TEAM_NOUNS = _LEX.words("teams")
TECHNICAL_MODIFIERS = _LEX.words("technical_modifiers")
# Parts of a system, which the NER sometimes calls people when capitalized ("because
# Cluster is still full"): never a person.

# Agents whose role noun is also a system component unless a person is meant.
AMBIGUOUS_ROLES = _LEX.words("ambiguous_roles")
# Things a write-up names in the plural ("Deploys", "Configs", "Pods"), which a
# capital makes look like names; the lemmatizer's vocabulary lacks many of them.
_THING_NOUNS = _LEX.words("change_nouns", "system_nouns", "tool_nouns")
# Days, which a capital and an agent's slot make look like names ("allowed on Fridays").
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_HUMAN_ROLE_MODIFIERS = _LEX.words("human_role_modifiers")
_PERSON_POSSESSIVES = _LEX.words("person_possessives") - {"their"}
SHIFT_TIMES = frozenset({"night", "day", "morning", "evening", "weekend", "late", "early"})
_PARTITIVES = frozenset(
    {"one", "some", "many", "several", "two", "three", "each", "most", "few", "all", "both"}
)


def human_names(people: Iterable[str]) -> frozenset[str]:
    """The configured `people`, lower-cased, as single tokens and full names."""
    names = set()
    for person in people:
        names.add(person.lower())
        names.update(part.lower() for part in person.split())
    return frozenset(names)


def is_handle(token: Token) -> bool:
    text = token.text.rstrip(".,;:!?")  # "alice@." at a sentence's end is one token
    return bool(HANDLE.match(text) or EMAIL.match(text))


def _names_a_thing(token: Token) -> bool:
    """A word capitalized only because it opens a sentence or a cell, modifying a lower-case
    common noun, names the thing: "| Config loader accepted…", "Retry storm" (but "Kofi
    team" is people, and "why didn't Amara page…" a name the tagger made a modifier)."""
    head = token.head
    if token.dep_ != "compound" or head.pos_ != "NOUN" or not head.is_lower:
        return False
    opening = token.is_sent_start or (token.i > 0 and token.nbor(-1).text in _CELL_STARTS)
    dated = token.lower_ in _SEASONS  # "why did May traffic drop?": a month, not a name
    return (opening or dated) and not (
        {head.lower_, head.lemma_.lower()} & (ROLE_NOUNS | TEAM_NOUNS)
    )


_SEASONS = frozenset({"january", "april", "may", "june", "july", "august", "summer", "autumn"})
_CELL_STARTS = frozenset({"|", ":", "-", "—", "–"})


def is_human(
    token: Token,
    people: frozenset[str] = frozenset(),
    proper_nouns: bool = False,
    agent_slot: bool = False,
) -> bool:
    """True when the token is the head of a phrase that names a person or group of people.

    `proper_nouns`: see `looks_like_name`. `agent_slot`: the caller found the token where
    only a doer fits (a subject, a by-agent, "because of X", "it was X who"), so a
    name-shaped word counts whatever the tagger and the NER made of it.
    """
    lower = token.lower_
    if lower in people or is_handle(token):
        return True
    if lower.removesuffix("s") in _WEEKDAYS or _names_a_thing(token):
        return False
    plural = token.tag_ in ("NNS", "NNPS") and token.text[:1].isupper()
    singular = token.lemma_.lower() if token.lemma_.lower() != lower else lower.rstrip("s")
    people_words = ROLE_NOUNS | TEAM_NOUNS
    thing = is_english_word(singular) or singular in _THING_NOUNS
    if plural and not {lower, singular} & people_words and thing:
        return False  # "Users on PyPI", "Emails": plural common nouns, capitalized
    slot = agent_slot or agent_position(token)
    if looks_like_name(token, proper_nouns, any_tag=proper_nouns and slot):
        return True
    if token.dep_ == "poss" and lower in _PERSON_POSSESSIVES:
        return True  # "his config push", "your change"
    if lower in _PARTITIVES:  # "one of its operators", "some of the engineers"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return any(is_human(p, people) for p in prep.children if p.dep_ == "pobj")
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "WP"):
        if lower in HUMAN_PRONOUNS:
            return True
        if lower in PLURAL_PRONOUNS:
            return antecedent_is_human(token, people)
        return False
    # The tagger sometimes leaves a plural unlemmatized ("devs"/NN): try it bare as well.
    forms = {lower, token.lemma_.lower(), singular}
    # "Team B", "Squad 7", "the ops lead", "a support team member"; not "a security incident"
    named = token.pos_ == "PROPN" or token.like_num or len(token.text) <= 2
    if (named or forms & ROLE_NOUNS) and any(
        c.dep_ == "compound" and c.lower_ in TEAM_NOUNS for c in token.children
    ):
        return True
    if singular == "shift" and any(c.lower_ in SHIFT_TIMES for c in token.children):
        return True  # "the night shift": its people, not "a shift in traffic"
    if forms & TEAM_NOUNS:
        # A team is people whatever its name ("the QA team", "the Postgres team").
        return token.dep_ != "compound"
    if forms & ROLE_NOUNS:
        return _role_is_human(token)
    return _hyphenated_role(token)


def _role_is_human(token: Token) -> bool:
    # Only a role noun that also names software turns technical with a modifier: a
    # "network engineer" or a "database lead" is a person, "the Kubernetes operator" is not.
    if token.lemma_.lower() not in AMBIGUOUS_ROLES and token.lower_ not in AMBIGUOUS_ROLES:
        return True
    if _technical_compound(token):
        return False
    bare = not any(c.dep_ in ("compound", "nmod") for c in token.children)
    if token.tag_ == "NNS" and bare:
        return True  # "operators need to…", "one of its operators"
    # "the operator" is a person; "the cert-manager operator" or "the database operator" is
    # software: any naming modifier but a human one makes it software.
    modifiers = [c for c in token.children if c.dep_ in ("compound", "nmod")]
    if any(c.lower_ not in _HUMAN_ROLE_MODIFIERS for c in modifiers):
        return False
    if modifiers:
        return True  # "night shift supervisor overrode…": notes drop the article
    return any(child.dep_ in ("det", "amod", "poss") for child in token.children) or (
        token.dep_ == "poss"
    )


def _technical_compound(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod") and (
            child.lower_ in TECHNICAL_MODIFIERS or (child.pos_ == "PROPN" and not child.is_title)
        ):
            return True
        if (
            child.dep_ == "compound"
            and child.pos_ == "PROPN"
            and entity(child) in ("ORG", "PRODUCT")
        ):
            return True
    return False


def _hyphenated_role(token: Token) -> bool:
    """'on-call' is split by the tokenizer: take "call" in "on - call" as the role."""
    if token.lower_ not in ("call", "caller"):
        return False
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ == "on"


def antecedent_is_human(token: Token, people: frozenset[str] = frozenset()) -> bool:
    """Resolve "they" to the nearest earlier subject within the last sentences.

    Subjects are the likeliest antecedents: "Kofi ran the script, and they wiped…" is
    Kofi; "the replicas failed to elect a leader; they kept restarting" is the replicas.
    """
    doc = token.doc
    window = doc[max(0, token.i - 40) : token.i]
    for candidate in reversed(window):
        if candidate.is_ancestor(token):
            continue  # "one of them": the phrase holding the pronoun is no antecedent of it
        if candidate.dep_ in ("nsubj", "nsubjpass") and candidate.lower_ not in PLURAL_PRONOUNS:
            return is_human(candidate, people)
    # No subject before it ("Question for the reviewers: why did they…"): a plural noun.
    for candidate in reversed(window):
        if candidate.tag_ in ("NNS", "NNPS") or candidate.lower_ in TEAM_NOUNS:
            return is_human(candidate, people)
    return False
