"""The canned SPARQL questions, one `.rq` file each, shipped as package data."""
