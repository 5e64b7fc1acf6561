"""Where per-document extraction runs: in this process, in a pool of worker processes, or on a Dask cluster.

Every runner takes jobs `(key, path)` and yields `(key, shard lines)` as documents finish, in any order; the
builder writes each shard at once and merges them in document-name order, so every runner gives the same
outputs. Worker processes are forked once the pipeline is loaded and ignore Ctrl-C (the parent stops them).
"""
from __future__ import annotations

import logging
import multiprocessing
import signal
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from multiprocessing.pool import Pool
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from tarikh.cache import extractor_version, result_lines
from tarikh.errors import TarikhError
from tarikh.extract.reading import decode, read_bytes, sha256_of

if TYPE_CHECKING:
    from tarikh.extract.pipeline import Mapper

Job = tuple[str, Path]
Result = tuple[str, list[str]]
LOCAL = "local"
LOCAL_WORKERS = 2
CONNECT_SECONDS = 5
HUGE_BYTES = 4 << 20  # a file above this is read in pieces, so that memory stays bounded
PIECE_CHARS = 800_000  # under spaCy's limit of 1,000,000 characters for one text
PIECE_BREAKS = ("\n", ". ", " ")  # where a piece may end, best first


def extract_lines(path: str | Path, mapper: Mapper = map) -> list[str]:
    """Run the per-document pipeline over one file (a huge one in pieces); its shard lines. `mapper` reads
    the chunks of sentences (a process pool's `imap` spreads one document over the pool)."""
    from tarikh.extract.pipeline import extract_document

    path = Path(path)
    if path.stat().st_size > HUGE_BYTES:
        return extract_in_pieces(path, mapper)
    result = extract_document(path, mapper)
    return result_lines(result.document, result.counts, result.mentions)


@contextmanager
def named_as(path: Path, shown: str | Path) -> Iterator[None]:
    """Errors about the temporary file `path` name the user's file `shown` instead."""
    try:
        yield
    except TarikhError as error:
        raise TarikhError(str(error).replace(str(path), str(shown))) from None


def extract_sent(name: str, data: bytes, shown: str) -> tuple[str, list[str]]:
    """`extract_lines` for a document sent as bytes (a remote worker needs no shared filesystem), with the
    worker's extractor version; errors name the file as `shown`."""
    with tempfile.TemporaryDirectory(prefix="tarikh-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        with named_as(path, shown):
            return extractor_version(), extract_lines(path)


def piece_bounds(text: str, size: int = PIECE_CHARS) -> list[int]:
    """Cut points of `text` into pieces of at most `size` characters, each ending at a line end if one is in
    its second half, else at a sentence end, else after a space."""
    cuts = [0]
    while len(text) - cuts[-1] > size:
        start = cuts[-1]
        for mark in PIECE_BREAKS:
            at = text.rfind(mark, start + size // 2, start + size - len(mark) + 1)
            if at >= 0:
                cuts.append(at + len(mark))
                break
        else:
            cuts.append(start + size)
    return cuts + [len(text)]


def shift_spans(value: Any, chars: int, lines: int) -> None:
    """Move every span record (`{"doc", "start", "end", "line", …}`) inside `value` by `chars` and `lines`."""
    if isinstance(value, dict):
        if "doc" in value and "start" in value:
            value["start"] += chars
            value["end"] += chars
            for key in ("line", "end_line"):
                if key in value:
                    value[key] += lines
        for item in value.values():
            shift_spans(item, chars, lines)
    elif isinstance(value, list):
        for item in value:
            shift_spans(item, chars, lines)


def extract_in_pieces(path: Path, mapper: Mapper = map) -> list[str]:
    """A huge file, read piece by piece with offsets and lines moved back to the whole file: memory is bounded
    by the piece size. Dates told in one piece do not resolve anaphora (`сол жылы`) in the next."""
    from tarikh.extract.pipeline import extract_document

    data = read_bytes(path)
    text, encoding = decode(data, str(path))
    cuts = piece_bounds(text)
    documents, counts, mentions, languages = [], Counter(), [], Counter()
    lines = skipped_chars = 0
    with tempfile.TemporaryDirectory(prefix="tarikh-piece-") as folder:
        piece_path = Path(folder) / path.name
        for start, end in zip(cuts, cuts[1:]):
            piece_path.write_text(text[start:end], encoding="utf-8")
            with named_as(piece_path, path):
                result = extract_document(piece_path, mapper)
            languages[result.document["lang"]] += end - start
            skipped_chars += (end - start) * bool(result.counts.get("skipped_language"))
            for mention in result.mentions:
                shift_spans(vars(mention), start, lines)
            documents.append(result.document)
            counts.update(result.counts)
            mentions.extend(result.mentions)
            lines += text.count("\n", start, end)
    counts.pop("skipped_language", None)
    document = {**documents[0], "sha256": sha256_of(data), "encoding": encoding, "chars": len(text),
                "lang": languages.most_common(1)[0][0],
                **{key: sum(d[key] for d in documents) for key in ("paragraphs", "sentences") if key in documents[0]}}
    if 2 * skipped_chars > len(text):
        return result_lines(document, {"skipped_language": 1}, [])
    return result_lines(document, dict(counts), mentions)


def _keyed(job: Job) -> Result:
    key, path = job
    return key, extract_lines(path)


def _largest_first(jobs: Sequence[Job]) -> list[Job]:
    """Big documents first, so that no worker is left with a long one at the end."""
    return sorted(jobs, key=lambda job: -job[1].stat().st_size)


def run_serial(jobs: Sequence[Job]) -> Iterator[Result]:
    for job in jobs:
        yield _keyed(job)


def _worker_init() -> None:
    """A pool worker: leave Ctrl-C to the parent, have the pipeline loaded before the first task arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from tarikh.extract.pipeline import warm_up

    warm_up()


def run_pool(jobs: Sequence[Job], workers: int) -> Iterator[Result]:
    """Extract in `workers` processes: documents side by side when they are many and none dominates, else one
    document after another with the sentences of each spread over the processes. The processes start here,
    before the caller starts any thread of its own (a progress display)."""
    sizes = [path.stat().st_size for _, path in jobs]
    spread = len(jobs) < 2 * workers or max(sizes) * workers > sum(sizes)
    pool = started_pool(workers if spread else min(workers, len(jobs)))
    return run_spread(pool, jobs) if spread else run_side_by_side(pool, jobs)


def started_pool(workers: int) -> Pool:
    """Worker processes forked from this one once the pipeline is loaded, so that they start at once (where
    the platform cannot fork, each loads the pipeline itself)."""
    from tarikh.extract.pipeline import warm_up

    warm_up()
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "forkserver"
    return multiprocessing.get_context(method).Pool(workers, initializer=_worker_init)


def run_side_by_side(pool: Pool, jobs: Sequence[Job]) -> Iterator[Result]:
    """One document per process at a time, the largest first."""
    with _stopped_on_error(pool):
        yield from pool.imap_unordered(_keyed, _largest_first(jobs), chunksize=1)


def run_spread(pool: Pool, jobs: Sequence[Job]) -> Iterator[Result]:
    """Each document's sentences read in chunks by the pool; the rest of the pipeline runs here."""
    with _stopped_on_error(pool):
        for key, path in jobs:
            yield key, extract_lines(path, pool.imap)


@contextmanager
def _stopped_on_error(pool: Pool) -> Iterator[None]:
    """Close the pool when its work is done; terminate it on an error or Ctrl-C."""
    try:
        yield
    except BaseException:
        pool.terminate()
        raise
    else:
        pool.close()
    finally:
        pool.join()


@contextmanager
def dask_client(address: str):
    """A Dask client: on a LocalCluster bound to loopback for `local`, else on the scheduler at `address`."""
    from distributed import Client, LocalCluster

    if address == LOCAL:
        with LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, silence_logs=logging.CRITICAL) as cluster:
            with Client(cluster) as client:
                yield client
        return
    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise TarikhError(f"{address}: cannot reach the Dask scheduler ({' '.join(str(error).split())})") from None
    with client:
        yield client


def run_dask(jobs: Sequence[Job], address: str) -> Iterator[Result]:
    """Extract as Dask tasks, a few documents in flight per worker thread (the texts travel as bytes); every
    worker must run the same extractor as this machine, or its shards would be filed under the wrong key."""
    from distributed import as_completed

    here = extractor_version()
    with dask_client(address) as client:
        window = 2 * max(1, sum(client.nthreads().values()))
        queue = iter(_largest_first(jobs))
        running = as_completed()

        def submit() -> None:
            job = next(queue, None)
            if job is not None:
                key, path = job
                data = client.scatter(read_bytes(path))
                running.add(client.submit(extract_sent, path.name, data, str(path), key=f"tarikh-{key}"))

        for _ in range(window):
            submit()
        for future in running:
            version, lines = future.result()
            future.release()
            if version != here:
                raise TarikhError(f"{address}: a worker runs another version of the extractor ({version[:12]}, "
                                  f"here {here[:12]}); install the same tarikh on every worker")
            submit()
            yield future.key.removeprefix("tarikh-"), lines


def runner(workers: int = 1, dask: str | None = None):
    """The runner for the options of a build."""
    if dask:
        return lambda jobs: run_dask(jobs, dask)
    if workers > 1:
        return lambda jobs: run_pool(jobs, workers)
    return run_serial
