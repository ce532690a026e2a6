"""Option parsing shared by the commands."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A click callback: YYYY-MM-DD into a date, or a usage error naming the value."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


today_option = click.option(
    "--today",
    callback=iso_date,
    metavar="DATE",
    help="Date to judge due dates against (YYYY-MM-DD).",
)
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this config file instead of searching for one.",
)


def rule_list(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[str, ...] | None:
    """Repeated, comma-separated rule ids into one tuple (None when the option is absent)."""
    if not values:
        return None
    from blameless.packs import validate_rules

    rules = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    validate_rules(rules)
    return tuple(dict.fromkeys(rules))
