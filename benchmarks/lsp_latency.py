"""How fast `blameless lsp` answers a keystroke in a long postmortem.

    .venv/bin/python benchmarks/lsp_latency.py [--words 5000] [--edits 50]

Starts the server as an editor would (a subprocess on stdio), opens a postmortem of
about --words words, then types --edits characters, one at a time, into different
paragraphs, waiting for each version's diagnostics. The debounce is set to 0 so the
figure is the time from the keystroke to its diagnostics, i.e. what comes after the
debounce. Cold start: spawn to the first document's diagnostics (spaCy and the model
load then), and spawn to the initialize answer.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.lsp_client import LspClient  # noqa: E402

PARAGRAPHS = [
    "At {t} the checkout service began returning errors for about {n} percent of requests, "
    "and the on-call engineer was paged by the latency alert within two minutes.",
    "The deploy pipeline rolled the new rate-limit default to every region at once, because "
    "the canary stage had been disabled during the migration to the new runner.",
    "Dana's typo in the rate-limit default took down checkout for {n} minutes.",
    "The dashboards showed the error rate rising, but the alert threshold was set for the old "
    "traffic pattern and did not fire until the queue had already backed up.",
    "Why did you skip the canary? Nobody could say at the time which stage had been skipped.",
    "The team rolled back the change at {t}, and error rates returned to normal within "
    "{n} minutes as the caches warmed up again across the fleet.",
    "The config schema accepted a rate limit of 50 requests per second, which is far below "
    "what the service needs at peak, and no validation step compared it to traffic.",
    "It was obviously a bad idea to change the default on a Friday afternoon.",
]


def postmortem(words: int) -> str:
    parts = ["# Checkout outage", "", "## Summary", ""]
    count, index = 0, 0
    while count < words:
        if index % 12 == 0:
            parts += [f"## Part {index // 12 + 1}", ""]
        text = PARAGRAPHS[index % len(PARAGRAPHS)].format(
            t=f"{10 + index % 12}:{index % 60:02d}", n=index % 40 + 3
        )
        parts += [text, ""]
        count += len(text.split())
        index += 1
    parts += [
        "## Action items",
        "",
        "| Action | Owner | Due |",
        "|---|---|---|",
        "| Reject rate limits below 200 rps in the config schema | @dana | 2099-04-15 |",
        "",
    ]
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--edits", type=int, default=50)
    args = parser.parse_args(argv)

    text = postmortem(args.words)
    lines = text.split("\n")
    folder = Path(__file__).resolve().parent
    uri = (folder / "latency-postmortem.md").as_uri()  # never written: the editor's buffer

    started = time.perf_counter()
    client = LspClient(cwd=folder)
    client.initialize(folder, {"debounceMs": 0})
    initialized = time.perf_counter() - started
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}},
    )
    findings = len(client.diagnostics(uri, version=1))
    cold = time.perf_counter() - started

    prose = [number for number, line in enumerate(lines) if len(line) > 40]
    times = []
    for edit in range(args.edits):
        line = prose[(edit * 7) % len(prose)]
        at = {"line": line, "character": len(lines[line]) // 2}
        version = edit + 2
        sent = time.perf_counter()
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": at, "end": at}, "text": "x"}],
            },
        )
        client.diagnostics(uri, version=version)
        times.append(time.perf_counter() - sent)
    client.close()

    words = len(text.split())
    times_ms = sorted(t * 1000 for t in times)
    p95 = times_ms[max(0, round(0.95 * len(times_ms)) - 1)]
    print(f"document: {words} words, {findings} diagnostics")
    print(f"cold start: initialize answered in {initialized:.2f} s; first diagnostics {cold:.2f} s")
    print(
        f"keystroke to diagnostics (after the debounce), {len(times)} edits: "
        f"median {statistics.median(times_ms):.1f} ms, p95 {p95:.1f} ms, max {times_ms[-1]:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
