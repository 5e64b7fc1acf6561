"""List the dates a text gives, as tarikh reads them: one JSON object per date expression.

  tarikh dates corpus/004_….txt          every date in a document, in reading order, with the
                                          year filled in for «сол жылы», «келесі жылы», a bare
                                          «27 мамырда»… from the last date given before it
  tarikh dates --per-line dates.txt       each line read on its own (no context), e.g. a list of
                                          date phrases; `input_line` gives the line number
  echo "1991 жылы 8 желтоқсанда" | tarikh dates - --per-line

Each object: `text` (as read), `start`/`end` (offsets in the input file, or in the line with
--per-line), `line`, `date` and `date_end` (ISO, at the precision the text gives), `precision`
(day, month, year; decade and century for a span of years such as «1990 жылдары»), `edtf`
(with seasons as 1990-23, year slices as 1992-37…), `bounds` (earliest and latest possible day),
`kind` (absolute; partial = day/month with the year taken from context; anaphoric = «сол жылы»;
relative = «биылғы», the document's own year, given with --year; non_event = a year that is no
event date: programme name «Қазақстан-2030», life span, title, validity period) and `flags`
(since, until, by, span, term, swapped, resolved_from=…).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from tarikh.commands._options import add_text_input
from tarikh.errors import TarikhError
from tarikh.extract.text import prepare, read_document

if TYPE_CHECKING:  # the date grammar loads spaCy: imported when the command runs, not when the CLI starts
    from tarikh.extract.model import DateExpr, SourceText

HELP = "list the dates in a text (Kazakh, Azerbaijani, Russian) as JSON lines"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_text_input(parser, "language (default: from the script: mostly Latin → az, Cyrillic without Kazakh "
                           "letters → ru, else kk)")
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
    from tarikh.extract.dates import detect_lang, find_dates

    for number, line in enumerate(text.splitlines(), 1):
        for expr in find_dates(line, lang or detect_lang(line)):
            yield record(expr, expr.start, expr.end, input_line=number)


def whole_text(source: SourceText, lang: str | None, year: int | None) -> Iterator[dict[str, Any]]:
    """Dates of a whole document, paragraph by paragraph in reading order, resolved from the context.

    A chapter or section heading drops the context (see `tarikh.extract.discourse`).
    """
    from tarikh.extract.dates import detect_lang, find_dates
    from tarikh.extract.discourse import DateDiscourse, is_section_heading

    discourse = DateDiscourse(year)
    for paragraph in source.paragraphs:
        chunk = source.clean[paragraph.start:paragraph.end]
        chunk_lang = lang or (paragraph.lang if paragraph.lang in ("kk", "az", "ru") else detect_lang(chunk))
        if is_section_heading(chunk.split("\n", 1)[0], chunk_lang):
            discourse.new_section()
        for expr in find_dates(chunk, chunk_lang):
            expr = discourse.resolve(expr)
            discourse.observe(expr)
            start, end = source.raw_span(paragraph.start + expr.start, paragraph.start + expr.end)
            yield record(expr, start, end, line=source.line_of(start))


def document(name: str) -> SourceText:
    """The input through the text layer (a file's encoding is detected; bad files are one-line errors)."""
    if name == "-":
        return prepare(sys.stdin.read(), "stdin")
    if not Path(name).is_file():
        raise TarikhError(f"{name}: no such file")
    return read_document(Path(name))


def run(args: argparse.Namespace) -> int:
    if args.per_line:
        rows = per_line(read_input(args.file), args.lang)
    else:
        rows = whole_text(document(args.file), args.lang, args.year)
    out = sys.stdout
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0
