"""Draw figures of the event graph for papers and slides (PNG or SVG, by the file's suffix).

  timeline         how many events of each type the texts report for each year (stacked bars)
  lineage PARTY    a party's history: the organisations it came from and became, with the dates of
                   foundings, mergers, renamings and dissolutions (name in any language)

Kazakh and Azerbaijani names are drawn with DejaVu Sans, which has all their letters.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from tarikh.commands._options import add_store_questions

HELP = "draw figures: events per year and type, a party's lineage (PNG or SVG)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub, store = add_store_questions(parser, "figure", "FIGURE")
    timeline = sub.add_parser("timeline", parents=[store], help="events per type per year, stacked bars")
    timeline.add_argument("--from", dest="year_from", type=int, metavar="YEAR", help="first year (inclusive)")
    timeline.add_argument("--to", dest="year_to", type=int, metavar="YEAR", help="last year (inclusive)")
    timeline.add_argument("--out", type=Path, default=Path("out/timeline.png"), help="file (.png or .svg)")
    lineage = sub.add_parser("lineage", parents=[store], help="a party's predecessors and successors over time")
    lineage.add_argument("party", help="the party's name, in any language")
    lineage.add_argument("--out", type=Path, default=Path("out/lineage.png"), help="file (.png or .svg)")


def run(args: argparse.Namespace) -> int:
    from tarikh.graph import network, plots

    graphs = network.load_store(args.store)
    if args.figure == "timeline":
        figure = plots.timeline_figure(graphs.events_actors, args.year_from, args.year_to)
    else:
        figure = plots.lineage_figure(graphs.lineage, network.resolve_actor(graphs.events_actors, args.party))
    print(f"{plots.save(figure, args.out)}")
    return 0
