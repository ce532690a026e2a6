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
    text = sentence.text  # Doc.text would rebuild the whole document's string
    before = text[: token.idx - sentence.start_char]
    after = text[token.idx + len(token.text) - sentence.start_char :]
    return any(before.count(q) % 2 == 1 and q in after for q in _QUOTES if q not in "’‘") or (
        "“" in before and "”" in after and before.rfind("“") > before.rfind("”")
    )


_IRREGULAR_PARTICIPLES = {
    "be": "been",
    "begin": "begun",
    "bind": "bound",
    "bite": "bitten",
    "blow": "blown",
    "break": "broken",
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "catch": "caught",
    "choose": "chosen",
    "come": "come",
    "cut": "cut",
    "deal": "dealt",
    "dig": "dug",
    "do": "done",
    "draw": "drawn",
    "drive": "driven",
    "eat": "eaten",
    "fall": "fallen",
    "feed": "fed",
    "feel": "felt",
    "fight": "fought",
    "find": "found",
    "fly": "flown",
    "forget": "forgotten",
    "freeze": "frozen",
    "get": "gotten",
    "give": "given",
    "go": "gone",
    "grow": "grown",
    "hang": "hung",
    "have": "had",
    "hear": "heard",
    "hide": "hidden",
    "hit": "hit",
    "hold": "held",
    "keep": "kept",
    "know": "known",
    "lay": "laid",
    "lead": "led",
    "leave": "left",
    "lend": "lent",
    "let": "let",
    "light": "lit",
    "lose": "lost",
    "make": "made",
    "mean": "meant",
    "meet": "met",
    "pay": "paid",
    "put": "put",
    "quit": "quit",
    "read": "read",
    "rebuild": "rebuilt",
    "reset": "reset",
    "rerun": "rerun",
    "rewrite": "rewritten",
    "ride": "ridden",
    "ring": "rung",
    "rise": "risen",
    "run": "run",
    "say": "said",
    "see": "seen",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "shake": "shaken",
    "shoot": "shot",
    "show": "shown",
    "shut": "shut",
    "sink": "sunk",
    "sit": "sat",
    "speak": "spoken",
    "spend": "spent",
    "spin": "spun",
    "split": "split",
    "spread": "spread",
    "stand": "stood",
    "steal": "stolen",
    "stick": "stuck",
    "strike": "struck",
    "swing": "swung",
    "take": "taken",
    "teach": "taught",
    "tear": "torn",
    "tell": "told",
    "think": "thought",
    "throw": "thrown",
    "undo": "undone",
    "understand": "understood",
    "upset": "upset",
    "wake": "woken",
    "wear": "worn",
    "win": "won",
    "wind": "wound",
    "withdraw": "withdrawn",
    "write": "written",
}


def past_participle(verb: str) -> str:
    """The past participle of a verb's base form ("renew" -> "renewed", "take" -> "taken")."""
    lower = verb.lower()
    if lower in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[lower]
    for prefix in ("re", "un", "over", "mis", "pre"):
        if lower.startswith(prefix) and lower[len(prefix) :] in _IRREGULAR_PARTICIPLES:
            return prefix + _IRREGULAR_PARTICIPLES[lower[len(prefix) :]]
    if lower.endswith("e"):
        return lower + "d"
    if lower.endswith("y") and len(lower) > 2 and lower[-2] not in "aeiou":
        return lower[:-1] + "ied"
    if lower.endswith("c"):
        return lower + "ked"
    # One-syllable consonant-vowel-consonant verbs double: stop -> stopped, pin -> pinned;
    # open -> opened and audit -> audited do not.
    single_syllable = len(lower) == 3 or (len(lower) == 4 and lower[0] not in "aeiou")
    if (
        single_syllable
        and lower[-1] not in "aeiouwxy"
        and lower[-2] in "aeiou"
        and lower[-3] not in "aeiou"
    ):
        return lower + lower[-1] + "ed"
    return lower + "ed"


_META = re.compile(
    r"\bblameless\b|\b(?:assign(?:ing)?|apportion(?:ing)?|not\s+(?:about|to))\s+(?:blame|fault)"
    r"|\b(?:no\s?one|nobody|none\s+of\s+\w+|no\s+(?:one|individual|person|engineer|team))\b"
    r"[^.;]*\b(?:fault|blame|caused|responsible)"
    r"|\b(?:not|n't|never)\s+(?:[\w'’]+\s+){0,3}(?:fault|blame|to\s+blame|responsible)\b"
    r"|\bblame\s+is\s+not\b",
    re.IGNORECASE,
)


def is_meta_statement(sentence: Span) -> bool:
    """Talk about blame, not blame: "this review is blameless", "nobody is at fault"."""
    return _META.search(sentence.text) is not None
