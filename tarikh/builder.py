"""`tarikh build`: documents in, `events.jsonl` + `graph.ttl` + `store/` out.

Each document is extracted on its own (here, in worker processes or on Dask: `tarikh.parallel`) into a JSON
Lines shard (`tarikh.cache`), kept in `out/.cache/` and reused while neither the text nor the extractor changes;
the shards are then read back in document-name order and merged, so the outputs never depend on how or where
documents were extracted. All outputs are first written into a staging folder inside the output folder and
moved into place at the end, so an interrupted or failed build leaves the previous outputs intact.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from tarikh.cache import Shard, ShardStore, file_sha256, shard_key
from tarikh.errors import TarikhError
from tarikh.parallel import Job, Result, run_serial, runner

OUTPUTS = ("events.jsonl", "graph.ttl", "store")
CACHE = ".cache"
Runner = Callable[[Sequence[Job]], Iterator[Result]]


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
    reused: int = 0
    stages: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        by_type = Counter(e["type"] for e in self.events)
        actors = {a["id"] for e in self.events for a in e["actors"]}
        lines = [
            f"documents: {len(self.documents)}"
            + (f" ({self.reused} reused from the cache)" if self.reused else "")
            + (f" (skipped, unsupported language: {', '.join(self.skipped)})" if self.skipped else ""),
            f"sentences: {sum(d['sentences'] for d in self.documents)}",
            f"events: {len(self.events)} ("
            + ", ".join(f"{t} {n}" for t, n in sorted(by_type.items(), key=lambda x: (-x[1], x[0]))) + ")",
            f"distinct actors: {len(actors)}",
            f"triggers: {self.counts['triggers']}, not asserted: {self.counts['rejected']}, "
            f"dropped for want of a date: {self.counts['undated']}",
            f"triples: {self.triples}",
            f"seconds: {self.seconds:.2f} ("
            + ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in self.stages.items()) + ")",
        ]
        return "\n".join(lines)


@contextmanager
def _timed(report: BuildReport, stage: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    report.stages[stage] = report.stages.get(stage, 0.0) + time.perf_counter() - started


def _progress(results: Iterator[Result], total: int, enabled: bool) -> Iterator[Result]:
    if not enabled or not total:
        yield from results
        return
    from rich.progress import Progress

    with Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=total)
        for result in results:
            yield result
            progress.advance(task)


def extract_shards(files: list[Path], store: ShardStore, run: Runner = run_serial,
                   progress: bool = False) -> tuple[list[Shard], int]:
    """Each document's shard, from the store when its key is there, else extracted by `run` and written at once;
    returned in document-name order, with the number reused."""
    keys = {shard_key(path.name, file_sha256(path)): path for path in files}
    shards = {key: shard for key in keys if (shard := store.get(key))}
    todo = [(key, path) for key, path in keys.items() if key not in shards]
    if todo:
        results = run(todo)
        try:
            for key, lines in _progress(results, len(todo), progress):
                shards[key] = store.put(key, lines)
        finally:
            results.close()
    return sorted(shards.values(), key=lambda s: s.document["name"]), len(keys) - len(todo)


def merge_shards(shards: list[Shard], report: BuildReport) -> None:
    """Read the shards back in document order and merge their mentions into events."""
    from tarikh.extract.merge import merge_events

    mentions = []
    for shard in shards:
        if shard.skipped:
            report.skipped.append(shard.document["name"])
            print(f"tarikh: warning: {shard.document['name']}: language not supported "
                  f"({shard.document['lang']}); skipped", file=sys.stderr)
            continue
        report.documents.append(shard.document)
        report.counts.update(shard.counts)
        mentions.extend(shard.mentions())
    report.events = merge_events(mentions)


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


def _inputs(files: list[Path]) -> str:
    return str(files[0]) if len(files) == 1 else ", ".join(sorted({str(p.parent) for p in files}))


def build(paths: Sequence[str | Path] | None = None, out: str | Path = "out", progress: bool = False,
          validate: bool = True, workers: int = 1, dask: str | None = None, cache: bool = True) -> BuildReport:
    """Build the graph of the given documents (default: the bundled corpus) into `out`.

    `workers` > 1 extracts in that many processes, `dask` on a Dask scheduler (`local`: a loopback cluster);
    `cache` reuses the extraction of unchanged documents from `out/.cache/`. Every way gives the same outputs.
    """
    from tarikh.graph import rdf, shacl, store

    started = time.perf_counter()
    files = collect_paths(paths)
    out = Path(out)
    staging = _stage(out)
    try:
        store_of_shards = ShardStore(out / CACHE if cache else staging / "shards")
        report = BuildReport()
        with _timed(report, "extract"):
            shards, report.reused = extract_shards(files, store_of_shards, runner(workers, dask), progress)
        with _timed(report, "merge"):
            merge_shards(shards, report)
        if not report.documents:
            raise TarikhError(f"{_inputs(files)}: no document in a supported language (kk, az, ru)")
        with _timed(report, "rdf"):
            dataset = rdf.to_dataset(report.events, report.documents)
            report.triples = dataset.triple_count()
        if validate:
            with _timed(report, "shacl"):
                shacl.validate(dataset)
        with _timed(report, "write"):
            write_events(report.events, staging / "events.jsonl")
            rdf.write_turtle(dataset, staging / "graph.ttl")
        with _timed(report, "store"):
            store.write_store(dataset, staging / "store")
        _publish(staging, out)
        if cache:
            store_of_shards.prune({shard.path.stem for shard in shards})
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    report.seconds = time.perf_counter() - started
    return report
