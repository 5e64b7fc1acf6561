"""Split a paragraph of clean text into sentences, knowing Kazakh abbreviations and the corpus' glitches.

A sentence ends at `.`, `!`, `?`, `…` (with closing quotes, brackets and footnote refs such as
`[12]` or `[75].` kept on it) when a space and a sentence start follow, or when a capital or a
digit follows with no space after a lower-case word (`қол қойды.Қазақстан`, `çaatdı.1912-1917`).
No split after: abbreviations that never close a sentence (`ж.`, `жж.`, `ғ.`, `млн.`, `авт.` …,
from `lang/kk/abbreviations.yaml`), initials (`Н.Ә.Назарбаев`, `E.M.`, `A.Bukeyxanov`), Roman
numerals (`XIII.`), or a list number opening the sentence (`1. Негізгі …`). `т.б.`-like
abbreviations close a sentence only before a capital or a year (`және т.б. 2009 жылдың …`). A
footnote digit glued between a word and a capitalised word (`алады7Халықаралық`) ends the sentence
after the digit.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from tarikh.extract.lexicon import package_yaml
from tarikh.extract.reading import load_text_data

_SCRIPTS = load_text_data("scripts.yaml")
UPPER = _SCRIPTS["kazakh_upper"] + _SCRIPTS["azerbaijani_upper"]
LOWER = _SCRIPTS["kazakh_lower"] + _SCRIPTS["azerbaijani_lower"]

_NEWLINE = re.compile("\n")
_TERMINAL = re.compile(r"\.\.\.|[.!?…]+")
_CLOSERS = re.compile(r"[»)\]’]*(?: ?\[\d+\][.!?]?)*")
_SPACED_START = re.compile(rf" (?=[{UPPER}\d«(\[–—•-])")
_SPACED_CAPITAL_OR_YEAR = re.compile(rf" (?=[{UPPER}«]|\d{{4}}(?!\d))")
_GLUED_START = re.compile(rf"[{UPPER}\d]")
_LOWER_WORD = re.compile(rf"[{LOWER}]{{2,}}")
_INITIAL = re.compile(rf"[{UPPER}]")
_ROMAN = re.compile(r"[IVXLCІХ]+")
_LIST_NUMBER = re.compile(r"\d{1,3}")
_GLUED_FOOTNOTE = re.compile(rf"\d(?<=[{LOWER}]{{2}}\d)\d{{0,2}}(?=[{UPPER}][{LOWER}])")  # digit first: fast scan


@lru_cache(maxsize=1)
def abbreviation_rules() -> dict[str, str]:
    """Abbreviation (lower case, with its final full stop) → `never` or `capital` (see the YAML)."""
    table = package_yaml("lang", "kk", "abbreviations.yaml")
    return {entry["text"].lower(): entry["sentence_end"] for entry in table["abbreviations"]}


def split_sentences(text: str) -> list[tuple[int, int]]:
    """`[start, end)` of each sentence of a text (no leading or trailing spaces); a newline ends a paragraph,
    so it always ends a sentence."""
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    cuts = sorted(set(_terminal_cuts(text, newlines)) | {m.end() for m in _GLUED_FOOTNOTE.finditer(text)}
                  | set(newlines))
    spans, start = [], 0
    for cut in cuts + [len(text)]:
        span = _trimmed(text, start, cut)
        if span:
            spans.append(span)
        start = cut
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _terminal_cuts(text: str, newlines: list[int]) -> list[int]:
    """Offsets where a sentence ends after terminal punctuation."""
    cuts, sentence_start = [], 0
    for match in _TERMINAL.finditer(text):
        end = _CLOSERS.match(text, match.end()).end()
        paragraph = bisect.bisect_left(newlines, match.start())
        if paragraph:
            sentence_start = max(sentence_start, newlines[paragraph - 1] + 1)
        if match.start() < sentence_start or end >= len(text) or text[end] == "\n" \
                or not _closes_sentence(text, sentence_start, match, end):
            continue
        cuts.append(end)
        sentence_start = end
    return cuts


def _token_start(text: str, sentence_start: int, end: int) -> int:
    """Where the token that ends at `end` starts (after a space or an opening bracket or quote)."""
    return max(text.rfind(" ", sentence_start, end), text.rfind("(", sentence_start, end),
               text.rfind("«", sentence_start, end), text.rfind("[", sentence_start, end)) + 1 or sentence_start


def _closes_sentence(text: str, sentence_start: int, match: re.Match, end: int) -> bool:
    spaced = text[end] == " "
    if not spaced and end > match.end():
        spaced = text[end - 1] in "»)]’"
    if match.group() != ".":
        return bool(_SPACED_START.match(text, end)) if spaced else bool(_GLUED_START.match(text, end))
    token = text[_token_start(text, sentence_start, match.start()):match.start()]
    last = token.rsplit(".", 1)[-1]
    rule = abbreviation_rules().get(token.lstrip("0123456789").lower() + ".")
    if rule == "never" or _INITIAL.fullmatch(last) or _ROMAN.fullmatch(last):
        return False
    if rule == "capital":
        return bool(_SPACED_CAPITAL_OR_YEAR.match(text, end))
    if _LIST_NUMBER.fullmatch(token) and not text[sentence_start:match.start() - len(token)].strip():
        return False
    if spaced:
        return bool(_SPACED_START.match(text, end))
    if last.isdigit():
        return bool(_INITIAL.match(text, end))
    return bool(_LOWER_WORD.fullmatch(last)) and bool(_GLUED_START.match(text, end))
