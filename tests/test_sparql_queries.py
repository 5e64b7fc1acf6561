"""Canned questions, parameters and errors of `tarikh query`, on the real build and on the gold fixture."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tarikh.cli import main
from tarikh.errors import TarikhError
from tarikh.graph import rdf, sparql, store
from test_rdf_fixture import gold_documents, gold_events, requires_gold

CANNED = sorted(sparql.canned())


@pytest.fixture(scope="module")
def fixture_store(tmp_path_factory) -> Path:
    """The gold FIXTURE (not extractor output) as a store: exact answers known in advance."""
    path = tmp_path_factory.mktemp("rdf") / "store"
    store.write_store(rdf.to_dataset(gold_events(), gold_documents()), path)
    return path


@pytest.fixture(scope="module")
def fixture_engine(fixture_store) -> sparql.EmbeddedEngine:
    return sparql.EmbeddedEngine(fixture_store)


def test_at_least_fifteen_canned_questions_each_with_a_question():
    assert len(CANNED) >= 15
    for query in sparql.canned().values():
        assert query.question.endswith((".", "?")), query.name
        assert query.text.startswith("# "), query.name


@pytest.mark.parametrize("name", CANNED)
def test_canned_question_answers_on_the_corpus_build(built, name):
    result = sparql.run_query(name, [], sparql.EmbeddedEngine(built / "store"))
    assert result.rows, f"{name} returned no row on the bundled corpus build"
    empty = [v for i, v in enumerate(result.variables) if all(row[i] is None for row in result.rows)]
    assert not empty, f"{name}: columns never bound: {empty}"


@requires_gold
def test_actor_given_as_an_inflected_kazakh_name(fixture_engine):
    # 004_cf181f5803b7d246.txt uses "Назарбаевтың" (genitive); the label is "Nursultan Nazarbayev"
    result = sparql.run_query("actor_events", ["actor=Назарбаевтың"], fixture_engine)
    labels = {row[0].value for row in result.rows}
    assert "Nursultan Nazarbayev" in labels
    assert len(labels) <= 3


@requires_gold
def test_treaties_of_a_state_named_in_english(fixture_engine):
    # gold s000-009, 000_6cb84ea4367d63e8.txt line 9: Alma-Ata agreement, Kazakhstan a signatory
    result = sparql.run_query("treaties_by_state", ["actor=kazakhstan"], fixture_engine)
    treaties = {row[2].value.rsplit("/", 1)[-1] for row in result.rows}
    assert "s000-009" in treaties
    assert {row[0].value for row in result.rows} == {"Kazakhstan"}


@requires_gold
def test_year_only_event_found_by_year_range(fixture_engine):
    # gold s000-003 is dated "1922" only (000_6cb84ea4367d63e8.txt line 3)
    result = sparql.run_query("events_between", ["from=1922", "to=1922"], fixture_engine)
    assert "https://w3id.org/tarikh/id/event/s000-003" in {row[2].value for row in result.rows}
    later = sparql.run_query("events_between", ["from=1923", "to=1930"], fixture_engine)
    assert "https://w3id.org/tarikh/id/event/s000-003" not in {row[2].value for row in later.rows}


@requires_gold
def test_parties_active_in_a_year_leave_out_later_parties(fixture_engine):
    # gold s004b-064: Alga! People's Party founded 2005-07 (004_…:9171); it was not active in 1991
    early = sparql.run_query("parties_active_in_year", ["year=1991"], fixture_engine)
    late = sparql.run_query("parties_active_in_year", ["year=2006"], fixture_engine)
    assert {row[0].value for row in early.rows} == {"1991"}
    assert "Alga! People's Party" not in {row[2].value for row in early.rows}
    assert "Alga! People's Party" in {row[2].value for row in late.rows}


@requires_gold
def test_parameter_values_are_terms_not_query_text(fixture_engine):
    hostile = 'Party" } } SELECT * WHERE { ?s ?p ?o } #'
    result = sparql.run_query("busiest_actors", [f"kind={hostile}"], fixture_engine)
    assert result.rows == []
    assert sparql.run_query("busiest_actors", ["kind=Party"], fixture_engine).rows


def test_values_go_into_the_first_pattern_skipping_iris_strings_and_comments():
    text = '# a { in a comment\nPREFIX x: <http://e/x#{>\nSELECT ?a WHERE { ?a ?b "{" }'
    bound = sparql.with_values(text, {"a": [sparql.Literal('say "hi"')]})
    assert bound.endswith('WHERE {\n  VALUES (?a) { ("say \\"hi\\"") }\n ?a ?b "{" }')


@requires_gold
def test_json_output_is_standard_sparql_results(fixture_engine):
    result = sparql.run_query("elections_by_year", ["year=1991"], fixture_engine)
    document = json.loads(sparql.to_json(result))
    assert document["head"]["vars"][0] == "electionYear"
    first = document["results"]["bindings"][0]
    assert first["electionYear"] == {"type": "literal", "value": "1991",
                             "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert first["election"]["type"] == "uri"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@requires_gold
def test_cli_query_list_and_csv(capsys, fixture_store):
    code, out, _ = run_cli(capsys, "query", "--list")
    assert code == 0 and "party_lineage" in out and "--param actor=" in out
    code, out, _ = run_cli(capsys, "query", "counts_by_type_year", "--store", str(fixture_store),
                           "--format", "csv", "--param", "year=1991")
    assert code == 0 and out.startswith("y,type,events\n1991,")


@pytest.mark.parametrize("argv, message", [
    (["query", "no_such_question"], "unknown query 'no_such_question'"),
    (["query", "SELECT * WHERE { ?s ?p }"], "SPARQL syntax error"),
    (["query", "timeline", "--param", "year=nineteen"], "expected a whole number"),
    (["query", "timeline", "--param", "colour=red"], "no parameter ?colour"),
    (["query", "missing.rq"], "missing.rq: no such query file"),
])
def test_cli_errors_are_one_line(capsys, fixture_store, argv, message):
    code, _, err = run_cli(capsys, *argv, "--store", str(fixture_store))
    assert code != 0
    assert message in err and err.count("\n") == 1 and err.startswith("tarikh: error: ")


def test_cli_error_on_malformed_rq_and_missing_store(capsys, tmp_path, fixture_store):
    bad = tmp_path / "bad.rq"
    bad.write_text("# a broken question\nSELECT ?x WHERE { ?x ", encoding="utf-8")
    code, _, err = run_cli(capsys, "query", str(bad), "--store", str(fixture_store))
    assert code != 0 and "bad.rq" in err and "syntax error" in err and err.count("\n") == 1
    code, _, err = run_cli(capsys, "query", "timeline", "--store", str(tmp_path / "nowhere"))
    assert code != 0 and "no store here" in err


def test_unknown_parameter_kind_is_refused():
    with pytest.raises(TarikhError, match="unknown kind 'colour'"):
        sparql.parse_query("q", "# question\n# param: ?x (colour) what\nSELECT * { ?x ?p ?o }")
