"""Walk the graph of events and actors built by `tarikh build`.

  central    who is at the centre of events in a period: actors ranked by how many others they
             acted with (degree) and how often they link otherwise separate groups (betweenness)
  path       how two actors are connected: the chain of events between them, with dates and sources
  lineage    a party's history: foundings, mergers, renamings, dissolutions; predecessors and successors
  timeline   the events in a period, in date order, with actors and the source line
  export     the graph as GraphML or GEXF for Gephi or Cytoscape (labels in every language kept)

Names can be written in any language and with any case ending: `Назарбаевтың`, `Qazaxıstan`,
`Nur Otan`, `«Отан»` all find their actor.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tarikh.atomic import atomic_text
from tarikh.commands._options import add_store_questions
from tarikh.errors import TarikhError

if TYPE_CHECKING:
    import networkx as nx

HELP = "traverse the event graph: central actors, paths between actors, party lineage, timeline, export"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub, store = add_store_questions(parser, "question", "QUESTION")

    central = sub.add_parser("central", parents=[store], help="the most central actors in a year range")
    add_years(central)
    central.add_argument("--top", type=int, default=10, help="how many actors to list (default 10)")
    central.add_argument("--by", choices=("betweenness", "degree"), default="betweenness", help="ranking measure")

    path = sub.add_parser("path", parents=[store], help="how two actors are connected through events")
    path.add_argument("source", metavar="A", help="an actor's name, in any language")
    path.add_argument("target", metavar="B", help="another actor's name")
    path.add_argument("--max", type=int, default=3, help="at most this many shortest chains (default 3)")

    lineage = sub.add_parser("lineage", parents=[store], help="a party's predecessors and successors, in order")
    lineage.add_argument("party", help="the party's name, in any language")

    timeline = sub.add_parser("timeline", parents=[store], help="events in date order")
    add_years(timeline)
    timeline.add_argument("--type", action="append", help="only this event type (repeatable), e.g. Election")

    export = sub.add_parser("export", parents=[store], help="write the graph for Gephi / Cytoscape")
    export.add_argument("--format", choices=("graphml", "gexf"), default="graphml")
    export.add_argument("--graph", choices=("events", "coparticipation", "lineage"), default="events",
                        help="which graph: event–actor (default), actor co-participation, party lineage")
    export.add_argument("--out", type=Path, required=True, help="the file to write")


def add_years(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="year_from", type=int, metavar="YEAR", help="first year (inclusive)")
    parser.add_argument("--to", dest="year_to", type=int, metavar="YEAR", help="last year (inclusive)")


def run(args: argparse.Namespace) -> int:
    from tarikh.graph import network

    graphs = network.load_store(args.store)
    answer = {"central": central, "path": path, "lineage": lineage, "timeline": timeline, "export": export}
    return answer[args.question](graphs, args)


def central(graphs, args: argparse.Namespace) -> int:
    from tarikh.graph.network import centrality, coparticipation

    projection = coparticipation(graphs.events_actors, args.year_from, args.year_to)
    rows = centrality(projection, top=projection.number_of_nodes())
    if args.by == "degree":
        rows.sort(key=lambda r: (-r["degree"], -r["betweenness"], r["label"]))
    rows = rows[:args.top]
    span = f"{args.year_from or '…'}–{args.year_to or '…'}"
    print(f"{projection.number_of_nodes()} actors, {projection.number_of_edges()} co-participation links, {span}")
    print(f"{'rank':>4}  {'betweenness':>11}  {'degree':>6}  {'events':>6}  actor")
    for rank, row in enumerate(rows, 1):
        print(f"{rank:>4}  {row['betweenness']:>11.4f}  {row['degree']:>6}  {row['events']:>6}  "
              f"{row['label']} ({row['kind']})")
    return 0


def describe_event(graph: nx.Graph, event: str) -> str:
    """`1991-12-21  Treaty: Almaty Declaration  [002_….txt:3]`."""
    attrs = graph.nodes[event]
    places = list(dict.fromkeys(f"{m['doc']}:{m['line']}" for m in attrs["mentions"]))
    sources = ", ".join(places[:3])
    more = f" (+{len(places) - 3})" if len(places) > 3 else ""
    return f"{attrs['date'] or 'undated':<10}  {attrs['type']}: {attrs['label']}  [{sources}{more}]"


def path(graphs, args: argparse.Namespace) -> int:
    from tarikh.graph.network import connections, resolve_actor

    graph = graphs.events_actors
    source, target = resolve_actor(graph, args.source), resolve_actor(graph, args.target)
    label = lambda node: graph.nodes[node]["label"]  # noqa: E731
    chains = connections(graph, source, target, args.max)
    if not chains:
        print(f"{label(source)} and {label(target)} are not connected through any event")
        return 1
    for number, chain in enumerate(chains, 1):
        print(f"{number}. {label(source)} → {label(target)} ({len(chain) // 2} event(s))")
        for i in range(1, len(chain), 2):
            before, event, after = chain[i - 1:i + 2]
            print(f"   {describe_event(graph, event)}")
            print(f"      {label(before)}: {graph.edges[event, before]['role']};  "
                  f"{label(after)}: {graph.edges[event, after]['role']}")
    return 0


def lineage(graphs, args: argparse.Namespace) -> int:
    from tarikh.graph.network import party_lineage, resolve_actor

    party = resolve_actor(graphs.events_actors, args.party)
    tree = graphs.lineage
    answer = party_lineage(tree, party)
    label = lambda node: tree.nodes[node]["label"] if node in tree else graphs.events_actors.nodes[node]["label"]  # noqa: E731
    print(f"{label(party)}")
    print(f"  predecessors: {', '.join(map(label, answer.predecessors)) or 'none found'}")
    print(f"  successors:   {', '.join(map(label, answer.successors)) or 'none found'}")
    for event in answer.events:
        print(f"  {describe_event(tree, event)}")
        into = [label(n) for n in tree.predecessors(event)]
        out = [label(n) for n in tree.successors(event)]
        print(f"      {' + '.join(into) or '·'} → {' + '.join(out) or '·'}")
    return 0


def timeline(graphs, args: argparse.Namespace) -> int:
    from tarikh.graph.network import actors_of, events

    graph = graphs.events_actors
    chosen = events(graph, args.year_from, args.year_to, args.type)
    for event in chosen:
        print(describe_event(graph, event))
        roles = [f"{graph.nodes[a]['label']} ({graph.edges[event, a]['role']})" for a in actors_of(graph, event)]
        if roles:
            print(f"            {'; '.join(roles)}")
    print(f"{len(chosen)} events")
    return 0


def export(graphs, args: argparse.Namespace) -> int:
    from tarikh.graph.network import export_lines

    graph = {"events": graphs.events_actors, "coparticipation": graphs.coparticipation,
             "lineage": graphs.lineage}[args.graph]
    try:
        with atomic_text(args.out) as handle:
            for line in export_lines(graph, args.format):
                handle.write(line + "\n")
    except OSError as error:
        raise TarikhError(f"{args.out}: cannot write ({error.strerror})") from None
    print(f"{args.out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges ({args.format})")
    return 0
