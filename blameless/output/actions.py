"""Renderers for `blameless actions`: an aligned table, JSON or CSV of action-item rows.

A row is a dict with the keys of `COLUMNS`; the command builds them, this module only
lays them out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

COLUMNS = ("path", "line", "done", "overdue", "due", "owner", "priority", "ticket", "text")
_TEXT_WIDTH = 70  # table format only; json and csv keep the whole text

Row = dict[str, Any]


def render_json(rows: list[Row]) -> str:
    from blameless import __version__

    keys = ("path", "line", "text", "owner", "due", "done", "overdue", "priority", "ticket")
    items = [{key: row[key] for key in keys} for row in rows]
    return json.dumps({"version": __version__, "items": items}, ensure_ascii=False, indent=2) + "\n"


def render_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(_cell(row[column], csv_format=True) for column in COLUMNS)
    return buffer.getvalue()


def render_table(rows: list[Row]) -> str:
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


ACTION_FORMATS: dict[str, Callable[[list[Row]], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
}


def render(rows: list[Row], output_format: str) -> str:
    return ACTION_FORMATS[output_format](rows)


def _table_cell(column: str, value: object) -> str:
    if column == "text":
        from blameless.actions.text import shorten

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
