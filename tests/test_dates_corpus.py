"""The whole bundled corpus through the text layer: no dates from page furniture, programme names or life spans."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import pytest
import spacy

from tarikh.corpus import paths
from tarikh.extract import text as text_layer
from tarikh.extract.dates import DateDiscourse, find_dates


@lru_cache(maxsize=None)
def corpus_dates() -> dict[str, list[tuple[int, str, str, tuple[str, ...], str]]]:
    """file → (line, text, kind, flags, raw text around) of every date, read paragraph by paragraph."""
    out = {}
    for path in paths():
        source = text_layer.read_document(path)
        discourse = DateDiscourse()
        rows = []
        for paragraph in source.paragraphs:
            lang = paragraph.lang if paragraph.lang in ("kk", "az", "ru") else source.lang
            for expr in find_dates(source.clean[paragraph.start:paragraph.end], lang):
                expr = discourse.resolve(expr)
                discourse.observe(expr)
                start, end = source.raw_span(paragraph.start + expr.start, paragraph.start + expr.end)
                rows.append((source.line_of(start), expr.text, expr.kind, expr.flags,
                             source.raw[max(0, start - 40):end + 10]))
        out[path.name] = rows
    return out


def furniture_lines(name: str) -> set[int]:
    """Lines of a file that repeat three times or more and hold a year: running headers."""
    lines = next(p for p in paths() if p.name == name).read_text(encoding="utf-8").splitlines()
    counts = Counter(line.strip() for line in lines if re.search(r"\d{4}", line))
    return {i for i, line in enumerate(lines, 1) if counts[line.strip()] >= 3 and len(line.strip()) > 20}


def test_no_date_from_running_headers() -> None:
    # 004: «II-тарау. Қазақстанның тәуелсіздігі таңындағы … (1992-1994 жж.)» repeats at 2837, 3560, 4016
    furniture = furniture_lines("004_cf181f5803b7d246.txt")
    assert {2837, 3560, 4016} <= furniture
    dated = {row[0] for row in corpus_dates()["004_cf181f5803b7d246.txt"]}
    assert dated & furniture == set()


def test_programme_names_are_never_event_dates() -> None:
    named = [row for rows in corpus_dates().values() for row in rows
             if re.search(r"[^\W\d_]\s?[-–]\s?" + re.escape(row[1][:4]), row[4]) and row[1][:4].isdigit()
             and re.search(r"(?:Қазақстан|Qazaxıstan|жоспар|Республика)\s?[-–]\s?$", row[4].split(row[1])[0])]
    assert len(named) >= 15  # «Қазақстан-2030», «Стратегиялық жоспар-2020», «Qazaxıstan-2050»…
    assert all(kind == "non_event" and "programme" in flags for _, _, kind, flags, _ in named)


@pytest.mark.parametrize("name, line", [
    ("004_cf181f5803b7d246.txt", 2729), ("004_cf181f5803b7d246.txt", 6695),
    ("004_cf181f5803b7d246.txt", 8563), ("004_cf181f5803b7d246.txt", 10013),
    ("001_38c2b70d75d0c229.txt", 41),
])
def test_life_spans_are_never_event_dates(name: str, line: int) -> None:
    spans = [row for row in corpus_dates()[name] if row[0] == line and "-" in row[1]
             and re.search(r"\(\s*$", row[4].split(row[1])[0])]
    assert spans and all(kind == "non_event" and "lifespan" in flags for _, _, kind, flags, _ in spans)


def test_every_file_gives_dates_and_resolves_some_from_context() -> None:
    dates = corpus_dates()
    assert all(dates[name] for name in dates)
    resolved = [row for rows in dates.values() for row in rows
                if any(flag.startswith("resolved_from=") for flag in row[3])]
    assert len(resolved) >= 40


def test_spacy_component_fills_doc_dates() -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("tarikh_dates", config={"lang": "kk"})
    doc = nlp("1991 жылы 16 желтоқсанда Қазақстан Республикасының Тәуелсіздігі туралы Конституциялық заң қабылданды")
    assert [(d.text, d.date) for d in doc._.dates] == [("1991 жылы 16 желтоқсанда", "1991-12-16")]
    nlp_az = spacy.blank("xx")
    nlp_az.add_pipe("tarikh_dates")  # no language given: from the script
    assert nlp_az("1917-ci ilin noyabrında qurultay")._.dates[0].date == "1917-11"
