"""Character-level normalisation of the clean text: what matchers read, never what provenance reports.

`normalise_with_map(text)` returns the normalised string and, for each of its characters, the index
in `text` it derives from, so a caller composes that map with its own offsets. The steps, in order:

1. spaces: tabs, NBSP, other Unicode spaces (and newlines unless `keep_newlines`) become ` `;
   zero-width marks, BOM and soft hyphens are dropped;
2. NFC: a letter followed by combining marks is composed (the result maps to the letter);
   other characters NFC changes (singletons like the Ångström sign) are replaced one for one;
3. homoglyphs: inside a word written mostly in one script, look-alike letters of the other script
   become their twins (`Kазаk` → `Казак`, Azerbaijani `mәşhur` with Cyrillic ә → `məşhur`);
4. quotes: every double quote mark other than « » becomes « when it opens (nothing alphanumeric
   before it, something non-space after it) and » otherwise; « and » are kept;
5. whitespace: runs of spaces collapse to one, spaces around a newline and at both ends go.

Every step but 2 and 5 replaces characters one for one, so the map only changes there.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np

from tarikh.extract.reading import load_text_data

_TABLES = load_text_data("normalise.yaml")
_SPACES = {ord(c): " " for c in _TABLES["spaces"]}
_SPACES_AND_NEWLINES = {**_SPACES, ord("\n"): " "}
_INVISIBLE = re.compile("[" + re.escape(_TABLES["invisible"]) + "]")
_DOUBLE_QUOTES = re.compile("[" + re.escape(_TABLES["double_quotes"].replace("«", "").replace("»", "")) + "]")

CYRILLIC = "\u0400-\u052f"
LATIN = "A-Za-z\u00c0-\u024f\u0250-\u02af"
_MIXED = re.compile(f"(?=[{CYRILLIC}][{LATIN}]|[{LATIN}][{CYRILLIC}])")
_IS_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_IS_LATIN = re.compile(f"[{LATIN}]")
_SPACE_RUN = re.compile(r" *\n[ \n]*| {2,}|^ +| +$")


def _combining_class() -> str:
    """A regex character class of the combining marks of the Basic Multilingual Plane."""
    marks = [chr(c) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))]
    return "[" + "".join(re.escape(m) for m in marks) + "]"


_COMBINING_SEQUENCE = re.compile("[^\n]" + _combining_class() + "+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _homoglyph_tables() -> tuple[dict[int, str], dict[int, str]]:
    pairs = load_text_data("homoglyphs.yaml")["pairs"]
    to_cyrillic = {ord(latin): cyrillic for latin, cyrillic in pairs.items()}
    to_latin = {ord(cyrillic): latin for latin, cyrillic in pairs.items()}
    return to_cyrillic, to_latin


_TO_CYRILLIC, _TO_LATIN = _homoglyph_tables()


def normalise(text: str, keep_newlines: bool = False) -> str:
    """The normalised form of `text` (see the module docstring)."""
    return normalise_with_map(text, keep_newlines)[0]


def normalise_with_map(text: str, keep_newlines: bool = False) -> tuple[str, np.ndarray]:
    """`(normalised, index)`: `index[i]` is the position in `text` that `normalised[i]` derives from."""
    text = text.translate(_SPACES if keep_newlines else _SPACES_AND_NEWLINES)
    index = np.arange(len(text), dtype=np.int64)
    text, index = _drop(text, index, [m.start() for m in _INVISIBLE.finditer(text)])
    text, index = _compose(text, index)
    text = _replace(text, _homoglyph_edits(text))
    text = _replace(text, _quote_edits(text))
    return _collapse_spaces(text, index)


def _replace(text: str, edits: dict[int, str]) -> str:
    """`text` with the characters at the edit positions replaced one for one."""
    if not edits:
        return text
    parts, last = [], 0
    for position in sorted(edits):
        parts.append(text[last:position])
        parts.append(edits[position])
        last = position + 1
    parts.append(text[last:])
    return "".join(parts)


def _drop(text: str, index: np.ndarray, positions: list[int]) -> tuple[str, np.ndarray]:
    """`text` and `index` without the characters at `positions` (sorted)."""
    if not positions:
        return text, index
    keep = np.ones(len(text), dtype=bool)
    keep[positions] = False
    bounds = [-1, *positions, len(text)]
    text = "".join(text[a + 1:b] for a, b in zip(bounds, bounds[1:]))
    return text, index[keep]


def _compose(text: str, index: np.ndarray) -> tuple[str, np.ndarray]:
    """NFC: compose letter + combining marks; replace other NFC-changed characters one for one."""
    if unicodedata.is_normalized("NFC", text):
        return text, index
    edits: dict[int, str] = {}
    dropped: list[int] = []
    for match in _COMBINING_SEQUENCE.finditer(text):
        composed = unicodedata.normalize("NFC", match.group())
        if len(composed) < len(match.group()):
            edits.update((match.start() + k, c) for k, c in enumerate(composed))
            dropped.extend(range(match.start() + len(composed), match.end()))
    for match in _NON_ASCII.finditer(text):
        single = _nfc_singleton(match.group())
        if single and match.start() not in edits:
            edits[match.start()] = single
    return _drop(_replace(text, edits), index, dropped)


@lru_cache(maxsize=4096)
def _nfc_singleton(char: str) -> str | None:
    """The one character NFC maps `char` to, when that differs from `char`."""
    composed = unicodedata.normalize("NFC", char)
    return composed if len(composed) == 1 and composed != char else None


def _homoglyph_edits(text: str) -> dict[int, str]:
    """Look-alike letters of the minority script inside mixed-script words, with their twins."""
    edits: dict[int, str] = {}
    seen_end = -1
    for hit in _MIXED.finditer(text):
        if hit.start() < seen_end:
            continue
        start, end = _word_around(text, hit.start())
        seen_end = end
        word = text[start:end]
        cyrillic, latin = len(_IS_CYRILLIC.findall(word)), len(_IS_LATIN.findall(word))
        if cyrillic == latin:
            cyrillic, latin = (1, 0) if _IS_CYRILLIC.match(word) else (0, 1)
        table = _TO_CYRILLIC if cyrillic > latin else _TO_LATIN
        edits.update((start + k, table[ord(c)]) for k, c in enumerate(word) if ord(c) in table)
    return edits


def _word_around(text: str, position: int) -> tuple[int, int]:
    """The run of letters that contains `position`."""
    start, end = position, position + 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end


def _quote_edits(text: str) -> dict[int, str]:
    """« or » for every double quote mark that is not already one."""
    edits = {}
    for match in _DOUBLE_QUOTES.finditer(text):
        p = match.start()
        after_word = p > 0 and text[p - 1].isalnum()
        before_text = p + 1 < len(text) and not text[p + 1].isspace()
        edits[p] = "«" if before_text and not after_word else "»"
    return edits


def _collapse_spaces(text: str, index: np.ndarray) -> tuple[str, np.ndarray]:
    """One space for a run of spaces, one newline for newlines with spaces around; nothing at the ends."""
    dropped: list[int] = []
    for match in _SPACE_RUN.finditer(text):
        a, b = match.span()
        if a == 0 or b == len(text):
            dropped.extend(range(a, b))
            continue
        keep = text.find("\n", a, b)
        keep = a if keep < 0 else keep
        dropped.extend(p for p in range(a, b) if p != keep)
    return _drop(text, index, dropped)
