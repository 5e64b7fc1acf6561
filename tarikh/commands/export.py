"""Write the built graph in another format: Turtle, N-Triples, JSON-LD, TriG or CSV.

TriG keeps the provenance layout: one named graph per source document (its mentions and the
participations they support) and a core graph of the merged events and actors. CSV is one row per
event (id, type, date, English label, actors, first mention as file:line), for spreadsheets.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from tarikh.commands._options import add_store

HELP = "export the built graph as turtle, ntriples, jsonld, trig or csv"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=["turtle", "ntriples", "jsonld", "trig", "csv"])
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out-dir", type=Path, help="folder to write graph.<ext> into (default out/)")
    where.add_argument("--out", type=Path, help="file to write")
    add_store(parser)


def run(args: argparse.Namespace) -> int:
    from tarikh.graph.export import FORMATS, export
    from tarikh.graph.store import open_store

    store = open_store(args.store)
    path = args.out or (args.out_dir or Path("out")) / f"graph.{FORMATS[args.format][0]}"
    export(store, args.format, path)
    print(f"wrote {path}")
    return 0
