"""Undo what PDF extraction and line wrapping did to a text, line by line, keeping the offset of every char.

* page furniture: page-number lines and the running headers (author, book title, chapter title)
  printed with them are removed, even in the middle of a sentence. Headers are learned from the
  document itself: short lines that repeat and sit beside a page number or at a page start;
  once learned, every line that is exactly a header goes;
* line-end hyphens: `бо-⏎йынша` is joined to `бойынша` when the document's own vocabulary says
  the joined word exists (or nothing says it is a compound); real compounds (`іс-⏎қимылы`,
  `2017-⏎2018`, `91-⏎бабы`, a capital after the hyphen) keep their hyphen;
* paragraphs: a newline inside a sentence becomes a space; a paragraph ends after a line that
  closes a sentence and is short, is followed by a blank line, or in a file of unwrapped lines.
  Files that put one sentence per line with the full stop deleted (`line_per_sentence`) end a
  paragraph at every line, unless the line ends in an abbreviation that continues (`1997 ж⏎Маусым`).

The result is the joined text (paragraphs separated by one `\\n`) with the raw offset of each char.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from tarikh.extract.lexicon import package_yaml
from tarikh.extract.normalise import NEWLINE, OFFSET, codepoints, prefix_sums
from tarikh.extract.reading import load_text_data

MIN_LINES_FOR_FURNITURE = 100
HEADER_MAX_CHARS = 150
HEADER_LINES_AFTER_PAGE_NUMBER = 2
WRAPPED_MAX_WIDTH = 120
SHORT_LINE_RATIO = 0.75
FULL_LINE_PERCENTILE = 99

HYPHENS = "-‐\u00ad"
_WHITESPACE = np.array([c for c in range(0x3001) if chr(c).isspace()], dtype=np.uint32)
_CLOSED_LINE_END = re.compile(r"(?m)[.!?…](?:[\"»”’)\]]|[^\S\n]*\[\d+\]\.?)*[^\S\n]*$")
_HYPHEN_LINE_END = re.compile(r"(?m)[-‐\u00ad][^\S\n]*$")

_PAGE_NUMBER_LINE = re.compile(r"(?m)^[^\S\n]*\d{1,4}[^\S\n]*$")
PARAGRAPH_START = re.compile(r"[^\W_a-zа-яёәғқңөұүһіəıçşğöü]|[«\"“„(\[–—•*-]")
_PARAGRAPH_START_LINE = re.compile(r"(?m)^[^\S\n]*(?:" + PARAGRAPH_START.pattern + ")")
_LIST_ITEM_LINE = re.compile(r"(?m)^[^\S\n]*\d{1,3}[.)]\D")
_FIRST_WORD = re.compile(r"\S+")
LINE_START_WORD = re.compile(r"\w+")
WORD = re.compile(r"\w+(?:-\w+)*")


@lru_cache(maxsize=None)
def _line_end_joiner() -> re.Pattern:
    """A line of a line-per-sentence file that ends with one of these goes on in the next line."""
    table = package_yaml("lang", "kk", "abbreviations.yaml")
    upper = load_text_data("scripts.yaml")["kazakh_upper"] + "A-Z"
    joiners = "|".join(re.escape(j) for j in table["line_end_joiners"])
    return re.compile(rf"(?:(?:^|[\s\d])(?:{joiners})|(?:^|[^\w.])[{upper}](?:\.[{upper}])*)\.?$")


@dataclass
class Repaired:
    """The joined text, the raw offset of each of its chars, and what the repair did."""

    text: str
    origin: np.ndarray
    line_per_sentence: bool
    stats: dict[str, int] = field(default_factory=dict)


@dataclass
class Lines:
    """The lines of a raw text as parallel arrays: stripped `[start, end)`, the newline that ends each."""

    raw: str
    start: np.ndarray
    end: np.ndarray
    newline: np.ndarray
    leading_space: np.ndarray

    @classmethod
    def of(cls, raw: str) -> "Lines":
        codes = codepoints(raw)
        newline = np.r_[np.flatnonzero(codes == NEWLINE), len(codes)]
        line_start = np.r_[0, newline[:-1] + 1]
        filled = prefix_sums(~np.isin(codes, _WHITESPACE))  # non-space chars before each offset
        blank = filled[newline] == filled[line_start]
        first = np.searchsorted(filled, filled[line_start] + 1) - 1
        last = np.searchsorted(filled, filled[newline]) - 1
        start = np.where(blank, line_start, first)
        end = np.where(blank, line_start, last + 1)
        return cls(raw, start, end, newline, (start > line_start) & ~blank)

    def __len__(self) -> int:
        return len(self.start)

    @property
    def length(self) -> np.ndarray:
        return self.end - self.start

    def text(self, i: int) -> str:
        return self.raw[self.start[i]:self.end[i]]

    def texts(self) -> list[str]:
        raw = self.raw
        return [raw[a:b] for a, b in zip(self.start.tolist(), self.end.tolist())]

    def where(self, pattern: re.Pattern, at_end: bool = True) -> np.ndarray:
        """Boolean mask of the lines in which a multiline `pattern` matches (at their end, or at their start)."""
        offsets = [m.end() if at_end else m.start() for m in pattern.finditer(self.raw)]
        mask = np.zeros(len(self), dtype=bool)
        if offsets:
            mask[np.searchsorted(self.newline, np.array(offsets, dtype=np.int64))] = True
        return mask


def repair(raw: str) -> Repaired:
    """Remove page furniture, join hyphenated and wrapped lines, mark paragraph breaks."""
    lines = Lines.of(raw)
    furniture = find_furniture(lines)
    content = np.flatnonzero((lines.length > 0) & ~furniture)
    if not len(content):
        return Repaired("", np.zeros(0, dtype=OFFSET), False, {"furniture_lines": int(furniture.sum()),
                                                                 "hyphen_joins": 0, "hyphens_kept": 0})
    closes = lines.where(_CLOSED_LINE_END)
    opens = lines.where(_PARAGRAPH_START_LINE)
    line_per_sentence = is_line_per_sentence(closes[content], opens[content])
    widths = _wrap_widths(lines.length[content])
    separators = _separators(lines, content, closes, opens, line_per_sentence, widths)
    if _is_unwrapped(lines.length[content]):
        _break_before_list_items(lines, content, separators)
    stats = {"furniture_lines": int(furniture.sum()), "hyphen_joins": 0, "hyphens_kept": 0}
    _decide_hyphens(lines, content, separators, stats)
    return _assemble(lines, content, separators, line_per_sentence, stats)


def _separators(lines: Lines, content: np.ndarray, closes: np.ndarray, opens: np.ndarray,
                line_per_sentence: bool, widths: tuple[int, int] | None) -> list[str]:
    """How each content line meets the one before it: ` ` (same paragraph) or `\\n` (a new paragraph)."""
    previous, current = content[:-1], content[1:]
    if line_per_sentence:
        joiner = _line_end_joiner()
        return [" " if joiner.search(lines.text(p)) else "\n" for p in previous.tolist()]
    gap = current - previous > 1
    length = lines.length[previous]
    if widths is None:
        short = np.ones(len(previous), dtype=bool)
        heading = np.zeros(len(previous), dtype=bool)
    else:
        wrap, full = widths
        next_word = np.array([_first_word_length(lines.raw, s) for s in lines.start[current].tolist()], dtype=np.int64)
        short = (length < SHORT_LINE_RATIO * wrap) | (length + 1 + next_word <= full)
        heading = gap & (length < SHORT_LINE_RATIO * wrap)
    closed = closes[previous]
    new = opens[current] & ((closed & (gap | short)) | (~closed & (heading | (gap & (widths is None)))))
    return np.where(new, "\n", " ").tolist()


def _break_before_list_items(lines: Lines, content: np.ndarray, separators: list[str]) -> None:
    """In a file of unwrapped lines, a line opening with a list number (`3.«Аз и Я»`, `2) …`) is a paragraph."""
    items = lines.where(_LIST_ITEM_LINE, at_end=False)
    for k in np.flatnonzero(items[content[1:]]).tolist():
        if separators[k] == " ":
            separators[k] = "\n"


def _first_word_length(raw: str, start: int) -> int:
    return _FIRST_WORD.match(raw, start).end() - start


def _decide_hyphens(lines: Lines, content: np.ndarray, separators: list[str], stats: dict[str, int]) -> None:
    """Mark `join` or `keep` the line-end hyphens that split a word between two content lines."""
    hyphenated = lines.where(_HYPHEN_LINE_END)
    pairs = np.flatnonzero(hyphenated[content[:-1]]).tolist()
    if not pairs:
        return
    vocabulary = _Vocabulary(lines.raw)
    for k in pairs:
        previous, current = lines.text(content[k]), lines.text(content[k + 1])
        left = LINE_START_WORD.match(previous[-2::-1])  # the word before the hyphen, reversed
        right = LINE_START_WORD.match(current)
        if left and right:
            keep = not vocabulary.joins(left.group()[::-1], right.group(), previous[-1])
            separators[k] = "keep" if keep else "join"
            stats["hyphens_kept" if keep else "hyphen_joins"] += 1


def _assemble(lines: Lines, content: np.ndarray, separators: list[str], line_per_sentence: bool,
              stats: dict[str, int]) -> Repaired:
    """Concatenate the kept raw spans and separators, with the raw offset of every char."""
    raw = lines.raw
    starts, ends = lines.start[content].copy(), lines.end[content]
    joined = np.array([s == "join" for s in separators], dtype=bool)
    ends = ends - np.r_[joined, False]  # a joined line loses its hyphen
    texts = []
    for k, (start, end) in enumerate(zip(starts.tolist(), ends.tolist())):
        texts.append(raw[start:end])
        if k < len(separators) and separators[k] in (" ", "\n"):
            texts.append(separators[k])
    # every piece of text is a raw span or one separator char placed at the newline ending the previous line
    breaks = np.array([s in (" ", "\n") for s in separators], dtype=bool)
    piece_start = np.empty(len(content) + int(breaks.sum()), dtype=np.int64)
    piece_length = np.empty_like(piece_start)
    line_slots = np.arange(len(content)) + np.r_[0, np.cumsum(breaks)]
    piece_start[line_slots] = starts
    piece_length[line_slots] = ends - starts
    separator_slots = line_slots[:-1][breaks] + 1
    piece_start[separator_slots] = lines.newline[content[:-1][breaks]]
    piece_length[separator_slots] = 1
    origin = _spans_to_offsets(piece_start, piece_length)
    return Repaired("".join(texts), origin, line_per_sentence, stats)


def _spans_to_offsets(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The concatenation of `arange(start, start + length)` for every span, without a Python loop."""
    total = int(lengths.sum())
    if not total:
        return np.zeros(0, dtype=OFFSET)
    before = np.r_[0, np.cumsum(lengths)[:-1]]
    return np.arange(total, dtype=OFFSET) + np.repeat((starts - before).astype(OFFSET), lengths)


def find_furniture(lines: Lines) -> np.ndarray:
    """Boolean mask of page-number lines and of running headers learned from beside them."""
    furniture = np.zeros(len(lines), dtype=bool)
    nonblank = lines.length > 0
    if nonblank.sum() < MIN_LINES_FOR_FURNITURE:
        return furniture
    texts = lines.texts()
    counts = Counter(texts)
    after_blank = np.r_[True, ~nonblank[:-1]]
    before_blank = np.r_[~nonblank[1:], True]
    page_numbers = lines.where(_PAGE_NUMBER_LINE) & nonblank & after_blank & before_blank
    headers: set[str] = set()
    for i in np.flatnonzero(page_numbers).tolist():
        headers.update(texts[j] for j in _standalone_after(texts, after_blank, i) if counts[texts[j]] > 1)
    leading_next = np.r_[lines.leading_space[1:], False]
    for i in np.flatnonzero(nonblank & after_blank & leading_next).tolist():
        if 0 < i < len(lines) - 1 and counts[texts[i]] > 1 and _is_header_like(texts[i]):
            headers.add(texts[i])
    return page_numbers | np.array([t in headers for t in texts], dtype=bool)


def _is_header_like(text: str) -> bool:
    return len(text) <= HEADER_MAX_CHARS and not text.endswith((",", "-", ";")) and text[:1].isupper()


def _standalone_after(texts: list[str], after_blank: np.ndarray, i: int) -> list[int]:
    """The next few non-blank lines after line `i`, each after a blank line and header-like."""
    found, j = [], i + 1
    while j < len(texts) and len(found) < HEADER_LINES_AFTER_PAGE_NUMBER:
        if texts[j]:
            if not (after_blank[j] and _is_header_like(texts[j])):
                break
            found.append(j)
        j += 1
    return found


def is_line_per_sentence(closes: np.ndarray, opens: np.ndarray) -> bool:
    """Most lines start like a sentence and almost none ends with a full stop (the stops were deleted)."""
    if len(closes) < 5:
        return False
    return closes.sum() < 0.2 * len(closes) and opens.sum() > 0.7 * len(opens)


def _is_unwrapped(lengths: np.ndarray) -> bool:
    """Most lines are longer than any page is wide: a line is a paragraph (or a sentence)."""
    return len(lengths) > 0 and np.percentile(lengths, 50) > WRAPPED_MAX_WIDTH


def _wrap_widths(lengths: np.ndarray) -> tuple[int, int] | None:
    """`(wrap, full)`: the width lines were wrapped at (90th percentile of line lengths) and the width of a
    full line (99th percentile); None for unwrapped files."""
    if len(lengths) < 20:
        return None
    ordered = np.sort(lengths)
    wrap = int(ordered[int(0.9 * len(ordered))])
    full = int(ordered[min(len(ordered) - 1, int(FULL_LINE_PERCENTILE / 100 * len(ordered)))])
    return (wrap, full) if wrap <= WRAPPED_MAX_WIDTH else None


class _Vocabulary:
    """Word counts of the document, to decide whether `left-⏎right` is one wrapped word or a compound."""

    def __init__(self, raw: str):
        self.words = Counter(WORD.findall(raw.lower()))
        self.compound_starts = {w[:w.index("-") + 4] for w in self.words if "-" in w}

    def joins(self, left: str, right: str, hyphen: str) -> bool:
        """True when the line-end hyphen between `left` and `right` only wraps one word."""
        if hyphen == "\u00ad":
            return True
        if left[-1].isdigit() or right[0].isdigit() or right[0].isupper():
            return False
        joined, compound = (left + right).lower(), f"{left}-{right}".lower()
        if self.words[joined] or self.words[compound]:
            return self.words[joined] >= self.words[compound]
        return compound[:len(left) + 4] not in self.compound_starts
