"""Ask the knowledge graph a question in SPARQL.

QUERY is the name of a canned question (`tarikh query --list` shows them, e.g. `elections_by_year`,
`party_lineage`, `treaties_by_state`), a `.rq` file, or SPARQL text in quotes. Questions take
parameters with `--param`: `--param actor=Назарбаев` (a name in any language and case ending, or an
IRI), `--param year=1995`. Values are bound safely, never pasted into the query. By default the
built store `out/store` is queried; `--endpoint URL` asks any SPARQL 1.1 endpoint instead.
"""
from __future__ import annotations

import argparse

from tarikh.commands._options import add_store

HELP = "answer a canned question or any SPARQL query over the built graph"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="?", help="canned question name, FILE.rq, or SPARQL text")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="bind a parameter (repeatable)")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table",
                        help="table (default), csv, or json (SPARQL 1.1 JSON results)")
    add_store(parser)
    parser.add_argument("--endpoint", metavar="URL", help="query this SPARQL endpoint instead of the store")
    parser.add_argument("--timeout", type=float, default=30.0, help="endpoint timeout in seconds (default 30)")
    parser.add_argument("--list", action="store_true", help="list the canned questions and their parameters")


def run(args: argparse.Namespace) -> int:
    from tarikh.errors import TarikhError
    from tarikh.graph import sparql

    if args.list:
        print(sparql.listing())
        return 0
    if not args.query:
        raise TarikhError("no query given: name a canned question (see --list), a .rq file, or SPARQL text")
    engine = sparql.engine_for(args.store, args.endpoint, args.timeout)
    print(sparql.render(sparql.run_query(args.query, args.param, engine), args.format))
    return 0
