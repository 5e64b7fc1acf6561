"""List the people, parties, movements, states, bodies and places a text names: one JSON object per mention.

  tarikh actors corpus/004_….txt        every mention in a document, after the text layer has repaired it
                                        (line-end hyphens, running headers); the document's own
                                        abbreviation list and `Full Name (ABBR)` pairs are learned first
  tarikh actors --per-line names.txt     each line read on its own; `input_line` gives the line number
  echo "Н.Ә.Назарбаевтың" | tarikh actors - --per-line
  tarikh actors corpus/001_….txt --summary

Each object: `text` (as written), `start`/`end` (offsets in the input file, or in the line with
--per-line), `line`, `id` (a stable slug: `nursultan-nazarbayev`; `office:president-of-kazakhstan` for a
title such as «Мемлекет басшысы», which the event stage resolves to the holder at the event's date;
`learned:…` for an abbreviation the document defines; `detected:…` for a name the gazetteer does not
know), `label` (English), `kind` (Person, Party, Movement, State, Organisation, Body, Place),
`wikidata` (where certain) and `source` (gazetteer, learned, title, detected).

--summary prints instead: distinct actors by kind, how many have a Wikidata id, mentions by source, and
the ten most frequent capitalised words that matched nothing (candidates for the gazetteer).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator

from tarikh.commands._options import add_text_input
from tarikh.commands.dates import read_input
from tarikh.extract.aliases import learn_aliases
from tarikh.extract.text import prepare

if TYPE_CHECKING:  # the matcher loads spaCy: imported when the command runs, not when the CLI starts
    from tarikh.extract.aliases import AliasTable
    from tarikh.extract.model import ActorMention

HELP = "list the actors and places a text names (persons, parties, states, bodies…) as JSON lines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_text_input(parser, "language (default: per paragraph from the text layer, or from the script)")
    parser.add_argument("--summary", action="store_true", help="print counts instead of the mentions")


@dataclass
class Unit:
    """A stretch of text read as one (a line, or a paragraph of the clean text) and how to report its mentions."""

    text: str
    lang: str
    aliases: AliasTable | None
    report: Callable[[ActorMention], dict[str, Any]]


def record(mention: ActorMention, text: str, start: int, end: int, **extra: Any) -> dict[str, Any]:
    return {"text": text, "start": start, "end": end, **extra, "id": mention.id, "label": mention.label,
            "kind": mention.kind, "wikidata": mention.wikidata, "source": mention.source}


def lines(text: str, lang: str | None) -> Iterator[Unit]:
    """Each line on its own; offsets in the line, `input_line` its number."""
    from tarikh.extract.dates import detect_lang

    for number, line in enumerate(text.splitlines(), 1):
        yield Unit(line, lang or detect_lang(line), None,
                   lambda m, number=number: record(m, m.text, m.start, m.end, input_line=number))


def paragraphs(text: str, name: str, lang: str | None) -> Iterator[Unit]:
    """The paragraphs of the clean text, with the document's learned aliases; offsets in the input file."""
    source = prepare(text, name)
    aliases = learn_aliases(source)
    for paragraph in source.paragraphs:
        def report(m: ActorMention, base: int = paragraph.start) -> dict[str, Any]:
            start, end = source.raw_span(base + m.start, base + m.end)
            return record(m, source.raw[start:end], start, end, line=source.line_of(start))
        yield Unit(source.clean[paragraph.start:paragraph.end], lang or paragraph.lang, aliases, report)


def summary(records: list[dict[str, Any]], unmatched: Counter) -> dict[str, Any]:
    actors = {r["id"]: r for r in records}
    return {
        "mentions": len(records),
        "actors_by_kind": dict(Counter(r["kind"] for r in actors.values()).most_common()),
        "actors_with_wikidata": sum(1 for r in actors.values() if r["wikidata"]),
        "mentions_by_source": dict(Counter(r["source"] for r in records).most_common()),
        "actors_by_source": dict(Counter(r["source"] for r in actors.values()).most_common()),
        "top_unmatched_capitalised": unmatched.most_common(10),
    }


def run(args: argparse.Namespace) -> int:
    from tarikh.extract.actors import default_matcher, unmatched_names

    text = read_input(args.file)
    matcher = default_matcher()
    records, unmatched = [], Counter()
    for unit in lines(text, args.lang) if args.per_line else paragraphs(text, args.file, args.lang):
        mentions = matcher.find(unit.text, unit.lang, unit.aliases)
        if args.summary:
            unmatched.update(unmatched_names(unit.text, mentions))
            records += [unit.report(m) for m in mentions]
        else:
            for m in mentions:
                print(json.dumps(unit.report(m), ensure_ascii=False))
    if args.summary:
        print(json.dumps(summary(records, unmatched), ensure_ascii=False, indent=1))
    return 0
