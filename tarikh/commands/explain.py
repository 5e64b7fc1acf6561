"""Explain an extracted event, or what the extractor sees in a sentence.

  tarikh explain EVENT              EVENT: the event's IRI, or the end of it (e.g. election-1991-12-01-3f2a…)
                                    shows every source sentence, the trigger and rule that fired, where the
                                    date came from, each actor with its role and how it was recognised
  tarikh explain --text "SENTENCE"  runs the extractor on one sentence and shows all it found: triggers
                                    (with the reason a trigger was not taken as an event), dates, actors
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from tarikh.errors import TarikhError

HELP = "show why an event was extracted (sentences, trigger, rule, date and actor decisions)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("event", nargs="?", help="event IRI or its last part")
    parser.add_argument("--out", default="out", metavar="DIR", help="build folder holding events.jsonl (default: out)")
    parser.add_argument("--text", help="explain one sentence instead of a built event")
    parser.add_argument("--lang", default="kk", choices=["kk", "az", "ru"], help="language of --text (default kk)")


def find_event(out: Path, wanted: str) -> dict[str, Any]:
    path = out / "events.jsonl"
    if not path.is_file():
        raise TarikhError(f"{path}: no build here; run `tarikh build` first")
    matches = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            event = json.loads(line)
            if event["id"] == wanted or event["id"].rsplit("/", 1)[-1].startswith(wanted):
                matches.append(event)
    if not matches:
        raise TarikhError(f"{path}: no event {wanted}")
    if len(matches) > 1:
        raise TarikhError(f"{path}: {len(matches)} events start with {wanted}; give more of the IRI")
    return matches[0]


def describe_event(event: dict[str, Any]) -> list[str]:
    lines = [event["id"], f"  {event['label']}",
             f"  type {event['type']}" + (f" / {event['subtype']}" if event["subtype"] else "")
             + f", confidence {event['confidence']}",
             f"  date {event['date']}" + (f" .. {event['date_end']}" if event["date_end"] else "")
             + f" (precision {event['precision']}, EDTF {event.get('edtf')})"]
    for conflict in event.get("conflicts", []):
        lines.append(f"  conflicting date {conflict['date']} in {conflict['doc']}:{conflict['line']}")
    for mention in event["mentions"]:
        trigger = mention.get("trigger", {})
        lines += [f"  — {mention['doc']} line {mention['line']} [{mention['start']}:{mention['end']}] ({mention['lang']})",
                  f"    «{mention['text']}»",
                  f"    trigger «{trigger.get('text')}» by rule `{mention.get('rule')}`",
                  f"    date: «{mention.get('date_text')}» ({mention.get('date_source')})"]
    for actor in event["actors"]:
        how = actor.get("source", "gazetteer") + (", inferred from a title by date" if actor.get("inferred") else "")
        lines.append(f"  actor {actor['role']}: {actor['label']} [{actor['kind']}] as «{actor['text']}» "
                     f"at {actor.get('doc')}:{actor.get('line')} ({how})")
    if event["place"]:
        lines.append(f"  place: {event['place']['label']} as «{event['place']['text']}»")
    return lines


def describe_sentence(text: str, lang: str) -> list[str]:
    from tarikh.extract.actors import find_actors
    from tarikh.extract.dates import find_dates
    from tarikh.extract.events import accepted_triggers, segments
    from tarikh.extract.triggers import find_triggers

    triggers = find_triggers(text, lang)
    accepted = [t for t, _ in accepted_triggers(triggers, segments(text))]
    lines = [f"«{text}»"]
    for trigger in triggers:
        verdict = "event" if trigger in accepted else trigger.rejected or "same type as an earlier trigger"
        lines.append(f"  trigger {trigger.type} «{trigger.text}» [{trigger.start}:{trigger.end}] "
                     f"rule `{trigger.rule}`: {verdict}")
    for date in find_dates(text, lang):
        lines.append(f"  date «{date.text}» → {date.date}" + (f"..{date.date_end}" if date.date_end else "")
                     + f" ({date.kind}, precision {date.precision})")
    for actor in find_actors(text, lang):
        lines.append(f"  actor «{actor.text}» → {actor.label} [{actor.kind}] ({actor.source})")
    return lines


def run(args: argparse.Namespace) -> int:
    if args.text:
        lines = describe_sentence(args.text, args.lang)
    elif args.event:
        lines = describe_event(find_event(Path(args.out), args.event))
    else:
        raise TarikhError("explain: give an EVENT id or --text SENTENCE")
    print("\n".join(lines))
    return 0
