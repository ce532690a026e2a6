"""self-blame: the writer blames themselves ("my fault", "I should have known").

Self-blame is still a first story: it ends the analysis at a person and sets a norm that
others confess. First-person facts ("I ran terraform apply at 09:14") and apologies to
customers in the messaging section are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.engine import Match, RuleInput
from blameless.language.phrases import capitalize, depersonalize, quoted
from blameless.sections import SectionKind

_FIRST = frozenset({"i", "we"})
_ME = frozenset({"me", "us", "myself", "ourselves"})
_MY = frozenset({"my", "our"})
_NEGATORS = frozenset({"not", "n't", "never", "no", "nobody", "nothing"})
_FUTURE = frozenset({"will", "'ll", "shall", "going", "would", "'d", "can", "could", "might"})
_PLANNED = frozenset(
    {"planned", "maintenance", "intentionally", "deliberately", "scheduled", "purpose", "drill"}
)
_BE_WORDS = frozenset({"is", "was", "'s", "are", "were", "be", "been", "’s"})


def check(rule: RuleInput) -> Iterator[Match]:
    if rule.context.section is SectionKind.MESSAGING:
        return  # an apology to customers is asked for there, not a confession
    sentence = rule.sentence
    finders = (
        _possessive,
        _mea_culpa,
        _on_me,
        _taking_blame,
        _mine,
        _counterfactual,
        _damage,
        _one_who,
    )
    for token in sentence:
        if quoted(token):
            continue
        for finder in finders:
            match = finder(token, rule)
            if match is not None:
                yield match
                return


# ------------------------------------------------------------------ helpers


def _first_person(token: Token) -> bool:
    return token.lower_ in _FIRST and token.dep_ in ("nsubj", "nsubjpass")


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("xcomp", "conj") and verb.head != verb:
        return _subject(verb.head)
    return None


def _negated(token: Token) -> bool:
    """ "not my fault", "it isn't on me", "nobody blames me"."""
    doc = token.doc
    sentence = token.sent
    window = doc[max(sentence.start, token.i - 3) : token.i]
    if any(t.lower_ in _NEGATORS for t in window):
        return True
    head = token
    for _ in range(4):
        # only a negation before the words counts: "on me, not the team" still confesses
        if any(
            (c.dep_ == "neg" or c.lower_ in ("nobody", "none", "noone")) and c.i < token.i
            for c in head.children
        ):
            return True
        if head.head == head:
            break
        head = head.head
    return False


def _lemma(token: Token) -> str:
    """The lemma, mending the tagger's "forgot" (read as a present-tense verb)."""
    if token.lower_ in ("forgot", "forgotten"):
        return "forget"
    return token.lemma_.lower()


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _match(first: Token, last: Token, rule: RuleInput) -> Match:
    return Match(first.idx, _end(last), suggestions=tuple(dict.fromkeys(_suggestions(rule))))


# ------------------------------------------------------------------ the finders


def _possessive(token: Token, rule: RuleInput) -> Match | None:
    """ "my fault", "my bad", "our fault", "my mistake", "my screw-up"."""
    if token.lower_ not in _MY or token.dep_ != "poss":
        return None
    noun = token.head
    words = [t for t in token.doc[token.i + 1 : noun.i + 1]]
    phrase = "".join(t.text_with_ws for t in words).strip().lower().replace(" ", "")
    if phrase not in rule.pack.patterns["fault_nouns"]:
        return None
    following = token.doc[noun.i + 1] if noun.i + 1 < token.sent.end else None
    if following is not None and following.lower_ in rule.pack.patterns["technical_heads"]:
        return None  # "my error budget", "our error rate"
    if _negated(token):
        return None
    return _match(token, noun, rule)


def _mea_culpa(token: Token, rule: RuleInput) -> Match | None:
    if token.lower_ != "mea" or token.i + 1 >= token.sent.end:
        return None
    culpa = token.doc[token.i + 1]
    if culpa.lower_ != "culpa":
        return None
    return _match(token, culpa, rule)


def _on_me(token: Token, rule: RuleInput) -> Match | None:
    """ "It's on me", "that outage is on me", "the blame rests with me"."""
    if token.lower_ not in _ME or token.dep_ != "pobj":
        return None
    prep = token.head
    verb = prep.head
    if prep.lower_ == "on" and (verb.lower_ in _BE_WORDS or verb.lemma_ == "be"):
        subject = _subject(verb)
        if subject is not None and subject.lemma_.lower() in rule.pack.patterns["duty_nouns"]:
            return None  # "the pager was on me that week"
        if _negated(prep):
            return None
        if any(c.dep_ in ("xcomp", "ccomp") and c.i > token.i for c in verb.children):
            return None  # "it's on me to update the runbook": a duty, not a confession
        start = subject if subject is not None and subject.i < prep.i else prep
        start = start.left_edge if start is subject else start
        return _match(start, token, rule)
    if prep.lower_ in ("with", "on") and verb.lemma_ in ("rest", "lie", "fall", "sit"):
        subject = _subject(verb)
        if subject is not None and subject.lemma_.lower() in ("blame", "fault", "responsibility"):
            if _negated(verb):
                return None
            return _match(subject.left_edge, token, rule)
    return None


def _taking_blame(token: Token, rule: RuleInput) -> Match | None:
    """ "I take full responsibility", "I accept the blame", "I blame myself", "I own this
    failure", "I let the team down", "I dropped the ball", "I messed up"."""
    if token.pos_ not in ("VERB", "AUX"):
        return None
    subject = _subject(token)
    if subject is None or not _first_person(subject):
        return None
    if _negated(token):
        return None
    lemma = _lemma(token)
    patterns = rule.pack.patterns
    objects = [c for c in token.children if c.dep_ in ("dobj", "attr")]
    auxiliaries = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if lemma in ("take", "accept", "bear", "assume", "shoulder") and objects:
        noun = objects[0]
        if noun.lemma_.lower() in ("blame", "fault") or (
            noun.lemma_.lower() == "responsibility"
            and not auxiliaries & _FUTURE
            and rule.context.section is not SectionKind.ACTIONS
        ):
            return _match(subject, noun, rule)
    if lemma == "blame" and any(o.lower_ in ("myself", "ourselves") for o in objects):
        return _match(subject, objects[0], rule)
    if lemma == "own" and objects and objects[0].lemma_.lower() in patterns["own_objects"]:
        return _match(subject, objects[0], rule)
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "ccomp", "advmod")}
    if lemma == "let" and "down" in particles:
        down = next(c for c in token.subtree if c.lower_ == "down")
        return _match(subject, down, rule)
    if lemma == "drop" and objects and objects[0].lower_ == "ball":
        return _match(subject, objects[0], rule)
    if lemma in patterns["mess_verbs"] and "up" in particles:
        up = next(c for c in token.children if c.lower_ == "up")
        return _match(subject, up, rule)
    if lemma in ("botch", "fumble", "bungle"):
        return _match(subject, token, rule)
    if subject.lower_ == "i" and lemma in ("fail", "neglect", "forget", "overlook", "ignore"):
        inner = [c for c in token.children if c.dep_ == "xcomp"]
        if lemma in ("fail", "neglect", "forget") and not inner:
            return None  # "I failed over the database": not a confession
        if inner and inner[0].lemma_.lower() in ("mention", "say", "add", "note", "include"):
            return None  # "I forgot to mention ...": an aside to the reader
        return _match(subject, token, rule)
    if subject.lower_ == "i" and lemma == "be":
        return _to_blame(token, subject, rule)
    return None


def _mine(token: Token, rule: RuleInput) -> Match | None:
    """ "The mistake was mine", "the fault is ours"."""
    if token.lower_ not in ("mine", "ours") or token.dep_ not in ("attr", "acomp"):
        return None
    subject = _subject(token.head)
    if subject is None or subject.lemma_.lower() not in rule.pack.patterns["fault_nouns"]:
        return None
    if _negated(token):
        return None
    return _match(subject.left_edge, token, rule)


def _to_blame(verb: Token, subject: Token, rule: RuleInput) -> Match | None:
    """ "I'm to blame", "I am at fault", "I was responsible for the outage"."""
    incident = set(rule.pack.patterns["incident_nouns"])
    for child in verb.children:
        if child.dep_ == "xcomp" and child.lemma_ == "blame":
            return _match(subject, child, rule)
        if (
            child.dep_ == "prep"
            and child.lower_ == "at"
            and any(t.lower_ == "fault" for t in child.children)
        ):
            return _match(subject, list(child.subtree)[-1], rule)
        if child.dep_ == "acomp" and child.lower_ in ("responsible", "accountable"):
            targets = [t for t in child.subtree if t.dep_ == "pobj"]
            if targets and targets[0].lemma_.lower() in incident:
                return _match(subject, targets[0], rule)
    return None


def _counterfactual(token: Token, rule: RuleInput) -> Match | None:
    """ "I should have known", "I shouldn't have", "I could have prevented this"."""
    if token.pos_ not in ("VERB", "AUX") or token.tag_ != "VBN":
        return None
    subject = _subject(token)
    if subject is None or subject.lower_ != "i":
        return None
    children = list(token.children)
    auxiliaries = [c for c in children if c.dep_ == "aux"]
    modals = [a for a in auxiliaries if a.lower_ in ("should", "could", "ought", "might", "must")]
    if token.dep_ == "xcomp" and token.head.lower_ == "ought":
        modals.append(token.head)  # "I ought to have waited": "ought" heads the clause
    if not modals or not any(a.lower_ == "have" for a in auxiliaries):
        return None
    if any(c.dep_ == "auxpass" for c in children):
        return None  # "I should have been paged": a statement about the alerting
    if token.lemma_ in ("receive", "get"):
        return None
    modal = modals[0]
    if modal.lower_ in ("could", "might") and (
        token.lemma_.lower() not in rule.pack.patterns["could_verbs"]
        or rule.context.section is SectionKind.LUCKY
    ):
        return None
    if rule.context.section is SectionKind.LUCKY:
        return None
    return _match(subject, token, rule)


def _damage(token: Token, rule: RuleInput) -> Match | None:
    """ "I broke the login flow", "I took down prod"."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in rule.pack.patterns["damage_verbs"]:
        return None
    subject = _subject(token)
    if subject is None or subject.lower_ != "i" or token.tag_ not in ("VBD", "VBN"):
        return None
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "advmod")}
    if token.lemma_ == "break" and particles & {"into", "up", "out", "apart", "down", "off"}:
        return None  # "I broke the migration into batches"
    if token.lemma_ in ("take", "bring"):
        if "down" not in particles:
            return None
        if any(t.lower_ in _PLANNED for t in token.sent):
            return None  # "I took down the service for the planned maintenance"
        last = next(c for c in token.children if c.lower_ == "down")
        return None if _negated(token) else _match(subject, last, rule)
    if _negated(token) or not any(c.dep_ in ("dobj", "prt") for c in token.children):
        return None
    return _match(subject, token, rule)


def _one_who(token: Token, rule: RuleInput) -> Match | None:
    """ "I was the one who pushed the bad config"."""
    if token.lower_ != "one" or token.dep_ != "attr":
        return None
    verb = token.head
    subject = _subject(verb)
    if subject is None or subject.lower_ != "i":
        return None
    clauses = [c for c in token.children if c.dep_ == "relcl"]
    if not clauses:
        return None
    words = {t.lower_ for t in clauses[0].subtree} | {t.lemma_.lower() for t in clauses[0].subtree}
    if not words & set(rule.pack.patterns["bad_words"]):
        return None
    return _match(subject, token, rule)


# ------------------------------------------------------------------ suggestions


def _suggestions(rule: RuleInput) -> list[str]:
    """The facts of the sentence without the confession, then a prompt for the conditions."""
    sentence = rule.sentence
    out = []
    fact = _fact(sentence, rule) or _one_who_fact(sentence)
    if fact:
        out.append(f"{fact}; <what made this look right at the time>.")
    wish = _wish(sentence)
    if wish:
        out.append(wish)
    topic = _topic(sentence, rule)
    if topic:
        out.append(
            f"Contributing factors in {topic}: <condition that made the step easy to take>; "
            "<safeguard that did not engage>."
        )
    out.append(
        "Describe what you saw and expected at the time, and which conditions made the step "
        "easy to take."
    )
    return out


def _fact(sentence: Span, rule: RuleInput) -> str | None:
    """A first-person action stated as fact: "I pointed the script at the production cluster"."""
    blame = (
        set(rule.pack.patterns["damage_verbs"])
        | set(rule.pack.patterns["mess_verbs"])
        | {
            "fail",
            "neglect",
            "forget",
            "overlook",
            "ignore",
            "let",
            "drop",
            "blame",
            "take",
            "accept",
            "own",
            "be",
            "botch",
            "fumble",
        }
    )
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.tag_ != "VBD" or verb.lemma_.lower() in blame:
            continue
        subject = _subject(verb)
        if subject is None or subject.lower_ != "i" or _negated(verb):
            continue
        if any(c.dep_ == "aux" for c in verb.children):
            continue
        conj = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
        words = [t for t in verb.subtree if t.i >= subject.i and t.i not in conj]
        while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
            words.pop()
        return capitalize(_tidy(words))
    return None


def _one_who_fact(sentence: Span) -> str | None:
    """ "I was the one who pushed the config" -> "I pushed the config"."""
    for token in sentence:
        if token.lower_ == "one" and token.dep_ == "attr":
            subject = _subject(token.head)
            clauses = [c for c in token.children if c.dep_ == "relcl"]
            if subject is not None and subject.lower_ == "i" and clauses:
                clause = clauses[0]
                conj = {t.i for c in clause.children if c.dep_ in ("conj", "cc") for t in c.subtree}
                words = [
                    t
                    for t in clause.subtree
                    if t.dep_ != "nsubj" and t.i not in conj and not t.is_punct
                ]
                return "I " + _tidy(words)
    return None


def _tidy(tokens: list[Token]) -> str:
    return re.sub(r"\s+([,.;:])", r"\1", depersonalize(tokens)).strip(" ,;")


def _wish(sentence: Span) -> str | None:
    """ "I should have waited for the canary" -> "Nothing at the time prompted me to wait ..."."""
    for verb in sentence:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subject = _subject(verb)
        if subject is None or subject.lower_ != "i":
            continue
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if "have" not in auxiliaries or not set(auxiliaries) & {"should", "could", "ought"}:
            continue
        condition = [
            c
            for c in verb.children
            if c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children)
        ]
        target = condition[0] if condition else verb
        rest = [
            t
            for t in target.subtree
            if t.i > target.i and not (t.is_punct and t.i == target.right_edge.i)
        ]
        rest = [t for t in rest if t.lower_ != "sooner"]
        tail = _tidy(rest)
        negated = any(c.lower_ in ("never", "not", "n't") for c in verb.children)
        lemma = target.lemma_.lower()
        if lemma in ("know", "realize", "realise", "see", "notice", "spot"):
            return f"Nothing at the time showed that {tail}; <where that information was>."
        if negated:
            from blameless.language.grammar import ing_form

            return (
                f"Nothing at the time warned against {ing_form(lemma)} {tail}".strip()
                + "; <what made it look safe>."
            )
        base = target.lemma_ if target.lemma_ else target.text
        base = base.removeprefix("double-").removeprefix("re-")
        if target.lower_.startswith("double") or base == "check":
            base = "check"
        return f"Nothing at the time prompted me to {base} {tail}".rstrip() + (
            "; <what the tool or signal showed instead>."
        )
    found = re.search(
        r"\bI\s+(?:should|could|ought\s+to)\s+have\s+(?:been\s+)?([\w-]+)", sentence.text
    )
    if found:
        start = sentence.start_char + found.start(1)
        word = next((t for t in sentence if t.idx >= start and t.pos_ in ("VERB", "AUX")), None)
        if word is not None and word.tag_ in ("VBN", "VBD"):
            rest = [
                t for t in sentence if t.i > word.i and not (t.is_punct and t.i == sentence.end - 1)
            ]
            base = "check" if "check" in word.lower_ else word.lemma_
            return (
                f"Nothing at the time prompted me to {base} {_tidy(rest)}".rstrip()
                + "; <what the tool or signal showed instead>."
            )
    for verb in sentence:
        if (
            verb.tag_ == "VBG"
            and verb.head.lower_ == "for"
            and any(c.dep_ == "neg" for c in verb.children)
        ):
            rest = [t for t in verb.subtree if t.i > verb.i and not t.is_punct]
            rest = [t for t in rest if t.lower_ != "sooner"]
            return (
                f"Nothing at the time prompted me to {verb.lemma_} {_tidy(rest)}".rstrip()
                + "; <what the tool or signal showed instead>."
            )
        if _lemma(verb) in ("fail", "neglect", "forget") and _subject(verb) is not None:
            inner = [c for c in verb.children if c.dep_ == "xcomp"]
            if inner and _subject(verb).lower_ == "i":
                rest = [t for t in inner[0].subtree if t.i > inner[0].i and not t.is_punct]
                return (
                    f"Nothing at the time prompted me to {inner[0].lemma_} {_tidy(rest)}".rstrip()
                    + "; <what the tool or signal showed instead>."
                )
    return None


def _topic(sentence: Span, rule: RuleInput) -> str | None:
    """What the confession is about: "for this outage", "on the stale DNS entry"."""
    incident = set(rule.pack.patterns["incident_nouns"])
    for token in sentence:
        if token.dep_ == "pobj" and token.head.lower_ in ("for", "on", "in"):
            if token.lower_ in _ME or token.pos_ == "PRON":
                continue
            words = [t for t in token.subtree if not t.is_punct]
            owner = token.head.head.lemma_.lower()
            confession = owner in (
                "bad",
                "fault",
                "blame",
                "responsibility",
                "take",
                "accept",
                "be",
            )
            if token.lemma_.lower() in incident or confession:
                return _tidy(words)
        damage = set(rule.pack.patterns["damage_verbs"]) | set(rule.pack.patterns["mess_verbs"])
        if token.dep_ == "dobj" and (token.head.lemma_ in damage or token.head.lemma_ == "botch"):
            return _tidy([t for t in token.subtree if not t.is_punct])
        gerund_object = token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "for"
        if gerund_object and not any(c.dep_ == "neg" for c in token.children):
            return _tidy([t for t in token.subtree if not t.is_punct])
        if token.lower_ == "mine" and token.dep_ == "attr":
            subject = _subject(token.head)
            fault = rule.pack.patterns["fault_nouns"]
            if subject is not None and subject.pos_ != "PRON" and subject.lemma_ not in fault:
                return _tidy([t for t in subject.subtree if not t.is_punct])
    return None
