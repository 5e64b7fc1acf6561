"""Fuzzing what tests/test_dates_properties.py and tests/test_actors_matcher.py leave out: dates resolved through
the discourse (a partial `29 ақпанда` after a non-leap year), actors in az and ru and in texts built from real
names, suffixes and punctuation, with aliases learned from the same text, and the whole per-document pipeline."""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tarikh.extract.actors import find_actors
from tarikh.extract.aliases import learn_aliases
from tarikh.extract.dates import DateDiscourse, find_dates
from tarikh.errors import TarikhError
from tarikh.extract.text import prepare
from tarikh.parallel import extract_lines

DATE_PIECES = ["1991", "1995", "2000", "1900", "жылы", "жылғы", "29", "31", "30", "ақпанда", "сәуірде",
               "қарашасында", "сол", "осы", "жылдың", "келесі", "жылы", ".", "\n", "-ы", "ilin", "fevralın",
               "29-da", "года", "февраля", "31-і", "маусымның", "1992 жылғы", "ғасыр", "басында", "XX"]
ACTOR_PIECES = ["Нұрсұлтан", "Назарбаев", "Назарбаевтың", "Қазақстан", "Республикасы", "Республикасының",
                "Жоғарғы", "Кеңесі", "Кеңесінің", "«Нұр Отан»", "партиясы", "партиясының", "ҚХА", "(ҚХА)",
                "Қазақстан халқы Ассамблеясы", "Ресей", "Ресеймен", "Heydər", "Əliyev", "Əliyevin", "Azərbaycan",
                "Respublikası", "Milli", "Məclis", "Назарбаев-", "Ельцин", "Горбачев", "КСРО", "ТМД", "Алматы",
                "Алматыда", "Бакы", "«", "»", "-", "–", "(", ")", ",", ".", " ", "\n", "Н.Ә.", "Назарбаев Н.Ә."]


def fragments(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.text(max_size=120), st.lists(st.sampled_from(pieces), max_size=30).map(" ".join),
                     st.lists(st.sampled_from(pieces), max_size=30).map("".join))


def calendar_date(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@settings(max_examples=300, deadline=None)
@given(st.lists(fragments(DATE_PIECES), min_size=1, max_size=6), st.sampled_from(["kk", "az", "ru"]),
       st.one_of(st.none(), st.integers(1900, 2030)))
def test_dates_resolved_through_the_discourse_stay_calendar_dates(sentences: list[str], lang: str,
                                                                  year: int | None) -> None:
    discourse = DateDiscourse(year)
    for text in sentences:
        for found in find_dates(text, lang):
            date = discourse.resolve(found)
            discourse.observe(date)
            assert (date.start, date.end, date.text) == (found.start, found.end, found.text)
            for value in (date.date, date.date_end, date.earliest, date.latest):
                if value is not None:
                    calendar_date(value)
            if date.earliest or date.latest:
                assert date.earliest and date.latest and date.earliest <= date.latest


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments(ACTOR_PIECES), st.sampled_from(["kk", "az", "ru"]))
def test_actor_spans_stay_inside_any_text_in_any_language(text: str, lang: str) -> None:
    aliases = learn_aliases(prepare(text, "fuzz.txt")) if text.strip() else None
    for actor in find_actors(text, lang, aliases):
        assert 0 <= actor.start < actor.end <= len(text)
        assert text[actor.start:actor.end] == actor.text
        assert actor.id and actor.label and actor.kind
        assert 0.0 <= actor.confidence <= 1.0


EVENT_PIECES = DATE_PIECES + ACTOR_PIECES + ["құрылды", "қабылданды", "сайлау", "өтті", "референдум",
                                             "тәуелсіздігін", "жариялады", "Заң", "Конституция", "seçki", "keçirildi"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments(EVENT_PIECES))
def test_a_document_of_any_text_gives_mentions_inside_it(text: str) -> None:
    """The per-document pipeline, through the shard lines, over any text: refused with a TarikhError, or every
    span reported inside the text and every date a calendar date."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.txt"
        path.write_text(text, encoding="utf-8")
        try:
            lines = extract_lines(path)
        except TarikhError:
            return
    header, mentions = json.loads(lines[0]), [json.loads(line) for line in lines[1:]]
    assert header["document"]["name"] == "fuzz.txt"
    for mention in mentions:
        for span in [mention["mention"], mention["trigger"], *mention["actors"], mention["place"] or {}]:
            if span:
                assert 0 <= span["start"] <= span["end"] <= len(text)
        for value in (mention["date"], mention["earliest"], mention["latest"]):
            calendar_date(value)
        assert mention["earliest"] <= mention["latest"]
