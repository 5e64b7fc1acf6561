"""The knowledge graph as networkx graphs: events and their actors, who acted with whom, party lineage.

Everything is read from the build's pyoxigraph store with the SPARQL queries in `static/network_*.rq`
(read-only: a running build or server is never disturbed). Node ids are the RDF IRIs, so a node
can always be looked up again in the store or in `events.jsonl`.
"""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

import networkx as nx

from tarikh.errors import TarikhError
from tarikh.extract.lexicon import parse_yaml
from tarikh.graph.store import open_store

TK = "https://w3id.org/tarikh/ontology#"
WIKIDATA = "http://www.wikidata.org/entity/"
ACTOR_IRI = "https://w3id.org/tarikh/id/actor/"
PLACE_ROLE = "place"
DIRECT_ROLE = "actor"
UNITS = {"unitYear": "year", "unitMonth": "month", "unitDay": "day"}


@dataclass
class Graphs:
    """The three views of one build: bipartite event–actor, actor co-participation, party lineage."""

    events_actors: nx.Graph
    coparticipation: nx.Graph
    lineage: nx.DiGraph


def load(out_dir: str | Path) -> Graphs:
    """The graphs of the build written to `out_dir` (its store is `out_dir/store`)."""
    return load_store(Path(out_dir) / "store")


def load_store(store_dir: str | Path) -> Graphs:
    """The graphs of the pyoxigraph store at `store_dir`."""
    events_actors = read_store(store_dir)
    return Graphs(events_actors, coparticipation(events_actors), lineage(events_actors))


# --- reading the store -------------------------------------------------------------------------

def static_text(name: str) -> str:
    """A file shipped in `tarikh.graph/static`."""
    return resources.files("tarikh.graph").joinpath("static", name).read_text(encoding="utf-8")


@cache
def static_yaml(name: str) -> Any:
    return parse_yaml(static_text(name))


def select(store, query_file: str) -> Iterator[dict[str, Any]]:
    """Rows of a SELECT query from `static/`, as {variable: Python value} with unbound ones left out."""
    solutions = store.query(static_text(query_file), use_default_graph_as_union=True)
    names = [variable.value for variable in solutions.variables]
    for solution in solutions:
        yield {name: solution[name] for name in names if solution[name] is not None}


def literal(term: Any) -> Any:
    """The Python value of an RDF term: int, float, bool or str (IRIs as strings)."""
    datatype = getattr(term, "datatype", None)
    kind = datatype.value.rsplit("#", 1)[-1] if datatype is not None else ""
    if kind in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger"):
        return int(term.value)
    if kind in ("decimal", "double", "float"):
        return float(term.value)
    if kind == "boolean":
        return term.value in ("true", "1")
    return term.value


def read_store(store_dir: str | Path) -> nx.Graph:
    """The event–actor graph: one node per event and per actor, an edge per participation."""
    store = open_store(store_dir)
    graph = nx.Graph()
    add_events(graph, select(store, "network_events.rq"))
    add_event_types(graph, select(store, "network_classes.rq"))
    add_actors(graph, select(store, "network_actors.rq"))
    add_labels(graph, select(store, "network_labels.rq"))
    files = {row["doc"].value: row["file"].value for row in select(store, "network_documents.rq")}
    add_mentions(graph, select(store, "network_mentions.rq"), files)
    add_participations(graph, select(store, "network_participations.rq"))
    add_direct_actors(graph, select(store, "network_direct_actors.rq"))
    add_places(graph)
    return graph


def event_type(class_iri: str | None) -> str | None:
    """`tk:Election` → `Election`; `tk:OtherEvent` → `Other`; classes that are no event type → None."""
    if not class_iri or not class_iri.startswith(TK):
        return None
    name = class_iri[len(TK):]
    name = "Other" if name == "OtherEvent" else name
    return name if name in static_yaml("event_types.yaml") else None


def add_events(graph: nx.Graph, rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        node = row["event"].value
        if node not in graph:
            graph.add_node(node, category="event", type="Other", subtype=None, label=None, labels={},
                           date=None, date_end=None, precision=None, edtf=None, earliest=None,
                           latest=None, confidence=None, place=None, mentions=[])
        attrs = graph.nodes[node]
        for key, name in (("subtype", "subtype"), ("edtf", "edtf"), ("date", "date"), ("dateEnd", "date_end"),
                          ("earliest", "earliest"), ("latest", "latest"), ("confidence", "confidence"),
                          ("place", "place")):
            if key in row:
                attrs[name] = literal(row[key])
        if "unit" in row:
            attrs["precision"] = UNITS.get(row["unit"].value.rsplit("#", 1)[-1])
        attrs["year"] = event_year(attrs)


def add_event_types(graph: nx.Graph, rows: Iterable[dict[str, Any]]) -> None:
    """An event's type is its tk: class other than tk:Event (`Other` when it has none)."""
    for row in rows:
        kind = event_type(row["class"].value)
        if kind and kind != "Other":
            graph.nodes[row["event"].value]["type"] = kind


def event_year(attrs: dict[str, Any]) -> int | None:
    """The year an event is filed under: its date's, else its earliest bound's."""
    for key in ("date", "earliest"):
        value = attrs.get(key)
        if value and re.match(r"\d{4}", value):
            return int(value[:4])
    return None


def add_actors(graph: nx.Graph, rows: Iterable[dict[str, Any]]) -> None:
    for row in rows:
        node = row["actor"].value
        if node not in graph:
            graph.add_node(node, category="actor", kind="Other", label=None, labels={}, wikidata=None)
        attrs = graph.nodes[node]
        if "kind" in row:
            attrs["kind"] = row["kind"].value
        if "sameAs" in row:
            attrs["wikidata"] = row["sameAs"].value[len(WIKIDATA):]


def add_labels(graph: nx.Graph, rows: Iterable[dict[str, Any]]) -> None:
    """Labels by language; the English one (else the first) is the node's `label`."""
    for row in rows:
        node, term = row["node"].value, row["label"]
        attrs = graph.nodes[node]
        lang = (term.language or "und").split("-")[0]
        attrs["labels"].setdefault(lang, term.value)
    for node, attrs in graph.nodes(data=True):
        labels = attrs["labels"]
        attrs["label"] = labels.get("en") or next(iter(labels.values()), None) or node.rsplit("/", 1)[-1]


def add_mentions(graph: nx.Graph, rows: Iterable[dict[str, Any]], files: dict[str, str]) -> None:
    """Each event's mentions, sorted by document and offset: doc, line, end_line, start, end, quote, lang."""
    for row in rows:
        mention = {"iri": row["mention"].value, "doc": files.get(row["doc"].value) if "doc" in row else None}
        for key, name in (("line", "line"), ("endLine", "end_line"), ("begin", "start"), ("end", "end"),
                          ("quote", "quote"), ("lang", "lang")):
            mention[name] = literal(row[key]) if key in row else None
        mention["doc"] = mention["doc"] or doc_of_mention(mention["iri"])
        graph.nodes[row["event"].value]["mentions"].append(mention)
    for _, attrs in graph.nodes(data=True):
        if attrs["category"] == "event":
            attrs["mentions"].sort(key=lambda m: (m["doc"] or "", m["start"] or 0, m["line"] or 0))


def doc_of_mention(iri: str) -> str | None:
    """`…/id/mention/<file>/<start>-<end>` → `<file>`."""
    match = re.search(r"/mention/(.+)/\d+-\d+$", iri)
    return match.group(1) if match else None


def add_participations(graph: nx.Graph, rows: Iterable[dict[str, Any]]) -> None:
    """One edge per (event, actor); every role it plays there in `roles`, joined in `role`."""
    for row in rows:
        event, actor = row["event"].value, row["actor"].value
        if actor not in graph:
            graph.add_node(actor, category="actor", kind="Other", label=actor.rsplit("/", 1)[-1], labels={},
                           wikidata=None)
        if not graph.has_edge(event, actor):
            graph.add_edge(event, actor, roles=[], surface_forms=[], inferred=True)
        edge = graph.edges[event, actor]
        role = row["role"].value if "role" in row else DIRECT_ROLE
        if role not in edge["roles"]:
            edge["roles"].append(role)
        if "surface" in row and row["surface"].value not in edge["surface_forms"]:
            edge["surface_forms"].append(row["surface"].value)
        inferred = "inferred" in row and bool(literal(row["inferred"]))
        edge["inferred"] = edge["inferred"] and inferred  # inferred only when every link to it is
    for _, _, edge in graph.edges(data=True):
        edge["roles"].sort()
        edge["role"] = ", ".join(edge["roles"])


def add_direct_actors(graph: nx.Graph, rows: Iterable[dict[str, Any]]) -> None:
    """`sem:hasActor` links that no participation describes: role `actor`."""
    rows = [row for row in rows if not graph.has_edge(row["event"].value, row["actor"].value)]
    add_participations(graph, rows)


def add_places(graph: nx.Graph) -> None:
    """An event's place is an actor too: linked with role `place` unless it already takes part."""
    for node, attrs in list(graph.nodes(data=True)):
        place = attrs.get("place") if attrs["category"] == "event" else None
        if place and not graph.has_edge(node, place):
            graph.add_edge(node, place, roles=[PLACE_ROLE], role=PLACE_ROLE, surface_forms=[], inferred=False)


# --- derived graphs ----------------------------------------------------------------------------

def events(graph: nx.Graph, year_from: int | None = None, year_to: int | None = None,
           types: Iterable[str] | None = None) -> list[str]:
    """Event nodes in a year range (inclusive) and of the given types, in date order."""
    wanted = {t.casefold() for t in types} if types else None
    chosen = []
    for node, attrs in graph.nodes(data=True):
        if attrs["category"] != "event":
            continue
        year = attrs.get("year")
        if (year_from is not None or year_to is not None) and year is None:
            continue
        if (year_from is not None and year < year_from) or (year_to is not None and year > year_to):
            continue
        if wanted is not None and attrs["type"].casefold() not in wanted:
            continue
        chosen.append(node)
    return sorted(chosen, key=lambda n: date_key(graph.nodes[n]))


def main_period_start(years: list[int], gap: int = 40) -> int:
    """The first year after the last gap of `gap` years or more that lies before most events."""
    start = years[0]
    for before, after in zip(years, years[1:]):
        if after - before >= gap and years.index(after) <= len(years) // 10:
            start = after
    return start


def date_key(attrs: dict[str, Any]) -> tuple[str, str]:
    """Sort key for events: undated ones last."""
    return (attrs.get("date") or attrs.get("earliest") or "9999", attrs.get("label") or "")


def actors_of(graph: nx.Graph, event: str, with_places: bool = False) -> list[str]:
    """The actors linked to an event (its place only when asked)."""
    return [actor for actor in graph[event]
            if with_places or graph.edges[event, actor]["roles"] != [PLACE_ROLE]]


def coparticipation(graph: nx.Graph, year_from: int | None = None, year_to: int | None = None) -> nx.Graph:
    """Actors linked when they take part in the same events; `weight` = how many, `events` = which."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    projection = nx.Graph()
    for event in events(graph, year_from, year_to):
        actors = sorted(actors_of(graph, event))
        projection.add_nodes_from((actor, graph.nodes[actor]) for actor in actors)
        for pair in itertools.combinations(actors, 2):
            shared[pair].append(event)
    projection.add_edges_from((a, b, {"weight": len(evs), "events": evs}) for (a, b), evs in shared.items())
    return projection


def lineage_direction(event_type_name: str, role: str) -> str | None:
    """`in`, `out` or None for a role of a lineage event (see static/lineage.yaml)."""
    spec = static_yaml("lineage.yaml")["events"][event_type_name]
    return spec["roles"].get(role, spec["default"])


def lineage(graph: nx.Graph) -> nx.DiGraph:
    """Parties and the foundings, mergers, renamings and dissolutions between them, directed in time.

    Edges run party → event when the party goes into the event (merged, renamed, dissolved) and
    event → party when it comes out of it (founded, merger result, new name); each edge carries the
    event's `date`, `year` and the `role`.
    """
    spec = static_yaml("lineage.yaml")
    kinds = set(spec["kinds"])
    tree = nx.DiGraph()
    for event in events(graph, types=spec["events"]):
        attrs = graph.nodes[event]
        sides = lineage_sides(graph, event, kinds)
        if spec["events"][attrs["type"]].get("successor_by_time") and len(sides) > 1 and set(sides.values()) == {"in"}:
            sides[max(sides, key=lambda actor: first_seen(graph, actor))] = "out"
        for actor, direction in sides.items():
            tree.add_node(event, **attrs)
            tree.add_node(actor, **graph.nodes[actor])
            edge = (event, actor) if direction == "out" else (actor, event)
            tree.add_edge(*edge, role=graph.edges[event, actor]["role"], date=attrs["date"], year=attrs["year"])
    return tree


def lineage_sides(graph: nx.Graph, event: str, kinds: set[str]) -> dict[str, str]:
    """The organisations of a lineage event and whether each goes `in` or comes `out`."""
    sides = {}
    for actor in actors_of(graph, event):
        if graph.nodes[actor]["kind"] not in kinds:
            continue
        directions = {lineage_direction(graph.nodes[event]["type"], role) for role in graph.edges[event, actor]["roles"]}
        if directions & {"in", "out"}:
            sides[actor] = "out" if "out" in directions else "in"
    return sides


def first_seen(graph: nx.Graph, actor: str) -> tuple[str, str]:
    """The date of an actor's earliest event (for telling an old name from a new one)."""
    return min((date_key(graph.nodes[event]) for event in graph[actor]), default=("9999", ""))


# --- answers -----------------------------------------------------------------------------------

@dataclass
class LineageAnswer:
    """A party's lineage: the events that shaped it and the organisations before and after it."""

    party: str
    events: list[str] = field(default_factory=list)
    predecessors: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)


def party_lineage(tree: nx.DiGraph, party: str) -> LineageAnswer:
    """Everything upstream and downstream of `party` in the lineage graph, in date order."""
    answer = LineageAnswer(party)
    if party not in tree:
        return answer
    before, after = nx.ancestors(tree, party), nx.descendants(tree, party)
    answer.events = sorted((n for n in before | after if tree.nodes[n]["category"] == "event"),
                           key=lambda n: date_key(tree.nodes[n]))
    answer.predecessors = ordered_parties(tree, before)
    answer.successors = ordered_parties(tree, after - before)
    return answer


def ordered_parties(tree: nx.DiGraph, nodes: set[str]) -> list[str]:
    """The organisations among `nodes`, ordered by the earliest lineage event they touch."""
    def first_date(node: str) -> tuple[str, str]:
        dates = [tree.nodes[n].get("date") or "9999" for n in itertools.chain(tree.pred[node], tree.succ[node])]
        return min(dates, default="9999"), tree.nodes[node]["label"]

    return sorted((n for n in nodes if tree.nodes[n]["category"] == "actor"), key=first_date)


def connections(graph: nx.Graph, source: str, target: str, limit: int = 3) -> list[list[str]]:
    """Up to `limit` shortest chains actor → event → actor … → actor between two actors.

    Shared places do not connect: two events in Almaty say nothing about their actors.
    """
    acting = nx.subgraph_view(graph, filter_edge=lambda a, b: graph.edges[a, b]["roles"] != [PLACE_ROLE])
    try:
        return list(itertools.islice(nx.all_shortest_paths(acting, source, target), limit))
    except nx.NetworkXNoPath:
        return []


def centrality(projection: nx.Graph, top: int = 10) -> list[dict[str, Any]]:
    """Actors ranked by betweenness then degree on a co-participation graph."""
    if projection.number_of_nodes() == 0:
        return []
    betweenness = nx.betweenness_centrality(projection, k=min(500, projection.number_of_nodes()), seed=0)
    rows = [{"id": node, "label": attrs["label"], "kind": attrs["kind"],
             "degree": projection.degree(node), "events": len({e for _, _, d in projection.edges(node, data=True)
                                                              for e in d["events"]}),
             "betweenness": betweenness[node]}
            for node, attrs in projection.nodes(data=True)]
    rows.sort(key=lambda r: (-r["betweenness"], -r["degree"], r["label"]))
    return rows[:top]


# --- names -------------------------------------------------------------------------------------

PUNCTUATION = re.compile(r"[^\w\s-]+")


def normalise(text: str) -> str:
    """Lower case, NFC, quotes and punctuation dropped, spaces collapsed; İ/I/ı/i all fold to `i`."""
    text = unicodedata.normalize("NFC", text).casefold().replace("\u0307", "").replace("ı", "i")
    return " ".join(PUNCTUATION.sub(" ", text).split())


@cache
def case_endings() -> tuple[int, tuple[str, ...]]:
    """Minimum stem length and every known ending, longest first."""
    table = static_yaml("case_endings.yaml")
    endings = {e for lang, items in table.items() if lang != "min_stem" for e in items}
    return table["min_stem"], tuple(sorted(endings, key=len, reverse=True))


@cache
def stems(word: str) -> frozenset[str]:
    """The word and what it may be without one case ending (`рсп-дан` → `рсп`)."""
    min_stem, endings = case_endings()
    found = {word}
    head, _, tail = word.rpartition("-")
    if head and tail in endings:
        found.add(head)
    found.update(word[:-len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= min_stem)
    return frozenset(found)


def name_score(query: list[str], label: list[str]) -> tuple[int, bool, float]:
    """How well a name matches a label: (3 same, 2 same words up to case endings, 1 every query
    word in the label, 0 none; whether the first words agree; share of the label matched)."""
    same = lambda q, l: bool(stems(q) & stems(l))  # noqa: E731
    if query == label:
        level = 3
    elif len(query) == len(label) and all(same(q, l) for q, l in zip(query, label)):
        level = 2
    elif all(any(same(q, l) for l in label) for q in query):
        level = 1
    else:
        return (0, False, 0.0)
    return (level, same(query[0], label[0]), len(query) / len(label))


def find_actors(graph: nx.Graph, name: str, lang: str | None = None) -> list[str]:
    """Actor nodes named `name` in any language and case ending, best match first.

    A label with the same words up to case endings (static/case_endings.yaml) wins; otherwise the
    extractor's own actor matcher is asked (when installed); otherwise the labels holding every word.
    """
    query = normalise(name).split()
    if not query:
        return []
    scored = sorted(((max(name_score(query, normalise(label).split()) for label in actor_labels(attrs)),
                      graph.degree(node), node)
                     for node, attrs in graph.nodes(data=True) if attrs["category"] == "actor"), reverse=True)
    scored = [(score, degree, node) for score, degree, node in scored if score[0]]
    if scored and scored[0][0][0] >= 2:
        return [node for score, _, node in scored if score[0] == scored[0][0][0]]
    found = [node for node in matcher_ids(name, lang) if node in graph]
    return found or [node for score, _, node in scored if score == scored[0][0]]


def actor_labels(attrs: dict[str, Any]) -> set[str]:
    return set(attrs["labels"].values()) | {attrs["label"]}


def matcher_ids(name: str, lang: str | None) -> list[str]:
    """Actor IRIs the extractor's own matcher finds in `name`, when that matcher is installed."""
    try:
        from tarikh.extract.actors import default_matcher
    except ImportError:
        return []
    found: dict[str, None] = {}
    for code in [lang] if lang else ["kk", "az", "ru"]:
        found.update((ACTOR_IRI + mention.id if "://" not in mention.id else mention.id, None)
                     for mention in default_matcher().find(name, code))
    return list(found)


def resolve_actor(graph: nx.Graph, name: str) -> str:
    """The one actor `name` most likely means; a TarikhError naming the query when none matches."""
    found = find_actors(graph, name)
    if not found:
        raise TarikhError(f"no actor named {name!r} in the graph (try another spelling or language)")
    return found[0]


# --- export ------------------------------------------------------------------------------------

def flat(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes as scalars for GraphML/GEXF: labels → label_<lang>, lists → text, None dropped."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None:
            continue
        if key == "labels":
            out.update({f"label_{lang}": text for lang, text in value.items()})
        elif key == "mentions":
            out["sources"] = "; ".join(f"{m['doc']}:{m['line']}" for m in value)
            out["quote"] = value[0]["quote"] or "" if value else ""
        elif isinstance(value, (list, tuple, set)):
            out[key] = "; ".join(map(str, value))
        elif isinstance(value, dict):
            out[key] = json.dumps(value, ensure_ascii=False)
        else:
            out[key] = value
    return out


def flattened(graph: nx.Graph) -> nx.Graph:
    """A copy of `graph` whose node and edge attributes are all scalars."""
    copy = graph.__class__()
    copy.add_nodes_from((node, flat(attrs)) for node, attrs in graph.nodes(data=True))
    copy.add_edges_from((a, b, flat(attrs)) for a, b, attrs in graph.edges(data=True))
    return copy


def export_lines(graph: nx.Graph, fmt: str) -> Iterator[str]:
    """GraphML or GEXF text of `graph`, attributes flattened, labels in every language intact."""
    writers = {"graphml": nx.generate_graphml, "gexf": nx.generate_gexf}
    if fmt not in writers:
        raise TarikhError(f"unknown export format {fmt!r}: choose graphml or gexf")
    return writers[fmt](flattened(graph))
