"""Failures on the query side, through the real command line (`python -m tarikh` in a subprocess): one line on
stderr naming the file or endpoint, a non-zero exit, no traceback. tests/test_sparql_queries.py and
tests/test_server_endpoint.py cover the in-process cases; these are the ones they leave out: HTTP 500 on push,
a malformed file to push, an endpoint answering something that is not SPARQL results, and the CLI end to end."""
from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from conftest import build_excerpt


def tarikh(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tarikh", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def one_line_error(result: subprocess.CompletedProcess, *words: str) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert message.startswith("tarikh: error: ") and "\n" not in message, message
    for word in words:
        assert word in message
    return message


class Failing(http.server.BaseHTTPRequestHandler):
    """Answers every request with HTTP 500."""

    status, content_type, body = 500, "text/plain", b"internal error"

    def answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.status)
        self.send_header("Content-Type", self.content_type)
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = do_PUT = answer

    def log_message(self, *args) -> None:
        pass


class NotSparql(Failing):
    """Answers 200 with an HTML page instead of SPARQL results."""

    status, content_type, body = 200, "text/html", b"<html><body>maintenance</body></html>"


class Slow(Failing):
    """Answers after five seconds."""

    def answer(self) -> None:
        time.sleep(5)
        super().answer()

    do_GET = do_POST = answer


def serve(handler: type) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def failing() -> Iterator[str]:
    yield from serve(Failing)


@pytest.fixture(scope="module")
def not_sparql() -> Iterator[str]:
    yield from serve(NotSparql)


@pytest.fixture(scope="module")
def slow() -> Iterator[str]:
    yield from serve(Slow)


@pytest.fixture(scope="module")
def built_excerpt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_excerpt(tmp_path_factory.mktemp("query"))


def test_push_to_an_endpoint_answering_500(failing: str, built_excerpt: Path) -> None:
    result = tarikh("push", "--endpoint", f"{failing}/store", "--file", built_excerpt / "graph.ttl")
    one_line_error(result, failing, "500")


def test_push_of_a_malformed_file(failing: str, tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text("@prefix tk: <https://w3id.org/tarikh/ontology#> .\ntk:a tk:b \n",
                                         encoding="utf-8")
    one_line_error(tarikh("push", "--endpoint", f"{failing}/store", "--file", tmp_path / "broken.ttl"), "broken.ttl")


def test_query_endpoint_answering_500(failing: str) -> None:
    one_line_error(tarikh("query", "timeline", "--endpoint", f"{failing}/sparql"), failing, "500")


def test_query_endpoint_answering_html(not_sparql: str) -> None:
    one_line_error(tarikh("query", "timeline", "--endpoint", f"{not_sparql}/sparql"), not_sparql)


def test_query_endpoint_timeout(slow: str) -> None:
    one_line_error(tarikh("query", "timeline", "--endpoint", f"{slow}/sparql", "--timeout", "1"), slow)


@pytest.mark.parametrize("query, words", [
    ("SELECT * WHERE { ?s ?p }", ["syntax error"]),
    ("no_such_question", ["unknown query 'no_such_question'"]),
])
def test_bad_queries_on_a_built_store(built_excerpt: Path, query: str, words: list[str]) -> None:
    one_line_error(tarikh("query", query, "--store", built_excerpt / "store"), *words)


def test_malformed_query_file(built_excerpt: Path, tmp_path: Path) -> None:
    (tmp_path / "broken.rq").write_text("# who founded what\nSELECT ?x WHERE { ?x ", encoding="utf-8")
    one_line_error(tarikh("query", tmp_path / "broken.rq", "--store", built_excerpt / "store"), "broken.rq")


def test_query_without_a_store(tmp_path: Path) -> None:
    one_line_error(tarikh("query", "timeline", "--store", tmp_path / "nowhere"), "nowhere", "no store here")
