"""The benchmarks say what to pass when the corpus is absent, instead of a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.mark.parametrize("script", ["speed.py", "corpus_report.py"])
@pytest.mark.parametrize("folder", ["missing", "empty"])
def test_absent_corpus_is_one_line(tmp_path: Path, script: str, folder: str) -> None:
    corpus = tmp_path / folder
    if folder == "empty":
        corpus.mkdir()
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert "pass --corpus DIR" in result.stderr and str(corpus) in result.stderr
