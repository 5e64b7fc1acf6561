"""Show how tarikh reads each text before looking for events.

For every file: its language, encoding, size, how many paragraphs and sentences it was cut into
and in which languages (`kk:2430 ru:7` = 2430 Kazakh and 7 Russian paragraphs; a sentence gets its own
language when its letters say so, a Russian quotation inside a Kazakh paragraph),
how many words broken over a line end were rejoined (`бо-⏎йынша` → `бойынша`) or kept hyphenated
(`іс-⏎қимылы`), how many page-furniture lines (page numbers, running headers with the author,
book or chapter title) were removed, and how many sentences repeat an earlier passage. With
--sentences FILE, prints that file's sentences with the line each starts on, to check the cuts.
With no PATH, the bundled demo corpus is inspected.
"""
from __future__ import annotations

import argparse
from pathlib import Path

HELP = "show per text: languages, paragraphs, sentences, repaired line breaks, page furniture, repeats"
COLUMNS = (("file", "<"), ("lang", "<"), ("paragraphs", ">"), ("sentences", ">"), ("joined", ">"),
           ("kept", ">"), ("furniture", ">"), ("repeats", ">"), ("chars", ">"), ("encoding", "<"),
           ("paragraph languages", "<"), ("sentence languages", "<"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="text files (default: the bundled corpus)")
    parser.add_argument("--sentences", metavar="FILE", type=Path,
                        help="print this file's sentences with their line numbers")


def run(args: argparse.Namespace) -> int:
    from tarikh.corpus import paths as corpus_paths
    from tarikh.extract.text import read_document

    if args.sentences:
        print_sentences(read_document(args.sentences))
        return 0
    rows = [row(read_document(Path(p))) for p in (args.paths or corpus_paths())]
    print_table(rows)
    return 0


def row(source) -> tuple:
    stats = source.stats
    return (source.name, source.lang, stats["paragraphs"], stats["sentences"], stats["hyphen_joins"],
            stats["hyphens_kept"], stats["furniture_lines"], stats["repeated_sentences"], stats["chars"],
            source.encoding, languages(stats["languages"]), languages(stats["sentence_languages"]))


def languages(counts: dict[str, int]) -> str:
    """`kk:2430 ru:7 other:7`, most frequent first."""
    return " ".join(f"{lang}:{n}" for lang, n in sorted(counts.items(), key=lambda item: -item[1]))


def print_table(rows: list[tuple]) -> None:
    widths = [max(len(name), *(len(str(r[i])) for r in rows)) for i, (name, _) in enumerate(COLUMNS)]
    line = lambda cells: "  ".join(f"{str(c):{align}{w}}" for c, (_, align), w in zip(cells, COLUMNS, widths))
    print(line([name for name, _ in COLUMNS]))
    for r in rows:
        print(line(r))


def print_sentences(source) -> None:
    for sentence in source.sentences:
        start, _ = source.raw_span(sentence.start, sentence.end)
        repeat = f" (repeats {sentence.repeat_of})" if sentence.repeat_of is not None else ""
        print(f"{source.line_of(start):>6} {sentence.lang} {sentence.index}{repeat}: {source.sentence_text(sentence)}")
