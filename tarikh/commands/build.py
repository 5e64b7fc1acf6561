"""Build the knowledge graph from narrative texts.

Reads each .txt file (Kazakh, Azerbaijani or Russian; any common encoding), finds the events it tells, and
writes into the output folder:
  events.jsonl   one line per real-world event: type, date, actors with roles, place, source sentences
  graph.ttl      the whole graph as RDF Turtle (validated against the SHACL shapes)
  store/         an on-disk SPARQL store of the same graph, for `tarikh query`, `network`, `viz`, `plot`
With no PATH, the bundled demo corpus is built. Previous outputs are replaced only when the build succeeds.

Large collections: --workers N reads with N processes (many documents side by side; the sentences of a
dominant document spread over them, so even one book is read in parallel); --dask ADDRESS sends documents
to a Dask cluster (`--dask local` starts one on this machine). What each document yields is kept in
OUT/.cache/, so rebuilding after editing a few texts re-reads only those (--no-cache to start afresh).
The outputs are the same whichever way the documents were read.
"""
from __future__ import annotations

import argparse
import sys

HELP = "build events.jsonl, graph.ttl and a SPARQL store from texts (default: the bundled corpus)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help=".txt files or folders of them")
    parser.add_argument("--out", default="out", metavar="DIR", help="output folder (default: out)")
    parser.add_argument("--no-validate", action="store_true", help="skip SHACL validation of the graph")
    parser.add_argument("--workers", type=positive, default=1, metavar="N",
                        help="processes reading documents, or the sentences of a large one (default: 1)")
    parser.add_argument("--dask", metavar="ADDRESS",
                        help="read the documents on a Dask cluster: its scheduler (tcp://host:8786) or `local`")
    parser.add_argument("--no-cache", action="store_true",
                        help="re-read every document instead of reusing OUT/.cache/ (which is left as it was)")


def positive(value: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    from tarikh.builder import build

    report = build(args.paths, args.out, progress=sys.stderr.isatty(), validate=not args.no_validate,
                   workers=args.workers, dask=args.dask, cache=not args.no_cache)
    print(report.summary(), file=sys.stderr)
    return 0
