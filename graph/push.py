"""Load a build into any SPARQL 1.1 store: Graph Store Protocol in bounded batches into a temporary
graph, then one SPARQL Update MOVE onto the target graph — all or nothing. On any failure the
temporary graph is dropped and the target graph is left as it was."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Iterator

from pyoxigraph import RdfFormat, Triple, parse, serialize

from tarikh.errors import TarikhError
from tarikh.graph.rdf import ID

BATCH = 5000  # triples per HTTP request
TIMEOUT = 60.0


def triples_from(store_dir: Path | None = None, file: Path | None = None) -> list[Triple]:
    """The triples of a built store (its default graph) or of an RDF file."""
    if file is not None:
        try:
            return [q.triple for q in parse(path=str(file))]
        except (OSError, ValueError, SyntaxError) as error:
            raise TarikhError(f"{file}: cannot read: {' '.join(str(error).split())}") from None
    from tarikh.graph.store import open_store

    store = open_store(store_dir or Path("out/store"))
    return sorted({q.triple for q in store}, key=str)


def batches(triples: list[Triple], size: int = BATCH) -> Iterator[bytes]:
    for start in range(0, len(triples), size):
        yield serialize(triples[start:start + size], format=RdfFormat.N_TRIPLES)


def update_url(gsp_url: str) -> str:
    """The SPARQL Update endpoint beside a Graph Store endpoint (Oxigraph, Fuseki: …/store → …/update)."""
    for tail in ("/store", "/data"):
        if gsp_url.rstrip("/").endswith(tail):
            return gsp_url.rstrip("/")[: -len(tail)] + "/update"
    return gsp_url


def request(url: str, data: bytes, content_type: str, method: str = "POST") -> None:
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as answer:
            answer.read()
    except urllib.error.HTTPError as error:
        detail = " ".join(error.read().decode("utf-8", "replace").split())[:200]
        raise TarikhError(f"{url}: HTTP {error.code} {error.reason}" + (f": {detail}" if detail else "")) from None
    except urllib.error.URLError as error:
        raise TarikhError(f"{url}: endpoint unreachable ({error.reason})") from None
    except (TimeoutError, OSError) as error:
        raise TarikhError(f"{url}: {' '.join(str(error).split()) or 'timeout'}") from None


def sparql_update(url: str, text: str) -> None:
    request(url, urllib.parse.urlencode({"update": text}).encode(), "application/x-www-form-urlencoded")


def push(triples: list[Triple], endpoint: str, graph: str | None = None, update: str | None = None) -> int:
    """Replace `graph` (default: the default graph) at the Graph Store endpoint with `triples`."""
    update = update or update_url(endpoint)
    temporary = f"{ID}graph/push-{uuid.uuid4().hex}"
    target = f"GRAPH <{graph}>" if graph else "DEFAULT"
    try:
        for chunk in batches(triples):
            url = f"{endpoint}{'&' if '?' in endpoint else '?'}{urllib.parse.urlencode({'graph': temporary})}"
            request(url, chunk, "application/n-triples")
        sparql_update(update, f"MOVE SILENT GRAPH <{temporary}> TO {target}")
    except BaseException:
        try:
            sparql_update(update, f"DROP SILENT GRAPH <{temporary}>")
        except TarikhError:
            pass
        raise
    return len(triples)
