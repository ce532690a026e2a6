"""The hook as shipped judges only postmortems: a real `pre-commit run` in a repository
with a README, a CHANGELOG and one postmortem flags only the postmortem.

pre-commit installs the hook from this checkout's HEAD commit (so `.pre-commit-hooks.yaml`
as committed is what runs) into a PRE_COMMIT_HOME of the test's own; it needs the package
registry, so it carries the `precommit` mark like tests/test_precommit.py.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.precommit_repo import git, hook_repository, run_pre_commit

# Both would fail if the hook saw them: the README has no follow-up section and names a
# cause in blaming words; the changelog reads like a list of incidents.
README = """\
# acme-billing

The billing service. Last year an outage was caused by human error, so deploys now go
through a canary.

## Installation

Run `make install`.
"""
CHANGELOG = """\
# Changelog

## 2.3.0

- Fixed an outage when the invoice queue was empty.
- Faster exports.
"""
POSTMORTEM = """\
# Invoice export outage

## Summary

Invoice exports failed for two hours after a schema change.

## Timeline

- 09:10 The schema change was deployed.
- 11:05 The change was rolled back.
"""


@pytest.mark.precommit
def test_hook_as_shipped_flags_only_the_postmortem(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = hook_repository(tmp_path / "billing")
    (repo / "postmortems").mkdir()
    (repo / "README.md").write_text(README)
    (repo / "CHANGELOG.md").write_text(CHANGELOG)
    (repo / "postmortems" / "2026-03-14-invoice-export.md").write_text(POSTMORTEM)
    git(repo, "add", ".")

    with tempfile.TemporaryDirectory(prefix="pre-commit-home-") as home:
        result = run_pre_commit(repo, home, "--verbose")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "postmortems/2026-03-14-invoice-export.md" in output
    assert "actions-missing" in output
    assert "README.md" not in output, output
    assert "CHANGELOG.md" not in output, output
