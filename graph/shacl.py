"""Validation against ontology/shapes.ttl.

Two engines, one set of shapes:
  * pySHACL, the reference, for any RDF file or rdflib graph (`tarikh validate FILE.ttl`);
  * for the build's own `EventGraph`, the same shapes compiled to SPARQL queries run by Oxigraph
    (Rust) — pySHACL needs ~0.15 ms per triple, too slow for a 3-second build. The compiler knows the
    constraint components the shapes use and refuses any other, so both engines check the same rules
    (the tests run both on the same broken graphs).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import rdflib
from pyoxigraph import RdfFormat, Store, parse, serialize
from rdflib.namespace import RDF, SH, XSD

from tarikh.errors import TarikhError
from tarikh.graph.rdf import EventGraph
from tarikh.ontology import path as ontology_path

SHAPES = "shapes.ttl"
SHOWN = 5  # violations quoted in the error message


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"<{self.focus}> {self.path}: {self.message}"


@dataclass(frozen=True)
class Check:
    """Constraints of one property shape as a SPARQL SELECT of the offending ?focus nodes (and ?why)."""

    path: str
    message: str | None
    query: str


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(str(ontology_path(SHAPES)), format="turtle")


def validate(graph) -> None:
    """Raise TarikhError summarising the first violations if `graph` does not conform to the shapes.

    `graph` is the build's EventGraph (checked by the compiled SPARQL engine) or an rdflib Graph
    (checked by pySHACL)."""
    violations = violations_of(graph)
    if violations:
        raise TarikhError(summary(violations, "graph"))


def violations_of(graph) -> list[Violation]:
    if isinstance(graph, EventGraph):
        return sparql_violations(graph)
    if isinstance(graph, rdflib.Graph):
        return pyshacl_violations(graph)
    raise TypeError(f"cannot validate a {type(graph).__name__}")


def summary(violations: list[Violation], what: str) -> str:
    shown = "; ".join(str(v) for v in violations[:SHOWN])
    more = f" (and {len(violations) - SHOWN} more)" if len(violations) > SHOWN else ""
    return f"{what} does not conform to {SHAPES}: {len(violations)} violation(s): {shown}{more}"


def validate_file(path: Path) -> int:
    """Validate an RDF file with pySHACL; return its triple count or raise a one-line TarikhError."""
    path = Path(path)
    graph = load_file(path)
    violations = pyshacl_violations(graph)
    if violations:
        raise TarikhError(summary(violations, str(path)))
    return len(graph)


def load_file(path: Path) -> rdflib.Graph:
    """Parse an RDF file (format from its extension); syntax errors name the file and line."""
    try:
        format = RdfFormat.from_extension(path.suffix.lstrip(".")) or RdfFormat.TURTLE
    except ValueError:
        format = RdfFormat.TURTLE
    try:
        quads = list(parse(path=str(path), format=format))
    except FileNotFoundError:
        raise TarikhError(f"{path}: no such file") from None
    except SyntaxError as error:
        raise TarikhError(f"{path}: malformed {format.name}: {one_line(error)}") from None
    except (OSError, ValueError) as error:
        raise TarikhError(f"{path}: cannot read: {one_line(error)}") from None
    triples = (q.triple for q in quads)
    return rdflib.Graph().parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


def one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def pyshacl_violations(graph: rdflib.Graph) -> list[Violation]:
    import pyshacl

    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none")
    if conforms:
        return []
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        path = report.value(result, SH.resultPath)
        found.append(Violation(str(report.value(result, SH.focusNode)), path_text(report, path),
                               str(report.value(result, SH.resultMessage) or "violation")))
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))


def path_text(graph: rdflib.Graph, path) -> str:
    if path is None:
        return "(node)"
    inverse = graph.value(path, SH.inversePath)
    return f"^{graph.namespace_manager.normalizeUri(inverse)}" if inverse is not None \
        else graph.namespace_manager.normalizeUri(path)


# ---------------------------------------------------------------- shapes compiled to SPARQL

def sparql_violations(graph: EventGraph) -> list[Violation]:
    """Run the compiled checks over the graph in an in-memory Oxigraph store."""
    store = Store()
    store.bulk_extend(parse(graph.ntriples(), format=RdfFormat.N_TRIPLES))
    return store_violations(store)


def store_violations(store: Store) -> list[Violation]:
    found = set()
    for check in compiled_checks():
        for row in store.query(check.query):
            found.add(Violation(row["focus"].value, check.path, check.message or row["why"].value))
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))


@lru_cache(maxsize=1)
def compiled_checks() -> tuple[Check, ...]:
    """The property constraints of shapes.ttl as SPARQL queries: one for the value counts and one for
    the per-value constraints of each property shape, one for each pairwise constraint."""
    g = shapes_graph()
    checks = []
    for shape in sorted(g.subjects(RDF.type, SH.NodeShape)):
        target = g.value(shape, SH.targetClass)
        for prop in g.objects(shape, SH.property):
            checks.extend(property_checks(g, target, prop))
    return tuple(checks)


SUPPORTED = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH["class"], SH["in"], SH.pattern, SH.nodeKind,
             SH.minInclusive, SH.maxInclusive, SH.minLength, SH.uniqueLang, SH.lessThanOrEquals,
             SH.qualifiedValueShape, SH.qualifiedMinCount, SH.qualifiedMaxCount, SH.message}


def sparql_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def property_checks(g: rdflib.Graph, target, prop) -> Iterable[Check]:
    """The checks of one property shape; a check's message is the shape's sh:message or the row's ?why."""
    unknown = set(g.predicates(prop)) - SUPPORTED
    if unknown:
        raise TarikhError(f"{SHAPES}: the SPARQL validator does not know {sorted(map(str, unknown))}")
    path = sparql_path(g, g.value(prop, SH.path))
    label = path_text(g, g.value(prop, SH.path))
    head = f"?focus a {target.n3()} ."
    given = str(g.value(prop, SH.message)) if g.value(prop, SH.message) else None
    value = f"{head} ?focus {path} ?v ."
    low, high = g.value(prop, SH.minCount), g.value(prop, SH.maxCount)
    if low is not None or high is not None:
        count = "COUNT(DISTINCT ?v)"
        bounds = " || ".join(b for b in (f"{count} < {low}" if low is not None else "",
                                          f"{count} > {high}" if high is not None else "") if b)
        why = f'IF({count} < {low if low is not None else 0}, "fewer than {low} values", "more than {high} values")'
        yield Check(label, given, f"SELECT ?focus ({why} AS ?why) WHERE {{ {head} OPTIONAL {{ ?focus {path} ?v }} }} "
                                  f"GROUP BY ?focus HAVING ({bounds})")
    conditions = list(value_filters(g, prop))
    if conditions:
        why = '""'
        for message, condition in reversed(conditions):
            why = f"IF(COALESCE({condition}, false), {sparql_string(message)}, {why})"
        yield Check(label, given, f"SELECT DISTINCT ?focus ?why WHERE {{ {value} BIND({why} AS ?why) "
                                  f'FILTER(?why != "") }}')
    if g.value(prop, SH.uniqueLang) is not None and g.value(prop, SH.uniqueLang).toPython():
        yield Check(label, given or "two values share a language tag",
                    f"SELECT DISTINCT ?focus WHERE {{ {value} ?focus {path} ?w . "
                    f"FILTER(?v != ?w && lang(?v) != \"\" && lang(?v) = lang(?w)) }}")
    if (other := g.value(prop, SH.lessThanOrEquals)) is not None:
        yield Check(label, given or f"value greater than {other.n3()}",
                    f"SELECT DISTINCT ?focus WHERE {{ {value} ?focus {other.n3()} ?w . FILTER(!(?v <= ?w)) }}")
    if (shape := g.value(prop, SH.qualifiedValueShape)) is not None:
        members = " , ".join(t.n3() for t in rdflib.collection.Collection(g, g.value(shape, SH["in"])))
        low, high = g.value(prop, SH.qualifiedMinCount), g.value(prop, SH.qualifiedMaxCount)
        count = "COUNT(DISTINCT ?v)"
        bounds = " || ".join(b for b in (f"{count} < {low}" if low is not None else "",
                                          f"{count} > {high}" if high is not None else "") if b)
        yield Check(label, given or "wrong number of qualified values",
                    f"SELECT ?focus WHERE {{ {head} OPTIONAL {{ ?focus {path} ?v FILTER(?v IN ({members})) }} }} "
                    f"GROUP BY ?focus HAVING ({bounds})")


CASTABLE = {XSD.date, XSD.integer, XSD.decimal, XSD.boolean}  # ill-formed lexical forms fail the SPARQL cast


def value_filters(g: rdflib.Graph, prop) -> Iterable[tuple[str, str]]:
    """(message, SPARQL condition true for a bad ?v) for the per-value constraints of a property shape."""
    if (dt := g.value(prop, SH.datatype)) is not None:
        ill_formed = f" || COALESCE({dt.n3()}(STR(?v)) != {dt.n3()}(STR(?v)), true)" if dt in CASTABLE else ""
        yield f"value is not a {dt.n3()}", f"!isLiteral(?v) || datatype(?v) != {dt.n3()}{ill_formed}"
    if (members := g.value(prop, SH["in"])) is not None:
        terms = " , ".join(t.n3() for t in rdflib.collection.Collection(g, members))
        yield f"value not in ({terms})", f"?v NOT IN ({terms})"
    if (pattern := g.value(prop, SH.pattern)) is not None:
        yield f"value does not match {pattern}", f"isBlank(?v) || !regex(str(?v), {pattern.n3()})"
    if g.value(prop, SH.nodeKind) == SH.IRI:
        yield "value is not an IRI", "!isIRI(?v)"
    if (low := g.value(prop, SH.minInclusive)) is not None:
        yield f"value below {low}", f"!(?v >= {low.n3()})"
    if (high := g.value(prop, SH.maxInclusive)) is not None:
        yield f"value above {high}", f"!(?v <= {high.n3()})"
    if (n := g.value(prop, SH.minLength)) is not None:
        yield f"shorter than {n}", f"isBlank(?v) || STRLEN(str(?v)) < {n}"
    if (cls := g.value(prop, SH["class"])) is not None:
        yield f"value is not a {cls.n3()}", f"NOT EXISTS {{ ?v a {cls.n3()} }}"


def sparql_path(g: rdflib.Graph, path) -> str:
    inverse = g.value(path, SH.inversePath)
    return f"^{inverse.n3()}" if inverse is not None else path.n3()
