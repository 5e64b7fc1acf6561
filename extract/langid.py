"""The language of a paragraph or sentence: `kk`, `az`, `ru` or `other`, offline and mostly without a model.

Script and letters decide almost everything: Cyrillic text with the Kazakh-only letters
(ә ғ қ ң ө ұ ү һ і) is Kazakh, Cyrillic text with Russian function words or ё э щ ъ and no Kazakh
letters is Russian; Latin text with ə ı ş ğ … is Azerbaijani. Short Cyrillic text with no cue
at all (`Алматы, 1995`) takes the language given as `default`. Only long Latin text without
Azerbaijani letters nor English function words goes to py3langid (loaded on first use: it costs
most of a second; the bundled corpus never needs it).

`span_letters(text, spans)` counts the letters of each class for many spans of one text at once
(one table lookup per character, cumulative sums, two array lookups per span).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from tarikh.extract.normalise import CYRILLIC, LATIN, codepoints, prefix_sums
from tarikh.extract.reading import load_text_data

_SCRIPTS = load_text_data("scripts.yaml")
_RUSSIAN_WORD = re.compile(r"(?<!\w)(?:" + "|".join(_SCRIPTS["russian_words"]) + r")(?!\w)", re.IGNORECASE)
_ENGLISH_WORD = re.compile(r"(?<!\w)(?:" + "|".join(_SCRIPTS["english_words"]) + r")(?!\w)", re.IGNORECASE)
KAZAKH_LETTER_SHARE = 0.015  # Kazakh prose has 6-10 % Kazakh-only letters; a Russian passage naming a Kazakh has < 1 %
MIN_LATIN_LETTERS_TO_IDENTIFY = 60  # shorter Latin runs without Azerbaijani letters: addresses, English titles
MIN_CYRILLIC_LETTERS_FOR_RUSSIAN = 40  # Cyrillic without any cue is Russian only when this long
LATIN_LANGUAGES = ["az", "tr", "en", "de", "fr", "la", "uz"]
TABLE_SIZE = 0x600  # both scripts end below U+0600; every code point above maps to the last, empty, entry


@dataclass(frozen=True)
class Letters:
    """How many letters of each class a span has."""

    cyrillic: int
    latin: int
    kazakh: int
    russian: int
    azerbaijani: int


_CLASSES = {"cyrillic": f"[{CYRILLIC}]", "latin": f"[{LATIN}]", "kazakh": f"[{_SCRIPTS['kazakh_only']}]",
            "russian": f"[{_SCRIPTS['russian_cues']}]", "azerbaijani": f"[{_SCRIPTS['azerbaijani_cues']}]"}


@lru_cache(maxsize=1)
def _class_table() -> np.ndarray:
    """Code point → bit set of the letter classes it belongs to (bit k = k-th class of `Letters`)."""
    table = np.zeros(TABLE_SIZE + 1, dtype=np.uint8)
    for bit, pattern in enumerate(_CLASSES.values()):
        members = re.compile(pattern)
        table[[c for c in range(TABLE_SIZE) if members.match(chr(c))]] |= 1 << bit
    return table


def span_letters(text: str, spans: list[tuple[int, int]]) -> list[Letters]:
    """The letter counts of each `text[start:end]`."""
    if not spans:
        return []
    classes = _class_table()[np.minimum(codepoints(text), TABLE_SIZE)]
    bounds = np.array(spans, dtype=np.int64)
    columns = []
    for bit in range(len(_CLASSES)):
        cumulative = prefix_sums((classes >> bit) & 1)
        columns.append((cumulative[bounds[:, 1]] - cumulative[bounds[:, 0]]).tolist())
    return [Letters(*counts) for counts in zip(*columns)]


def language(text: str, letters: Letters, default: str = "kk", identify: bool = True) -> str:
    """`kk`, `az`, `ru` or `other` for a text with these letters; `default` when nothing in it decides.

    With `identify` False (a sentence inside a paragraph already decided) only a positive cue overrides
    `default`: Kazakh or Azerbaijani letters, Russian or English function words or letters; long text with
    none of them (and no call to py3langid) keeps the paragraph's language."""
    if not letters.cyrillic and not letters.latin:
        return default
    if letters.cyrillic >= letters.latin:
        return _cyrillic_language(text, letters, default, identify)
    if letters.azerbaijani:
        return "az"
    if _ENGLISH_WORD.search(text):
        return "other"
    if not identify:
        return default
    return _latin_language(text) if letters.latin >= MIN_LATIN_LETTERS_TO_IDENTIFY else "other"


def paragraph_language(text: str, default: str = "kk") -> str:
    """`kk`, `az`, `ru` or `other` for one paragraph; `default` when nothing in it decides."""
    return language(text, span_letters(text, [(0, len(text))])[0], default)


def _cyrillic_language(text: str, letters: Letters, default: str, identify: bool = True) -> str:
    kazakh = letters.kazakh
    if kazakh >= max(1, KAZAKH_LETTER_SHARE * letters.cyrillic):
        return "kk"
    russian_cues = len(_RUSSIAN_WORD.findall(text)) + letters.russian
    if russian_cues and russian_cues >= kazakh:
        return "ru"
    if kazakh:
        return "kk"
    return "ru" if identify and letters.cyrillic >= MIN_CYRILLIC_LETTERS_FOR_RUSSIAN else default


def _latin_language(text: str) -> str:
    language = _latin_identifier().classify(text)[0]
    return "az" if language in ("az", "tr") else "other"


@lru_cache(maxsize=1)
def _latin_identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    identifier.set_languages(LATIN_LANGUAGES)
    return identifier
