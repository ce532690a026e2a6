"""single-cause: closure on one cause ("the sole cause", "entirely due to", "were it not for").

The term "root cause" alone is fine, and so is a non-causal "only" ("the exporter's only
dependency"); what this rule asks for is the rest of the picture: the latent conditions
and missing safeguards that had to line up with the trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import is_human
from blameless.language.engine import Match, RuleInput
from blameless.language.phrases import capitalize, depersonalize, replace_range
from blameless.sections import SectionKind

_NEGATORS = frozenset({"not", "n't", "no", "never", "rarely", "seldom", "hardly", "nor", "without"})
# Doubt about the claim is the opposite of closure: "it seems unlikely that it's the sole cause".
_DOUBT = frozenset({"unlikely", "doubt", "doubtful", "whether", "question", "questionable", "if"})
_TIME_WORDS = frozenset(
    {"now", "long", "ever", "good", "once", "days", "weeks", "months", "years", "hours", "minutes"}
)
# "were it not for X", "if it weren't for X", "had it not been for X", "if not for X"
_CONDITIONAL = re.compile(
    r"\b(?:were it not for|if it (?:were|was)(?:n't| not) for|had it not been for|"
    r"if it had(?:n't| not) been for|if not for|but for the)\b",
    re.IGNORECASE,
)
_DOWN_TO = re.compile(r"\b(?:boil|boils|boiled|boiling|come|comes|came|coming)\s+down\s+to\b", re.I)
_ALL_BECAUSE = re.compile(r"\ball\s+(?:because(?:\s+of)?|due\s+to|down\s+to)\b", re.IGNORECASE)
_NOTHING_ELSE = re.compile(
    r"\b(?:nothing\s+else\s+(?:went|was|had\s+gone|could\s+have\s+gone)\s+wrong|"
    r"everything\s+else\s+(?:worked|was\s+fine|behaved|went\s+fine)|"
    r"the\s+only\s+thing\s+that\s+(?:went|was)\s+wrong)\b",
    re.IGNORECASE,
)
_FINE_UNTIL = re.compile(
    r"\b(?:worked|was\s+working|functioned|behaved|performed|ran)\s+"
    r"(?:as\s+(?:designed|intended|expected)|fine|correctly|perfectly|normally|smoothly)|"
    r"\b(?:was|were)\s+(?:fine|healthy|stable|normal)\b",
    re.IGNORECASE,
)
_FIVE_WHYS = re.compile(
    r"^\W*(?:why\s*#?\s*(?:[3-9]|\d\d)\b|(?:[3-9])(?:st|nd|rd|th)?\s+why\b|"
    r"(?:third|fourth|fifth|sixth|seventh|last|final)\s+why\b)",
    re.IGNORECASE,
)


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    finders = (
        _sole_noun,
        _adverb,
        _conditional,
        _down_to,
        _all_because,
        _nothing_else,
        _fine_until,
        _five_whys,
    )
    for finder in finders:
        match = finder(sentence, rule)
        if match is not None:
            yield match
            return


# ------------------------------------------------------------------ helpers


def _negated_near(sentence: Span, token: Token, reach: int = 3) -> bool:
    """A negator just before the phrase, or on the verb that governs it."""
    doc = sentence.doc
    window = doc[max(sentence.start, token.i - reach) : token.i]
    if any(t.lower_ in _NEGATORS for t in window):
        return True
    head = token
    for _ in range(4):
        if any(
            c.dep_ == "neg" or c.lower_ in _NEGATORS or c.lower_ in _DOUBT for c in head.children
        ):
            return True
        if head.lower_ in _DOUBT:
            return True
        if head.head == head:
            break
        head = head.head
    return False


def _span_text(tokens: list[Token], people: frozenset[str]) -> str:
    """The words as written, with a person's name in a possessive replaced by "the"."""
    out: list[str] = []
    skip_next = False
    for token in tokens:
        if skip_next and token.tag_ == "POS":
            skip_next = False
            continue
        skip_next = False
        if token.dep_ == "poss" and is_human(token, people) and token.lower_ not in ("its",):
            out.append("the" + token.whitespace_)
            skip_next = True
            continue
        out.append(token.text_with_ws)
    text = depersonalize_text("".join(out))
    return text.strip(" ,;:.")


def depersonalize_text(text: str) -> str:
    return re.sub(r"\b(?:your|his|her|their|my)\b", "the", text)


def _until_clause_end(doc_tokens: list[Token]) -> list[Token]:
    """Tokens up to the first comma, semicolon or closing punctuation."""
    out = []
    for token in doc_tokens:
        if token.text in (",", ";", ":", "(", ")") or (token.is_punct and token.text in ".!?"):
            break
        out.append(token)
    return out


def _after(sentence: Span, char: int) -> list[Token]:
    return [t for t in sentence if t.idx >= char]


def _factors(cause: str) -> str:
    cause = cause.strip()
    if not cause:
        cause = "<trigger>"
    return (
        f"Contributing factors: {cause}; <latent condition that made it harmful>; "
        "<safeguard that was missing or did not engage>."
    )


def _prompt() -> str:
    return "What else had to be true for this to have this much impact?"


def _end(token: Token) -> int:
    return token.idx + len(token.text)


# ------------------------------------------------------------------ the finders


def _sole_noun(sentence: Span, rule: RuleInput) -> Match | None:
    """ "the sole cause", "the only reason", "exactly one cause", "the single root cause"."""
    patterns = rule.pack.patterns
    nouns = set(patterns["cause_nouns"])
    for noun in sentence:
        if noun.lemma_.lower() not in nouns or noun.pos_ not in ("NOUN", "PROPN", "VERB"):
            continue
        if noun.pos_ == "VERB" and noun.dep_ not in ("nsubj", "attr", "dobj"):
            continue  # "cause" misread as a verb only counts in a noun's position
        left = [t for t in sentence if noun.left_edge.i <= t.i < noun.i]
        words = [t.lower_ for t in left]
        closing = [t for t in left if t.lower_ in patterns["sole_adjectives"]]
        if not closing and "one" in words:
            one = words.index("one")
            before = words[one - 1] if one else ""
            if before in ("exactly", "only", "just") or words[one + 1 : one + 3] == ["and", "only"]:
                closing = [left[one - 1] if before else left[one]]
        if not closing:
            continue
        if noun.dep_ not in ("nsubj", "nsubjpass", "attr", "dobj", "appos", "conj", "ROOT"):
            continue
        if noun.dep_ == "dobj" and noun.head.lemma_ != "have":
            continue
        if any(
            c.dep_ in ("relcl", "acl") and c.lemma_.lower() in patterns["knowing_verbs"]
            for c in noun.children
        ):
            continue  # "the only cause we found", "the only reason we noticed": detection
        start = min(closing, key=lambda t: t.i)
        if _negated_near(sentence, start) or any(t.lower_ == "no" for t in left):
            continue
        cause = _cause_of(noun, sentence, rule)
        first = left[0] if left and left[0].dep_ == "det" else start
        suggestions = [_factors(cause)]
        one_of = replace_range(sentence, first.idx, _end(noun), _one_of(first, noun))
        if one_of and not rule_hits_again(one_of):
            suggestions.append(one_of)
        return Match(first.idx, _end(noun), suggestions=tuple(suggestions))
    return None


def _one_of(first: Token, noun: Token) -> str:
    plural = {"cause": "causes", "reason": "reasons", "factor": "factors"}.get(
        noun.lemma_.lower(), noun.lemma_.lower() + "s"
    )
    text = "more than one cause" if noun.dep_ == "dobj" else f"one of the {plural}"
    return text if first.i > first.sent.start else capitalize(text)


def rule_hits_again(text: str) -> bool:
    """A rewrite still containing a closure word is not offered."""
    return bool(
        re.search(r"\b(?:sole|single|only|solely|entirely|purely|exactly one)\b", text, re.I)
    )


def _cause_of(noun: Token, sentence: Span, rule: RuleInput) -> str:
    """What the sentence names as the cause: the other side of "was", or what follows ":"."""
    people = rule.context.people
    anchor = noun
    while anchor.dep_ in ("appos", "conj") and anchor.head != anchor:
        anchor = anchor.head
    head = anchor.head
    if head.lemma_ == "be":
        for child in head.children:
            other_side = child.dep_ in ("attr", "nsubj", "acomp", "ccomp") and child != anchor
            if other_side and (child.i > anchor.i or anchor.dep_ == "attr"):
                if child.lower_ in ("which", "that", "it", "this", "what"):
                    return _relative_step(child)
                return _span_text(list(child.subtree), people)
    colon = next((t for t in sentence if t.text == ":" and t.i > noun.i), None)
    if colon is not None:
        return _span_text(_after(sentence, colon.idx + 1), people)
    return "<trigger>"


def _relative_step(pronoun: Token) -> str:
    """ "..., which was the sole cause": the clause "which" stands for, as a step."""
    clause = pronoun.head
    while clause.dep_ not in ("relcl", "ROOT") and clause.head != clause:
        clause = clause.head
    antecedent = clause.head if clause.dep_ == "relcl" else None
    if antecedent is not None and antecedent.pos_ in ("VERB", "AUX"):
        return _step(antecedent)
    if antecedent is not None:
        return depersonalize(list(antecedent.subtree)[: antecedent.i - antecedent.left_edge.i + 1])
    return "<trigger>"


def _adverb(sentence: Span, rule: RuleInput) -> Match | None:
    """ "entirely due to", "solely because of", "caused entirely by", "simply due to"."""
    patterns = rule.pack.patterns
    causal = re.compile(patterns["causal_after"], re.IGNORECASE)
    strong = set(patterns["closure_adverbs"])
    weak = set(patterns["weak_adverbs"])
    for adverb in sentence:
        lower = adverb.lower_
        if lower not in strong | weak:
            continue
        after = sentence.text[_end(adverb) - sentence.start_char :]
        follows = causal.match(after)
        if lower in weak and not re.match(r"\s*due\s+to\b", after, re.IGNORECASE):
            continue  # "simply because" is often just emphasis
        governs = lower in strong and adverb.head.lemma_.lower() in patterns["causal_heads"]
        if not (follows or governs):
            continue
        ownership = adverb.head.lemma_.lower() == "responsible" or re.match(
            r"\s*responsible", after
        )
        if ownership and not _incident_object(adverb.head, patterns):
            continue  # "solely responsible for TLS termination" is ownership, not a cause
        if _negated_near(sentence, adverb, reach=2):
            continue
        cause_start = _end(adverb)
        marker = re.match(
            r"\s*(?:(?:be\s+)?(?:due|owing)\s+to|because(?:\s+of)?|caused\s+by|"
            r"(?:the\s+)?(?:a\s+)?result\s+of|attributable\s+to|down\s+to|from|to|by)\s+",
            after,
            re.IGNORECASE,
        )
        if marker:
            cause_start += marker.end()
        else:
            marker = re.search(r"\b(?:by|to|of)\s+", after)
            cause_start += marker.end() if marker else 0
        cause = _span_text(_after(sentence, cause_start), rule.context.people)
        drop_end = _end(adverb)
        while drop_end < sentence.end_char and sentence.text[drop_end - sentence.start_char] == " ":
            drop_end += 1
        fixed = replace_range(sentence, adverb.idx, drop_end, "")
        return Match(
            adverb.idx,
            _end(adverb),
            suggestions=(fixed, _factors(cause)),
            fix=(adverb.idx, drop_end, ""),
        )
    return None


def _incident_object(head: Token, patterns: dict) -> bool:
    incident = set(patterns["incident_nouns"])
    return any(t.lemma_.lower() in incident for t in head.subtree if t.dep_ == "pobj")


def _conditional(sentence: Span, rule: RuleInput) -> Match | None:
    """ "Were it not for X, the incident would never have happened." """
    if rule.context.section is SectionKind.LUCKY:
        return None  # "had it not been for the replica, we'd have lost data" is luck
    found = _CONDITIONAL.search(sentence.text)
    if not found:
        return None
    start = sentence.start_char + found.start()
    end = sentence.start_char + found.end()
    cause_tokens = _until_clause_end(_after(sentence, end))
    if not cause_tokens or cause_tokens[0].lower_ in _TIME_WORDS:
        return None  # "for weeks, if not for months"
    if cause_tokens[0].ent_type_ in ("DATE", "TIME"):
        return None
    if not _spared(sentence, cause_tokens[-1], rule):
        return None  # "were it not for the backup, we would have lost data" is luck
    cause = _span_text(cause_tokens, rule.context.people)
    return Match(start, end, suggestions=(_factors(cause), _prompt()))


def _spared(sentence: Span, last: Token, rule: RuleInput) -> bool:
    """The main clause says things would have been fine: negated or a verb of recovery."""
    main = [t for t in sentence if t.i > last.i]
    verbs = [t for t in main if t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")]
    if not verbs:
        return False
    verb = verbs[0]
    words = {t.lower_ for t in main}
    if words & {"never", "not", "n't", "none", "nothing", "no"}:
        return True
    if words & set(rule.pack.patterns["fine_words"]):
        return True
    return verb.lemma_.lower() in rule.pack.patterns["recovery_verbs"]


def _down_to(sentence: Span, rule: RuleInput) -> Match | None:
    """ "The incident boils down to one bad cron expression." """
    found = _DOWN_TO.search(sentence.text)
    if not found:
        return None
    start = sentence.start_char + found.start()
    end = sentence.start_char + found.end()
    verb = next((t for t in sentence if t.idx == start), None)
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    incident = set(rule.pack.patterns["incident_nouns"])
    if not subjects:
        return None
    subject = subjects[0]
    vague = subject.lower_ in ("it", "this", "that", "everything", "all")
    if subject.lemma_.lower() not in incident and not (
        vague and rule.context.section in (SectionKind.CAUSE, SectionKind.SUMMARY)
    ):
        return None
    if _negated_near(sentence, verb, reach=2):
        return None
    rest = _after(sentence, end)
    if rest and rest[0].lower_ in ("whether", "how", "what", "who", "which", "when"):
        return None
    cause = _span_text(rest, rule.context.people)
    return Match(start, end, suggestions=(_factors(cause), _prompt()))


def _all_because(sentence: Span, rule: RuleInput) -> Match | None:
    """ "It was all because of a trailing space in the bucket name." """
    found = _ALL_BECAUSE.search(sentence.text)
    if not found:
        return None
    start = sentence.start_char + found.start()
    end = sentence.start_char + found.end()
    first = next((t for t in sentence if t.idx == start), None)
    if first is None or _negated_near(sentence, first, reach=2):
        return None
    cause = _span_text(_after(sentence, end), rule.context.people)
    return Match(start, end, suggestions=(_factors(cause), _prompt()))


def _nothing_else(sentence: Span, rule: RuleInput) -> Match | None:
    """ "Nothing else went wrong; the load balancer config was the problem." """
    found = _NOTHING_ELSE.search(sentence.text)
    if not found:
        return None
    start = sentence.start_char + found.start()
    end = sentence.start_char + found.end()
    rest = _after(sentence, end)
    rest = [t for t in rest if not (t.is_punct and t.i == rest[0].i)]
    cause = _span_text(rest, rule.context.people) if rest else "<trigger>"
    cause = re.sub(r"\s+(?:was|is|were)\s+the\s+(?:problem|issue|cause|culprit)$", "", cause)
    return Match(start, end, suggestions=(_factors(cause), _prompt()))


def _fine_until(sentence: Span, rule: RuleInput) -> Match | None:
    """ "Everything worked as designed until the operator intervened." """
    found = _FINE_UNTIL.search(sentence.text)
    if not found:
        return None
    people = rule.context.people
    for marker in sentence:
        if marker.idx < sentence.start_char + found.end():
            continue
        if marker.lower_ not in ("until", "till", "except", "but"):
            continue
        clause = marker.head
        if marker.lower_ == "but" and not (
            marker.i + 1 < sentence.end and sentence.doc[marker.i + 1].lower_ == "for"
        ):
            continue
        agents = [
            t for t in clause.subtree if t.dep_ in ("nsubj", "pobj", "poss") and is_human(t, people)
        ]
        if not agents:
            continue
        verb = clause if clause.pos_ in ("VERB", "AUX") else None
        step = _step(verb) if verb is not None else "the change"
        start = sentence.start_char + found.start()
        return Match(
            start,
            _end(marker),
            suggestions=(
                f"Contributing factors around {step}: <latent condition that made it risky>; "
                "<safeguard that did not engage>; <signal that was missing>.",
                _prompt(),
            ),
        )
    return None


def _step(verb: Token) -> str:
    """ "the intern ran the backfill" -> "running the backfill"."""
    from blameless.language.grammar import ing_form

    objects = [t for c in verb.children if c.dep_ in ("dobj", "prt") for t in c.subtree]
    words = " ".join(t.text for t in sorted(objects, key=lambda t: t.i))
    return (
        f"{ing_form(verb.lemma_)} {depersonalize(objects)}".strip()
        if words
        else ing_form(verb.lemma_)
    )


def _five_whys(sentence: Span, rule: RuleInput) -> Match | None:
    """A five-whys answer that ends the chain at a person ("Why #5: the developer didn't ...")."""
    found = _FIVE_WHYS.match(sentence.text)
    if not found:
        return None
    people = rule.context.people
    for token in sentence:
        if token.dep_ in ("nsubj", "nsubjpass") and is_human(token, people):
            verb = token.head
            if any(c.dep_ == "neg" for c in verb.children) or verb.lemma_ in (
                "forget",
                "fail",
                "miss",
                "ignore",
                "skip",
                "neglect",
            ):
                start = sentence.start_char + found.start()
                words = [t for t in sentence if not t.is_space]
                while words and words[0].is_punct:
                    words.pop(0)
                return Match(
                    words[0].idx if words else start,
                    _end(verb),
                    suggestions=(
                        "Keep asking past the person: which tool, default or pressure made this "
                        "step likely, and which safeguard did not engage?",
                        _prompt(),
                    ),
                )
    return None
