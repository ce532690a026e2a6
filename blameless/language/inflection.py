"""How a lexicon entry is spelled in text: a verb's inflections (regular and irregular),
a noun's plurals, and the contractions the tagger leaves as written."""

from __future__ import annotations

import re
from functools import lru_cache

# Contractions the tagger leaves as written ("should've" -> "should" + "'ve"), with the
# word they stand for ("'d" stands for "had" or "would", so it has none).
CONTRACTED = {"'ve": "have", "'ll": "will", "'re": "be", "'m": "be"}
CONTRACTIONS = (*CONTRACTED, "'d")

# Past tense and past participle of the irregular verbs the lists use.
IRREGULAR = {
    "be": ("was", "been"),
    "begin": ("began", "begun"),
    "blow": ("blew", "blown"),
    "break": ("broke", "broken"),
    "catch": ("caught", "caught"),
    "deal": ("dealt", "dealt"),
    "draw": ("drew", "drawn"),
    "eat": ("ate", "eaten"),
    "feel": ("felt", "felt"),
    "find": ("found", "found"),
    "foresee": ("foresaw", "foreseen"),
    "freeze": ("froze", "frozen"),
    "get": ("got", "gotten"),
    "give": ("gave", "given"),
    "hang": ("hung", "hung"),
    "have": ("had", "had"),
    "hit": ("hit", "hit"),
    "learn": ("learnt", "learnt"),
    "mistake": ("mistook", "mistaken"),
    "redo": ("redid", "redone"),
    "retake": ("retook", "retaken"),
    "sit": ("sat", "sat"),
    "withdraw": ("withdrew", "withdrawn"),
    "keep": ("kept", "kept"),
    "mean": ("meant", "meant"),
    "overwrite": ("overwrote", "overwritten"),
    "override": ("overrode", "overridden"),
    "shake": ("shook", "shaken"),
    "throw": ("threw", "thrown"),
    "undergo": ("underwent", "undergone"),
    "bring": ("brought", "brought"),
    "choose": ("chose", "chosen"),
    "cut": ("cut", "cut"),
    "dig": ("dug", "dug"),
    "do": ("did", "done"),
    "fall": ("fell", "fallen"),
    "forget": ("forgot", "forgotten"),
    "go": ("went", "gone"),
    "hold": ("held", "held"),
    "introduce": ("introduced", "introduced"),
    "know": ("knew", "known"),
    "lead": ("led", "led"),
    "leave": ("left", "left"),
    "let": ("let", "let"),
    "lose": ("lost", "lost"),
    "make": ("made", "made"),
    "mislead": ("misled", "misled"),
    "misread": ("misread", "misread"),
    "pay": ("paid", "paid"),
    "put": ("put", "put"),
    "read": ("read", "read"),
    "run": ("ran", "run"),
    "say": ("said", "said"),
    "see": ("saw", "seen"),
    "send": ("sent", "sent"),
    "set": ("set", "set"),
    "shut": ("shut", "shut"),
    "sink": ("sank", "sunk"),
    "speak": ("spoke", "spoken"),
    "spot": ("spotted", "spotted"),
    "take": ("took", "taken"),
    "teach": ("taught", "taught"),
    "tell": ("told", "told"),
    "think": ("thought", "thought"),
    "understand": ("understood", "understood"),
    "write": ("wrote", "written"),
}


@lru_cache(maxsize=8192)
def inflections(word: str) -> frozenset[str]:
    """A word in every regular and irregular form it may take in text (over-generates)."""
    forms = {word}
    if word in IRREGULAR:
        forms.update(IRREGULAR[word])
    stem = word[:-1] if word.endswith("e") else word
    double = (
        len(word) >= 3
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in "aeiou"
    )
    forms.update({word + "s", word + "es", stem + "ed", stem + "ing", word + "d"})
    if double:
        forms.update({word + word[-1] + "ed", word + word[-1] + "ing"})
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if word.endswith("ie"):
        forms.add(word[:-2] + "ying")
    return frozenset(forms)


@lru_cache(maxsize=8192)
def surface_forms(entry: str, verb: bool = True) -> frozenset[str]:
    """An entry as it may appear in text: its first and last words inflected (a noun or
    adjective list, `verb=False`, only takes plurals)."""
    words = entry.lower().replace("’", "'").split()
    if not words:
        return frozenset()
    forms = set()
    for first in word_forms(words[0], verb):
        if len(words) == 1:
            forms.add(first)
            continue
        for last in word_forms(words[-1], verb):
            forms.add(" ".join([first, *words[1:-1], last]))
    return frozenset(forms | {bare for form in forms if (bare := unmarked(form))})


# Chat drops the apostrophe of these ("thats", "didnt", "im", "shouldve"); not of "'ll",
# "'re" or "'d", whose bare spellings are other words ("well", "were", "shed").
_DROPPED_APOSTROPHE = re.compile(r"(?<=\w)'(?=(?:s|t|m|ve)\b)")


def unmarked(form: str) -> str | None:
    """The form as chat spells it without its apostrophes, if it has any to drop."""
    bare = _DROPPED_APOSTROPHE.sub("", form)
    return bare if bare != form else None


def word_forms(word: str, verb: bool = True) -> frozenset[str]:
    """One word of an entry in every form it may take: a verb's inflections, or a noun's
    or adjective's plurals."""
    return inflections(word) if verb else _plurals(word)


@lru_cache(maxsize=8192)
def _plurals(word: str) -> frozenset[str]:
    return frozenset({word, word + "s", word + "es"})
