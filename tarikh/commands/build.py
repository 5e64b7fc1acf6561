"""Build the knowledge graph from narrative texts.

Reads each .txt file (Kazakh, Azerbaijani or Russian; any common encoding), finds the events it tells, and
writes into the output folder:
  events.jsonl   one line per real-world event: type, date, actors with roles, place, source sentences
  graph.ttl      the whole graph as RDF Turtle (validated against the SHACL shapes)
  store/         an on-disk SPARQL store of the same graph, for `tarikh query`, `network`, `viz`, `plot`
With no PATH, the bundled demo corpus is built. Previous outputs are replaced only when the build succeeds.
"""
from __future__ import annotations

import argparse
import sys

HELP = "build events.jsonl, graph.ttl and a SPARQL store from texts (default: the bundled corpus)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=".txt files or folders of them")
    parser.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out)")
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation of the graph")


def run(args: argparse.Namespace) -> int:
    from tarikh.builder import build

    report = build(args.paths, args.out, progress=sys.stderr.isatty(), validate=not args.no_validate)
    print(report.summary(), file=sys.stderr)
    return 0
