"""Where a finding starts and ends, and what is quoted: the spans the constructions mark.

A finding covers the words it names: from the start of the doer's phrase (without a
leading timestamp or bullet) to the end of what the act was done to, never trailing
spaces or punctuation, and never words inside quotation marks that the writer only cites.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.parse import CLOCK_WORDS

# The writers themselves: their plans and their own acts are not orders or judgements.
WRITERS = frozenset({"i", "we", "us", "me"})


def phrase_start(token: Token) -> Token:
    """The first word of the noun phrase headed by `token`, without a timestamp or bullet."""
    doc = token.doc
    index = token.left_edge.i
    while index < token.i and (
        doc[index].is_punct or doc[index].like_num or ":" in doc[index].text
    ):
        index += 1
    return doc[index]


def last_word(token: Token) -> Token:
    """The last word of the phrase `token` heads, without trailing spaces or punctuation
    (a blank line between two parsed windows can hang off a sentence's last word)."""
    last = token.right_edge
    while last.i > token.i and (last.is_punct or last.is_space):
        last = last.doc[last.i - 1]
    return last


def clause_end(verb: Token) -> Token:
    """The last word of the verb's object (or the verb itself): where a finding ends."""
    last = verb
    for child in verb.children:
        adjacent = child.i == verb.i + 1 and child.dep_ == "advmod"  # "rolled back"
        if child.i > verb.i and (
            adjacent or child.dep_ in ("dobj", "prt", "attr", "acomp", "oprd", "xcomp")
        ):
            last = max(last, last_word(child), key=lambda t: t.i)
    while last.i > verb.i and (last.is_punct or last.is_space):
        last = last.doc[last.i - 1]
    return last


def in_quotes(token: Token, sentence: Span) -> bool:
    """The token sits inside quotation marks: a mention, not a use."""
    quote_marks = 0
    for other in sentence:
        if other.i >= token.i:
            break
        if other.text in ('"', "“", "”", "``", "''") or (
            other.is_quote
            and other.text in ("'", "‘", "’")
            and other.whitespace_ == ""
            and (other.i == 0 or other.doc[other.i - 1].whitespace_)
        ):
            quote_marks += 1
    return quote_marks % 2 == 1


def quoted_tokens(sentence: Span) -> set[int]:
    """Tokens inside quotation marks: a quoted "I should have…" is an example."""
    inside, quoted = False, set()
    for token in sentence:
        opens_single = token.text in ("'", "‘") and (
            token.i == sentence.start or bool(token.doc[token.i - 1].whitespace_)
        )
        closes_single = inside and token.text in ("'", "’")
        if token.text in ('"', "“", "”") or opens_single or closes_single:
            inside = not inside
        elif inside:
            quoted.add(token.i)
    return quoted


def reported_quote(token: Token, quoted: set[int]) -> bool:
    """The quote holding the token is what someone said, reported in the past: "conceded
    that \"protocols were not observed\"", "\"…\", the agency admitted"; not a guide's
    example ("don't write \"…\""), which is never a past report."""
    doc = token.doc
    first = last = token.i
    while first - 1 in quoted:
        first -= 1
    while last + 1 in quoted:
        last += 1
    around = [*doc[max(0, first - 4) : first], *doc[last + 1 : last + 5]]
    return any(
        t.tag_ == "VBD"
        and t.lemma_.lower() in _REPORTING
        and not any(c.dep_ == "nsubj" and c.lemma_.lower() in _MESSAGES for c in t.children)
        for t in around
    )


# What "says" a quote without anyone saying it: "the error said \"job not completed\"".
_MESSAGES = frozenset(
    {"error", "message", "log", "output", "banner", "prompt", "alert", "page", "dialog"}
    | {"screen", "warning", "notice", "sign", "label", "email", "ticket", "status", "bot"}
)
_REPORTING = frozenset(
    {"say", "admit", "concede", "acknowledge", "confirm", "state", "tell", "claim", "add"}
    | {"report", "note", "find", "conclude", "describe", "write"}
)


def opens_clause(word: Token) -> bool:
    """The word starts its clause: first in the sentence, or after a comma, colon, dash or
    a timestamp ("14:02 UTC — Retrain…", "During the window, remind…")."""
    doc = word.doc
    index = word.i - 1
    while index >= 0 and (doc[index].like_num or doc[index].text.upper() in CLOCK_WORDS):
        index -= 1
    return index < 0 or doc[index].is_punct or doc[index].is_space


# Words a chat line opens with before its question: "seriously @luca why did u…",
# "ok but who is responsible".
_DISCOURSE = frozenset(
    {
        "ok",
        "okay",
        "so",
        "but",
        "and",
        "seriously",
        "honestly",
        "hey",
        "well",
        "um",
        "uh",
        "like",
        "also",
        "still",
        "again",
        "guys",
        "folks",
        "yo",
        "sorry",
        "btw",
        "fyi",
        "wait",
        "hmm",
        "lol",
        "ugh",
        "real",
        "quick",
        "genuinely",
        "just",
        "then",
        "now",
        "right",
    }
)


def after_prefix(word: Token, sentence: Span) -> bool:
    """Nothing but a chat prefix, a label or a discourse word before the word: "[02:47]
    @devon: why would you…", "<mo> what were you thinking…", "q for retro: how come…",
    "seriously @luca why did u…"."""
    label = max((t.i for t in sentence if t.i < word.i and t.text in (":", "]", ">")), default=-1)
    return all(
        t.is_punct
        or t.is_space
        or t.like_num
        or t.text[:1].isdigit()  # a time: "22:19", "09:41Z", "14:02 UTC"
        or t.text.upper() in CLOCK_WORDS
        or t.text.startswith("@")
        or t.nbor(1).text == ":"
        or t.lower_ in _DISCOURSE
        for t in sentence
        if label < t.i < word.i
    )


def possessed(owner: Token, sentence: Span) -> Token | None:
    """The noun a possessor owns, past its modifiers ("Raj's faulty commit" -> "commit"),
    also when the tagger lost the possessive ("Will's typo")."""
    doc = sentence.doc
    if owner.dep_ == "poss":
        thing = owner.head
    elif owner.i + 2 < sentence.end and doc[owner.i + 1].lower_ in ("'s", "’s"):
        thing = doc[owner.i + 2]
    elif _of_owner(owner):
        return owner.head.head  # "the deploy of Thiago brought down checkout"
    else:
        return None
    return head_noun(thing)


def _of_owner(owner: Token) -> bool:
    """A name after "of" owns the noun before it, as non-native writers put it ("the change
    of Xiaoling"); a common noun there is a part or a kind ("the failure of the disk")."""
    of = owner.head
    return (
        owner.dep_ == "pobj"
        and owner.pos_ == "PROPN"
        and of.lower_ == "of"
        and of.head.pos_ == "NOUN"
        and of.head.i == of.i - 1
    )


def owners_of(thing: Token) -> list[Token]:
    """Whose the thing is, the inverse of `possessed`: its possessor, or the word before an
    "'s" in its phrase that the tagger did not make one ("Will's access", "Will's/MD faulty
    script"), or the word before an "'s" the parser took for the subject itself."""
    doc = thing.doc
    if thing.lower_ in ("'s", "’s") and thing.i > 0:
        return [doc[thing.i - 1]]  # "Will/MD 's/nsubj hotfix is what broke…"
    found = [c for c in thing.children if c.dep_ == "poss"]
    found += [p for c in thing.children if c.lower_ == "of" for p in c.children if _of_owner(p)]
    found += [t for t in doc[thing.left_edge.i : thing.i] if doc[t.i + 1].lower_ in ("'s", "’s")]
    index = thing.i - 1
    while index > 0 and doc[index].pos_ in ("ADJ", "NOUN", "PROPN"):
        index -= 1  # back over the modifiers, when the parse left them out of the phrase
    if index > 0 and doc[index].lower_ in ("'s", "’s") and doc[index - 1] not in found:
        found.append(doc[index - 1])
    return found


def head_noun(thing: Token) -> Token:
    """The head of a noun phrase from one of its modifiers ("bulk tag rename" -> "rename")."""
    while thing.dep_ in ("amod", "compound") and thing.head.i > thing.i:
        thing = thing.head
    return thing


_PARTICLES = frozenset({"off", "down", "out", "up", "over", "away"})


def objects(verb: Token) -> Iterator[Token]:
    """The words the verb acts on: its direct objects (or a passive's subject) with their
    modifiers; "off" in "switched off the power". Not where it happened ("from the
    database"), nor when ("before the outage")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        yield verb.head  # "Regression introduced by Mateusz": what the participle describes
    for child in verb.children:
        if child.dep_ in ("dobj", "obj", "attr", "oprd", "prt", "dative", "nsubjpass"):
            yield from _own_words(child)
        elif child.dep_ == "prep" and child.i == verb.i + 1 and child.lower_ in _PARTICLES:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from pobj.subtree


def _own_words(head: Token) -> Iterator[Token]:
    """A phrase's words without its prepositional attachments ("the versions [from the
    database]"), but with "of" ones ("all of the data")."""
    yield head
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ != "of":
            continue
        yield from _own_words(child)
