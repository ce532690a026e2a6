"""Shared fixtures: a fixed "today" so due dates in examples never go stale."""

from __future__ import annotations

import datetime as dt

import pytest

from blameless.config import Config

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def today() -> dt.date:
    return TODAY


def only(*rules: str) -> Config:
    """A config that runs just these rules."""
    return Config(select=rules)
