"""Build the lemmatizer's stem lexicons (extract/data/lemma/<lang>_stems.tsv) from the bundled corpus.

Run after changing the corpus or the suffix tables:  python bench/build_stem_lexicon.py
Each row: stem, its frequency as a word of its own, the number of distinct words built on it, and how many
of those show it with a verb-only suffix (so it is a verb stem).
"""
from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path

from tarikh.atomic import atomic_text
from tarikh.corpus import paths
from tarikh.extract.lemmatizer import LANGUAGES, build_stem_lexicon
from tarikh.extract.text import read_document

OUT = Path(__file__).resolve().parent.parent / "extract" / "data" / "lemma"


def paragraphs_by_language() -> dict[str, list[str]]:
    texts: dict[str, list[str]] = defaultdict(list)
    for path in paths():
        source = read_document(path)
        for paragraph in source.paragraphs:
            texts[paragraph.lang].append(source.clean[paragraph.start:paragraph.end])
    return texts


def main() -> None:
    start = time.perf_counter()
    texts = paragraphs_by_language()
    for lang in LANGUAGES:
        rows = build_stem_lexicon(texts[lang], lang)
        with atomic_text(OUT / f"{lang}_stems.tsv") as handle:
            handle.writelines("\t".join(map(str, row)) + "\n" for row in rows)
        print(f"{lang}: {len(rows)} stems from {len(texts[lang])} paragraphs")
    print(f"built in {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
