"""Kept for modules that import `shorten` from here; the text helpers live in `text`."""

from blameless.actions.text import shorten, tidy

__all__ = ["shorten", "tidy"]
