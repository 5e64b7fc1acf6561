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
import yaml
from importlib.resources import files

from tarikh.extract.reading import load_text_data

MIN_LINES_FOR_FURNITURE = 100
HEADER_MAX_CHARS = 150
HEADER_LINES_AFTER_PAGE_NUMBER = 2
WRAPPED_MAX_WIDTH = 120
SHORT_LINE_RATIO = 0.75

PAGE_NUMBER = re.compile(r"\d{1,4}")
SENTENCE_CLOSED = re.compile(r"[.!?…](?:[\"»”’)\]]|\s*\[\d+\]\.?)*$")
HYPHENS = "-‐\u00ad"
LINE_END_HYPHEN = re.compile(r"(\w+)[-‐\u00ad]$")
LINE_START_WORD = re.compile(r"\w+")
WORD = re.compile(r"\w+(?:-\w+)*")
PARAGRAPH_START = re.compile(r"[^\W_a-zа-яёәғқңөұүһіəıçşğöü]|[«\"“„(\[–—•*-]")


@lru_cache(maxsize=None)
def _line_end_joiner() -> re.Pattern:
    """A line of a line-per-sentence file that ends with one of these goes on in the next line."""
    table = yaml.safe_load((files("tarikh.extract.lang.kk") / "abbreviations.yaml").read_text(encoding="utf-8"))
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


@dataclass(frozen=True)
class _Line:
    start: int  # raw offset of the first non-space char
    end: int  # raw offset after the last non-space char
    newline: int  # raw offset of the newline that ends the line (len(raw) for the last line)
    text: str  # stripped
    leading_space: bool


def repair(raw: str) -> Repaired:
    """Remove page furniture, join hyphenated and wrapped lines, mark paragraph breaks."""
    lines = _split_lines(raw)
    furniture = find_furniture(lines)
    content = [i for i, line in enumerate(lines) if line.text and i not in furniture]
    line_per_sentence = is_line_per_sentence([lines[i].text for i in content])
    wrap_width = _wrap_width([lines[i].text for i in content])
    joiner = _line_end_joiner()
    vocabulary = _Vocabulary(raw) if any(lines[i].text[-1] in HYPHENS for i in content) else None
    stats = {"furniture_lines": len(furniture), "hyphen_joins": 0, "hyphens_kept": 0}
    pieces: list[tuple[int, int]] = []  # raw [start, end) kept, or (offset, -1) for a break
    separators: list[str] = []
    for position, i in enumerate(content):
        line = lines[i]
        start = line.start
        if position:
            previous = content[position - 1]
            gap = i - previous > 1
            separator = _separator(lines[previous], line, gap, line_per_sentence, wrap_width, joiner, vocabulary)
            if separator == "join":
                stats["hyphen_joins"] += 1
                last_start, last_end = pieces[-1]
                pieces[-1] = (last_start, last_end - 1)
            elif separator == "keep":
                stats["hyphens_kept"] += 1
            else:
                pieces.append((lines[previous].newline, -1))
                separators.append(separator)
        pieces.append((start, line.end))
    return _assemble(raw, pieces, separators, line_per_sentence, stats)


def _split_lines(raw: str) -> list[_Line]:
    lines, offset = [], 0
    for text in raw.split("\n"):
        stripped = text.strip()
        lead = len(text) - len(text.lstrip()) if stripped else 0
        start = offset + lead
        lines.append(_Line(start, start + len(stripped), offset + len(text), stripped, lead > 0))
        offset += len(text) + 1
    return lines


def _assemble(raw: str, pieces: list[tuple[int, int]], separators: list[str], line_per_sentence: bool,
              stats: dict[str, int]) -> Repaired:
    """Concatenate the kept raw spans and separators, with the raw offset of every char."""
    texts, origins, next_separator = [], [], iter(separators)
    for start, end in pieces:
        if end < 0:
            texts.append(next(next_separator))
            origins.append(np.array([start], dtype=np.int64))
        else:
            texts.append(raw[start:end])
            origins.append(np.arange(start, end, dtype=np.int64))
    origin = np.concatenate(origins) if origins else np.zeros(0, dtype=np.int64)
    return Repaired("".join(texts), origin, line_per_sentence, stats)


def find_furniture(lines: list[_Line]) -> set[int]:
    """Indexes of page-number lines and of running headers learned from beside them."""
    if sum(1 for line in lines if line.text) < MIN_LINES_FOR_FURNITURE:
        return set()
    counts = Counter(line.text for line in lines if line.text)
    page_numbers = {i for i, line in enumerate(lines) if _is_page_number(lines, i)}
    headers: set[str] = set()
    for i in page_numbers:
        headers.update(lines[j].text for j in _standalone_after(lines, i) if counts[lines[j].text] > 1)
    for i, line in enumerate(lines[1:-1], start=1):
        if counts[line.text] > 1 and _is_standalone(lines, i) and lines[i + 1].leading_space \
                and _is_header_like(line.text):
            headers.add(line.text)
    return page_numbers | {i for i, line in enumerate(lines) if line.text in headers}


def _is_page_number(lines: list[_Line], i: int) -> bool:
    return bool(PAGE_NUMBER.fullmatch(lines[i].text)) and _is_standalone(lines, i) \
        and (i + 1 == len(lines) or not lines[i + 1].text)


def _is_standalone(lines: list[_Line], i: int) -> bool:
    """The line follows a blank line (or opens the file)."""
    return i == 0 or not lines[i - 1].text


def _is_header_like(text: str) -> bool:
    return len(text) <= HEADER_MAX_CHARS and not text.endswith((",", "-", ";")) and text[:1].isupper()


def _standalone_after(lines: list[_Line], i: int) -> list[int]:
    """The next few non-blank lines after line `i`, each after a blank line and header-like."""
    found, j = [], i + 1
    while j < len(lines) and len(found) < HEADER_LINES_AFTER_PAGE_NUMBER:
        if lines[j].text:
            if not (_is_standalone(lines, j) and _is_header_like(lines[j].text)):
                break
            found.append(j)
        j += 1
    return found


def _closes_sentence(text: str) -> bool:
    """The line ends with terminal punctuation (maybe followed by closing quotes or a footnote ref)."""
    return bool(SENTENCE_CLOSED.search(text[-24:]))


def is_line_per_sentence(texts: list[str]) -> bool:
    """Most lines start like a sentence and almost none ends with a full stop (the stops were deleted)."""
    if len(texts) < 5:
        return False
    closed = sum(1 for t in texts if _closes_sentence(t))
    opened = sum(1 for t in texts if PARAGRAPH_START.match(t))
    return closed < 0.2 * len(texts) and opened > 0.7 * len(texts)


def _wrap_width(texts: list[str]) -> int | None:
    """The width lines were wrapped at (90th percentile of line lengths), None for unwrapped files."""
    if len(texts) < 20:
        return None
    width = sorted(len(t) for t in texts)[int(0.9 * len(texts))]
    return width if width <= WRAPPED_MAX_WIDTH else None


def _separator(previous: _Line, line: _Line, gap: bool, line_per_sentence: bool, wrap_width: int | None,
               joiner: re.Pattern, vocabulary: "_Vocabulary | None") -> str:
    """How two consecutive content lines meet: `join`/`keep` a hyphen, ` ` (same paragraph) or `\\n`."""
    hyphen = LINE_END_HYPHEN.search(previous.text[-64:]) if previous.text[-1] in HYPHENS else None
    follower = LINE_START_WORD.match(line.text)
    if hyphen and follower and vocabulary is not None:
        return "join" if vocabulary.joins(hyphen.group(1), follower.group(), hyphen.group()[-1]) else "keep"
    if line_per_sentence:
        return " " if joiner.search(previous.text) else "\n"
    if not PARAGRAPH_START.match(line.text):
        return " "
    if _closes_sentence(previous.text):
        short = wrap_width is None or len(previous.text) < SHORT_LINE_RATIO * wrap_width
        return "\n" if gap or short else " "
    heading = wrap_width is not None and gap and len(previous.text) < SHORT_LINE_RATIO * wrap_width
    return "\n" if heading or (wrap_width is None and gap) else " "


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
