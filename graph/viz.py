"""One self-contained, offline HTML viewer of the event–actor graph (vis-network inlined, data as JSON)."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from tarikh.atomic import atomic_text
from tarikh.graph.network import PLACE_ROLE, actors_of, date_key, main_period_start, read_store, static_text, static_yaml

PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)
JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def viewer_data(graph: nx.Graph) -> dict[str, Any]:
    """What the page needs: event types with colours, events with actors and sources, actors, year span."""
    event_ids = sorted((n for n, a in graph.nodes(data=True) if a["category"] == "event"),
                       key=lambda n: date_key(graph.nodes[n]))
    counts = Counter(graph.nodes[n]["type"] for n in event_ids)
    years = [graph.nodes[n]["year"] for n in event_ids if graph.nodes[n]["year"] is not None] or [0]
    return {
        "types": [{"type": t, "colour": spec["colour"], "name": spec["name"], "count": counts[t]}
                  for t, spec in static_yaml("event_types.yaml").items() if counts[t]],
        "years": [min(years), max(years)],
        "period": [main_period_start(sorted(years)), max(years)],
        "events": [event_record(graph, n) for n in event_ids],
        "actors": [actor_record(n, a) for n, a in graph.nodes(data=True) if a["category"] == "actor"],
    }


def event_record(graph: nx.Graph, node: str) -> dict[str, Any]:
    attrs = graph.nodes[node]
    links = [{"id": actor, "role": graph.edges[node, actor]["role"],
              "forms": graph.edges[node, actor]["surface_forms"], "inferred": graph.edges[node, actor]["inferred"]}
             for actor in actors_of(graph, node)]
    if attrs["place"] in graph and graph.edges[node, attrs["place"]]["roles"] == [PLACE_ROLE]:
        links.append({"id": attrs["place"], "role": PLACE_ROLE, "forms": [], "inferred": False})
    keep = ("type", "subtype", "label", "labels", "date", "date_end", "precision", "edtf", "year", "confidence",
            "place")
    return {"id": node, **{k: attrs[k] for k in keep}, "actors": links,
            "mentions": [{k: m[k] for k in ("doc", "line", "end_line", "quote", "lang")} for m in attrs["mentions"]]}


def actor_record(node: str, attrs: dict[str, Any]) -> dict[str, Any]:
    return {"id": node, **{k: attrs[k] for k in ("label", "labels", "kind", "wikidata")}}


def script_json(data: Any) -> str:
    """JSON safe inside `<script type="application/json">`: no `<`, `>`, `&` or line separators left."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: JSON_ESCAPES[m.group()], text)


def inline_script(code: str) -> str:
    """JavaScript ready to sit inside a `<script>` element: no source-map fetch, no early `</script`."""
    return re.sub(r"</(script)", r"<\\/\1", SOURCE_MAP.sub("", code), flags=re.IGNORECASE)


def render(graph: nx.Graph, title: str = "tarikh: events and actors") -> str:
    """The viewer page for `graph`, every asset inlined."""
    parts = {
        "TITLE": title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"),
        "STYLE": static_text("viewer.css"),
        "DATA": script_json(viewer_data(graph)),
        "VIS_NETWORK": inline_script(static_text("vis-network.min.js")),
        "VIEWER": inline_script(static_text("viewer.js")),
    }
    return PLACEHOLDER.sub(lambda m: parts[m.group(1)], static_text("viewer.html"))


def write_viewer(store_dir: str | Path, out: str | Path) -> Path:
    """Write the viewer of the store at `store_dir` to `out` (atomically) and return its path."""
    graph = read_store(store_dir)
    with atomic_text(Path(out)) as handle:
        handle.write(render(graph))
    return Path(out)
