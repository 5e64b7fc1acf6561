"""The records that flow between the pipeline stages: text → dates → actors → events.

Offsets: `SourceText.clean` is the repaired, normalised text every matcher reads; `SourceText.origin`
maps each of its characters back to the original file, so every record can report the original
`[start, end)` and line of what it came from.
"""
from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from typing import Any


NEWLINE = re.compile("\n")
LANGUAGES = ("kk", "az", "ru")  # the languages tarikh reads; anything else is read as Kazakh where it must be


def supported_language(lang: str) -> str:
    """The language itself when tarikh reads it, else Kazakh."""
    return lang if lang in LANGUAGES else "kk"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text, `[start, end)` in clean offsets, with its language."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class Sentence:
    """A sentence of the clean text, `[start, end)` in clean offsets.

    `repeat_of` is the index of an earlier sentence with the same normalised text (a repeated
    passage), so later stages can count what it tells once.
    """

    index: int
    start: int
    end: int
    paragraph: int
    lang: str
    repeat_of: int | None = None


@dataclass
class SourceText:
    """One input document after the text layer: original text, clean text, and the map between them."""

    name: str
    raw: str
    sha256: str
    encoding: str
    clean: str
    origin: array  # origin[i] = offset in `raw` of clean[i]; one extra entry = len(raw)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    lang: str = "kk"
    stats: dict[str, Any] = field(default_factory=dict)
    origin_width: dict[int, int] = field(default_factory=dict)  # clean offset → raw chars, where more than one
    _line_starts: list[int] | None = field(default=None, repr=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Original-file offsets of the clean span `[start, end)`."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + self.origin_width.get(end - 1, 1)

    def line_of(self, raw_offset: int) -> int:
        """1-based line of an original-file offset."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in NEWLINE.finditer(self.raw)]
        return bisect.bisect_right(self._line_starts, raw_offset)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.clean[sentence.start:sentence.end]


@dataclass(frozen=True)
class DateExpr:
    """A date expression found in a text, at the precision the text gives.

    `start`/`end` are offsets in the string that was analysed. `date`/`date_end` are ISO strings
    (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) or None while unresolved; `earliest`/`latest` are the
    `xsd:date` bounds of the whole interval. `kind` is one of:
      absolute   a full date as written (year given)
      partial    day and/or month without a year (`27 мамырда`), resolved from the discourse
      anaphoric  `осы жылы`, `сол жылдың 7 қарашасында`, `келесі жылы`, resolved from the discourse
      relative   `үстіміздегі жылы`, `биылғы`: the document's own year, unresolved when unknown
      non_event  a year that is not an event date (programme name, life span, validity period, title)
    `missing` lists what is not given in the text itself (`year`, `month`).
    """

    text: str
    start: int
    end: int
    date: str | None
    date_end: str | None
    precision: str | None  # year | month | day | None (seasons, quarters, decades: the interval's unit)
    edtf: str | None
    earliest: str | None
    latest: str | None
    kind: str = "absolute"
    missing: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    parts: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class ActorMention:
    """An actor or place mention: where it is, who it is."""

    text: str
    start: int
    end: int
    id: str
    label: str
    kind: str  # Person | Party | Movement | State | Organisation | Body | Place | Other
    source: str = "gazetteer"  # gazetteer | learned | detected | title
    wikidata: str | None = None
    inferred: bool = False
    confidence: float = 1.0
    labels: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


TEXT_KEY = "tarikh_text"


def doc_text(doc: Any) -> str:
    """The text of a spaCy Doc: the one the pipeline kept in `user_data` (spaCy rebuilds `doc.text` from the
    tokens at every call), else `doc.text`."""
    return doc.user_data.get(TEXT_KEY) or doc.text


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
