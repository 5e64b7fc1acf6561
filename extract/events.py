"""Event mentions: the triggers of a sentence, with the date that governs them, their actors and roles.

One `EventMention` is one event as one sentence tells it; `tarikh.extract.merge` turns mentions of the same
real-world event (repeated, or told in another document or language) into one event.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from tarikh.extract.lexicon import load_yaml, lower_same_length
from tarikh.extract.model import ActorMention, DateExpr, Sentence, SourceText
from tarikh.extract.triggers import Trigger

CONTEXT_SENTENCES = 2  # how far back in the paragraph a sentence with no date of its own may borrow one
SENTENCE_WORDS = re.compile(r"\w+")
LABEL_LANGUAGES = ("en", "kk", "az", "ru")


@dataclass
class AnalysedSentence:
    """A sentence with what the pipeline found in it; offsets are relative to `text`."""

    sentence: Sentence
    text: str
    lang: str
    dates: list[DateExpr] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)


@dataclass
class EventMention:
    """One event as one sentence tells it, with everything in original-file offsets."""

    type: str
    subtype: str | None
    confidence: float
    date: str | None
    date_end: str | None
    precision: str | None
    edtf: str | None
    earliest: str | None
    latest: str | None
    date_text: str | None
    date_source: str
    actors: list[dict[str, Any]]
    place: dict[str, Any] | None
    mention: dict[str, Any]
    trigger: dict[str, Any]
    rule: str
    lang: str
    flags: list[str] = field(default_factory=list)

    @property
    def sort_key(self) -> tuple:
        return (self.mention["doc"], self.mention["start"], self.type, self.trigger["start"])


@lru_cache(maxsize=None)
def _roles() -> dict[str, Any]:
    return load_yaml("events", "roles.yaml")


def usable(date: DateExpr) -> bool:
    """A date an event may take: resolved to a year at least, and not a programme name, life span, title..."""
    return date.kind != "non_event" and bool(date.date)


def governing_date(trigger: Trigger, dates: list[DateExpr]) -> DateExpr | None:
    """The date that governs the trigger: the closest one before it in the sentence, else the closest after."""
    candidates = [d for d in dates if usable(d)]
    before = [d for d in candidates if d.end <= trigger.start]
    if before:
        return max(before, key=lambda d: d.end)
    after = [d for d in candidates if d.start >= trigger.end]
    return min(after, key=lambda d: d.start) if after else None


def role_of(actor: ActorMention, event_type: str, text: str) -> str:
    """The role of an actor in an event of a type, from its kind and the cue words after it."""
    table = _roles()
    role = table["by_kind"].get(event_type, {}).get(actor.kind, table["default"])
    following = " ".join(SENTENCE_WORDS.findall(lower_same_length(text[actor.end:actor.end + 80]))[:6])
    for rule in table["promote"]:
        kinds = rule["kind"] if isinstance(rule["kind"], list) else [rule["kind"]]
        if rule["type"] != event_type or actor.kind not in kinds:
            continue
        if "suffix" in rule and re.search(rule["suffix"], lower_same_length(actor.text)):
            return rule["role"]
        if any(f" {cue}" in f" {following}" for cue in rule.get("after", [])):
            return rule["role"]
    return role


class MentionBuilder:
    """Turns the analysed sentences of one document into event mentions."""

    def __init__(self, source: SourceText, resolve_title=None):
        self.source = source
        self.resolve_title = resolve_title

    def raw(self, sentence: AnalysedSentence, start: int, end: int) -> tuple[int, int]:
        """Original-file offsets of a span given relative to the sentence."""
        base = sentence.sentence.start
        return self.source.raw_span(base + start, base + end)

    def span_record(self, sentence: AnalysedSentence, start: int, end: int) -> dict[str, Any]:
        raw_start, raw_end = self.raw(sentence, start, end)
        return {"doc": self.source.name, "line": self.source.line_of(raw_start), "start": raw_start, "end": raw_end}

    def actor_record(self, sentence: AnalysedSentence, actor: ActorMention, event_type: str,
                     date: str | None) -> dict[str, Any]:
        if actor.source == "title" and self.resolve_title:
            actor = self.resolve_title(actor, date)
        record = {"id": actor_iri(actor.id), "label": actor.label, "text": actor.text, "kind": actor.kind,
                  "role": role_of(actor, event_type, sentence.text), "wikidata": actor.wikidata,
                  "inferred": actor.inferred, "source": actor.source,
                  "labels": {k: v for k, v in actor.labels.items() if k in LABEL_LANGUAGES}}
        record.update(self.span_record(sentence, actor.start, actor.end))
        return record

    def mention_record(self, sentence: AnalysedSentence) -> dict[str, Any]:
        record = self.span_record(sentence, 0, len(sentence.text))
        record["end_line"] = self.source.line_of(max(record["end"] - 1, record["start"]))
        record.update(text=sentence.text, lang=sentence.lang if sentence.lang in ("kk", "az", "ru") else "kk")
        return record

    def build(self, sentence: AnalysedSentence, trigger: Trigger, date: DateExpr, date_source: str,
              date_in_sentence: bool) -> EventMention:
        actors = [a for a in sentence.actors if a.kind != "Place"]
        places = [a for a in sentence.actors if a.kind == "Place"]
        actor_records = [self.actor_record(sentence, a, trigger.type, date.date) for a in actors]
        place = None
        if places:
            place = {"id": actor_iri(places[0].id), "label": places[0].label, "text": places[0].text,
                     "wikidata": places[0].wikidata, **self.span_record(sentence, places[0].start, places[0].end)}
        trigger_record = {"text": trigger.text, **self.span_record(sentence, trigger.start, trigger.end)}
        return EventMention(
            type=trigger.type, subtype=trigger.subtype,
            confidence=mention_confidence(trigger, date_source, actor_records),
            date=date.date, date_end=date.date_end, precision=date.precision, edtf=date.edtf,
            earliest=date.earliest, latest=date.latest,
            date_text=date.text if date_in_sentence else None, date_source=date_source,
            actors=actor_records, place=place, mention=self.mention_record(sentence), trigger=trigger_record,
            rule=trigger.rule, lang=sentence.lang, flags=list(date.flags))


def mention_confidence(trigger: Trigger, date_source: str, actors: list[dict[str, Any]]) -> float:
    """Evidence for one mention: trigger strength, where the date came from, whether actors were named."""
    score = 0.7 if trigger.strength == "strong" else 0.55
    score += {"clause": 0.1, "sentence": 0.05, "discourse": 0.0, "context": -0.1}[date_source]
    if any(not a["inferred"] for a in actors):
        score += 0.05
    return round(min(score, 0.95), 3)


def actor_iri(actor_id: str) -> str:
    from urllib.parse import quote

    return "https://w3id.org/tarikh/id/actor/" + quote(actor_id.replace(":", "-"), safe="-_.~")


def accepted_triggers(triggers: Iterable[Trigger]) -> list[Trigger]:
    """One trigger per event type in a sentence: the first accepted one, strong before weak."""
    chosen: dict[str, Trigger] = {}
    for trigger in sorted(triggers, key=lambda t: (t.strength != "strong", t.start)):
        if trigger.rejected is None and trigger.type not in chosen:
            chosen[trigger.type] = trigger
    return sorted(chosen.values(), key=lambda t: t.start)


def extract_mentions(source: SourceText, sentences: list[AnalysedSentence], resolve_title=None
                     ) -> tuple[list[EventMention], dict[str, int]]:
    """Event mentions of one document, in reading order, and counts of what was dropped and why."""
    builder = MentionBuilder(source, resolve_title)
    mentions: list[EventMention] = []
    counts = {"triggers": 0, "rejected": 0, "undated": 0}
    recent: list[tuple[int, DateExpr]] = []  # (paragraph, date) of the last sentences
    for sentence in sentences:
        own = [d for d in sentence.dates if usable(d)]
        for trigger in sentence.triggers:
            counts["triggers"] += 1
            counts["rejected"] += trigger.rejected is not None
        for trigger in accepted_triggers(sentence.triggers):
            date = governing_date(trigger, own)
            source_kind = "clause" if date and date.kind == "absolute" else "discourse" if date else ""
            if date is None:
                date = next((d for p, d in reversed(recent) if p == sentence.sentence.paragraph), None)
                source_kind = "context"
            if date is None:
                counts["undated"] += 1
                continue
            mentions.append(builder.build(sentence, trigger, date, source_kind, date in own))
        recent = (recent + [(sentence.sentence.paragraph, d) for d in own])[-CONTEXT_SENTENCES * 3:]
    return mentions, counts
