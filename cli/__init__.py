"""The `blameless` command line (installed as `blameless.cli`)."""

from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0  # nothing at or above --fail-on
    FINDINGS = 1
    ERROR = 2  # usage, configuration or input error
