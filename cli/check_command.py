"""`blameless check PATHS...`: findings for files, folders or standard input.

A file that cannot be read is one error line on stderr; the other files are still
checked and reported, and the exit code is 2. `--fix` writes the safe edits back,
`--diff` prints them as a patch instead.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from blameless import __version__
from blameless.cli import ExitCode
from blameless.cli.options import config_option, rule_list, today_option
from blameless.errors import BlamelessError
from blameless.model import Report
from blameless.output import FORMATS

if TYPE_CHECKING:
    from blameless.config import Config

_FAIL_ON = {"error": 3, "warning": 2, "info": 1, "never": 99}


@dataclass(frozen=True)
class Checked:
    """One document's report, and what is needed to fix it in place."""

    report: Report
    text: str
    path: Path | None  # None for standard input


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--select",
    multiple=True,
    callback=rule_list,
    metavar="RULES",
    help="Only these rules (comma-separated ids; repeat to add more).",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=rule_list,
    metavar="RULES",
    help="Skip these rules (comma-separated ids; repeat to add more).",
)
@click.option(
    "--fail-on",
    type=click.Choice(list(_FAIL_ON)),
    default="error",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@today_option
@config_option
@click.option(
    "--stdin-filename", metavar="PATH", help="Name (and format) of the text read from '-'."
)
@click.option("--fix", is_flag=True, help="Apply the safe word-level fixes to the files.")
@click.option(
    "--diff", is_flag=True, help="Print the safe fixes as a unified diff; change nothing."
)
@click.option("--quiet", "-q", is_flag=True, help="Print findings only: no suggestions or summary.")
def check(
    paths: tuple[str, ...],
    output_format: str,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
    fail_on: str,
    today: dt.date | None,
    config_file: Path | None,
    stdin_filename: str | None,
    fix: bool,
    diff: bool,
    quiet: bool,
) -> None:
    """Check Markdown or text postmortems (files, folders, or - for standard input)."""
    if fix and diff:
        raise click.UsageError("--fix and --diff exclude each other")
    if fix and "-" in paths:
        raise click.UsageError("--fix writes files; use --diff for standard input")
    checked: list[Checked] = []
    failed = False
    for outcome in _check_all(paths, select, ignore, today, config_file, stdin_filename):
        if isinstance(outcome, BlamelessError):
            _error(str(outcome))
            failed = True
        else:
            checked.append(outcome)

    if diff:
        changed = _print_diffs(checked)
        raise SystemExit(ExitCode.ERROR if failed else ExitCode.FINDINGS if changed else 0)
    if fix:
        checked = [_fixed(item, today, config_file, select, ignore) for item in checked]
    reports = [item.report for item in checked]
    if reports or not failed:
        from blameless.output import RenderOptions, render

        options = RenderOptions(version=__version__, colour=_use_colour(), quiet=quiet)
        click.echo(render(output_format, reports, options), nl=False)
    if failed:
        raise SystemExit(ExitCode.ERROR)
    threshold = _FAIL_ON[fail_on]
    if any(f.severity.rank >= threshold for report in reports for f in report.findings):
        raise SystemExit(ExitCode.FINDINGS)


def _check_all(
    paths: tuple[str, ...],
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
    today: dt.date | None,
    config_file: Path | None,
    stdin_filename: str | None,
) -> Iterator[Checked | BlamelessError]:
    """Each document's report, or the error that stopped it, in the order given."""
    from blameless.checker import check_text
    from blameless.config import read_config_file
    from blameless.files import collect_documents
    from blameless.reading import read_stream, read_text

    explicit = read_config_file(config_file) if config_file else None
    for name in paths:
        if name == "-":
            try:
                config = _config_for(Path(stdin_filename) if stdin_filename else None, explicit)
                config = _with_options(config, select, ignore)
                text = read_stream(sys.stdin.buffer, "<stdin>", config.max_file_size)
                report = check_text(text, stdin_filename, config, today)
            except BlamelessError as error:
                yield error
                continue
            yield Checked(report.model_copy(update={"path": stdin_filename or "-"}), text, None)
            continue
        try:
            targets = collect_documents([name])
        except BlamelessError as error:
            yield error
            continue
        for target in targets:
            try:
                config = _with_options(_config_for(target, explicit), select, ignore)
                text = read_text(target, config.max_file_size)
                yield Checked(check_text(text, str(target), config, today), text, target)
            except BlamelessError as error:
                yield error


def _config_for(path: Path | None, explicit: Config | None) -> Config:
    from blameless.config import discover_config

    return explicit or discover_config(path)


def _with_options(
    config: Config, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None
) -> Config:
    """CLI rules narrow the file's: --select replaces `select`, --ignore adds to `ignore`."""
    extra_ignore = (*config.ignore, *ignore) if ignore else None
    return config.with_overrides(select=select or None, ignore=extra_ignore)


def _print_diffs(checked: list[Checked]) -> bool:
    from blameless.output.fix import apply_edits, safe_edits, unified_diff

    changed = False
    for item in checked:
        after = apply_edits(item.text, safe_edits(item.report.findings))
        patch = unified_diff(item.report.path or "-", item.text, after)
        if patch:
            changed = True
            click.echo(patch, nl=False)
    return changed


def _fixed(
    item: Checked,
    today: dt.date | None,
    config_file: Path | None,
    select: tuple[str, ...] | None,
    ignore: tuple[str, ...] | None,
) -> Checked:
    """Write the file's safe fixes, then report what is left in the new text."""
    from blameless.checker import check_text
    from blameless.config import read_config_file
    from blameless.output.fix import fix_file

    if item.path is None:
        return item
    fixed = fix_file(item.path, item.text, item.report.findings)
    if fixed == item.text:
        return item
    explicit = read_config_file(config_file) if config_file else None
    config = _with_options(_config_for(item.path, explicit), select, ignore)
    return Checked(check_text(fixed, str(item.path), config, today), fixed, item.path)


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


def _error(message: str) -> None:
    click.echo(f"blameless: error: {message}", err=True)
