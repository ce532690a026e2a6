"""Speed: cold start of the CLI, warm throughput, and cost against document size.

    .venv/bin/python benchmarks/speed.py [--corpus DIR] [--runs 5]

Cold: the median wall time of `blameless check` on the corpus document closest to
2,000 words, and of `blameless --help`, each run as a fresh process. Warm: words per
second over every corpus document in one process after the model is loaded. Linearity:
seconds per 1,000 words for one document built from 1, 2, 4 and 8 copies of the corpus
text (DESIGN.md asks for cost linear in document size).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus" / "postmortems"
EXE = Path(sys.executable).parent / "blameless"


def cold(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    if not (args.corpus.is_dir() and any(args.corpus.glob("*.md"))):
        print(
            f"no postmortems (*.md) in {args.corpus}: pass --corpus DIR, a folder of them",
            file=sys.stderr,
        )
        return 2
    files = sorted(args.corpus.glob("*.md"))
    texts = {path: path.read_text(encoding="utf-8") for path in files}
    words = {path: len(text.split()) for path, text in texts.items()}
    sample = min(files, key=lambda path: abs(words[path] - 2000))

    check_time = cold([str(EXE), "check", "--fail-on", "never", "-q", str(sample)], args.runs)
    help_time = cold([str(EXE), "--help"], args.runs)
    print(
        f"cold `blameless check` of {sample.name} ({words[sample]} words): "
        f"{check_time:.2f} s (median of {args.runs})"
    )
    print(f"cold `blameless --help`: {help_time:.2f} s (median of {args.runs})")

    import blameless

    blameless.check("Why did you skip the canary?")  # load the model once
    total = sum(words.values())
    start = time.perf_counter()
    for path, text in texts.items():
        blameless.check(text, path=str(path))
    elapsed = time.perf_counter() - start
    print(f"warm: {total} words in {elapsed:.2f} s = {total / elapsed:,.0f} words/s")

    joined = "\n\n".join(texts.values())
    for copies in (1, 2, 4, 8):
        text = "\n\n".join([joined] * copies)
        start = time.perf_counter()
        blameless.check(text, path="scaled.md")
        elapsed = time.perf_counter() - start
        print(
            f"linearity: {copies} x corpus ({total * copies} words): {elapsed:.2f} s, "
            f"{1000 * elapsed / (total * copies):.3f} s per 1,000 words"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
