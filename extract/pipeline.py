"""Text → event mentions for one document: the text layer, then the spaCy pipeline over each paragraph.

The pipeline (`data/pipeline.yaml`) is a blank spaCy language with tarikh's registered components; each
paragraph of the clean text becomes one Doc with the text layer's sentence boundaries, and the components leave
their findings on `doc._.dates`, `doc._.actors`, `doc._.triggers`.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tarikh.extract.aliases import learn_aliases
from tarikh.extract.dates import DateDiscourse
from tarikh.extract.events import AnalysedSentence, EventMention, extract_mentions
from tarikh.extract.lexicon import load_yaml
from tarikh.extract.model import Paragraph, SourceText
from tarikh.extract.text import read_document
from tarikh.extract.titles import resolve_title

ALIASES_KEY = "tarikh_aliases"


@lru_cache(maxsize=None)
def load(lang: str) -> Language:
    """The configured pipeline of a language (kk, az, ru), built once per process."""
    config = load_yaml("pipeline.yaml")
    nlp = spacy.blank(lang if lang in config["languages"] else "kk")
    for component in config["components"]:
        importlib.import_module(component["module"])
        nlp.add_pipe(component["name"], config=component.get("config", {}))
    return nlp


def paragraph_doc(nlp: Language, source: SourceText, paragraph: Paragraph, aliases: Any) -> Doc:
    """A Doc of one paragraph with the text layer's sentence starts."""
    doc = nlp.make_doc(source.clean[paragraph.start:paragraph.end])
    starts = {s.start - paragraph.start for s in source.sentences if paragraph.start <= s.start < paragraph.end}
    for token in doc:
        token.is_sent_start = token.idx in starts or token.i == 0
    doc.user_data[ALIASES_KEY] = aliases
    return doc


def _inside(items: list, start: int, end: int) -> list:
    return [x for x in items if start <= x.start and x.end <= end]


def _shift(item: Any, offset: int) -> Any:
    from dataclasses import replace

    return replace(item, start=item.start - offset, end=item.end - offset)


def analyse(source: SourceText) -> list[AnalysedSentence]:
    """Every sentence of a document with its dates, actors and triggers (offsets relative to the sentence)."""
    aliases = learn_aliases(source)
    analysed = []
    for index, paragraph in enumerate(source.paragraphs):
        nlp = load(paragraph.lang)
        doc = nlp(paragraph_doc(nlp, source, paragraph, aliases))
        for sentence in (s for s in source.sentences if s.paragraph == index):
            start, end = sentence.start - paragraph.start, sentence.end - paragraph.start
            analysed.append(AnalysedSentence(
                sentence=sentence, text=source.sentence_text(sentence), lang=paragraph.lang,
                dates=[_shift(d, start) for d in _inside(doc._.dates or [], start, end)],
                actors=[_shift(a, start) for a in _inside(doc._.actors or [], start, end)],
                triggers=[_shift(t, start) for t in _inside(doc._.triggers or [], start, end)]))
    return analysed


def resolve_discourse_dates(sentences: list[AnalysedSentence], discourse: DateDiscourse) -> None:
    """Resolve anaphoric and partial dates in reading order (`сол жылы`, a bare `27 мамырда`)."""
    for sentence in sentences:
        resolved = []
        for date in sentence.dates:
            date = discourse.resolve(date)
            discourse.observe(date)
            resolved.append(date)
        sentence.dates = resolved


@dataclass
class DocumentResult:
    """What one document contributes to a build: its metadata, event mentions and counts."""

    document: dict[str, Any]
    mentions: list[EventMention] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def extract_document(path: Path) -> DocumentResult:
    """The whole per-document pipeline: read, clean, analyse, resolve dates, assemble event mentions."""
    source = read_document(Path(path))
    document = {"name": source.name, "sha256": source.sha256, "lang": source.lang, "chars": len(source.raw),
                "encoding": source.encoding, "paragraphs": len(source.paragraphs),
                "sentences": len(source.sentences)}
    if source.lang not in ("kk", "az", "ru"):
        return DocumentResult(document, counts={"skipped_language": 1})
    sentences = analyse(source)
    resolve_discourse_dates(sentences, DateDiscourse())
    mentions, counts = extract_mentions(source, sentences, resolve_title)
    return DocumentResult(document, mentions, counts)
