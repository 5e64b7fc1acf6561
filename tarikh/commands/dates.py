"""List the dates a text gives, as tarikh reads them: one JSON object per date expression.

  tarikh dates corpus/004_….txt          every date in a document, in reading order, with the
                                          year filled in for «сол жылы», «келесі жылы», a bare
                                          «27 мамырда»… from the last date given before it
  tarikh dates --per-line dates.txt       each line read on its own (no context), e.g. a list of
                                          date phrases; `input_line` gives the line number
  echo "1991 жылы 8 желтоқсанда" | tarikh dates - --per-line

Each object: `text` (as read), `start`/`end` (offsets in the input file, or in the line with
--per-line), `line`, `date` and `date_end` (ISO, at the precision the text gives), `precision`
(day, month, year, decade, century), `edtf`, `bounds` (earliest and latest possible day),
`kind` (absolute; partial = day/month with the year taken from context; anaphoric = «сол жылы»;
relative = «биылғы», the document's own year, given with --year; non_event = a year that is no
event date: programme name «Қазақстан-2030», life span, title, validity period) and `flags`
(since, until, by, span, term, swapped, resolved_from=…).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterator

from tarikh.errors import TarikhError
from tarikh.extract.dates import detect_lang, find_dates
from tarikh.extract.discourse import DateDiscourse, is_section_heading
from tarikh.extract.model import DateExpr

RAW_PARAGRAPH = re.compile(r"\S(?:.|\n(?!\s*\n))*")
HELP = "list the dates in a text (Kazakh, Azerbaijani, Russian) as JSON lines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", default="-", help="text file, or - for standard input (default)")
    parser.add_argument("--per-line", action="store_true", help="read each line on its own, without context")
    parser.add_argument("--lang", choices=["kk", "az", "ru"],
                        help="language (default: from the script; ə/ı/ş Latin → az, else kk)")
    parser.add_argument("--year", type=int, help="the document's own year, for «биылғы», «үстіміздегі жылы»")


def read_input(name: str) -> str:
    """The input text; a missing or undecodable file is a one-line error."""
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.is_file():
        raise TarikhError(f"{name}: no such file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise TarikhError(f"{name}: not UTF-8 text (byte {error.start})") from None


def record(expr: DateExpr, start: int, end: int, **extra: Any) -> dict[str, Any]:
    return {"text": expr.text, "start": start, "end": end, **extra, "date": expr.date,
            "date_end": expr.date_end, "precision": expr.precision, "edtf": expr.edtf,
            "bounds": [expr.earliest, expr.latest], "kind": expr.kind, "flags": list(expr.flags)}


def per_line(text: str, lang: str | None) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(text.splitlines(), 1):
        for expr in find_dates(line, lang or detect_lang(line)):
            yield record(expr, expr.start, expr.end, input_line=number)


def paragraphs(text: str, name: str) -> tuple[list[tuple[int, str, str | None]], Any]:
    """(offset, clean text, language) of each paragraph, and the SourceText (None without the text layer)."""
    try:
        from tarikh.extract.text import prepare
    except ImportError:  # the text layer is optional: read the raw text, blank lines as paragraph breaks
        return [(m.start(), m.group(), None) for m in RAW_PARAGRAPH.finditer(text)], None
    source = prepare(text, name)
    return [(p.start, source.clean[p.start:p.end], p.lang) for p in source.paragraphs], source


def whole_text(text: str, name: str, lang: str | None, year: int | None) -> Iterator[dict[str, Any]]:
    """Dates of a whole document through the text layer, resolved in reading order."""
    chunks, source = paragraphs(text, name)
    discourse = DateDiscourse(year)
    for offset, chunk, chunk_lang in chunks:
        chunk_lang = lang or (chunk_lang if chunk_lang in ("kk", "az", "ru") else detect_lang(chunk))
        if is_section_heading(chunk.split("\n", 1)[0], chunk_lang):
            discourse.new_section()
        for expr in find_dates(chunk, chunk_lang):
            expr = discourse.resolve(expr)
            discourse.observe(expr)
            if source is None:
                start, end = offset + expr.start, offset + expr.end
                yield record(expr, start, end, line=text.count("\n", 0, start) + 1)
            else:
                start, end = source.raw_span(offset + expr.start, offset + expr.end)
                yield record(expr, start, end, line=source.line_of(start))


def run(args: argparse.Namespace) -> int:
    text = read_input(args.file)
    name = "stdin" if args.file == "-" else Path(args.file).name
    rows = per_line(text, args.lang) if args.per_line else whole_text(text, name, args.lang, args.year)
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0
