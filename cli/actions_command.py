"""`blameless actions PATHS...`: every action item across postmortems, like a small tracker.

Registered on the main group with `cli.add_command(actions)`. It reads and extracts
only, so it never imports spaCy.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import click

from blameless.cli.options import config_option, today_option
from blameless.model import ActionItem

COLUMNS = ("path", "line", "done", "overdue", "due", "owner", "priority", "ticket", "text")
_TEXT_WIDTH = 70  # table format only; json and csv keep the whole text


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "csv"]),
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


def render(rows: list[dict[str, Any]], output_format: str) -> str:
    if output_format == "json":
        return render_json(rows)
    if output_format == "csv":
        return render_csv(rows)
    return render_table(rows)


def render_json(rows: list[dict[str, Any]]) -> str:
    from blameless import __version__

    keys = ("path", "line", "text", "owner", "due", "done", "overdue", "priority", "ticket")
    items = [{key: row[key] for key in keys} for row in rows]
    return json.dumps({"version": __version__, "items": items}, ensure_ascii=False, indent=2) + "\n"


def render_csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(_cell(row[column], csv_format=True) for column in COLUMNS)
    return buffer.getvalue()


def render_table(rows: list[dict[str, Any]]) -> str:
    """Aligned columns for a terminal; the text column is cut to keep lines readable."""
    cells = [[_table_cell(column, row[column]) for column in COLUMNS] for row in rows]
    header = [column.upper() for column in COLUMNS]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(COLUMNS))]
    lines = [
        "  ".join(value.ljust(width) for value, width in zip(line, widths, strict=True)).rstrip()
        for line in [header, *cells]
    ]
    open_count = sum(1 for row in rows if not row["done"])
    late = sum(1 for row in rows if row["overdue"])
    lines.append(f"\n{len(rows)} items, {open_count} open, {late} overdue.")
    return "\n".join(lines) + "\n"


def _table_cell(column: str, value: object) -> str:
    if column == "text":
        from blameless.actions.markup import shorten

        return shorten(str(value), _TEXT_WIDTH)
    if column == "ticket" and isinstance(value, str) and len(value) > 40:
        return _short_link(value)
    return _cell(value)


def _short_link(url: str) -> str:
    """github.com/…/issues/95: enough of a long link to recognise it in a terminal."""
    parts = url.split("://", 1)[-1].rstrip("/").split("/")
    short = f"{parts[0]}/…/{'/'.join(parts[-2:])}" if len(parts) > 3 else url
    return short if len(short) <= 40 else short[:39] + "…"


def _cell(value: object, csv_format: bool = False) -> str:
    if isinstance(value, bool):
        return ("true" if value else "false") if csv_format else ("yes" if value else "")
    return "" if value is None else str(value)
