"""human-error: "human error" and its folk-model cousins offered as an explanation.

Technical senses ("user error rate", "HTTP 400 user error"), mentions of the term
("we retired 'human error' as a category") and negations are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from blameless.language.agents import is_human
from blameless.language.engine import Match, RuleInput
from blameless.language.phrases import quoted, replace_range

_TECHNICAL_CONTEXT = re.compile(
    r"\b(?:http|https|api|status|response|responses|returns?|returned|4\d\d|4xx|5xx|endpoint|"
    r"validation|validator|exception|payload|request|requests|client-side|graphql|grpc)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|n't|no|never|rather than|instead of|beyond|isn't|wasn't|without)\s+"
    r"(?:(?:just|simply|merely|a|an|the|only|due to|caused by|about|blame)\s+)*$",
    re.IGNORECASE,
)
_MENTION_BEFORE = re.compile(
    r"\b(?:the\s+(?:term|label|phrase|word|category|notion|concept|idea)(?:\s+of)?|called|"
    r"labelled|labeled|so-called|dropped|retired|removed|banned)\s*[\"'“‘]?$",
    re.IGNORECASE,
)
_MENTION_AFTER = re.compile(
    r"^[\"'”’]?\s*(?:as\s+an?\s+(?:\w+[-\s])?(?:category|label|term|explanation|root.cause)|"
    r"is\s+(?:never|not)\s+(?:a|the)\s+(?:root\s+)?cause|is\s+a\s+symptom)",
    re.IGNORECASE,
)


# "Error type: human", "Category: operator" — a person-level category offered as the cause.
_HUMAN_CATEGORY = re.compile(
    r"(?P<label>\b(?:(?:error|cause|fault|failure|incident|root[\s-]cause)\s+)?"
    r"(?:type|category|class|classification)\s*:\s*(?:human|operator|people|personnel))\b",
    re.IGNORECASE,
)


def check(rule: RuleInput) -> Iterator[Match]:
    sentence = rule.sentence
    patterns = rule.pack.patterns
    text = sentence.text
    lowered = text.lower()
    offset = sentence.start_char
    for label in patterns["labels"]:
        for found in re.finditer(rf"(?<![\w-]){re.escape(label)}s?(?![\w-])", lowered):
            start, end = offset + found.start(), offset + found.end()
            if _not_a_use(sentence, found.start(), found.end(), label, patterns):
                continue
            # Only a noun label ("operator error") can be swapped for the rewrite in place;
            # "lost situational awareness" would leave a broken sentence.
            suggestions = (patterns["prompt"],)
            if label.split()[-1] in patterns["noun_label_heads"]:
                rewrite = replace_range(sentence, start, end, patterns["label_rewrite"])
                suggestions = (rewrite, patterns["prompt"])
            yield Match(start, end, suggestions=suggestions)
            return
    label = _HUMAN_CATEGORY.search(text)
    if label:
        start, end = offset + label.start("label"), offset + label.end("label")
        yield Match(start, end, suggestions=(patterns["prompt"],))
        return
    for token in sentence:
        match = _fat_finger(token, sentence, patterns) or _by_person(token, sentence, rule)
        if match is not None:
            yield match
            return


def _not_a_use(sentence: Span, start: int, end: int, label: str, patterns: dict) -> bool:
    text = sentence.text
    before, after = text[:start], text[end:]
    if _NEGATION.search(before) or _MENTION_BEFORE.search(before) or _MENTION_AFTER.match(after):
        return True
    token = sentence.doc.char_span(
        sentence.start_char + start, sentence.start_char + end, alignment_mode="expand"
    )
    if token is not None and quoted(token[0]):
        return True
    if label in patterns["technical_labels"]:
        following = re.match(r"\s*([\w-]+)", after)
        if following and following.group(1).lower() in patterns["technical_heads"]:
            return True  # "user error rate", "user error message"
        if _TECHNICAL_CONTEXT.search(text):
            return True  # "returns a user error (HTTP 400)"
    return False


def _fat_finger(token: Token, sentence: Span, patterns: dict) -> Match | None:
    """ "fat-fingered the replica count": the object gets the rewrite."""
    doc = token.doc
    words = sentence.text[token.idx - sentence.start_char :].lower()
    found = re.match(r"(?:fat|butter)[\s-]?finger(?:ed|ing|s)?\b", words)
    if not found or (token.i > 0 and doc[token.i - 1].lower_ in ("fat", "butter", "-")):
        return None
    after = words[found.end() :].lstrip()
    if re.match(
        r"(?:protection|protections|check|checks|guard|guards|safeguard|prevention)\b", after
    ):
        return None  # "fat-finger protection" is a control, not a label
    end = token.idx + found.end()
    span = doc.char_span(token.idx, end, alignment_mode="expand")
    verb = span.root if span is not None else token
    objects = [
        child for child in verb.subtree if child.dep_ in ("dobj", "pobj") and child.i > span.end - 1
    ]
    target = "the value" if not objects else doc[objects[0].left_edge.i : objects[0].i + 1].text
    return Match(
        token.idx,
        end,
        suggestions=(patterns["fat_finger_rewrite"].format(object=target), patterns["prompt"]),
    )


def _by_person(token: Token, sentence: Span, rule: RuleInput) -> Match | None:
    """ "a mistake by the operator", "error on the part of the DBA"."""
    if token.lemma_.lower() not in rule.pack.patterns["error_nouns"]:
        return None
    doc = sentence.doc
    # Read off the words: the parser often attaches "by the operator" to the verb.
    following = [t.lower_ for t in doc[token.i + 1 : min(token.i + 5, sentence.end)]]
    if following[:1] == ["by"]:
        window = doc[token.i + 2 : min(token.i + 5, sentence.end)]
    elif following[:4] == ["on", "the", "part", "of"]:
        window = doc[token.i + 5 : min(token.i + 8, sentence.end)]
    else:
        return None
    for candidate in window:
        if candidate.is_punct or candidate.pos_ in ("VERB", "ADP"):
            break
        if is_human(candidate, rule.context.people):
            return Match(
                token.idx,
                candidate.idx + len(candidate.text),
                suggestions=(rule.pack.patterns["prompt"],),
            )
    return None
