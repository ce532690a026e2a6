"""concealed-blame: blame with the person taken out ("the warning was ignored").

Passive voice is not the problem: postmortems use it on purpose ("the deploy was rolled
back at 14:20"). The rule fires on a passive with an evaluative verb (ignored, missed,
overlooked, not followed), on "mistakes were made", and on "someone forgot/broke ...":
each implies a human failing while explaining nothing. A reason given in the same
sentence ("... was skipped because the flag defaults to off") leaves it alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from blameless.language.agents import is_english_word, is_human
from blameless.language.engine import Match, RuleInput
from blameless.language.grammar import ing_form, phrase_start
from blameless.language.phrases import capitalize, depersonalize

_PAST_PASSIVE = frozenset({"was", "were", "been", "got", "gotten", "get"})
_REASONS = frozenset({"because", "since", "as", "so", "while", "whilst"})
_CONSEQUENCE = frozenset({"so", "therefore", "thus", "hence", "consequently"})
_HYPOTHETICAL = frozenset({"can", "could", "may", "might", "would", "will", "'ll", "should"})
_INDEFINITE = frozenset({"someone", "somebody"})
# Hindsight words that must not be carried into a rewrite.
_LOADED = frozenset({"obvious", "clear", "blatant", "glaring", "simple"})


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    if sentence.text.rstrip().endswith("?"):
        return  # "was the alert missed?" asks; it does not assert
    for token in sentence:
        match = _passive(token, rule) or _made(token, rule) or _someone(token, rule)
        if match is not None:
            yield match
            return


# ------------------------------------------------------------------ helpers


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubjpass", "nsubj"):
            return child
    if verb.dep_ == "conj" and verb.head != verb:
        return _subject_of(verb.head)
    return None


def _explained(verb: Token) -> bool:
    """A reason or a standing mechanism in the same sentence: the fact plus its 'how'."""
    for child in verb.children:
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in _REASONS for m in child.children
        ):
            return True
        if child.dep_ == "prep" and child.lower_ in ("because", "due", "owing"):
            return True
        if child.dep_ == "agent":
            return True  # "by the rollout tool": the agent is named, nothing is concealed
    if any(c.lower_ in _CONSEQUENCE and c.i < verb.i for c in verb.children):
        return True  # "... set these to the same value, so the error wasn't noticed"
    sentence = verb.sent
    after = [t for t in sentence if t.i > verb.i]
    for index, token in enumerate(after):
        if token.text in (";", ":", "—", "–"):
            rest = after[index + 1 :]
            roots = [t for t in rest if t.dep_ in ("ROOT", "conj", "ccomp", "parataxis")]
            for root in roots:
                if root.tag_ in ("VBZ", "VBP") or any(
                    c.tag_ in ("VBZ", "VBP") and c.dep_ == "aux" for c in root.children
                ):
                    return True  # "...; renewal relies on a calendar reminder"
            return False
    return False


def _noun_phrase(noun: Token) -> str:
    """The subject as written, minus hindsight adjectives, with a capital letter."""
    words = [
        t
        for t in noun.subtree
        if (not (t.lower_ in _LOADED and t.dep_ == "amod") and not t.is_punct) or t.text == "-"
    ]
    return capitalize(depersonalize(words))


def _rest(verb: Token, skip: set[int]) -> str:
    words = [t for t in verb.subtree if t.i > verb.i and t.i not in skip]
    while words and (words[-1].is_punct or words[-1].is_space):
        words.pop()
    return depersonalize(words)


# ------------------------------------------------------------------ the finders


def _passive(verb: Token, rule: RuleInput) -> Match | None:
    """ "The low-disk warning was ignored", "the runbook was not followed"."""
    if verb.tag_ != "VBN" or verb.pos_ not in ("VERB", "AUX"):
        return None
    children = list(verb.children)
    passive = [c for c in children if c.dep_ == "auxpass"]
    if not passive or passive[0].lower_ not in _PAST_PASSIVE:
        return None  # "unknown keys are ignored": a system's standing behaviour
    if passive[0].lower_ in ("been", "get") and any(
        c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in children
    ):
        return None  # "it could have been missed": a risk, not a claim
    patterns = rule.pack.patterns
    lemma = verb.lemma_.lower()
    negation = next((c for c in children if c.dep_ == "neg"), None)
    if negation is not None:
        if lemma not in patterns["not_done_verbs"]:
            return None
    elif lemma not in patterns["evaluative_verbs"]:
        return None
    subject = _subject_of(verb)
    if subject is None or is_human(subject, rule.context.people):
        return None
    technical = patterns["technical_subjects"]
    if subject.lemma_.lower() in technical or subject.lower_ in technical:
        return None
    only = patterns["only_subjects"].get(lemma)
    if only is not None and not (
        subject.lemma_.lower() in only
        or subject.lemma_.lower() in patterns["process_nouns"]
        or subject.lemma_.lower() in patterns["signal_nouns"]
    ):
        return None  # "lookups were missed", "rows were skipped": the system's own doing
    if _explained(verb):
        return None
    if lemma == "act" and not any(c.lower_ in ("on", "upon") for c in children):
        return None
    start = subject.left_edge
    return Match(
        start.idx,
        _end(verb)
        if not any(c.dep_ == "prt" for c in children)
        else _end(max((c for c in children if c.dep_ == "prt"), key=lambda t: t.i)),
        suggestions=tuple(_passive_suggestions(verb, subject, negation, rule)),
    )


def _passive_suggestions(
    verb: Token, subject: Token, negation: Token | None, rule: RuleInput
) -> list[str]:
    patterns = rule.pack.patterns
    what = _noun_phrase(subject)
    lowered = what[:1].lower() + what[1:]
    lemma = verb.lemma_.lower()
    noun = subject.lemma_.lower()
    skip = {c.i for c in verb.children if c.dep_ in ("neg", "auxpass", "aux", "nsubjpass")}
    skip |= {t.i for t in subject.subtree}
    rest = _rest(verb, skip)
    tail = f" {rest}" if rest else ""
    arrived = [
        f"{what} arrived at <time> in <channel>, alongside <what competed for attention>; "
        "first response at <time>.",
        "What made this signal hard to act on at the time?",
    ]
    if lemma in patterns["botch_verbs"]:
        return [
            f"During {lowered}, <step> went wrong because <condition>; "
            "<which safeguard did not engage>."
        ]
    if negation is not None:
        if lemma in patterns["signal_verbs"]:
            return arrived
        return [
            f"Nothing in the tooling required {lowered} to be {verb.text}{tail}; "
            "<what made going ahead look reasonable at the time>.",
        ]
    enforced = [
        f"Nothing in the tooling enforced {lowered}{tail}; "
        "<what made going ahead look reasonable at the time>.",
    ]
    if noun in patterns["process_nouns"] or lemma in ("skip", "bypass", "circumvent", "flout"):
        return enforced
    if noun in patterns["signal_nouns"] or lemma in patterns["signal_verbs"]:
        return arrived
    return [
        f"{what} stayed open from <time> to <time>; "
        "<what competed for the time and attention it needed>."
    ]


def _made(verb: Token, rule: RuleInput) -> Match | None:
    """ "Mistakes were made during the failover."."""
    if verb.lemma_ != "make" or verb.tag_ != "VBN":
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = _subject_of(verb)
    if subject is None:
        return None
    patterns = rule.pack.patterns
    lemma = subject.lemma_.lower()
    judged = lemma in patterns["mistake_nouns"] or (
        lemma in ("decision", "call", "choice", "judgment", "judgement", "assumption")
        and any(c.lower_ in patterns["bad_adjectives"] for c in subject.children)
    )
    if not judged or any(c.dep_ == "neg" for c in verb.children):
        return None
    where = next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("during", "in", "while", "when", "on", "at")
        ),
        None,
    )
    context = capitalize(depersonalize(list(where.subtree))) + ", " if where is not None else ""
    first = context or ""
    step = "<step>" if first else "At <time>, <step>"
    return Match(
        phrase_start(subject),
        _end(verb),
        suggestions=(
            f"{first}{step} looked right because <what was known then>; "
            "<which safeguard did not engage>.",
        ),
    )


def _someone(token: Token, rule: RuleInput) -> Match | None:
    """ "Someone forgot to renew the certificate", "a certain engineer decided to ..."."""
    if token.dep_ != "nsubj":
        return None
    verb = token.head
    patterns = rule.pack.patterns
    certain = any(c.lower_ == "certain" for c in token.children) and is_human(
        token, rule.context.people
    )
    if token.lower_ not in _INDEFINITE and not certain:
        return None
    if any(c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return None  # "someone could delete the namespace": a hazard worth naming
    if any(
        c.dep_ == "mark" and c.lower_ in ("if", "when", "whenever", "unless") for c in verb.children
    ):
        return None
    lemma = verb.lemma_.lower()
    blame = set(patterns["someone_verbs"])
    conjuncts = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    without = any(
        c.lower_ == "without" for c in verb.subtree if c.dep_ == "prep" and c.head == verb
    )
    fingered = any("finger" in t.lower_ for t in verb.subtree if t.i > token.i)
    if not (
        certain
        or lemma in blame
        or without
        or fingered
        or any(c.lemma_ in blame for c in conjuncts)
    ):
        return None
    return Match(
        token.left_edge.idx,
        _end(verb),
        suggestions=tuple(_someone_suggestions(verb, rule)),
    )


def _gerund_conjuncts(text: str) -> str:
    """ "... to main and bypassed review" -> "... to main and bypassing review"."""
    return re.sub(
        r" and (\w+ed) ", lambda m: f" and {ing_form(_base(m.group(1)))} ", text + " "
    ).strip()


def _base(past: str) -> str:
    """A regular past form's base, checked against the pipeline's English words."""
    stem = past[:-3] + "y" if past.endswith("ied") else past[:-2]
    candidates = [stem + "e", stem, stem[:-1] if stem[-1:] == stem[-2:-1] else stem]
    for candidate in candidates:
        if is_english_word(candidate):
            return candidate
    return candidates[2]


def _someone_suggestions(verb: Token, rule: RuleInput) -> list[str]:
    lemma = verb.lemma_.lower()
    inner = [c for c in verb.children if c.dep_ == "xcomp"]
    if lemma in ("decide", "choose", "chose", "try", "manage") and inner:
        verb, lemma = inner[0], inner[0].lemma_.lower()
        inner = [c for c in verb.children if c.dep_ == "xcomp"]
    skip = {t.i for c in verb.children if c.dep_ in ("cc", "conj") for t in c.subtree}
    skip |= {c.i for c in verb.children if c.dep_ in ("aux", "neg")}
    if lemma in ("forget", "neglect", "fail") and inner:
        action = inner[0]
        rest = _rest(action, skip)
        step = f"{ing_form(action.lemma_)} {rest}".strip()
        return [
            f"{capitalize(step)} was a manual step with no reminder or check; "
            "<what made it easy to miss at the time>."
        ]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in rule.pack.patterns["signal_verbs"] and objects:
        what = _noun_phrase(objects[0])
        return [
            f"{what} arrived at <time> in <channel>, alongside <what competed for attention>; "
            "first response at <time>.",
        ]
    rest = _gerund_conjuncts(_rest(verb, skip))
    head = verb.lemma_ if verb.lemma_ else verb.text
    step = f"{ing_form(head)} {rest}".strip()
    return [
        f"Nothing in the tooling stopped or confirmed {step}; <which guard was missing>.",
        'Name the role and the time instead of "someone", and describe what the tool showed.',
    ]
