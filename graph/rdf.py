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
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

from pyoxigraph import Quad, RdfFormat, Triple, parse, serialize

from tarikh.atomic import atomic_text
from tarikh.errors import TarikhError
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
DEFAULT = ""  # the default graph's name in a quad tuple
ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')

# Terms are N-Triples strings: Python builds, sorts and de-duplicates plain strings fast, and
# pyoxigraph (Rust) parses the result once for serialisation, validation and the store.


@lru_cache(maxsize=None)
def iri(value: str) -> str:
    """`<value>`, refusing what is not an IRI (cached: the same IRIs recur thousands of times)."""
    if BAD_IRI.search(value) or ":" not in value:
        raise ValueError(f"not an IRI: {value!r}")
    return f"<{value}>"


def tk(local: str) -> str:
    return iri(TK + local)


def literal(text: str, language: str | None = None, datatype: str | None = None) -> str:
    quoted = '"' + str(text).translate(ESCAPES) + '"'
    if language:
        return f"{quoted}@{language}"
    return f"{quoted}^^<{datatype}>" if datatype else quoted


A = iri(RDF + "type")
LABEL = iri(RDFS + "label")


def integer(value: int) -> str:
    return literal(str(int(value)), datatype=XSD + "integer")


def boolean(value: bool) -> str:
    return literal("true" if value else "false", datatype=XSD + "boolean")


def decimal(value: float) -> str:
    """xsd:decimal with at most 4 fraction digits and no trailing zeros (`0.9`, `1`)."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return literal(text or "0", datatype=XSD + "decimal")


def date_literal(value: str) -> str:
    return literal(value, datatype=XSD + "date")


def document_iri(name: str) -> str:
    return iri(ID + "doc/" + quote(name, safe=""))


def mention_iri(mention: dict) -> str:
    return iri(f"{ID}mention/{quote(mention['doc'], safe='')}/{mention['start']}-{mention['end']}")


def local_name(term: str) -> str:
    """The last path segment of an `<iri>` term."""
    return term[1:-1].rsplit("/", 1)[-1]


@lru_cache(maxsize=1)
def role_properties() -> dict[str, str]:
    """tk:role value → the role property that stands for it (read from the ontology's tk:roleName)."""
    triples = parse(path=str(ontology_path("tarikh.ttl")), format=RdfFormat.TURTLE)
    role_name = TK + "roleName"
    return {t.object.value: iri(t.subject.value) for t in triples if t.predicate.value == role_name}


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


def activity_iri(name: str, release: str) -> str:
    return iri(f"{ID}activity/{quote(name, safe='')}-{quote(release, safe='')}")


@dataclass(frozen=True)
class EventGraph:
    """The RDF of one build: sorted, de-duplicated quads of N-Triples term strings `(s, p, o, g)`,
    `g` empty for the default graph (merged events and actors), a document IRI for its named graph."""

    quads: tuple[tuple[str, str, str, str], ...]

    def __len__(self) -> int:
        return len(self.quads)

    def __iter__(self) -> Iterator[Quad]:
        """The quads as pyoxigraph Quads."""
        return iter(parse(self.nquads(), format=RdfFormat.N_QUADS))

    def nquads(self) -> bytes:
        return "".join(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n"
                       for s, p, o, g in self.quads).encode("utf-8")

    @cached_property
    def _ntriples(self) -> bytes:
        return "".join(sorted({f"{s} {p} {o} .\n" for s, p, o, _ in self.quads})).encode("utf-8")

    def ntriples(self) -> bytes:
        """The union of all graphs as sorted, de-duplicated N-Triples."""
        return self._ntriples

    def triples(self) -> list[Triple]:
        """The union of all graphs as pyoxigraph Triples, sorted."""
        return [quad.triple for quad in parse(self._ntriples, format=RdfFormat.N_TRIPLES)]

    def triple_count(self) -> int:
        return self._ntriples.count(b"\n")

    def graph_names(self) -> list[str]:
        """The named graphs' IRIs (one per document)."""
        return sorted({g[1:-1] for *_, g in self.quads if g})


class _Builder:
    """Accumulates quads; actor descriptions are merged over all events before they are emitted."""

    def __init__(self) -> None:
        self.quads: set[tuple[str, str, str, str]] = set()
        self.actor_kinds: dict[str, Counter] = defaultdict(Counter)
        self.actor_labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
        self.actor_wikidata: dict[str, set[str]] = defaultdict(set)
        self.place_ids: set[str] = set()

    def add(self, s: str, p: str, o: str, g: str = DEFAULT) -> None:
        self.quads.add((s, p, o, g))

    def document(self, doc: dict) -> None:
        d = document_iri(doc["name"])
        self.add(d, A, tk("Document"), d)
        self.add(d, tk("fileName"), literal(doc["name"]), d)
        for key in ("sha256", "lang", "encoding"):
            if doc.get(key):
                self.add(d, tk(key), literal(str(doc[key])), d)
        if doc.get("chars") is not None:
            self.add(d, tk("chars"), integer(doc["chars"]), d)

    def event(self, event: dict) -> None:
        e = iri(event["id"])
        self.add(e, A, tk("Event"))
        self.add(e, A, tk(EVENT_CLASS.get(event["type"], event["type"])))
        self.add(e, LABEL, literal(event["label"], language="en"))
        for lang, text in sorted((event.get("labels") or {}).items()):
            if lang != "en" and text:
                self.add(e, LABEL, literal(text, language=lang))
        if event.get("subtype"):
            self.add(e, tk("subtype"), literal(event["subtype"]))
        self.event_dates(e, event)
        self.add(e, tk("confidence"), decimal(event["confidence"]))
        for conflict in event.get("conflicts") or []:
            if conflict.get("date"):
                self.add(e, tk("conflictingDate"), literal(str(conflict["date"])))
        name, release = extractor_of(event)
        activity = activity_iri(name, release)
        self.add(e, iri(PROV + "wasGeneratedBy"), activity)
        self.add(activity, A, iri(PROV + "Activity"))
        self.add(activity, tk("extractorName"), literal(name))
        self.add(activity, tk("extractorVersion"), literal(release))
        if event.get("place"):
            self.place(e, event["place"])
        mentions = [self.mention(e, m) for m in event["mentions"]]
        for actor in event["actors"]:
            self.participation(e, actor, mentions)

    def event_dates(self, e: str, event: dict) -> None:
        date, date_end = event.get("date"), event.get("date_end")
        if date:
            self.add(e, tk("date"), literal(date))
        if date_end:
            self.add(e, tk("dateEnd"), literal(date_end))
        edtf = edtf_of(event)
        if edtf:
            self.add(e, tk("edtf"), literal(edtf))
        if event.get("precision") in PRECISION_UNIT:
            self.add(e, iri(TIME + "unitType"), iri(TIME + PRECISION_UNIT[event["precision"]]))
        earliest, latest = date_bounds(date, date_end)
        earliest, latest = event.get("earliest") or earliest, event.get("latest") or latest
        if earliest:
            self.add(e, iri(SEM + "hasEarliestBeginTimeStamp"), date_literal(earliest))
        if latest:
            self.add(e, iri(SEM + "hasLatestEndTimeStamp"), date_literal(latest))

    def place(self, e: str, place: dict) -> None:
        self.add(e, iri(SEM + "hasPlace"), iri(place["id"]))
        self.place_ids.add(place["id"])
        if place.get("label"):
            self.actor_labels[(place["id"], "en")][place["label"]] += 1
        if place.get("wikidata"):
            self.actor_wikidata[place["id"]].add(place["wikidata"])

    def mention(self, e: str, mention: dict) -> tuple[dict, str, str]:
        m, g = mention_iri(mention), document_iri(mention["doc"])
        self.add(e, iri(GAF + "denotedBy"), m, g)
        self.add(m, A, tk("Mention"), g)
        self.add(m, tk("document"), g, g)
        self.add(m, tk("line"), integer(mention["line"]), g)
        if mention.get("end_line"):
            self.add(m, tk("endLine"), integer(mention["end_line"]), g)
        self.add(m, iri(NIF + "beginIndex"), integer(mention["start"]), g)
        self.add(m, iri(NIF + "endIndex"), integer(mention["end"]), g)
        self.add(m, iri(NIF + "anchorOf"), literal(mention["text"]), g)
        self.add(m, tk("lang"), literal(mention["lang"]), g)
        if mention.get("date_text"):
            self.add(m, tk("dateText"), literal(mention["date_text"]), g)
        if (mention.get("trigger") or {}).get("text"):
            self.add(m, tk("triggerText"), literal(mention["trigger"]["text"]), g)
        return mention, m, g

    def participation(self, e: str, actor: dict, mentions: list[tuple[dict, str, str]]) -> None:
        _, m, g = supporting_mention(actor, mentions)
        a, role = iri(actor["id"]), actor["role"]
        key = quote(f"{local_name(a)}~{role}~{m[1:-1].rsplit('/', 2)[-1]}", safe="~-._")
        p = iri(f"{ID}participation/{local_name(e)}/{key}")
        self.add(e, tk("participation"), p, g)
        self.add(e, iri(SEM + "hasActor"), a, g)
        if role in role_properties():
            self.add(e, role_properties()[role], a, g)
        self.add(p, A, tk("Participation"), g)
        self.add(p, tk("actor"), a, g)
        self.add(p, tk("role"), literal(role), g)
        if actor.get("text"):
            self.add(p, tk("surfaceForm"), literal(actor["text"]), g)
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
            self.add(a, tk("kind"), literal(kind))
            for qid in self.actor_wikidata.get(actor_id, ()):
                self.add(a, iri(OWL + "sameAs"), iri(WD + qid))
        for (actor_id, lang), labels in self.actor_labels.items():
            self.add(iri(actor_id), LABEL, literal(most_common(labels), language=lang))


def most_common(counts: Counter) -> str:
    """The most frequent key; ties broken by sort order, so the result does not depend on input order."""
    return min(counts.items(), key=lambda item: (-item[1], item[0]))[0]


def supporting_mention(actor: dict, mentions: list[tuple[dict, str, str]]) -> tuple[dict, str, str]:
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
        try:
            builder.event(event)
        except (KeyError, ValueError) as error:
            raise TarikhError(f"event {event.get('id', '?')}: cannot convert to RDF: {error}") from None
    builder.actors()
    return EventGraph(tuple(sorted(builder.quads)))


def turtle_bytes(graph: EventGraph) -> bytes:
    """The union of all graphs as Turtle, triples sorted: byte-identical for equal input."""
    return serialize(graph.triples(), format=RdfFormat.TURTLE, prefixes=PREFIXES)


def write_turtle(graph: EventGraph, path: Path) -> None:
    """Write the whole graph as Turtle (graph.ttl), atomically."""
    with atomic_text(Path(path)) as handle:
        handle.write(turtle_bytes(graph).decode("utf-8"))
