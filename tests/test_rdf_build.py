"""The RDF outputs of the real corpus build: graph.ttl parses (rdflib, rapper) and conforms (pySHACL),
the store holds the same triples, exports round-trip, and `tarikh validate` reports problems in one line."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest
from pyoxigraph import parse

from tarikh.cli import main
from tarikh.corpus import paths as corpus_paths
from tarikh.graph import export, rdf, store


@pytest.fixture(scope="module")
def graph_ttl(built):
    return built / "graph.ttl"


def test_graph_ttl_parses_with_rapper(graph_ttl):
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(graph_ttl)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stderr.split("returned")[1].split()[0]) > 1000


def test_store_holds_the_triples_of_graph_ttl(built, graph_ttl):
    in_file = {q.triple for q in parse(path=str(graph_ttl))}
    assert {q.triple for q in store.union_in_memory(built / "store")} == in_file


def test_every_event_line_is_in_the_graph(built):
    events = [json.loads(line) for line in (built / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    union = store.union_in_memory(built / "store")
    ids = {row["e"].value for row in union.query("SELECT ?e WHERE { ?e a <https://w3id.org/tarikh/ontology#Event> }")}
    assert ids == {event["id"] for event in events}
    kk = union.query('ASK { ?a a <https://w3id.org/tarikh/ontology#Actor> ; '
                     '<http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(lang(?l) = "kk") }')
    assert bool(kk)


def test_trig_keeps_one_named_graph_per_document(built, tmp_path):
    path = export.export(store.open_store(built / "store"), "trig", tmp_path / "graph.trig")
    graphs = {q.graph_name.value for q in parse(path=str(path))}
    names = {path.name for path in corpus_paths()}
    assert graphs == {f"{rdf.ID}graph/core"} | {f"{rdf.ID}doc/{name}" for name in names}
    done = subprocess.run(["rapper", "-i", "trig", "-c", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("format", ["turtle", "ntriples", "jsonld"])
def test_rdf_exports_hold_the_same_triples(built, tmp_path, capsys, format):
    out = tmp_path / f"graph.{export.FORMATS[format][0]}"
    assert main(["export", "--store", str(built / "store"), "--format", format, "--out", str(out)]) == 0
    exported = {q.triple for q in parse(path=str(out), format=export.FORMATS[format][1])}
    assert exported == {q.triple for q in store.union_in_memory(built / "store")}


def test_csv_export_has_one_row_per_event(built, tmp_path, capsys):
    assert main(["export", "--store", str(built / "store"), "--format", "csv", "--out-dir", str(tmp_path)]) == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "graph.csv").read_text(encoding="utf-8"))))
    events = (built / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(rows) == len(events)
    assert list(rows[0]) == ["id", "type", "date", "label", "actors", "first_mention"]
    doc, line = rows[0]["first_mention"].rsplit(":", 1)
    assert doc.endswith(".txt") and int(line) >= 1


def test_validate_command_accepts_the_build(built, capsys):
    # pySHACL over the whole graph.ttl of the corpus build
    assert main(["validate", str(built / "graph.ttl")]) == 0
    assert "conforms" in capsys.readouterr().out


def test_validate_command_names_file_and_line_of_malformed_turtle(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix tk: <https://w3id.org/tarikh/ontology#> .\n<http://e/1> a tk:Event ;\n  tk:date "1991 .\n',
                   encoding="utf-8")
    assert main(["validate", str(bad)]) != 0
    err = capsys.readouterr().err
    assert str(bad) in err and "line 3" in err and err.count("\n") == 1


def test_validate_command_reports_violations(tmp_path, capsys):
    # an event with no mention, no confidence and an impossible date
    broken = tmp_path / "broken.ttl"
    broken.write_text('@prefix tk: <https://w3id.org/tarikh/ontology#> .\n'
                      '<https://w3id.org/tarikh/id/event/x> a tk:Event , tk:Election ; '
                      '<http://www.w3.org/2000/01/rdf-schema#label> "x"@en ; tk:date "1991-1" .\n', encoding="utf-8")
    assert main(["validate", str(broken)]) != 0
    err = capsys.readouterr().err
    assert "does not conform" in err and "tk:confidence" in err and "gaf:denotedBy" in err
    assert err.count("\n") == 1
