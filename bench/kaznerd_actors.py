#!/usr/bin/env python3
"""Actor detection measured on KazNERD (IOB2; Kazakh TV news; Yeshpanov et al., LREC 2022; CC BY 4.0).

usage: python bench/kaznerd_actors.py [IOB2_FILE] [--misses N] [--spurious N] [--threshold T ...]

Each sentence is rebuilt from its tokens (joined by spaces) and read like `tarikh actors --per-line`.
Prints the share of PERSON, GPE and ORGANISATION spans that some reported mention overlaps (recall), and
the share of reported mentions that overlap a PERSON/ORGANISATION/GPE/LOCATION/NORP/POSITION span
(precision). Targets: PERSON, GPE >= 0.85; ORGANISATION >= 0.70; precision >= 0.85.
With --threshold (repeatable) it also prints, per fuzzy threshold, how many fuzzy matches the matcher makes
and the share of them inside an actor span: the figures the matcher's FUZZY_THRESHOLD was chosen from.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

from tarikh.extract.actors import FUZZY_CONFIDENCE, ActorMatcher, default_matcher

DEFAULT = Path("/work/shared/external/kaznerd/IOB2_valid.txt")
RECALL_TYPES = ("PERSON", "GPE", "ORGANISATION")
ACTOR_TYPES = {"PERSON", "ORGANISATION", "GPE", "LOCATION", "NORP", "POSITION"}


def sentences(path: Path) -> Iterator[tuple[str, list[tuple[str, int, int]]]]:
    """(sentence text, [(type, start, end)]) for each sentence of an IOB2 file."""
    tokens: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if len(parts) == 2:
            tokens.append((parts[0], parts[1]))
            continue
        if tokens:
            yield _assemble(tokens)
            tokens = []


def _assemble(tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[str, int, int]]]:
    text, spans, offset = [], [], 0
    for token, tag in tokens:
        start, end = offset, offset + len(token)
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][0] != tag[2:])):
            spans.append([tag[2:], start, end])
        elif tag.startswith("I-"):
            spans[-1][2] = end
        text.append(token)
        offset = end + 1
    return " ".join(text), [tuple(s) for s in spans]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(path: Path, matcher: ActorMatcher | None = None):
    matcher = matcher or default_matcher()
    found, total = Counter(), Counter()
    reported = correct = 0
    misses: dict[str, list[str]] = {t: [] for t in RECALL_TYPES}
    spurious: list[str] = []
    seconds = 0.0
    for text, spans in sentences(path):
        t0 = time.perf_counter()
        mentions = matcher.find(text, "kk")
        seconds += time.perf_counter() - t0
        for kind, start, end in spans:
            if kind in RECALL_TYPES:
                total[kind] += 1
                if any(overlaps((m.start, m.end), (start, end)) for m in mentions):
                    found[kind] += 1
                else:
                    misses[kind].append(f"{text[start:end]!r} in {text[:90]!r}")
        for m in mentions:
            reported += 1
            if any(kind in ACTOR_TYPES and overlaps((m.start, m.end), (s, e)) for kind, s, e in spans):
                correct += 1
            else:
                spurious.append(f"{m.text!r} ({m.kind}, {m.source}) in {text[:90]!r}")
    return found, total, reported, correct, misses, spurious, seconds


def fuzzy_precision(path: Path, matcher: ActorMatcher) -> tuple[int, int]:
    """(fuzzy matches inside an actor span, all fuzzy matches) over the file."""
    right = total = 0
    for text, spans in sentences(path):
        for m in matcher.find(text, "kk"):
            if m.source == "gazetteer" and m.confidence == FUZZY_CONFIDENCE:
                total += 1
                right += any(kind in ACTOR_TYPES and overlaps((m.start, m.end), (s, e)) for kind, s, e in spans)
    return right, total


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("iob2", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", type=int, default=0, help="show N random missed spans per type")
    parser.add_argument("--spurious", type=int, default=0, help="show N random mentions outside actor spans")
    parser.add_argument("--threshold", type=float, action="append", help="measure fuzzy matches at this threshold")
    args = parser.parse_args(argv)
    for threshold in args.threshold or ():
        right, total = fuzzy_precision(args.iob2, ActorMatcher(fuzzy_threshold=threshold))
        print(f"fuzzy threshold {threshold:g}: {total} fuzzy matches, {right / max(total, 1):.3f} in actor spans")
    found, total, reported, correct, misses, spurious, seconds = evaluate(args.iob2)
    for kind in RECALL_TYPES:
        print(f"{kind:13} recall {found[kind] / total[kind]:.3f}  ({found[kind]}/{total[kind]})")
    print(f"precision     {correct / reported:.3f}  ({correct}/{reported} mentions overlap an actor span)")
    print(f"matcher time  {seconds:.2f} s")
    rng = random.Random(0)
    for kind in RECALL_TYPES:
        for line in rng.sample(misses[kind], min(args.misses, len(misses[kind]))):
            print(f"  miss {kind}: {line}")
    for line in rng.sample(spurious, min(args.spurious, len(spurious))):
        print(f"  spurious: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
