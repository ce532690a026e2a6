"""Real editors as clients: Neovim headless with the shipped config, and Vim's quickfix.

Both use the files in docs/editors/ unchanged. Needs `nvim` (`.ci/run` installs the
Debian package); skipped with the reason when it is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / "docs" / "editors"
NVIM = shutil.which("nvim")
DOC = """\
# Café outage

At 14:02 the café lost data. Zoë's typo broke the cache.

Why did you skip the canary?
"""

pytestmark = pytest.mark.skipif(
    NVIM is None, reason="nvim is not installed (apt-get install neovim)"
)

DUMP_DIAGNOSTICS = """
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) >= 2 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(out, vim.fn.json_encode({
    lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
    code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    source = d.source, message = d.message }))
end
vim.fn.writefile(out, vim.g.blameless_out)
"""


def nvim(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    assert NVIM is not None
    return subprocess.run(
        [NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-n", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_neovim_shows_the_servers_diagnostics(tmp_path: Path) -> None:
    (tmp_path / "pm.md").write_text(DOC, encoding="utf-8")
    out = tmp_path / "diagnostics.jsonl"
    script = tmp_path / "dump.lua"
    script.write_text(DUMP_DIAGNOSTICS)
    command = json.dumps([sys.executable, "-m", "blameless.cli.main", "lsp"])
    result = nvim(
        [
            "--cmd", f"let g:blameless_cmd = {command}",
            "--cmd", f"let g:blameless_out = {json.dumps(str(out))}",
            "--cmd", "filetype on",
            "-c", f"luafile {DOCS / 'blameless.lua'}",
            "-c", "edit pm.md",
            "-c", f"luafile {script}",
            "-c", "qa!",
        ],
        tmp_path,
    )  # fmt: skip
    assert out.exists(), result.stderr
    diagnostics = [json.loads(line) for line in out.read_text().splitlines()]
    print("\n".join(out.read_text().splitlines()))  # what Neovim shows, for the log
    codes = {d["code"]: d for d in diagnostics}
    assert {"person-as-cause", "why-you"} <= set(codes)
    zoe = codes["person-as-cause"]
    line = DOC.splitlines()[2]
    byte = len(line[: line.index("Zoë")].encode("utf-8"))  # Neovim columns are bytes
    assert (zoe["lnum"], zoe["col"]) == (2, byte)
    assert zoe["end_col"] == byte + len("Zoë's typo".encode())
    assert zoe["source"] == "blameless" and zoe["severity"] == 1


def test_vim_errorformat_reads_the_text_output(tmp_path: Path) -> None:
    (tmp_path / "pm.md").write_text(DOC, encoding="utf-8")
    output = subprocess.run(
        [sys.executable, "-m", "blameless.cli.main", "check", "pm.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    ).stdout
    (tmp_path / "output.txt").write_text(output, encoding="utf-8")
    out = tmp_path / "quickfix.json"
    result = nvim(
        [
            "-c", f"source {DOCS / 'vim-errorformat.vim'}",
            "-c", "cgetfile output.txt",
            "-c", "call writefile([json_encode(getqflist())], 'quickfix.json')",
            "-c", "qa!",
        ],
        tmp_path,
    )  # fmt: skip
    assert out.exists(), result.stderr
    entries = json.loads(out.read_text())
    valid = [entry for entry in entries if entry["valid"]]
    # every finding line is an entry; suggestion and summary lines are not
    assert len(valid) == sum(1 for line in output.splitlines() if not line.startswith(" ")) - 1
    zoe = next(entry for entry in valid if "person-as-cause" in entry["text"])
    line = DOC.splitlines()[2]
    assert (zoe["lnum"], zoe["col"], zoe["vcol"]) == (3, line.index("Zoë") + 1, 1)
    assert zoe["type"] == "e"
    # with %v, Vim puts the cursor on the character the column names, not a byte
    cursor = tmp_path / "cursor.txt"
    nvim(
        [
            "-c", f"source {DOCS / 'vim-errorformat.vim'}",
            "-c", "cgetfile output.txt",
            "-c", f"cc {valid.index(zoe) + 1}",
            "-c", "call writefile([strpart(getline('.'), col('.') - 1, 6)], 'cursor.txt')",
            "-c", "qa!",
        ],
        tmp_path,
    )  # fmt: skip
    assert cursor.read_text(encoding="utf-8").strip() == "Zoë's"
