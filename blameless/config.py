"""Configuration: `[tool.blameless]` in pyproject.toml or a `.blameless.toml`.

Found from the checked file's folder upwards; the first folder with either file wins
(`.blameless.toml` before `pyproject.toml`, and a pyproject.toml without a
`[tool.blameless]` table is passed over). Unknown keys and rule ids are errors.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blameless.errors import ConfigError, InputError
from blameless.model import Severity
from blameless.packs import validate_rules
from blameless.reading import DEFAULT_MAX_FILE_SIZE, read_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = ".blameless.toml"
# "10 MB", "512KiB", "2000": digits, then an optional unit (linear: no nested quantifiers).
_SIZE = re.compile(r"(\d{1,15})\s*([kmg]i?b|b)?", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(value: str) -> int:
    """Bytes in a size written as a number with an optional unit (KB = 1000, KiB = 1024)."""
    match = _SIZE.fullmatch(value.strip())
    if not match:
        raise ValueError(f"not a size: {value!r} (write e.g. 10 MB, 512 KiB or 2000)")
    return int(match.group(1)) * _UNITS[(match.group(2) or "b").lower()]


class Config(BaseModel):
    """Validated settings; field names in files use hyphens (`max-action-items`)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    select: tuple[str, ...] | None = None  # None: every rule
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = Field(default_factory=dict)
    people: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    max_action_items: int = Field(default=10, ge=1, alias="max-action-items")
    action_sections: tuple[str, ...] = Field(default=(), alias="action-sections")
    # Globs or folder names of documents that are incident reviews whatever they say
    # (only those, and documents that read as reviews, are judged for actions-missing).
    postmortem_paths: tuple[str, ...] = Field(default=(), alias="postmortem-paths")
    model: str | None = None
    today: dt.date | None = None
    # Bytes; a larger file (or standard input) is refused, so no input exhausts memory.
    max_file_size: int = Field(default=DEFAULT_MAX_FILE_SIZE, ge=1, alias="max-file-size")
    source: str | None = Field(default=None, exclude=True)  # the file it came from

    @field_validator("select", "ignore")
    @classmethod
    def _known_rules(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        validate_rules(value or ())
        return value

    @field_validator("max_file_size", mode="before")
    @classmethod
    def _size(cls, value: Any) -> Any:
        return parse_size(value) if isinstance(value, str) else value

    @field_validator("severity")
    @classmethod
    def _known_severity_rules(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        validate_rules(list(value))
        return value

    def enabled(self, rule: str) -> bool:
        if rule in self.ignore:
            return False
        return self.select is None or rule in self.select

    def with_overrides(self, **changes: Any) -> Config:
        """A copy with CLI options applied; values of None leave the setting alone."""
        values = {key: value for key, value in changes.items() if value is not None}
        return self.model_copy(update=values)


def parse_config(data: dict[str, Any], source: str) -> Config:
    """Validate a `[tool.blameless]` table; any problem is one ConfigError line."""
    try:
        return Config.model_validate({**data, "source": source})
    except ValidationError as error:
        problem = error.errors()[0]
        where = ".".join(str(part) for part in problem["loc"]) or "table"
        message = problem["msg"]
        if problem["type"] == "extra_forbidden":
            message = "unknown setting"
        elif problem["type"] == "value_error":
            message = message.removeprefix("Value error, ")
        raise ConfigError(f"{source}: {where}: {message}") from None
    except ConfigError as error:  # unknown rule ids raised by the validators
        raise ConfigError(f"{source}: {error}") from None


def read_config_file(path: Path) -> Config:
    data = _load_toml(path)
    if path.name == "pyproject.toml":
        table = _blameless_table(data, path)
        data = {} if table is None else table
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.blameless] must be a table")
    return parse_config(data, str(path))


def _load_toml(path: Path) -> dict[str, Any]:
    """A TOML file read like a document (bounded, regular files only); problems are one line."""
    try:
        return tomllib.loads(read_text(path))
    except InputError as error:
        if not path.exists() and not path.is_symlink():
            raise ConfigError(f"{path}: no such config file") from None
        raise ConfigError(f"config {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None


def _blameless_table(data: dict[str, Any], path: Path) -> Any:
    """`[tool.blameless]` of a pyproject.toml, or None; a `tool` that is no table is an error."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        kind = type(tool).__name__
        raise ConfigError(f"{path}: `tool` must be a table, not a {kind}; fix or remove it")
    return tool.get("blameless")


@lru_cache(maxsize=256)
def _find_config_file(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_blameless_table(pyproject):
            return pyproject
    return None


def _has_blameless_table(pyproject: Path) -> bool:
    return _blameless_table(_load_toml(pyproject), pyproject) is not None


def discover_config(target: Path | None) -> Config:
    """The configuration that applies to a file (or to the current folder for stdin)."""
    folder = (target.parent if target is not None else Path.cwd()).resolve()
    found = _find_config_file(folder)
    return read_config_file(found) if found else Config()
