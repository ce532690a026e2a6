"""Output formats as a registry: a format name maps to the module that renders it.

A new format is one module with a `render(reports, options) -> str` function and one
line in `FORMATS`. Modules are imported only when their format is asked for, so the
registry costs nothing at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from blameless.model import Report

FORMATS: dict[str, str] = {
    "text": "blameless.output.text",
    "json": "blameless.output.json",
    "sarif": "blameless.output.sarif",
    "github": "blameless.output.github",
}


@dataclass(frozen=True)
class RenderOptions:
    version: str
    colour: bool = False
    quiet: bool = False  # findings only: no suggestions, no summary


class Renderer(Protocol):
    def __call__(self, reports: Sequence[Report], options: RenderOptions) -> str: ...


def renderer(name: str) -> Renderer:
    """The render function of a registered format; ValueError names the known ones."""
    try:
        module = FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(f"unknown output format {name!r} (one of: {known})") from None
    render: Renderer = importlib.import_module(module).render
    return render


def render(name: str, reports: Sequence[Report], options: RenderOptions) -> str:
    """The reports in a registered format, ending in a newline unless empty."""
    return renderer(name)(reports, options)
