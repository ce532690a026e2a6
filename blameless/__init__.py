"""blameless: checks incident postmortems for blame language and owned, dated action items.

    import blameless
    report = blameless.check(text, select=["why-you"], today="2026-11-27")   # -> Report
    report = blameless.check_file("pm.md")
    nlp = blameless.load()                    # spaCy pipeline with the "blameless" component

Importing this package is cheap: spaCy and the English model load on the first check
that needs them, and `Config`, `Report` and `Finding` are imported when first used.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from spacy.language import Language

    from blameless.config import Config
    from blameless.model import Finding, Report

__all__ = ["Config", "Finding", "Report", "__version__", "check", "check_file", "load"]

_LAZY = {"Config": "blameless.config", "Finding": "blameless.model", "Report": "blameless.model"}

Rules = str | Iterable[str]
"""Rule ids: a comma-separated string ("why-you,human-error") or an iterable of ids."""


def check(
    text: str,
    path: str | os.PathLike[str] | None = None,
    *,
    select: Rules | None = None,
    ignore: Rules | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    today: dt.date | str | None = None,
    people: Iterable[str] | None = None,
) -> Report:
    """Check a document held in memory.

    `path` names it in the report and picks the format (`.txt` is plain text, anything
    else Markdown); no file is read. The keyword options mirror `blameless check`:
    `select` keeps only these rules, `ignore` adds to the ignored ones, `config` is a
    `Config` or the path of a config file (default: no configuration), `today` is the
    date due dates are judged against (a `date` or an ISO string), and `people` are
    names always read as people. Raises `TypeError` for arguments of the wrong type and
    `ValueError` for unknown rule ids or a malformed date.
    """
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(
            "check() takes the document as str, not bytes: decode it first "
            "(data.decode('utf-8')) or pass the file to check_file()"
        )
    if not isinstance(text, str):
        raise TypeError(f"check() takes the document as str, not {type(text).__name__}")
    from blameless.checker import check_text

    name = _path(path, "check", optional=True)
    settings = _settings(_config(config), select, ignore, people)
    return check_text(text, path=name, config=settings, today=_today(today))


def check_file(
    path: str | os.PathLike[str],
    *,
    select: Rules | None = None,
    ignore: Rules | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    today: dt.date | str | None = None,
    people: Iterable[str] | None = None,
) -> Report:
    """Read and check one file; without `config`, the configuration found from its folder up.

    Options as for `check`. A file that cannot be read (missing, binary, not UTF-8)
    raises `blameless.errors.InputError`, with one line that names it.
    """
    from pathlib import Path

    from blameless.checker import check_text
    from blameless.config import discover_config
    from blameless.reading import read_text

    target = Path(_path(path, "check_file") or "")
    base = _config(config) or discover_config(target)
    settings = _settings(base, select, ignore, people)
    day = _today(today)
    return check_text(read_text(target, settings.max_file_size), str(target), settings, day)


def load(model: str | None = None) -> Language:
    """The English spaCy pipeline with the `blameless` component added (cached per process)."""
    from blameless.nlp import load_pipeline

    return load_pipeline(model)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'blameless' has no attribute {name!r}")


def _path(value: object, function: str, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    raise TypeError(
        f"{function}() takes the path as str or os.PathLike, not {type(value).__name__}"
    )


def _config(value: object) -> Config | None:
    from blameless.config import Config, read_config_file

    if value is None or isinstance(value, Config):
        return value
    if isinstance(value, (str, os.PathLike)):
        from pathlib import Path

        return read_config_file(Path(value))
    raise TypeError(
        f"config must be a blameless.Config or a config file path, not {type(value).__name__}"
    )


def _rules(value: object, option: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        names = [part.strip() for part in value.split(",")]
    elif isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray)):
        names = list(value)
        if not all(isinstance(name, str) for name in names):
            raise TypeError(f"{option} must hold rule ids as str")
    else:
        raise TypeError(f"{option} must be rule ids: a str or an iterable of str")
    from blameless.errors import UnknownRuleError
    from blameless.packs import validate_rules

    rules = tuple(dict.fromkeys(name for name in names if name))
    try:
        validate_rules(rules)
    except UnknownRuleError as error:
        raise ValueError(f"{option}: {error}") from None
    return rules


def _settings(config: Config | None, select: object, ignore: object, people: object) -> Config:
    """The config with the options applied: select replaces, ignore and people add."""
    from blameless.config import Config

    base = config or Config()
    chosen = _rules(select, "select")
    ignored = _rules(ignore, "ignore")
    names: tuple[str, ...] = ()
    if people is not None:
        if isinstance(people, str) or not isinstance(people, Iterable):
            raise TypeError("people must be an iterable of names, e.g. ['Hunter', 'Will']")
        names = tuple(people)
        if not all(isinstance(name, str) for name in names):
            raise TypeError("people must hold names as str")
    return base.with_overrides(
        select=chosen,
        ignore=(*base.ignore, *ignored) if ignored else None,
        people=(*base.people, *names) if names else None,
    )


def _today(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"today: {value!r} is not an ISO date (YYYY-MM-DD)") from None
    raise TypeError(
        f"today must be a datetime.date or an ISO date string, not {type(value).__name__}"
    )
