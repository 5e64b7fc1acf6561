"""A real Oxigraph server: the canned questions give the same rows over HTTP as embedded, a build
pushed into a writable server answers the same, a failed push leaves nothing behind, and endpoint
failures (closed port, HTTP 500, timeout) are one-line errors."""
from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

from tarikh.cli import main
from tarikh.errors import TarikhError
from tarikh.graph import push, rdf, server, sparql
from test_rdf_fixture import gold_documents, gold_events, requires_gold


def rows_of(result: sparql.Result) -> list[tuple[str, ...]]:
    return sorted(tuple(sparql.cell(term) for term in row) for row in result.rows)


@pytest.fixture(scope="module")
def read_only(built):
    process, url = server.start(built / "store")
    yield url
    server.stop(process)


@pytest.fixture()
def writable(tmp_path):
    process, url = server.start(tmp_path / "server-store", writable=True)
    yield url
    server.stop(process)


@pytest.mark.parametrize("name", sorted(sparql.canned()))
def test_same_rows_embedded_and_over_http(built, read_only, name):
    embedded = sparql.run_query(name, [], sparql.EmbeddedEngine(built / "store"))
    remote = sparql.run_query(name, [], sparql.EndpointEngine(read_only + "/query"))
    assert remote.variables == embedded.variables
    assert rows_of(remote) == rows_of(embedded)


def test_push_then_query_through_sparqlwrapper(built, writable):
    triples = push.triples_from(built / "store")
    assert push.push(triples, writable + "/store") == len(triples)
    engine = sparql.EndpointEngine(writable + "/query")
    count = engine.run("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0]
    assert int(count.value) == len(triples)
    embedded = sparql.run_query("elections_by_year", [], sparql.EmbeddedEngine(built / "store"))
    assert rows_of(sparql.run_query("elections_by_year", [], engine)) == rows_of(embedded)


@requires_gold
def test_failed_push_leaves_no_partial_graph(writable, monkeypatch):
    graph = rdf.to_dataset(gold_events(), gold_documents())
    triples = graph.triples()
    push.push(triples[:10], writable + "/store", "http://example.org/kept")
    sent = []
    real_request = push.request

    def failing_request(url, data, content_type, method="POST"):
        if content_type == "application/n-triples":
            sent.append(url)
            if len(sent) == 2:
                raise TarikhError(f"{url}: HTTP 503 simulated failure")
        real_request(url, data, content_type, method)

    monkeypatch.setattr(push, "BATCH", 1000)
    monkeypatch.setattr(push, "request", failing_request)
    with pytest.raises(TarikhError, match="simulated failure"):
        push.push(triples, writable + "/store", "http://example.org/kept")
    engine = sparql.EndpointEngine(writable + "/query")
    graphs = engine.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert [g[0].value for g in graphs] == ["http://example.org/kept"]
    kept = engine.run("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://example.org/kept> { ?s ?p ?o } }")
    assert kept.rows[0][0].value == "10"


def closed_port() -> int:
    return server.free_port()


class Answer500(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_error(500, "Internal Server Error")

    do_POST = do_GET

    def log_message(self, *args):
        pass


class SlowAnswer(Answer500):
    def do_GET(self):
        time.sleep(3)
        try:
            self.send_error(500)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should

    do_POST = do_GET


@pytest.fixture()
def local_http():
    servers = []

    def start(handler) -> str:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}/sparql"

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def cli_error(capsys, *argv: str) -> str:
    code = main(list(argv))
    err = capsys.readouterr().err
    assert code != 0
    assert err.startswith("tarikh: error: ") and err.count("\n") == 1, err
    return err


def test_unreachable_endpoint(capsys):
    url = f"http://127.0.0.1:{closed_port()}/sparql"
    assert "unreachable" in cli_error(capsys, "query", "timeline", "--endpoint", url)


def test_http_500_from_the_endpoint(capsys, local_http):
    url = local_http(Answer500)
    err = cli_error(capsys, "query", "timeline", "--endpoint", url)
    assert url in err and "500" in err


def test_endpoint_timeout(capsys, local_http):
    url = local_http(SlowAnswer)
    assert "timeout" in cli_error(capsys, "query", "timeline", "--endpoint", url, "--timeout", "1")


def test_push_to_a_closed_port(capsys, built):
    url = f"http://127.0.0.1:{closed_port()}/store"
    assert "unreachable" in cli_error(capsys, "push", "--endpoint", url, "--store", str(built / "store"))


def test_serve_refuses_a_missing_store(tmp_path):
    with pytest.raises(TarikhError, match="no store here"):
        server.start(tmp_path / "nothing")


def test_push_command_into_a_named_graph(built, writable, capsys):
    graph_iri = "http://example.org/tarikh-build"
    assert main(["push", "--endpoint", writable + "/store", "--graph", graph_iri,
                 "--file", str(built / "graph.ttl")]) == 0
    assert "triples loaded into http://example.org/tarikh-build" in capsys.readouterr().out
    engine = sparql.EndpointEngine(writable + "/query")
    event = "<https://w3id.org/tarikh/ontology#Event>"
    rows = engine.run(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph_iri}> {{ ?e a {event} }} }}").rows
    events = (built / "events.jsonl").read_text(encoding="utf-8").splitlines()
    assert int(rows[0][0].value) == len(events)


def test_serve_command_answers_until_stopped(built):
    import subprocess
    import sys

    port = server.free_port()
    process = subprocess.Popen([sys.executable, "-m", "tarikh", "serve", "--store", str(built / "store"),
                                "--port", str(port)], stdout=subprocess.PIPE, text=True)
    try:
        assert "SPARQL endpoint: http://127.0.0.1:" in process.stdout.readline()
        engine = sparql.EndpointEngine(f"http://127.0.0.1:{port}/query")
        assert sparql.run_query("counts_by_type_year", ["year=1991"], engine).rows
        assert engine.run("ASK { ?s ?p ?o }").boolean is True
        with pytest.raises(TarikhError):
            push.sparql_update(f"http://127.0.0.1:{port}/update", "CLEAR ALL")  # read-only server
    finally:
        process.terminate()
        process.wait(timeout=10)
    with pytest.raises(OSError):  # the Oxigraph server went with it
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_actor_parameter_resolved_through_the_endpoint(built, read_only):
    # "Қазақстанның" (genitive) resolved by label matching over HTTP as over the embedded store
    params = ["actor=Қазақстанның"]
    embedded = sparql.run_query("treaties_by_state", params, sparql.EmbeddedEngine(built / "store"))
    remote = sparql.run_query("treaties_by_state", params, sparql.EndpointEngine(read_only + "/query"))
    assert embedded.rows and rows_of(remote) == rows_of(embedded)


class AnswerHtml(Answer500):
    def do_GET(self):
        body = b"<html><body>not a SPARQL endpoint</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET


def test_endpoint_answering_html(capsys, local_http):
    url = local_http(AnswerHtml)
    err = cli_error(capsys, "query", "timeline", "--endpoint", url)
    assert url in err and "not SPARQL JSON results" in err
