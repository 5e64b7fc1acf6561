"""Time the RDF stages of a build on its events: conversion, validation, Turtle, store.

    python bench/rdf.py [--out DIR] [--runs N] [--pyshacl]

DIR is a build's output folder (default out/; built first when it has no events.jsonl).
Prints the median of N runs per stage, and pySHACL on the whole graph when asked.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tarikh.graph import rdf, shacl, store


def documents_of(events: list[dict]) -> list[dict]:
    """The document records of the bundled corpus files the events cite."""
    from tarikh.corpus import paths

    cited = {m["doc"]: m["lang"] for e in events for m in e["mentions"]}
    return [{"name": p.name, "sha256": hashlib.sha256(p.read_bytes()).hexdigest(), "lang": cited.get(p.name, "kk"),
             "chars": len(p.read_text(encoding="utf-8")), "encoding": "utf-8"} for p in paths()]


def timed(function, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (CPU time is the steadier figure on a busy machine)."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pyshacl", action="store_true", help="also time pySHACL on the whole graph")
    args = parser.parse_args()
    if not (args.out / "events.jsonl").exists():
        from tarikh.builder import build

        build(None, args.out)
    events = [json.loads(line) for line in (args.out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    documents = documents_of(events)
    graph = rdf.to_dataset(events, documents)
    scratch = Path(tempfile.mkdtemp())
    stages = {
        "to_dataset": lambda: rdf.to_dataset(events, documents),
        "validate (shapes as SPARQL)": lambda: shacl.validate(graph),
        "write_turtle": lambda: rdf.write_turtle(graph, scratch / "graph.ttl"),
        "write_store": lambda: store.write_store(graph, scratch / "store"),
    }
    print(f"{len(events)} events, {len(graph)} quads, {graph.triple_count()} triples; median of {args.runs} runs")
    print(f"  {'stage':30s} {'wall ms':>8s} {'cpu ms':>8s}")
    total = [0.0, 0.0]
    for name, function in stages.items():
        wall, cpu = timed(function, args.runs)
        total = [total[0] + wall, total[1] + cpu]
        print(f"  {name:30s} {wall * 1000:8.1f} {cpu * 1000:8.1f}")
    print(f"  {'total':30s} {total[0] * 1000:8.1f} {total[1] * 1000:8.1f}")
    if args.pyshacl:
        import rdflib

        parsed = rdflib.Graph().parse(data=graph.ntriples(), format="nt")
        wall, cpu = timed(lambda: shacl.pyshacl_violations(parsed), 1)
        print(f"  {'pySHACL, whole graph':30s} {wall * 1000:8.1f} {cpu * 1000:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
