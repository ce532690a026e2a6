"""person-as-cause: a person, role or team named as the cause of the outage.

Found through the parse: the subject (or passive agent) of a damage verb ("Priya took
down the cluster"), the possessor of an error noun ("Raj's typo"), the complement of
"root cause"/"culprit", "due to <person>", "<person> is to blame". Naming who did what
with a neutral verb ("14:02 Alice deployed v2.3") is a timeline fact and left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import FIRST_PERSON, NOBODY, is_human, phrase_of
from blameless.language.engine import Match, RuleInput
from blameless.language.grammar import phrase_start
from blameless.language.phrases import (
    capitalize,
    depersonalize,
    replace_range,
)
from blameless.model import Severity
from blameless.sections import SectionKind

_SUBJECTS = ("nsubj", "csubj")


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    patterns = rule.pack.patterns
    people = rule.context.people
    for finder in (
        _possessive,
        _cause_label,
        _blame_copula,
        _agent_of_damage,
        _because_of,
        _because_clause,
    ):
        match = finder(sentence, patterns, people)
        if match is not None:
            if rule.context.section is SectionKind.TIMELINE:
                match = Match(
                    match.start, match.end, match.suggestions, match.fix, Severity.WARNING
                )
            yield match
            return


def _human(token: Token, people: frozenset[str]) -> bool:
    """A person other than the writer ("I", "we" are self-blame and collective ownership)."""
    if token.lower_ in FIRST_PERSON or token.lower_ in NOBODY:
        return False
    return is_human(token, people, proper_nouns=True)


def _negated(token: Token) -> bool:
    if any(child.dep_ == "neg" for child in token.children):
        return True
    return any(
        child.dep_ == "det" and child.lower_ in ("no", "neither") for child in token.children
    )


def _words_end(tokens: Span) -> int:
    last = tokens[-1]
    return last.idx + len(last.text)


# -- "Raj's typo", "Marco's misconfigured rate limit", "Kevin's fault" -------------------


def _possessive(sentence: Span, patterns: dict, people: frozenset[str]) -> Match | None:
    for token in sentence:
        if token.dep_ != "poss" or not _human(token, people):
            continue
        noun = token.head
        if not _is_error_noun(noun, patterns) or _negated(noun):
            continue
        owner = phrase_of(token)
        start = owner[0].idx
        # The possessor phrase ends at "'s" (a case child) or at the name itself ("Luis's").
        marker = [child for child in token.children if child.dep_ == "case"]
        end = _words_end((marker and sentence.doc[marker[-1].i : marker[-1].i + 1]) or owner)
        noun_end = _words_end(sentence.doc[noun.i : noun.i + 1])
        if noun.lemma_.lower() in patterns["fault_nouns"]:
            return Match(start, noun_end, suggestions=(patterns["fault_prompt"],))
        article = _article(noun, at_start=start == sentence.start_char)
        suggestion = replace_range(sentence, start, end, article)
        return Match(start, noun_end, suggestions=(suggestion,), fix=(start, end, article))
    return None


def _is_error_noun(noun: Token, patterns: dict) -> bool:
    if (
        noun.lemma_.lower() in patterns["error_nouns"]
        or noun.lemma_.lower() in patterns["fault_nouns"]
    ):
        return True
    # "Kwame's misconfigured rate limit": the modifier may hang off a compound.
    return any(
        token.lower_ in patterns["bad_modifiers"] for token in noun.subtree if token.i < noun.i
    )


def _article(noun: Token, at_start: bool) -> str:
    """ "a typo" at the start of a sentence, "the typo" inside one; nothing for plurals."""
    if noun.tag_ in ("NNS", "NNPS"):
        return "The" if at_start else "the"
    if at_start:
        words = [t for t in noun.subtree if t.i > noun.left_edge.i or t == noun]
        following = [t for t in words if t.dep_ not in ("poss", "case")]
        first = (following[0].lower_ if following else noun.lower_)[:1]
        return "An" if first in "aeiou" else "A"
    return "the"


# -- "Root cause: the mobile team", "The cause was Oluwaseun", "The culprit was Yuki" ----


def _cause_label(sentence: Span, patterns: dict, people: frozenset[str]) -> Match | None:
    doc = sentence.doc
    for token in sentence:
        if token.lemma_.lower() not in patterns["cause_labels"]:
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_ in ("be", "turn", "prove"):
            # "the cause was X", "the culprit turned out to be X"
            if _negated(token.head):
                continue
            targets = [t for t in token.head.subtree if t.dep_ in ("attr", "acomp")]
        elif token.i + 1 < sentence.end and doc[token.i + 1].text == ":":
            # "Root cause: X" — the heads of the fragment after the colon
            fragment = doc[token.i + 2 : sentence.end]
            targets = [
                t
                for t in fragment
                if not (fragment.start <= t.head.i < fragment.end) or t.head == t
            ]
        else:
            continue
        for target in targets:
            if _human(target, people) and not _negated(target):
                start = token.left_edge.idx if token.left_edge.i >= sentence.start else token.idx
                return Match(
                    start, _words_end(phrase_of(target)), suggestions=(patterns["cause_prompt"],)
                )
    return None


# -- "The blame lies with ops", "The reviewer is to blame", "QA is at fault" -------------


def _blame_copula(sentence: Span, patterns: dict, people: frozenset[str]) -> Match | None:
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in ("blame", "fault", "responsibility") and token.dep_ in ("nsubj", "nsubjpass"):
            # "the blame lies with X", "the fault lies with X"
            verb = token.head
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "on"):
                    for person in prep.children:
                        if person.dep_ == "pobj" and _human(person, people) and not _negated(verb):
                            return Match(
                                token.left_edge.idx,
                                _words_end(phrase_of(person)),
                                suggestions=(patterns["cause_prompt"],),
                            )
        if lemma == "be" or token.lemma_ in ("turn", "prove"):
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
            if not subjects or not _human(subjects[0], people) or _negated(token):
                continue
            if _negated(subjects[0]):
                continue
            words = {t.lower_ for t in token.subtree}
            blamed = ("to" in words and "blame" in words) or ("at" in words and "fault" in words)
            blamed = blamed or "culprit" in words or _responsible_for_incident(token, patterns)
            if blamed:
                words = [t for t in token.subtree if not t.is_punct] or [token]
                return Match(
                    phrase_start(subjects[0]),
                    _words_end(sentence.doc[words[-1].i : words[-1].i + 1]),
                    suggestions=(patterns["cause_prompt"],),
                )
    return None


def _responsible_for_incident(verb: Token, patterns: dict) -> bool:
    """ "is responsible for the outage" (not "is responsible for TLS termination")."""
    for token in verb.subtree:
        if token.lower_ == "responsible":
            objects = [t for t in token.subtree if t.dep_ == "pobj"]
            return any(o.lemma_.lower() in patterns["incident_nouns"] for o in objects)
    return False


# -- "Priya took down the EU cluster", "The search index was wiped by @kwame" ------------


def _agent_of_damage(sentence: Span, patterns: dict, people: frozenset[str]) -> Match | None:
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX") and verb.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VB"):
            continue
        damage = _damage_phrase(verb, patterns)
        if damage is None or _negated(verb):
            continue
        passive = any(child.dep_ == "auxpass" for child in verb.children)
        if passive:
            for agent in verb.children:
                if agent.dep_ != "agent":
                    continue
                people_ = [t for t in agent.children if t.dep_ == "pobj" and _human(t, people)]
                if people_:
                    start, end = agent.idx, _words_end(phrase_of(people_[0]))
                    rewrite = replace_range(sentence, start, end, patterns["agent_replacement"])
                    return Match(start, end, suggestions=(rewrite, patterns["cause_prompt"]))
            continue
        subject = _subject(verb)
        if subject is None or not _human(subject, people) or _negated(subject):
            continue
        return _subject_match(sentence, verb, subject, damage, patterns)
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head  # "it was Joaquín who corrupted the index"
            return child
    # "Kofi ran the script and wiped the bucket": the subject of the first verb.
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    return None


def _damage_phrase(verb: Token, patterns: dict) -> str | None:
    """The verb's damage reading ("take down", "break", "push a bad …"), or None."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    for particle in particles:
        if f"{lemma} {particle}" in patterns["damage_phrasal_verbs"]:
            return f"{lemma} {particle}"
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if lemma in patterns["damage_verbs"]:
        return lemma
    if lemma in ("lead", "result"):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "in"):
                return f"{lemma} {prep.lower_}"
    if lemma in patterns["bad_change_verbs"]:
        for obj in objects:
            bad = {c.lower_ for c in obj.children if c.dep_ in ("amod", "compound")}
            if obj.lemma_.lower() in patterns["defect_nouns"] or bad & set(
                patterns["bad_modifiers"]
            ):
                return lemma
    return None


def _subject_match(
    sentence: Span, verb: Token, subject: Token, damage: str, patterns: dict
) -> Match:
    start = phrase_start(subject)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    end = (
        _words_end(sentence.doc[objects[0].i : objects[0].i + 1])
        if objects
        else _words_end(sentence.doc[verb.i : verb.i + 1])
    )
    obj_text = depersonalize(objects[0].subtree) if objects else "the service"
    prompt = patterns["subject_prompt"].format(action=f"{damage} {obj_text}".strip())
    suggestions = [prompt]
    participle = patterns["participles"].get(damage)
    if objects and participle:
        rest_start = objects[0].right_edge.i + 1
        rest = depersonalize(
            t
            for t in sentence.doc[rest_start : sentence.end]
            if not (t.is_punct and t.i == sentence.end - 1)
        )
        passive = capitalize(f"{obj_text} was {participle}{' ' + rest if rest else ''}.")
        suggestions.insert(0, passive)
    return Match(start, end, suggestions=tuple(suggestions))


# -- "because of the on-call engineer", "due to Bob" -------------------------------------


def _because_of(sentence: Span, patterns: dict, people: frozenset[str]) -> Match | None:
    doc = sentence.doc
    for token in sentence:
        if token.dep_ != "pobj" or not _human(token, people):
            continue
        left = phrase_of(token)[0].i
        if left - 2 < sentence.start:
            continue
        phrase = f"{doc[left - 2].lower_} {doc[left - 1].lower_}"
        # Not "thanks to": nearly always sincere ("thanks to Ingrid's quick bisect").
        if phrase not in ("because of", "due to", "owing to"):
            continue
        return Match(
            doc[left - 2].idx, _words_end(phrase_of(token)), suggestions=(patterns["cause_prompt"],)
        )
    return None


# -- "Checkout went down because the contractor pushed to the release branch" ------------


def _because_clause(sentence: Span, patterns: dict, people: frozenset[str]) -> Match | None:
    for marker in sentence:
        if marker.lower_ != "because" or marker.dep_ != "mark":
            continue
        clause = marker.head
        outcome = clause.head
        if clause.dep_ != "advcl" or not _is_outcome(outcome, patterns):
            continue
        subject = _subject(clause)
        if subject is None or not _human(subject, people) or _negated(clause):
            continue
        return Match(
            marker.idx,
            _words_end(sentence.doc[clause.i : clause.i + 1]),
            suggestions=(patterns["cause_prompt"],),
        )
    return None


def _is_outcome(verb: Token, patterns: dict) -> bool:
    """"the outage happened", "checkout went down", "the deploy failed"."""
    lemma = verb.lemma_.lower()
    particles = {c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod", "acomp")}
    if lemma == "go" and particles & {"down", "offline", "out", "dark"}:
        return True
    if lemma in patterns["outcome_verbs"]:
        return True
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    return any(s.lemma_.lower() in patterns["incident_nouns"] for s in subjects)
