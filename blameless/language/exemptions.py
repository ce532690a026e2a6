"""Sentences about blame that are not blame: meta statements and talk of blame as a practice.

"This review is blameless", "nobody is at fault", and a guide's "teams that hunt for a
culprit learn nothing" use the rules' words without pinning anything on anyone. Such a
sentence is general (present tense or a modal, no past act) and names no particular
person; or it states outright that no one is to blame.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from blameless.language.agents import TEAM_NOUNS, is_handle, is_human
from blameless.language.lexicon import lexicon
from blameless.language.parse import lemma
from blameless.language.prefilter import Prefilter
from blameless.language.spans import after_prefix, quoted_tokens

_GENERIC_PEOPLE = frozenset(
    {
        "individual",
        "individuals",
        "human",
        "humans",
        "people",
        "person",
        "someone",
        "anyone",
        "everyone",
        "one",
        "they",
        "them",
        "you",
        "operators",
        "engineers",
        "teams",
        "staff",
        "organization",
        "organizations",
        "companies",
        "team",
        "responders",
        "whoever",
        "your",
        "themselves",
        "yourself",
        "yourselves",
        "others",
    }
)


@lru_cache(maxsize=1)
def _cues() -> tuple[Prefilter, Prefilter]:
    lex = lexicon()
    return Prefilter.of(lex.meta_phrases), Prefilter.of(lex.blame_talk_cues)


def talks_about_blame(sentence: Span, people: frozenset[str] = frozenset()) -> bool:
    meta, cues = _cues()
    text = sentence.text
    if meta.search(text):
        return True
    if not cues.search(text):
        return False
    quoted = quoted_tokens(sentence)
    return _general(sentence, quoted) and not any(
        _particular(t, people) for t in sentence if t.i not in quoted
    )


def _relative_cue(sentence: Span) -> bool:
    """Kinds of people described by what they do: "teams that hunt for a culprit…", "people
    who…"; not "remind your teams that data must never…", where "that" opens what is said."""
    return any(t.lower_ in _KINDS and any(_relative(c) for c in t.children) for t in sentence)


def _relative(clause: Token) -> bool:
    """A relative clause whose "that"/"who" stands for the people, not a "that" the parser
    hung there that opens what they are told."""
    return clause.dep_ == "relcl" and any(
        c.tag_ in ("WDT", "WP") and c.dep_ != "mark" for c in clause.children
    )


_KINDS = lexicon().words("blame_talk_kinds")


def _general(sentence: Span, quoted: set[int]) -> bool:
    """No finished act: the main verbs are present tense, modal or imperative (quoted
    examples aside: "ask 'how did this make sense?'" is advice). A claim about practice is
    made with a verb: a note without one ("fat finger on the var, 3 instead of 30") is not."""
    stated = False
    for token in sentence:
        if token.i in quoted:
            continue
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "VBD" and a.lemma_ == "do" and _asked(a, sentence) for a in auxes):
            return False  # "(question:) why did you choose…": a past act, asked about
        if token.dep_ in ("ROOT", "conj") and token.pos_ in ("VERB", "AUX"):
            stated = True
            if _incident_acted_on(token):
                return False  # "the investigation attributes the outage to…": this outage
            if _commitment(token, auxes):
                return False  # "we will reinforce to staff…": the writers' own plan
            if token.tag_ == "VBD" or (
                token.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
            ):
                return False  # "we should have validated": a finished act, judged
            if token.tag_ == "VBN" and not any(a.tag_ in ("VBZ", "VBP", "MD") for a in auxes):
                return False
            if token.tag_ == "VBN" and any(a.tag_ == "MD" and a.is_title for a in auxes):
                return False  # "Will rebooted the primary…": a name read as a modal
        if _reported(token):
            return False  # "investigators say an administrator pushed…": a finished act
        if token.tag_ == "VBN" and token.dep_ == "xcomp" and any(a.lower_ == "have" for a in auxes):
            return False  # "we ought to have load-tested…": a finished act, judged
    return stated


def _incident_acted_on(verb: Token) -> bool:
    """The verb's object is one incident, named with a definite article: "attributes the
    outage to…" tells of this outage, not of a practice."""
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in _INCIDENTS
        and any(d.lower_ in ("the", "this", "that") for d in c.children if d.dep_ == "det")
        for c in verb.children
    )


_INCIDENTS = lexicon().words("incident_nouns")


def _reported(verb: Token) -> bool:
    """A past act reported by a present "say": news, not a habit ("investigators often
    find the operator erred" keeps its frequency word)."""
    head = verb.head
    past = verb.tag_ == "VBD" or any(  # "…shows the outage was caused by…"
        c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children
    )
    if verb.dep_ != "ccomp" or not past or head.dep_ != "ROOT":
        return False
    habitual = any(c.lower_ in _FREQUENCY for c in head.children)
    return lemma(head) in _REPORTING and not habitual


_REPORTING = frozenset(
    {"say", "report", "confirm", "state", "tell", "claim", "add", "note"}
    | {"indicate", "show", "suggest", "find", "conclude", "reveal", "determine", "establish"}
)
_FREQUENCY = frozenset({"often", "usually", "typically", "sometimes", "always", "rarely", "never"})


def _commitment(verb: Token, auxes: list[Token]) -> bool:
    """The writers promise something: "we will…", "I'll…"."""
    promised = any(a.lower_ in ("will", "'ll", "’ll", "shall") for a in auxes)
    return promised and any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in verb.children)


def _asked(auxiliary: Token, sentence: Span) -> bool:
    """A wh-word opens the sentence (after any label or chat prefix: "Open question: why
    did…") before the auxiliary: a question about the act, not an emphatic "did"."""
    return any(
        t.lower_ in _QUESTION_WORDS and t.i < auxiliary.i and after_prefix(t, sentence)
        for t in sentence
    )


_QUESTION_WORDS = frozenset({"why", "who", "how", "what"})  # not "where" or "when"


def _named_team(token: Token) -> bool:
    """ "the release team", "our platform team": one team, named by what it does."""
    children = list(token.children)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in children)
    return token.lower_ == "team" and definite and any(c.dep_ == "compound" for c in children)


_DEFINITE = frozenset({"the", "this", "that", "our", "their"})
_HABITUAL = frozenset({"every", "any", "each", "whenever", "always", "often", "usually"})


def _particular(token: Token, people: frozenset[str]) -> bool:
    """A named or definite person: "Kevin", "@lin", "the intern", "ops"."""
    if token.lower_ == "mine":
        return True  # "the blame is mine": the writer, in particular
    if is_handle(token):
        return True  # a handle is always someone in particular, whatever its tag ("@tariq"/CD)
    generic = token.lower_ in _GENERIC_PEOPLE or token.lemma_.lower() in _GENERIC_PEOPLE
    if token.pos_ not in ("NOUN", "PROPN", "PRON") and not (generic and token.dep_ == "nsubj"):
        return False  # (but "The individual/JJ responsible is no longer with us")
    if generic:
        # "the individuals involved", "the engineers responsible": this incident's people;
        # "the release team": one team, named (but "the team on call for every outage")
        named = _named_team(token) and not any(t.lower_ in _HABITUAL for t in token.sent)
        return named or any(
            c.lemma_ in ("involve", "responsible", "concern") for c in token.children
        )
    if token.lower_ in TEAM_NOUNS:
        # so is a team ("ops", "QA"), but not one that names a kind ("an engineering problem")
        return token.dep_ not in ("compound", "amod")
    if not is_human(token, people, proper_nouns=True):  # a name as a subject: "If Anil had…"
        return False
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
    if not determiners:
        return token.tag_ not in ("NNS", "NNPS")  # "trainees", "engineers": people in general
    return any(d not in ("a", "an", "any", "every", "some", "your", "all") for d in determiners)
