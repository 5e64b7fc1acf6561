"""The on-disk Oxigraph store of a build (out/store): the same triples as graph.ttl, ready for SPARQL.

Layout: every document's facts in its named graph (`…/id/doc/NAME`: its mentions and the
participations they support), the merged event and actor descriptions in the named graph
`…/id/graph/core`; the default graph is empty and read as the union of all graphs (the SPARQL
engine here and the server both do so), so replacing a document's facts is dropping its graph.
"""
from __future__ import annotations

from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, parse

from tarikh.atomic import atomic_dir
from tarikh.errors import TarikhError
from tarikh.graph.rdf import ID, EventGraph

CORE_GRAPH = f"<{ID}graph/core>"


def store_nquads(graph: EventGraph) -> bytes:
    """The build's quads with the default graph's (merged events and actors) moved into the core graph."""
    return "".join(f"{s} {p} {o} {g or CORE_GRAPH} .\n" for s, p, o, g in graph.quads).encode("utf-8")


def write_store(graph: EventGraph, store_dir: Path) -> None:
    """Build the store in a temporary directory and rename it over `store_dir`."""
    with atomic_dir(Path(store_dir)) as tmp:
        store = Store(str(tmp))
        store.bulk_extend(parse(store_nquads(graph), format=RdfFormat.N_QUADS))
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


def union_in_memory(store_dir: Path) -> Store:
    """An in-memory store whose default graph is the union of a built store's graphs: Oxigraph
    answers the canned questions several times faster this way than over RocksDB in union mode."""
    memory = Store()
    memory.bulk_extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in open_store(store_dir))
    return memory
