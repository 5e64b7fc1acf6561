"""Events → RDF quads in the tarikh shape (see ontology/tarikh.ttl), serialised deterministically.

Where the triples go (so that one document's facts can be replaced):
  default graph          the merged event nodes (types, labels, dates, confidence, place, extractor) and
                         actor nodes (kind, labels, owl:sameAs), which several documents may support;
  graph <…/id/doc/NAME>  everything that document supports: the tk:Document node, its mentions, the
                         `gaf:denotedBy` links to them, and the participations derived from them
                         (`tk:participation`, `sem:hasActor`, role properties such as `tk:winner`).
Dropping a document's graph therefore removes its mentions and participations; an event left without
any `gaf:denotedBy` is no longer told by any text. Queries run over the union of all graphs.

Triples are built directly as pyoxigraph terms and serialised by pyoxigraph (Rust): the whole corpus
converts in a fraction of a second. Output is sorted, so equal events give byte-identical files.
"""
from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from tarikh.atomic import atomic_text
from tarikh.ontology import path as ontology_path

TK = "https://w3id.org/tarikh/ontology#"
ID = "https://w3id.org/tarikh/id/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
TIME = "http://www.w3.org/2006/time#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
GAF = "http://groundedannotationframework.org/gaf#"
WD = "http://www.wikidata.org/entity/"

PREFIXES = {
    "tk": TK, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "sem": SEM, "schema": SCHEMA,
    "prov": PROV, "time": TIME, "nif": NIF, "gaf": GAF, "wd": WD,
    "event": ID + "event/", "actor": ID + "actor/", "doc": ID + "doc/", "mention": ID + "mention/",
    "participation": ID + "participation/", "activity": ID + "activity/",
}

EVENT_CLASS = {"Other": "OtherEvent"}  # events.jsonl type → tk class local name, where they differ
ACTOR_CLASS = {"Other": "OtherActor"}
PRECISION_UNIT = {"year": "unitYear", "month": "unitMonth", "day": "unitDay"}
DEFAULT_GRAPH = DefaultGraph()


@lru_cache(maxsize=None)
def iri(value: str) -> NamedNode:
    """A cached NamedNode: the same IRIs recur thousands of times."""
    return NamedNode(value)


def tk(local: str) -> NamedNode:
    return iri(TK + local)


A = iri(RDF + "type")
LABEL = iri(RDFS + "label")
XSD_INTEGER = iri(XSD + "integer")
XSD_DECIMAL = iri(XSD + "decimal")
XSD_BOOLEAN = iri(XSD + "boolean")
XSD_DATE = iri(XSD + "date")


def integer(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD_INTEGER)


def boolean(value: bool) -> Literal:
    return Literal("true" if value else "false", datatype=XSD_BOOLEAN)


def decimal(value: float) -> Literal:
    """xsd:decimal with at most 4 fraction digits and no trailing zeros (`0.9`, `1`)."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return Literal(text or "0", datatype=XSD_DECIMAL)


def document_iri(name: str) -> NamedNode:
    return iri(ID + "doc/" + quote(name, safe=""))


def mention_iri(mention: dict) -> NamedNode:
    return iri(f"{ID}mention/{quote(mention['doc'], safe='')}/{mention['start']}-{mention['end']}")


@lru_cache(maxsize=1)
def role_properties() -> dict[str, NamedNode]:
    """tk:role value → the role property that stands for it (read from the ontology's tk:roleName)."""
    triples = parse(path=str(ontology_path("tarikh.ttl")), format=RdfFormat.TURTLE)
    role_name = TK + "roleName"
    return {t.object.value: t.subject for t in triples if t.predicate.value == role_name}


def date_bounds(date: str | None, date_end: str | None) -> tuple[str | None, str | None]:
    """xsd:date bounds of the interval an ISO date (or date..date_end) at its own precision covers."""
    if not date:
        return None, None
    last = date_end or date
    earliest = (date + "-01-01")[:10] if len(date) == 4 else (date + "-01")[:10]
    year, month = int(last[:4]), int(last[5:7]) if len(last) >= 7 else 12
    day = int(last[8:10]) if len(last) == 10 else calendar.monthrange(year, month)[1]
    return earliest, f"{year:04d}-{month:02d}-{day:02d}"


def edtf_of(event: dict) -> str | None:
    """The event's EDTF string: given, or built from date and date_end."""
    if event.get("edtf"):
        return event["edtf"]
    if not event.get("date"):
        return None
    return f"{event['date']}/{event['date_end']}" if event.get("date_end") else event["date"]


def extractor_of(event: dict) -> tuple[str, str]:
    info = event.get("extractor") or {}
    return str(info.get("name") or "tarikh"), str(info.get("version") or tarikh_version())


@lru_cache(maxsize=1)
def tarikh_version() -> str:
    try:
        return version("tarikh")
    except PackageNotFoundError:
        return "0"


def activity_iri(name: str, release: str) -> NamedNode:
    return iri(f"{ID}activity/{quote(name, safe='')}-{quote(release, safe='')}")


@dataclass(frozen=True)
class EventGraph:
    """The RDF of one build: sorted, de-duplicated quads (default graph + one named graph per document)."""

    quads: tuple[Quad, ...]

    def __len__(self) -> int:
        return len(self.quads)

    def __iter__(self) -> Iterator[Quad]:
        return iter(self.quads)

    def triples(self) -> list[Triple]:
        """The union of all graphs as sorted, de-duplicated triples."""
        return sorted({q.triple for q in self.quads}, key=str)

    def graph(self, name: NamedNode | DefaultGraph) -> list[Triple]:
        """The triples of one graph."""
        return [q.triple for q in self.quads if q.graph_name == name]

    def graph_names(self) -> list[NamedNode]:
        return sorted({q.graph_name for q in self.quads if q.graph_name != DEFAULT_GRAPH}, key=str)


class _Builder:
    """Accumulates quads; actor descriptions are merged over all events before they are emitted."""

    def __init__(self) -> None:
        self.quads: set[Quad] = set()
        self.actor_kinds: dict[str, Counter] = defaultdict(Counter)
        self.actor_labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.actor_wikidata: dict[str, set[str]] = defaultdict(set)
        self.place_ids: set[str] = set()

    def add(self, s: NamedNode, p: NamedNode, o, g=DEFAULT_GRAPH) -> None:
        self.quads.add(Quad(s, p, o, g))

    def document(self, doc: dict) -> None:
        d = document_iri(doc["name"])
        self.add(d, A, tk("Document"), d)
        self.add(d, tk("fileName"), Literal(doc["name"]), d)
        for key, prop in (("sha256", "sha256"), ("lang", "lang"), ("encoding", "encoding")):
            if doc.get(key):
                self.add(d, tk(prop), Literal(str(doc[key])), d)
        if doc.get("chars") is not None:
            self.add(d, tk("chars"), integer(doc["chars"]), d)

    def event(self, event: dict) -> None:
        e = iri(event["id"])
        self.add(e, A, tk("Event"))
        self.add(e, A, tk(EVENT_CLASS.get(event["type"], event["type"])))
        self.add(e, LABEL, Literal(event["label"], language="en"))
        for lang, text in sorted((event.get("labels") or {}).items()):
            if lang != "en" and text:
                self.add(e, LABEL, Literal(text, language=lang))
        if event.get("subtype"):
            self.add(e, tk("subtype"), Literal(event["subtype"]))
        self.event_dates(e, event)
        self.add(e, tk("confidence"), decimal(event["confidence"]))
        for conflict in event.get("conflicts") or []:
            if conflict.get("date"):
                self.add(e, tk("conflictingDate"), Literal(str(conflict["date"])))
        activity = activity_iri(*extractor_of(event))
        self.add(e, iri(PROV + "wasGeneratedBy"), activity)
        self.add(activity, A, iri(PROV + "Activity"))
        self.add(activity, tk("extractorName"), Literal(extractor_of(event)[0]))
        self.add(activity, tk("extractorVersion"), Literal(extractor_of(event)[1]))
        if event.get("place"):
            self.place(e, event["place"])
        mentions = [self.mention(e, m) for m in event["mentions"]]
        for actor in event["actors"]:
            self.participation(e, event, actor, mentions)

    def event_dates(self, e: NamedNode, event: dict) -> None:
        date, date_end = event.get("date"), event.get("date_end")
        if date:
            self.add(e, tk("date"), Literal(date))
        if date_end:
            self.add(e, tk("dateEnd"), Literal(date_end))
        edtf = edtf_of(event)
        if edtf:
            self.add(e, tk("edtf"), Literal(edtf))
        if event.get("precision") in PRECISION_UNIT:
            self.add(e, iri(TIME + "unitType"), iri(TIME + PRECISION_UNIT[event["precision"]]))
        earliest, latest = date_bounds(date, date_end)
        earliest, latest = event.get("earliest") or earliest, event.get("latest") or latest
        if earliest:
            self.add(e, iri(SEM + "hasEarliestBeginTimeStamp"), Literal(earliest, datatype=XSD_DATE))
        if latest:
            self.add(e, iri(SEM + "hasLatestEndTimeStamp"), Literal(latest, datatype=XSD_DATE))

    def place(self, e: NamedNode, place: dict) -> None:
        self.add(e, iri(SEM + "hasPlace"), iri(place["id"]))
        self.place_ids.add(place["id"])
        if place.get("label"):
            self.actor_labels[(place["id"], "en")][place["label"]] += 1

    def mention(self, e: NamedNode, mention: dict) -> tuple[dict, NamedNode, NamedNode]:
        m, g = mention_iri(mention), document_iri(mention["doc"])
        self.add(e, iri(GAF + "denotedBy"), m, g)
        self.add(m, A, tk("Mention"), g)
        self.add(m, tk("document"), g, g)
        self.add(m, tk("line"), integer(mention["line"]), g)
        if mention.get("end_line"):
            self.add(m, tk("endLine"), integer(mention["end_line"]), g)
        self.add(m, iri(NIF + "beginIndex"), integer(mention["start"]), g)
        self.add(m, iri(NIF + "endIndex"), integer(mention["end"]), g)
        self.add(m, iri(NIF + "anchorOf"), Literal(mention["text"]), g)
        self.add(m, tk("lang"), Literal(mention["lang"]), g)
        if mention.get("date_text"):
            self.add(m, tk("dateText"), Literal(mention["date_text"]), g)
        return mention, m, g

    def participation(self, e: NamedNode, event: dict, actor: dict,
                      mentions: list[tuple[dict, NamedNode, NamedNode]]) -> None:
        _, m, g = supporting_mention(actor, mentions)
        a, role = iri(actor["id"]), actor["role"]
        key = quote(f"{actor['id'].rsplit('/', 1)[-1]}~{role}~{m.value.rsplit('/', 2)[-1]}", safe="~-._")
        p = iri(f"{ID}participation/{e.value.rsplit('/', 1)[-1]}/{key}")
        self.add(e, tk("participation"), p, g)
        self.add(e, iri(SEM + "hasActor"), a, g)
        if role in role_properties():
            self.add(e, role_properties()[role], a, g)
        self.add(p, A, tk("Participation"), g)
        self.add(p, tk("actor"), a, g)
        self.add(p, tk("role"), Literal(role), g)
        if actor.get("text"):
            self.add(p, tk("surfaceForm"), Literal(actor["text"]), g)
        self.add(p, tk("inferred"), boolean(actor.get("inferred", False)), g)
        self.add(p, iri(PROV + "wasDerivedFrom"), m, g)
        self.actor_kinds[actor["id"]][actor["kind"]] += 1
        self.actor_labels[(actor["id"], "en")][actor["label"]] += 1
        for lang, text in (actor.get("labels") or {}).items():
            if lang != "en" and text:
                self.actor_labels[(actor["id"], lang)][text] += 1
        if actor.get("wikidata"):
            self.actor_wikidata[actor["id"]].add(actor["wikidata"])

    def actors(self) -> None:
        """Emit each actor once, with its most frequent kind and label per language."""
        for actor_id in set(self.actor_kinds) | self.place_ids:
            a = iri(actor_id)
            kind = most_common(self.actor_kinds[actor_id]) if self.actor_kinds.get(actor_id) else "Place"
            self.add(a, A, tk("Actor"))
            self.add(a, A, tk(ACTOR_CLASS.get(kind, kind)))
            self.add(a, tk("kind"), Literal(kind))
            for qid in self.actor_wikidata.get(actor_id, ()):
                self.add(a, iri(OWL + "sameAs"), iri(WD + qid))
        for (actor_id, lang), labels in self.actor_labels.items():
            self.add(iri(actor_id), LABEL, Literal(most_common(labels), language=lang))


def most_common(counts: Counter) -> str:
    """The most frequent key; ties broken by sort order, so the result does not depend on input order."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def supporting_mention(actor: dict, mentions: list[tuple[dict, NamedNode, NamedNode]]):
    """The event mention the actor was read from: the one holding its offsets, else the first in its document."""
    same_doc = [m for m in mentions if m[0]["doc"] == actor.get("doc")]
    start = actor.get("start")
    for m in same_doc:
        if start is not None and m[0]["start"] <= start < m[0]["end"]:
            return m
    return (same_doc or mentions)[0]


def to_dataset(events: list[dict], documents: list[dict]) -> EventGraph:
    """The RDF of a build's events and source documents."""
    builder = _Builder()
    for doc in documents:
        builder.document(doc)
    for event in events:
        builder.event(event)
    builder.actors()
    return EventGraph(tuple(sorted(builder.quads, key=str)))


def turtle_bytes(graph: EventGraph) -> bytes:
    """The union of all graphs as Turtle, triples sorted: byte-identical for equal input."""
    return serialize(graph.triples(), format=RdfFormat.TURTLE, prefixes=PREFIXES)


def write_turtle(graph: EventGraph, path: Path) -> None:
    """Write the whole graph as Turtle (graph.ttl), atomically."""
    with atomic_text(Path(path)) as handle:
        handle.write(turtle_bytes(graph).decode("utf-8"))


def write_quads(quads: Iterable[Quad], path: Path, format: RdfFormat) -> None:
    """Write quads (TriG, N-Quads) atomically, sorted by graph then triple."""
    ordered = sorted(quads, key=lambda q: (str(q.graph_name), str(q.triple)))
    with atomic_text(Path(path)) as handle:
        handle.write(serialize(ordered, format=format, prefixes=PREFIXES).decode("utf-8"))
