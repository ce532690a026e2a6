"""counterfactual: what a person did not do, used to explain what happened.

"should/could/ought to have", "failed/neglected/forgot to", "didn't bother",
"ignored", "overlooked", "didn't check", "was supposed to", "if X had…", "Had X…" —
with a person as the subject. A system as the subject is a description of a control
("the health check failed to detect…") and is left alone, and so are the places where
counterfactuals belong: "Where we got lucky" and the rationale of an action item.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import FIRST_PERSON, NOBODY, is_human
from blameless.language.engine import Match, RuleInput
from blameless.language.grammar import phrase_start
from blameless.language.phrases import depersonalize, past_participle
from blameless.sections import SectionKind

_SUBJECTS = ("nsubj", "nsubjpass")
_OMISSIONS = frozenset({"fail", "neglect", "omit", "forget"})
# Sections where a counterfactual is expected rather than blame.
_EXPECTED_IN = (SectionKind.LUCKY, SectionKind.ACTIONS)


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    if rule.context.section in _EXPECTED_IN:
        return
    if rule.context.quoted or rule.context.section is SectionKind.APPENDIX:
        return  # chat logs are full of "should have"; they are evidence, not the analysis
    patterns = rule.pack.patterns
    people = rule.context.people
    for token in sentence:
        found = (
            _modal_perfect(token, patterns, people)
            or _omission_verb(token, patterns, people)
            or _negated_diligence(token, patterns, people)
            or _supposed_to(token, patterns, people)
            or _conditional(token, sentence, patterns, people)
        )
        if found is not None:
            yield found
            return


def _human_subject(verb: Token, people: frozenset[str]) -> Token | None:
    """The person doing `verb` (not the writer, not "nobody"), following conjunctions."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None and verb.dep_ in ("conj", "xcomp") and verb.head != verb:
        return _human_subject(verb.head, people)
    if subject is None and verb.dep_ == "acl" and verb.lemma_.lower() in _OMISSIONS:
        subject = verb.head  # "Nguyen Van An omitted to update…" parsed as a modifier
    if subject is None or subject.lower_ in FIRST_PERSON or subject.lower_ in NOBODY:
        return None
    return subject if is_human(subject, people, proper_nouns=True) else None


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _object_rewrite(action: Token, patterns: dict) -> tuple[str, ...]:
    """ "renew the TLS certificate" -> "The TLS certificate was not renewed." plus a prompt."""
    words = [t for t in action.subtree if t.i > action.i]
    phrase = depersonalize([action, *words]).rstrip(".!?;:, ")
    phrase = (
        f"{action.lemma_}{phrase[len(action.text) :]}" if phrase.startswith(action.text) else phrase
    )
    prompt = patterns["prompt"].format(action=phrase)
    objects = [c for c in action.children if c.dep_ == "dobj"]
    lemma = action.lemma_.lower()
    if not objects or lemma in patterns["perception_verbs"] or lemma in patterns["diligence_verbs"]:
        # "The backup was not verified" would only hide who skipped a check; ask instead.
        return (prompt,)
    obj = objects[0]
    obj_text = depersonalize(obj.subtree)
    particles = [c for c in action.children if c.dep_ == "prt"]  # "hand over", "roll back"
    verb = " ".join([past_participle(action.lemma_), *(p.lower_ for p in particles)])
    rest = depersonalize(
        t for t in action.subtree if t.i > obj.right_edge.i and t not in particles
    ).rstrip(".!?;:, ")
    passive = f"{obj_text} was not {verb}{' ' + rest if rest else ''}."
    return (passive[:1].upper() + passive[1:], prompt)


def _match(subject: Token, last: Token, action: Token | None, patterns: dict) -> Match:
    start = phrase_start(subject)
    suggestions = (
        _object_rewrite(action, patterns) if action is not None else (patterns["generic_prompt"],)
    )
    return Match(start, _end(last), suggestions=suggestions)


# "The reviewer should have noticed…", "Oluwaseun could have paused…", "ought to have"
def _modal_perfect(token: Token, patterns: dict, people: frozenset[str]) -> Match | None:
    if token.tag_ != "VBN":
        return None
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    lowered = [a.lower_ for a in auxiliaries]
    if "have" not in lowered and "'ve" not in lowered:
        return None
    ought = token.dep_ == "xcomp" and token.head.lower_ == "ought"  # "ought to have tested"
    if not ought and not any(a.lower_ in patterns["modals"] for a in auxiliaries):
        return None
    if "auxpass" in {c.dep_ for c in token.children}:
        return None  # "could have been avoided": no person in it
    if token.lemma_.lower() in patterns["state_verbs"]:
        return None  # "users should have felt no difference": an expectation, not blame
    subject = _human_subject(token, people)
    if subject is None:
        return None
    return _match(subject, token, token, patterns)


# "Chris neglected to drain the node", "On-call failed to escalate", "ignored the alert"
def _omission_verb(token: Token, patterns: dict, people: frozenset[str]) -> Match | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
        return None
    if lemma in patterns["omission_verbs"] or (
        lemma == "bother" and any(c.dep_ == "neg" for c in token.children)
    ):
        action = next((c for c in token.children if c.dep_ == "xcomp"), None)
        if action is None:
            return None
    elif lemma in patterns["disregard_verbs"]:
        if not any(c.dep_ == "dobj" for c in token.children):
            return None
        action = None
    else:
        return None
    if any(c.dep_ == "auxpass" for c in token.children):
        return None
    subject = _human_subject(token, people)
    if subject is None:
        return None
    if action is None:
        objects = [c for c in token.children if c.dep_ == "dobj"]
        target = depersonalize(objects[0].subtree) if objects else "the signal"
        return Match(
            phrase_start(subject),
            _end(token),
            suggestions=(patterns["disregard_prompt"].format(signal=target),),
        )
    return _match(subject, token, action, patterns)


# "The on-call engineer did not check the error budget"
def _negated_diligence(token: Token, patterns: dict, people: frozenset[str]) -> Match | None:
    if token.lemma_.lower() not in patterns["diligence_verbs"] or token.tag_ not in ("VB", "VBD"):
        return None
    children = list(token.children)
    if not any(c.dep_ == "neg" for c in children):
        return None
    if not any(c.dep_ == "aux" and c.lemma_ == "do" for c in children):
        return None
    subject = _human_subject(token, people)
    if subject is None:
        return None
    return _match(subject, token, token, patterns)


# "The new hire was supposed to verify the backup", "<@U…> was expected to announce…"
def _supposed_to(token: Token, patterns: dict, people: frozenset[str]) -> Match | None:
    if token.lower_ not in ("supposed", "expected") or token.tag_ != "VBN":
        return None
    if not any(c.lemma_ == "be" and c.tag_ in ("VBD",) for c in token.children):
        return None
    action = next((c for c in token.children if c.dep_ == "xcomp"), None)
    subject = _human_subject(token, people)
    if action is None or subject is None:
        return None
    return _match(subject, action, action, patterns)


# "If Dana had looked at the dashboard…", "If only QA had tested…", "Had ops read the notes…"
def _conditional(
    token: Token, sentence: Span, patterns: dict, people: frozenset[str]
) -> Match | None:
    if token.tag_ not in ("VBN", "VBD"):  # "Had the manager waited" is often tagged VBD
        return None
    auxiliaries = [c for c in token.children if c.dep_ == "aux" and c.lower_ in ("had", "'d")]
    if not auxiliaries:
        return None
    marker = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "if"), None)
    inverted = auxiliaries[0].i == sentence.start or (
        auxiliaries[0].i - 1 >= sentence.start
        and sentence.doc[auxiliaries[0].i - 1].lower_ in ("only", ",")
    )
    subject = _human_subject(token, people)
    if subject is None:
        return None
    if marker is None and not (inverted and auxiliaries[0].i < subject.i):
        return None
    start = (marker or auxiliaries[0]).idx
    words = depersonalize(t for t in token.subtree if t.i > token.i).rstrip(".!?;:, ")
    phrase = f"{token.lemma_} {words}".strip()
    last = token.doc[token.right_edge.i]
    return Match(
        start,
        _end(token if last.is_punct else last),
        suggestions=(patterns["conditional_prompt"].format(action=phrase),),
    )
