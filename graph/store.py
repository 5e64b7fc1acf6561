"""The on-disk Oxigraph store of a build (out/store): the same quads as graph.ttl, ready for SPARQL."""
from __future__ import annotations

from pathlib import Path

from pyoxigraph import Store

from tarikh.atomic import atomic_dir
from tarikh.errors import TarikhError
from tarikh.graph.rdf import EventGraph


def write_store(graph: EventGraph, store_dir: Path) -> None:
    """Build the store in a temporary directory and rename it over `store_dir`."""
    with atomic_dir(Path(store_dir)) as tmp:
        store = Store(str(tmp))
        store.bulk_extend(graph.quads)
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
