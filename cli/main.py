"""`blameless` commands: check, rules, explain, actions, lsp.

Only `check` (and only for text with trigger words) loads spaCy; `--help`, `--version`,
`rules` and `explain` answer from the rule packs alone.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from blameless import __version__
from blameless.cli import ExitCode
from blameless.cli.actions_command import actions
from blameless.cli.check_command import check
from blameless.errors import BlamelessError, ConfigError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="blameless")
def cli() -> None:
    """Check incident postmortems for blame language and owned, dated action items."""


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


@cli.command()
def lsp() -> None:
    """Run the language server on standard input and output (for editors)."""
    from blameless.output.lsp import serve

    serve()


cli.add_command(check)
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
    except click.UsageError as error:  # one line, naming the command's help
        command = error.ctx.command_path if error.ctx else "blameless"
        _error(f"{error.format_message()} (see '{command} --help')")
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


def run() -> None:
    """The console script: `main`, then exit. After a check, spaCy's model is in memory,
    and the interpreter frees it object by object at exit (0.15 s, longer than checking a
    small file), so a process that loaded it leaves at once, its output flushed."""
    code = main()
    if "spacy" not in sys.modules:
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a closed pipe: nothing left to say
        pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
