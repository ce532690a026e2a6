"""`blameless` commands: check, rules, explain, actions.

Only `check` (and only for text with trigger words) loads spaCy; `--help`, `--version`,
`rules` and `explain` answer from the rule packs alone.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from blameless import __version__
from blameless.cli import ExitCode
from blameless.cli.actions_command import actions
from blameless.cli.options import config_option, today_option
from blameless.errors import BlamelessError, ConfigError
from blameless.model import Report

_FAIL_ON = {"error": 3, "warning": 2, "info": 1, "never": 99}


def _rule_list(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    from blameless.packs import validate_rules

    rules = tuple(part.strip() for part in value.split(",") if part.strip())
    validate_rules(rules)
    return rules


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="blameless")
def cli() -> None:
    """Check incident postmortems for blame language and owned, dated action items."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--select", callback=_rule_list, metavar="RULES", help="Only these rules (comma-separated ids)."
)
@click.option(
    "--ignore", callback=_rule_list, metavar="RULES", help="Skip these rules (comma-separated ids)."
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
    quiet: bool,
) -> None:
    """Check Markdown or text postmortems (files, folders, or - for standard input)."""
    from blameless.config import Config, discover_config, read_config_file
    from blameless.files import collect_documents
    from blameless.reading import read_stream

    explicit = read_config_file(config_file) if config_file else None

    def config_for(path: Path | None) -> Config:
        config = explicit or discover_config(path)
        extra_ignore = tuple(config.ignore) + tuple(ignore or ())
        return config.with_overrides(select=select, ignore=extra_ignore if ignore else None)

    from blameless.checker import check_text

    reports: list[Report] = []
    failed = False
    named = [p for p in paths if p != "-"]
    targets: list[Path | None] = [None] if "-" in paths else []
    try:
        targets.extend(collect_documents(named))
    except BlamelessError as error:
        _error(str(error))
        failed = True
    for target in targets:
        try:
            if target is None:
                name = stdin_filename or "-"
                config = config_for(Path(stdin_filename) if stdin_filename else None)
                text = read_stream(sys.stdin.buffer, "<stdin>", config.max_file_size)
                report = check_text(text, name if stdin_filename else None, config, today)
                report = report.model_copy(update={"path": name})
            else:
                from blameless.reading import read_text

                config = config_for(target)
                text = read_text(target, config.max_file_size)
                report = check_text(text, str(target), config, today)
        except BlamelessError as error:
            _error(str(error))
            failed = True
            continue
        reports.append(report)

    if reports or not failed:
        _print_reports(reports, output_format, quiet)
    if failed:
        raise SystemExit(ExitCode.ERROR)
    threshold = _FAIL_ON[fail_on]
    if any(f.severity.rank >= threshold for report in reports for f in report.findings):
        raise SystemExit(ExitCode.FINDINGS)


def _print_reports(reports: list[Report], output_format: str, quiet: bool) -> None:
    from blameless.formatters import format_finding, format_json, format_summary, total_summary

    if output_format == "json":
        click.echo(format_json(reports, __version__))
        return
    colour = _use_colour()
    for report in reports:
        for finding in report.findings:
            if quiet:
                finding = finding.model_copy(update={"suggestions": []})
            click.echo(format_finding(report.path or "-", finding, colour))
    if not quiet:
        click.echo(format_summary(total_summary(reports)))


def _use_colour() -> bool:
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


@cli.command()
def rules() -> None:
    """List every rule with its id, default severity and what it flags."""
    from blameless.packs import load_packs

    packs = load_packs().values()
    width = max(len(pack.id) for pack in packs)
    for pack in packs:
        summary = pack.message.split(". ")[0]
        if not summary.endswith((".", "?", "!")):
            summary += "."
        click.echo(f"{pack.id:<{width}}  {pack.severity.value:<7}  {pack.kind:<8}  {summary}")


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Show a rule's rationale, examples and rewrites."""
    from blameless.explain import explain_rule
    from blameless.packs import get_pack

    click.echo(explain_rule(get_pack(rule)))


cli.add_command(actions)


def _error(message: str) -> None:
    click.echo(f"blameless: error: {message}", err=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Console entry point: exit codes 0 clean, 1 findings, 2 usage/config/input error."""
    try:
        code = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="blameless",
            standalone_mode=False,
        )
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except click.UsageError as error:
        error.show()
        return ExitCode.ERROR
    except click.exceptions.Exit as exit_:
        return exit_.exit_code
    except click.Abort:
        _error("aborted")
        return ExitCode.ERROR
    except ConfigError as error:
        _error(str(error))
        return ExitCode.ERROR
    except BlamelessError as error:
        _error(str(error))
        return ExitCode.ERROR
    except click.ClickException as error:
        _error(error.format_message())
        return ExitCode.ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        return ExitCode.CLEAN
    except Exception as error:  # a bug: still one line and exit 2, never a traceback
        _error(f"internal error: {type(error).__name__}: {error}")
        return ExitCode.ERROR
    return code if isinstance(code, int) else ExitCode.CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
