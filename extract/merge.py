"""One node per real event: mentions of the same event, across sentences, documents and languages, merge.

Rules (`data/events/merge.yaml`): same type, compatible dates (one is the other at a coarser precision), and
either a type that happens once per date (elections, referendums ...) with compatible subtypes, or a shared core
actor, or the same day. The finest date wins; a day that another document gives differently within the same
month, with a shared core actor, is merged and kept as a flagged conflict.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date as calendar_date
from functools import lru_cache
from typing import Any

from tarikh import __version__
from tarikh.extract.model import EventMention
from tarikh.extract.lexicon import load_yaml

EVENT_BASE = "https://w3id.org/tarikh/id/event/"


@lru_cache(maxsize=None)
def _rules() -> dict[str, Any]:
    return load_yaml("events", "merge.yaml")


def compatible_dates(a: EventMention | Cluster, b: EventMention | Cluster) -> bool:
    """True when one date lies within the other: a coarser precision (1991 ~ 1991-12 ~ 1991-12-01) or a range
    (`наурыз-сәуір`, March to April ~ April)."""
    if not (a.earliest and a.latest and b.earliest and b.latest):
        return False
    return (a.earliest <= b.earliest and b.latest <= a.latest) or (b.earliest <= a.earliest and a.latest <= b.latest)


def day_conflict(a: str | None, b: str | None) -> bool:
    """Two days of the same month that disagree."""
    return bool(a and b and len(a) == len(b) == 10 and a[:7] == b[:7] and a != b)


def span_days(mention: EventMention) -> int:
    """How many days a mention's date spans (an undated mention spans everything)."""
    if not (mention.earliest and mention.latest):
        return 1 << 30
    return (calendar_date.fromisoformat(mention.latest) - calendar_date.fromisoformat(mention.earliest)).days


def subtype_family(subtype: str | None) -> str | None:
    if subtype is None:
        return None
    for family, members in _rules()["subtype_families"].items():
        if subtype in members:
            return family
    return subtype


class Cluster:
    """Mentions believed to tell one event, with what merging compares kept up to date as members join (so that
    a mention is compared with a cluster in constant time, however many mentions it has)."""

    def __init__(self, first: EventMention):
        self.type = first.type
        self.members: list[EventMention] = []
        self.conflicts: list[dict[str, Any]] = []
        self.subtypes: set[str] = set()
        self.documents: set[str] = set()
        self.core: set[str] = set()
        self.finest = first
        self.add(first)

    def add(self, mention: EventMention) -> None:
        self.members.append(mention)
        if family := subtype_family(mention.subtype):
            self.subtypes.add(family)
        self.documents.add(mention.mention["doc"])
        self.core |= core_actors_of(mention)
        if fineness(mention) < fineness(self.finest):
            self.finest = mention

    @property
    def date(self) -> str | None:
        return self.finest.date

    @property
    def earliest(self) -> str | None:
        return self.finest.earliest

    @property
    def latest(self) -> str | None:
        return self.finest.latest


def fineness(mention: EventMention) -> tuple[int, int]:
    """Lower is finer: the most precise written date (a month before a season of the year), then the narrowest
    interval; of equals, the member that joined first stays the finest."""
    return -len(mention.date or ""), span_days(mention)


def core_actors_of(mention: EventMention) -> set[str]:
    """The actors that identify the event: stated (not inferred), of a core kind, in a central role."""
    kinds = set(_rules()["core_kinds"].get(mention.type, []))
    peripheral = set(_rules()["peripheral_roles"])
    return {a["id"] for a in mention.actors
            if a["kind"] in kinds and not a["inferred"] and a["role"] not in peripheral}


def relation(cluster: Cluster, mention: EventMention) -> str | None:
    """`same` when the mention tells the cluster's event, `conflict` when it does with another day, else None."""
    date = cluster.date
    if mention.type in _rules()["by_date"]:
        family = subtype_family(mention.subtype)
        if compatible_dates(cluster, mention) and (family is None or not cluster.subtypes
                                                     or family in cluster.subtypes):
            return "same"
        return None
    shared = bool(core_actors_of(mention) & cluster.core)
    if compatible_dates(cluster, mention) and (shared or (len(date) == 10 and date == mention.date)):
        return "same"
    if shared and day_conflict(date, mention.date) and mention.mention["doc"] not in cluster.documents:
        return "conflict"
    return None


def cluster_mentions(mentions: list[EventMention]) -> list[Cluster]:
    """Group mentions into events, in reading order (documents by name). Mentions of one event share their
    type and year, so each mention is compared only with the clusters of its type and year."""
    clusters: dict[tuple[str, str], list[Cluster]] = {}
    for mention in sorted(mentions, key=lambda m: m.sort_key):
        candidates = clusters.setdefault((mention.type, (mention.date or "")[:4]), [])
        for cluster in candidates:
            kind = relation(cluster, mention)
            if kind:
                if kind == "conflict":
                    cluster.conflicts.append({"date": mention.date, "doc": mention.mention["doc"],
                                              "line": mention.mention["line"], "date_text": mention.date_text})
                cluster.add(mention)
                break
        else:
            candidates.append(Cluster(mention))
    return [c for cs in clusters.values() for c in cs]


def _merged_actors(members: list[EventMention]) -> list[dict[str, Any]]:
    """One record per actor id (a stated link before an inferred one), with every other name it goes by in the
    event's mentions and in the gazetteer as `aliases`."""
    actors: dict[str, dict[str, Any]] = {}
    names: dict[str, set[str]] = {}
    for member in members:
        for actor in member.actors:
            if actor["id"] not in actors or (actors[actor["id"]]["inferred"] and not actor["inferred"]):
                actors[actor["id"]] = actor
            names.setdefault(actor["id"], set()).update([actor["text"], *actor.get("labels", {}).values()])
    merged = [{**actor, "aliases": sorted(names[actor["id"]] - {actor["text"], actor["label"]})}
              for actor in actors.values()]
    return sorted(merged, key=lambda a: (a["doc"], a["start"], a["id"]))


def _mention_record(member: EventMention) -> dict[str, Any]:
    return {**member.mention, "trigger": member.trigger, "date_text": member.date_text,
            "date_source": member.date_source, "rule": member.rule}


def _label(event_type: str, subtype: str | None, date: str | None, actors: list[dict[str, Any]]) -> str:
    head = event_type + (f" ({subtype})" if subtype else "")
    names = [a["label"] for a in actors if a["role"] in ("subject", "winner", "signatory", "appointee")][:3] or \
            [a["label"] for a in actors][:2]
    return f"{head}, {date or 'undated'}" + (f": {', '.join(dict.fromkeys(names))}" if names else "")


def event_record(cluster: Cluster) -> dict[str, Any]:
    """The `events.jsonl` record of one merged event."""
    members = cluster.members
    dated = cluster.finest
    subtype = Counter(m.subtype for m in members if m.subtype).most_common(1)
    subtype = subtype[0][0] if subtype else None
    actors = _merged_actors(members)
    first = members[0]
    key = f"{first.mention['doc']}:{first.trigger['start']}:{cluster.type}"
    if not first.mention["start"] <= first.trigger["start"] < first.mention["end"]:
        key += f":{first.mention['start']}"  # a list item told by its introduction's trigger: one event per item
    event_id = f"{EVENT_BASE}{cluster.type.lower()}-{dated.date or 'undated'}-" \
               f"{hashlib.sha1(key.encode()).hexdigest()[:10]}"
    mentions = sorted({(m.mention["doc"], m.mention["start"]): _mention_record(m) for m in members}.values(),
                      key=lambda r: (r["doc"], r["start"]))
    confidence = min(0.99, max(m.confidence for m in members) + 0.03 * (len(mentions) - 1))
    label = _label(cluster.type, subtype, dated.date, actors)
    local = f"{dated.date_text or dated.date} — {first.trigger['text']}"
    return {
        "id": event_id, "type": cluster.type, "subtype": subtype, "label": label,
        "labels": {"en": label, first.lang: local},
        "date": dated.date, "date_end": dated.date_end, "precision": dated.precision, "edtf": dated.edtf,
        "earliest": dated.earliest, "latest": dated.latest, "confidence": round(confidence, 3),
        "conflicts": cluster.conflicts,
        "actors": actors, "place": next((m.place for m in members if m.place), None),
        "mentions": mentions, "extractor": {"name": "tarikh", "version": __version__},
    }


def merge_events(mentions: list[EventMention]) -> list[dict[str, Any]]:
    """All event mentions of a build → one record per real-world event, sorted deterministically."""
    floor = _rules()["min_confidence"]
    records = [event_record(c) for c in cluster_mentions(mentions) if max(m.confidence for m in c.members) >= floor]
    return sorted(records, key=lambda r: (r["mentions"][0]["doc"], r["mentions"][0]["start"], r["type"], r["id"]))
