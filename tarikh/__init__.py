"""tarikh: narrative political history of Kazakhstan into a knowledge graph of typed, dated events.

    import tarikh
    events = tarikh.build(["my_texts/"], out="out")   # list of events.jsonl records
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

__version__ = "0.1.0"


def build(paths: Sequence[str | Path] | None = None, out: str | Path = "out", **options: Any) -> list[dict]:
    """Build the graph of the given `.txt` files or folders (default: the bundled corpus) into `out`;
    return the events, as written to `out/events.jsonl`."""
    from tarikh.builder import build as run_build

    return run_build(paths, out, **options).events
