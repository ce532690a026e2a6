"""Named entities on demand: the NER runs only on the sentences that ask for it.

Most names are settled without it (handles, roles, pronouns, words no dictionary knows,
a proper noun where only a doer fits). The NER costs as much as the rest of the pipeline
together, so `blameless.load()` leaves it disabled and this module runs it on one
sentence when a capitalized dictionary word might still be a name ("Fatima took down…").
A pipeline that already ran its NER is read as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_recognize: Callable[[Doc], Doc] | None = None
_KEY = "blameless_entities"


def set_recognizer(recognize: Callable[[Doc], Doc] | None) -> None:
    """Hand over the pipeline's NER component (the blameless component does this)."""
    global _recognize
    _recognize = recognize


def entity(token: Token) -> str:
    """The token's entity label ("PERSON", "GPE", …) or "" when it is none."""
    doc = token.doc
    if doc.has_annotation("ENT_IOB"):
        return token.ent_type_
    if _recognize is None:
        return ""
    cache: dict[int, str] = doc.user_data.setdefault(_KEY, {})
    if token.i not in cache:
        sentence = token.sent
        part = sentence.as_doc()
        _recognize(part)
        for other in part:
            cache[sentence.start + other.i] = other.ent_type_
    return cache.get(token.i, "")
