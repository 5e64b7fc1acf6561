"""The text layer: a file (or string) → `SourceText` with clean text, offset map, paragraphs, sentences.

    source = read_document(Path("corpus/004_….txt"))
    for sentence in source.sentences:
        text = source.sentence_text(sentence)            # clean text: what matchers read
        start, end = source.raw_span(sentence.start, sentence.end)   # original offsets
        line = source.line_of(start)                     # 1-based line in the file

Stages: reading (encoding, refusals) → PDF repair (furniture, hyphens, wrapped lines, paragraphs)
→ normalisation (NFC, homoglyphs, quotes, spaces) → paragraphs and their language → sentences
→ repeated passages.
"""
from __future__ import annotations

from array import array
from collections import Counter
from pathlib import Path

import numpy as np

from tarikh.extract.langid import language, span_letters
from tarikh.extract.model import Paragraph, Sentence, SourceText
from tarikh.extract.normalise import Normalised, normalise_with_spans
from tarikh.extract.pdf_repair import repair
from tarikh.extract.reading import decode, read_bytes, sha256_of
from tarikh.extract.repeats import find_repeats
from tarikh.extract.sentences import split_sentences


def read_document(path: Path, encoding: str | None = None) -> SourceText:
    """Read and prepare a file; the encoding is detected unless given. Raises TarikhError for bad files."""
    path = Path(path)
    data = read_bytes(path)
    raw, encoding = decode(data, str(path), encoding)
    return prepare(raw, path.name, encoding, sha256=sha256_of(data))


def prepare(raw: str, name: str, encoding: str = "utf-8", sha256: str | None = None) -> SourceText:
    """Prepare an already decoded text. `sha256` defaults to the hash of `raw` encoded as UTF-8."""
    repaired = repair(raw)
    normalised = normalise_with_spans(repaired.text, keep_newlines=True)
    clean = normalised.text
    origin = array("i", repaired.origin[normalised.index].astype(np.int32, copy=False).tobytes())
    origin.append(len(raw))
    origin_width = _raw_widths(repaired.origin, normalised)
    repair_stats = {**repaired.stats, "line_per_sentence": repaired.line_per_sentence}
    del repaired, normalised  # their per-character arrays are no longer needed: a long file's peak memory
    spans = split_sentences(clean)
    paragraphs, sentences = _paragraphs_and_sentences(clean, spans)
    stats = {
        "paragraphs": len(paragraphs),
        "sentences": len(sentences),
        **repair_stats,
        "repeated_sentences": sum(1 for s in sentences if s.repeat_of is not None),
        "chars": len(raw),
        "clean_chars": len(clean),
        "languages": dict(Counter(p.lang for p in paragraphs)),
        "sentence_languages": dict(Counter(s.lang for s in sentences)),
    }
    return SourceText(name=name, raw=raw, sha256=sha256 or sha256_of(raw.encode("utf-8", "surrogatepass")),
                      encoding=encoding, clean=clean, origin=origin, paragraphs=paragraphs,
                      sentences=sentences, lang=_majority_language(paragraphs), stats=stats,
                      origin_width=origin_width)


def _raw_widths(repaired_origin: np.ndarray, normalised: Normalised) -> dict[int, int]:
    """Clean offset → number of raw chars for the clean chars composed from several (letter + combining marks)."""
    widths = {}
    for i, width in normalised.width.items():
        first = normalised.index[i]
        widths[i] = int(repaired_origin[first + width - 1] - repaired_origin[first]) + 1
    return widths


def _paragraphs_and_sentences(clean: str, spans: list[tuple[int, int]]) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs (the lines of the clean text) and their sentences, each with its language.

    A paragraph's letters decide its language (with no cue it takes its predecessor's); each sentence's own
    letters then decide the sentence's (with no cue: its paragraph's), and the paragraph keeps the language
    of most of its sentences' characters, so a Russian title inside an Azerbaijani paragraph is `ru` alone.
    """
    bounds = _line_bounds(clean)
    owners = np.searchsorted(np.array([end for _, end in bounds], dtype=np.int64),
                             [start for start, _ in spans]).tolist()
    letters = span_letters(clean, bounds + spans)
    paragraph_langs, previous = [], "kk"
    for (start, end), counts in zip(bounds, letters):
        previous = language(clean[start:end], counts, previous)
        paragraph_langs.append(previous)
    sentence_langs = [language(clean[start:end], counts, paragraph_langs[p], identify=False)
                      for (start, end), counts, p in zip(spans, letters[len(bounds):], owners)]
    sizes: list[Counter[str]] = [Counter() for _ in bounds]
    for (start, end), p, lang in zip(spans, owners, sentence_langs):
        sizes[p][lang] += end - start
    paragraphs = [Paragraph(start, end, size.most_common(1)[0][0] if size else lang)
                  for (start, end), size, lang in zip(bounds, sizes, paragraph_langs)]
    repeats = find_repeats(clean, spans)
    sentences = [Sentence(index, start, end, p, lang, repeat_of) for index, ((start, end), p, lang, repeat_of)
                 in enumerate(zip(spans, owners, sentence_langs, repeats))]
    return paragraphs, sentences


def _line_bounds(clean: str) -> list[tuple[int, int]]:
    """`[start, end)` of each (non-empty) line of the clean text."""
    bounds, start = [], 0
    for line in clean.split("\n"):
        if line:
            bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def _majority_language(paragraphs: list[Paragraph]) -> str:
    """The language of most of the document's characters."""
    sizes: Counter[str] = Counter()
    for paragraph in paragraphs:
        sizes[paragraph.lang] += paragraph.end - paragraph.start
    return sizes.most_common(1)[0][0] if sizes else "kk"
