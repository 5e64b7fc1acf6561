"""The OWL vocabulary (`tarikh.ttl`) and SHACL shapes (`shapes.ttl`) of the tarikh graph, as package data."""
from importlib.resources import files
from pathlib import Path


def path(name: str) -> Path:
    """Path of an ontology file shipped with the package."""
    return Path(str(files(__name__) / name))
