"""Event mentions: the triggers of a sentence, with the date that governs them, their actors and roles.

One `EventMention` is one event as one sentence tells it; `tarikh.extract.merge` turns mentions of the same
real-world event (repeated, or told in another document or language) into one event.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from tarikh.extract.dating import (ADJACENT_BINDING, ListContext, asserted, binding, context_date, coordinated,
                                   day_before, governing_date, may_govern, refers_back, subordinate, told_later,
                                   usable)
from tarikh.extract.model import ActorMention, DateExpr, EventMention, Sentence, SourceText, supported_language
from tarikh.extract.roles import infer_subtype, is_participant, neighbour_actors, role_of, role_rules
from tarikh.extract.triggers import Trigger

LABEL_LANGUAGES = ("en", "kk", "az", "ru")


@dataclass
class AnalysedSentence:
    """A sentence with what the pipeline found in it; offsets are relative to `text`. Its actors are read on
    first use, by `read_actors`: a sentence that tells no event is read only when an event borrows from it."""

    sentence: Sentence
    text: str
    lang: str
    dates: list[DateExpr] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    read_actors: Callable[[], list[ActorMention]] = list
    _actors: list[ActorMention] | None = field(default=None, repr=False)

    @property
    def actors(self) -> list[ActorMention]:
        if self._actors is None:
            self._actors = self.read_actors()
        return self._actors


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
                     date: str | None, borrowed: bool = False) -> dict[str, Any]:
        if actor.source == "title" and self.resolve_title:
            actor = self.resolve_title(actor, date)
        record = {"id": actor_iri(actor.id), "label": actor.label, "text": actor.text, "kind": actor.kind,
                  "role": role_of(actor, event_type, sentence.text), "wikidata": actor.wikidata,
                  "inferred": actor.inferred or borrowed, "source": "context" if borrowed else actor.source,
                  "labels": {k: v for k, v in actor.labels.items() if k in LABEL_LANGUAGES}}
        record.update(self.span_record(sentence, actor.start, actor.end))
        return record

    def mention_record(self, sentence: AnalysedSentence) -> dict[str, Any]:
        record = self.span_record(sentence, 0, len(sentence.text))
        record["end_line"] = self.source.line_of(max(record["end"] - 1, record["start"]))
        record.update(text=sentence.text, lang=supported_language(sentence.lang))
        return record

    def build(self, sentence: AnalysedSentence, trigger: Trigger, date: DateExpr, date_source: str,
              date_in_sentence: bool, found: list[tuple[AnalysedSentence, ActorMention]],
              told_in: AnalysedSentence | None = None) -> EventMention:
        """One mention; `found` pairs each actor with the sentence it stands in (a neighbour when borrowed);
        `told_in` is the sentence of the trigger when it is not `sentence` (a list's introduction)."""
        title_date = day_before(date.earliest) if trigger.type in role_rules()["title_before_event"] else date.date
        actor_records = [self.actor_record(where, a, trigger.type, title_date, borrowed=where is not sentence)
                         for where, a in found if a.kind != "Place"]
        places = [(where, a) for where, a in found if a.kind == "Place" and where is sentence]
        place = None
        if places:
            where, first = places[0]
            place = {"id": actor_iri(first.id), "label": first.label, "text": first.text,
                     "wikidata": first.wikidata, **self.span_record(where, first.start, first.end)}
        trigger_record = {"text": trigger.text, "strength": trigger.strength,
                          **self.span_record(told_in or sentence, trigger.start, trigger.end)}
        return EventMention(
            type=trigger.type, subtype=trigger.subtype or infer_subtype(trigger, sentence.text),
            confidence=mention_confidence(trigger, date_source, actor_records),
            date=date.date, date_end=date.date_end, precision=date.precision, edtf=date.edtf,
            earliest=date.earliest, latest=date.latest,
            date_text=date.text if date_in_sentence else None, date_source=date_source,
            actors=actor_records, place=place, mention=self.mention_record(sentence), trigger=trigger_record,
            rule=trigger.rule, lang=sentence.lang, flags=list(date.flags))


def mention_confidence(trigger: Trigger, date_source: str, actors: list[dict[str, Any]]) -> float:
    """Evidence for one mention: trigger strength, where the date came from, whether actors were named."""
    score = 0.7 if trigger.strength == "strong" else 0.55
    score += {"clause": 0.1, "sentence": 0.05, "discourse": 0.0, "list": 0.0, "context": -0.1}[date_source]
    if any(not a["inferred"] for a in actors):
        score += 0.05
    return round(min(score, 0.95), 3)


def actor_iri(actor_id: str) -> str:
    from urllib.parse import quote

    return "https://w3id.org/tarikh/id/actor/" + quote(actor_id.replace(":", "-"), safe="-_.~")


SEGMENT_BREAK = re.compile(r";|\s\d{1,2}\)\s|\s[а-яәa-z]\)\s")


def segments(text: str) -> list[tuple[int, int]]:
    """The list items or `;`-separated clauses of a sentence (one segment when it has none)."""
    cuts = [0] + [m.start() for m in SEGMENT_BREAK.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def accepted_triggers(triggers: Iterable[Trigger], spans: list[tuple[int, int]], dates: list[DateExpr] = (),
                      text: str = "") -> list[tuple[Trigger, tuple[int, int]]]:
    """The triggers that make events, with the span of the sentence each one reads its date and actors from.

    One event per type and segment: of its accepted triggers, the one a date binds most closely, strong before
    weak, first before later. A type told in a single segment reads the whole sentence, a type told in several
    (a list of foundings) reads each its own segment.
    """
    groups: dict[tuple[str, int], list[Trigger]] = {}
    for trigger in triggers:
        segment = next(i for i, (a, b) in enumerate(spans) if a <= trigger.start < b or b == spans[-1][1])
        if trigger.rejected is None:
            groups.setdefault((trigger.type, segment), []).append(trigger)

    def preference(trigger: Trigger) -> tuple:
        bound = max((binding(trigger, d, text) for d in dates if may_govern(trigger, d, text)), default=0.0)
        return (-bound, trigger.strength != "strong", trigger.start)

    chosen = {key: min(group, key=preference) for key, group in groups.items()}
    per_type = Counter(event_type for event_type, _ in chosen)
    whole = (0, spans[-1][1]) if spans else (0, 0)
    return sorted(((t, spans[i] if per_type[t.type] > 1 else whole) for (_, i), t in chosen.items()),
                  key=lambda pair: pair[0].start)


def extract_mentions(source: SourceText, sentences: list[AnalysedSentence], resolve_title=None
                     ) -> tuple[list[EventMention], dict[str, int]]:
    """Event mentions of one document, in reading order, and counts of what was dropped and why."""
    builder = MentionBuilder(source, resolve_title)
    mentions: list[EventMention] = []
    counts = {"triggers": 0, "rejected": 0, "undated": 0}
    recent: list[tuple[int, int, DateExpr]] = []  # (sentence index, paragraph, date) of the sentences read so far
    telling = [any(t.rejected is None for t in s.triggers) for s in sentences]
    lists = ListContext()
    for position, sentence in enumerate(sentences):
        own = [d for d in sentence.dates if usable(d)]
        built: list[EventMention] = []
        opens_paragraph = position == 0 or sentences[position - 1].sentence.paragraph != sentence.sentence.paragraph
        lists.enter(sentence.text, opens_paragraph)
        counts["triggers"] += len(sentence.triggers)
        counts["rejected"] += sum(t.rejected is not None for t in sentence.triggers)
        told = accepted_triggers(sentence.triggers, segments(sentence.text), own, sentence.text) \
            if telling[position] else []
        for trigger, (lo, hi) in told:
            scoped = [d for d in own if lo <= d.start and d.end <= hi]
            date = governing_date(trigger, scoped, sentence.text)
            if trigger.adjacent and (date is None or binding(trigger, date, sentence.text) < ADJACENT_BINDING):
                continue
            source_kind = "clause" if date and date.kind == "absolute" else "discourse" if date else ""
            if date is None:
                borrows = asserted(trigger, sentence.text) and not subordinate(trigger, sentence.text) \
                    and not refers_back(trigger, sentence.text) \
                    and not any(told_later(d, trigger, sentence.text) for d in scoped)
                date = (context_date(recent, sentence.sentence) or lists.item_date()) if borrows else None
                source_kind = "context"
            if date is None:
                counts["undated"] += 1
                continue
            actors = [(sentence, a) for a in sentence.actors if lo <= a.start and a.end <= hi and is_participant(a)]
            actors += neighbour_actors(sentences, position, trigger.type, {a.kind for _, a in actors}, telling)
            for each in [date, *(coordinated(date, scoped) if date in scoped else [])]:
                built.append(builder.build(sentence, trigger, each, source_kind, each in own, actors))
        if opens_paragraph and lists.intro:
            mentions = with_list_item(mentions, builder, lists, sentence, {t.type for t, _ in told})
        mentions += built
        recent = (recent + [(sentence.sentence.index, sentence.sentence.paragraph, d) for d in own])[-20:]
        lists.leave(sentence, own, [t for t, _ in told], built)
    return mentions, counts


def with_list_item(mentions: list[EventMention], builder: MentionBuilder, lists: ListContext,
                   item: AnalysedSentence, told_types: set[str]) -> list[EventMention]:
    """The mentions with the events a list's introduction tells of this item added; the introduction's own
    mention of such an event only summed its items up and goes."""
    intro, listed = lists.item_events()
    items = [builder.build(item, trigger, lists.date, "list", False, actors, told_in=intro)
             for trigger, actors in list_item_events(item, listed, told_types)]
    if not items:
        return mentions
    summary = {id(m) for m in lists.told_by_items({m.type for m in items})}
    return [m for m in mentions if id(m) not in summary] + items


def list_item_events(item: AnalysedSentence, listed: list[Trigger], told_types: set[str]
                     ) -> list[tuple[Trigger, list[tuple[AnalysedSentence, ActorMention]]]]:
    """The events a list's introduction tells of this item (`list_items` in roles.yaml): each of its types the
    item does not tell itself, nor one of the types it yields to, with the item's actors, when it names one of
    the kinds listed for the type."""
    rules = role_rules()["list_items"]
    found = []
    for trigger in listed:
        rule = rules.get(trigger.type, {})
        if trigger.type in told_types or told_types & set(rule.get("unless", ())):
            continue
        actors = [(item, a) for a in item.actors if is_participant(a)]
        if any(a.kind in set(rule.get("kinds", ())) for _, a in actors):
            found.append((trigger, actors))
    return found
