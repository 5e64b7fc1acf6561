"""Where per-document extraction runs: in this process, in a pool of worker processes, or on a Dask cluster.

Every runner takes jobs `(key, path)` and yields `(key, shard lines)` as documents finish, in any order; the
builder writes each shard at once and merges them in document-name order, so every runner gives the same
outputs. Workers load the spaCy pipeline once per process and ignore Ctrl-C (the parent stops them).
"""
from __future__ import annotations

import logging
import multiprocessing
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from tarikh.cache import result_lines
from tarikh.errors import TarikhError
from tarikh.extract.reading import read_bytes

Job = tuple[str, Path]
Result = tuple[str, list[str]]
LOCAL = "local"
LOCAL_WORKERS = 2
CONNECT_SECONDS = 5


def extract_lines(path: str | Path) -> list[str]:
    """Run the per-document pipeline over one file; its shard lines."""
    from tarikh.extract.pipeline import extract_document

    result = extract_document(Path(path))
    return result_lines(result.document, result.counts, result.mentions)


def extract_sent(name: str, data: bytes, shown: str) -> list[str]:
    """`extract_lines` for a document sent as bytes (a remote worker needs no shared filesystem);
    errors name the file as `shown`."""
    with tempfile.TemporaryDirectory(prefix="tarikh-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            return extract_lines(path)
        except TarikhError as error:
            raise TarikhError(str(error).replace(str(path), shown)) from None


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
    """A pool worker: leave Ctrl-C to the parent, load the pipeline before the first document arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from tarikh.extract.pipeline import load

    load("kk")


def run_pool(jobs: Sequence[Job], workers: int) -> Iterator[Result]:
    """Extract in `workers` processes (forkserver: no state inherited from the parent but the code)."""
    context = multiprocessing.get_context("forkserver")
    pool = context.Pool(min(workers, len(jobs)) or 1, initializer=_worker_init)
    try:
        yield from pool.imap_unordered(_keyed, _largest_first(jobs), chunksize=1)
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
                          dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise TarikhError(f"{address}: cannot reach the Dask scheduler ({' '.join(str(error).split())})") from None
    with client:
        yield client


def run_dask(jobs: Sequence[Job], address: str) -> Iterator[Result]:
    """Extract as Dask tasks, a few documents in flight per worker thread (the texts travel as bytes)."""
    from distributed import as_completed

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
            lines = future.result()
            future.release()
            submit()
            yield future.key.removeprefix("tarikh-"), lines


def runner(workers: int = 1, dask: str | None = None):
    """The runner for the options of a build."""
    if dask:
        return lambda jobs: run_dask(jobs, dask)
    if workers > 1:
        return lambda jobs: run_pool(jobs, workers)
    return run_serial
