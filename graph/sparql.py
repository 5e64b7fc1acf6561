"""SPARQL over a build: canned questions (queries/*.rq), safe parameters, two engines, three output formats.

A query is a canned name (`elections_by_year`), a `.rq` file, or SPARQL text. Parameters declared in a
query's header (`# param: ?actor (actor) …`) are bound by a VALUES clause injected at the top of the
query's WHERE group, with every value written as a proper RDF term — never pasted into the query text.
An `actor` parameter given as a name (any language, any case ending) is resolved to actor IRIs by
matching the graph's rdfs:label values. The engines are the embedded Oxigraph store and any SPARQL 1.1
endpoint (through SPARQLWrapper); both give rows of pyoxigraph terms, so output is the same.
"""
from __future__ import annotations

import csv
import io
import json
import re
import socket
import urllib.error
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Protocol, Sequence

from pyoxigraph import BlankNode, Literal, NamedNode

from tarikh.errors import TarikhError
from tarikh.graph.rdf import PREFIXES, XSD

PARAM_LINE = re.compile(r"^#\s*param:\s*\?(\w+)\s*(?:\((\w+)\))?\s*(.*)$")
PARAM_KINDS = ("actor", "year", "string", "iri", "integer")
DEFAULT_TIMEOUT = 30.0
Term = NamedNode | Literal | BlankNode


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    help: str


@dataclass(frozen=True)
class Query:
    """A SPARQL query with the question its header comment asks and the parameters it declares."""

    name: str
    text: str
    question: str = ""
    params: tuple[Param, ...] = ()


@dataclass
class Result:
    """SELECT rows (variables, rows of terms or None), or an ASK boolean, or CONSTRUCT triples as N-Triples."""

    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: str | None = None


# ---------------------------------------------------------------- queries and parameters

def parse_query(name: str, text: str) -> Query:
    """Read the header comments: the first is the question, `# param:` lines declare parameters."""
    question, params = "", []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if match := PARAM_LINE.match(line):
            kind = match.group(2) or "string"
            if kind not in PARAM_KINDS:
                raise TarikhError(f"{name}: parameter ?{match.group(1)} has unknown kind {kind!r} "
                                  f"(known: {', '.join(PARAM_KINDS)})")
            params.append(Param(match.group(1), kind, match.group(3).strip()))
        elif not question:
            question = line.lstrip("# ").strip()
    return Query(name, text, question, tuple(params))


@lru_cache(maxsize=1)
def canned() -> dict[str, Query]:
    """The canned questions shipped in tarikh.queries, by name."""
    folder = files("tarikh.queries")
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            found[name] = parse_query(name, entry.read_text(encoding="utf-8"))
    return found


def load_query(spec: str) -> Query:
    """A canned name, a `.rq` file, or SPARQL text."""
    if spec in canned():
        return canned()[spec]
    path = Path(spec)
    if spec.endswith(".rq") or (re.fullmatch(r"[\w./-]+", spec) and path.is_file()):
        try:
            return parse_query(str(path), path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise TarikhError(f"{spec}: no such query file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise TarikhError(f"{spec}: cannot read the query file ({error})") from None
    if re.fullmatch(r"\w+", spec):
        raise TarikhError(f"unknown query {spec!r}: `tarikh query --list` shows the canned questions")
    return parse_query("query", spec)


def parse_params(pairs: Sequence[str]) -> dict[str, list[str]]:
    """`k=v` strings (repeatable: several values for one name) into a dict."""
    values: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?")
        if not sep or not re.fullmatch(r"\w+", name):
            raise TarikhError(f"--param {pair!r}: expected NAME=VALUE")
        values.setdefault(name, []).append(value)
    return values


def param_terms(query: Query, given: dict[str, list[str]], engine: "Engine") -> dict[str, list[Term]]:
    """Each given parameter as RDF terms of its declared kind; undeclared names are an error."""
    declared = {p.name: p for p in query.params}
    terms = {}
    for name, values in given.items():
        kind = declared[name].kind if name in declared else "string"
        if name not in declared and not re.search(rf"\?{name}\b", query.text):
            raise TarikhError(f"{query.name}: no parameter ?{name}"
                              + (f" (it takes {', '.join('?' + p for p in declared)})" if declared else ""))
        terms[name] = [t for v in values for t in to_terms(name, kind, v, engine)]
    return terms


def to_terms(name: str, kind: str, value: str, engine: "Engine") -> list[Term]:
    value = value.strip()
    if kind in ("actor", "iri") and re.match(r"^https?://\S+$", value):
        return [NamedNode(value)]
    if kind == "actor":
        found = resolve_actor(value, engine)
        if not found:
            raise TarikhError(f"--param {name}={value}: no actor with that name in the graph "
                              "(try another spelling, language or the IRI)")
        return [NamedNode(iri) for iri in found]
    if kind == "iri":
        raise TarikhError(f"--param {name}={value}: expected an IRI (http://… or https://…)")
    if kind in ("year", "integer"):
        if not re.fullmatch(r"-?\d+", value):
            raise TarikhError(f"--param {name}={value}: expected a whole number")
        return [Literal(str(int(value)), datatype=NamedNode(XSD + "integer"))]
    return [Literal(value)]


ACTOR_LABELS = """PREFIX tk: <https://w3id.org/tarikh/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?actor ?label WHERE { ?actor a tk:Actor ; rdfs:label ?label }"""


def resolve_actor(name: str, engine: "Engine") -> list[str]:
    """Actor IRIs whose labels best match `name` (exact > same words up to case endings > all words)."""
    from tarikh.graph.network import matcher_ids, name_score, normalise

    labels: dict[str, set[str]] = {}
    for actor, label in engine.select(ACTOR_LABELS).rows:
        labels.setdefault(actor.value, set()).add(label.value)
    if known := sorted(matcher_ids(name, None) & labels.keys()):
        return known
    query = normalise(name).split()
    if not query:
        return []
    scores = {actor: max(name_score(query, normalise(l).split()) for l in names) for actor, names in labels.items()}
    best = max(scores.values(), default=0)
    prefix = [a for a, names in labels.items() if any(normalise(l).startswith(" ".join(query)) for l in names)]
    return sorted(a for a, s in scores.items() if s == best) if best else sorted(prefix)


def with_values(text: str, terms: dict[str, list[Term]]) -> str:
    """The query with `VALUES (?a ?b) { … }` first in its outermost WHERE group (one row per combination)."""
    if not terms:
        return text
    rows = [[]]
    for values in terms.values():
        rows = [row + [value] for row in rows for value in values]
    head = " ".join(f"?{name}" for name in terms)
    body = " ".join("(" + " ".join(str(term) for term in row) + ")" for row in rows)
    at = first_group(text)
    return f"{text[:at + 1]}\n  VALUES ({head}) {{ {body} }}\n{text[at + 1:]}"


def first_group(text: str) -> int:
    """Offset of the `{` opening the query pattern, skipping comments, strings and IRIs."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif c in "\"'":
            quote = c * 3 if text.startswith(c * 3, i) else c
            i = text.find(quote, i + len(quote))
            i = n if i < 0 else i + len(quote)
            continue
        elif c == "<" and (m := re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])):
            i += m.end()
            continue
        elif c == "{":
            return i
        i += 1
    raise TarikhError("the query has no { … } pattern to bind parameters into")


TOKENS = re.compile(r"""<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|#[^\n]*""")
FORMS = re.compile(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", re.IGNORECASE)


def query_form(text: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE: the first form keyword outside comments, IRIs and strings."""
    match = FORMS.search(TOKENS.sub(" ", text))
    return match.group(1).upper() if match else "SELECT"


# ---------------------------------------------------------------- engines

class Engine(Protocol):
    def select(self, text: str) -> Result: ...

    def run(self, text: str) -> Result: ...


class EmbeddedEngine:
    """A build's Oxigraph store, the union of its graphs copied into memory as the default graph."""

    def __init__(self, store_dir: Path):
        from tarikh.graph.store import union_in_memory

        self.where = str(store_dir)
        self.store = union_in_memory(store_dir)

    def select(self, text: str) -> Result:
        return self.run(text)

    def run(self, text: str) -> Result:
        from pyoxigraph import QueryBoolean, QuerySolutions

        try:
            answer = self.store.query(text)
            if isinstance(answer, QueryBoolean):
                return Result(boolean=bool(answer))
            if isinstance(answer, QuerySolutions):
                variables = [v.value for v in answer.variables]
                return Result(variables, [list(row) for row in answer])  # values in variable order, None unbound
            from pyoxigraph import RdfFormat, serialize

            return Result(triples=serialize(list(answer), format=RdfFormat.N_TRIPLES).decode("utf-8"))
        except SyntaxError as error:
            raise TarikhError(f"SPARQL syntax error: {one_line(error)}") from None
        except OSError as error:
            raise TarikhError(f"{self.where}: query failed: {one_line(error)}") from None


class EndpointEngine:
    """Any SPARQL 1.1 query endpoint, through SPARQLWrapper (JSON results)."""

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT):
        self.url, self.timeout = url, timeout

    def select(self, text: str) -> Result:
        return self.run(text)

    def run(self, text: str) -> Result:
        from SPARQLWrapper import JSON, N3, SPARQLWrapper

        client = SPARQLWrapper(self.url)
        client.setTimeout(int(max(1, self.timeout)))
        client.setMethod("POST")
        client.setQuery(text)
        client.queryType = query_form(text)  # SPARQLWrapper's own guess reads "Movement" as MOVE
        construct = client.queryType in ("CONSTRUCT", "DESCRIBE")
        client.setReturnFormat(N3 if construct else JSON)
        raw = self.call(client)
        if construct:
            from pyoxigraph import RdfFormat, parse, serialize

            data = raw if isinstance(raw, bytes) else raw.serialize(format="nt").encode()
            return Result(triples=serialize(parse(data, format=RdfFormat.TURTLE), format=RdfFormat.N_TRIPLES).decode())
        if not isinstance(raw, dict):
            raise TarikhError(f"{self.url}: the answer is not SPARQL JSON results (is this a SPARQL endpoint?)")
        return json_result(raw)

    def call(self, client):
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        try:
            with warnings.catch_warnings():  # an unexpected content type is reported below, as one line
                warnings.simplefilter("ignore", RuntimeWarning)
                return client.queryAndConvert()
        except QueryBadFormed as error:
            raise TarikhError(f"{self.url}: the endpoint rejected the query: {short(error)}") from None
        except SPARQLWrapperException as error:
            raise TarikhError(f"{self.url}: endpoint error: {short(error)}") from None
        except urllib.error.HTTPError as error:
            raise TarikhError(f"{self.url}: HTTP {error.code} {error.reason}") from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise TarikhError(f"{self.url}: no answer within {self.timeout:g} s (timeout)") from None
            raise TarikhError(f"{self.url}: endpoint unreachable ({reason})") from None
        except (socket.timeout, TimeoutError):
            raise TarikhError(f"{self.url}: no answer within {self.timeout:g} s (timeout)") from None
        except (ConnectionError, OSError) as error:
            raise TarikhError(f"{self.url}: endpoint unreachable ({one_line(error)})") from None
        except ValueError as error:
            raise TarikhError(f"{self.url}: the endpoint's answer is not SPARQL results ({one_line(error)})") from None


def short(error: Exception) -> str:
    return one_line(error)[:300]


def one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def json_result(data: dict) -> Result:
    """A SPARQL 1.1 JSON results document as a Result of pyoxigraph terms."""
    if "boolean" in data:
        return Result(boolean=bool(data["boolean"]))
    variables = data.get("head", {}).get("vars", [])
    rows = [[json_term(binding.get(v)) for v in variables] for binding in data.get("results", {}).get("bindings", [])]
    return Result(variables, rows)


def json_term(value: dict | None) -> Term | None:
    if value is None:
        return None
    if value["type"] == "uri":
        return NamedNode(value["value"])
    if value["type"] == "bnode":
        return BlankNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], language=value["xml:lang"])
    return Literal(value["value"], datatype=NamedNode(value["datatype"]) if value.get("datatype") else None)


def engine_for(store: Path | None = None, endpoint: str | None = None, timeout: float = DEFAULT_TIMEOUT) -> Engine:
    return EndpointEngine(endpoint, timeout) if endpoint else EmbeddedEngine(store or Path("out/store"))


def run_query(spec: str, params: Sequence[str] | dict[str, list[str]] = (), engine: Engine | None = None) -> Result:
    """Run a canned name, `.rq` file or SPARQL text with `k=v` parameters on an engine (default: out/store)."""
    engine = engine or engine_for()
    query = load_query(spec)
    given = parse_params(params) if not isinstance(params, dict) else params
    text = with_values(query.text, param_terms(query, given, engine))
    try:
        return engine.run(text)
    except TarikhError as error:
        raise TarikhError(f"{query.name}: {error}", error.exit_code) from None


# ---------------------------------------------------------------- output

def short_iri(iri: str) -> str:
    for prefix, base in PREFIXES.items():
        if iri.startswith(base) and re.fullmatch(r"[\w.-]*", iri[len(base):]):
            return f"{prefix}:{iri[len(base):]}"
    return f"<{iri}>"


def cell(term: Term | None) -> str:
    """A term as plain text for tables and CSV: literal values bare, IRIs shortened."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return short_iri(term.value)
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value


def json_value(term: Term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def to_json(result: Result) -> str:
    """Standard SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean})
    bindings = [{v: json_value(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False,
                      indent=1)


def to_csv(result: Result) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows([[term.value if term is not None else "" for term in row] for row in result.rows])
    return out.getvalue()


def to_table(result: Result, width: int = 60) -> str:
    """Aligned plain-text columns, cells cut to `width` characters, newlines shown as ⏎."""
    if result.boolean is not None:
        return "yes" if result.boolean else "no"
    cells = [[fit(cell(t), width) for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)


def fit(text: str, width: int) -> str:
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[:width - 1] + "…"


def render(result: Result, format: str) -> str:
    if result.triples is not None:
        return result.triples
    return {"json": to_json, "csv": to_csv, "table": to_table}[format](result)


def listing(queries: Iterable[Query] | None = None) -> str:
    """The canned questions with their parameters, for `tarikh query --list`."""
    lines = []
    for query in queries or canned().values():
        lines.append(f"{query.name}\n    {query.question}")
        lines += [f"    --param {p.name}=…  ({p.kind}) {p.help}".rstrip() for p in query.params]
    return "\n".join(lines)
