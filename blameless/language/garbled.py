"""Clauses read from the words where the parser garbled them: small models hang a name on
a label, make a verb a noun, or flatten a clause into one noun phrase. Each reader takes
only what the words themselves settle: a person's phrase, the act after it, its object."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from blameless.language.agents import is_handle, is_human
from blameless.language.parse import REAL_AUXILIARIES
from blameless.language.spans import opens_clause


def doer_from_words(
    verb: Token, sentence: Span, is_doer: Callable[[Token], bool]
) -> tuple[Token | None, list[Token]]:
    """A clause the parser garbled, read from the words: a person's phrase, a past act, and
    what it was done to ("A former administrator at the hospital erased/amod patient
    records/pobj"). The phrase ends at any verb, conjunction or clause mark, so "the script
    the admin wrote erased…" names no one; an auxiliary, a modal or "to" before the act
    makes it no finished act of the phrase's."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBN") or verb.i == sentence.start:
        return None, []
    if doc[verb.i - 1].lemma_ in ("be", "have", "get") or doc[verb.i - 1].tag_ in ("MD", "TO"):
        return None, []
    done_to = []
    for token in doc[verb.i + 1 : min(sentence.end, verb.i + 6)]:
        if token.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"):
            break
        done_to.append(token)
    start = verb.i
    while start > max(sentence.start, verb.i - 8):
        before = doc[start - 1]
        if before.pos_ in _CLAUSE_WORDS or before.text in _CLAUSE_MARKS:
            break
        start -= 1
    # the phrase's head: its last noun before any preposition ("a change in Google Groups")
    head = None
    for token in doc[start : verb.i]:
        if token.pos_ == "ADP":
            break
        if token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and is_doer(token)):
            head = token  # (a role the tagger made an adjective: "a technician/JJ erased")
    if head is None or not done_to or not is_doer(head):
        return None, done_to
    return head, done_to


_CLAUSE_WORDS = frozenset({"VERB", "AUX", "SCONJ", "CCONJ", "PRON"})
_CLAUSE_MARKS = frozenset({",", ";", ":", "—", "–", "(", ")", "-"})


def assignee(verb: Token) -> Token | None:
    """Who a labelled assignment names, read from the words since parsers hang the name
    anywhere: "Action: Priya to read the runbook", "AI-3: the new hire to redo the course"."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i != verb.i - 1 or to.i == 0 or verb.dep_ == "xcomp":
        return None  # "X needs to read" is no assignment under a label
    start = to.i
    while start > 0 and to.i - start < 6 and naming(to.doc[start - 1]):
        start -= 1
    named = to.nbor(-1)
    if start == to.i or start == 0 or to.doc[start - 1].text != ":":
        return None
    phrase = to.doc[start : to.i]
    return named if any(is_human(t, proper_nouns=True, agent_slot=True) for t in phrase) else None


def naming(token: Token) -> bool:
    """A word a name, a handle or a role is spelled with: "the on-call engineer", "@k.smith"."""
    if (
        is_handle(token)
        or token.text.startswith("@")
        or (token.text[:1].isupper() and token.is_alpha)
    ):
        return True  # a handle, a name whatever its tag ("Amir"/VB, "Will"/MD)
    if token.pos_ == "PUNCT":
        return token.text in ("-", ".", "@")
    if token.tag_ == "POS":
        return True  # "the vendor's staff"
    return token.pos_ in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "X", "SYM")


def causative(word: Token, sentence: Span) -> bool:
    """A causative read from the words, as parsers garble it: "have/make" opening the clause,
    then a person, then the act ("Have the on-call engineer shadow a senior")."""
    before = list(word.doc[max(sentence.start, word.i - 6) : word.i])
    causer = next((t for t in before if t.lower_ in ("have", "make", "had", "made")), None)
    if causer is None or not opens_clause(causer):
        return False
    people = [t for t in word.doc[causer.i + 1 : word.i] if naming(t)]
    named = [t for t in people if is_human(t, proper_nouns=True, agent_slot=True)]
    return bool(named) and len(people) == word.i - causer.i - 1


def act_after(thing: Token, sentence: Span, is_act: Callable[[Token], bool]) -> Token | None:
    """The past act a person's thing did, read from the words where the parser lost the
    subject: "marisol's terraform apply/VBP destroyed the prod bastion". Only the words of
    the thing's own name may come between, and the act must reach something after it."""
    doc = thing.doc
    for token in doc[thing.i + 1 : min(sentence.end - 1, thing.i + 4)]:
        if token.tag_ == "VBD" and is_act(token):
            reached = doc[token.i + 1]
            return token if reached.pos_ in ("DET", "NOUN", "PROPN", "ADJ", "NUM") else None
        named = token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") or token.text == "-"
        if not named and (token.pos_ != "AUX" or token.lemma_ in REAL_AUXILIARIES):
            return None  # (a name's word read as an auxiliary, "apply/VBP", may stand)
    return None
