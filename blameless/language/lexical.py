"""The lexical construction: words that blame by themselves ("sloppy", "human error",
"dumpster fire", "my bad"), unless the sentence mentions, negates or technically uses them."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import is_human
from blameless.language.lexicon import lexicon
from blameless.language.names import aux_as_name
from blameless.language.parse import (
    Found,
    lemma,
    matches_agent,
    subject_of,
)
from blameless.language.rulekit import Lists
from blameless.language.spans import WRITERS, quoted_tokens

_NEGATORS = frozenset(
    {
        "not",
        "n't",
        "never",
        "no",
        "nobody",
        "rarely",
        "seldom",
        "unlikely",
        "hardly",
        "none",
        "neither",
        "without",
    }
)


def lexical(sentence: Span, lists: Lists) -> Iterator[Found]:
    """Words that blame by themselves: "sloppy", "human error", "dumpster fire", "my bad"."""
    tokens = list(sentence)
    for index, word in enumerate(tokens):
        length = lists.phrase_at(tokens, index)
        if not length:
            continue
        last = tokens[index + length - 1]
        following = tokens[index + length : index + length + 1]
        if following and following[0].text in ("(", "-", "–", "and", "with", ","):
            following = tokens[index + length : index + length + 3]
        nxt = tokens[
            index + length : index + length + 1
        ]  # "lazy loading"; not "… with replication"
        technical = length == 1 and any(lists.cancels(t) for t in nxt)
        if technical or any(_status_code(t) for t in following):
            continue  # "lazy loading", "user error (HTTP 400)": a technical sense
        before = tokens[index - 1] if index else None
        if before is not None and (
            _status_code(before) or (before.is_quote and following[:1] and following[0].text == ":")
        ):
            continue  # "a 422 user error", a message quoted as "user error: quota exceeded"
        named = last.dep_ == "compound" and last.head.i > last.i and last.pos_ == "NOUN"
        if named and last.head.lower_ not in _ACTS:
            continue  # "fat-finger protection", "error budget": the words name something else
        if _mentioned(word) or _echoed(word, last, sentence):
            continue
        if _scare_quoted(word, last) and (_about_words(sentence) or not _applied(word, last)):
            continue
        if word.is_alpha and negated_word(word, sentence):
            continue
        if lists.wanted != "none" and not any(lists.agent(t) for t in tokens):
            continue
        if lists.past and not _finished_act(word):
            continue
        if lists.markers and not _pleaded(word, last, sentence, lists):
            continue
        yield Found(word, None, word, last)


# Heads that a judgement compounds with and still judges: "a bonehead move", "a poor
# judgment call", and chat's words the parser takes for a head ("was a joke tbh").
_ACTS = frozenset(
    {"move", "call", "decision", "choice", "mistake", "job", "work", "idea", "attempt", "play"}
    | {"error", "errors", "issue", "problem"}  # "an ID10T error", "a PEBKAC issue"
) | lexicon().words("chat_words")


def _pleaded(word: Token, last: Token, sentence: Span, lists: Lists) -> bool:
    """A plea word (`markers`) just before the phrase, with only who is asked between, in
    any word order chat uses: "pls everyone double check…", "please, all of you, be
    careful"; not "please note the careful work of…". Or after it in the same clause: "be
    careful with the prod kubeconfig pls"."""
    for after in word.doc[last.i + 1 : min(sentence.end, last.i + 9)]:
        if lists.has_marker(after):
            return True
        if after.pos_ in ("VERB", "AUX") or after.text in (".", ";", "!", "?", ","):
            break
    for before in reversed(word.doc[max(sentence.start, word.i - 6) : word.i]):
        if lists.has_marker(before):
            return True
        called = matches_agent(before, "person", lists.people)
        if not (before.is_punct or before.pos_ in _CALLED or called):
            return False
    return False


# What may stand between a plea and what it asks: who is asked, "be", "just", "all".
_CALLED = frozenset({"PRON", "DET", "ADV", "AUX", "INTJ", "PART", "CCONJ", "ADP"})


def _status_code(token: Token) -> bool:
    """ "user error (HTTP 400)", "user error and HTTP 413": a protocol's error code."""
    return token.like_num and len(token.text) == 3 and token.text[:1] in "45"


def _finished_act(word: Token) -> bool:
    """The word's clause tells of a past act that is not the writers' own: "the deploy
    was clearly risky", "she obviously skipped it"; not "SSH is obviously no longer
    exposed", "they could of course be the same person", "we had of course rotated it"."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head  # ("all we had to do was…")
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    named = aux_as_name(verb)  # "All Will/MD had to do was…": a name, not a modal
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c != named]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    if not (verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)):
        return False
    doer = subject_of(verb)
    return doer is None or doer.lower_ not in WRITERS


def _echoed(first: Token, last: Token, sentence: Span) -> bool:
    """The sentence quotes a word of the match elsewhere: it talks about the word ("when
    someone calls a step "obvious", ask whether it was obvious to everyone")."""
    if not any(t.is_quote for t in sentence):
        return False
    quoted = quoted_tokens(sentence)
    matched = {t.lower_ for t in first.doc[first.i : last.i + 1] if not t.is_stop}
    return any(
        t.i in quoted and t.lower_ in matched and not first.i <= t.i <= last.i for t in sentence
    )


def _scare_quoted(first: Token, last: Token) -> bool:
    """ "'human error'" in quotes of its own: the term mentioned, when the sentence talks
    about words (`_about_words`); otherwise quoted from someone who used it ("the report
    called the staff 'inattentive'"), and it judges all the same."""
    doc = first.doc
    return (
        first.i > 0
        and last.i + 1 < len(doc)
        and doc[first.i - 1].is_quote
        and doc[last.i + 1].is_quote
    )


_WORD_TALK = lexicon().words("word_talk")
_APPLYING = lexicon().words("applying_verbs")


def _applied(first: Token, last: Token) -> bool:
    """A quoted judgement someone applied: "described the deployment as 'reckless'",
    "branded the team 'clueless'", "the firm's 'clueless' staff", "blamed the outage on
    'human error'"; not "a 'user error' banner", "the 'human error' checkbox"."""
    head = last
    while first.i <= head.head.i <= last.i and head.head.i != head.i:
        head = head.head  # the quoted phrase's own head
    if head.dep_ in ("amod", "compound") and head.head.i > last.i:
        noun = head.head  # what the quoted word describes
        return noun.pos_ in ("NOUN", "PROPN") and (
            is_human(noun) or any(lemma(a) in _APPLYING for a in noun.ancestors)
        )
    return any(lemma(ancestor) in _APPLYING for ancestor in [head, *head.ancestors][1:4])


def _about_words(sentence: Span) -> bool:
    """ "avoid words like 'careless'", "we no longer write 'human error'": the sentence
    talks about wording."""
    return any(t.lower_ in _WORD_TALK or lemma(t) in _WORD_TALK for t in sentence)


def negated_word(word: Token, sentence: Span) -> bool:
    """ "not human error", "nobody was careless", "no disciplinary action"."""
    ancestors = {word.i, word.head.i, *(t.i for t in word.ancestors)}
    window = word.doc[max(sentence.start, word.i - 6) : word.i]
    return any(t.lower_ in _NEGATORS and t.head.i in ancestors for t in window)


def _mentioned(word: Token) -> bool:
    """ "the term 'human error'", "the label human error": talk about the word."""
    index = word.i - 1
    while index >= 0 and word.doc[index].is_quote:
        index -= 1
    return index >= 0 and word.doc[index].lower_ in ("term", "label", "phrase", "word", "called")
