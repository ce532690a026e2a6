"""Building rewrites from a sentence's own words.

A suggestion quotes the writer's sentence back with the blame taken out, so it is built
from the tokens and their original spacing, never from templates alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

_POSSESSIVE_PRONOUNS = {"your": "the", "his": "the", "her": "the", "their": "the", "my": "the"}
_QUOTES = "\"'“”‘’`"


def join(tokens: Iterable[Token]) -> str:
    """Tokens as written, with the spacing of the original text."""
    parts = [token.text_with_ws for token in tokens]
    return "".join(parts).strip()


def base_form(token: Token) -> str:
    """A verb in its base form, keeping the writer's case for the rest."""
    if token.tag_ in ("VB", "VBP") or not token.lemma_:
        return token.text
    return token.lemma_


def depersonalize(tokens: Iterable[Token]) -> str:
    """The words with possessive pronouns ("your", "his") turned into "the"."""
    out = []
    for token in tokens:
        text = _POSSESSIVE_PRONOUNS.get(token.lower_, token.text)
        out.append(text + token.whitespace_)
    return "".join(out).strip()


def verb_phrase(verb: Token, skip: Iterable[Token] = ()) -> str:
    """The verb (in base form) and everything after it in its sentence, minus end punctuation."""
    skipped = {t.i for t in skip}
    sentence = verb.sent
    words: list[Token] = [
        t for t in sentence if t.i > verb.i and t.i not in skipped and not _closing(t, sentence)
    ]
    head = base_form(verb)
    rest = depersonalize(words)
    return f"{head} {rest}".strip() if rest else head


def _closing(token: Token, sentence: Span) -> bool:
    """Trailing punctuation of the sentence ("?", "!", ".", closing quotes)."""
    if not (token.is_punct or token.is_space):
        return False
    return all(t.is_punct or t.is_space for t in sentence[token.i - sentence.start :])


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def replace_range(sentence: Span, start: int, end: int, replacement: str) -> str:
    """The sentence text with doc characters [start, end) replaced; tidy spacing."""
    text = sentence.text
    offset = sentence.start_char
    result = text[: start - offset] + replacement + text[end - offset :]
    result = re.sub(r"\s{2,}", " ", result).strip()
    result = re.sub(r"\s+([,.;:?!])", r"\1", result)
    return capitalize(result)


def quoted(token: Token) -> bool:
    """The token sits inside quotation marks on its line: a mention, not a use."""
    sentence = token.sent
    before = sentence.doc.text[sentence.start_char : token.idx]
    after = sentence.doc.text[token.idx + len(token.text) : sentence.end_char]
    return any(before.count(q) % 2 == 1 and q in after for q in _QUOTES if q not in "’‘") or (
        "“" in before and "”" in after and before.rfind("“") > before.rfind("”")
    )
