"""Find repeated passages: a sentence whose text equals an earlier one's, ignoring case, spaces and punctuation.

Ignoring spaces makes the near-duplicates of the corpus match (001 repeats a passage once as
`birləşdirir.Prezident` and once as `birləşdirir. Prezident`). Sentences shorter than
`MIN_KEY_CHARS` letters and digits are never marked: short formulas repeat without being passages.
Keys are built for the whole text at once: one table lookup per character lowers it and tells
letters and digits from the rest.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from tarikh.extract.normalise import codepoints, prefix_sums

MIN_KEY_CHARS = 20
BMP = 0x10000


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """For each BMP code point: its one-character lower case (itself when lowering changes the length), and
    whether it is a letter or digit. Code points above the BMP count as themselves, and as letters."""
    chars = [chr(c) for c in range(BMP)]
    lower = np.array([ord(c.lower()) if len(c.lower()) == 1 else ord(c) for c in chars], dtype=np.uint32)
    word = np.array([c.isalnum() for c in chars], dtype=bool)
    return lower, word


def repeat_keys(text: str, spans: list[tuple[int, int]]) -> list[bytes | None]:
    """What two spans must share to count as the same passage; None for spans too short to count."""
    lower, word = _tables()
    codes = codepoints(text)
    if len(codes) and codes.max() >= BMP:
        inside = codes < BMP
        lowered = np.where(inside, lower[np.where(inside, codes, 0)], codes)
        kept = np.where(inside, word[np.where(inside, codes, 0)], True)
    else:  # the usual case, without the temporaries
        lowered, kept = lower[codes], word[codes]
    del codes
    before = prefix_sums(kept)
    keys: list[bytes | None] = []
    for start, end in spans:
        if before[end] - before[start] < MIN_KEY_CHARS:
            keys.append(None)
        else:
            keys.append(lowered[start:end][kept[start:end]].tobytes())
    return keys


def find_repeats(text: str, spans: list[tuple[int, int]]) -> list[int | None]:
    """For each span of `text`, the index of the first earlier span with the same key, else None."""
    first: dict[bytes, int] = {}
    repeats: list[int | None] = []
    for index, key in enumerate(repeat_keys(text, spans)):
        if key is None:
            repeats.append(None)
        elif key in first:
            repeats.append(first[key])
        else:
            first[key] = index
            repeats.append(None)
    return repeats
