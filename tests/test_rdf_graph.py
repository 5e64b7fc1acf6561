"""The RDF layer on the gold fixture: ontology and shapes parse, the graph has the agreed shape,
conforms, is deterministic, and a broken graph is caught by both validation engines."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from pyoxigraph import DefaultGraph

from tarikh.errors import TarikhError
from tarikh.graph import rdf, shacl, store
from tarikh.ontology import path as ontology_path
from test_rdf_fixture import gold_documents, gold_events, requires_gold

pytestmark = requires_gold
TK = rdflib.Namespace(rdf.TK)


@pytest.fixture(scope="module")
def graph() -> rdf.EventGraph:
    return rdf.to_dataset(gold_events(), gold_documents())


@pytest.fixture(scope="module")
def rdflib_graph(graph) -> rdflib.Graph:
    return rdflib.Graph().parse(data=graph.ntriples(), format="nt")


@pytest.mark.parametrize("name", ["tarikh.ttl", "shapes.ttl"])
def test_ontology_files_parse_with_rdflib_and_rapper(name):
    assert len(rdflib.Graph().parse(str(ontology_path(name)), format="turtle")) > 100
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(ontology_path(name))], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_every_event_type_is_an_aligned_subclass_of_event():
    onto = rdflib.Graph().parse(str(ontology_path("tarikh.ttl")))
    sem = rdflib.URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")
    for cls in ["Election", "Referendum", "PartyFounding", "Treaty", "Independence", "ConstitutionAdoption",
                "LawAdoption", "Meeting", "Inauguration", "Dissolution", "Merger", "Renaming", "Protest", "OtherEvent"]:
        parents = set(onto.objects(TK[cls], rdflib.RDFS.subClassOf))
        assert {TK.Event, sem, rdflib.URIRef("http://schema.org/Event")} <= parents, cls
        assert {l.language for l in onto.objects(TK[cls], rdflib.RDFS.label)} >= {"en", "kk"}, cls
    election = set(onto.objects(TK.Election, rdflib.SKOS.closeMatch))
    assert rdflib.URIRef("http://www.wikidata.org/entity/Q40231") in election


def test_event_has_the_agreed_shape(rdflib_graph):
    # gold s000-001, 000_6cb84ea4367d63e8.txt line 3: "1991 жылы 8 желтоқсанда РСФСР, Украина, Белеорусь ..."
    rows = list(rdflib_graph.query("""
        PREFIX tk: <https://w3id.org/tarikh/ontology#> PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
        PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
        PREFIX gaf: <http://groundedannotationframework.org/gaf#> PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?date ?earliest ?latest ?role ?form ?line ?begin ?sha WHERE {
          <https://w3id.org/tarikh/id/event/s000-001> a tk:Meeting, tk:Event ; tk:date ?date ;
             sem:hasEarliestBeginTimeStamp ?earliest ; sem:hasLatestEndTimeStamp ?latest ;
             tk:participation ?p ; gaf:denotedBy ?m ; sem:hasActor <https://w3id.org/tarikh/id/actor/ukraine> .
          ?p tk:actor <https://w3id.org/tarikh/id/actor/ukraine> ; tk:role ?role ; tk:surfaceForm ?form ;
             prov:wasDerivedFrom ?m .
          ?m tk:line ?line ; nif:beginIndex ?begin ; tk:document ?d . ?d tk:sha256 ?sha }"""))
    assert len(rows) == 1
    date, earliest, latest, role, form, line, begin, sha = (r.toPython() for r in rows[0])
    assert (date, str(earliest), str(latest), role, form, line) == \
        ("1991-12-08", "1991-12-08", "1991-12-08", "participant", "Украина", 3)
    text = (Path(__file__).resolve().parents[1] / "corpus" / "000_6cb84ea4367d63e8.txt").read_text(encoding="utf-8")
    assert text[begin:].startswith("1991 жылы 8 желтоқсанда")
    assert len(sha) == 64


def test_year_only_event_found_by_year_range_query(rdflib_graph):
    # gold s000-003: "1922 жылғы КСРО қүру тұралы келісімшартты жою" (000_6cb84ea4367d63e8.txt line 3), date "1922"
    rows = {str(r[0]) for r in rdflib_graph.query("""
        PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?e WHERE { ?e sem:hasEarliestBeginTimeStamp ?b ; sem:hasLatestEndTimeStamp ?l .
          FILTER(?l >= "1920-01-01"^^xsd:date && ?b <= "1925-12-31"^^xsd:date) }""")}
    assert "https://w3id.org/tarikh/id/event/s000-003" in rows


def test_date_bounds_follow_precision():
    assert rdf.date_bounds("1922", None) == ("1922-01-01", "1922-12-31")
    assert rdf.date_bounds("1996-02", None) == ("1996-02-01", "1996-02-29")
    assert rdf.date_bounds("2017", "2018") == ("2017-01-01", "2018-12-31")
    assert rdf.date_bounds("1991-12-16", None) == ("1991-12-16", "1991-12-16")


def test_each_document_has_its_named_graph(graph):
    assert graph.graph_names() == sorted(rdf.document_iri(d["name"])[1:-1] for d in gold_documents())


def test_built_graph_conforms_with_both_engines(graph, rdflib_graph):
    shacl.validate(graph)
    shacl.validate(rdflib_graph)


def broken_events() -> list[dict]:
    events = gold_events()[:30]
    events[0]["mentions"][0]["lang"] = "en"
    events[1]["confidence"] = 1.5
    events[2]["date"] = "1991-1"
    events[5]["mentions"][0]["end_line"] = events[5]["mentions"][0]["line"] - 1
    events[6]["date"], events[6]["date_end"] = "1995", "1994"
    return events


def test_broken_graph_is_caught_alike_by_pyshacl_and_the_compiled_checks():
    graph = rdf.to_dataset(broken_events(), gold_documents())
    fast = shacl.violations_of(graph)
    reference = shacl.violations_of(rdflib.Graph().parse(data=graph.ntriples(), format="nt"))
    assert {(v.focus, v.path) for v in fast} == {(v.focus, v.path) for v in reference}
    assert len(fast) == 6
    with pytest.raises(TarikhError, match=r"6 violation\(s\).*tk:confidence") as error:
        shacl.validate(graph)
    assert "\n" not in str(error.value)


def test_turtle_is_byte_identical_across_processes(tmp_path):
    script = ("import sys; sys.path.insert(0, %r); from test_rdf_fixture import gold_events, gold_documents; "
              "from tarikh.graph import rdf; rdf.write_turtle(rdf.to_dataset(gold_events(), gold_documents()), sys.argv[1])"
              % str(Path(__file__).parent))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"graph{seed}.ttl"
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    done = subprocess.run(["rapper", "-i", "turtle", "-c", str(tmp_path / "graph1.ttl")], capture_output=True, text=True)
    assert done.returncode == 0 and "returned" in done.stderr


def test_store_holds_the_same_quads(graph, tmp_path):
    store.write_store(graph, tmp_path / "store")
    opened = store.open_store(tmp_path / "store")
    assert len(opened) == len(graph)
    assert not list(opened.quads_for_pattern(None, None, None, DefaultGraph()))
    assert {str(g) for g in opened.named_graphs()} == {store.CORE_GRAPH} | {f"<{g}>" for g in graph.graph_names()}
    union = store.union_in_memory(tmp_path / "store")
    assert {q.triple for q in union} == set(graph.triples())
    with pytest.raises(TarikhError, match="no store here"):
        store.open_store(tmp_path / "missing")
