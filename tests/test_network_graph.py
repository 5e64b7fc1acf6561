"""networkx views of the graph and the `tarikh network` answers.

Two sources: the hand-made RDF fixture (tests/data/viz_graph_fixture.ttl, exact expectations about
the reading code) and the real build of the bundled corpus (the `built` session fixture: what a
historian would ask of it).
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from tarikh.cli import main
from tarikh.errors import TarikhError
from tarikh.graph import network
from tarikh.graph.network import (connections, coparticipation, find_actors, load, load_store, party_lineage,
                                  resolve_actor)

ACTOR = "https://w3id.org/tarikh/id/actor/"
EVENT = "https://w3id.org/tarikh/id/event/"


@pytest.fixture(scope="module")
def graphs(fixture_store) -> network.Graphs:
    return load_store(fixture_store)


# --- the fixture: exact reading ------------------------------------------------------------------

def test_one_node_per_event_and_actor(graphs):
    kinds = nx.get_node_attributes(graphs.events_actors, "category")
    assert sum(1 for k in kinds.values() if k == "event") == 8
    assert sum(1 for k in kinds.values() if k == "actor") == 11


def test_event_attributes_come_from_the_store(graphs):
    declaration = graphs.events_actors.nodes[EVENT + "almaty-declaration"]
    assert declaration["type"] == "Treaty" and declaration["subtype"] == "declaration"
    assert (declaration["date"], declaration["precision"], declaration["year"]) == ("1991-12-21", "day", 1991)
    assert (declaration["earliest"], declaration["latest"]) == ("1991-12-21", "1991-12-21")
    assert declaration["confidence"] == pytest.approx(0.95)
    assert declaration["labels"] == {"en": "Almaty Declaration", "kk": "Алматы декларациясы"}
    assert declaration["place"] == ACTOR + "almaty"
    [mention] = declaration["mentions"]
    assert (mention["doc"], mention["line"], mention["start"], mention["end"]) == ("002_8c1d28d887a3004f.txt", 3, 399, 619)
    corpus = Path(network.__file__).parents[1] / "corpus" / "002_8c1d28d887a3004f.txt"
    assert corpus.read_text(encoding="utf-8")[mention["start"]:mention["end"]] == mention["quote"]


def test_actor_attributes_and_edge_roles(graphs):
    graph = graphs.events_actors
    assert graph.nodes[ACTOR + "kazakhstan"]["labels"]["az"] == "Qazaxıstan"
    assert graph.nodes[ACTOR + "kazakhstan"]["wikidata"] == "Q232"
    assert graph.nodes[ACTOR + "nazarbayev"]["kind"] == "Person"
    edge = graph.edges[EVENT + "election-1991", ACTOR + "nazarbayev"]
    assert edge["role"] == "winner" and edge["surface_forms"] == ["Н.Ә.Назарбаев"] and edge["inferred"] is False
    assert graph.edges[EVENT + "almaty-declaration", ACTOR + "almaty"]["role"] == "place"


def test_coparticipation_counts_shared_events_and_ignores_places(graphs):
    projection = graphs.coparticipation
    edge = projection.edges[ACTOR + "kazakhstan", ACTOR + "russia"]
    assert edge["weight"] == 1 and edge["events"] == [EVENT + "almaty-declaration"]
    assert ACTOR + "almaty" not in projection
    assert set(coparticipation(graphs.events_actors, 1999, 2010)) == {ACTOR + n for n in ("otan", "asar", "nur-otan")}


def test_lineage_runs_forward_in_time(graphs):
    tree = graphs.lineage
    assert list(nx.topological_sort(tree))  # a DAG
    assert tree.has_edge(ACTOR + "asar", EVENT + "asar-joins-otan")
    assert tree.has_edge(EVENT + "asar-joins-otan", ACTOR + "otan")
    assert tree.has_edge(ACTOR + "otan", EVENT + "otan-renamed")
    assert tree.has_edge(EVENT + "otan-renamed", ACTOR + "nur-otan")
    answer = party_lineage(tree, ACTOR + "otan")
    assert answer.predecessors == [ACTOR + "asar"] and answer.successors == [ACTOR + "nur-otan"]
    assert answer.events == [EVENT + e for e in ("otan-founding", "asar-joins-otan", "otan-renamed")]


@pytest.mark.parametrize("name, actor", [
    ("Назарбаевтың", "nazarbayev"), ("Qazaxıstanın", "kazakhstan"), ("КСРО-ны", "soviet-union"),
    ("Ресейдің", "russia"), ("nur otan", "nur-otan"), ("Otan", "otan"), ("«Отанның»", "otan"),
    ("QIRĞIZISTAN MUXTAR SSR-i", "kirghiz-assr"),
])
def test_names_in_any_language_and_case(graphs, name, actor):
    assert find_actors(graphs.events_actors, name)[0] == ACTOR + actor


def test_unknown_name_is_one_line_error(graphs):
    with pytest.raises(TarikhError, match="no actor named 'Zzyzx'"):
        resolve_actor(graphs.events_actors, "Zzyzx")


def test_paths_do_not_run_through_shared_places(graphs):
    graph = graphs.events_actors
    assert connections(graph, ACTOR + "kazakhstan", ACTOR + "russia") == [
        [ACTOR + "kazakhstan", EVENT + "almaty-declaration", ACTOR + "russia"]]
    assert connections(graph, ACTOR + "almaty", ACTOR + "nazarbayev") == []


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_keeps_kazakh_and_azerbaijani_labels(fixture_store, tmp_path, capsys, fmt, reader):
    out = tmp_path / f"graph.{fmt}"
    assert main(["network", "--store", str(fixture_store), "export", "--format", fmt, "--out", str(out)]) == 0
    graph = reader(out)
    assert graph.number_of_nodes() == 19
    kazakhstan = graph.nodes[ACTOR + "kazakhstan"]
    assert kazakhstan["label_kk"] == "Қазақстан" and kazakhstan["label_az"] == "Qazaxıstan"
    assert graph.nodes[EVENT + "almaty-declaration"]["sources"] == "002_8c1d28d887a3004f.txt:3"


# --- the command line ----------------------------------------------------------------------------

def ask(store: Path, *question: str) -> str:
    return run_cli(["network", "--store", str(store), *question])


def run_cli(argv: list[str]) -> str:
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(argv) == 0
    return buffer.getvalue()


def test_cli_path_names_events_dates_and_sources(fixture_store):
    answer = run_cli(["network", "path", "Қазақстанның", "Ресейдің", "--store", str(fixture_store)])
    assert "1991-12-21  Treaty: Almaty Declaration  [002_8c1d28d887a3004f.txt:3]" in answer
    assert "Kazakhstan: signatory;  Russia: signatory" in answer


def test_cli_lineage_central_timeline(fixture_store):
    lineage = ask(fixture_store, "lineage", "Отанның")
    assert "predecessors: Asar" in lineage and "successors:   Nur Otan" in lineage
    assert lineage.index("1999-01-19") < lineage.index("2006-07") < lineage.index("2006-12")
    central = ask(fixture_store, "central", "--from", "1991", "--to", "1991", "--top", "2").splitlines()
    assert central[2].endswith("Kazakhstan (State)") or central[2].endswith("Russia (State)")
    timeline = ask(fixture_store, "timeline", "--from", "1991", "--to", "1991", "--type", "treaty")
    assert timeline.splitlines()[0].startswith("1991-12-21  Treaty: Almaty Declaration")
    assert timeline.rstrip().endswith("1 events")


def test_cli_missing_store_says_build_first(tmp_path, capsys):
    assert main(["network", "--store", str(tmp_path / "nowhere"), "central"]) != 0
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "tarikh build" in error and "nowhere" in error


# --- the real build of the bundled corpus --------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_graphs(built) -> network.Graphs:
    return load(built)


def test_corpus_one_node_per_event_and_actor_of_events_jsonl(built, corpus_graphs):
    records = [json.loads(line) for line in (built / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    actors = {a["id"] for r in records for a in r["actors"]} | {r["place"]["id"] for r in records if r["place"]}
    graph = corpus_graphs.events_actors
    nodes = nx.get_node_attributes(graph, "category")
    assert {n for n, k in nodes.items() if k == "event"} == {r["id"] for r in records}
    assert {n for n, k in nodes.items() if k == "actor"} == actors
    assert graph.number_of_edges() >= sum(len({a["id"] for a in r["actors"]}) for r in records)


def test_corpus_almaty_declaration_links_kazakhstan_and_russia(corpus_graphs):
    graph = corpus_graphs.events_actors
    kazakhstan, russia = resolve_actor(graph, "Қазақстан"), resolve_actor(graph, "Ресей")
    chains = connections(graph, kazakhstan, russia, limit=20)
    assert chains and len(chains[0]) == 3  # linked directly through one event
    treaties = [graph.nodes[chain[1]] for chain in chains if graph.nodes[chain[1]]["type"] == "Treaty"]
    assert any(t["date"] == "1991-12-21" for t in treaties)


def test_corpus_otan_becomes_nur_otan(corpus_graphs):
    otan = resolve_actor(corpus_graphs.events_actors, "«Отан» республикалық саяси партиясы")
    nur_otan = resolve_actor(corpus_graphs.events_actors, "«Нұр Отан» халықтық-демократиялық партиясы")
    assert otan != nur_otan
    answer = party_lineage(corpus_graphs.lineage, otan)
    assert nur_otan in answer.successors
    assert otan in party_lineage(corpus_graphs.lineage, nur_otan).predecessors
