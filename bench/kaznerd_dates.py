"""KazNERD check of the date grammar (KazNERD: Kazakh TV news, CC BY 4.0).

    python bench/kaznerd_dates.py [IOB2_FILE]   (default: /work/shared/external/kaznerd/IOB2_valid.txt)

Each sentence is rebuilt from its tokens (joined by spaces) and read by `find_dates(…, "kk")`.
Figures, over DATE spans that hold a year (four digits, or number words with «мың») or a month name:
  found      share of those spans overlapped by a date expression
  year       share of spans with a four-digit year whose overlapping expression has that year
  month      share of spans with a month name whose overlapping expression has that month
  precision  share of the date expressions read (non-events excluded) that overlap a DATE span
Misses and false alarms are written with --show.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass

from tarikh.extract.date_grammar import grammar
from tarikh.extract.dates import find_dates, fold

YEAR_DIGITS = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")
YEAR_WORDS = re.compile(r"(?<![^\W\d_])мың", re.I)


@dataclass
class Span:
    start: int
    end: int
    text: str


def sentences(path: str):
    """(text, DATE spans) of each sentence of an IOB2 file."""
    tokens: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as handle:
        for line in list(handle) + [""]:
            line = line.rstrip("\n")
            if line.strip():
                word, _, tag = line.rpartition(" ")
                tokens.append((word, tag))
                continue
            if tokens:
                yield build(tokens)
                tokens = []


def build(tokens: list[tuple[str, str]]) -> tuple[str, list[Span]]:
    text, spans, offset = [], [], 0
    for word, tag in tokens:
        start = offset
        text.append(word)
        offset += len(word) + 1
        if tag == "B-DATE" or (tag == "I-DATE" and not spans):
            spans.append(Span(start, start + len(word), word))
        elif tag == "I-DATE":
            spans[-1].end = start + len(word)
    joined = " ".join(text)
    for span in spans:
        span.text = joined[span.start:span.end]
    return joined, spans


def month_in(text: str) -> int | None:
    """The month a span names, from the month tables (the definition of a month name)."""
    g = grammar("kk")
    for word in fold(text).split():
        kind = g.classify(word)
        if kind and kind[0] == "month":
            return kind[1][0]
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="/work/shared/external/kaznerd/IOB2_valid.txt")
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    args = parser.parse_args()
    wanted = found = years = year_ok = months = month_ok = reported = overlapping = 0
    elapsed = 0.0
    shown: list[str] = []
    for text, spans in sentences(args.path):
        began = time.perf_counter()
        dates = find_dates(text, "kk")
        elapsed += time.perf_counter() - began
        for expr in (d for d in dates if d.kind != "non_event"):
            reported += 1
            if any(expr.start < s.end and s.start < expr.end for s in spans):
                overlapping += 1
            elif args.show:
                shown.append(f"  false alarm {expr.text!r} in: {text[max(0, expr.start - 40):expr.end + 40]}")
        for span in spans:
            year = YEAR_DIGITS.search(span.text)
            month = month_in(span.text)
            if not (year or YEAR_WORDS.search(span.text) or month):
                continue
            wanted += 1
            hits = [d for d in dates if d.start < span.end and span.start < d.end]
            if not hits:
                shown.append(f"  missed {span.text!r} in: {text[:160]}") if args.show else None
                continue
            found += 1
            if year:
                years += 1
                if any((d.parts.get("year") or 0) == int(year.group(1)) for d in hits):
                    year_ok += 1
                elif args.show:
                    shown.append(f"  wrong year {span.text!r}: {[d.date for d in hits]}")
            if month:
                months += 1
                if any(d.parts.get("month") == month for d in hits):
                    month_ok += 1
                elif args.show:
                    shown.append(f"  wrong month {span.text!r}: {[(d.text, d.parts.get('month')) for d in hits]}")
    print(f"DATE spans with a year or month: {wanted}")
    print(f"found      {found / wanted:.1%} ({found}/{wanted})")
    print(f"year       {year_ok / max(1, years):.1%} ({year_ok}/{years})")
    print(f"month      {month_ok / max(1, months):.1%} ({month_ok}/{months})")
    print(f"precision  {overlapping / max(1, reported):.1%} ({overlapping}/{reported})")
    print(f"find_dates time {elapsed:.2f} s")
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
