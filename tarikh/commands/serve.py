"""Serve the built graph over HTTP as a SPARQL 1.1 endpoint (the Oxigraph server).

Queries go to http://HOST:PORT/query (its default graph holds every triple; each source document is
also a named graph), with a web query editor at http://HOST:PORT/. Read-only unless --writable, in
which case http://HOST:PORT/update and the Graph Store Protocol at /store accept changes too.
Stop with Ctrl-C.
"""
from __future__ import annotations

import argparse
import signal
import sys

from tarikh.commands._options import add_store

HELP = "serve the built store as a SPARQL endpoint (Oxigraph server)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_store(parser)
    parser.add_argument("--port", type=int, default=7878, help="port (default 7878)")
    parser.add_argument("--bind", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--writable", action="store_true", help="accept SPARQL Update and Graph Store writes")


def run(args: argparse.Namespace) -> int:
    from tarikh.graph import server

    process, url = server.start(args.store, args.bind, args.port, args.writable)
    print(f"SPARQL endpoint: {url}/query ({'writable' if args.writable else 'read-only'}); Ctrl-C stops")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))  # stop the server on `kill` too
    try:
        return process.wait()
    finally:
        server.stop(process)
