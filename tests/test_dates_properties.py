"""Properties of find_dates on arbitrary input: it never fails and never reports the impossible."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tarikh.extract.dates import build_date, find_dates

# Fragments of real date phrases, so that random texts often hit the grammar's corners.
PIECES = ["1991", "жылы", "жылғы", "8", "31", "желтоқсанда", "ақпанның", "29-ы", "-", "–", " ", "\n", "ж.",
          "және", "бастап", "дейін", "сол", "жылдың", "ci", "-ci", "ilin", "dekabrın", "1-də", "(", ")",
          "жж.", "2030", "Қазақстан-", "XX", "ғасыр", "басында", "күзінде", "тоқсан", "екінші", "жартысы",
          "мың", "тоғыз", "жүз", "бірінші", "( іі )", "(", "0", "9999", "12.13.2015", "30.02.2015", "года", "в", "мая"]
texts = st.one_of(st.text(max_size=200), st.lists(st.sampled_from(PIECES), max_size=25).map(" ".join),
                  st.lists(st.sampled_from(PIECES), max_size=25).map("".join))


def valid_iso(value: str | None) -> bool:
    if value is None:
        return True
    parts = [int(p) for p in value.split("-")]
    dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    return True


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["kk", "az", "ru"]))
def test_any_text_gives_sound_dates(text: str, lang: str) -> None:
    for expr in find_dates(text, lang):
        assert 0 <= expr.start < expr.end <= len(text)
        assert text[expr.start:expr.end] == expr.text
        assert valid_iso(expr.date) and valid_iso(expr.date_end)
        assert valid_iso(expr.earliest) and valid_iso(expr.latest)
        if expr.earliest:
            assert expr.earliest <= expr.latest
            assert expr.earliest[:len(expr.date)] <= expr.date <= expr.latest[:len(expr.date)]
            width = {"century": 4, "decade": 4, "year": 4, "month": 7, "day": 10}[expr.precision]
            assert len(expr.date) == width
        if expr.date_end:
            assert expr.date[:4] <= expr.date_end[:4]
        assert (expr.date is None) == (expr.earliest is None)


@settings(max_examples=200, deadline=None)
@given(st.integers(1000, 2199), st.integers(1, 12), st.integers(1, 31))
def test_built_dates_are_calendar_dates(year: int, month: int, day: int) -> None:
    expr = build_date("x", 0, 1, {"year": year, "month": month, "day": day})
    assert valid_iso(expr.date) and expr.earliest <= expr.latest
    if expr.precision == "day":
        assert expr.date == f"{year:04d}-{month:02d}-{day:02d}"
    else:
        assert "invalid_day" in expr.flags and expr.date == f"{year:04d}-{month:02d}"
