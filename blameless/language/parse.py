"""Reading the parse, once for every construction: subjects, agents, negation, phrases.

A construction asks the same few questions of a verb whatever rule it serves: who did
it (through conjunctions, infinitives, relative clauses and the passive by-agent), was
it negated or only hypothetical, and what did it act on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from blameless.language.agents import FIRST_PERSON, INDEFINITE, NOBODY, is_human
from blameless.language.cells import cell_doer
from blameless.language.inflection import CONTRACTED, IRREGULAR
from blameless.language.lexicon import lexicon
from blameless.language.names import aux_as_name

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "hardly"})
_HYPOTHETICAL = frozenset({"can", "could", "may", "might", "will", "would", "ca", "wo", "shall"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
# Words that stand in for the subject of "was" in "X was the one who…".
_STAND_INS = frozenset({"one", "person", "guy", "individual"})
_SELF = frozenset(lexicon().words("self_pronouns"))


@dataclass(frozen=True)
class Found:
    """What a construction found: its anchor word, the agent if any, and the words to mark."""

    anchor: Token
    agent: Token | None
    first: Token
    last: Token

    @classmethod
    def spanning(cls, anchor: Token, agent: Token | None, *words: Token) -> Found:
        """A finding that marks from the first to the last of `words` (in text order)."""
        ordered = sorted((anchor, *words), key=lambda t: t.i)
        return cls(anchor, agent, ordered[0], ordered[-1])


def lemma(token: Token) -> str:
    found = token.lemma_.lower() if token.lemma_ else token.lower_
    return CONTRACTED.get(found.replace("’", "'"), found)  # "'ve" -> "have"


def subject_of(verb: Token, patients: bool = False) -> Token | None:
    """Who does the verb: its subject or by-agent, through "and", infinitives and "who".

    A passive's subject is what the act was done to ("the employee was scheduled for
    removal"), so it counts only with `patients` ("X was supposed to verify…")."""
    if _misread_participle(verb):
        return verb.head  # "14:02 UTC — A contractor neglected/acl to mention…"
    climbed = False
    for _ in range(6):
        for child in verb.children:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "pcomp"):  # "by alice@." parses as pcomp
                        if any(c.dep_ == "nsubj" for c in pobj.children):
                            return subject_of(pobj)  # "by whoever owned it"
                        return pobj
                after = child.doc[child.i + 1 : child.i + 3]
                named = next((t for t in after if t.pos_ != "DET"), None)
                if named is not None:
                    return named  # "by @lina-ops" with the handle hung elsewhere
        subjects: list[Token] = []
        for child in verb.children:
            if child.dep_ in SUBJECTS and (
                patients or child.dep_ not in ("nsubjpass", "csubjpass")
            ):
                doer = _past_the_clock(child, verb)
                if doer is not None:
                    subjects.append(doer)
        if patients and not subjects:  # hung on the auxiliary: "half/nsubj were/auxpass gone"
            subjects = [s for a in helpers(verb) for s in a.children if s.dep_ in SUBJECTS]
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # a name made an auxiliary ("Will was meant to…"); a passive without a by-agent: none
        named = None if subjects or (passive and not patients) else aux_as_name(verb)
        if named is not None or (not subjects and passive):
            return named
        if subjects:
            # "14:02 UTC — Mia took…": the subject nearest the verb is its doer.
            before = [c for c in subjects if c.i < verb.i]
            child = before[-1] if before else subjects[0]
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                head = verb.head
                if head.lower_ in _STAND_INS and head.dep_ == "attr":
                    return subject_of(head.head)  # "Kofi was the one who broke it": Kofi
                return head
            if climbed and child.dep_ == "nsubjpass":
                return None  # "Contributing to X, the team was not alerted": not its doer
            return child
        misread = _misread_subject(verb)
        if misread is not None:
            return misread
        if verbal(verb) and verb.i > 0:  # "@k.smith ignored…": a doer left unattached
            left = verb.doc[verb.i - 1]
            stray = ("intj", "npadvmod", "dep", "nmod", "compound", "amod")
            polite = left.lower_ in ("please", "pls", "kindly")  # "Please explain…": no doer
            if left.dep_ in stray and left.head.i == verb.i and left.pos_ != "ADV" and not polite:
                return left
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head if verb.head.i < verb.i else None
        fragment = verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i
        if fragment and any(c.dep_ in ("xcomp", "dobj") for c in verb.children):
            return verb.head  # "The contractor omitted to lock…" read as a noun phrase
        cell = cell_doer(verb)
        if cell is not None:
            return cell
        if verb.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acomp") and verb.head.i != verb.i:
            if verb.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" for c in verb.children):
                return None  # "…, because it failed": its own clause, with no subject
            verb = verb.head
            climbed = True
            continue
        return None
    return None


REAL_AUXILIARIES = frozenset(
    {
        "be",
        "have",
        "do",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "to",
        "ought",
        "need",
        "dare",
        "ca",
        "wo",
        "'ll",
        "'d",
        "'ve",
        "'s",
        "'re",
        "'m",
    }
)
CLOCK_WORDS = frozenset({"UTC", "GMT", "Z", "AM", "PM", "CET", "PST", "PDT", "EST", "EDT"})
_PAST_FORMS = frozenset(past for forms in IRREGULAR.values() for past in forms)


def past_form(verb: Token) -> bool:
    """The verb is written in a past form, whatever its tag ("forgot" read as VB)."""
    lower = verb.lower_
    return verb.tag_ in ("VBD", "VBN") or lower.endswith("ed") or lower in _PAST_FORMS


def helpers(verb: Token) -> Iterator[Token]:
    """The verb's auxiliaries, on which the parser sometimes hangs its subject and clauses."""
    return (c for c in verb.children if c.dep_ in ("aux", "auxpass"))


def verbal(token: Token) -> bool:
    """A verb, or a past form the tagger read as a noun ("A technician forgot/NN to…")."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return past_form(token) and any(
        c.dep_ in ("nsubj", "xcomp", "dobj", "dep") for c in token.children
    )


def _misread_participle(verb: Token) -> bool:
    """A past act hung on its doer as a participle: "14:02 UTC — A contractor neglected to
    mention…" (no other verb for the noun), "The lead neglected to notify…" (no passive)."""
    doer, children = verb.head, [c.dep_ for c in verb.children]
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or "xcomp" not in children:
        return False
    lapse = lemma(verb) in ("neglect", "fail", "forget", "omit")
    alone = doer.dep_ in ("ROOT", "appos") and doer.head.pos_ not in ("VERB", "AUX")
    return "agent" not in children and (lapse or (alone and doer.pos_ in ("NOUN", "PROPN")))


def _past_the_clock(subject: Token, verb: Token) -> Token | None:
    """A timestamp read as the subject ("14:02 UTC — @k.smith deleted…"): the doer is the
    noun right before the verb, after the timestamp; none in "14:02 UTC — Send X…"."""
    numeric = subject.like_num and not any(c.lower_ == "no" for c in subject.children)
    if not (numeric or subject.text.upper() in CLOCK_WORDS):
        return subject  # (a subject, not a time: "no one")
    doc = verb.doc
    for index in range(verb.i - 1, subject.i, -1):
        token = doc[index]
        if token.is_punct:
            return None
        if token.pos_ in ("NOUN", "PROPN", "PRON") or token.text.startswith("@"):
            return token
    return None


def _misread_subject(verb: Token) -> Token | None:
    """A doer the tagger took for an auxiliary: "Will took down…", "@k.smith forgot…",
    "Will did not check…" (a name before a real auxiliary, or before a past form)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not auxes:
        return None
    for aux in auxes:
        # "I should have double-checked": the parser hung the subject on "have".
        hung = [c for c in aux.children if c.dep_ in ("nsubj", "expl") and c.i < aux.i]
        if hung:
            return hung[-1]
    first = auxes[0]
    if lemma(first) not in REAL_AUXILIARIES or first.tag_ in ("NNP", "NNPS"):
        return first
    capitalized_modal = first.tag_ == "MD" and first.text[:1].isupper()
    opening = first.i == 0 or bool(first.is_sent_start) or first.doc[first.i - 1].is_punct
    mid_sentence = not opening
    if capitalized_modal and (past_form(verb) or len(auxes) > 1 or mid_sentence):
        return first
    return None


def agent_kind(token: Token | None, people: frozenset[str]) -> str | None:
    """ "self" (I, we), "someone" (indefinite), "nobody", "person", or None (no human)."""
    if token is None:
        return None
    lower = token.lower_
    if lower in NOBODY or (lower == "one" and any(c.lower_ == "no" for c in token.children)):
        return "nobody"  # ("no one" is two words to the parser)
    if lower in _SELF:
        return "self"
    if lower in INDEFINITE:
        return "someone"
    if lower in FIRST_PERSON:
        return "self"
    if any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in token.children) or (
        any(c.lower_ in ("a", "an") for c in token.children)
        and any(c.dep_ == "amod" and c.lower_ in _IDEAL for c in token.children)
    ):
        # "any engineer", "every reviewer", "a competent operator": nobody in particular
        return "someone" if is_human(token, people) else None
    # The construction put the token where only a doer fits, so the tagger's and the
    # NER's doubts ("Kenji" as a place, "Ines" as a plural) do not count against a name.
    return "person" if is_human(token, people, proper_nouns=True, agent_slot=True) else None


_IDEAL = lexicon().words("ideal_people_marks")


def matches_agent(token: Token | None, wanted: str, people: frozenset[str]) -> bool:
    kind = agent_kind(token, people)
    if wanted == "none":
        return True
    if wanted == "person":
        return kind in ("person", "someone")
    return kind == wanted


def negated(token: Token) -> bool:
    """The verb (or the word and its head) is negated: "did not check", "never noticed"."""
    heads = [token, token.head] if token.dep_ in ("acomp", "attr", "advmod", "amod") else [token]
    for head in heads:
        for child in head.children:
            if child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ == "never"):
                return True
    return False


def hypothetical(verb: Token) -> bool:
    """ "could cause", "can take down": a possibility, not a claim about what happened."""
    misread = _misread_subject(verb)
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    auxes = [a for a in auxes if misread is None or a.i != misread.i]  # "Will did not…"
    if past_form(verb) and not any(lemma(a) in ("have", "be") for a in auxes):
        return False  # a modal before a past tense is a misread name: "Will took down…"
    if verb.tag_ in ("VBZ", "VBP") and any(c.lower_ in ("if", "unless") for c in verb.children):
        return True  # "if the DBA team truncates the table as proposed, …": not yet done
    has_perfect = any(lemma(a) == "have" for a in auxes)
    return not has_perfect and any(a.lower_ in _HYPOTHETICAL for a in auxes)


def patient_of(verb: Token) -> Token | None:
    """What a passive verb was done to: "the warning was ignored" -> "warning"."""
    patients = [
        c
        for c in verb.children
        if c.dep_ in ("nsubjpass", "csubjpass") and c.text.upper() not in CLOCK_WORDS
    ]
    return patients[-1] if patients else None  # "14:02 UTC — the warning was ignored"
