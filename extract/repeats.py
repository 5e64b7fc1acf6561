"""Find repeated passages: a sentence whose text equals an earlier one's, ignoring case, spaces and punctuation.

Ignoring spaces makes the near-duplicates of the corpus match (001 repeats a passage once as
`birləşdirir.Prezident` and once as `birləşdirir. Prezident`). Sentences shorter than
`MIN_KEY_CHARS` letters and digits are never marked: short formulas repeat without being passages.
"""
from __future__ import annotations

import re

MIN_KEY_CHARS = 20
_NOT_WORD = re.compile(r"[\W_]+")


def repeat_key(text: str) -> str:
    """What two sentences must share to count as the same passage."""
    return _NOT_WORD.sub("", text.lower())


def find_repeats(texts: list[str]) -> list[int | None]:
    """For each text, the index of the first earlier text with the same key, else None."""
    first: dict[str, int] = {}
    repeats: list[int | None] = []
    for index, text in enumerate(texts):
        key = repeat_key(text)
        if len(key) < MIN_KEY_CHARS:
            repeats.append(None)
            continue
        if key in first:
            repeats.append(first[key])
        else:
            first[key] = index
            repeats.append(None)
    return repeats
