"""The exclusive construction: a cause closed to one ("due solely to", "the only cause",
"a single source", "stemmed entirely from"), wherever the exclusive word sits."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.lexical import negated_word
from blameless.language.lexicon import lexicon
from blameless.language.parse import Found, lemma, negated
from blameless.language.rulekit import Lists

_LEX = lexicon()
# The words that make a claim causal: "due", "caused", "stemmed", "root cause", "reason".
_CAUSAL = _LEX.words("exclusive_links")
# Nouns that name a cause, which "only", "single" or "sole" close to one. A cause or a
# culprit is always of something gone wrong; a reason or a source only when the sentence
# tells what went wrong ("the only reason checkout failed"; not "the sole reason for the
# change", "the single source of truth").
_CAUSE_NOUNS = frozenset({"cause", "culprit", "reason", "source", "explanation", "origin"})
_CULPRITS = frozenset({"cause", "culprit"})
# What a cause is for ("solely responsible for the outage"), unlike a duty ("solely
# responsible for TLS termination").
_OUTCOMES = _LEX.words("incident_nouns", "broken_states", "symptom_nouns")
# (not the verbs of any change: "the only reason we went with Postgres")
_OUTCOME_VERBS = _LEX.words("outcome_verbs") - {"go", "start", "begin", "stop", "fall"}
# What a cause may be of without anything having gone wrong: "no cause for concern".
_NOT_OUTCOMES = frozenset({"concern", "alarm", "celebration", "optimism", "worry", "hope"})
# Hedges that open the closed cause again: "caused only in part by", "only partly due to".
_PARTIAL = frozenset({"part", "partly", "partially", "largely", "mostly", "primarily"})
_BENIGN = _LEX.words("benign_verbs")
# Words that close a noun only ("exactly one thing"), never an act.
_DETERMINERS = frozenset({"single", "sole", "lone", "exactly"})
# Words that close a cause only after it, and belittle before it ("only caused a blip").
_BELITTLING = frozenset({"only", "just"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def exclusive(sentence: Span, lists: Lists) -> Iterator[Found]:
    """An exclusive word on a causal claim: "was due solely to", "the only reason checkout
    failed", "flows from a single source"; not "the only change that day", "the sole owner
    of TLS", "not the only cause", "the only reason we noticed"."""
    if any(t.lower_ in _PARTIAL for t in sentence):
        return  # "caused only in part by", "only partly due to": not closed
    for word in sentence:
        if word.lower_ not in lists.words or negated_word(word, sentence):
            continue
        noun = _closed_noun(word)
        if noun is not None and _names_a_cause(noun, sentence):
            yield Found.spanning(word, None, noun)
            continue
        if word.lower_ in _DETERMINERS:
            continue  # "the single source of truth": only a cause noun is closed by one
        link = _causal_link(word, sentence)
        if link is not None and not negated(link):
            yield Found.spanning(word, None, link)


def _closed_noun(word: Token) -> Token | None:
    """The noun an exclusive determiner closes: "the only cause", "Primary and only
    cause", "just one thing"; None when the word is no modifier of a noun."""
    head = word.head
    if word.dep_ == "conj" and head.dep_ == "amod":
        head = head.head  # "primary and only cause"
    if head.lower_ == "one" and head.dep_ == "nummod" and head.i == word.i + 1:
        head = head.head  # "just one cause", "only one thing": a bare "one" is one of several
    if word.dep_ not in ("amod", "nummod", "det", "conj", "compound", "advmod"):
        return None
    # (a table cell's "only cause" may be tagged a verb; "only caused" is one)
    bare_cause = head.lower_ in _CAUSE_NOUNS
    if head.i < word.i or not (head.pos_ in ("NOUN", "PROPN") or bare_cause):
        return None
    return head


def _names_a_cause(noun: Token, sentence: Span) -> bool:
    """ "the only cause", "a single source"; "exactly one thing" when the sentence is
    causal ("traced back to exactly one thing"); not "the only reason we noticed"."""
    name = lemma(noun)
    if noun.dep_ == "nsubj" and lemma(noun.head) == "be":
        called = (c for c in noun.head.children if c.dep_ == "attr")
        if any(lemma(c) in _CULPRITS for c in called):
            return True  # "a lone misrouted announcement was the culprit"
    if name == "thing":
        return any(_is_causal(t) for t in sentence)  # "traced back to exactly one thing"
    if name not in _CAUSE_NOUNS or _for_no_outcome(noun):
        return False
    told = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
    if any(lemma(verb) in _BENIGN for verb in told):
        return False  # "the only reason we noticed"
    return name in _CULPRITS or any(_outcome(t) or (_is_causal(t) and t != noun) for t in sentence)


def _outcome(token: Token) -> bool:
    return token.lower_ in _OUTCOMES or lemma(token) in _OUTCOME_VERBS


def _for_no_outcome(noun: Token) -> bool:
    """ "the only cause for concern": a cause of a feeling, not of what went wrong."""
    return any(
        prep.lower_ == "for" and any(t.lower_ in _NOT_OUTCOMES for t in prep.subtree)
        for prep in noun.children
    )


def _causal_link(word: Token, sentence: Span) -> Token | None:
    """The causal word an exclusive adverb bears on: "due solely to", "solely due to",
    "caused exclusively by", "stemmed entirely from", "root cause is only"; "solely
    responsible" only for an outcome. "Only" and "just" must follow the link, since before
    it they belittle ("only caused a blip") rather than close."""
    heads = (word.head, word.head.head)
    subjects = (c for head in heads for c in head.children if c.dep_ in _SUBJECTS)
    doc = sentence.doc
    near = (doc[i] for i in (word.i - 1, word.i + 1) if sentence.start <= i < sentence.end)
    beside = (t for t in near if t.pos_ in ("ADJ", "VERB"))  # "due only to", however parsed
    candidates = [*heads, *subjects, *beside]
    for token in candidates:
        if token.i == word.i or abs(token.i - word.i) > 3 or not _is_causal(token):
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in _SUBJECTS:
            continue  # a cause noun as the subject only, not "checkouts of source only"
        if word.lower_ in _BELITTLING and token.i > word.i:
            continue
        if lemma(token) == "responsible" and not _for_an_outcome(token):
            continue
        return token
    return None


def _is_causal(token: Token) -> bool:
    return token.lower_ in _CAUSAL or lemma(token) in _CAUSAL


def _for_an_outcome(word: Token) -> bool:
    """ "responsible for the outage"; not "responsible for TLS termination"."""
    for prep in word.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            return any(t.lower_ in _OUTCOMES or lemma(t) in _OUTCOMES for t in prep.subtree)
    return False
