"""Parallel and incremental builds give the outputs of a plain build; the cache re-reads only what changed."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tarikh import cache, parallel
from tarikh.builder import build
from tarikh.errors import TarikhError
from tarikh.extract import pipeline

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
# Real excerpts of the bundled corpus: (file, first line, last line), 1-based and inclusive.
EXCERPTS = {
    "a_independence.txt": ("000_6cb84ea4367d63e8.txt", 1, 21),
    "b_azerbaijani.txt": ("001_38c2b70d75d0c229.txt", 2, 4),
    "c_parties.txt": ("002_8c1d28d887a3004f.txt", 1, 40),
    "d_wrapped.txt": ("003_8387cb1740723da2.txt", 1, 80),
}
OUTPUT_FILES = ("events.jsonl", "graph.ttl")


def corpus_lines(name: str, first: int, last: int) -> str:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(lines[first - 1:last])


def write_excerpts(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for target, (name, first, last) in EXCERPTS.items():
        (folder / target).write_text(corpus_lines(name, first, last), encoding="utf-8")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


@pytest.fixture(scope="module")
def excerpts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_excerpts(tmp_path_factory.mktemp("scale") / "texts")


@pytest.fixture(scope="module")
def plain(excerpts: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-process build without cache: the reference."""
    out = tmp_path_factory.mktemp("plain") / "out"
    report = build([excerpts], out, cache=False)
    assert len(report.events) > 10 and report.reused == 0
    return out


def test_worker_processes_give_byte_identical_outputs(excerpts: Path, plain: Path, tmp_path: Path) -> None:
    report = build([excerpts], tmp_path / "out", workers=2, cache=False)
    assert outputs(tmp_path / "out") == outputs(plain)
    assert [d["name"] for d in report.documents] == sorted(EXCERPTS)


@pytest.mark.parametrize("runner", ["run_spread", "run_side_by_side"])
def test_each_way_of_sharing_the_work_gives_byte_identical_outputs(runner: str, excerpts: Path, plain: Path,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # sentences spread over the processes in chunks of 7 (many chunks per document), or documents side by side
    monkeypatch.setattr(pipeline, "CHUNK_SENTENCES", 7)
    run = getattr(parallel, runner)
    monkeypatch.setattr(parallel, "run_pool", lambda jobs, workers: run(parallel.started_pool(workers), jobs))
    build([excerpts], tmp_path / "out", workers=2, cache=False)
    assert outputs(tmp_path / "out") == outputs(plain)


def test_no_cache_leaves_no_shards(plain: Path) -> None:
    assert not (plain / ".cache").exists()
    assert sorted(p.name for p in plain.iterdir()) == ["events.jsonl", "graph.ttl", "store"]


def test_rebuild_reextracts_only_the_changed_document(excerpts: Path, plain: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    texts = write_excerpts(tmp_path / "texts")
    out = tmp_path / "out"
    first = build([texts], out)
    assert first.reused == 0 and outputs(out) == outputs(plain)
    assert len(list((out / ".cache").glob("*.jsonl"))) == len(EXCERPTS)

    extracted: list[str] = []
    real = parallel.extract_lines
    monkeypatch.setattr(parallel, "extract_lines", lambda path: extracted.append(Path(path).name) or real(path))
    again = build([texts], out)
    assert again.reused == len(EXCERPTS) and extracted == []
    assert outputs(out) == outputs(plain)
    assert "4 reused from the cache" in again.summary()

    # 003_8387cb1740723da2.txt, lines 81-120 appended to one document
    with open(texts / "d_wrapped.txt", "a", encoding="utf-8") as handle:
        handle.write(corpus_lines("003_8387cb1740723da2.txt", 81, 120))
    changed = build([texts], out)
    assert extracted == ["d_wrapped.txt"] and changed.reused == len(EXCERPTS) - 1
    clean = build([texts], tmp_path / "clean", cache=False)
    assert outputs(out) == outputs(tmp_path / "clean")
    assert changed.events == clean.events
    assert len(list((out / ".cache").glob("*.jsonl"))) == len(EXCERPTS), "the stale shard is pruned"


def test_a_rebuild_from_the_cache_does_not_load_the_pipeline(excerpts: Path, tmp_path: Path) -> None:
    """When every document is reused, the build (in a fresh process) never imports spaCy."""
    out = tmp_path / "out"
    build([excerpts], out)
    check = (f"import sys; from tarikh.builder import build; report = build([{str(excerpts)!r}], {str(out)!r}); "
             "print(report.reused, 'spacy' in sys.modules)")
    answer = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout
    assert answer.split() == [str(len(EXCERPTS)), "False"]


def test_a_damaged_shard_is_extracted_again(excerpts: Path, plain: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([excerpts], out)
    for shard in (out / ".cache").glob("*.jsonl"):
        shard.write_text('{"document": ', encoding="utf-8")
        break
    report = build([excerpts], out)
    assert report.reused == len(EXCERPTS) - 1
    assert outputs(out) == outputs(plain)


def test_shards_round_trip_the_mentions(excerpts: Path, tmp_path: Path) -> None:
    from tarikh.extract.pipeline import extract_document

    result = extract_document(excerpts / "a_independence.txt")
    assert result.mentions
    store = cache.ShardStore(tmp_path)
    shard = store.put("k", cache.result_lines(result.document, result.counts, result.mentions))
    assert store.get("k").document == result.document
    assert list(shard.mentions()) == result.mentions


def test_the_extractor_fingerprint_covers_code_and_data(tmp_path: Path) -> None:
    import tarikh.extract

    tree = tmp_path / "extract"
    shutil.copytree(Path(tarikh.extract.__file__).parent, tree, ignore=shutil.ignore_patterns("__pycache__"))
    before = cache.fingerprint(tree, "v")
    assert before == cache.fingerprint(tree, "v")
    assert cache.fingerprint(tree, "w") != before
    data = tree / "data" / "dates" / "months.yaml"
    data.write_text(data.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert cache.fingerprint(tree, "v") != before
    (tree / "__pycache__").mkdir()
    (tree / "__pycache__" / "x.py").write_text("compiled", encoding="utf-8")
    assert cache.fingerprint(tree, "v") == cache.fingerprint(tree, "v")


def test_a_bad_document_in_a_worker_is_a_one_line_error(excerpts: Path, tmp_path: Path) -> None:
    texts = write_excerpts(tmp_path / "texts")
    (texts / "e_empty.txt").write_bytes(b"\n \n")
    with pytest.raises(TarikhError, match="e_empty.txt: empty file"):
        build([texts], tmp_path / "out", workers=2)
    assert not list((tmp_path / "out").glob(".staging-*"))
