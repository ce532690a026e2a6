"""Errors that stop a check: bad input, bad configuration, unknown rules.

Inside the library they are ordinary exceptions; only the CLI turns them into exit code 2.
"""

from __future__ import annotations


class BlamelessError(Exception):
    """A problem the user can fix: reported as one line, exit code 2."""

    exit_code = 2


class InputError(BlamelessError):
    """A file that cannot be read as a document (missing, binary, not UTF-8)."""


class ConfigError(BlamelessError):
    """A configuration file or option that is malformed or names something unknown."""


class UnknownRuleError(ConfigError):
    """A rule id that no rule pack declares."""


class RuleError(BlamelessError):
    """A rule crashed on a document: reported for that file, the other files go on."""
