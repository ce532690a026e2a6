"""Repairs to the tagger's reading that every rule needs alike: verbs read as nouns."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from blameless.language.inflection import IRREGULAR, inflections
from blameless.language.vocabulary import is_english_word


def retag(doc: Doc) -> None:
    """Verbs the tagger read as nouns, where the parse still gives them a verb's parts,
    tagged as the verbs they are so that every rule reads them as verbs:
    - a cell that opens with its act in capitals ("| Ran the cleanup script |": Ran/NNP);
    - a timeline's present tense ("16:20 Priyanka merges/NNS #8812, which breaks…")."""
    for token in doc:
        if token.tag_ not in ("NNP", "NN", "NNS") or token.dep_ != "ROOT":
            continue  # (most tokens: no children looked at)
        parts = {c.dep_ for c in token.children}
        if not parts & _ACT_PARTS:
            continue
        if token.tag_ != "NNS" and _opens_cell(token):
            base = _past_base(token.lower_)
            if base is not None:
                token.tag_, token.pos_, token.lemma_ = "VBD", "VERB", base
        elif token.tag_ == "NNS" and "nsubj" in parts:
            base = _present_base(token.lower_)
            if base is not None:
                token.tag_, token.pos_, token.lemma_ = "VBZ", "VERB", base


def _opens_cell(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == "|" and token.is_title


_ACT_PARTS = frozenset({"dobj", "prt", "prep", "appos", "advcl", "ccomp", "xcomp"})
_IRREGULAR_BASES = {past: base for base, forms in IRREGULAR.items() for past in forms}


def _past_base(lower: str) -> str | None:
    """ "ran" -> "run", "rebooted" -> "reboot", "dropped" -> "drop"; None for no past form."""
    if lower in _IRREGULAR_BASES:
        return _IRREGULAR_BASES[lower]
    if not lower.endswith("ed"):
        return None
    return _base_of(lower, (lower[:-1], lower[:-2], lower[:-3]))


def _present_base(lower: str) -> str | None:
    """ "merges" -> "merge", "pushes" -> "push"; None for no third-person form."""
    return _base_of(lower, (lower[:-1], lower[:-2])) if lower.endswith("s") else None


def _base_of(lower: str, candidates: tuple[str, ...]) -> str | None:
    for base in candidates:
        if base and is_english_word(base) and lower in inflections(base):
            return base
    return None
