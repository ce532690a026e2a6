"""blameless: checks incident postmortems for blame language and owned, dated action items.

    import blameless
    report = blameless.check(text)            # -> Report
    report = blameless.check_file("pm.md")
    nlp = blameless.load()                    # spaCy pipeline with the "blameless" component

Importing this package is cheap: spaCy and the English model load on the first check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from spacy.language import Language

    from blameless.config import Config
    from blameless.model import Report

__all__ = ["__version__", "check", "check_file", "load"]


def check(
    text: str, path: str | None = None, config: Config | None = None, **options: Any
) -> Report:
    """Check a document's text; `path` picks the format (.txt is plain text, else Markdown)."""
    from blameless.checker import check_text

    return check_text(text, path=path, config=config, **options)


def check_file(path: str, config: Config | None = None, **options: Any) -> Report:
    """Read and check one file, with the configuration found from its folder upwards."""
    from blameless.checker import check_path

    return check_path(path, config=config, **options)


def load(model: str | None = None) -> Language:
    """The English spaCy pipeline with the `blameless` component added (cached per process)."""
    from blameless.nlp import load_pipeline

    return load_pipeline(model)
