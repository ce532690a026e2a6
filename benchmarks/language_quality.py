"""Precision, recall and F1 of the language rules on the labelled sentence set.

    .venv/bin/python benchmarks/language_quality.py [--errors] [--rule RULE] [--set FILE]

Each labelled sentence is placed in a small Markdown document under a heading for its
section (a blockquote for QUOTED) and checked with every language rule. The sentence's
prediction is the rule of the one finding reported on it; in QUOTED text only findings
above `info` count, since quoted evidence is reported as a hint at most. A prediction is
right when it is the labelled rule or one of its `also` rules.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

import blameless
from blameless.config import Config
from blameless.model import Severity
from blameless.packs import language_rules, load_packs

HERE = Path(__file__).parent
SENTENCES = HERE / "labelled" / "sentences.yaml"

HEADINGS = {
    "TIMELINE": "## Timeline",
    "CAUSE": "## Root cause",
    "SUMMARY": "## Summary",
    "LUCKY": "## Where we got lucky",
    "ACTIONS": "## Action items",
    "LESSONS-POORLY": "## What went wrong",
    "METADATA": "## Responders",
    "QUOTED": "## Appendix: chat log",
}


def document_for(text: str, section: str | None) -> tuple[str, int]:
    """A Markdown document holding the sentence, and the sentence's offset in it."""
    head = f"# Incident review\n\n{HEADINGS[section]}\n\n" if section else "# Incident review\n\n"
    prefix = {"QUOTED": "> ", "ACTIONS": "- "}.get(section or "", "")
    return head + prefix + text + "\n", len(head) + len(prefix)


def predict(entry: dict, config: Config) -> str | None:
    source, start = document_for(entry["text"], entry.get("section"))
    report = blameless.check(source, path="bench.md", config=config)
    for finding in report.findings:
        if finding.offset is None or finding.offset < start:
            continue
        if entry.get("section") == "QUOTED" and finding.severity is Severity.INFO:
            continue
        return finding.rule
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="print every wrong prediction")
    parser.add_argument("--rule", help="only sentences labelled with (or predicted as) RULE")
    parser.add_argument(
        "--set", type=Path, default=SENTENCES, help="the labelled YAML file (default: %(default)s)"
    )
    args = parser.parse_args(argv)

    entries = yaml.safe_load(args.set.read_text(encoding="utf-8"))
    rules = sorted(language_rules(), key=list(load_packs()).index)
    config = Config(select=tuple(rules))
    predicted_count: Counter[str] = Counter()
    actual_count: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    mistakes = []
    for entry in entries:
        label = entry.get("rule")
        accepted = {label, *(entry.get("also") or [])} if label else set()
        guess = predict(entry, config)
        if label:
            actual_count[label] += 1
        if guess:
            predicted_count[guess] += 1
        if guess and guess in accepted:
            correct[label] += 1
            if guess != label:  # credited to the label, counted as predicted for it
                predicted_count[guess] -= 1
                predicted_count[label] += 1
        elif guess or label:
            mistakes.append((label, guess, entry))

    def scores(tp: int, predicted: int, actual: int) -> tuple[float, float, float]:
        precision = tp / predicted if predicted else 1.0
        recall = tp / actual if actual else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    total = scores(sum(correct.values()), sum(predicted_count.values()), sum(actual_count.values()))
    negatives = sum(1 for e in entries if not e.get("rule"))
    print(f"{len(entries)} sentences ({negatives} hard negatives)")
    print(f"{'rule':<17} {'n':>4} {'pred':>5} {'prec':>6} {'recall':>7} {'f1':>6}")
    for rule in rules:
        p, r, f = scores(correct[rule], predicted_count[rule], actual_count[rule])
        print(
            f"{rule:<17} {actual_count[rule]:>4} {predicted_count[rule]:>5} "
            f"{p:>6.3f} {r:>7.3f} {f:>6.3f}"
        )
    p, r, f = total
    print(
        f"{'overall':<17} {sum(actual_count.values()):>4} {sum(predicted_count.values()):>5} "
        f"{p:>6.3f} {r:>7.3f} {f:>6.3f}"
    )
    if args.errors:
        for label, guess, entry in mistakes:
            if args.rule and args.rule not in (label, guess):
                continue
            where = f" [{entry['section']}]" if entry.get("section") else ""
            print(f"  label={label} got={guess}{where}: {entry['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
