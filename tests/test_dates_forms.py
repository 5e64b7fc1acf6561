"""Every date form met in the corpus (tests/data/dates_forms.tsv: file:line, text, expected reading)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tarikh.extract.dates import find_dates

TABLE = Path(__file__).parent / "data" / "dates_forms.tsv"


def rows() -> list[list[str]]:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def value(cell: str) -> str | None:
    return None if cell == "-" else cell


@pytest.mark.parametrize("row", rows(), ids=lambda r: f"{r[0]}:{r[2][:30]}")
def test_form(row: list[str]) -> None:
    source, lang, text, date, date_end, precision, kind, flags, bounds = row
    found = find_dates(text, lang)
    assert found, f"{source}: nothing found in {text!r}"
    first = found[0]
    assert (first.date, first.date_end, first.precision, first.kind) == \
        (value(date), value(date_end), precision, kind), f"{source}: {first}"
    for flag in filter(None, (value(flags) or "").split(",")):
        assert flag in first.flags, f"{source}: flag {flag} missing in {first.flags}"
    if value(bounds):
        assert f"{first.earliest}/{first.latest}" == bounds
    assert text[first.start:first.end] == first.text


def test_table_covers_the_three_languages() -> None:
    assert {row[1] for row in rows()} == {"kk", "az", "ru"}
    assert len(rows()) > 100


@pytest.mark.parametrize("text, dates", [
    # 004:11559 two dates coordinated by «және»: the second takes the first one's year
    ("2005 жылғы 9 қыркүйекте және 25 қарашада", ["2005-09-09", "2005-11-25"]),
    # 004:12573 two months coordinated
    ("2002 жылдың наурыз және мамыр айларында", ["2002-03", "2002-05"]),
    # 004:7874 two years sharing one noun
    ("1990 және 1996 жылдардағы", ["1990", "1996"]),
])
def test_coordinated_dates(text: str, dates: list[str]) -> None:
    assert [d.date for d in find_dates(text, "kk")] == dates


def test_edtf_codes() -> None:
    """Seasons, year slices and quarters carry EDTF level-2 codes; spans are intervals."""
    def edtf(text: str, lang: str = "kk") -> str | None:
        return find_dates(text, lang)[0].edtf

    assert edtf("1990 жылдың күзінде") == "1990-23"  # 004:1612
    assert edtf("1992 жылдың басында") == "1992-37"
    assert edtf("1991 жылдың екінші жартысынан бастап") == "1991-41"  # 004:1861
    assert edtf("2004 жылдың 2-ші тоқсанынан") == "2004-34"  # 004:10369
    assert edtf("1990-жылдары") == "199X"
    assert edtf("1986-cı ilin 17-19 dekabrında", "az") == "1986-12-17/1986-12-19"


def test_glued_month_range_from_a_lost_line_end_dash() -> None:
    # 004:11367 «қараша-\nжелтоқсан»: the text layer may join the two months without the dash
    first = find_dates("2004 жылдың қарашажелтоқсан айларында", "kk")[0]
    assert (first.date, first.date_end) == ("2004-11", "2004-12")


def test_impossible_day_is_dropped_not_invented() -> None:
    first = find_dates("1991 жылғы 31 ақпанда", "kk")[0]
    assert (first.date, first.precision) == ("1991-02", "month")
    assert "invalid_day" in first.flags
