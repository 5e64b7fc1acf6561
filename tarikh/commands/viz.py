"""Write an interactive map of the events and their actors as ONE HTML file that works offline.

Open it in any browser (no internet needed, nothing is fetched): events are circles coloured by
type, actors are boxes. Search a name in any language (Kazakh, Azerbaijani, Russian, English),
filter by event type and years, follow the timeline strip at the bottom, and click an event to read
its date, actors with their roles, confidence and the source sentences with file and line.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from tarikh.commands._options import add_store

HELP = "write an offline, interactive HTML view of the event graph"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store(parser)
    parser.add_argument("--out", type=Path, default=Path("out/graph.html"), help="the HTML file (default: out/graph.html)")


def run(args: argparse.Namespace) -> int:
    from tarikh.graph.viz import write_viewer

    path = write_viewer(args.store, args.out)
    print(f"{path}: open it in a browser (works offline)")
    return 0
