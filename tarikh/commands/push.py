"""Load the built graph into another SPARQL 1.1 triple store (Fuseki, GraphDB, Oxigraph, ...).

ENDPOINT is the store's Graph Store Protocol URL (Oxigraph: http://HOST:PORT/store; Fuseki:
http://HOST:PORT/DATASET/data). Triples are sent in batches into a temporary graph and moved onto
the target graph (--graph IRI, or the default graph) in one SPARQL Update at the end, so a failed
push leaves no partial graph behind. --update names the SPARQL Update URL when it is not the
sibling `/update` of ENDPOINT.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "load the built graph into any SPARQL 1.1 store (Graph Store Protocol)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--endpoint", required=True, metavar="URL", help="Graph Store Protocol URL")
    parser.add_argument("--graph", metavar="IRI", help="target graph (default: the default graph)")
    parser.add_argument("--update", metavar="URL", help="SPARQL Update URL (default: ENDPOINT's sibling /update)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--store", type=Path, help="built store (default out/store)")
    source.add_argument("--file", type=Path, help="an RDF file instead, e.g. out/graph.ttl")


def run(args: argparse.Namespace) -> int:
    from tarikh.graph import push

    sent = push.push(push.triples_from(args.store, args.file), args.endpoint, args.graph, args.update)
    print(f"{sent} triples loaded into {args.graph or 'the default graph'} at {args.endpoint}")
    return 0
