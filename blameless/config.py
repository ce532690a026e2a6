"""Configuration: `[tool.blameless]` in pyproject.toml or a `.blameless.toml`.

Found from the checked file's folder upwards; the first folder with either file wins
(`.blameless.toml` before `pyproject.toml`, and a pyproject.toml without a
`[tool.blameless]` table is passed over). Unknown keys and rule ids are errors.
"""

from __future__ import annotations

import datetime as dt
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from blameless.errors import ConfigError
from blameless.model import Severity
from blameless.packs import validate_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_FILE = ".blameless.toml"


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
    model: str | None = None
    today: dt.date | None = None
    source: str | None = Field(default=None, exclude=True)  # the file it came from

    @field_validator("select", "ignore")
    @classmethod
    def _known_rules(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        validate_rules(value or ())
        return value

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
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read config ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("blameless", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.blameless] must be a table")
    return parse_config(data, str(path))


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
    try:
        return "blameless" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        raise ConfigError(f"{pyproject}: invalid TOML") from None


def discover_config(target: Path | None) -> Config:
    """The configuration that applies to a file (or to the current folder for stdin)."""
    folder = (target.parent if target is not None else Path.cwd()).resolve()
    found = _find_config_file(folder)
    return read_config_file(found) if found else Config()
