"""The precision/recall benchmark attributes each finding to the sentence it is on.

Its documents open with a title and a section heading; when the heading's lines were
counted as one, every finding in a sectioned set was credited to the next sentence.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARK = Path(__file__).parents[1] / "benchmarks" / "language_quality.py"


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("language_quality", BENCHMARK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_findings_land_on_their_own_sentence_in_every_section() -> None:
    quality = _benchmark()
    for section in (None, "TIMELINE", "CAUSE"):
        entries = [
            quality.Entry("The cron job deleted the stale partitions.", None, section=section),
            quality.Entry(
                "The intern wiped the production bucket.", "person-as-cause", (), section
            ),
            quality.Entry("Alice restarted the primary at 03:12.", None, section=section),
        ]
        found = quality.predictions(entries)
        assert found[0] == set(), section
        assert "person-as-cause" in found[1], section
        assert found[2] == set(), section
