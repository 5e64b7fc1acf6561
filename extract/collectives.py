"""Collective actors: groups named by what they are (`аталған 11 республиканың басшылары`), as actor mentions
of kind Other, so the events they take part in keep them (`data/actors/collectives.yaml`)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from tarikh.extract.lexicon import alternation, load_yaml, lower_same_length
from tarikh.extract.model import ActorMention, doc_text

WORD = re.compile(r"[\w-]+")
CLAUSE_BREAK = re.compile(r"[,;:.!?()«»\"]")


@lru_cache(maxsize=None)
def _table() -> dict:
    return load_yaml("actors", "collectives.yaml")


@lru_cache(maxsize=None)
def _heads(lang: str) -> re.Pattern[str]:
    return alternation(_table()["heads"].get(lang, _table()["heads"]["kk"]))


@lru_cache(maxsize=None)
def _head_words(lang: str) -> tuple[str, ...]:
    """The head stems as plain lower-case strings, for a quick test before the regex."""
    heads = _table()["heads"].get(lang, _table()["heads"]["kk"])
    return tuple(lower_same_length(h.rstrip("=").split()[0]) for h in heads)


@lru_cache(maxsize=65536)
def _modifies(word: str) -> bool:
    """Can this word stand in a collective before its head (a number, quantifier, genitive, adjective ...)?"""
    modifiers = _table()["modifiers"]
    lower = lower_same_length(word)
    return (word[0].isdigit() and len(word) < 4 or word[0].isupper() or lower in modifiers["words"]
            or lower in modifiers["nationality"] or lower.endswith(tuple(modifiers["endings"])))


def find_collectives(text: str, lang: str) -> list[ActorMention]:
    """Collective actor mentions in a text (offsets in `text`)."""
    lower = lower_same_length(text)
    if not any(head in lower for head in _head_words(lang)):
        return []
    found = []
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text)]
    for head in _heads(lang).finditer(lower):
        before = bisect.bisect_right(breaks, head.start())
        clause_start = breaks[before - 1] if before else 0
        words = list(WORD.finditer(text, clause_start, head.start()))[-_table()["reach"]:]
        start = head.start()
        for word in reversed(words):
            if not _modifies(word.group()):
                break
            start = word.start()
        if start == head.start():
            continue
        surface = text[start:head.end()]
        key = "-".join(WORD.findall(lower_same_length(surface)))
        found.append(ActorMention(text=surface, start=start, end=head.end(), id=f"collective:{key}",
                                  label=surface, kind="Other", source="detected", confidence=0.5))
    return _without_overlaps(found)


def _without_overlaps(mentions: list[ActorMention]) -> list[ActorMention]:
    """The longest of overlapping mentions (the first of equally long ones)."""
    kept: list[ActorMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if not any(k.start < mention.end and mention.start < k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)


@Language.factory("tarikh_collectives", default_config={"lang": "kk"})
def make_collectives(nlp: Language, name: str, lang: str) -> "CollectivesComponent":
    return CollectivesComponent(lang)


class CollectivesComponent:
    """spaCy component: adds the collective actors of the Doc to `doc._.actors` (after `tarikh_actors`), leaving
    out those that overlap a named actor."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        named = doc._.actors or []
        extra = [c for c in find_collectives(doc_text(doc), self.lang)
                 if not any(a.start < c.end and c.start < a.end for a in named)]
        doc._.actors = sorted([*named, *extra], key=lambda a: (a.start, a.end))
        return doc
