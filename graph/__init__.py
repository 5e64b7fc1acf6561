"""Events → RDF, the store, SPARQL, networkx and pictures."""
