"""Per-document extraction results as JSON Lines shards, reused across builds while nothing they depend on changed.

A shard holds what one document contributes to a build: a header line (`{"document": …, "counts": …}`) and one
line per event mention. Its name is a key over the extractor fingerprint (tarikh's version, spaCy's version and
every source and data file of `tarikh.extract`), the document's name (mentions carry it) and the SHA-256 of its
bytes: editing the text or any rule gives a new key, so a stale shard is never read.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, Iterator

from tarikh.atomic import atomic_text
from tarikh.errors import TarikhError
from tarikh.extract.model import EventMention

SHARD_SUFFIX = ".jsonl"
FINGERPRINTED = (".py", ".yaml", ".yml", ".tsv", ".json", ".txt")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """The fingerprint of the installed extractor, under tarikh's and spaCy's versions (read from the package
    metadata: a build that reuses every shard never loads spaCy)."""
    import tarikh
    import tarikh.extract

    root = Path(tarikh.extract.__file__).resolve().parent
    return fingerprint(root, f"tarikh {tarikh.__version__}, spacy {metadata.version('spacy')}")


def fingerprint(root: Path, versions: str) -> str:
    """SHA-256 over `versions` and every source and data file under `root` (names and bytes)."""
    digest = hashlib.sha256(versions.encode() + b"\0")
    for path in sorted(p for p in root.rglob("*") if p.suffix in FINGERPRINTED and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (a huge file is never held whole)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError as error:
        raise TarikhError(f"{path}: cannot read ({error.strerror or error})") from None
    return digest.hexdigest()


def shard_key(name: str, content_sha256: str) -> str:
    """The key of a document's shard under the current extractor."""
    return hashlib.sha256(f"{extractor_version()}\0{name}\0{content_sha256}".encode()).hexdigest()


def mention_to_dict(mention: EventMention) -> dict[str, Any]:
    """The mention's fields (JSON values already: no deep copy needed to serialise them)."""
    return vars(mention)


def mention_from_dict(record: dict[str, Any]) -> EventMention:
    return EventMention(**record)


def result_lines(document: dict[str, Any], counts: dict[str, int], mentions: list[EventMention]) -> list[str]:
    """The JSON lines of one document's shard."""
    header = json.dumps({"document": document, "counts": counts}, ensure_ascii=False, sort_keys=True)
    return [header] + [json.dumps(mention_to_dict(m), ensure_ascii=False, sort_keys=True) for m in mentions]


@dataclasses.dataclass
class Shard:
    """One document's shard on disk: its header, held, and its mentions, read on demand."""

    path: Path
    document: dict[str, Any]
    counts: dict[str, int]

    @property
    def skipped(self) -> bool:
        return bool(self.counts.get("skipped_language"))

    def mentions(self) -> Iterator[EventMention]:
        with open(self.path, encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                yield mention_from_dict(json.loads(line))


class ShardStore:
    """A folder of shards: `<root>/<key>.jsonl`."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def path(self, key: str) -> Path:
        return self.root / f"{key}{SHARD_SUFFIX}"

    def get(self, key: str) -> Shard | None:
        """The shard of a key, or None when absent or unreadable (it is then rebuilt)."""
        path = self.path(key)
        try:
            with open(path, encoding="utf-8") as handle:
                header = json.loads(handle.readline())
            return Shard(path, header["document"], header["counts"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, lines: list[str]) -> Shard:
        """Write a shard atomically (an interrupted write leaves no half shard)."""
        with atomic_text(self.path(key)) as handle:
            for line in lines:
                handle.write(line + "\n")
        header = json.loads(lines[0])
        return Shard(self.path(key), header["document"], header["counts"])

    def prune(self, keep: set[str]) -> None:
        """Delete the shards of documents no longer built (older texts, older extractors)."""
        for path in self.root.glob(f"*{SHARD_SUFFIX}"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
