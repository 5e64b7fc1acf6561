"""Which date an event takes: the date expression of its sentence bound most closely to the trigger, else a
date borrowed from the sentences just before, and never a date that is not the event's (a deadline, a
publication, an attribute of another noun, a programme name)."""
from __future__ import annotations

import re
from datetime import date as calendar_date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from tarikh.extract.lexicon import cue_set, load_yaml, lower_same_length
from tarikh.extract.model import DateExpr, EventMention, Sentence
from tarikh.extract.triggers import CLAUSE_END, Trigger

if TYPE_CHECKING:
    from tarikh.extract.events import AnalysedSentence

CONTEXT_SENTENCES = 2  # how many sentences back a sentence with no date of its own may borrow one


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


ATTRIBUTE_REACH = 2  # words: an attributive date modifies a noun phrase of at most this many words before its head
REMARK_WORDS = 2  # words besides its date make a bracket a remark of its own, not the date of the clause it closes


def attribute_of(between: str) -> bool:
    """Can an attributive date modify the trigger, with these words between them (`23-ші желтоқсанындағы
    ҚХР-ға мемлекеттік сапары`)? Only within one noun phrase: a few words, no punctuation."""
    return len(between.split()) <= ATTRIBUTE_REACH and not re.search(r"[,;:.()]", between)


def binding(trigger: Trigger, date: DateExpr, text: str) -> float:
    """How surely a date in the same sentence governs a trigger (higher is surer). A date after the trigger is
    close only within its clause: past a comma or a conjunction it belongs to the next predicate (`… қол
    қойылды, ол 2015 жылғы …`, `… Жарлықты қабылдады және 26 сәуірге белгіледі`)."""
    if date.start < trigger.end and trigger.start < date.end:
        return 5.0
    if date.end <= trigger.start:
        gap = trigger.start - date.end
        score = ADJACENT_BINDING if gap <= ADJACENT else 1.0 + 1.0 / (1.0 + gap / 40.0)
    else:
        gap = date.start - trigger.end
        between = lower_same_length(text[trigger.end:date.start])
        same_clause = not CLAUSE_END.search(between) and not cue_set("coordinators").search(between)
        score = 3.0 if gap <= FOLLOWING and same_clause else 0.5 / (1.0 + gap / 40.0)
    return score


def may_govern(trigger: Trigger, date: DateExpr, text: str) -> bool:
    """Can this date of the sentence be the trigger's? Not a deadline (`… дейін`) nor a publication date, not an
    attribute of another noun (`референдум … 1993 жылғы Конституциясын`) unless that noun is the decree or decision
    that brought the event about, not a date after a trigger that heads a subordinate clause (`қабылдағаннан
    кейін`)."""
    if not usable(date) or "until" in date.flags or "term" in date.flags or publication_date(date, text):
        return False
    if attributive(date) and not (date.end <= trigger.start and (attribute_of(text[date.end:trigger.start])
                                                                   or instrument_date(date, text))):
        return False  # the attribute of another noun, before or after the trigger
    if aside(date, trigger, text) or told_later(date, trigger, text):
        return False
    return date.start < trigger.end or not subordinate(trigger, text)


def aside(date: DateExpr, trigger: Trigger, text: str) -> bool:
    """Does the date stand in a parenthetical remark of its own words, away from the trigger before it (`Сайлау
    қорытындысы бойынша … (84; партия 2013 жылы атауын өзгертті – еск.)`)? A bracket that holds only a date dates
    the clause it closes (`… «Еуромайдан» деп аталды (2013 ж. қараша – 2014 ж. ақпан)`), and a bracket right after
    the trigger dates it."""
    opening = text.rfind("(", trigger.end, date.start)
    if opening < 0 or ")" in text[opening:date.start]:
        return False
    closing = text.find(")", date.end)
    remark = text[opening + 1:date.start] + " " + text[date.end:closing if closing >= 0 else len(text)]
    own_words = re.findall(r"[^\W\d_]{3,}", remark)
    return len(own_words) >= REMARK_WORDS and len(text[trigger.end:opening].split()) > ATTRIBUTE_REACH


def told_later(date: DateExpr, trigger: Trigger, text: str) -> bool:
    """Does an adverb of a later step stand between the date and the trigger after it (`2009 жылдың мамыр айында …
    құрылды, кейіннен ол … қайта құрылды`)?"""
    return date.end <= trigger.start and bool(cue_set("later").search(lower_same_length(text[date.end:trigger.start])))


def instrument_date(date: DateExpr, text: str) -> bool:
    """Is an attributive date that of the decree or decision by which the event came about (`2016 жылғы 20
    қаңтардағы Жарлығымен … Мәжілісі таратылды`)?"""
    head = " ".join(lower_same_length(text[date.end:date.end + 80]).split()[:ATTRIBUTE_REACH + 1])
    return bool(cue_set("instrument").search(head))


def publication_date(date: DateExpr, text: str) -> bool:
    """Is the date that of a publication (`… жылы жарияланған мақаласында`)?"""
    return bool(cue_set("published").match(lower_same_length(text[date.end:date.end + 30]).lstrip()))


def subordinate(trigger: Trigger, text: str) -> bool:
    """Does the trigger head a subordinate clause (`тәуелсіздік алған кезде`, `қабылдағаннан кейін`)? Such a
    clause refers to an event told elsewhere: a date after it is the main clause's."""
    following = lower_same_length(text[trigger.end:trigger.end + 24]).lstrip()
    return bool(cue_set("subordinate").match(following))


def refers_back(trigger: Trigger, text: str) -> bool:
    """Does a determiner right before the trigger (`осы сайлау`, `bu seçki`) point back to an event told before?"""
    before = lower_same_length(text[max(0, trigger.start - 24):trigger.start]).split()
    return bool(before) and bool(cue_set("refers_back").fullmatch(before[-1]))


def governing_date(trigger: Trigger, dates: list[DateExpr], text: str) -> DateExpr | None:
    """The date that governs the trigger: the one bound most closely to it in the sentence."""
    candidates = [d for d in dates if may_govern(trigger, d, text)]
    return max(candidates, key=lambda d: (binding(trigger, d, text), -distance(trigger, d))) if candidates else None


def distance(trigger: Trigger, date: DateExpr) -> int:
    """Characters between a trigger and a date (0 when they overlap)."""
    return max(0, trigger.start - date.end, date.start - trigger.end)


def coordinated(date: DateExpr, dates: list[DateExpr]) -> list[DateExpr]:
    """The other dates coordinated with this one (`1993 және 1995 Конституцияларында`): each dates an event."""
    if "coordinated" not in date.flags:
        return []
    return [d for d in dates if d is not date and "coordinated" in d.flags and usable(d)
            and abs(d.start - date.start) < 40]


@lru_cache(maxsize=None)
def _context_needs() -> dict[str, re.Pattern[str]]:
    cues = load_yaml("events", "cues.yaml")
    return {t: cue_set(name) for t, name in cues["context_needs"].items()}


def asserted(trigger: Trigger, text: str) -> bool:
    """May the trigger borrow a date? Nominal types need a cue that it happened after it, in its clause."""
    cue = _context_needs().get(trigger.type)
    if cue is None:
        return True
    clause = CLAUSE_END.split(lower_same_length(text[trigger.end:trigger.end + 100]), maxsplit=1)[0]
    return bool(cue.search(lower_same_length(text[trigger.start:trigger.end]) + " " + clause))


def context_date(recent: list[tuple[int, int, DateExpr]], sentence: Sentence) -> DateExpr | None:
    """The last date of the previous sentences (at most CONTEXT_SENTENCES back, in this paragraph or the one
    just before), a date that stands on its own before one written as the attribute of a noun."""
    window = [d for index, paragraph, d in recent
              if sentence.paragraph - paragraph <= 1 and 0 < sentence.index - index <= CONTEXT_SENTENCES]
    own = [d for d in window if not attributive(d)]
    return (own or window or [None])[-1]


LIST_ITEM = re.compile(r"^\s*(?:[-–—•]|\d{1,2}\)|[а-яәa-z]\))\s")


class ListContext:
    """The date of a list's introduction (`2002-2003 жылдары 12 саяси партия өз қызметін тоқтатты, оның ішінде:`),
    lent to the items that follow it: paragraphs that open with a marker (`- 3 (…) – «Отан» РСП-ға қосылды.`)."""

    def __init__(self) -> None:
        self.date: DateExpr | None = None
        self.in_list = False
        self.intro: tuple[AnalysedSentence, list[Trigger]] | None = None  # the introduction's sentence and events
        self.intro_mentions: list[EventMention] = []

    def enter(self, text: str, opens_paragraph: bool) -> None:
        """Read a sentence before its events: a paragraph that is no list item ends the list."""
        if opens_paragraph:
            self.in_list = self.date is not None and bool(LIST_ITEM.match(text))
            if not self.in_list:
                self.date = None

    def leave(self, sentence: AnalysedSentence, dates: list[DateExpr], told: list[Trigger],
              mentions: list[EventMention]) -> None:
        """Read a sentence after its events: one ending with a colon and a date of its own introduces a list;
        `told` are the events it tells, which its items may each tell again, `mentions` the ones made of them."""
        if sentence.text.rstrip().endswith(":") and dates:
            self.date, self.in_list, self.intro, self.intro_mentions = dates[-1], False, (sentence, told), mentions

    def told_by_items(self, types: set[str]) -> list[EventMention]:
        """The introduction's mentions of events of these types, which its items tell instead (given once)."""
        taken = [m for m in self.intro_mentions if m.type in types]
        self.intro_mentions = [m for m in self.intro_mentions if m.type not in types]
        return taken

    def item_events(self) -> tuple[AnalysedSentence | None, list[Trigger]]:
        """The introduction's sentence and events, for the first sentence of an item (none outside a list)."""
        return self.intro if self.in_list and self.intro else (None, [])

    def item_date(self) -> DateExpr | None:
        """The introduction's date, for a sentence of a list item."""
        return self.date if self.in_list else None


def day_before(iso_day: str | None) -> str | None:
    """The day before an ISO date (None stays None)."""
    return (calendar_date.fromisoformat(iso_day) - timedelta(days=1)).isoformat() if iso_day else None
