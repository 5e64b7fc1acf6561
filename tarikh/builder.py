"""`tarikh build`: documents in, `events.jsonl` + `graph.ttl` + `store/` out.

All outputs are first written into a staging folder inside the output folder and moved into place at the end,
so an interrupted or failed build leaves the previous outputs intact.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from tarikh.errors import TarikhError

OUTPUTS = ("events.jsonl", "graph.ttl", "store")


def collect_paths(paths: Sequence[str | Path] | None) -> list[Path]:
    """The `.txt` files to build: the given files and folders, or the bundled corpus when none is given."""
    if not paths:
        from tarikh.corpus import paths as corpus_paths

        return corpus_paths()
    files: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found = sorted(given.glob("*.txt"))
            if not found:
                raise TarikhError(f"{given}: folder holds no .txt files")
            files.extend(found)
        elif given.is_file():
            files.append(given)
        else:
            raise TarikhError(f"{given}: no such file or folder")
    names = Counter(p.name for p in files)
    if clash := [n for n, c in names.items() if c > 1]:
        raise TarikhError(f"{clash[0]}: two input files share this name; provenance needs distinct names")
    return files


@dataclass
class BuildReport:
    """What a build did, for the summary line and for callers."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        by_type = Counter(e["type"] for e in self.events)
        actors = {a["id"] for e in self.events for a in e["actors"]}
        lines = [
            f"documents: {len(self.documents)}"
            + (f" (skipped, unsupported language: {', '.join(self.skipped)})" if self.skipped else ""),
            f"sentences: {sum(d['sentences'] for d in self.documents)}",
            f"events: {len(self.events)} ("
            + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items(), key=lambda x: (-x[1], x[0]))) + ")",
            f"distinct actors: {len(actors)}",
            f"triggers: {self.counts['triggers']}, not asserted: {self.counts['rejected']}, "
            f"dropped for want of a date: {self.counts['undated']}",
            f"triples: {self.triples}",
            f"seconds: {self.seconds:.2f}",
        ]
        return "\n".join(lines)


def _progress(items: list[Path], enabled: bool) -> Iterable[Path]:
    if not enabled:
        yield from items
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=len(items))
        for item in items:
            progress.update(task, description=f"extracting {item.name}")
            yield item
            progress.advance(task)


def extract_all(files: list[Path], progress: bool = False) -> BuildReport:
    """Run the per-document pipeline over every file and merge the mentions into events."""
    from tarikh.extract.merge import merge_events
    from tarikh.extract.pipeline import extract_document

    report = BuildReport()
    mentions = []
    for path in _progress(files, progress):
        result = extract_document(path)
        if result.counts.get("skipped_language"):
            report.skipped.append(result.document["name"])
            print(f"tarikh: warning: {result.document['name']}: language not supported "
                  f"({result.document['lang']}); skipped", file=sys.stderr)
            continue
        report.documents.append(result.document)
        report.counts.update(result.counts)
        mentions.extend(result.mentions)
    report.events = merge_events(mentions)
    return report


def write_events(events: list[dict[str, Any]], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for event in events:
            handle.write(json.dumps(event, ensure_ascii=False, sort_keys=True) + "\n")


def _stage(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    except OSError as error:
        raise TarikhError(f"{out}: cannot write the output folder ({error.strerror})") from None


def _publish(staging: Path, out: Path) -> None:
    """Move the staged outputs over the previous ones (the store as a folder swap)."""
    for name in OUTPUTS:
        target, new = out / name, staging / name
        if new.is_dir():
            old = staging / f"{name}.previous"
            if target.exists():
                target.rename(old)
            new.rename(target)
        else:
            os.replace(new, target)


def build(paths: Sequence[str | Path] | None = None, out: str | Path = "out", progress: bool = False,
          validate: bool = True) -> BuildReport:
    """Build the graph of the given documents (default: the bundled corpus) into `out`."""
    from tarikh.graph import rdf, shacl, store

    started = time.perf_counter()
    files = collect_paths(paths)
    report = extract_all(files, progress)
    if not report.documents:
        raise TarikhError(f"{files[0].parent}: no document in a supported language (kk, az, ru)")
    out = Path(out)
    staging = _stage(out)
    try:
        dataset = rdf.to_dataset(report.events, report.documents)
        if validate:
            shacl.validate(dataset)
        report.triples = len({quad.triple for quad in dataset})
        write_events(report.events, staging / "events.jsonl")
        rdf.write_turtle(dataset, staging / "graph.ttl")
        store.write_store(dataset, staging / "store")
        _publish(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.seconds = time.perf_counter() - started
    return report
