"""Text → event mentions for one document: the text layer, then the spaCy pipeline over its sentences.

The pipeline (`data/pipeline.yaml`) is a blank spaCy language of the sentence's language with tarikh's
registered components; every sentence that may hold a trigger becomes one Doc, and the components leave their
findings on `doc._.dates`, `doc._.actors`, `doc._.triggers`. The other sentences are only read for their dates,
which later sentences may refer back to, and their actors, which a neighbouring event may borrow.
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

from tarikh.extract.actors import ALIASES_KEY, find_actors
from tarikh.extract.aliases import learn_aliases
from tarikh.extract.dates import DateDiscourse, find_dates
from tarikh.extract.discourse import is_section_heading
from tarikh.extract.events import AnalysedSentence, EventMention, extract_mentions
from tarikh.extract.lexicon import load_yaml
from tarikh.extract.model import LANGUAGES, TEXT_KEY, SourceText
from tarikh.extract.text import read_document
from tarikh.extract.titles import resolve_title
from tarikh.extract.triggers import may_hold_trigger

@lru_cache(maxsize=None)
def load(lang: str) -> Language:
    """The configured pipeline of a language (kk, az, ru), built once per process."""
    config = load_yaml("pipeline.yaml")
    nlp = spacy.blank(lang if lang in config["languages"] else "kk")
    for component in config["components"]:
        importlib.import_module(component["module"])
        settings = dict(component.get("config", {}))
        if "lang" in nlp.get_factory_meta(component["name"]).default_config:
            settings.setdefault("lang", nlp.lang)
        nlp.add_pipe(component["name"], config=settings)
    return nlp


def sentence_doc(nlp: Language, text: str, aliases: Any) -> Doc:
    """A Doc of one sentence, carrying the document's learned aliases for the actor matcher."""
    doc = nlp.make_doc(text)
    doc.user_data[ALIASES_KEY] = aliases
    doc.user_data[TEXT_KEY] = text
    return doc


def analyse(source: SourceText) -> list[AnalysedSentence]:
    """Every sentence of a document with its dates and actors; sentences that may tell an event go through the
    whole spaCy pipeline and also get their triggers (offsets relative to the sentence)."""
    aliases = learn_aliases(source)
    analysed = [AnalysedSentence(sentence=s, text=source.sentence_text(s), lang=s.lang) for s in source.sentences]
    by_lang: dict[str, list[AnalysedSentence]] = {}
    for sentence in analysed:
        if may_hold_trigger(sentence.text, sentence.lang):
            by_lang.setdefault(sentence.lang, []).append(sentence)
        else:  # its dates may be referred back to, its actors lent to a neighbouring event
            sentence.dates = find_dates(sentence.text, sentence.lang)
            sentence.actors = find_actors(sentence.text, sentence.lang, aliases)
    for lang, sentences in by_lang.items():
        nlp = load(lang)
        docs = nlp.pipe(sentence_doc(nlp, s.text, aliases) for s in sentences)
        for sentence, doc in zip(sentences, docs):
            sentence.dates, sentence.actors, sentence.triggers = doc._.dates, doc._.actors, doc._.triggers
    return analysed


def resolve_discourse_dates(sentences: list[AnalysedSentence], discourse: DateDiscourse) -> None:
    """Resolve anaphoric and partial dates in reading order (`сол жылы`, a bare `27 мамырда`); a chapter or
    section heading starts afresh."""
    for sentence in sentences:
        if is_section_heading(sentence.text, sentence.lang):
            discourse.new_section()
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
    return extract_source(read_document(Path(path)))


def extract_source(source: SourceText) -> DocumentResult:
    """The pipeline after reading: analyse the sentences, resolve their dates, assemble event mentions."""
    document = {"name": source.name, "sha256": source.sha256, "lang": source.lang, "chars": len(source.raw),
                "encoding": source.encoding, "paragraphs": len(source.paragraphs),
                "sentences": len(source.sentences)}
    if source.lang not in LANGUAGES:
        return DocumentResult(document, counts={"skipped_language": 1})
    sentences = analyse(source)
    resolve_discourse_dates(sentences, DateDiscourse())
    mentions, counts = extract_mentions(source, sentences, resolve_title)
    return DocumentResult(document, mentions, counts)
