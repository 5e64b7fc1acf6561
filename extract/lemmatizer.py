"""Kazakh and Azerbaijani lemmatizer: a suffix stripper with vowel harmony, checked against a corpus lexicon.

A word is analysed from its end through slots of inflectional suffixes (`data/lemma/<lang>_suffixes.yaml`:
particles, case, possessive, plural for nouns; person, copula, tense, negation for verbs; case and
possessive on a participle), each slot stripped at most once, outermost first, and only where the
suffix's vowels agree in harmony with the stem's last vowel. Before a vowel-initial suffix a stem may
also be read in its dictionary form: final consonant devoiced (`тәуелсіздігі` → `тәуелсіздік`,
`müdrüklüyü` → `müdrüklük`) or elided vowel restored (`халқы` → `халық`), when that form is a corpus word.

Of the readings, the lemma is the stem with the most corpus support (see `_best_stem`): distinct
corpus words built on it, verb-marked ones twice, plus a bonus for being a word of its own. Verb
endings only come off stems the corpus shows with a verb-only suffix (`ұлттық` is not ұлт + past
tense); a stem that is no word of its own loses to a longer word-stem that almost all its forms go
through (`Алматыда` → `алматы`, never `алмат`). So `сайлауында` → `сайлау`, `Астана` stays,
`қойды` → `қой`, and verb stems that rarely stand alone still win by their forms: `құрылды` →
`құрыл` (derivational suffixes such as the passive -ыл stay).
Vowel harmony is not required of stems that mix back and front vowels (names, loanwords:
`Назарбаевтың` → `назарбаев`) nor of invariant suffixes (`мен`, `бен`, `пен`).

The lexicon (`data/lemma/<lang>_stems.tsv`) is built from the corpus by `bench/build_stem_lexicon.py`.
A hyphenated case ending goes: `КСРО-ның` → `ксро`, `1-інде` → `1`. Accuracy on 358 hand-checked corpus
forms: tests/test_lemma_forms.py.
"""
from __future__ import annotations

import csv
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from tarikh.extract.lexicon import parse_yaml

LANGUAGES = ("kk", "az")
MIN_STEM_CHARS = 2
NEUTRAL_VOWELS = "иуяюэ"
WORDS = {"kk": re.compile(r"[а-яёәғқңөұүһі]+"), "az": re.compile(r"[a-zəğıöüşç]+")}
APOSTROPHES = re.compile(r"[’'ʼ`]")
DOMINATED_OWN_FORMS = 2  # a shorter stem needs this many forms not built on a longer word-stem ...
DOMINATED_SHARE = 0.25  # ... and this share of the longer stem's forms, to beat it
DOMINATING_MIN_FORMS = 2  # only a longer stem with this many forms of its own can dominate
FREQUENCY_WEIGHT = 0.5  # support a word of its own gains per doubling of its corpus frequency


@dataclass(frozen=True)
class SuffixTable:
    """The suffix slots of one language, its harmony classes and stem alternations."""

    paths: dict[str, tuple[tuple[str, ...], ...]]  # path → slot → suffixes, longest first
    required: dict[str, int]  # path → index of the slot a reading of that path must use
    verbal_paths: frozenset[str]  # paths that only attach to verb stems
    verb_markers: frozenset[str]  # suffixes that only verbs take: a stem seen with one is a verb stem
    back: str
    front: str
    invariant: frozenset[str]  # suffixes without vowel harmony (`мен`, `бен`, `пен`)
    min_word_count: int  # a stem counts as a word of its own when it occurs this often
    min_stem_forms: int  # ... or when this many distinct corpus words are built on it
    number_endings: tuple[str, ...]  # ordinal endings after a hyphen on a number (`3-ші`, `1917-ci`)
    devoicing: dict[str, str]  # stem-final consonant voiced before a vowel → its dictionary form (ғ → қ)
    elided: dict[str, str]  # harmony class → the vowel a stem loses before a vowel (халық → халқы)
    casing: dict[str, str]  # upper-case letters with a language-specific lower case (İ → i, I → ı)

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

    def is_vowel(self, char: str) -> bool:
        return char in self.back or char in self.front or char in NEUTRAL_VOWELS

    def has_vowel(self, text: str) -> bool:
        return any(self.is_vowel(c) for c in text)

    def dictionary_forms(self, stem: str, suffix: str) -> list[str]:
        """The stem as stripped, and before a vowel-initial suffix: with its final consonant devoiced
        (`толығ` → `толық`) and with its elided vowel restored (`халқ` → `халық`)."""
        forms = [stem]
        if not suffix or not self.is_vowel(suffix[0]):
            return forms
        if stem[-1] in self.devoicing:
            forms.append(stem[:-1] + self.devoicing[stem[-1]])
        if len(stem) >= 3 and not self.is_vowel(stem[-1]) and not self.is_vowel(stem[-2]):
            vowel = self.elided["back" if any(c in self.back for c in stem) else "front"]
            forms.extend(f[:-1] + vowel + f[-1] for f in list(forms))
        return forms


@dataclass(frozen=True)
class Analysis:
    """One way to read a word: a stem, the path its suffixes follow, and the suffixes stripped."""

    stem: str
    path: str
    suffixes: tuple[str, ...]
    altered: bool = False  # the stem is a dictionary form (devoiced, elided vowel restored), not a prefix


def _data(name: str):
    return files("tarikh.extract") / "data" / "lemma" / name


@lru_cache(maxsize=None)
def suffix_table(lang: str) -> SuffixTable:
    table = parse_yaml(_data(f"{lang}_suffixes.yaml").read_text(encoding="utf-8"))
    paths = {name: tuple(tuple(sorted(suffixes, key=len, reverse=True)) for suffixes in slots.values())
             for name, slots in table["paths"].items()}
    required = {name: list(table["paths"][name]).index(slot) for name, slot in table.get("required_slots", {}).items()}
    return SuffixTable(paths, required, frozenset(table["verbal_paths"]), frozenset(table["verb_markers"]),
                       table["back_vowels"], table["front_vowels"], frozenset(table["invariant"]),
                       table["min_word_count"], table["min_stem_forms"],
                       tuple(sorted(table["number_endings"], key=len, reverse=True)),
                       table.get("devoicing", {}), table["elided_vowels"], table.get("casing", {}))


def analyses(word: str, lang: str) -> list[Analysis]:
    """Every reading of a lower-case word the slots allow (the word itself included, unanalysed)."""
    table = suffix_table(lang)
    found = [Analysis(word, "", ())]
    for name, path in table.paths.items():
        required = table.required.get(name)
        for stem, suffixes, slots in _strip(word, path, (), (), table):
            if suffixes and (required is None or required in slots):
                found.extend(Analysis(form, name, suffixes, form != stem)
                             for form in table.dictionary_forms(stem, suffixes[-1]))
    return found


def candidate_stems(word: str, lang: str) -> dict[str, int]:
    """Every stem the slots allow for a lower-case word, with the most suffixes stripped to reach it."""
    found: dict[str, int] = {}
    for analysis in analyses(word, lang):
        found[analysis.stem] = max(found.get(analysis.stem, 0), len(analysis.suffixes))
    return found


def _strip(word: str, slots: tuple[tuple[str, ...], ...], stripped: tuple[str, ...], used: tuple[int, ...],
           table: SuffixTable, first: int = 0) -> Iterator[tuple[str, tuple[str, ...], tuple[int, ...]]]:
    """Stems left by stripping suffixes from `slots[first:]`, outermost first: `(stem, suffixes, slots used)`."""
    yield word, stripped, used
    for index in range(first, len(slots)):
        for suffix in slots[index]:
            stem = word[:-len(suffix)]
            if word.endswith(suffix) and len(stem) >= MIN_STEM_CHARS and table.has_vowel(stem) \
                    and table.harmonises(stem, suffix):
                yield from _strip(stem, slots, stripped + (suffix,), used + (index,), table, index + 1)


@dataclass(frozen=True)
class StemLexicon:
    words: dict[str, int]  # corpus frequency of a form as a word of its own
    forms: dict[str, int]  # number of distinct corpus words analysable as this stem + suffixes
    verbal: dict[str, int]  # number of distinct corpus words showing this stem with a verb-only suffix


@lru_cache(maxsize=None)
def stem_lexicon(lang: str) -> StemLexicon:
    words, forms, verbal = {}, {}, {}
    with _data(f"{lang}_stems.tsv").open(encoding="utf-8") as handle:
        for stem, count, shared, verb in csv.reader(handle, delimiter="\t"):
            words[stem], forms[stem], verbal[stem] = int(count), int(shared), int(verb)
    return StemLexicon(words, forms, verbal)


def build_stem_lexicon(texts: Iterable[str], lang: str) -> list[tuple[str, int, int, int]]:
    """`(stem, word count, forms, verb forms)` rows learned from texts, for the stems worth keeping."""
    table = suffix_table(lang)
    counts = Counter(w for text in texts for w in WORDS[lang].findall(_lower(APOSTROPHES.sub("", text), table)))
    forms: Counter[str] = Counter()
    verbal: Counter[str] = Counter()
    for word in counts:
        readings = [a for a in analyses(word, lang) if not a.altered or counts[a.stem] >= table.min_word_count]
        forms.update({a.stem for a in readings if a.suffixes})
        verbal.update({a.stem for a in readings if a.path in table.verbal_paths
                       and table.verb_markers.intersection(a.suffixes)})
    stems = {s for s, c in counts.items() if c >= table.min_word_count} \
        | {s for s, n in forms.items() if n >= table.min_stem_forms}
    return sorted((s, counts[s], forms[s], verbal[s]) for s in stems)


def _lower(text: str, table: SuffixTable) -> str:
    """Lower case with the language's own rules (Azerbaijani `İ` → `i`, `I` → `ı`)."""
    for upper, lower in table.casing.items():
        text = text.replace(upper, lower)
    return text.lower()


@lru_cache(maxsize=200_000)
def lemmatize(word: str, lang: str) -> str:
    """The lower-cased lemma of a Kazakh (`kk`) or Azerbaijani (`az`) word; other languages: lower case."""
    if lang not in LANGUAGES:
        return word.lower()
    lower = _lower(word, suffix_table(lang))
    if not WORDS[lang].search(lower):
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
    for path in suffix_table(lang).paths.values():
        yield from _strip_bare(text, path)


def _strip_bare(word: str, slots: tuple[tuple[str, ...], ...]) -> Iterator[str]:
    yield word
    for index, suffixes in enumerate(slots):
        for suffix in suffixes:
            if word.endswith(suffix):
                yield from _strip_bare(word[:-len(suffix)], slots[index + 1:])


def _best_stem(word: str, lang: str) -> str:
    """The reading most corpus words support, among readings the lexicon allows.

    Support is the number of distinct corpus words built on the stem (those with a verb-only suffix count
    twice: `қой` + `ған` is better evidence than `қо` + `йды`), plus, when the stem is a word of its own,
    one and a little more per doubling of its frequency (a word seen hundreds of times, `маңызды`, is a lexeme).

    A verb ending is only stripped from a stem the corpus shows with a verb-only suffix (so `ұлттық` is
    not `ұлт` + past tense), and a noun ending from such a verb stem only when it is also a word of its own
    (`ұйғарым` is not `ұйғар` + `ым`); a shorter stem that is no word of its own loses to a longer one that is when
    almost every word built on the shorter goes through the longer (`qazaxısta` + `n` never beats
    `qazaxıstan`); a devoiced or restored stem (`толық` for `толығ`) must be a word of its own. Between
    equally supported readings, one that strips a suffix longer than a letter wins (`şüar` + `lar`), else
    the word stays (`başlıca` is not `başlıc` + `a`)."""
    lexicon, table = stem_lexicon(lang), suffix_table(lang)
    def attested(stem: str) -> bool:
        return lexicon.words.get(stem, 0) >= table.min_word_count

    def allowed(a: Analysis) -> bool:
        if not a.suffixes:
            return True
        if a.altered and not attested(a.stem):
            return False
        verbal = lexicon.verbal.get(a.stem, 0) > 0
        return verbal if a.path in table.verbal_paths else not verbal or attested(a.stem)

    readings = [a for a in analyses(word, lang) if allowed(a)]
    stems: dict[str, tuple[int, bool]] = {}  # stem → (suffixes stripped, some suffix longer than a letter)
    for a in readings:
        reading = (len(a.suffixes), any(len(suffix) > 1 for suffix in a.suffixes))
        stems[a.stem] = max(stems.get(a.stem, reading), reading)
    is_word = {s: attested(s) for s in stems}
    support = {s: lexicon.forms.get(s, 0) + lexicon.verbal.get(s, 0)
               + is_word[s] * (1 + FREQUENCY_WEIGHT * max(0.0, math.log2(lexicon.words.get(s, 0) or 1) - 1))
               for s in stems}
    words = [s for s in stems if is_word[s]]
    kept = {s: n for s, n in stems.items() if is_word[s] or not any(_dominates(t, s, lexicon) for t in words)}

    def key(stem: str) -> tuple[float, bool, bool, int, int]:
        stripped, reliable = kept[stem]
        return support[stem], reliable, is_word[stem], stripped, -len(stem)

    return max(kept, key=key)


def _dominates(longer: str, shorter: str, lexicon: StemLexicon) -> bool:
    """`longer` is a word built on `shorter`, and `shorter` has hardly a form of its own beside it."""
    if len(longer) <= len(shorter) or not longer.startswith(shorter[:-1]) \
            or lexicon.forms.get(longer, 0) < DOMINATING_MIN_FORMS:
        return False
    own = lexicon.forms.get(shorter, 0) - lexicon.forms.get(longer, 0) - 1
    return own < max(DOMINATED_OWN_FORMS, DOMINATED_SHARE * lexicon.forms.get(longer, 0))


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
