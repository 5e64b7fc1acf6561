"""Stem-phrase patterns, the small pattern language of the event lexicons (`data/events/*.yaml`).

A pattern is a phrase of word stems matched on lower-cased text:
  word    a word starting with the stem;  word=  exactly the word;  (a|b)  either stem;
  …       up to eight other words between the neighbours.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's C parser where PyYAML has it
GAP = r"(?:\W+\w+){0,8}?\W+"
BETWEEN = r"\W+"


@lru_cache(maxsize=None)
def package_yaml(*parts: str) -> Any:
    """A YAML file shipped inside `tarikh.extract` (path parts below it), read once. Reading by path does not
    import the package the file sits in (`lang/kk/` would import spaCy)."""
    with open(Path(str(files("tarikh.extract").joinpath(*parts))), encoding="utf-8") as handle:
        return parse_yaml(handle)


def parse_yaml(text: Any) -> Any:
    """YAML text (or an open file) → Python values, with the fast parser when there is one."""
    return yaml.load(text, Loader=YAML_LOADER)


def load_yaml(*parts: str) -> Any:
    """A YAML data file under `extract/data/`, read once."""
    return package_yaml("data", *parts)


@lru_cache(maxsize=None)
def cue_set(name: str) -> re.Pattern[str]:
    """One named cue set of `data/events/cues.yaml`, compiled once."""
    return alternation(load_yaml("events", "cues.yaml")["sets"][name])


def lower_same_length(text: str) -> str:
    """Lower-case without changing the length (Turkic dotted İ would otherwise grow to two characters)."""
    lowered = text.replace("İ", "i").replace("I", "ı" if "ə" in text or "ı" in text else "i").lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _alternative(phrase: str) -> str:
    """One alternative of a group: a word stem, or several words (`атала бастады`)."""
    words = []
    for stem in phrase.split():
        exact = stem.endswith("=")
        words.append(re.escape(stem.rstrip("=")) + (r"(?!\w)" if exact else r"\w*"))
    return BETWEEN.join(words)


def _word(stem: str) -> str:
    alternatives = stem[1:-1].split("|") if stem.startswith("(") and stem.endswith(")") else [stem]
    head = r"(?<!\w)" if re.match(r"\w", alternatives[0]) else ""
    return head + "(?:" + "|".join(_alternative(a) for a in alternatives) + ")"


def phrase_words(part: str) -> list[str]:
    """The words of a phrase; a parenthesised group stays one word even when it holds spaces. Groups do not
    nest: write `(a b|a c)` or two patterns, not `(a (b|c))`."""
    words = re.findall(r"\([^)]*\)=?|\S+", part)
    if any(word.count("(") != word.count(")") for word in words):
        raise ValueError(f"pattern {part.strip()!r}: a group inside a group (groups do not nest)")
    return words


def stem_regex(pattern: str) -> str:
    """The regular expression of one stem phrase."""
    pieces = []
    for part in pattern.lower().split("…"):
        words = phrase_words(part)
        if words:
            pieces.append(BETWEEN.join(_word(w) for w in words))
    return GAP.join(pieces)


def alternation(patterns: list[str]) -> re.Pattern[str]:
    """One compiled regex matching any of the stem phrases."""
    return re.compile("|".join(f"(?:{stem_regex(p)})" for p in patterns))
