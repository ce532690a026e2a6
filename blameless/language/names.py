"""Is a capitalized word a person's name? The part of agent detection that reads names
the NER misses ("Oluwaseun", "Kenji" read as a place) and refuses words that only look
like names ("This", "Manually", "Emails", "PostHog").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from blameless.language.entities import entity
from blameless.language.lexicon import lexicon
from blameless.language.vocabulary import english_words, technical_names, word_names

if TYPE_CHECKING:
    from spacy.tokens import Token

SYSTEM_NOUNS = lexicon().words("system_nouns")
# Entity labels that a capitalized word can carry without being a person's name.
_NOT_PEOPLE_ENTITIES = frozenset(
    {
        "GPE",
        "LOC",
        "DATE",
        "TIME",
        "MONEY",
        "PERCENT",
        "CARDINAL",
        "ORDINAL",
        "QUANTITY",
        "FAC",
        "EVENT",
        "LANGUAGE",
        "LAW",
        "WORK_OF_ART",
    }
)
_NAME_SHAPE = re.compile(r"^[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")
# Endings of derived English nouns, which names almost never have ("Misconfiguration").
_NOUN_SUFFIXES = (
    "tion",
    "sion",
    "ment",
    "ness",
    "ity",
    "ance",
    "ence",
    "ism",
    "ing",
    "ure",
    "ships",
    "ship",
    "ery",
    "ics",
    "ings",
    "ables",
    "ability",
    "ware",
    "ions",
)
_CLOSED_CLASSES = frozenset(
    {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "ADV", "INTJ", "SYM", "X"}
)


def numbered(token: Token) -> bool:
    """ "Replica 3", "Node 12": a numbered thing, whatever the NER says."""
    return any(child.dep_ == "nummod" and child.i > token.i for child in token.children)


def looks_like_name(token: Token, proper_nouns: bool = False, any_tag: bool = False) -> bool:
    """A capitalized word the NER missed that is neither English nor the name of software.

    With `any_tag`, the word's part-of-speech tag is not consulted. With `proper_nouns`,
    a word tagged as a proper noun also counts when it is an
    English word too ("Raj", "Will"): callers pass it for positions that only people
    fill, such as the possessor of "typo" or the subject of "forgot to".
    """
    text = token.text
    if any_tag and text.islower() and _written_in_lower_case(token):
        return _lower_case_name(token)
    if _hyphenated_tail(token):
        return True  # "Seo-yeon", "Jun-ho": the tokenizer split the name at its hyphen
    if len(text) < 2 or not text[0].isupper() or text[1:] != text[1:].lower():
        return False
    if not _NAME_SHAPE.match(text):
        return False
    misread_name = any_tag and token.lower_ in word_names()  # "Will" read as a modal
    function_word = token.is_stop or (
        token.pos_ in _CLOSED_CLASSES and token.lower_ in english_words()
    )
    if function_word and not misread_name:
        return False  # "This caused…", "Manually marked…"; not "Will took…", "Zoë" as PRP
    if token.tag_ in ("NNS", "NNPS") and (
        token.lemma_.lower() in english_words() or token.lower_.rstrip("s") in english_words()
    ):
        return False  # "because of the Emails being rejected": a plural common noun
    if numbered(token):
        return False  # "Replica 3", "Node 12"
    if not any_tag and token.pos_ not in ("PROPN", "NOUN") and token.tag_ not in ("NNP", "NN"):
        return False  # `any_tag`: the caller knows from the sentence's shape it is a subject
    lower = token.lower_
    derived = len(lower) > 6 and lower.endswith(_NOUN_SUFFIXES)  # "Misconfiguration", not "Ming"
    if lower in technical_names() or lower in SYSTEM_NOUNS or derived:
        return False
    if lower not in english_words() and token.lemma_.lower() not in english_words():
        # "Ines", "Oluwaseun": no English word. Where the sentence's shape says "doer"
        # (`any_tag`) that settles it; elsewhere the NER may call it a place or a firm.
        return any_tag or entity(token) not in _NOT_PEOPLE_ENTITIES
    # (`token.sent` would scan the whole Doc: the token's own flag is enough here)
    before = token.doc[token.i - 1] if token.i else None
    # (a table cell opens after its "|", as a row read whole has always been)
    opening = before is None or (
        (bool(token.is_sent_start) or before.is_punct) and before.text != "|"
    )
    if any_tag and token.tag_ == "NNP" and not opening:
        return not any(c.dep_ == "det" for c in token.children)  # "because of Joy"
    if any_tag and token.tag_ == "NNP" and entity(token) == "PERSON":
        return True  # "Fatima took down…": a name that is also a dictionary word
    # An English word as a name ("Raj", "Will") only where a name is all that fits: a
    # possessor ("Raj's typo") or a question's subject ("Why did Grace page…?"), tagged as
    # a proper noun, capitalized inside the sentence, with no article ("the Stability
    # Fee") and no English words around it in the same name. "because Cluster is full"
    # stays a component.
    return (
        proper_nouns
        and lower in word_names()
        and (token.tag_ == "NNP" or any_tag)
        and (token.dep_ == "poss" or any_tag)
        and token.dep_ != "compound"
        and not any(child.dep_ == "det" for child in token.children)
        and not any(
            child.dep_ == "compound" and child.lower_ in english_words() for child in token.children
        )
    )


def _hyphenated_tail(token: Token) -> bool:
    """The lower-case half of a name joined by a hyphen: "ho" in "Jun-ho's change", "yeon"
    in "Seo-yeon"; not an English compound ("Read-only", "Follow-up", "Pre-prod")."""
    doc, index = token.doc, token.i
    if index < 2 or not token.is_lower or not token.is_alpha or len(token) > 5:
        return False
    hyphen, head = doc[index - 1], doc[index - 2]
    joined = hyphen.text == "-" and not hyphen.whitespace_ and not head.whitespace_
    if not (joined and head.is_title and head.is_alpha and len(head) <= 5):
        return False
    words = english_words()
    compound = head.lower_ in words and token.lower_ in words
    return not compound and head.lower_ not in _PREFIXES


_PREFIXES = frozenset(
    {
        "pre",
        "re",
        "co",
        "non",
        "multi",
        "cross",
        "auto",
        "semi",
        "sub",
        "post",
        "anti",
        "de",
        "un",
        "e",
        "x",
        "mid",
        "over",
        "under",
    }
)


def _written_in_lower_case(token: Token) -> bool:
    """A chat line that does not capitalize its first word ("ok found it, siobhan's
    typo…", "16:55 bogdan is the reason … since March"): there, names are written in
    lower case too."""
    doc, start = token.doc, token.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1  # within its own sentence: a Doc may join many paragraphs
        if token.i - start > 40:
            return False  # chat lines are short
    # the first word, a handle's too ("@Katharine determines why…" capitalizes names)
    first = next((t for t in doc[start : token.i + 1] if t.text.lstrip("@")[:1].isalpha()), None)
    return first is not None and first.text.lstrip("@")[:1].islower()


# Chat's own words ("lol the healthcheck failed…"): never a name.
_CHAT_WORDS = lexicon().words("chat_words")


def _lower_case_name(token: Token) -> bool:
    """A lower-case word in a doer's place that is no English word (or is a first name
    too: "if mei had read…"), no software and no part of a system: "emeka's cron rewrite",
    "ayesha never bothered…"."""
    lower = token.lower_
    named = lower in word_names() or (
        lower not in english_words() and token.lemma_.lower() not in english_words()
    )
    return (
        len(lower) >= 3
        and bool(_NAME_SHAPE.match(lower))
        and not token.is_stop
        and (token.pos_ not in _CLOSED_CLASSES or token.tag_ == "FW")  # "kenji" as foreign
        and named
        and lower not in technical_names()
        and lower not in SYSTEM_NOUNS
        and lower not in _CHAT_WORDS
        and not lower.endswith(_NOUN_SUFFIXES)
        and not any(c.dep_ == "det" for c in token.children)
    )


def agent_position(token: Token) -> bool:
    """A place only a doer fills: the subject of a past act, a by-agent, a possessor.

    There, a capitalized word the NER calls a place or a firm ("Kenji", "Joy") is read
    as a name, unless it is known software or a part of a system.
    """
    if token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if token.dep_ == "attr" and token.head.lemma_ == "be":  # "the root cause was Joy"
        return True
    if token.dep_ in ("pobj", "pcomp") and token.head.dep_ == "agent":
        return True
    # "Will took down…": the tagger reads a name before a past-tense verb as a modal.
    head = token.head
    return token.tag_ == "MD" and (head.tag_ in ("VBD", "VBN") or head.lower_.endswith("ed"))


def aux_as_name(verb: Token) -> Token | None:
    """A name or handle the parser made an auxiliary: "Will promoted…", "Will was supposed
    to…", "@k.smith deleting…". No modal comes right before a past form, a participle or a
    finite "was"/"has"."""
    for aux in verb.children:
        if aux.dep_ != "aux" or aux.i > verb.i or aux.i + 1 >= len(aux.doc):
            continue
        shaped = aux.text.startswith("@") or (aux.tag_ == "MD" and aux.text[:1].isupper())
        if shaped and aux.nbor(1).tag_ in ("VBD", "VBN", "VBG", "VBZ"):
            return aux
    return None
