"""Events → RDF, the store, SPARQL, networkx and pictures."""


def __getattr__(name: str):
    """`tarikh.graph.load` and `tarikh.graph.Graphs`, imported on first use so `import tarikh.graph` stays cheap."""
    if name in ("load", "load_store", "Graphs"):
        from tarikh.graph import network

        return getattr(network, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
