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
LIST_ENTRY = re.compile(rf"(?<![\w«»\-])(?P<abbr>{ABBR})\s*(?:–|—|\s-\s)\s*(?=\S)")
IN_TEXT = re.compile(rf"\((?P<abbr>[{UPPER}][{UPPER}a-zа-я]{{1,7}})\)")
WORD = re.compile(r"«[^»]{1,40}»|[^\W_]+(?:-\s*\n?\s*[^\W_]+)*")
MIN_LIST_RUN = 5
MAX_EXPANSION = 160
ATTACH_SCORE = 86
PARTIAL_SCORE = 80


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
    learned: dict[str, Actor] = {}  # one new actor per abbreviation and document, however its expansion is inflected
    for abbr, expansion, offset, how in [*abbreviation_list(source.clean), *pairs_in_text(source.clean)]:
        actor = attach(expansion, abbr)
        if actor and actor.source == "learned":
            actor = learned.setdefault(abbr, actor)
        if actor:
            table.entries.append(LearnedAlias(abbr, expansion, actor, offset, how))
    return table


def abbreviation_list(text: str) -> list[tuple[str, str, int, str]]:
    """(abbr, expansion, offset, "list") for each entry of every run of `ABBR – expansion` entries.

    Works on wrapped lines (raw text) as on joined ones (clean text): an entry's expansion runs to the next
    entry; the last one of a run ends at its line's end. A line repeated in the text (a running header) is
    not part of any expansion.
    """
    starts = [m for m in LIST_ENTRY.finditer(text) if _looks_like_abbr(m.group("abbr"))]
    repeated = _repeated_lines(text)
    entries: list[tuple[str, str, int, str]] = []
    run: list[re.Match] = []
    for m in starts + [None]:
        if m is not None and (not run or m.start() - run[-1].end() <= MAX_EXPANSION):
            run.append(m)
            continue
        if len(run) >= MIN_LIST_RUN:
            for k, entry in enumerate(run):
                stop = run[k + 1].start() if k + 1 < len(run) else _line_end(text, entry.end())
                expansion = _expansion_text(text[entry.end():stop], repeated)
                if expansion:
                    entries.append((re.sub(r"\s+", " ", entry.group("abbr")), expansion, entry.start("abbr"), "list"))
        run = [m] if m is not None else []
    return entries


def _repeated_lines(text: str) -> set[str]:
    """Capitalised lines of two or more words that occur more than once (running headers of a book)."""
    counts: dict[str, int] = {}
    for line in text.splitlines():
        line = line.strip()
        if " " in line and len(line) < 80 and line[:1].isupper():
            counts[line] = counts.get(line, 0) + 1
    return {line for line, n in counts.items() if n > 1}


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    while end != -1 and text[:end].rstrip().endswith("-"):
        end = text.find("\n", end + 1)
    return len(text) if end == -1 else min(end, at + MAX_EXPANSION)


def _expansion_text(chunk: str, repeated: set[str]) -> str:
    lines = [line.strip() for line in chunk.splitlines() if line.strip() not in repeated]
    joined = "\n".join(line for line in lines if line)
    joined = re.sub(r"-\s*\n\s*", "", joined)
    return re.sub(r"\s*[;.,]$", "", re.sub(r"\s+", " ", joined)).strip()


def _looks_like_abbr(abbr: str) -> bool:
    bare = re.sub(r"«[^»]*»", "", abbr).strip()
    return all(is_abbreviation(part) or part == "" for part in bare.split()) and bool(bare)


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
    letters = "".join(fold(c) for c in abbr)  # letter by letter: ҚКП is k-k-p, not a collapsed `kp`
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
    detect = load_data("detect")
    heads = {fold(w): kind for table in (detect["heads"], detect["weak_heads"]) for kind, words in table.items()
             for w in words}

    def attach(expansion: str, abbr: str) -> Actor | None:
        key = _phrase_key(expansion)
        hit = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=ATTACH_SCORE) if key else None
        if hit:
            return owners[hit[2]]
        known = _known_abbreviation(gazetteer, abbr, key)
        if known:
            return known
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


def _known_abbreviation(gazetteer: Gazetteer, abbr: str, key: str) -> Actor | None:
    """The gazetteer actor with this abbreviation whose name the expansion contains (`… жанындағы Ұлттық …`)."""
    head = abbr.split()[-1]
    best = max(((fuzz.partial_ratio(_phrase_key(name), key), actor) for actor in gazetteer if head in actor.abbr
                for name in actor.names() if len(name) > 6), default=None, key=lambda hit: hit[0])
    return best[1] if best and best[0] >= PARTIAL_SCORE else None


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
