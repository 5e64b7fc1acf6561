"""The actor gazetteer: persons, parties, movements, states, organisations, bodies, places and offices, as data.

Each YAML file under `extract/data/actors/` holds a list of entries:

    - id: nursultan-nazarbayev          # stable ASCII slug
      kind: Person                      # Person | Party | Movement | State | Organisation | Body | Place | Other
      label: Nursultan Nazarbayev       # canonical English label
      labels: {kk: Нұрсұлтан Назарбаев, az: Nursultan Nazarbayev, ru: Нурсултан Назарбаев}
      aliases: [Назарбаев, N.Nazarbayev]  # more surface forms, any script; «» marks a name that must be quoted
      abbr: [ҚДП]                        # abbreviations (matched only in capitals)
      wikidata: Q2003                   # only where certain
      founded: 1990-06-25               # parties, states, bodies: dates of existence where known
      dissolved: 2006-12-22
      surname_alone: false              # persons: do not match the bare surname (Назарбаева ≠ Назарбаев+а)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterator

import yaml

from tarikh.errors import TarikhError
from tarikh.extract.lexicon import parse_yaml

DATA_DIR = Path(str(files("tarikh.extract"))) / "data" / "actors"
ENTRY_FILES = ("persons", "parties", "movements", "states", "organisations", "bodies", "places")
KINDS = {"Person", "Party", "Movement", "State", "Organisation", "Body", "Place", "Other"}
INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.\s*)+")


@dataclass(frozen=True)
class Actor:
    """One gazetteer (or learned, or detected) actor."""

    id: str
    kind: str
    label: str
    labels: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    aliases: tuple[str, ...] = ()
    abbr: tuple[str, ...] = ()
    wikidata: str | None = None
    founded: str | None = None
    dissolved: str | None = None
    source: str = "gazetteer"
    surname_alone: bool = True  # False where the bare surname would be another person's inflected surname

    def names(self) -> Iterator[str]:
        """Every surface form of the actor: labels, aliases, abbreviations, and for persons the bare surname."""
        native = [v for k, v in self.labels.items() if k != "en"]
        forms = [*(native or [self.label]), *self.aliases, *self.abbr]
        seen = set()
        for form in forms:
            for variant in _variants(form, self.kind if self.surname_alone else "Other"):
                if variant not in seen:
                    seen.add(variant)
                    yield variant


def _variants(form: str, kind: str) -> Iterator[str]:
    """A name form, and for persons its form without initials and its surname alone."""
    yield form
    if kind != "Person":
        return
    bare = INITIALS.sub("", form).strip()
    if bare and bare != form:
        yield bare
    words = bare.split()
    if len(words) >= 2 and len(words[-1]) >= 4 and words[-1][:1].isupper() and "oğlu" not in words[-1]:
        yield words[-1]


def _load_entries(path: Path) -> list[Actor]:
    try:
        raw = parse_yaml(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as error:
        raise TarikhError(f"{path}: cannot read gazetteer file: {error}") from None
    actors = []
    for entry in raw:
        if entry.get("kind") not in KINDS or not entry.get("id") or not entry.get("label"):
            raise TarikhError(f"{path}: entry {entry.get('id')!r} needs id, label and a kind among {sorted(KINDS)}")
        actors.append(Actor(
            id=str(entry["id"]), kind=entry["kind"], label=str(entry["label"]),
            labels={k: str(v) for k, v in (entry.get("labels") or {}).items()},
            aliases=tuple(str(a) for a in entry.get("aliases") or ()),
            abbr=tuple(str(a) for a in entry.get("abbr") or ()),
            wikidata=entry.get("wikidata"),
            founded=_iso(entry.get("founded")), dissolved=_iso(entry.get("dissolved")),
            surname_alone=bool(entry.get("surname_alone", True))))
    return actors


def _iso(value) -> str | None:
    return None if value is None else str(value)


class Gazetteer:
    """All gazetteer actors by id."""

    def __init__(self, actors: list[Actor]):
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in self.actors:
                raise TarikhError(f"gazetteer: duplicate actor id {actor.id!r}")
            self.actors[actor.id] = actor

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self.actors.values())

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    @classmethod
    def from_dir(cls, directory: Path = DATA_DIR) -> "Gazetteer":
        actors: list[Actor] = []
        for name in ENTRY_FILES:
            actors.extend(_load_entries(directory / f"{name}.yaml"))
        return cls(actors)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The bundled gazetteer (loaded once)."""
    return Gazetteer.from_dir()


def load_data(name: str) -> dict:
    """One of the YAML tables beside the gazetteer (suffixes, detect, offices)."""
    path = DATA_DIR / f"{name}.yaml"
    try:
        return parse_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise TarikhError(f"{path}: cannot read actor data: {error}") from None
