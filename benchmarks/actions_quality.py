"""Action-item extraction on real layouts: a labelled set and the shared corpus.

    .venv/bin/python benchmarks/actions_quality.py [--set DIR] [--corpus DIR] [--show]

The labelled set (`benchmarks/layouts/`, frozen: documents plus `labels.yaml`) gives, per
document, whether it is a postmortem, whether `actions-missing` should fire, and every
item with its line. An extracted item is found when it starts on a labelled item's line
(or, for items whose label is a sub-heading or a sentence, when its text holds the
label's first words). The score: items found, false items, owner/due/done agreement on
found items, and `actions-missing` right per document.

On the shared corpus (`../shared/corpus/postmortems/`, no labels) it counts items and
lists every `actions-missing` finding, for a reader to judge.

To measure another checkout (the original extractor, say), run this file with that
checkout first on `PYTHONPATH`: `PYTHONPATH=/tmp/base-actions python benchmarks/...`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

import blameless
from blameless.config import Config
from blameless.model import ActionItem
from blameless.packs import load_packs

HERE = Path(__file__).resolve().parent
DEFAULT_SET = HERE / "layouts"
DEFAULT_CORPUS = HERE.parents[1] / "shared" / "corpus" / "postmortems"
TODAY = dt.date(2026, 12, 1)


@dataclass
class Score:
    labelled: int = 0
    found: int = 0
    false: int = 0
    owner_right: int = 0
    due_right: int = 0
    done_right: int = 0
    missing_right: int = 0
    documents: int = 0
    notes: list[str] = field(default_factory=list)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def _match(label: dict[str, Any], items: list[ActionItem], taken: set[int]) -> int | None:
    """Index of the extracted item that is this labelled item, if any."""
    for index, item in enumerate(items):
        if index not in taken and item.line == label["line"]:
            return index
    head = " ".join(_words(str(label.get("text", ""))).split()[:5])
    for index, item in enumerate(items):
        if index not in taken and head and head in _words(item.text):
            return index
    return None


def _same_owner(label: object, found: str | None) -> bool:
    if label is None or found is None:
        return label is None and found is None
    return _words(str(label)) in _words(found) or _words(found) in _words(str(label))


def _config() -> Config:
    """Only the action rules: the language stage (spaCy) is not what is measured here."""
    rules = [rule for rule, pack in load_packs().items() if pack.kind == "actions"]
    return Config.model_validate({"select": rules})


def _check(path: Path) -> tuple[list[ActionItem], bool]:
    text = path.read_text(encoding="utf-8")
    report = blameless.check(text, path=str(path), config=_config(), today=TODAY)
    missing = any(f.rule == "actions-missing" for f in report.findings)
    return list(report.action_items), missing


def score_set(directory: Path, show: bool) -> Score:
    labels = yaml.safe_load((directory / "labels.yaml").read_text(encoding="utf-8"))
    score = Score()
    for entry in labels:
        path = directory / entry["file"]
        items, missing = _check(path)
        score.documents += 1
        if missing == bool(entry.get("actions_missing")):
            score.missing_right += 1
        else:
            score.notes.append(f"{entry['file']}: actions-missing {missing}, labelled not so")
        taken: set[int] = set()
        for label in entry.get("items") or []:
            score.labelled += 1
            index = _match(label, items, taken)
            if index is None:
                score.notes.append(f"{entry['file']}:{label['line']}: missed {label['text']!r}")
                continue
            taken.add(index)
            item = items[index]
            score.found += 1
            score.owner_right += _same_owner(label.get("owner"), item.owner)
            score.due_right += (label.get("due") or None) == item.due
            score.done_right += bool(label.get("done")) == item.done
            if show and not _same_owner(label.get("owner"), item.owner):
                expected = label.get("owner")
                where = f"{entry['file']}:{item.line}"
                score.notes.append(f"{where}: owner {item.owner!r}, label {expected!r}")
            if show and (label.get("due") or None) != item.due:
                score.notes.append(
                    f"{entry['file']}:{item.line}: due {item.due!r}, label {label.get('due')!r}"
                )
            if show and bool(label.get("done")) != item.done:
                score.notes.append(
                    f"{entry['file']}:{item.line}: done {item.done}, label {label.get('done')}"
                )
        for index, item in enumerate(items):
            if index not in taken:
                score.false += 1
                score.notes.append(f"{entry['file']}:{item.line}: false item {item.text[:60]!r}")
    return score


def score_corpus(directory: Path) -> tuple[int, list[str], list[str]]:
    total = 0
    missing: list[str] = []
    empty: list[str] = []
    for path in sorted(directory.glob("*.md")):
        items, flagged = _check(path)
        total += len(items)
        if flagged:
            missing.append(path.name)
        elif not items:
            empty.append(path.name)
    return total, missing, empty


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f} %)" if whole else "0/0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=DEFAULT_SET, dest="labelled")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="list every miss and false item")
    args = parser.parse_args(argv)

    print(f"blameless from {Path(blameless.__file__).parent}")
    if (args.labelled / "labels.yaml").exists():
        score = score_set(args.labelled, args.show)
        print(f"labelled set {args.labelled.name}: {score.documents} documents")
        print(f"  items found      {_percent(score.found, score.labelled)}")
        print(f"  false items      {score.false}")
        print(f"  owner right      {_percent(score.owner_right, score.found)}")
        print(f"  due right        {_percent(score.due_right, score.found)}")
        print(f"  done right       {_percent(score.done_right, score.found)}")
        print(f"  actions-missing  {_percent(score.missing_right, score.documents)} right")
        for note in score.notes:
            if args.show or any(word in note for word in ("missed", "false", "actions-missing")):
                print(f"    {note}")
    if args.corpus.is_dir():
        total, missing, empty = score_corpus(args.corpus)
        print(f"shared corpus: {total} items")
        print(f"  actions-missing on {len(missing)}: {', '.join(missing) or '-'}")
        print(f"  no items, not flagged: {', '.join(empty) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
