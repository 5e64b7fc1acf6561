"""The on-disk Oxigraph store of a build (out/store): the same triples as graph.ttl, ready for SPARQL.

Layout: every document's facts in its named graph (`…/id/doc/NAME`), the merged event and actor
descriptions in `…/id/graph/core`, and the default graph materialised as the union of them all —
so queries need no union-default-graph mode (ten times faster in Oxigraph), work the same on the
Oxigraph server, and replacing a document is: drop its graph, recompute the default graph.
"""
from __future__ import annotations

from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from tarikh.atomic import atomic_dir
from tarikh.errors import TarikhError
from tarikh.graph.rdf import ID, EventGraph

CORE_GRAPH = NamedNode(ID + "graph/core")


def store_quads(graph: EventGraph) -> list[Quad]:
    """The named graphs (core + one per document) and their union as the default graph."""
    named = [q if q.graph_name != DefaultGraph() else Quad(q.subject, q.predicate, q.object, CORE_GRAPH)
             for q in graph.quads]
    return named + [Quad(*t, DefaultGraph()) for t in graph.triples()]


def write_store(graph: EventGraph, store_dir: Path) -> None:
    """Build the store in a temporary directory and rename it over `store_dir`."""
    with atomic_dir(Path(store_dir)) as tmp:
        store = Store(str(tmp))
        store.bulk_extend(store_quads(graph))
        store.flush()
        del store  # release the RocksDB lock before the directory is renamed


def open_store(store_dir: Path) -> Store:
    """Open a built store read-only; a missing or unreadable store is a one-line TarikhError."""
    store_dir = Path(store_dir)
    if not store_dir.is_dir():
        raise TarikhError(f"{store_dir}: no store here (run `tarikh build` first, or pass --store DIR)")
    try:
        return Store.read_only(str(store_dir))
    except OSError as error:
        raise TarikhError(f"{store_dir}: cannot open the store: {' '.join(str(error).split())}") from None
