"""Character-level normalisation of the clean text: what matchers read, never what provenance reports.

`normalise_with_map(text)` returns the normalised string and, for each of its characters, the index
in `text` it derives from, so a caller composes that map with its own offsets. The steps, in order:

1. spaces: tabs, NBSP, other Unicode spaces (and newlines unless `keep_newlines`) become ` `;
   zero-width marks, BOM and soft hyphens are dropped;
2. NFC: a letter followed by combining marks is composed (the result maps to the letter, and its
   `width` covers the marks, so a span ending on it ends after them in the original);
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
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from tarikh.extract.reading import load_text_data

_TABLES = load_text_data("normalise.yaml")
_SPACE_CHARS = re.compile("[" + re.escape(_TABLES["spaces"]) + "]")
_SPACE_CHARS_AND_NEWLINES = re.compile("[\n" + re.escape(_TABLES["spaces"]) + "]")
_INVISIBLE = re.compile("[" + re.escape(_TABLES["invisible"]) + "]")
_DOUBLE_QUOTES = re.compile("[" + re.escape(_TABLES["double_quotes"].replace("«", "").replace("»", "")) + "]")

CYRILLIC = "\u0400-\u052f"
LATIN = "A-Za-z\u00c0-\u024f\u0250-\u02af"
_CYRILLIC_RANGE = (0x400, 0x52F)
_LATIN_RANGES = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x250, 0x2AF))
_IS_CYRILLIC = re.compile(f"[{CYRILLIC}]")
_IS_LATIN = re.compile(f"[{LATIN}]")
SPACE, NEWLINE = ord(" "), ord("\n")
OFFSET = np.int32  # per-character offset arrays (texts up to 2 G characters): half the memory of int64


def codepoints(text: str) -> np.ndarray:
    """The code points of `text` as a uint32 array (lone surrogates included)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def prefix_sums(values: np.ndarray) -> np.ndarray:
    """`out[i]` = sum of `values[:i]` (one more entry than `values`), as OFFSET integers."""
    out = np.zeros(len(values) + 1, dtype=OFFSET)
    np.cumsum(values, dtype=OFFSET, out=out[1:])
    return out


def from_codepoints(codes: np.ndarray) -> str:
    return codes.astype(np.uint32, copy=False).tobytes().decode("utf-32-le", "surrogatepass")


def in_ranges(codes: np.ndarray, ranges: tuple[tuple[int, int], ...]) -> np.ndarray:
    """Boolean mask of the code points inside any of the inclusive `ranges`."""
    mask = np.zeros(len(codes), dtype=bool)
    for low, high in ranges:
        mask |= (codes >= low) & (codes <= high)
    return mask


def _combining_class() -> str:
    """A regex character class of the combining marks of the Basic Multilingual Plane."""
    marks = [chr(c) for c in range(0x300, 0x10000) if unicodedata.combining(chr(c))]
    return "[" + "".join(re.escape(m) for m in marks) + "]"


_COMBINING_SEQUENCE = re.compile("[^\n]" + _combining_class() + "+")


@lru_cache(maxsize=1)
def _nfc_singletons() -> re.Pattern:
    """A character class of the characters NFC replaces by one other character (`Å` Ångström sign → `Å`)."""
    chars = [chr(c) for c in range(0x80, 0x30000) if not 0xD800 <= c < 0xE000
             and len(unicodedata.normalize("NFC", chr(c))) == 1 and unicodedata.normalize("NFC", chr(c)) != chr(c)]
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]")


def _homoglyph_tables() -> tuple[dict[int, str], dict[int, str]]:
    pairs = load_text_data("homoglyphs.yaml")["pairs"]
    to_cyrillic = {ord(latin): cyrillic for latin, cyrillic in pairs.items()}
    to_latin = {ord(cyrillic): latin for latin, cyrillic in pairs.items()}
    return to_cyrillic, to_latin


_TO_CYRILLIC, _TO_LATIN = _homoglyph_tables()


@dataclass
class Normalised:
    """The normalised text; `index[i]` is the position in the input `normalised.text[i]` derives from, and
    `width[i]` (only where it is not 1) how many input characters its span covers (a letter + combining marks,
    and anything dropped between them)."""

    text: str
    index: np.ndarray
    width: dict[int, int] = field(default_factory=dict)


def normalise(text: str, keep_newlines: bool = False) -> str:
    """The normalised form of `text` (see the module docstring)."""
    return normalise_with_map(text, keep_newlines)[0]


def normalise_with_map(text: str, keep_newlines: bool = False) -> tuple[str, np.ndarray]:
    """`(normalised, index)`: `index[i]` is the position in `text` that `normalised[i]` derives from."""
    result = normalise_with_spans(text, keep_newlines)
    return result.text, result.index


def normalise_with_spans(text: str, keep_newlines: bool = False) -> Normalised:
    """The normalised text with its index map and the widths of composed characters."""
    text = (_SPACE_CHARS if keep_newlines else _SPACE_CHARS_AND_NEWLINES).sub(" ", text)
    codes = codepoints(text)
    index = np.arange(len(codes), dtype=OFFSET)
    invisible = [m.start() for m in _INVISIBLE.finditer(text)]
    if invisible:
        codes, index = _drop(codes, index, invisible)
        text = from_codepoints(codes)
    width: dict[int, int] = {}
    if not unicodedata.is_normalized("NFC", text):
        codes, index, width = _compose(text, codes, index)
        text = from_codepoints(codes)
    codes = _replace(codes, _homoglyph_edits(text, codes))
    codes = _replace(codes, _quote_edits(text))
    return _collapse_spaces(codes, index, width)


def _replace(codes: np.ndarray, edits: dict[int, str]) -> np.ndarray:
    """`codes` with the characters at the edit positions replaced one for one."""
    if not edits:
        return codes
    codes = codes.copy()
    positions = np.fromiter(edits, dtype=np.int64, count=len(edits))
    codes[positions] = [ord(c) for c in edits.values()]
    return codes


def _drop(codes: np.ndarray, index: np.ndarray, positions: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """`codes` and `index` without the characters at `positions`."""
    keep = np.ones(len(codes), dtype=bool)
    keep[positions] = False
    return codes[keep], index[keep]


def _compose(text: str, codes: np.ndarray, index: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict[int, int]]:
    """NFC: compose letter + combining marks; replace other NFC-changed characters one for one."""
    edits: dict[int, str] = {}
    dropped: list[int] = []
    composed_spans: list[tuple[int, int]] = []
    for match in _COMBINING_SEQUENCE.finditer(text):
        composed = unicodedata.normalize("NFC", match.group())
        if len(composed) < len(match.group()):
            # the composed letter stands for the letter and the marks it absorbed; marks NFC leaves stay last
            leftover = len(composed) - 1
            edits[match.start()] = composed[0]
            edits.update((match.end() - leftover + k, c) for k, c in enumerate(composed[1:]))
            dropped.extend(range(match.start() + 1, match.end() - leftover))
            composed_spans.append((match.start(), match.end() - leftover))
    for match in _nfc_singletons().finditer(text):
        edits.setdefault(match.start(), unicodedata.normalize("NFC", match.group()))
    codes = _replace(codes, edits)
    keep = np.ones(len(codes), dtype=bool)
    keep[dropped] = False
    new_position = np.cumsum(keep, dtype=OFFSET) - 1
    width = {int(new_position[first]): int(index[end - 1] - index[first]) + 1 for first, end in composed_spans}
    return codes[keep], index[keep], width


def _homoglyph_edits(text: str, codes: np.ndarray) -> dict[int, str]:
    """Look-alike letters of the minority script inside mixed-script words, with their twins."""
    cyrillic = (codes >= _CYRILLIC_RANGE[0]) & (codes <= _CYRILLIC_RANGE[1])
    latin = in_ranges(codes, _LATIN_RANGES)
    seams = np.flatnonzero((cyrillic[:-1] & latin[1:]) | (latin[:-1] & cyrillic[1:]))
    edits: dict[int, str] = {}
    seen_end = -1
    for seam in seams.tolist():
        if seam < seen_end:
            continue
        start, end = _word_around(text, seam)
        seen_end = end
        word = text[start:end]
        cyrillic_count, latin_count = len(_IS_CYRILLIC.findall(word)), len(_IS_LATIN.findall(word))
        if cyrillic_count == latin_count:
            cyrillic_count, latin_count = (1, 0) if _IS_CYRILLIC.match(word) else (0, 1)
        table = _TO_CYRILLIC if cyrillic_count > latin_count else _TO_LATIN
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


def _collapse_spaces(codes: np.ndarray, index: np.ndarray, width: dict[int, int]) -> Normalised:
    """One space for a run of spaces, one newline for newlines with spaces around; nothing at the ends."""
    space = (codes == SPACE) | (codes == NEWLINE)
    positions = np.flatnonzero(space)
    if not len(positions):
        return Normalised(from_codepoints(codes), index, width)
    breaks = np.flatnonzero(np.diff(positions) != 1) + 1
    run_starts = positions[np.r_[0, breaks]]
    run_ends = positions[np.r_[breaks - 1, len(positions) - 1]] + 1
    newlines = np.flatnonzero(codes == NEWLINE)
    kept = run_starts
    if len(newlines):
        first = np.searchsorted(newlines, run_starts)
        candidate = newlines[np.minimum(first, len(newlines) - 1)]
        kept = np.where((first < len(newlines)) & (candidate < run_ends), candidate, run_starts)
    inside = (run_starts > 0) & (run_ends < len(codes))
    keep = ~space
    keep[kept[inside]] = True
    if width:
        new_position = np.cumsum(keep, dtype=OFFSET) - 1
        width = {int(new_position[i]): w for i, w in width.items()}
    return Normalised(from_codepoints(codes[keep]), index[keep], width)
