"""Median latency of every canned question: Oxigraph (embedded, in memory) vs rdflib's SPARQL engine
over the same triples.

    python bench/queries.py [--out DIR] [--runs N]

DIR is a build's output folder (default out/; built first when it has no store).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import rdflib

from tarikh.graph import sparql


def median_ms(function, runs: int) -> tuple[float, int]:
    times, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        rows = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (args.out / "store").exists():
        from tarikh.builder import build

        build(None, args.out)
    engine = sparql.EmbeddedEngine(args.out / "store")
    graph = rdflib.Graph().parse(str(args.out / "graph.ttl"), format="turtle")
    print(f"{len(graph)} triples; median of {args.runs} runs (rdflib: {max(1, args.runs // 2)})")
    print(f"{'query':26s} {'rows':>6s} {'oxigraph ms':>12s} {'rdflib ms':>10s}   asked with parameters: rows, oxigraph ms")
    samples = {**SAMPLE_PARAMS, "event": engine.run(FIRST_EVENT).rows[0][0].value}
    for name, query in sparql.canned().items():
        oxi, rows = median_ms(lambda: len(engine.run(query.text).rows), args.runs)
        lib, lib_rows = median_ms(lambda: len(list(graph.query(query.text))), max(1, args.runs // 2))
        flag = "" if lib_rows == rows else f"  (rdflib: {lib_rows} rows)"
        given = {p.name: [samples[p.name]] for p in query.params}
        asked = sparql.with_values(query.text, sparql.param_terms(query, given, engine))
        oxi_asked, rows_asked = median_ms(lambda: len(engine.run(asked).rows), args.runs)
        shown = ", ".join(f"{k}={v[0]}" for k, v in given.items() if k != "event") or "-"
        print(f"{name:26s} {rows:6d} {oxi:12.1f} {lib:10.1f}   {shown}: {rows_asked}, {oxi_asked:.1f}{flag}")
    return 0


# The parameters each canned question is asked with in the second timing (one sample value per name).
SAMPLE_PARAMS = {"actor": "Nazarbayev", "place": "Almaty", "year": "1991", "from": "1990", "to": "1995",
                 "kind": "Party"}
FIRST_EVENT = "PREFIX tk: <https://w3id.org/tarikh/ontology#> SELECT ?e WHERE { ?e a tk:Event } ORDER BY ?e LIMIT 1"


if __name__ == "__main__":
    sys.exit(main())
