"""Text → event mentions for one document: the text layer, then the spaCy pipeline over its sentences.

The pipeline (`data/pipeline.yaml`) is a blank spaCy language of the sentence's language with tarikh's
registered components; every sentence that may hold a trigger becomes one Doc, and the components leave their
findings on `doc._.dates`, `doc._.actors`, `doc._.triggers`. The other sentences are only read for their dates,
which later sentences may refer back to, and their actors, which a neighbouring event may borrow.
"""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tarikh.extract.actors import ALIASES_KEY, find_actors
from tarikh.extract.aliases import AliasTable, learn_aliases
from tarikh.extract.dates import DateDiscourse, find_dates
from tarikh.extract.discourse import is_section_heading
from tarikh.extract.events import AnalysedSentence, extract_mentions
from tarikh.extract.lexicon import load_yaml
from tarikh.extract.model import (LANGUAGES, TEXT_KEY, ActorMention, DateExpr, EventMention, SourceText,
                                 supported_language)
from tarikh.extract.text import read_document
from tarikh.extract.titles import resolve_title
from tarikh.extract.triggers import Trigger, may_hold_trigger

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


WARM_UP = {"kk": "1991 жылы 16 желтоқсанда Қазақстан тәуелсіздігін жариялады.",
           "az": "16 dekabr 1991-ci ildə Qazaxıstan dövlət müstəqilliyini elan etdi.",
           "ru": "16 декабря 1991 года Казахстан провозгласил независимость."}


def warm_up() -> None:
    """Load every language's pipeline and the tables its components compile on first use (before a process
    forks workers, or in a new worker before its first task)."""
    read_sentences([(text, lang) for lang, text in WARM_UP.items()], AliasTable())


def sentence_doc(nlp: Language, text: str, aliases: Any) -> Doc:
    """A Doc of one sentence, carrying the document's learned aliases for the actor matcher."""
    doc = nlp.make_doc(text)
    doc.user_data[ALIASES_KEY] = aliases
    doc.user_data[TEXT_KEY] = text
    return doc


SentenceItem = tuple[str, str]  # a sentence's text and language
Findings = tuple[list[DateExpr], list[ActorMention] | None, list[Trigger]]  # actors None: not read
Mapper = Callable[[Callable[[list[SentenceItem]], list[Findings]], Iterable[list[SentenceItem]]],
                  Iterable[list[Findings]]]
CHUNK_SENTENCES = 250  # sentences read as one task (a unit of work for a pool of processes)


def read_sentences(items: list[SentenceItem], aliases: AliasTable) -> list[Findings]:
    """The dates, actors and triggers of each sentence; sentences that may tell an event go through the whole
    spaCy pipeline, the others are read for their dates and actors only (no trigger can be found in them)."""
    aliases = _same_table(aliases)
    findings: list[Findings | None] = [None] * len(items)
    by_lang: dict[str, list[int]] = {}
    for i, (text, lang) in enumerate(items):
        if may_hold_trigger(text, lang):  # read as Kazakh when tarikh does not read its language
            by_lang.setdefault(supported_language(lang), []).append(i)
        else:  # its dates may be referred back to; its actors are read if an event borrows them
            findings[i] = (find_dates(text, lang), None, [])
    for lang, indices in by_lang.items():
        nlp = load(lang)
        docs = nlp.pipe(sentence_doc(nlp, items[i][0], aliases) for i in indices)
        for i, doc in zip(indices, docs):
            findings[i] = (doc._.dates, doc._.actors, doc._.triggers)
    return findings


_last_table: list[AliasTable] = []


def _same_table(aliases: AliasTable) -> AliasTable:
    """The table already seen when an equal one arrives again (a worker process receives a copy of the
    document's table with every chunk; the matcher's index of it is cached by identity)."""
    if _last_table and _last_table[0].entries == aliases.entries:
        return _last_table[0]
    _last_table[:] = [aliases]
    return aliases


def analyse(source: SourceText, mapper: Mapper = map) -> list[AnalysedSentence]:
    """Every sentence of a document with its dates, actors and triggers (offsets relative to the sentence),
    read in chunks by `mapper` (the built-in `map`, or a process pool's ordered `imap`)."""
    aliases = learn_aliases(source)
    analysed = [AnalysedSentence(sentence=s, text=source.sentence_text(s), lang=s.lang) for s in source.sentences]
    items = [(sentence.text, sentence.lang) for sentence in analysed]
    chunks = [items[i:i + CHUNK_SENTENCES] for i in range(0, len(items), CHUNK_SENTENCES)]
    findings = list(chain.from_iterable(mapper(partial(read_sentences, aliases=aliases), chunks)))
    reader = ActorReader(analysed, [actors for _, actors, _ in findings], aliases)
    for position, (sentence, (dates, _, triggers)) in enumerate(zip(analysed, findings)):
        sentence.dates, sentence.triggers = dates, triggers
        sentence.read_actors = partial(reader.actors, position)
    return analysed


class ActorReader:
    """The actors of a document's sentences: what the pipeline found, else read on first use; a bare surname
    (`Қожахметов`) stands for the person of that surname last named in full before it in the document
    (`Асылбек Қожахметов`), not for whichever namesake the gazetteer lists first."""

    def __init__(self, sentences: list[AnalysedSentence], found: list[list[ActorMention] | None],
                 aliases: AliasTable):
        self.sentences, self.found, self.aliases = sentences, found, aliases

    def actors(self, position: int) -> list[ActorMention]:
        actors = list(self.named(position))
        for k, actor in enumerate(actors):
            if is_bare_surname(actor) and (full := self.named_in_full(position, k, actor)) and full.id != actor.id:
                actors[k] = replace(actor, id=full.id, label=full.label, wikidata=full.wikidata, labels=full.labels)
        return actors

    def named(self, position: int) -> list[ActorMention]:
        """The actors as matched, before surnames are resolved."""
        if self.found[position] is None:
            sentence = self.sentences[position]
            self.found[position] = find_actors(sentence.text, sentence.lang, self.aliases)
        return self.found[position]

    def named_in_full(self, position: int, k: int, bare: ActorMention) -> ActorMention | None:
        """The last person of the bare surname's name named in full before it: earlier in its sentence, else
        in the nearest sentence before whose text holds the surname's first letters."""
        surname, word = bare.label.split()[-1], SURNAME_START.search(bare.text)
        letters = (word.group() if word else bare.text)[:SURNAME_LETTERS]
        before = (self.named(j) for j in range(position - 1, -1, -1) if letters in self.sentences[j].text)
        for actors in chain([self.named(position)[:k]], before):  # nearest first, read only as far as needed
            full = [a for a in actors if a.kind == "Person" and a.source == "gazetteer" and not is_bare_surname(a)
                    and a.label.split()[-1] == surname]
            if full:
                return full[-1]
        return None


SURNAME_START = re.compile(r"[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*(?=[^.]*$)")
SURNAME_LETTERS = 4  # the letters every case form of a surname starts with (`Қожахметов`, `Қожахметовтың`)


def is_bare_surname(actor: ActorMention) -> bool:
    """A person of the gazetteer named by one word (`Қожахметов`, `Н.Ә.Назарбаевтың`), not in full."""
    return actor.kind == "Person" and actor.source == "gazetteer" and " " not in actor.text.strip()


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


def extract_document(path: Path, mapper: Mapper = map) -> DocumentResult:
    """The whole per-document pipeline: read, clean, analyse, resolve dates, assemble event mentions."""
    return extract_source(read_document(Path(path)), mapper)


def extract_source(source: SourceText, mapper: Mapper = map) -> DocumentResult:
    """The pipeline after reading: analyse the sentences, resolve their dates, assemble event mentions."""
    document = {"name": source.name, "sha256": source.sha256, "lang": source.lang, "chars": len(source.raw),
                "encoding": source.encoding, "paragraphs": len(source.paragraphs),
                "sentences": len(source.sentences)}
    if source.lang not in LANGUAGES:
        return DocumentResult(document, counts={"skipped_language": 1})
    sentences = analyse(source, mapper)
    resolve_discourse_dates(sentences, DateDiscourse())
    mentions, counts = extract_mentions(source, sentences, resolve_title)
    return DocumentResult(document, mentions, counts)
