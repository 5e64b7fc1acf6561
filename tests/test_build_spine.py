"""The spine: `tarikh build` on the bundled corpus writes the three outputs, to the contract, deterministically."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import rdflib

from tarikh.builder import build
from tarikh.errors import TarikhError

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "tarikh" / "events.schema.json").read_text())
TK = rdflib.Namespace("https://w3id.org/tarikh/ontology#")


def events_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]


def test_build_writes_the_three_outputs(built: Path) -> None:
    assert (built / "events.jsonl").stat().st_size > 0
    assert (built / "graph.ttl").stat().st_size > 0
    assert (built / "store").is_dir() and any((built / "store").iterdir())
    assert not list(built.glob(".staging-*"))


def test_events_follow_the_contract(built: Path) -> None:
    events = events_of(built)
    assert len(events) > 100
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for event in events:
        validator.validate(event)
    assert {e["mentions"][0]["doc"] for e in events} >= {"000_6cb84ea4367d63e8.txt", "001_38c2b70d75d0c229.txt",
                                                         "004_cf181f5803b7d246.txt"}


def test_mentions_point_at_their_sentence_in_the_original_file(built: Path) -> None:
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    texts = {p.name: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}
    for event in events_of(built)[:300]:
        for mention in event["mentions"]:
            raw = texts[mention["doc"]]
            assert raw.count("\n", 0, mention["start"]) + 1 == mention["line"]
            first_word = mention["text"].split()[0]
            assert first_word[:3] in raw[mention["start"]:mention["end"]]


def test_graph_holds_one_node_per_event(built: Path) -> None:
    graph = rdflib.Graph().parse(built / "graph.ttl", format="turtle")
    nodes = set(graph.subjects(rdflib.RDF.type, TK.Event))
    assert nodes == {rdflib.URIRef(e["id"]) for e in events_of(built)}


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    build(None, tmp_path / "again")
    for name in ("events.jsonl", "graph.ttl"):
        assert (tmp_path / "again" / name).read_bytes() == (built / name).read_bytes()


def test_a_failed_build_leaves_the_previous_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "in.txt"
    source.write_text("1991 жылғы 16 желтоқсанда Қазақстан өз тәуелсіздігін жариялады.\n", encoding="utf-8")
    out = tmp_path / "out"
    build([source], out)
    before = {name: (out / name).read_bytes() for name in ("events.jsonl", "graph.ttl")}
    from tarikh.graph import store

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "write_store", interrupted)
    source.write_text("1995 жылғы 30 тамызда референдум өтті.\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        build([source], out)
    assert {name: (out / name).read_bytes() for name in before} == before
    assert not list(out.glob(".staging-*"))


def test_missing_input_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(TarikhError, match="no such file"):
        build([tmp_path / "nothing.txt"], tmp_path / "out")
    (tmp_path / "empty").mkdir()
    with pytest.raises(TarikhError, match="no .txt files"):
        build([tmp_path / "empty"], tmp_path / "out")


def test_cli_build_on_a_corpus_excerpt(tmp_path: Path) -> None:
    # 000_6cb84ea4367d63e8.txt, line 17
    (tmp_path / "excerpt.txt").write_text(
        "1991 жылы 16 желтоқсанда Республиканың Жоғарғы Қеңесінің жетінші сессиясында «Қазақстан Республикасының "
        "Мемлекеттік тәуелсіздігі туралы» Заң қабылданды. Осы күні Қазақстан өз тәуелсіздігін жариялады.\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "tarikh", "build", str(tmp_path / "excerpt.txt"),
                             "--out", str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "events:" in result.stderr and "Traceback" not in result.stderr
    types = {e["type"]: e for e in events_of(tmp_path / "out")}
    assert types["Independence"]["date"] == "1991-12-16"
    assert types["LawAdoption"]["date"] == "1991-12-16"


def test_cli_missing_path_exits_non_zero_without_traceback(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "tarikh", "build", str(tmp_path / "nope.txt")],
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0 and "nope.txt" in result.stderr


def test_the_cli_starts_without_spacy_or_networkx() -> None:
    """Every subcommand is registered without loading the extraction pipeline or the graph libraries, so
    `tarikh query`, `tarikh --help` … do not wait for spaCy; a command loads what it needs when it runs."""
    check = ("import sys; from tarikh.cli import build_parser; build_parser(); "
             "print(sorted(m for m in ('spacy', 'networkx', 'rdflib', 'pyoxigraph') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
