"""Script folding: one comparison key for Kazakh/Russian Cyrillic and Azerbaijani/English Latin spellings.

`fold("Назарбаевтың") == fold("Nazarbayevin")[:-2] + "in"`-style agreement is the point: every letter maps to
one Latin letter (or none), so a name written in any of the corpus scripts meets itself on one key. The key is
lossy on purpose (қ/к/q → k, ы/і/и/ı → i, й/y dropped, doubled letters collapsed) and is only ever compared
with other keys, never shown.
"""
from __future__ import annotations

import re
from functools import lru_cache

CYRILLIC = dict(zip(
    "аәбвгғдеёжзийіклмнңоөпрстуұүфхһцчшщъыьэюяқ",
    ["a", "a", "b", "v", "g", "g", "d", "e", "e", "j", "z", "i", "", "i", "k", "l", "m", "n", "n", "o", "o",
     "p", "r", "s", "t", "u", "u", "u", "f", "h", "h", "c", "c", "s", "s", "", "i", "", "e", "u", "a", "k"]))
LATIN = dict(zip("əcçğıqxşöüyw", ["a", "j", "c", "g", "i", "k", "h", "s", "o", "u", "", "v"]))
LATIN_Y_SYLLABIC = re.compile(r"(?<=[b-df-hj-np-tv-z])y(?=[b-df-hj-np-tv-z])")
DIGRAPHS = re.compile(r"sh|ch|kh|zh|ts")
DIGRAPH_FOLD = {"sh": "s", "ch": "c", "kh": "h", "zh": "j", "ts": "c"}
_TABLE = str.maketrans({**CYRILLIC, **LATIN, "-": "", "‐": "", "\n": "", "'": "", "’": "", "ʼ": "",
                        "\u0301": "", "\u0307": "", ".": ""})
_REPEAT = re.compile(r"(.)\1+")
_LATIN_WORD = re.compile(r"[a-z]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """The script-folded comparison key of a word (or a phrase without spaces)."""
    low = word.lower()
    if _LATIN_WORD.search(low):
        low = DIGRAPHS.sub(lambda m: DIGRAPH_FOLD[m.group()], low.replace("i̇", "i"))
        low = LATIN_Y_SYLLABIC.sub("i", low)
    return _REPEAT.sub(r"\1", low.translate(_TABLE))


def is_capitalised(word: str) -> bool:
    """True when the word starts with an upper-case letter."""
    return word[:1].isupper()


def is_abbreviation(word: str) -> bool:
    """True for an all-capitals token such as `ТМД`, `ҚДП`, `SSRİ` (case ending after a hyphen ignored)."""
    head = word.split("-", 1)[0]
    return len(head) >= 2 and head.isupper() and head.isalpha()


def is_latin(word: str) -> bool:
    """True when the word starts with a Latin letter (Azerbaijani, English), False for Cyrillic."""
    return word[:1] < "\u0400"
