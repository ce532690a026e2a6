"""A cause label and then a person, read from the words rather than the parse, which
rarely makes sense of notes: "root cause = @kwabena, he pushed…", "Main reason of
failure is Hyun-woo, he restarted…", "root cause is literally @tariq running migrate…",
"Contributing factor: Sione's wipe of the live bucket" (a possessor is read as an agent
there). A note's equation of an outcome with a person: "the 502s were on Amir",
"Spike in 5xx ← Jun's feature flag flip", "cormac + his quick fix = 4h outage". And an
outcome heading a note, then who did what: "Checkout down — Ibrahim pushed config…".
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import ROLE_NOUNS, TEAM_NOUNS, is_human
from blameless.language.lexicon import lexicon
from blameless.language.parse import Found, hypothetical, lemma, negated, past_form, subject_of
from blameless.language.rulekit import Lists
from blameless.language.sequels import relieves
from blameless.language.spans import (
    WRITERS,
    clause_end,
    head_noun,
    last_word,
    opens_clause,
    quoted_tokens,
)
from blameless.language.vocabulary import is_english_word, word_names
from blameless.language.wording import is_word

# What joins the label to what it names: a colon, an equals sign or an arrow, or a copula.
_MARKS = frozenset({":", "=", "->", "=>", "→", "-", "–", "—", "|"})
_LINKS = _MARKS | {"is", "was", "'s", "’s"}
# Words a writer puts between the link and the name: "is literally @tariq", "was clearly X".
_HEDGES = frozenset(
    {"literally", "simply", "just", "clearly", "obviously", "basically", "probably", "honestly"}
)
# What may stand between the label and its link: "of (the) failure", "for this incident".
# Or a finding's state or number: "Root cause confirmed:", "Contributing factor #1:", and the
# "by" of "Caused by:".
_LABEL_TAIL = frozenset(
    {"of", "for", "behind", "the", "this", "that", "our", "whole", "entire", "per", "according"}
    | {"confirmed", "identified", "found", "determined", "established", "#", "by"}
)
_MODIFIERS = frozenset({"ADJ", "NUM", "DET"})
_LABEL_HEADS = frozenset(
    {"cause", "culprit", "reason", "factor", "source", "root", "rca", "driver", "party"}
    | {"analysis", "offender", "villain", "trigger", "person"}
)


def label(sentence: Span, lists: Lists) -> Iterator[Found]:
    """A cause label, its link, then a person or a person's thing: the label names them."""
    doc = sentence.doc
    for word in sentence:
        if lemma(word) not in _LABEL_HEADS or not is_word(_label_start(word), lists.words):
            continue
        if word.tag_.startswith("VB") and not _opens_note(word):
            continue  # "was not caused by Seo-yeon's change": a sentence, not a label
        link = _link_after(word, sentence)
        if link is None or negated(link):
            continue  # "the cause was not Ana": no link, or one that denies it
        after = doc[link.i + 1 : min(sentence.end, link.i + 6)]
        first = next((t for t in after if t.lower_ not in _HEDGES and t.pos_ != "DET"), None)
        if first is None or lemma(first) in ("that", "when", "how", "why", "because"):
            continue  # "the reason was that the cache…": a clause, about whatever it says
        # the head of the phrase named: "the new hire", "the network team", "one admin"
        named = next((t for t in after if t.i >= first.i and t.pos_ not in _MODIFIERS), first)
        named = named if lists.agent(named) else head_noun(named)  # "Hyun-woo" stays whole
        named = named if lists.agent(named) else _maker(named)  # "a change by Erik J."
        if named.i == first.i and _common_word(named) and link.lower_ in _MARKS:
            continue  # "Root cause: Config loader accepted…": a cell's capital, not a name
        if link.lower_ in _MARKS and lemma(word) == "reason":
            continue  # "Reason: Ana asked for it", a change request's field
        rest = _phrase(doc[named.i + 1 : sentence.end])  # not "(see his push)", an aside
        verb = next((t for t in rest if t.pos_ == "VERB"), None)
        if verb is not None and lists.cancels(verb) and not _amiss(verb):
            continue  # "Root cause: Alice's investigation found that…": credit, not a cause
        if lists.agent(named):
            start = _label_start(word)  # the anchor: "contributing factor" from its start
            yield Found.spanning(start, named, last_word(named))
            return


_AMISS = lexicon().words("wrong_words", "error_markers")


def _amiss(verb: Token) -> bool:
    """A remedy's verb done wrong: "Trigger: Hannah reverted the wrong commit"."""
    return any(t.lower_ in _AMISS for t in verb.subtree if t.i > verb.i or t.dep_ == "advmod")


def _common_word(token: Token) -> bool:
    """A capitalized ordinary word that is no first name and no people word: "Config",
    "Retry"; not "Will", not "Ops"."""
    forms = {token.lower_, lemma(token)}
    if forms & (word_names() | ROLE_NOUNS | TEAM_NOUNS):
        return False
    return token.is_title and is_english_word(token.lower_)


def _opens_note(word: Token) -> bool:
    """ "Caused by: …" opens a note or a table cell, as a label does."""
    return word.is_sent_start or word.nbor(-1).text in ("|", "-", "*") or opens_clause(word)


def _label_start(word: Token) -> Token:
    """ "root cause", "main reason": from the label's first word."""
    first = word
    while (
        first.i > 0 and first.nbor(-1).dep_ in ("amod", "compound") and first.nbor(-1).head == word
    ):
        first = first.nbor(-1)
    return first


def _link_after(word: Token, sentence: Span) -> Token | None:
    """The link within a few words after the label ("of failure is", "for this incident:")."""
    doc = sentence.doc
    for token in doc[word.i + 1 : min(sentence.end, word.i + 6)]:
        if token.lower_ in _LINKS:
            return token
        if token.lower_ not in _LABEL_TAIL and token.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return None  # ("Root cause per L2:", "Finding 3:")
    return None


def _maker(thing: Token) -> Token:
    """Who made the thing a label names: "Reason for outage: a change by Erik Johansson"."""
    for prep in thing.subtree:  # "deletion of the bucket policy by Dariusz"
        if prep.dep_ == "prep" and prep.lower_ == "by":
            return next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), thing)
    return thing


# Links a note writes between an outcome and who caused it. Arrows point either way in
# notes ("DB slowness -> Giulia's query", "X's change -> CDN overload"), so the person's side
# must hold a person's thing; "=" and "were on/from" may name the person alone.
_ARROWS = frozenset({"->", "→", "=>", "<-", "←"})
_EQUALS = frozenset({"="})
_ON = frozenset({"on", "from"})  # after a copula: "the 502s were on Amir", "is from Kofi"


def equation(sentence: Span, lists: Lists) -> Iterator[Found]:
    """An outcome (`words`) and a person joined by a note's link, in either order."""
    doc = sentence.doc
    quoted = quoted_tokens(sentence)
    for link in sentence:
        on = link.lower_ in _ON and link.i > sentence.start and lemma(link.nbor(-1)) == "be"
        width = _arrow(link, sentence)
        if not (on or width or link.text in _EQUALS):
            continue
        before = _phrase(doc[max(sentence.start, link.i - 6) : link.i], backwards=True)
        after = _phrase(doc[link.i + max(width, 1) : min(sentence.end, link.i + 10)])
        sides = [(before, after)] if on else [(before, after), (after, before)]
        for outcomes, people in sides:
            outcome = next((t for t in outcomes if is_word(t, lists.words)), None)
            person = _named(people, owned=bool(width), lists=lists)
            if outcome is None or person is None or any(_remedy(t, quoted, lists) for t in people):
                continue  # ("outage -> Ana's rollback fixed it": a remedy)
            yield Found.spanning(outcome, person, person)  # from one side to the other
            return


def _phrase(words: Span, backwards: bool = False) -> list[Token]:
    """A side of a link up to the nearest clause break: "the reindex storm is from Kofi, he
    kicked off…" names Kofi, and what follows the comma is another clause."""
    tokens = list(reversed(words)) if backwards else list(words)
    side = []
    for token in tokens:
        if token.text in (",", ";", ":", "—", "–", "(", ")"):
            break
        side.append(token)
    return list(reversed(side)) if backwards else side


def _possessor(token: Token) -> bool:
    """The person's phrase ends in a possessive: "Jun's", "Zhang Wei's", "Seo-yeon's", "the
    on-call engineer's"."""
    if token.tag_ == "PRP$":
        return True  # "his feature flag flip"
    for word in token.doc[token.i + 1 : min(len(token.doc), token.i + 5)]:
        if word.tag_ == "POS" or word.text in ("'s", "’s"):
            return True  # (whatever the tagger made of "'s" after a misread "Will")
        if word.pos_ not in ("PROPN", "NOUN", "ADJ") and word.text != "-":
            return False
    return False


def _arrow(token: Token, sentence: Span) -> int:
    """How many tokens an arrow spans here (0: none): "→", or "->"/"<-" split in two."""
    if token.text in _ARROWS:
        return 1
    if token.i + 1 >= sentence.end or token.whitespace_:
        return 0
    return 2 if (token.text + token.nbor(1).text) in _ARROWS else 0


def _remedy(token: Token, quoted: set[int], lists: Lists) -> bool:
    """A remedy or a response on the person's side: "Ana's rollback fixed it", "Ana rolled
    back", "Ana's page woke the DBA" (`unless`); not a scare-quoted "quick fix"."""
    if token.i in quoted:
        return False
    return lists.cancels(token) or lemma(token) in ("rollback", "revert")


def _named(side: list[Token], owned: bool, lists: Lists) -> Token | None:
    """The person a side of a link names (its first person, before any "per"/"by" that
    names a source), or with `owned` only a person's thing ("Jun's feature flag flip")."""
    for token in side:
        if token.lower_ in ("per", "by", "says", "said"):
            return None
        misread = token.text[:1].isupper() and token.lower_ in word_names()  # "Will's flip"
        if not (lists.agent(token) or (misread and _possessor(token))):
            continue
        return token if not owned or _possessor(token) else None
    return None


# What joins a note's heading outcome to the act after it.
_HEADLINE_LINKS = frozenset(mark.strip() for mark in lexicon().words("headline_marks"))
_MODIFYING = frozenset({"compound", "amod", "nmod"})


def headline(sentence: Span, lists: Lists) -> Iterator[Found]:
    """An outcome (`words`) heading a note, then a person's finished act: "[SEV1] Checkout
    down — Ibrahim pushed config to prod during the freeze", "SEC-42 Data exposure: intern
    made the bucket public". Not a response ("Outage — Ana paged the DBA")."""
    doc = sentence.doc
    for link in sentence:
        if link.text not in _HEADLINE_LINKS or link.i == sentence.start or _arrow(link, sentence):
            continue  # (an arrow is the equation's: "errors spike -> Ana's page woke the DBA")
        if link.text in ("-", "–") and not doc[link.i - 1].whitespace_:
            continue  # a hyphen inside a word: "Seo-yeon"
        heading = _phrase(doc[max(sentence.start, link.i - 8) : link.i], backwards=True)
        # the heading's own outcome, not a word that modifies another ("Incident review:")
        outcome = next(
            (t for t in heading if is_word(t, lists.words) and t.dep_ not in _MODIFYING), None
        )
        after = doc[link.i + 1 : min(sentence.end, link.i + 7)]
        act = next((t for t in after if t.pos_ == "VERB" or _main_aux(t)), None)
        if outcome is None or act is None:
            continue
        # An act in the pluperfect explains an outcome told before it, whatever that clause
        # holds ("the cluster was already down; the night operator had drained…"); other
        # acts only follow a note's bare heading.
        explains = _pluperfect(act)
        particle = outcome.dep_ in ("prt", "advmod") and outcome.head.i < outcome.i
        misread = outcome.head if particle else None  # "Checkout/VB down/prt —": no clause
        clause = any(t.pos_ == "VERB" and t not in (outcome, misread) for t in heading)
        # (a note's heading opens the line, as the frame's `leading` says: "…the root cause of
        # the regression, and the team…" runs on from a clause before it)
        opens = bool(heading) and (heading[0].i - sentence.start <= 2 or opens_clause(heading[0]))
        if not opens or ((clause or link.text == ";") and not explains):
            continue  # the heading is a clause of its own, not a note's outcome
        if not (explains or (past_form(act) and (act.tag_ != "VBN" or act.dep_ == "ROOT"))):
            continue
        agent = subject_of(act)
        if agent is None or not lists.agent(agent):  # "— Will/MD pushed…": from the words
            agent = next((t for t in doc[link.i + 1 : act.i] if _doer(t, lists)), None)
        if agent is None or agent.i <= link.i:
            continue
        if lists.unless_in(doc[act.i : act.i + 2].text) or relieves(act):
            continue  # "Checkout down — Priya rolled back at 14:05": the response
        if negated(act) or hypothetical(act):
            continue
        yield Found.spanning(outcome, agent, clause_end(act))
        return


def _main_aux(token: Token) -> bool:
    """An auxiliary that is its clause's verb ("was"), not a helper ("had drained")."""
    return token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")


def _pluperfect(act: Token) -> bool:
    """ "had drained": an act told as done before the outcome it explains."""
    return act.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in act.children
    )


def _doer(token: Token, lists: Lists) -> bool:
    """A person by the words, where the parser lost the subject ("Will"/MD, "@k.smith")."""
    wanted = lists.wanted == "person" and token.lower_ not in WRITERS
    return wanted and not _possessor(token) and is_human(token, proper_nouns=True, agent_slot=True)
