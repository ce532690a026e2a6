"""A temporary git repository that uses this checkout's HEAD as its blameless hook, and
`pre-commit run` in it: shared by the tests that run the hook for real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


def hook_repository(repo: Path) -> Path:
    """Create `repo` as a git repository whose pre-commit config runs the hook from this
    checkout's HEAD commit (so `.pre-commit-hooks.yaml` as committed is what runs)."""
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q")
    head = git(ROOT, "rev-parse", "HEAD")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {ROOT}\n  rev: {head}\n  hooks:\n  - id: blameless\n"
    )
    return repo


def run_pre_commit(repo: Path, home: str, *options: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit run --all-files` with its environments in `home`, never the user's."""
    env = {**os.environ, "PRE_COMMIT_COLOR": "never", "PRE_COMMIT_HOME": home}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", *options]
    return subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env)
