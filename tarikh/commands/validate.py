"""Check an RDF file against tarikh's SHACL shapes (ontology/shapes.ttl) with pySHACL.

Every event must have a type, a label, one confidence, sane dates and at least one source mention;
every mention a document, line and offsets; every participation an actor, a role and the mention it
comes from. Prints the triple count when the file conforms; otherwise the first violations (node,
property, problem) and a non-zero exit. A malformed file is reported with its line.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "check a Turtle/N-Triples file against the SHACL shapes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, nargs="?", default=Path("out/graph.ttl"),
                        help="RDF file (default out/graph.ttl)")


def run(args: argparse.Namespace) -> int:
    from tarikh.graph.shacl import validate_file

    triples = validate_file(args.file)
    print(f"{args.file}: conforms ({triples} triples)")
    return 0
