"""A real `pre-commit run` in a temporary git repository, using this checkout as the hook repo.

pre-commit installs the hook from the checkout's HEAD commit into its own environment, so
this needs the package registry; deselect with `-m "not precommit"` when offline.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.precommit_repo import git, hook_repository, run_pre_commit

BLAMEFUL = """\
# Checkout outage

## Summary

The outage was caused by human error.

## Action items

| Action | Owner | Due |
|---|---|---|
| Reject rate limits below 200 rps in the config schema | @dana | 2099-04-15 |
"""
FIXED = BLAMEFUL.replace(
    "The outage was caused by human error.",
    "The config schema accepted a rate limit of 50 rps, which the canary did not catch.",
)


@pytest.mark.precommit
def test_pre_commit_hook_fails_on_blame_and_passes_when_fixed(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = hook_repository(tmp_path / "reviews")
    postmortem = repo / "postmortems" / "2026-03-14-checkout.md"  # the hook's `files:`
    postmortem.parent.mkdir()
    postmortem.write_text(BLAMEFUL)
    git(repo, "add", ".")

    # The hook's environment (spaCy and the model, some 340 MB) goes to a folder of the
    # test's own, removed afterwards, never to the user's ~/.cache/pre-commit.
    with tempfile.TemporaryDirectory(prefix="pre-commit-home-") as home:
        failing = run_pre_commit(repo, home)
        output = failing.stdout + failing.stderr
        assert failing.returncode == 1, output
        assert "postmortems/2026-03-14-checkout.md:5:26: error human-error" in output
        assert any(Path(home).iterdir()), "pre-commit did not use PRE_COMMIT_HOME"

        postmortem.write_text(FIXED)
        git(repo, "add", ".")
        passing = run_pre_commit(repo, home)
        assert passing.returncode == 0, passing.stdout + passing.stderr
