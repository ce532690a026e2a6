"""Findings per 1,000 words on real postmortems, for reading them through.

    .venv/bin/python benchmarks/corpus_report.py [--corpus DIR] [--show] [--rule RULE]

For every document: its words, its language findings (all severities) and their rate
per 1,000 words, and its action items. `--show` prints each language finding with the
words around it, so a reader can judge which ones are false positives.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import blameless
from blameless.packs import load_packs

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus" / "postmortems"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print every language finding")
    parser.add_argument("--rule", help="only this rule's findings")
    args = parser.parse_args(argv)

    if not (args.corpus.is_dir() and any(args.corpus.glob("*.md"))):
        print(
            f"no postmortems (*.md) in {args.corpus}: pass --corpus DIR, a folder of them",
            file=sys.stderr,
        )
        return 2
    language = {rule for rule, pack in load_packs().items() if pack.kind == "language"}
    total_words = total_findings = total_items = 0
    print(f"{'document':<48} {'words':>6} {'found':>5} {'/1k':>6} {'items':>5}")
    for path in sorted(args.corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        report = blameless.check_file(str(path))
        findings = [
            f
            for f in report.findings
            if f.rule in language and (args.rule is None or f.rule == args.rule)
        ]
        words = len(text.split())
        total_words += words
        total_findings += len(findings)
        total_items += len(report.action_items)
        rate = 1000 * len(findings) / words
        print(
            f"{path.name[:48]:<48} {words:>6} {len(findings):>5} {rate:>6.2f} "
            f"{len(report.action_items):>5}"
        )
        if args.show:
            body = text.removeprefix("\ufeff")
            for finding in findings:
                before = body[max(0, finding.offset - 100) : finding.offset].replace("\n", " ")
                after = body[finding.end_offset : finding.end_offset + 60].replace("\n", " ")
                print(
                    f"    {finding.line}:{finding.column} {finding.rule} [{finding.severity.value}]"
                    f" …{before}«{finding.text}»{after}…"
                )
    rate = 1000 * total_findings / total_words
    print(
        f"{'all documents':<48} {total_words:>6} {total_findings:>5} {rate:>6.2f} {total_items:>5}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
