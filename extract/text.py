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

from tarikh.extract.langid import paragraph_language
from tarikh.extract.model import Paragraph, Sentence, SourceText
from tarikh.extract.normalise import normalise_with_map
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
    clean, index = normalise_with_map(repaired.text, keep_newlines=True)
    origin = array("i")
    origin.frombytes(np.append(repaired.origin[index], len(raw)).astype(np.int32).tobytes())
    paragraphs = _paragraphs(clean)
    sentences = _sentences(clean, paragraphs)
    lang = _majority_language(paragraphs)
    stats = {
        "paragraphs": len(paragraphs),
        "sentences": len(sentences),
        **repaired.stats,
        "repeated_sentences": sum(1 for s in sentences if s.repeat_of is not None),
        "line_per_sentence": repaired.line_per_sentence,
        "chars": len(raw),
        "clean_chars": len(clean),
        "languages": dict(Counter(p.lang for p in paragraphs)),
    }
    return SourceText(name=name, raw=raw, sha256=sha256 or sha256_of(raw.encode("utf-8", "surrogatepass")),
                      encoding=encoding, clean=clean, origin=origin, paragraphs=paragraphs,
                      sentences=sentences, lang=lang, stats=stats)


def _paragraphs(clean: str) -> list[Paragraph]:
    """One paragraph per line of the clean text; a paragraph with no language cue takes its predecessor's."""
    paragraphs, start, previous = [], 0, "kk"
    for line in clean.split("\n"):
        if line:
            previous = paragraph_language(line, default=previous)
            paragraphs.append(Paragraph(start, start + len(line), previous))
        start += len(line) + 1
    return paragraphs


def _sentences(clean: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    spans = [(p, paragraph.start + a, paragraph.start + b, paragraph.lang)
             for p, paragraph in enumerate(paragraphs)
             for a, b in split_sentences(clean[paragraph.start:paragraph.end])]
    repeats = find_repeats([clean[start:end] for _, start, end, _ in spans])
    return [Sentence(index, start, end, p, lang, repeat_of)
            for index, ((p, start, end, lang), repeat_of) in enumerate(zip(spans, repeats))]


def _majority_language(paragraphs: list[Paragraph]) -> str:
    """The language of most of the document's characters."""
    sizes: Counter[str] = Counter()
    for paragraph in paragraphs:
        sizes[paragraph.lang] += paragraph.end - paragraph.start
    return sizes.most_common(1)[0][0] if sizes else "kk"
