"""`blameless actions PATHS...`: every action item across postmortems, like a small tracker.

Registered on the main group with `cli.add_command(actions)`. It reads and extracts
only, so it never imports spaCy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from blameless.cli.options import config_option, today_option
from blameless.model import ActionItem
from blameless.output.actions import ACTION_FORMATS


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(ACTION_FORMATS)),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("--overdue", is_flag=True, help="Only open items past their due date.")
@today_option
@config_option
def actions(
    paths: tuple[str, ...],
    output_format: str,
    overdue: bool,
    today: dt.date | None,
    config_file: Path | None,
) -> None:
    """List the action items of postmortems (files or folders), sorted by due date."""
    rows = collect_rows(paths, today, config_file)
    if overdue:
        rows = [row for row in rows if row["overdue"]]
    if not rows and output_format == "table":
        click.echo("No overdue action items." if overdue else "No action items found.")
        return
    from blameless.output.actions import render

    click.echo(render(rows, output_format), nl=False)


def collect_rows(
    paths: tuple[str, ...], today: dt.date | None, config_file: Path | None
) -> list[dict[str, Any]]:
    """One row per action item across the documents, sorted by due date (none last)."""
    from blameless.actions import extract_action_items
    from blameless.config import discover_config, read_config_file
    from blameless.files import collect_documents
    from blameless.reading import parse_document, read_text

    explicit = read_config_file(config_file) if config_file else None
    rows: list[dict[str, Any]] = []
    for path in collect_documents(paths):
        config = explicit or discover_config(path)
        day = today or config.today or dt.date.today()
        document = parse_document(read_text(path), str(path))
        rows.extend(_row(str(path), item) for item in extract_action_items(document, config, day))
    rows.sort(key=lambda row: (row["due"] is None, row["due"] or "", row["path"], row["line"]))
    return rows


def _row(path: str, item: ActionItem) -> dict[str, Any]:
    return {
        "path": path,
        "line": item.line,
        "text": item.text,
        "owner": item.owner,
        "due": item.due,
        "done": item.done,
        "overdue": item.overdue,
        "priority": item.priority,
        "ticket": item.ticket,
    }
