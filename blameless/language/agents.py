"""Human-agent detection: does this token stand for a person or a group of people?

Every language rule asks this of a subject, agent or possessor. People are found through
PERSON entities, handles and e-mail addresses, role and team nouns, human pronouns, the
configured `people`, and the parse itself for names the NER has never seen. Technical
readings ("the Kubernetes operator", replicas as "they") are told apart here, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from blameless.language.lexicon import lexicon

if TYPE_CHECKING:  # `person_hint` is used before spaCy is imported
    from spacy.tokens import Span, Token

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
SYSTEM_NOUNS = _LEX.words("system_nouns")
# Agents whose role noun is also a system component unless a person is meant.
AMBIGUOUS_ROLES = _LEX.words("ambiguous_roles")
_HUMAN_ROLE_MODIFIERS = _LEX.words("human_role_modifiers")
_PERSON_POSSESSIVES = _LEX.words("person_possessives") - {"their"}
_CLOSED_CLASSES = frozenset(
    {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "ADV", "INTJ", "SYM", "X"}
)
_PARTITIVES = frozenset({"one", "some", "many", "several", "two", "three", "each", "most", "few"})


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

_NUMERIC_ENTITIES = frozenset(
    {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW"}
)

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

# English words known to the pipeline's lemmatizer; a capitalized word outside it that is
# not software either reads as a name ("Oluwaseun", "Tomasz"). Set by the component.
_english_words: frozenset[str] = frozenset()


def set_english_words(words: Iterable[str]) -> None:
    """Give the detector the pipeline's vocabulary of ordinary English words."""
    global _english_words
    _english_words = frozenset(word.lower() for word in words)


def is_english_word(word: str) -> bool:
    """An ordinary English word, by the pipeline lemmatizer's vocabulary (lower-case)."""
    return word in _english_words


def _english(word: str) -> bool:
    return word in _english_words


def has_vocabulary() -> bool:
    """Whether the component has handed over the pipeline's vocabulary yet."""
    return bool(_english_words)


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("blameless.data").joinpath(name).read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def technical_names() -> frozenset[str]:
    """Software, services and vendors whose names look like people's names."""
    return _word_list("technical-names.txt")


@lru_cache(maxsize=1)
def word_names() -> frozenset[str]:
    """First names that are also English words ("Will", "Grace", "Mark")."""
    return _word_list("word-names.txt")


def _numbered(token: Token) -> bool:
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
    if len(text) < 2 or not text[0].isupper() or text[1:] != text[1:].lower():
        return False
    if not _NAME_SHAPE.match(text):
        return False
    misread_name = any_tag and token.lower_ in word_names()  # "Will" read as a modal
    if (token.is_stop or token.pos_ in _CLOSED_CLASSES) and not misread_name:
        return False  # "This caused…", "Manually marked…"; but "Will took down…"
    if token.tag_ in ("NNS", "NNPS") and (
        token.lemma_.lower() in _english_words or token.lower_.rstrip("s") in _english_words
    ):
        return False  # "because of the Emails being rejected": a plural common noun
    # The NER often calls an unfamiliar name a place or an organisation; where the shape
    # of the sentence says "person" (`any_tag`), only number-like labels rule it out.
    excluded = _NUMERIC_ENTITIES if any_tag else _NOT_PEOPLE_ENTITIES
    if token.ent_type_ in excluded or _numbered(token):
        return False
    if not any_tag and token.pos_ not in ("PROPN", "NOUN") and token.tag_ not in ("NNP", "NN"):
        return False  # `any_tag`: the caller knows from the sentence's shape it is a subject
    lower = token.lower_
    derived = len(lower) > 6 and lower.endswith(_NOUN_SUFFIXES)  # "Misconfiguration", not "Ming"
    if lower in technical_names() or lower in SYSTEM_NOUNS or derived:
        return False
    if lower not in _english_words and token.lemma_.lower() not in _english_words:
        return True  # "Ines", "Oluwaseun": no English word, whatever the tagger says
    opening = token.i == token.sent.start or token.doc[token.i - 1].is_punct
    if any_tag and token.tag_ == "NNP" and not opening:
        return not any(c.dep_ == "det" for c in token.children)  # "because of Joy"
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
            child.dep_ == "compound" and child.lower_ in _english_words for child in token.children
        )
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
    plural = token.tag_ in ("NNS", "NNPS") and token.text[:1].isupper()
    singular = token.lemma_.lower() if token.lemma_.lower() != lower else lower.rstrip("s")
    people_words = ROLE_NOUNS | TEAM_NOUNS
    if plural and not {lower, singular} & people_words and _english(singular):
        return False  # "Users on PyPI", "Emails": plural common nouns, capitalized
    if (
        token.ent_type_ == "PERSON"
        and not _numbered(token)
        and lower not in SYSTEM_NOUNS
        and token.text[:1].isupper()
        and token.text[1:] == token.text[1:].lower()  # "PostHog", "GitHub": products
        and token.pos_ not in ("ADP", "DET", "PUNCT", "CCONJ")
    ):
        return token.lower_ not in technical_names()
    slot = agent_slot or agent_position(token)
    if looks_like_name(token, proper_nouns, any_tag=proper_nouns and slot):
        return True
    if token.dep_ == "poss" and lower in _PERSON_POSSESSIVES:
        return True  # "his config push", "your change"
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "WP"):
        if lower in HUMAN_PRONOUNS:
            return True
        if lower in PLURAL_PRONOUNS:
            return antecedent_is_human(token, people)
        return False
    if any(c.dep_ == "compound" and c.lower_ in TEAM_NOUNS for c in token.children):
        return True  # "Team B", "the Ops folks"
    if lower in _PARTITIVES:  # "one of its operators", "some of the engineers"
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                return any(is_human(p, people) for p in prep.children if p.dep_ == "pobj")
    if lower in TEAM_NOUNS or token.lemma_.lower() in TEAM_NOUNS:
        # A team is people whatever its name ("the QA team", "the Postgres team").
        return token.dep_ != "compound"
    if lower in ROLE_NOUNS or token.lemma_.lower() in ROLE_NOUNS:
        return _role_is_human(token)
    return _hyphenated_role(token)


def _role_is_human(token: Token) -> bool:
    # Only a role noun that also names software turns technical with a modifier: a
    # "network engineer" is a person, "the Kubernetes operator" is not.
    if token.lemma_.lower() in AMBIGUOUS_ROLES or token.lower_ in AMBIGUOUS_ROLES:
        if _technical_compound(token):
            return False
        bare = not any(c.dep_ in ("compound", "nmod") for c in token.children)
        if token.tag_ == "NNS" and bare:
            return True  # "operators need to…", "one of its operators"
        # "the operator" is a person; "the cert-manager operator" or "the database
        # operator" is software: any naming modifier but a human one makes it software.
        for child in token.children:
            if child.dep_ in ("compound", "nmod") and child.lower_ not in _HUMAN_ROLE_MODIFIERS:
                return False
        return any(child.dep_ in ("det", "amod") for child in token.children) or (
            token.dep_ == "poss"
        )
    return True


def _technical_compound(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("compound", "amod", "nmod") and (
            child.lower_ in TECHNICAL_MODIFIERS
            or (child.pos_ == "PROPN" and child.ent_type_ != "PERSON" and not child.is_title)
            or (child.ent_type_ in ("ORG", "PRODUCT") and child.lower_ in TECHNICAL_MODIFIERS)
        ):
            return True
        if (
            child.dep_ == "compound"
            and child.pos_ == "PROPN"
            and child.ent_type_
            in (
                "ORG",
                "PRODUCT",
            )
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
    for candidate in reversed(doc[max(0, token.i - 40) : token.i]):
        if candidate.dep_ in ("nsubj", "nsubjpass") and candidate.lower_ not in PLURAL_PRONOUNS:
            return is_human(candidate, people)
    return False


def phrase_of(token: Token) -> Span:
    """The noun phrase headed by `token` ("the on-call engineer", "Raj's")."""
    doc = token.doc
    left = token.left_edge.i
    right = token.i + 1
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "appos") or child.text == "-":
            right = max(right, child.right_edge.i + 1)
    return doc[left:right]


# Words that open a sentence without naming anyone: a capitalized word elsewhere at the
# start of a sentence may be a name ("Tomasz broke the build").
_SENTENCE_OPENERS = (
    "The|A|An|This|That|These|Those|It|Its|We|Our|Us|There|Here|In|On|At|After|Before|When|"
    "While|If|As|For|To|From|By|With|Without|During|Since|Because|Due|Once|All|Some|No|Not|"
    "One|Two|Three|Most|Many|Several|Each|Every|Both|Also|Then|Next|Finally|However|But|And|"
    "Or|So|Although|Though|Until|Over|Under|About|Around|Between|Within|Instead|Later|Earlier|"
    "Root|Trigger|Cause|Impact|Summary|Resolution|Detection|Timeline|Status|Note|What|How|"
    "Where|Which|Is|Are|Was|Were|Do|Does|Did|Has|Have|Had|Can|Could|Should|Would|Will|May|Might"
)


# Openers that are also first names ("Will took down…"): worth a parse.
_NAMES_LIKE_OPENERS = "Will|May|Grace|Mark|Joy|Hope|Faith|Bill|Pat|Sue|Rose|June|Art"


@lru_cache(maxsize=16)
def person_hint(people: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A cheap test, on raw text, that a sentence might name a person at all.

    Rules about a person as cause or subject cannot fire without one, so sentences that
    fail this test are never parsed for them. It errs towards yes: any capitalized word
    that is not a common sentence opener counts, as do pronouns, handles, and role nouns.
    """
    words = sorted(
        {
            *HUMAN_PRONOUNS,
            *PLURAL_PRONOUNS,
            *ROLE_NOUNS,
            *TEAM_NOUNS,
            *NOBODY,
            *FIRST_PERSON,  # self-blame frames: "we wiped the cache by accident"
            "his",
            "their",
            "your",
            "who",
            "whose",
            "on-call",
            "oncall",
            "no one",
            *(person.lower() for person in people),
        },
        key=len,
        reverse=True,
    )
    lexical = "|".join(re.escape(word) for word in words)
    return re.compile(
        rf"(?i:\b(?:{lexical})(?:s|es)?\b)"  # pronouns, roles, teams, configured people
        r"|@\w|\w@(?!\w)|<@"  # handles
        r"|\bI\b"
        rf"|(?<=[\w,;:)\]—–\-]\s)[A-Z][\w'’\-]*[a-z]"  # a capitalized word inside a sentence
        rf"|^\W*(?!(?:{_SENTENCE_OPENERS})\b)[A-Z][\w'’\-]*[a-z]"  # or opening it
        rf"|^\W*(?:{_NAMES_LIKE_OPENERS})(?:['’]s)?\s+\w"  # "Will deleted…", "Will's typo"
    )
