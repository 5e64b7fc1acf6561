"""Aliases a document teaches about itself: its abbreviation list and its `Full Name (ABBR)` pairs.

`learn_aliases(source)` finds
  * an abbreviation list: a run of lines `ABBR – expansion` (separators `–`, ` - `, `–` without space; an
    entry may wrap onto the next line, after a blank line too; running headers inside the run are skipped);
  * pairs in running text: `Қазақстанның демократиялық партиясы (ҚДП)`, `«Азат» ... (ҚАҚ)`, where the words
    before the bracket whose initials spell the abbreviation are its expansion.
Each expansion is attached to the gazetteer actor whose name it matches (fuzzy, on script-folded keys), or
becomes a new actor (source="learned") whose kind comes from its head word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from rapidfuzz import fuzz, process

from tarikh.extract.gazetteer import Actor, Gazetteer, default_gazetteer, load_data
from tarikh.extract.model import SourceText
from tarikh.extract.transliterate import fold, is_abbreviation

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ"
ABBR = rf"(?:«[^»\n]{{1,40}}»\s*)?[{UPPER}][{UPPER}a-zа-яәғқңөұүһі]{{0,3}}[{UPPER}]+(?:\s[{UPPER}]{{2,6}})?"
LIST_ENTRY = re.compile(rf"^\s*(?P<abbr>{ABBR})\s*(?:–|—|\s-\s)\s*(?P<expansion>\S.*)$")
IN_TEXT = re.compile(rf"\((?P<abbr>[{UPPER}][{UPPER}a-zа-я]{{1,7}})\)")
WORD = re.compile(r"«[^»]{1,40}»|[^\W_]+(?:-\s*\n?\s*[^\W_]+)*")
MIN_LIST_RUN = 5
MAX_GAP_LINES = 3
ATTACH_SCORE = 86


@dataclass(frozen=True)
class LearnedAlias:
    abbr: str
    expansion: str
    actor: Actor
    offset: int  # clean-text offset of the abbreviation where it was learned
    how: str  # "list" | "text"


@dataclass(eq=False)
class AliasTable:
    """The aliases learned from one document (hashable by identity, so matchers can cache their index)."""

    entries: list[LearnedAlias] = field(default_factory=list)

    def pairs(self) -> Iterator[tuple[str, Actor]]:
        """(surface form, actor) for every abbreviation and expansion learned."""
        for entry in self.entries:
            yield entry.abbr, entry.actor
            yield entry.expansion, entry.actor

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, abbr: str) -> Actor | None:
        """The actor an abbreviation stands for in this document (the latest definition wins)."""
        hits = [e.actor for e in self.entries if e.abbr == abbr]
        return hits[-1] if hits else None


def learn_aliases(source: SourceText, gazetteer: Gazetteer | None = None) -> AliasTable:
    """The abbreviation list entries and `Name (ABBR)` pairs of one document, attached to actors."""
    gazetteer = gazetteer or default_gazetteer()
    attach = _attacher(gazetteer)
    table = AliasTable()
    for abbr, expansion, offset, how in [*abbreviation_list(source.clean), *pairs_in_text(source.clean)]:
        actor = attach(expansion, abbr)
        if actor:
            table.entries.append(LearnedAlias(abbr, expansion, actor, offset, how))
    return table


def abbreviation_list(text: str) -> list[tuple[str, str, int, str]]:
    """(abbr, expansion, offset, "list") for each entry of every run of `ABBR – expansion` lines."""
    entries: list[tuple[str, str, int, str]] = []
    run: list[list] = []
    gap = offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        m = LIST_ENTRY.match(line)
        if m and _looks_like_abbr(m.group("abbr")):
            run.append([m.group("abbr").strip(), m.group("expansion").strip(), offset + m.start("abbr")])
            gap = 0
        elif run and stripped and gap <= 1 and _continues(run[-1][1], stripped):
            run[-1][1] = _join(run[-1][1], stripped)
            gap = 0
        elif run and gap < MAX_GAP_LINES:
            gap += 1  # a blank line or a running header inside the list
        else:
            entries += _close(run)
            run, gap = [], 0
        offset += len(line)
    return entries + _close(run)


def _continues(expansion: str, line: str) -> bool:
    """True when a line carries on the previous entry (after a hyphen, an open bracket, or in lower case)."""
    return expansion.endswith("-") or expansion.count("(") > expansion.count(")") or line[:1].islower()


def _looks_like_abbr(abbr: str) -> bool:
    bare = re.sub(r"«[^»]*»", "", abbr).strip()
    return all(is_abbreviation(part) or part == "" for part in bare.split()) and bool(bare)


def _join(head: str, tail: str) -> str:
    return head[:-1] + tail if head.endswith("-") else f"{head} {tail}"


def _close(run: list[list]) -> list[tuple[str, str, int, str]]:
    if len(run) < MIN_LIST_RUN:
        return []
    return [(abbr, re.sub(r"\s*[;.]$", "", exp), off, "list") for abbr, exp, off in run]


def pairs_in_text(text: str) -> list[tuple[str, str, int, str]]:
    """(abbr, expansion, offset, "text") for `Full Name (ABBR)` where the name's initials spell ABBR."""
    pairs = []
    for m in IN_TEXT.finditer(text):
        abbr = m.group("abbr")
        if not is_abbreviation(abbr):
            continue
        before = list(WORD.finditer(text, max(0, m.start() - 200), m.start()))[-(len(abbr) + 4):]
        expansion = _expansion(abbr, before, text, m.start())
        if expansion:
            pairs.append((abbr, expansion, m.start("abbr"), "text"))
    return pairs


def _expansion(abbr: str, words: list[re.Match], text: str, end: int) -> str | None:
    """The shortest run of words ending before the bracket whose initials contain ABBR's letters in order."""
    letters = fold(abbr)
    for k in range(len(words) - 1, -1, -1):
        run = words[k:]
        if not text[run[0].start():end].strip() or "\n\n" in text[run[0].start():end]:
            continue
        initials = "".join(_initials(w.group()) for w in run)
        if fold(run[0].group().strip("«"))[:1] == letters[:1] and _subsequence(letters, initials):
            return re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "", text[run[0].start():end])).strip()
    return None


def _initials(word: str) -> str:
    parts = re.findall(r"[^\W_]+", word)
    return "".join(fold(p)[:1] for p in parts)


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def _attacher(gazetteer: Gazetteer):
    """A function (expansion, abbr) -> Actor: the fuzzy-matched gazetteer actor, or a new learned one."""
    names, owners = _name_keys(gazetteer)
    heads = {fold(w): kind for kind, words in load_data("detect")["heads"].items() for w in words}

    def attach(expansion: str, abbr: str) -> Actor | None:
        key = _phrase_key(expansion)
        hit = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=ATTACH_SCORE) if key else None
        if hit:
            return owners[hit[2]]
        kind = _kind_of(key, heads)
        if not kind or not expansion.lstrip("«")[:1].isupper():
            return None
        return Actor(id=f"learned:{_slug(key)}", kind=kind, label=re.sub(r"\s+", " ", expansion),
                     abbr=(abbr,), source="learned")

    return attach


@lru_cache(maxsize=4)
def _name_keys(gazetteer: Gazetteer) -> tuple[list[str], list[Actor]]:
    names, owners = [], []
    for actor in gazetteer:
        for form in actor.names():
            if len(form) > 6 and not is_abbreviation(form):
                names.append(_phrase_key(form))
                owners.append(actor)
    return names, owners


def _phrase_key(phrase: str) -> str:
    return " ".join(fold(w) for w in re.findall(r"[^\W_]+", re.sub(r"-\s*\n\s*", "", phrase)))


def _kind_of(key: str, heads: dict[str, str]) -> str | None:
    for word in reversed(key.split()):
        for cut in range(len(word), 2, -1):
            if word[:cut] in heads:
                return heads[word[:cut]]
    return None


def _slug(key: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:60]
