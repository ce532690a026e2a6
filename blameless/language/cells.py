"""Table rows written with pipes, whose cells the parser reads apart
(`windows.cell_starts`): what one cell tells about the next."""

from __future__ import annotations

from spacy.tokens import Token


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
