"""Static figures (PNG or SVG): events per type per year, and a party's lineage over time."""
from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import networkx as nx
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from tarikh.atomic import atomic_text
from tarikh.errors import TarikhError
from tarikh.graph.network import events, main_period_start, party_lineage, static_yaml

FONT = {"font.family": "DejaVu Sans"}  # bundled with matplotlib; has Kazakh Cyrillic and ə ş ğ ı İ
FORMATS = {".png": "png", ".svg": "svg"}


def new_figure(width: float, height: float) -> Figure:
    import matplotlib

    matplotlib.rcParams.update(FONT)
    return Figure(figsize=(width, height), layout="constrained")


def timeline_figure(graph: nx.Graph, year_from: int | None = None, year_to: int | None = None) -> Figure:
    """Stacked bars: how many events of each type each year.

    Without `year_from`, a few events centuries before the rest (a lone medieval date) are left
    out so the bars stay readable; the title says how many.
    """
    dated = [e for e in events(graph, year_from, year_to) if graph.nodes[e]["year"] is not None]
    if not dated:
        raise TarikhError("no dated events in that year range: nothing to plot")
    start = year_from if year_from is not None else main_period_start(sorted(graph.nodes[e]["year"] for e in dated))
    counts = Counter((graph.nodes[e]["year"], graph.nodes[e]["type"]) for e in dated if graph.nodes[e]["year"] >= start)
    left_out = len(dated) - sum(counts.values())
    years = range(min(y for y, _ in counts), max(y for y, _ in counts) + 1)
    figure = new_figure(max(8.0, min(24.0, len(years) * 0.18)), 5.0)
    axes = figure.add_subplot()
    bottom = [0] * len(years)
    for kind, spec in static_yaml("event_types.yaml").items():
        heights = [counts[(year, kind)] for year in years]
        if any(heights):
            axes.bar(list(years), heights, bottom=bottom, color=spec["colour"], label=spec["name"], width=0.85)
            bottom = [b + h for b, h in zip(bottom, heights)]
    axes.set_xlabel("year")
    axes.set_ylabel("events")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    note = f"; {left_out} earlier events not shown (use --from)" if left_out else ""
    axes.set_title(f"Events per year and type, {years[0]}–{years[-1]} ({sum(counts.values())} events{note})")
    axes.legend(ncols=2, fontsize="small", frameon=False, loc="upper left")
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def fractional_year(date: str | None) -> float | None:
    """`1999-01-19` → 1999.05; `2006-12` → 2006.96; `1925` → 1925.5."""
    if not date:
        return None
    parts = [int(p) for p in date.split("-")]
    month = (parts[1] - 0.5) / 12 if len(parts) > 1 else 0.5
    day = (parts[2] - 15) / 365 if len(parts) > 2 else 0.0
    return parts[0] + month + day


def lineage_figure(tree: nx.DiGraph, party: str) -> Figure:
    """One row per organisation in the party's lineage; arrows where one flows into another."""
    answer = party_lineage(tree, party)
    if not answer.events:
        raise TarikhError(f"no founding, merger, renaming or dissolution of {tree.nodes[party]['label'] if party in tree else party!r} in the graph")
    dated = [e for e in answer.events if fractional_year(tree.nodes[e]["date"]) is not None]
    rows = answer.predecessors + [party] + answer.successors
    row_of = {node: len(rows) - 1 - i for i, node in enumerate(rows)}
    figure = new_figure(11.0, 1.2 + 0.75 * len(rows))
    axes = figure.add_subplot()
    xs = [fractional_year(tree.nodes[e]["date"]) for e in dated]
    for node, row in row_of.items():
        span = [fractional_year(tree.nodes[e]["date"]) for e in lineage_events_of(tree, node) if e in dated]
        if span:
            axes.hlines(row, min(span), max(span), color="#bbbbbb", linewidth=6, zorder=1)
        axes.text(min(xs) - 0.02 * (max(xs) - min(xs) + 1), row, party_label(tree, node), ha="right", va="center",
                  fontsize=9, fontweight="bold" if node == party else "normal")
    colours = {kind: spec["colour"] for kind, spec in static_yaml("event_types.yaml").items()}
    for event, x in zip(dated, xs):
        attrs = tree.nodes[event]
        inflow = [row_of[n] for n in tree.predecessors(event) if n in row_of]
        outflow = [row_of[n] for n in tree.successors(event) if n in row_of]
        for start in inflow:
            for end in outflow:
                if start != end:
                    axes.annotate("", xy=(x, end), xytext=(x, start),
                                  arrowprops={"arrowstyle": "-|>", "color": colours[attrs["type"]], "lw": 1.5})
        touched = inflow + outflow
        axes.scatter([x] * len(touched), touched, s=60, color=colours[attrs["type"]], zorder=3, edgecolors="#333")
        axes.annotate(f"{attrs['date']} {static_yaml('event_types.yaml')[attrs['type']]['name']}",
                      (x, max(touched)), textcoords="offset points", xytext=(0, 9), ha="center", fontsize=7,
                      rotation=20)
    axes.set_yticks([])
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(-0.8, len(rows) - 0.2)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.set_xlabel("year")
    axes.set_title(f"Lineage of {tree.nodes[party]['label']}")
    return figure


def lineage_events_of(tree: nx.DiGraph, node: str) -> list[str]:
    """The lineage events an organisation goes into or comes out of."""
    return list(tree.predecessors(node)) + list(tree.successors(node))


def party_label(tree: nx.DiGraph, node: str) -> str:
    """English label, with the Kazakh or Azerbaijani one beneath when the text gives it."""
    attrs = tree.nodes[node]
    native = attrs["labels"].get("kk") or attrs["labels"].get("az")
    return f"{attrs['label']}\n{native}" if native and native != attrs["label"] else attrs["label"]


def save(figure: Figure, out: str | Path) -> Path:
    """Write the figure as PNG or SVG (by the file's suffix), atomically."""
    out = Path(out)
    fmt = FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise TarikhError(f"{out}: unknown figure format {out.suffix!r}; use .png or .svg")
    data = io.BytesIO()
    figure.savefig(data, format=fmt, dpi=150)
    with atomic_text(out) as handle:
        handle.flush()
        handle.buffer.write(data.getvalue())  # the bytes as rendered, through the atomic temp file
    return out
