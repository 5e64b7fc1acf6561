#!/usr/bin/env python3
"""Gold check of the actor matcher: does it find each gold actor that is written in its event's quote?

usage: python bench/gold_actors.py [GOLD_DIR] [--misses N] [--threshold T ...] [--speed]

For every gold event, every actor (and place) whose `text` occurs in the event's `quote` counts as found when
the matcher reports a mention overlapping it whose text or label the scorer's `actor_match` accepts
(GOLD_DIR/score.py). With several --threshold values, it prints the figure and the fuzzy matches' precision
at each fuzzy threshold (a fuzzy match is correct when the scorer accepts it). --speed times the matcher over
the bundled corpus (best of 3 runs, CPU seconds).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

from tarikh.corpus import paths

from tarikh.extract.actors import FUZZY_CONFIDENCE, ActorMatcher

DEFAULT_GOLD = Path("/work/shared/gold")


def load_scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("gold_score", gold_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.actor_match


def gold_actors(gold_dir: Path):
    """(gold actor, quote, start of its text in the quote, lang) for actors written in their quote."""
    for path in sorted(gold_dir.glob("s*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            lang = "az" if event["file"].startswith("001") else "kk"
            items = list(event.get("actors") or [])
            if event.get("place"):
                items.append({**event["place"], "kind": "Place"})
            for actor in items:
                at = event["quote"].find(actor["text"])
                if at >= 0:
                    yield actor, event["quote"], at, lang


def evaluate(matcher: ActorMatcher, gold_dir: Path, actor_match):
    total, hits, misses = 0, 0, []
    fuzzy_right = fuzzy_all = 0
    for actor, quote, at, lang in gold_actors(gold_dir):
        total += 1
        end = at + len(actor["text"])
        mentions = [m for m in matcher.find(quote, lang) if m.start < end and m.end > at]
        ok = [m for m in mentions if actor_match(actor, {"text": m.text, "label": m.label})]
        for m in mentions:
            if m.confidence == FUZZY_CONFIDENCE and m.source == "gazetteer":
                fuzzy_all += 1
                fuzzy_right += bool(actor_match(actor, {"text": m.text, "label": m.label}))
        if ok:
            hits += 1
        else:
            misses.append((actor, [(m.text, m.label) for m in mentions]))
    return total, hits, misses, fuzzy_right, fuzzy_all


def speed() -> str:
    """CPU time of the matcher over the whole bundled corpus, best of three runs."""
    texts = [p.read_text(encoding="utf-8") for p in paths()]
    matcher = ActorMatcher()
    for text in texts:
        matcher.find(text)  # warm the per-word caches, as a build does after its first document
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        mentions = sum(len(matcher.find(text)) for text in texts)
        best = min(best, time.process_time() - start)
    chars = sum(map(len, texts))
    return f"matcher over the corpus: {chars} characters, {mentions} mentions, {best:.2f} s CPU"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", type=int, default=60)
    parser.add_argument("--threshold", type=float, action="append")
    parser.add_argument("--speed", action="store_true", help="time the matcher over the bundled corpus")
    args = parser.parse_args(argv)
    actor_match = load_scorer(args.gold_dir)
    for threshold in args.threshold or [None]:
        matcher = ActorMatcher() if threshold is None else ActorMatcher(fuzzy_threshold=threshold)
        total, hits, misses, fuzzy_right, fuzzy_all = evaluate(matcher, args.gold_dir, actor_match)
        print(f"fuzzy threshold {matcher.fuzzy_threshold}: gold actors found {hits}/{total} = {hits / total:.3f}; "
              f"fuzzy matches correct {fuzzy_right}/{fuzzy_all}")
    if args.speed:
        print(speed())
    for actor, got in misses[:args.misses]:
        print(f"  miss {actor['kind']:12} {actor['text']!r:50} {actor['canonical']!r:40} got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
