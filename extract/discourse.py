"""Dates that lean on earlier ones: «сол жылы», «келесі жылы», «Бұл күні», a bare «27 мамырда».

`DateDiscourse` walks a document's date expressions in reading order:

    discourse = DateDiscourse(document_year=None)
    for expr in dates_in_reading_order:
        expr = discourse.resolve(expr)
        discourse.observe(expr)

The anchor is the last date seen that has a year (an explicit one, or one resolved from an
anchor itself). Resolution rules:
  * year anaphors: «осы/сол жылы» = anchor year, «келесі жылы» +1, «өткен жылы» −1;
  * month and day anaphors («Сол айда», «Бұл күні») need an anchor with that month/day;
  * a partial date («27 мамырда», «Желтоқсанның 10-ы», «dekabrın 1-də») takes the anchor's year;
  * relative years («биылғы», «үстіміздегі жылы», «Cari il») take the document's own year, which
    is only known when the caller gives it; otherwise they stay unresolved.
A resolved expression keeps its kind and gets the flag `resolved_from=<anchor text>`. Nothing
is ever guessed: with no anchor the expression stays unresolved (date None).

When the anchor resets: at a new chapter or section (call `new_section()`; `is_section_heading()`
tells a heading line such as «2-тарау», «II бөлім», «3.1 …»), because a chapter restarts its own
chronology. The edge of a period («1990 жылдан бастап», «2000 жылға дейін») does not replace an
existing anchor when it is a deadline or goes back in time. Paragraph breaks do not reset the anchor: the book continues one story across paragraphs
(004: «1989 жылғы 28 ақпанда … Бұл күні» spans a paragraph break). Years given as non-events
(programme names, life spans, titles) never become anchors.
"""
from __future__ import annotations

from tarikh.extract.date_grammar import grammar
from tarikh.extract.dates import build_date
from tarikh.extract.model import DateExpr

OFFSET = {"same": 0, "next": 1, "previous": -1}
WIDE = frozenset({"decade", "century"})  # too wide to say which year «сол жылы» means
DEADLINES = frozenset({"until", "by"})
STARTS = frozenset({"since", "after"})


class DateDiscourse:
    """Resolves anaphoric, partial and relative dates from the last explicit date seen."""

    def __init__(self, document_year: int | None = None):
        self.document_year = document_year
        self.anchor: DateExpr | None = None

    def new_section(self) -> None:
        """Forget the anchor: a new chapter or section starts its own chronology."""
        self.anchor = None

    def observe(self, expr: DateExpr) -> None:
        """Take `expr` as the anchor if it is a dated event date.

        A deadline («2000 жылға дейін», «қазанына қарай») never replaces an anchor, and a start
        («1990 жылдан бастап») only when it does not go back in time: both are mostly background,
        not the time the story has reached.
        """
        if expr.kind == "non_event" or not expr.date or WIDE.intersection(expr.flags):
            return
        if self.anchor is not None:
            if DEADLINES.intersection(expr.flags):
                return
            if STARTS.intersection(expr.flags) and expr.date < (self.anchor.date or ""):
                return
        self.anchor = expr

    def resolve(self, expr: DateExpr) -> DateExpr:
        """`expr` with its year (month, day) filled from the anchor or the document year."""
        if expr.date is not None or expr.kind == "non_event":
            return expr
        parts = dict(expr.parts)
        source = self.fill(parts, expr.kind)
        if source is None:
            return expr
        if parts.get("month_end") is not None or parts.get("day_end") is not None:
            parts["year_end"] = parts["year"]
        flags = expr.flags + (f"resolved_from={source}",)
        return build_date(expr.text, expr.start, expr.end, parts, expr.kind, flags)

    def fill(self, parts: dict, kind: str) -> str | None:
        """Put the year (and month/day for «Сол айда», «Бұл күні») into `parts`; the anchor text or None."""
        ref, unit = parts.get("ref"), parts.get("unit", "year")
        if ref == "document" or kind == "relative":
            if self.document_year is None:
                return None
            parts["year"] = self.document_year
            return "document year"
        anchor = self.anchor
        if anchor is None:
            return None
        year, month, day = (anchor.parts.get(k) for k in ("year", "month", "day"))
        if ref is None or unit == "year":
            parts["year"] = year + OFFSET.get(ref, 0)
        elif unit == "month" and month and ref == "same":
            parts.update(year=year, month=month)
        elif unit == "day" and day and ref == "same":
            parts.update(year=year, month=month, day=day)
        else:
            return None
        return anchor.text


def is_section_heading(line: str, lang: str = "kk") -> bool:
    """A chapter or section header line («2-тарау», «II бөлім», «3.1 Саяси партиялар»)."""
    return bool(grammar(lang).section_heading.search(line))
