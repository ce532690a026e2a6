"""Table rows written with pipes, whose cells the parser reads apart
(`windows.cell_starts`): what one cell tells about the next."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from blameless.language.inflection import IRREGULAR, inflections
from blameless.language.vocabulary import is_english_word


def cell_doer(verb: Token) -> Token | None:
    """A table row names the doer in one cell and the act in the next: "| Siobhan | Pushed
    the bad record… |". The doer is the short noun phrase of the cell before."""
    doc = verb.doc
    start = min(t.i for t in verb.subtree)
    if start == 0 or doc[start - 1].text != "|" or start < verb.i - 2:
        return None
    cell: list[Token] = []
    for token in reversed(doc[max(0, start - 7) : start - 1]):
        if token.text == "|" or "\n" in token.whitespace_:
            break
        cell.insert(0, token)
    if not cell or any(t.pos_ in ("VERB", "AUX") for t in cell):
        return None  # an act of its own, not a doer
    inside = range(cell[0].i, cell[-1].i + 1)
    heads = [t for t in cell if t.head.i not in inside or t.head.i == t.i]
    named = [t for t in heads if t.pos_ in ("PROPN", "NOUN", "PRON")]
    return named[-1] if named else None  # ("An/det" may hang on the pipe beside "SRE")


def repair_cells(doc: Doc) -> None:
    """A cell that opens with its act in capitals ("| Ran the cleanup script |") gets the
    verb read as a name; tag it as the past verb it is, so every rule reads it as one."""
    for token in doc:
        if token.i == 0 or doc[token.i - 1].text != "|" or not token.is_title:
            continue
        if token.tag_ not in ("NNP", "NN") or token.dep_ != "ROOT":
            continue
        if not any(c.dep_ in _ACT_PARTS for c in token.children):
            continue
        base = _past_base(token.lower_)
        if base is not None:
            token.tag_, token.pos_, token.lemma_ = "VBD", "VERB", base


_ACT_PARTS = frozenset({"dobj", "prt", "prep", "appos", "advcl", "ccomp", "xcomp"})
_IRREGULAR_BASES = {past: base for base, forms in IRREGULAR.items() for past in forms}


def _past_base(lower: str) -> str | None:
    """ "ran" -> "run", "rebooted" -> "reboot", "dropped" -> "drop"; None for no past form."""
    if lower in _IRREGULAR_BASES:
        return _IRREGULAR_BASES[lower]
    if not lower.endswith("ed"):
        return None
    for base in (lower[:-1], lower[:-2], lower[:-3]):
        if base and is_english_word(base) and lower in inflections(base):
            return base
    return None
