"""Exports of a built store: Turtle, N-Triples, JSON-LD, TriG (one named graph per source document,
plus the merged core graph) and a CSV table of events. All sorted, all written atomically."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from pyoxigraph import RdfFormat, Store, serialize

from tarikh.atomic import atomic_text
from tarikh.graph.rdf import PREFIXES

FORMATS = {"turtle": ("ttl", RdfFormat.TURTLE), "ntriples": ("nt", RdfFormat.N_TRIPLES),
           "jsonld": ("jsonld", RdfFormat.JSON_LD), "trig": ("trig", RdfFormat.TRIG), "csv": ("csv", None)}

EVENTS_CSV = """PREFIX tk: <https://w3id.org/tarikh/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
SELECT ?id ?type ?date ?label
       (GROUP_CONCAT(DISTINCT ?actorLabel; separator="; ") AS ?actors)
       (MIN(?ref) AS ?first_mention) WHERE {
  ?id a tk:Event , ?class ; rdfs:label ?label ; gaf:denotedBy ?m .
  FILTER(?class != tk:Event && STRSTARTS(STR(?class), STR(tk:)) && lang(?label) = "en")
  ?m tk:document/tk:fileName ?doc ; tk:line ?line .
  BIND(CONCAT(?doc, ":", SUBSTR(CONCAT("0000000", STR(?line)), STRLEN(STR(?line)) + 1)) AS ?ref)
  OPTIONAL { ?id tk:date ?date }
  OPTIONAL { ?id sem:hasActor/rdfs:label ?actorLabel . FILTER(lang(?actorLabel) = "en") }
  BIND(STRAFTER(STR(?class), "#") AS ?type)
}
GROUP BY ?id ?type ?date ?label
ORDER BY ?date ?id"""


def export_text(store: Store, format: str) -> str:
    """The store in one of FORMATS, as text."""
    if format == "csv":
        return events_csv(store)
    rdf_format = FORMATS[format][1]
    if format == "trig":
        quads = sorted(store, key=lambda q: (str(q.graph_name), str(q.triple)))
        return serialize(quads, format=rdf_format, prefixes=PREFIXES).decode("utf-8")
    triples = sorted({q.triple for q in store}, key=str)
    prefixes = PREFIXES if format != "ntriples" else None
    return serialize(triples, format=rdf_format, prefixes=prefixes).decode("utf-8")


def events_csv(store: Store) -> str:
    """One row per event: id, type, date, label, actors, first mention (doc:line)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "type", "date", "label", "actors", "first_mention"])
    for row in store.query(EVENTS_CSV, use_default_graph_as_union=True):
        ref = row["first_mention"].value
        doc, _, line = ref.rpartition(":")
        writer.writerow([row["id"].value, row["type"].value, row["date"].value if row["date"] else "",
                         row["label"].value, "; ".join(sorted(row["actors"].value.split("; "))) if row["actors"] else "",
                         f"{doc}:{int(line)}"])
    return out.getvalue()


def export(store: Store, format: str, path: Path) -> Path:
    with atomic_text(path) as handle:
        handle.write(export_text(store, format))
    return path
