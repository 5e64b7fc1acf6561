"""Event mentions: the triggers of a sentence, with the date that governs them, their actors and roles.

One `EventMention` is one event as one sentence tells it; `tarikh.extract.merge` turns mentions of the same
real-world event (repeated, or told in another document or language) into one event.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from tarikh.extract.lexicon import alternation, load_yaml, lower_same_length
from tarikh.extract.model import ActorMention, DateExpr, Sentence, SourceText
from tarikh.extract.triggers import Trigger

CONTEXT_SENTENCES = 2  # how many sentences back a sentence with no date of its own may borrow one
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
    """A date an event may take: resolved to a year at least (not a decade or century), and not a programme
    name, life span, title..."""
    return date.kind != "non_event" and bool(date.date) and date.precision in ("year", "month", "day")


ATTRIBUTIVE = re.compile(r"(?:ғы|гі|қы|кі|дағы|дегі|тағы|тегі|ndakı|ndəki|\bilin)$")
ADJACENT, FOLLOWING = 12, 30  # characters: a date this close before / after a trigger is bound to it
ADJACENT_BINDING = 4.0


def attributive(date: DateExpr) -> bool:
    """A date written as an attribute of the next noun (`1978 жылғы Конституциясы`, `16 қазандағы қаулысы`)."""
    return bool(ATTRIBUTIVE.search(lower_same_length(date.text)))


def binding(trigger: Trigger, date: DateExpr) -> float:
    """How surely a date in the same sentence governs a trigger (higher is surer)."""
    if date.start < trigger.end and trigger.start < date.end:
        return 5.0
    if date.end <= trigger.start:
        gap = trigger.start - date.end
        score = ADJACENT_BINDING if gap <= ADJACENT else 1.0 + 1.0 / (1.0 + gap / 40.0)
    else:
        gap = date.start - trigger.end
        score = 3.0 if gap <= FOLLOWING else 0.5 / (1.0 + gap / 40.0)
    return score


@lru_cache(maxsize=None)
def _subordinate() -> re.Pattern[str]:
    return alternation(load_yaml("events", "cues.yaml")["sets"]["subordinate"])


def may_govern(trigger: Trigger, date: DateExpr, text: str) -> bool:
    """Can this date of the sentence be the trigger's? Not a deadline (`… дейін`) nor a publication date, not an
    attribute of another noun far before it, not a date after a trigger that heads a subordinate clause
    (`қабылдағаннан кейін`)."""
    if not usable(date) or "until" in date.flags or "term" in date.flags or publication_date(date, text):
        return False
    if attributive(date) and date.end + ADJACENT < trigger.start:
        return False
    return date.start < trigger.end or not subordinate(trigger, text)


@lru_cache(maxsize=None)
def _published() -> re.Pattern[str]:
    return alternation(load_yaml("events", "cues.yaml")["sets"]["published"])


def publication_date(date: DateExpr, text: str) -> bool:
    """Is the date that of a publication (`… жылы жарияланған мақаласында`)?"""
    return bool(_published().match(lower_same_length(text[date.end:date.end + 30]).lstrip()))


def subordinate(trigger: Trigger, text: str) -> bool:
    """Does the trigger head a subordinate clause (`тәуелсіздік алған кезде`, `қабылдағаннан кейін`)? Such a
    clause refers to an event told elsewhere: a date after it is the main clause's."""
    following = lower_same_length(text[trigger.end:trigger.end + 24]).lstrip()
    return bool(_subordinate().match(following))


def governing_date(trigger: Trigger, dates: list[DateExpr], text: str) -> DateExpr | None:
    """The date that governs the trigger: the one bound most closely to it in the sentence."""
    candidates = [d for d in dates if may_govern(trigger, d, text)]
    return max(candidates, key=lambda d: (binding(trigger, d), -distance(trigger, d))) if candidates else None


def distance(trigger: Trigger, date: DateExpr) -> int:
    """Characters between a trigger and a date (0 when they overlap)."""
    return max(0, trigger.start - date.end, date.start - trigger.end)


def coordinated(date: DateExpr, dates: list[DateExpr]) -> list[DateExpr]:
    """The other dates coordinated with this one (`1993 және 1995 Конституцияларында`): each dates an event."""
    if "coordinated" not in date.flags:
        return []
    return [d for d in dates if d is not date and "coordinated" in d.flags and usable(d)
            and abs(d.start - date.start) < 40]


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
        record.update(text=sentence.text, lang=sentence.lang if sentence.lang in ("kk", "az", "ru") else "kk")
        return record

    def build(self, sentence: AnalysedSentence, trigger: Trigger, date: DateExpr, date_source: str,
              date_in_sentence: bool, found: list[tuple[AnalysedSentence, ActorMention]]) -> EventMention:
        """One mention; `found` pairs each actor with the sentence it stands in (a neighbour when borrowed)."""
        title_date = day_before(date.earliest) if trigger.type in _roles()["title_before_event"] else date.date
        actor_records = [self.actor_record(where, a, trigger.type, title_date, borrowed=where is not sentence)
                         for where, a in found if a.kind != "Place"]
        places = [(where, a) for where, a in found if a.kind == "Place" and where is sentence]
        place = None
        if places:
            where, first = places[0]
            place = {"id": actor_iri(first.id), "label": first.label, "text": first.text,
                     "wikidata": first.wikidata, **self.span_record(where, first.start, first.end)}
        trigger_record = {"text": trigger.text, "strength": trigger.strength,
                          **self.span_record(sentence, trigger.start, trigger.end)}
        return EventMention(
            type=trigger.type, subtype=trigger.subtype or infer_subtype(trigger, sentence.text),
            confidence=mention_confidence(trigger, date_source, actor_records),
            date=date.date, date_end=date.date_end, precision=date.precision, edtf=date.edtf,
            earliest=date.earliest, latest=date.latest,
            date_text=date.text if date_in_sentence else None, date_source=date_source,
            actors=actor_records, place=place, mention=self.mention_record(sentence), trigger=trigger_record,
            rule=trigger.rule, lang=sentence.lang, flags=list(date.flags))


@lru_cache(maxsize=None)
def _subtype_cues() -> tuple[int, dict[str, list[tuple[str, re.Pattern[str]]]], re.Pattern[str]]:
    table = load_yaml("events", "subtypes.yaml")
    cues = {t: [(name, alternation(stems)) for name, stems in subtypes.items()]
            for t, subtypes in table.items() if isinstance(subtypes, dict)}
    return table["reach"], cues, alternation(table["early"])


def infer_subtype(trigger: Trigger, text: str) -> str | None:
    """The subtype named by the cue closest to the trigger (`президенттік сайлау` → presidential), with
    `-early` for an early election (`мерзімінен бұрын`, `кезектен тыс`)."""
    reach, cues, early = _subtype_cues()
    lower = lower_same_length(text)
    window = (max(0, trigger.start - reach), trigger.end + reach)
    best: tuple[int, str] | None = None
    for name, cue in cues.get(trigger.type, []):
        for match in cue.finditer(lower, *window):
            distance = (trigger.start - match.end() if match.end() <= trigger.start
                        else max(0, match.start() - trigger.end))
            if best is None or distance < best[0]:
                best = (distance, name)
    if best is None:
        return None
    return best[1] + ("-early" if trigger.type == "Election" and early.search(lower, *window) else "")


def day_before(iso_day: str | None) -> str | None:
    """The day before an ISO date (None stays None)."""
    from datetime import date, timedelta

    return (date.fromisoformat(iso_day) - timedelta(days=1)).isoformat() if iso_day else None


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
        bound = max((binding(trigger, d) for d in dates if may_govern(trigger, d, text)), default=0.0)
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
    for position, sentence in enumerate(sentences):
        own = [d for d in sentence.dates if usable(d)]
        counts["triggers"] += len(sentence.triggers)
        counts["rejected"] += sum(t.rejected is not None for t in sentence.triggers)
        for trigger, (lo, hi) in accepted_triggers(sentence.triggers, segments(sentence.text), own, sentence.text):
            scoped = [d for d in own if lo <= d.start and d.end <= hi]
            date = governing_date(trigger, scoped, sentence.text)
            if trigger.adjacent and (date is None or binding(trigger, date) < ADJACENT_BINDING):
                continue
            source_kind = "clause" if date and date.kind == "absolute" else "discourse" if date else ""
            if date is None:
                borrows = asserted(trigger, sentence.text) and not subordinate(trigger, sentence.text)
                date = context_date(recent, sentence.sentence) if borrows else None
                source_kind = "context"
            if date is None:
                counts["undated"] += 1
                continue
            actors = [(sentence, a) for a in sentence.actors if lo <= a.start and a.end <= hi]
            actors += neighbour_actors(sentences, position, trigger.type, {a.kind for _, a in actors})
            for each in [date, *(coordinated(date, scoped) if date in scoped else [])]:
                mentions.append(builder.build(sentence, trigger, each, source_kind, each in own, actors))
        recent = (recent + [(sentence.sentence.index, sentence.sentence.paragraph, d) for d in own])[-20:]
    return mentions, counts


def neighbour_actors(sentences: list[AnalysedSentence], position: int, event_type: str, present: set[str]
                     ) -> list[tuple[AnalysedSentence, ActorMention]]:
    """Actors borrowed from the neighbouring sentences (`borrow` in roles.yaml): of the kinds the event's own
    sentence lacks, from the two sentences before, else the one after; and, from each neighbouring sentence
    that tells no event of its own, the actors of the `around` kinds (the founders, members it lists)."""
    rules = _roles()["borrow"]
    wanted = set(rules["missing"].get(event_type, [])) - present
    borrowed: list[tuple[AnalysedSentence, ActorMention]] = []
    for window in ((position - 2, position - 1), (position + 1,)):
        if wanted:
            borrowed = [(sentences[near], a) for near in window if 0 <= near < len(sentences)
                        for a in sentences[near].actors if a.kind in wanted]
            if borrowed:
                break
    borrowed += [pair for pair in collective_actors(sentences, position) if pair not in borrowed]
    elaborating = set(rules["around"].get(event_type, []))
    for near in (position - 1, position + 1):
        if 0 <= near < len(sentences) and not accepted_triggers(sentences[near].triggers,
                                                                segments(sentences[near].text)):
            borrowed += [(sentences[near], a) for a in sentences[near].actors if a.kind in elaborating
                         and (sentences[near], a) not in borrowed]
    return borrowed


@lru_cache(maxsize=None)
def _collective() -> tuple[re.Pattern[str], set[str], int]:
    rule = _roles()["collective"]
    return alternation(rule["cue"]), set(rule["kinds"]), rule["reach"]


def collective_actors(sentences: list[AnalysedSentence], position: int
                      ) -> list[tuple[AnalysedSentence, ActorMention]]:
    """The actors a collective reference (`аталған 11 республиканың басшылары`) stands for: those of the
    collective kinds listed in the sentences just before."""
    cue, kinds, reach = _collective()
    if not cue.search(lower_same_length(sentences[position].text)):
        return []
    return [(sentences[near], a) for near in range(max(0, position - reach), position)
            for a in sentences[near].actors if a.kind in kinds]


@lru_cache(maxsize=None)
def _context_needs() -> dict[str, re.Pattern[str]]:
    cues = load_yaml("events", "cues.yaml")
    return {t: alternation(cues["sets"][name]) for t, name in cues["context_needs"].items()}


def asserted(trigger: Trigger, text: str) -> bool:
    """May the trigger borrow a date? Nominal types need a cue that it happened after it, in its clause."""
    cue = _context_needs().get(trigger.type)
    if cue is None:
        return True
    clause = re.split(r"[,;:]", lower_same_length(text[trigger.end:trigger.end + 100]), maxsplit=1)[0]
    return bool(cue.search(lower_same_length(text[trigger.start:trigger.end]) + " " + clause))


def context_date(recent: list[tuple[int, int, DateExpr]], sentence: Sentence) -> DateExpr | None:
    """The last date of the previous sentences (at most CONTEXT_SENTENCES back, in this paragraph or the one
    just before), a date that stands on its own before one written as the attribute of a noun."""
    window = [d for index, paragraph, d in recent
              if sentence.paragraph - paragraph <= 1 and 0 < sentence.index - index <= CONTEXT_SENTENCES]
    own = [d for d in window if not attributive(d)]
    return (own or window or [None])[-1]
