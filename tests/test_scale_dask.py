"""Extraction as Dask tasks on a real LocalCluster (loopback, 2 worker processes) gives a plain build's bytes."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest

from tarikh.builder import build
from tarikh.errors import TarikhError
from test_scale_build import EXCERPTS, outputs, write_excerpts

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster bound to 127.0.0.1 with two worker processes."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def test_dask_build_matches_a_plain_build(scheduler: str, tmp_path: Path) -> None:
    texts = write_excerpts(tmp_path / "texts")
    plain = build([texts], tmp_path / "plain", cache=False)
    assert scheduler.startswith("tcp://127.0.0.1:")
    on_dask = build([texts], tmp_path / "dask", dask=scheduler)
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "plain")
    assert on_dask.events == plain.events and on_dask.reused == 0
    assert build([texts], tmp_path / "dask", dask=scheduler).reused == len(EXCERPTS)


def test_a_bad_document_on_dask_is_named_by_its_own_path(scheduler: str, tmp_path: Path) -> None:
    texts = write_excerpts(tmp_path / "texts")
    (texts / "z_binary.txt").write_bytes(bytes(range(256)) * 8)
    with pytest.raises(TarikhError, match=f"^{texts / 'z_binary.txt'}: binary file"):
        build([texts], tmp_path / "out", dask=scheduler, cache=False)


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    texts = write_excerpts(tmp_path / "texts")
    with pytest.raises(TarikhError, match="tcp://127.0.0.1:9: cannot reach the Dask scheduler"):
        build([texts], tmp_path / "out", dask="tcp://127.0.0.1:9")


def test_a_worker_with_another_extractor_is_refused(scheduler: str, tmp_path: Path) -> None:
    """The workers report their extractor fingerprint; a mismatch would file shards under the wrong key."""
    import distributed

    def other_version(dask_worker) -> None:
        from tarikh import parallel

        parallel.extractor_version = lambda: "0" * 64

    texts = write_excerpts(tmp_path / "texts")
    with distributed.Client(scheduler) as client:
        client.run(other_version)
    try:
        with pytest.raises(TarikhError, match="a worker runs another version of the extractor"):
            build([texts], tmp_path / "out", dask=scheduler)
    finally:
        with distributed.Client(scheduler) as client:
            client.restart()
