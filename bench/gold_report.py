"""Development-gold report of a build: the scorer's table, per language, and events really split in two.

    python bench/gold_report.py out/events.jsonl                 # print
    python bench/gold_report.py out/events.jsonl --write-baseline  # also pin tests/data/gold_baseline.json

The scorer's `gold_with_duplicates` counts every gold event found by more than one predicted event within two
lines. Where the text tells several events of one type on neighbouring lines, correct distinct predictions count
too: the gold annotations themselves, scored as predictions, give 135. `split_events` here assigns each predicted
event to the gold event nearest to its mentions and counts gold events left with more than one.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold"
SETS = ["s000_s002", "s001", "s004a", "s004b"]
LANGUAGES = {"kk": ["s000_s002", "s004a", "s004b"], "az": ["s001"]}
FIGURES = ["gold", "pred", "found", "precision", "recall", "f1", "date_acc", "strict_f1", "actor_recall",
           "gold_with_duplicates"]


def scores(events: Path, sets: list[str]) -> dict:
    result = subprocess.run([sys.executable, str(GOLD / "score.py"), str(events), *sets, "--json"],
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def split_events(events: Path) -> int:
    """Gold events that keep more than one predicted event once each prediction goes to its nearest gold."""
    sys.path.insert(0, str(GOLD))
    import score

    predicted = [json.loads(line) for line in events.read_text(encoding="utf-8").splitlines()]
    gold, scope = score.load_gold(SETS)
    gold = [g for g in gold if g["type"] != "Other"]
    report = score.score([p for p in predicted if p["type"] != "Other"], gold, scope)
    assigned = defaultdict(set)
    for index, gold_ids in report["_matched_pred"].items():
        lines = [line for doc, first, last in report["_pred_in"][index][1] for line in range(first, last + 1)]
        nearest = min(set(gold_ids), key=lambda gi: min(abs(l - gl) for l in lines for gl in gold[gi]["lines"]))
        assigned[nearest].add(index)
    return sum(len(v) > 1 for v in assigned.values())


def row(name: str, figures: dict) -> str:
    return f"{name:22}" + "".join(f"{figures[f]:>11}" for f in FIGURES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", type=Path)
    parser.add_argument("--write-baseline", action="store_true")
    args = parser.parse_args()
    overall = scores(args.events, SETS)
    print(f"{'slice':22}" + "".join(f"{f[:10]:>11}" for f in FIGURES))
    for name, figures in overall.items():
        print(row(name, figures))
    for lang, sets in LANGUAGES.items():
        print(row(f"headline [{lang}]", scores(args.events, sets)["headline"]))
    print(f"split_events (gold events left with two predicted events after nearest assignment): "
          f"{split_events(args.events)}")
    if args.write_baseline:
        baseline = {"headline": {k: overall["headline"][k] for k in FIGURES}}
        path = ROOT / "tests" / "data" / "gold_baseline.json"
        path.write_text(json.dumps(baseline, indent=1) + "\n", encoding="utf-8")
        print(f"baseline written to {path}")


if __name__ == "__main__":
    main()
