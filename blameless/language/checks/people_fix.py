"""people-fix: action items and statements that try to change a person, not the system.

"Retrain Bob", "be more careful", "remind everyone to double-check", "revoke Bob's
access": each asks people to be different next time. The rule fires only when the words
are a directive (an imperative, a modal such as "must" or "will", "need to", an action
item) aimed at people or at no one in particular, never when a system is the subject
("the bot reminds the on-call") or the sentence reports what happened.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import (
    PLURAL_PRONOUNS,
    ROLE_NOUNS,
    TEAM_NOUNS,
    is_human,
    technical_names,
)
from blameless.language.engine import Match, RuleInput
from blameless.language.grammar import ing_form
from blameless.language.phrases import capitalize, depersonalize, join, verb_phrase
from blameless.sections import SectionKind

# Group pronouns an exhortation is aimed at ("we need to be more careful").
_GROUP_WORDS = frozenset(
    {"we", "us", "everyone", "everybody", "all", "each", "you", "anyone", "anybody"}
)
_MODALS = frozenset({"must", "should", "shall", "will", "'ll", "ought", "need", "needs"})
# Passives that state an expectation of people: "engineers are expected to ...".
_EXPECTED = frozenset({"expect", "require", "ask", "suppose", "encourage", "remind", "instruct"})
# Words before a trigger that turn it into a mention or a contrast ("rather than reminding").
_CONTRAST = re.compile(
    r"\b(?:rather than|instead of|not by|no longer|without|stop|stops|stopped|"
    r"relying on|rely on|relies on|depend on|depends on|depended on|than)\b[^,;:.]*$",
    re.IGNORECASE,
)
# Verbs whose object is the people-fix being replaced, not requested.
_REPLACING = frozenset({"replace", "automate", "eliminate", "avoid", "drop", "retire", "remove"})
# Things people are told to watch more closely; the fix is in how they are shown.
_SIGNALS = frozenset(
    {"alert", "warning", "page", "dashboard", "graph", "signal", "notification", "metric", "log"}
)
_LEADING = frozenset({"please", "also", "then", "and", "going", "forward", "in", "future"})


def check(rule: RuleInput) -> Iterator[Match]:
    finders: tuple[Callable[[Token, RuleInput], Match | None], ...] = (
        _punitive,
        _access,
        _training,
        _reminder,
        _diligence,
        _ensure,
        _talk_to,
        _never_again,
        _stricter,
    )
    for token in rule.sentence:
        if _contrasted(token):
            continue
        for finder in finders:
            match = finder(token, rule)
            if match is not None:
                yield match
                return


# ------------------------------------------------------------------ who and when


def person(token: Token, people: frozenset[str]) -> bool:
    """A person or group of people, including "we" and "everyone" (the exhortation's audience)."""
    if token.lower_ in _GROUP_WORDS or is_human(token, people):
        return True
    # "the QA team": the tagger reads "QA" as an organization, which hides the team.
    return token.lemma_.lower() in TEAM_NOUNS and any(
        child.dep_ == "compound" and child.lower_ in TEAM_NOUNS | ROLE_NOUNS
        for child in token.children
    )


def _individual(token: Token, people: frozenset[str]) -> bool:
    """One person: a name, a handle, "the intern"; not a team, a group or a plural."""
    if token.lower_ in _GROUP_WORDS | PLURAL_PRONOUNS or token.tag_ in ("NNS", "NNPS"):
        return False
    if token.lemma_.lower() in TEAM_NOUNS | {"group", "people", "folks", "staff"}:
        return False
    return is_human(token, people)


def _target_after(token: Token, people: frozenset[str], reach: int = 5) -> Token | None:
    """The person named right after a verb, also when the parser misreads an imperative
    ("Retrain Luis ..." parsed as a compound name)."""
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "dative") and person(child, people):
            return child
    doc = token.doc
    end = min(token.sent.end, token.i + 1 + reach)
    for candidate in doc[token.i + 1 : end]:
        stops = candidate.pos_ in ("VERB", "AUX", "ADP") or candidate.dep_ in ("prep", "punct")
        if stops and candidate.text not in ("<", ">", "-"):
            return None
        if candidate.pos_ in ("NOUN", "PROPN", "PRON", "X") or candidate.tag_ == "ADD":
            nxt = doc[candidate.i + 1] if candidate.i + 1 < end else None
            if nxt is not None and nxt.dep_ == "compound" and nxt.head == candidate:
                continue
            if candidate.dep_ == "compound" and candidate.head.i > candidate.i:
                continue
            if person(candidate, people):
                return candidate
    return None


def _subject(clause: Token) -> Token | None:
    """Who the clause is about, following "need to be", "ask X to ...", "X to retake ..."."""
    token = clause
    for _ in range(6):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if token.dep_ == "xcomp":
            objects = [c for c in token.head.children if c.dep_ in ("dobj", "dative")]
            if objects:
                return objects[0]
        if token.dep_ in ("relcl", "acl") and _infinitive(token):
            return token.head  # "Bob to retake the certification"
        if token.dep_ in ("xcomp", "conj", "acomp", "ccomp") and token.head != token:
            token = token.head
            continue
        return None
    return None


def _infinitive(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _opens_as_verb(token: Token) -> bool:
    """A base-form verb that opens the sentence, whatever the parser made of it: the tagger
    often reads an imperative as a name ("Retrain Luis", "Revoke @kwame's access")."""
    return _opens_sentence(token) and token.lower_ == token.lemma_.lower() and token.dep_ != "aux"


def _imperative(verb: Token) -> bool:
    """A bare verb that opens its sentence or conjoins with one that does."""
    if verb.tag_ in ("VBG", "VBD", "VBN", "VBZ"):
        return False  # "Remembering to appoint ..." names a checklist item, not an order
    if verb.dep_ in ("compound", "nmod", "amod", "npadvmod"):
        return _opens_as_verb(verb)
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children):
        return False
    if any(child.dep_ == "aux" and child.lower_ not in ("do", "please") for child in verb.children):
        return False
    if verb.dep_ == "conj" and verb.head.i < verb.i:
        return _imperative(verb.head)
    if verb.dep_ in ("ccomp", "advcl", "parataxis") and verb.head.i > verb.i and verb.tag_ == "VB":
        return _opens_sentence(verb)  # "Try to ...: if ..., ..." parsed as a complement
    return verb.dep_ == "ROOT" and _opens_sentence(verb)


def _opens_sentence(token: Token) -> bool:
    for word in token.sent:
        if word.i == token.i:
            return True
        if word.is_punct or word.is_space or word.lower_ in _LEADING or word.dep_ == "neg":
            continue
        if word.dep_ in ("advmod", "intj", "aux") and word.head == token:
            continue
        return False
    return False


def directive(clause: Token, section: SectionKind) -> bool:
    """The clause asks for something to happen (imperative, modal, "need to", action item)."""
    token = clause
    for _ in range(7):
        children = list(token.children)
        auxiliaries = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
        if auxiliaries & _MODALS:
            return True
        if (
            token.lemma_ in ("need", "have")
            and token.tag_ in ("VBP", "VBZ", "VB")
            and any(c.dep_ == "xcomp" for c in children)
        ):
            return True
        if token.lemma_ in _EXPECTED and token.tag_ == "VBN" and auxiliaries & {"is", "are", "be"}:
            return True
        if _imperative(token):
            return True
        if token.dep_ in ("relcl", "acl") and _infinitive(token):
            return section is SectionKind.ACTIONS or token.head.dep_ == "ROOT"
        if token.dep_ in ("xcomp", "ccomp", "conj", "acomp", "advcl", "pcomp", "dobj"):
            if token.head == token:
                return False
            token = token.head
            continue
        if token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN"):
            return section is SectionKind.ACTIONS
        if token.dep_ == "pobj" and token.head.head != token.head:
            token = token.head.head
            continue
        return False
    return False


def _negated(clause: Token) -> bool:
    token = clause
    for _ in range(4):
        if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in token.children):
            return True
        if token.dep_ in ("xcomp", "acomp", "ccomp", "conj") and token.head != token:
            token = token.head
            continue
        return False
    return False


def _contrasted(token: Token) -> bool:
    """ "rather than reminding people ...": a people-fix named only to be replaced."""
    sentence = token.sent
    before = sentence.text[: token.idx - sentence.start_char]
    if _CONTRAST.search(before):
        return True
    return any(a.lemma_.lower() in _REPLACING and a.pos_ == "VERB" for a in token.ancestors)


def _audience_ok(clause: Token, people: frozenset[str]) -> bool:
    """No subject (an imperative) or a human one; "the bot reminds ..." is a system."""
    subject = _subject(clause)
    return subject is None or person(subject, people)


def _match(start: Token, stop: Token, suggestions: list[str]) -> Match:
    first, last = (start, stop) if start.i <= stop.i else (stop, start)
    if last.dep_ == "case" or last.text in ("'s", "’s"):
        last = last.head
    doc = last.doc
    if (
        last.i + 1 < len(doc)
        and doc[last.i + 1].text == ">"
        and last.i > 0
        and doc[last.i - 1].text == "<"
    ):
        last = doc[last.i + 1]  # a Slack mention "<@U024BE7LH>" is one name
    return Match(
        first.idx, last.idx + len(last.text), suggestions=tuple(dict.fromkeys(suggestions))
    )


def _phrase(token: Token) -> str:
    """The noun phrase (or clause) headed by a token, with "his"/"your" made neutral."""
    return depersonalize(t for t in token.subtree if not (t.is_punct and t.i == token.right_edge.i))


# ------------------------------------------------------------------ the finders


def _punitive(token: Token, rule: RuleInput) -> Match | None:
    """Disciplinary measures, warnings, performance plans, "hold X accountable"."""
    lower, lemma = token.lower_, token.lemma_.lower()
    patterns = rule.pack.patterns
    people = rule.context.people
    sentence = rule.sentence
    if lower == "disciplinary" or (lower == "pip" and token.text.isupper()):
        head = token.head if lower == "disciplinary" else token
        if _denied(head):
            return None
        return _match(token, head, _personnel_suggestions(sentence, rule))
    if (
        lower in patterns["warning_kinds"]
        and token.head.lemma_.lower() == "warning"
        and token.head.dep_ in ("dobj", "ROOT", "nsubjpass", "pobj")
        and not _denied(token.head)
    ):
        return _match(token, token.head, _personnel_suggestions(sentence, rule))
    if lemma == "performance" and token.i + 1 < sentence.end:
        following = token.doc[token.i + 1]
        if following.lower_ == "improvement" and token.i + 2 < sentence.end:
            plan = token.doc[token.i + 2]
            if plan.lemma_.lower() == "plan" and not _denied(plan):
                return _match(token, plan, _personnel_suggestions(sentence, rule))
        if following.lemma_.lower() == "review" and _personal_review(following, people):
            return _match(token, following, _personnel_suggestions(sentence, rule))
    if lemma == "hold" and token.pos_ == "VERB":
        return _hold_accountable(token, rule)
    sanction = lemma in ("reprimand", "discipline", "demote", "sanction", "punish")
    if sanction and token.pos_ == "VERB" and directive(token, rule.context.section):
        target = _target_after(token, people)
        if target is not None and _individual(target, people):
            return _match(token, target, _personnel_suggestions(sentence, rule))
    if lower == "name" and token.i + 2 < sentence.end:
        rest = token.doc[token.i + 1 : token.i + 3].text.lower()
        shaming = rest.replace("-", " ").startswith("and shame") or rest.startswith("- and")
        if shaming and not _denied(token):
            return _match(token, token.doc[token.i + 2], _personnel_suggestions(sentence, rule))
    return None


def _denied(token: Token) -> bool:
    """ "No disciplinary action will follow", "reviews are never used for disciplinary
    action": the measure is ruled out, which is what a blameless review says."""
    if any(c.lower_ in ("no", "without", "never") or c.dep_ == "neg" for c in token.children):
        return True
    for ancestor in token.ancestors:
        if ancestor.lower_ in ("without", "instead", "not"):
            return True
        if any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in ancestor.children):
            return True
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ == "ROOT":
            break
    return False


def _personal_review(review: Token, people: frozenset[str]) -> bool:
    """ "Kevin's performance review", "a performance review for the engineer"."""
    for child in review.children:
        if child.dep_ == "poss" and person(child, people):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in ("for", "of")
            and any(person(t, people) for t in child.children if t.dep_ == "pobj")
        ):
            return True
    return False


def _hold_accountable(hold: Token, rule: RuleInput) -> Match | None:
    words = [t for t in hold.subtree if t.lower_ in ("accountable", "responsible", "liable")]
    if not words or not directive(hold, rule.context.section) or _negated(hold):
        return None
    people = rule.context.people
    target = _target_after(hold, people) or next(
        (t for t in hold.subtree if t.dep_ in ("nsubj", "dobj") and person(t, people)), None
    )
    if target is None or target.i > words[0].i:
        return None
    outcome = next(
        (
            t
            for t in words[0].subtree
            if t.dep_ == "pobj" and t.head.lower_ == "for" and not person(t, people)
        ),
        None,
    )
    about = _phrase(outcome) if outcome is not None else "this incident"
    suggestions = [
        f"List the conditions that allowed {about}, and add the safeguard that was missing.",
        *_personnel_suggestions(rule.sentence, rule),
    ]
    return _match(hold, words[0], suggestions)


def _access(token: Token, rule: RuleInput) -> Match | None:
    """ "Revoke @kwame's production access", "Remove Tomasz from the on-call rotation"."""
    patterns = rule.pack.patterns
    if token.lemma_.lower() not in patterns["removal_verbs"] or token.lower_ == "removed":
        return None
    if token.lemma_.lower() == "take" and not any(
        c.lower_ in ("away", "off") for c in token.children
    ):
        return None
    sentence = rule.sentence
    if any(t.lower_ in patterns["security_words"] for t in sentence):
        return None  # a compromised or departed account is security work, not a sanction
    if not directive(token, rule.context.section):
        return None
    people = rule.context.people
    access_nouns = set(patterns["access_nouns"])
    for later in sentence[token.i - sentence.start + 1 :]:
        if later.lemma_.lower() in access_nouns:
            owners = [c for c in later.children if c.dep_ == "poss" and _individual(c, people)]
            owners += [
                t
                for t in later.subtree
                if t.dep_ == "pobj"
                and t.head.lower_ in ("from", "for", "of")
                and _individual(t, people)
            ]
            if not owners:
                owners = [
                    t
                    for t in token.subtree
                    if t.dep_ == "pobj"
                    and t.head.lower_ in ("from", "for")
                    and _individual(t, people)
                ]
            if owners:
                what = _access_phrase(later)
                return _match(
                    token,
                    later,
                    [
                        f"Grant {what} by role for everyone, and require a confirmation or a "
                        "second approval for destructive actions.",
                        *_personnel_suggestions(sentence, rule),
                    ],
                )
    target = _target_after(token, people, reach=4)
    if target is None or not _individual(target, people):
        return None
    for prep in token.subtree:
        if prep.lower_ not in ("from", "off") or prep.i < target.i:
            continue
        place = {t.lower_ for t in prep.subtree} | {t.lemma_.lower() for t in prep.subtree}
        if place & set(patterns["rotation_nouns"]):
            return _match(token, target, _personnel_suggestions(sentence, rule))
    return None


def _access_phrase(noun: Token) -> str:
    """ "@kwame's production access until further notice" -> "production access"."""
    dropped: set[int] = set()
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ == "prep" and child.lower_ in ("from", "until", "for", "of", "till")
        ):
            dropped.update(t.i for t in child.subtree)
        if child.is_punct:
            dropped.add(child.i)
    return depersonalize(t for t in noun.subtree if t.i not in dropped)


def _training(token: Token, rule: RuleInput) -> Match | None:
    """Retraining, remedial training, coaching, educating or re-certifying a person."""
    patterns = rule.pack.patterns
    people = rule.context.people
    section = rule.context.section
    lower, lemma = token.lower_, token.lemma_.lower()
    if lower.startswith(("retrain", "re-train")) or lemma in patterns["teaching_verbs"]:
        if lower.startswith(("retrain", "re-train")) and token.pos_ == "NOUN":
            target = _for_person(token, people)
        else:
            target = _target_after(token, people)
        if target is None:
            return None
        clause = token if token.pos_ in ("VERB", "AUX") else target
        if token.pos_ == "VERB" and not directive(token, section):
            return None
        if token.pos_ != "VERB" and not (_opens_sentence(token) or section is SectionKind.ACTIONS):
            return None
        if _negated(clause):
            return None
        return _match(token, target, _training_suggestions(token, rule))
    if lemma in ("training", "course", "certification", "onboarding"):
        modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
        if lemma == "training" and modifiers & set(patterns["remedial_modifiers"]):
            if _denied(token) or not _training_directive(token, section):
                return None
            first = min(
                (c for c in token.children if c.dep_ in ("amod", "compound")), key=lambda t: t.i
            )
            return _match(first, token, _training_suggestions(token, rule))
        retake = token.head if token.dep_ == "dobj" else None
        if retake is not None and retake.lemma_.lower() in patterns["retake_verbs"]:
            subject = _subject(retake)
            if (subject is None or person(subject, people)) and directive(retake, section):
                return _match(retake, token, _training_suggestions(token, rule))
        if lemma == "training" and _training_directive(token, section):
            target = _for_person(token, people)
            if target is not None and _individual(target, people):
                return _match(token, target, _training_suggestions(token, rule))
    return None


def _for_person(noun: Token, people: frozenset[str]) -> Token | None:
    for prep in noun.subtree:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            for target in prep.children:
                if target.dep_ == "pobj" and person(target, people):
                    return target
    return None


def _training_directive(noun: Token, section: SectionKind) -> bool:
    head = noun
    while head.dep_ in ("pobj", "prep", "conj", "compound", "appos") and head.head != head:
        head = head.head
    if head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN"):
        return section is SectionKind.ACTIONS or _opens_sentence(noun.sent[0])
    verb = head.head if head.dep_ in ("dobj", "nsubjpass", "attr") else head
    return directive(verb, section)


def _reminder(token: Token, rule: RuleInput) -> Match | None:
    """ "Remind all engineers to ...", "send a reminder to the team to ..."."""
    people = rule.context.people
    lemma = token.lemma_.lower()
    if lemma == "remind" and token.pos_ == "VERB":
        if not directive(token, rule.context.section) or _negated(token):
            return None
        target = _target_after(token, people)
        if token.tag_ == "VBN" and target is None:
            subject = _subject(token)
            target = subject if subject is not None and person(subject, people) else None
        if target is None or not _audience_ok(token, people) or _by_tool(token):
            return None
        return _match(token, target, _reminder_suggestions(token, rule))
    if lemma == "reminder" and token.head.lemma_.lower() in rule.pack.patterns["sending_verbs"]:
        verb = token.head
        if not directive(verb, rule.context.section) or not _audience_ok(verb, people):
            return None
        recipients = [
            t
            for t in verb.subtree
            if t.dep_ == "pobj" and t.head.lower_ == "to" and person(t, people)
        ]
        if not recipients:
            return None
        return _match(verb, recipients[0], _reminder_suggestions(token, rule))
    return None


def _by_tool(verb: Token) -> bool:
    """ "Remind the on-call via PagerDuty", "automatically remind ...": the system does it."""
    for child in verb.children:
        if child.lower_ in ("automatically", "automated"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("via", "through", "by", "with", "from"):
            return True
    return False


def _diligence(token: Token, rule: RuleInput) -> Match | None:
    """Be careful, pay attention, take more care, double-check, remember to, follow the runbook."""
    patterns = rule.pack.patterns
    people = rule.context.people
    section = rule.context.section
    lower, lemma = token.lower_, token.lemma_.lower()
    found: tuple[Token, Token, Token] | None = None  # (start, end, clause)
    if (
        lemma in patterns["care_adjectives"]
        and token.pos_ == "ADJ"
        and token.dep_ in ("acomp", "xcomp")
    ):
        if token.head.lemma_ in ("be", "become", "stay", "remain", "get", "keep"):
            found = (_degree(token), token, token.head)
    elif lower == "carefully" and any(c.lower_ in ("more", "extra") for c in token.children):
        found = (_degree(token), token, token.head)
    elif lemma == "attention" and token.head.lemma_ == "pay":
        found = (token.head, token, token.head)
    elif lemma == "care" and token.head.lemma_ == "take" and token.dep_ == "dobj":
        if any(
            c.lower_ in ("more", "extra", "greater", "better", "special") for c in token.children
        ):
            found = (token.head, token, token.head)
    elif (lemma == "check" and token.pos_ == "VERB") or lower in ("double-check", "triple-check"):
        degree = [
            t
            for t in token.doc[max(token.sent.start, token.i - 2) : token.i]
            if t.lower_ in ("double", "triple", "re")
        ]
        if degree or ("-" in lower and lower != "check"):
            found = ((degree or [token])[0], token, token)
    elif lemma == "remember" and token.pos_ == "VERB":
        if any(c.dep_ == "xcomp" and _infinitive(c) for c in token.children):
            found = (token, token, token)
    elif (
        lemma == "forget" and token.pos_ == "VERB" and any(c.dep_ == "neg" for c in token.children)
    ):
        if any(c.dep_ == "xcomp" for c in token.children) and _imperative(token):
            return _match(token.doc[_first_aux(token)], token, _check_suggestions(token, rule))
    elif lemma in ("follow", "adhere", "comply", "stick") and token.pos_ == "VERB":
        found = _following(token, rule)
    if found is None:
        return None
    start, end, clause = found
    caveat = section not in (SectionKind.ACTIONS, SectionKind.LESSONS, SectionKind.LESSONS_POORLY)
    if lemma in patterns["care_adjectives"] and start == token and _imperative(clause) and caveat:
        return None  # "Be careful: the script defaults to us-east-1" is a caveat for readers
    if not directive(clause, section) or _negated(clause) or not _audience_ok(clause, people):
        return None
    if lemma in ("check", "remember") or "check" in lower:
        suggestions = _check_suggestions(token, rule)
    elif lemma in ("follow", "adhere", "comply", "stick"):
        suggestions = _follow_suggestions(token)
    else:
        suggestions = _care_suggestions(token, clause)
    return _match(start, end, suggestions)


def _first_aux(verb: Token) -> int:
    return min([c.i for c in verb.children if c.dep_ in ("aux", "neg")] + [verb.i])


def _degree(adjective: Token) -> Token:
    """Start the span at "more" in "more careful"."""
    adverbs = [c for c in adjective.children if c.dep_ == "advmod" and c.i < adjective.i]
    return min(adverbs, key=lambda t: t.i) if adverbs else adjective


def _following(verb: Token, rule: RuleInput) -> tuple[Token, Token, Token] | None:
    """ "must follow the runbook", "always follow the procedure" (as an action item)."""
    process_nouns = set(rule.pack.patterns["process_nouns"])
    objects = [
        t
        for t in verb.subtree
        if t.dep_ in ("dobj", "pobj") and t.lemma_.lower() in process_nouns and t.i > verb.i
    ]
    if not objects:
        return None
    if (
        _imperative(verb)
        and rule.context.section is not SectionKind.ACTIONS
        and not any(c.lower_ in ("always", "strictly") for c in verb.children)
    ):
        return None  # an instruction in a runbook excerpt, not a remediation
    subject = _subject(verb)
    if subject is not None and not person(subject, rule.context.people):
        return None
    return (verb, objects[0], verb)


def _ensure(token: Token, rule: RuleInput) -> Match | None:
    """ "Ensure that engineers always follow ...", "make sure to double-check ..."."""
    lemma = token.lemma_.lower()
    if lemma == "ensure" or (lemma == "sure" and token.head.lemma_ == "make"):
        head = token if lemma == "ensure" else token.head
        if not directive(head, rule.context.section):
            return None
        behaviour = set(rule.pack.patterns["behaviour_verbs"])
        people = rule.context.people
        for clause in token.children:
            if clause.dep_ not in ("ccomp", "xcomp") or clause.pos_ not in ("VERB", "AUX"):
                continue
            subject = _subject(clause) if clause.dep_ == "ccomp" else None
            if clause.dep_ == "ccomp" and (subject is None or not person(subject, people)):
                continue
            habitual = any(c.lower_ in ("always", "never") for c in clause.children)
            if clause.lemma_.lower() in behaviour or habitual:
                suggestions = (
                    _follow_suggestions(clause)
                    if clause.lemma_.lower() in ("follow", "adhere", "comply")
                    else _check_suggestions(clause, rule)
                )
                return _match(head, subject if subject is not None else token, suggestions)
    return None


def _talk_to(token: Token, rule: RuleInput) -> Match | None:
    """ "Talk to X about ...", "have a conversation with X": a private correction."""
    lemma = token.lemma_.lower()
    people = rule.context.people
    if lemma in ("talk", "speak") and token.pos_ == "VERB":
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("to", "with")]
    elif lemma in ("conversation", "chat", "word", "talk") and token.pos_ == "NOUN":
        # "have a word with X": the parser hangs "with" on the noun or on "have"
        holders = [token, token.head] if token.dep_ == "dobj" else [token]
        preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
    else:
        return None
    verb = token if token.pos_ == "VERB" else token.head
    if not preps or not directive(verb, rule.context.section):
        return None
    targets = [
        t
        for t in preps[0].subtree
        if t.dep_ in ("pobj", "appos") and (_individual(t, people) or _name_like(t))
    ]
    if not targets or _negated(verb):
        return None
    rest = [t for t in token.subtree if t.i > targets[0].right_edge.i and not t.is_punct]
    rest += [
        t for t in verb.subtree if t.i > token.right_edge.i and not t.is_punct and verb != token
    ]
    cues = set(rule.pack.patterns["conduct_cues"])
    topic = " ".join(t.lower_ for t in rest)
    if rest and token.lower_ != "word" and not any(cue in topic for cue in cues):
        return None  # "talk to Priya about the migration plan" is collaboration
    subject = next((t for t in rest if t.lemma_.lower() in ("follow", "announce")), None)
    suggestions = [*_topic_suggestions(rest, subject), *_personnel_suggestions(rule.sentence, rule)]
    return _match(token.doc[_first_aux(verb)] if verb != token else token, targets[0], suggestions)


def _name_like(token: Token) -> bool:
    """A capitalized proper noun that the tagger called a nationality or nothing at all
    ("Siobhán" as NORP): after "talk to" a proper noun is nearly always a person."""
    return (
        token.pos_ == "PROPN"
        and token.ent_type_ in ("", "NORP", "PERSON")
        and token.text[:1].isupper()
        and token.lower_ not in technical_names()
    )


def _never_again(token: Token, rule: RuleInput) -> Match | None:
    """ "Never run the cleanup script on a Friday again": a vow, not a safeguard."""
    if token.lower_ != "again" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = token.head
    negations = [c for c in verb.children if c.dep_ == "neg" or c.lower_ == "never"]
    if not negations or not directive(verb, rule.context.section):
        return None
    if not _audience_ok(verb, rule.context.people):
        return None
    action = verb_phrase(verb, skip=[token, *negations])
    action = re.sub(r"\s+again\b", "", action)
    return _match(
        min(negations, key=lambda t: t.i),
        token,
        [
            f"Make the tooling refuse or ask for confirmation before it lets anyone {action}.",
        ],
    )


def _stricter(token: Token, rule: RuleInput) -> Match | None:
    """ "Stricter enforcement of the code freeze": enforced by whom, with what?"""
    if token.lower_ not in ("stricter", "strictly", "strict"):
        return None
    target = token.head
    if target.lemma_.lower() not in ("enforcement", "adherence", "compliance", "enforce", "adhere"):
        return None
    sentence = rule.sentence
    mechanisms = set(rule.pack.patterns["mechanism_nouns"])
    if any(t.lemma_.lower() in mechanisms for t in sentence):
        return None  # enforced by a tool, a pipeline or a check: a system change
    if not (directive(target, rule.context.section) or target.dep_ == "ROOT"):
        return None
    thing = next((t for t in target.children if t.dep_ == "prep" and t.lower_ == "of"), None)
    what = (
        depersonalize(t for t in thing.subtree if t.i != thing.i and not _person_prep(t, rule))
        if thing is not None
        else "the rule"
    )
    return _match(
        token,
        target,
        [f"Enforce {what} in the deploy pipeline, so that a change that breaks it is blocked."],
    )


def _person_prep(token: Token, rule: RuleInput) -> bool:
    """Inside "for the mobile team" (the people the rule was aimed at)."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ == "prep" and ancestor.lower_ == "for":
            return any(person(t, rule.context.people) for t in ancestor.children)
    return False


# ------------------------------------------------------------------ suggestions


def _action(verb: Token) -> str:
    """The verb's phrase without its subject, auxiliaries or the words around "double"."""
    skip = [
        c
        for c in verb.children
        if c.dep_ in ("aux", "neg", "nsubj", "advmod", "punct") and c.i < verb.i
    ]
    skip += [t for t in verb.doc[max(verb.sent.start, verb.i - 2) : verb.i] if t.text == "-"]
    skip += [c for c in verb.children if c.dep_ in ("cc", "conj")]
    skip += [t for c in verb.children if c.dep_ == "conj" for t in c.subtree]
    return verb_phrase(verb, skip=skip).removeprefix("double-").removeprefix("triple-")


def _check_suggestions(token: Token, rule: RuleInput) -> list[str]:
    verb = token
    if token.lemma_.lower() in ("remember", "forget"):
        inner = [c for c in token.children if c.dep_ == "xcomp"]
        verb = inner[0] if inner else token
    if verb.lemma_.lower() in ("follow", "adhere", "comply"):
        return _follow_suggestions(verb)
    action = _action(verb)
    if verb.lemma_.lower() in ("read", "review", "look", "consult", "watch", "study"):
        objects = [t for t in verb.subtree if t.dep_ in ("dobj", "pobj") and t.i > verb.i]
        what = _phrase(objects[0]) if objects else "the information"
        return [
            f"Put {what} where the step happens (in the tool's output or the page), so that "
            "nothing depends on looking it up."
        ]
    if verb.lemma_.lower() == "check":
        action = "check" + action[len(verb.text.split("-")[-1]) :] if action else "check"
    return [
        capitalize(
            f"automatically {action}, and block the step or ask for confirmation when "
            "the check fails."
        ),
    ]


def _follow_suggestions(verb: Token) -> list[str]:
    objects = [t for t in verb.subtree if t.dep_ in ("dobj", "pobj") and t.i > verb.i]
    what = _phrase(objects[0]) if objects else "the procedure"
    return [
        f"Build the steps of {what} into the tooling, so that a skipped step blocks the change "
        "or asks for confirmation."
    ]


def _care_suggestions(token: Token, clause: Token) -> list[str]:
    """ "be more careful when editing X" -> a preview, diff or confirmation for editing X."""
    holders = [token, clause]
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "xcomp" and _infinitive(child):
                return [
                    capitalize(f"automatically {_action(child)}, and block the step when it fails.")
                ]
            if child.dep_ == "prep" and child.lower_ in ("to", "about", "with", "on"):
                target = [c for c in child.children if c.dep_ == "pobj"]
                signal = target and target[0].lemma_.lower() in _SIGNALS
                if target and (token.lemma_ == "attention" or signal):
                    return [
                        f"Change {_phrase(target[0])} so that what needs action pages or "
                        "stands out."
                    ]
    for holder in holders:
        for child in holder.children:
            if child.i < token.i:
                continue
            if child.dep_ == "advcl" or (
                child.dep_ == "prep" and child.lower_ in ("with", "about", "when", "on", "during")
            ):
                words = [t for t in child.subtree if not _sentence_end(t)]
                text = join(words)
                for old, new in (("with ", "for "), ("about ", "for "), ("on ", "for ")):
                    if text.lower().startswith(old):
                        text = new + text[len(old) :]
                return [
                    f"Add a preview, diff or confirmation step {depersonalize_text(text)}, so "
                    "that a wrong change is caught before it lands."
                ]
    return [
        "Add a preview, diff, dry-run or confirmation step to the tooling involved, so that "
        "a wrong change is caught before it lands."
    ]


def depersonalize_text(text: str) -> str:
    return re.sub(r"\b(?:your|his|her|their|my)\b", "the", text)


def _sentence_end(token: Token) -> bool:
    sentence = token.sent
    return token.is_punct and all(t.is_punct for t in sentence[token.i - sentence.start :])


def _reminder_suggestions(token: Token, rule: RuleInput) -> list[str]:
    """What the reminder was for becomes something the tooling does or blocks."""
    for inner in token.subtree if token.pos_ == "VERB" else token.head.subtree:
        if inner.dep_ in ("xcomp", "advcl", "acl") and inner.pos_ == "VERB" and _infinitive(inner):
            if inner.lemma_.lower() in ("follow", "adhere", "comply"):
                return _follow_suggestions(inner)
            return _check_suggestions(inner, rule)
    return [
        "Make the step automatic, or make skipping it blocked, loud or reversible.",
    ]


def _training_suggestions(token: Token, rule: RuleInput) -> list[str]:
    """Training on X -> change X so that the risky step is visible and guarded."""
    topic = None
    for candidate in [token, *token.ancestors, *token.subtree]:
        for prep in candidate.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "about", "in"):
                objects = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                if objects:
                    topic = objects[0]
                    break
        if topic is not None:
            break
    if topic is None and token.lemma_.lower() in ("certification", "course", "onboarding"):
        topic = token
    suggestions = []
    if topic is not None:
        if topic.pos_ == "VERB":
            what = _action(topic)
            suggestions.append(
                f"Change the tooling so that people can {what} without relying on memory, "
                "and add the scenario to the next game day."
            )
        else:
            what = _topic_phrase(topic, rule)
            suggestions.append(
                f"Change the tooling for {what} so that the risky step is blocked, needs "
                "confirmation, or is reversible."
            )
    suggestions.append(
        "Add the scenario to the next game day or the onboarding checklist for the whole "
        "rotation, and change the tool so that the risky step is visible where it happens."
    )
    return suggestions


def _topic_phrase(noun: Token, rule: RuleInput) -> str:
    """A noun phrase without the people it names or the time it is bounded by."""
    dropped: set[int] = set()
    for prep in noun.subtree:
        if prep.dep_ == "prep" and (
            prep.lower_ in ("before", "after", "until", "when", "by", "during")
            or any(person(t, rule.context.people) for t in prep.children)
        ):
            dropped.update(t.i for t in prep.subtree)
    return depersonalize(
        t
        for t in noun.subtree
        if t.i not in dropped and not (t.is_punct and t.i == noun.right_edge.i)
    )


def _topic_suggestions(rest: list[Token], verb: Token | None) -> list[str]:
    if verb is not None and verb.lemma_.lower() in ("follow", "adhere"):
        return _follow_suggestions(verb)
    gerunds = [t for t in rest if t.tag_ == "VBG"]
    if gerunds:
        head, _, tail = _action(gerunds[0]).partition(" ")
        step = f"{ing_form(head)} {tail}".strip()
        return [
            f"Make {step} a step the tooling does or prompts for, so that it does not depend "
            "on one person."
        ]
    return []


def _personnel_suggestions(sentence: Span, rule: RuleInput) -> list[str]:
    """A sanction names no safeguard; ask for the system change it stands in for."""
    people = rule.context.people
    for token in sentence:
        if token.dep_ == "relcl" and token.pos_ == "VERB" and person(token.head, people):
            action = _action(token)
            head, _, rest = action.partition(" ")
            step = f"{ing_form(head)} {rest}".strip()
            return [
                f"Change the tooling so that {step} is blocked, needs confirmation, or is "
                "reversible.",
            ]
    return [
        "Change the tooling or process so that the risky step is blocked, needs "
        "confirmation, or is reversible.",
    ]
