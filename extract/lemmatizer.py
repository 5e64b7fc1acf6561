"""Kazakh and Azerbaijani lemmatizer: a suffix stripper with vowel harmony, checked against a corpus lexicon.

A word is analysed from its end through slots of inflectional suffixes (`data/lemma/<lang>_suffixes.yaml`:
particles, case, possessive, plural for nouns; person, tense, negation for verbs), each slot
stripped at most once, outermost first, and only where the suffix's vowels agree in harmony with
the stem's last vowel. Of the candidate stems (the word included), the lemma is the one with the most corpus support:
the number of distinct corpus words built on it, plus one if it occurs as a word of its own;
ties go to a stem that is a word of its own, then to the most stripped. So `сайлауында` →
`сайлау`, `Алматыда` → `алматы` (never `алмат`: every word built on `алмат` goes through
`алматы`), `Астана` stays (more words are built on `астана` than on `аста`), and verb stems that
rarely stand alone still win by the number of their forms: `құрылды` → `құрыл` (derivational
suffixes such as the passive -ыл stay).
Vowel harmony is not required of stems that mix back and front vowels (names, loanwords:
`Назарбаевтың` → `назарбаев`) nor of invariant suffixes (`мен`, `бен`, `пен`).

The lexicon (`data/lemma/<lang>_stems.tsv`) is built from the corpus by `bench/build_stem_lexicon.py`.
A hyphenated case ending goes: `КСРО-ның` → `ксро`, `1-інде` → `1`.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Iterator

import yaml
from spacy.language import Language
from spacy.tokens import Doc

LANGUAGES = ("kk", "az")
MIN_STEM_CHARS = 2
NEUTRAL_VOWELS = "иуяюэ"
WORDS = {"kk": re.compile(r"[а-яёәғқңөұүһі]+"), "az": re.compile(r"[a-zəğıöüşç]+")}
APOSTROPHES = re.compile(r"[’'ʼ`]")


@dataclass(frozen=True)
class SuffixTable:
    """The suffix slots of one language and its harmony classes."""

    paths: tuple[tuple[tuple[str, ...], ...], ...]  # path → slot → suffixes, longest first
    back: str
    front: str
    invariant: frozenset[str]  # suffixes without vowel harmony (`мен`, `бен`, `пен`)
    min_word_count: int  # a stem counts as a word of its own when it occurs this often
    min_stem_forms: int  # ... or when this many distinct corpus words are built on it
    number_endings: tuple[str, ...]  # ordinal endings after a hyphen on a number (`3-ші`, `1917-ci`)

    def harmonises(self, stem: str, suffix: str) -> bool:
        """The suffix's first vowel and the stem's last vowel are both back or both front (or neutral)."""
        if suffix in self.invariant:
            return True
        suffix_vowel = next((c for c in suffix if c in self.back or c in self.front), None)
        stem_vowel = next((c for c in reversed(stem) if c in self.back or c in self.front or c in NEUTRAL_VOWELS),
                          None)
        if suffix_vowel is None or stem_vowel is None or stem_vowel in NEUTRAL_VOWELS or self.mixed(stem):
            return True
        return (suffix_vowel in self.back) == (stem_vowel in self.back)

    def mixed(self, stem: str) -> bool:
        """Back and front vowels in one stem (a loanword or a name: `Назарбаев`): either harmony goes."""
        return any(c in self.back for c in stem) and any(c in self.front for c in stem)

    def has_vowel(self, text: str) -> bool:
        return any(c in self.back or c in self.front or c in NEUTRAL_VOWELS for c in text)


def _data(name: str):
    return files("tarikh.extract") / "data" / "lemma" / name


@lru_cache(maxsize=None)
def suffix_table(lang: str) -> SuffixTable:
    table = yaml.safe_load(_data(f"{lang}_suffixes.yaml").read_text(encoding="utf-8"))
    paths = tuple(tuple(tuple(sorted(suffixes, key=len, reverse=True)) for suffixes in slots.values())
                  for slots in table["paths"].values())
    return SuffixTable(paths, table["back_vowels"], table["front_vowels"], frozenset(table["invariant"]),
                       table["min_word_count"], table["min_stem_forms"],
                       tuple(sorted(table["number_endings"], key=len, reverse=True)))


def candidate_stems(word: str, lang: str) -> dict[str, int]:
    """Every stem the slots allow for a lower-case word, with the number of suffixes stripped."""
    table = suffix_table(lang)
    found: dict[str, int] = {word: 0}
    for path in table.paths:
        for stem, stripped in _strip(word, path, 0, table):
            if stripped and found.get(stem, -1) < stripped:
                found[stem] = stripped
    return found


def _strip(word: str, slots: tuple[tuple[str, ...], ...], depth: int, table: SuffixTable) -> Iterator[tuple[str, int]]:
    yield word, depth
    for index, suffixes in enumerate(slots):
        for suffix in suffixes:
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) >= MIN_STEM_CHARS and table.has_vowel(stem) \
                    and table.harmonises(stem, suffix):
                yield from _strip(stem, slots[index + 1:], depth + 1, table)


@dataclass(frozen=True)
class StemLexicon:
    words: dict[str, int]  # corpus frequency of a form as a word of its own
    forms: dict[str, int]  # number of distinct corpus words analysable as this stem + suffixes


@lru_cache(maxsize=None)
def stem_lexicon(lang: str) -> StemLexicon:
    words, forms = {}, {}
    with _data(f"{lang}_stems.tsv").open(encoding="utf-8") as handle:
        for stem, count, shared in csv.reader(handle, delimiter="\t"):
            words[stem], forms[stem] = int(count), int(shared)
    return StemLexicon(words, forms)


def build_stem_lexicon(texts: Iterable[str], lang: str) -> list[tuple[str, int, int]]:
    """`(stem, word count, forms)` rows learned from texts, for the stems worth keeping."""
    counts = Counter(w for text in texts for w in WORDS[lang].findall(APOSTROPHES.sub("", text.lower())))
    forms: Counter[str] = Counter()
    for word in counts:
        forms.update(stem for stem, stripped in candidate_stems(word, lang).items() if stripped)
    table = suffix_table(lang)
    stems = {s for s, c in counts.items() if c >= table.min_word_count} \
        | {s for s, n in forms.items() if n >= table.min_stem_forms}
    return sorted((s, counts[s], forms[s]) for s in stems)


@lru_cache(maxsize=200_000)
def lemmatize(word: str, lang: str) -> str:
    """The lower-cased lemma of a Kazakh (`kk`) or Azerbaijani (`az`) word; other languages: lower case."""
    lower = word.lower()
    if lang not in LANGUAGES or not WORDS[lang].search(lower):
        return lower
    if "-" in lower:
        head, _, tail = lower.rpartition("-")
        if head and _is_suffix_chain(tail, lang):
            return head if not WORDS[lang].fullmatch(head) else lemmatize(head, lang)
        return f"{head}-{lemmatize(tail, lang)}" if head else lower
    if not WORDS[lang].fullmatch(lower):
        return lower
    return _best_stem(lower, lang)


def _is_suffix_chain(text: str, lang: str) -> bool:
    """`ның`, `інде`, `ші`: text that is nothing but suffixes (what follows a hyphen after an acronym or number)."""
    if not text:
        return False
    endings = suffix_table(lang).number_endings
    ordinal = next((e for e in endings if text.startswith(e)), "")
    rest = text[len(ordinal):]
    return not rest or any(stem == "" for stem in _bare_strips(rest, lang))


def _bare_strips(text: str, lang: str) -> Iterator[str]:
    """Stems left when suffixes (any slots, in order) are stripped with no minimum stem length."""
    for path in suffix_table(lang).paths:
        yield from _strip_bare(text, path)


def _strip_bare(word: str, slots: tuple[tuple[str, ...], ...]) -> Iterator[str]:
    yield word
    for index, suffixes in enumerate(slots):
        for suffix in suffixes:
            if word.endswith(suffix):
                yield from _strip_bare(word[:-len(suffix)], slots[index + 1:])


def _best_stem(word: str, lang: str) -> str:
    """The candidate most corpus words support (as a word of its own, or as their stem)."""
    lexicon, table = stem_lexicon(lang), suffix_table(lang)

    def key(item: tuple[str, int]) -> tuple[int, bool, int, int]:
        stem, stripped = item
        is_word = lexicon.words.get(stem, 0) >= table.min_word_count
        return lexicon.forms.get(stem, 0) + is_word, is_word and stripped > 0, stripped, len(word) - len(stem)

    return max(candidate_stems(word, lang).items(), key=key)[0]


@Language.factory("tarikh_lemmatizer", default_config={"lang": None})
def make_lemmatizer(nlp: Language, name: str, lang: str | None) -> "SuffixLemmatizer":
    """spaCy factory: `nlp.add_pipe("tarikh_lemmatizer")` on a `kk` or `az` pipeline."""
    return SuffixLemmatizer(lang or nlp.lang)


class SuffixLemmatizer:
    """Sets `token.lemma_` with `lemmatize()` for every token of a Kazakh or Azerbaijani Doc."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = lemmatize(token.text, self.lang)
        return doc
