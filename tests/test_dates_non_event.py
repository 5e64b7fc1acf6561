"""Years that are not event dates: programme names, life spans, validity periods, titles, counts."""
from __future__ import annotations

import pytest

from tarikh.extract.dates import find_dates


def reading(text: str, lang: str = "kk") -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(d.kind, d.date, d.flags) for d in find_dates(text, lang)]


@pytest.mark.parametrize("text, lang, reason", [
    ("«Қазақстан-2030» стратегиясы", "kk", "programme"),  # 004:5914
    ("Стратегиялық жоспар-2020-да «демократия» ұғымы", "kk", "programme"),  # 004:14432
    ("EXPO-2017 көрмесі", "kk", "programme"),
    ("“Qazaxıstan-2050” strategiyası", "az", "programme"),  # 001:38
    ("“Qazaxıstan-2030-cu il” adlı proqramında", "az", "programme"),  # 001:37
    ("Атамбаев (1952-2016 жж.) туралы", "kk", "lifespan"),  # 004:6695, span of 64 years
    ("Мұхтар Шаханов (1935-2008) ақын", "kk", "lifespan"),  # 004:8563 pattern, no жж.
    ("Oralxan Bukeyev –(1943-1993) görkəmli qazax yazıçısı", "az", "lifespan"),  # 001:41
    ("2020-2030 жылдарға арналған тұжырымдама", "kk", "validity"),  # validity period
    ("2009-2010 жылдарға арналған бірлескен іс-қимыл жоспар", "kk", "validity"),  # 004:14048
    ("«2004 жылға арналған ішкі және сыртқы саясаттың негізгі бағыттары»", "kk", "title"),  # 004:9385
    ("екі мың жыл бұрын", "kk", "duration"),  # KazNERD
    ("e.ə.5000-1200-cü illər arası bu ərazilərdə", "az", "bc"),  # 001:1, before the common era
])
def test_non_event_years(text: str, lang: str, reason: str) -> None:
    dates = find_dates(text, lang)
    assert dates and all(d.kind == "non_event" for d in dates), dates
    assert reason in dates[0].flags


def test_convocation_term_after_a_body_is_a_dated_term() -> None:
    # 004:1006 «(1990-1993 жж.)» after the Supreme Soviet: the body's term, kept as a date
    (date,) = find_dates("Жоғарғы Кеңесінің (1990-1993 жж.) депутаты", "kk")
    assert (date.kind, date.date, date.date_end) == ("absolute", "1990", "1993")
    assert "term" in date.flags


@pytest.mark.parametrize("text", [
    "1000-нан астам адам",  # a count with "more than"
    "жалпы дауыстың 12,08%",  # a percentage
    "100-ден астам партия",
    "1000-даған тұрғын",  # KazNERD: "thousands of"
    "2000-ға жуық мектепте",  # KazNERD: "about 2000"
    "1163-інші шақырымында",  # KazNERD: an ordinal kilometre
    "400 – 425 гектарға",  # KazNERD: a range of counts
    "Абайдың 175 жылдығын",  # an anniversary count
    "ол жылқы бақты",  # «жылқы» (horse) is no year noun
    "Қарнақ ақылы құйылған қазан тұр",  # a cauldron, not October
    "Сары май , тары , көже төгілді-ай",  # butter, not May
    "«Желтоқсан» қозғалысы",  # a movement named December
    "саны 1500 және 2000 адам",  # coordinated counts
])
def test_numbers_and_words_that_are_not_dates(text: str) -> None:
    assert [d for d in find_dates(text, "kk") if d.kind != "non_event"] == []


def test_plausible_year_with_throughout_is_a_date() -> None:
    # 004:15420 «2010 жыл бойы» = throughout 2010, while «екі мың жыл бойы» would be a length
    (date,) = find_dates("2010 жыл бойы ЕҚЫҰ төрағасы ретінде", "kk")
    assert (date.kind, date.date) == ("absolute", "2010")
