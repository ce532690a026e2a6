"""Scaling: time and peak memory at 1x, 4x and 16x, for real postmortems and for each
pathological generator of the hostile-input suite, with the ratios that show growth.

Each size runs in its own subprocess, so peak memory (ru_maxrss from wait4) is that
size's alone. The child loads the pipeline first and times only `check_path` (reading,
parsing, rules, action items), so start-up does not flatter the ratios; "base" is the
child's memory after loading, before the check.

    .venv/bin/python benchmarks/scaling.py                 # everything, 50 KB base
    .venv/bin/python benchmarks/scaling.py --only run-on-sentence --base-kb 25
    .venv/bin/python benchmarks/scaling.py --ten-mb        # also a 10 MB postmortem

Linear growth shows as a time ratio near 4 between neighbouring sizes (the issue asks
for at most about 5). On a shared machine, times vary by tens of percent: rerun a
surprising row alone before believing it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile_generators as gen  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "postmortems"
SCALES = (1, 4, 16)
TEN_MB = 9_900_000  # just under the default max-file-size (10,000,000 bytes)
Row = dict[str, Any]
CHILD = """
import json, resource, sys, time
from blameless.checker import check_text, check_path
check_text("Why did you skip the canary? Bob caused it.", "warm.md")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
report = check_path(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "base_kib": base, "findings": len(report.findings)}))
"""


def measure(text: str, suffix: str = ".md") -> Row:
    """Check `text` from a file in a fresh interpreter: seconds, peak and base MiB."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"doc{suffix}"
        path.write_text(text, encoding="utf-8")
        out_path, err_path = Path(folder) / "out", Path(folder) / "err"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            child = subprocess.Popen(
                [sys.executable, "-c", CHILD, str(path)], stdout=out, stderr=err, cwd=folder
            )
            # wait4, not wait: it returns this child's own rusage (its peak memory).
            _, status, usage = os.wait4(child.pid, 0)
            child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            lines = err_path.read_text(errors="replace").strip().splitlines()
            return {"error": 1.0, "message": lines[-1] if lines else f"exit {child.returncode}"}
        result = json.loads(out_path.read_text())
    return {
        "seconds": result["seconds"],
        "peak_mib": usage.ru_maxrss / 1024,
        "base_mib": result["base_kib"] / 1024,
        "findings": result["findings"],
    }


def corpus_whole(corpus: Path) -> str:
    return "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(corpus.glob("*.md")))


def repeat_to(text: str, size: int) -> str:
    return (text * (size // max(1, len(text)) + 1))[:size]


def report(name: str, rows: list[tuple[int, Row]]) -> None:
    previous: Row | None = None
    for size, row in rows:
        if "error" in row:
            print(f"{name:<26} {size / 1e3:>9,.0f} KB  refused or failed: {row['message']}")
            previous = None
            continue
        ratio = ""
        if previous is not None:
            time_ratio = row["seconds"] / max(previous["seconds"], 1e-3)
            growth = (row["peak_mib"] - row["base_mib"]) / max(
                previous["peak_mib"] - previous["base_mib"], 1.0
            )
            ratio = f"  x{time_ratio:4.1f} time  x{growth:4.1f} memory above base"
        print(
            f"{name:<26} {size / 1e3:>9,.0f} KB  {row['seconds']:7.2f} s  "
            f"peak {row['peak_mib']:6.0f} MiB (base {row['base_mib']:4.0f})  "
            f"{int(row['findings']):>6} findings{ratio}"
        )
        previous = row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-kb", type=int, default=50, help="1x size of each generator")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of postmortems")
    parser.add_argument("--only", action="append", help="run only these generators")
    parser.add_argument("--ten-mb", action="store_true", help="also check a 10 MB postmortem")
    args = parser.parse_args(argv)

    generators: dict[str, Callable[[int], str]] = dict(gen.GENERATORS)
    if args.only:
        generators = {name: make for name, make in generators.items() if name in args.only}
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores (shared: times are noisy)")

    whole = corpus_whole(args.corpus) if args.corpus.is_dir() else ""
    if not args.only or "corpus" in args.only:
        if whole:
            rows = [(len(whole) * s, measure(repeat_to(whole, len(whole) * s))) for s in SCALES]
            report("corpus", rows)
        else:
            print(f"corpus: no postmortems in {args.corpus} (pass --corpus DIR); skipped")

    base = args.base_kb * 1000
    for name, generator in generators.items():
        if name == "padded-pseudo-heading":
            continue  # measured at the sizes below
        rows = [(base * s, measure(generator(base * s))) for s in SCALES]
        report(name, rows)

    if not args.only or "padded-pseudo-heading" in args.only:
        for size in (2048, 4096, 8192):  # the sizes: 18.9 s at 8 KB before
            row = measure(gen.padded_pseudo_heading(size))
            report(f"padded-pseudo-heading {size // 1024}K", [(size, row)])

    if args.ten_mb:
        text = repeat_to(whole, TEN_MB) if whole else gen.postmortems(TEN_MB)
        report("10 MB postmortem", [(len(text.encode()), measure(text))])
    return 0


if __name__ == "__main__":
    sys.exit(main())
