"""Titles that stand for a person (`Мемлекет басшысы`, `ҚР Президенті`, `Ölkə prezidenti`), resolved by date.

A title mention carries the office id (`office:president-of-kazakhstan`); `resolve_title` turns it into the
person who held the office on the event's date, marked `inferred` with a lower confidence, and leaves it as
the office when the date is unknown or falls outside every recorded term. Offices are data
(`extract/data/actors/offices.yaml`).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from tarikh.extract.gazetteer import Actor, default_gazetteer, load_data
from tarikh.extract.model import ActorMention

RESOLVED_CONFIDENCE = 0.7


@dataclass(frozen=True)
class Term:
    actor: str
    start: str
    end: str | None  # exclusive; None = still in office

    def covers(self, date_iso: str) -> bool:
        """True when the date (any ISO precision) falls in [start, end)."""
        return _not_before(date_iso, self.start) and (self.end is None or _before(date_iso, self.end))


@dataclass(frozen=True)
class Office:
    id: str
    label: str
    state: str | None
    holders: tuple[Term, ...]
    titles: tuple[str, ...]
    kind: str = "Person"

    def holder_at(self, date_iso: str) -> str | None:
        """The actor id of the holder on that date (the later term wins on a hand-over day)."""
        hits = [t.actor for t in self.holders if t.covers(date_iso)]
        return hits[-1] if hits else None


def _not_before(date_iso: str, bound: str) -> bool:
    n = min(len(date_iso), len(bound))
    return date_iso[:n] >= bound[:n]


def _before(date_iso: str, bound: str) -> bool:
    n = min(len(date_iso), len(bound))
    return date_iso[:n] < bound[:n] or (date_iso[:n] == bound[:n] and len(date_iso) < len(bound))


@lru_cache(maxsize=1)
def load_offices() -> dict[str, Office]:
    """The offices of offices.yaml by office actor id (`office:<id>`)."""
    offices = {}
    for entry in load_data("offices")["offices"]:
        holders = tuple(Term(h["actor"], str(h["from"]), None if h.get("to") is None else str(h["to"]))
                        for h in entry.get("holders") or ())
        office = Office(id=f"office:{entry['id']}", label=entry["label"], state=entry.get("state"),
                        holders=holders, titles=tuple(entry.get("titles") or ()), kind=entry.get("kind", "Person"))
        offices[office.id] = office
    return offices


def office_actor(office: Office) -> Actor:
    """The actor a title mention stands for before its date is known."""
    return Actor(id=office.id, kind=office.kind, label=office.label, source="title")


def resolve_title(mention: ActorMention, date_iso: str | None) -> ActorMention:
    """The office holder at `date_iso` for a title mention; any other mention, or an unknown date, unchanged."""
    office = load_offices().get(mention.id) if mention.source == "title" else None
    if office is None or not date_iso:
        return mention
    holder = default_gazetteer().get(office.holder_at(date_iso) or "")
    if holder is None:
        return mention
    return replace(mention, id=holder.id, label=holder.label, kind=holder.kind, wikidata=holder.wikidata,
                   inferred=True, confidence=min(mention.confidence, RESOLVED_CONFIDENCE), labels=dict(holder.labels))
