"""The language of a paragraph: `kk`, `az`, `ru` or `other`, offline.

Script and letters decide almost everything: Cyrillic text with the Kazakh-only letters
(ә ғ қ ң ө ұ ү һ і) is Kazakh, Cyrillic text with Russian function words or ё э щ ъ and no Kazakh
letters is Russian; Latin text with ə ı ş ğ … is Azerbaijani. Short Cyrillic paragraphs with no cue
at all (`Алматы, 1995`) take the language given as `default`. Only Latin text without Azerbaijani
letters goes to py3langid (loaded on first use: it costs a second or two).
"""
from __future__ import annotations

import re
from functools import lru_cache

from tarikh.extract.normalise import CYRILLIC, LATIN
from tarikh.extract.reading import load_text_data

_SCRIPTS = load_text_data("scripts.yaml")
_CYRILLIC_LETTER = re.compile(f"[{CYRILLIC}]")
_LATIN_LETTER = re.compile(f"[{LATIN}]")
_KAZAKH_ONLY = re.compile(f"[{_SCRIPTS['kazakh_only']}]")
_RUSSIAN_LETTER = re.compile(f"[{_SCRIPTS['russian_cues']}]")
_AZERBAIJANI_LETTER = re.compile(f"[{_SCRIPTS['azerbaijani_cues']}]")
_RUSSIAN_WORD = re.compile(r"(?<!\w)(?:" + "|".join(_SCRIPTS["russian_words"]) + r")(?!\w)", re.IGNORECASE)
KAZAKH_LETTER_SHARE = 0.015  # Kazakh prose has 6-10 % Kazakh-only letters; a Russian passage naming a Kazakh has < 1 %
MIN_LATIN_LETTERS_TO_IDENTIFY = 60  # shorter Latin runs without Azerbaijani letters: addresses, English titles
LATIN_LANGUAGES = ["az", "tr", "en", "de", "fr", "la", "uz"]


def paragraph_language(text: str, default: str = "kk") -> str:
    """`kk`, `az`, `ru` or `other` for a paragraph; `default` when nothing in it decides."""
    cyrillic = len(_CYRILLIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if not cyrillic and not latin:
        return default
    if cyrillic >= latin:
        return _cyrillic_language(text, cyrillic, default)
    if _AZERBAIJANI_LETTER.search(text):
        return "az"
    return _latin_language(text) if latin >= MIN_LATIN_LETTERS_TO_IDENTIFY else "other"


def _cyrillic_language(text: str, letters: int, default: str) -> str:
    kazakh = len(_KAZAKH_ONLY.findall(text))
    if kazakh >= max(1, KAZAKH_LETTER_SHARE * letters):
        return "kk"
    russian_cues = len(_RUSSIAN_WORD.findall(text)) + len(_RUSSIAN_LETTER.findall(text))
    if russian_cues and russian_cues >= kazakh:
        return "ru"
    if kazakh:
        return "kk"
    return "ru" if letters >= 40 else default


def _latin_language(text: str) -> str:
    language = _latin_identifier().classify(text)[0]
    return "az" if language in ("az", "tr") else "other"


@lru_cache(maxsize=1)
def _latin_identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE)
    identifier.set_languages(LATIN_LANGUAGES)
    return identifier
