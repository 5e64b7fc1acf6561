"""A FIXTURE, not extractor output: the hand-annotated gold events (/work/shared/gold/s*.jsonl) converted
to the events.jsonl contract, so the RDF layer can be developed and tested before and beside the real
build. The tests in this file check that the conversion itself obeys the contract."""
from __future__ import annotations

import bisect
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest

GOLD = Path("/work/shared/gold")
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
SCHEMA = Path(__file__).resolve().parents[1] / "tarikh" / "events.schema.json"
ID = "https://w3id.org/tarikh/id/"
CONFIDENCE = {"high": 0.9, "medium": 0.6, "low": 0.3}
PRECISION = {4: "year", 7: "month", 10: "day"}


def slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-") or "x"


def doc_lang(name: str) -> str:
    return "az" if name.startswith("001_") else "kk"


@lru_cache(maxsize=None)
def corpus_text(name: str) -> tuple[str, list[int]]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return text, [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


def locate(name: str, quote: str, line: int) -> tuple[int, int]:
    """Offsets of the gold quote in the file, nearest to its first line; else that whole line."""
    text, starts = corpus_text(name)
    hits = [m.start() for m in re.finditer(re.escape(quote), text)] if quote else []
    if hits:
        start = min(hits, key=lambda s: abs(bisect.bisect_right(starts, s) - line))
        return start, start + len(quote)
    start = starts[line - 1]
    end = text.find("\n", start)
    return start, end if end >= 0 else len(text)


def line_of(name: str, offset: int) -> int:
    return bisect.bisect_right(corpus_text(name)[1], offset)


def convert(record: dict) -> dict:
    """One gold record as an events.jsonl record."""
    name, lang = record["file"], doc_lang(record["file"])
    start, end = locate(name, record["quote"], record["lines"][0])
    mentions = [{"doc": name, "line": line_of(name, start), "end_line": line_of(name, max(start, end - 1)),
                 "start": start, "end": end, "text": corpus_text(name)[0][start:end], "lang": lang,
                 "date_text": record.get("date_text")}]
    actors = [{"id": f"{ID}actor/{slug(a['canonical'])}", "label": a["canonical"], "text": a["text"],
               "kind": a["kind"], "role": a["role"], "inferred": a["text"] not in mentions[0]["text"],
               "labels": {lang: a["text"]}, "doc": name}
              for a in record["actors"]]
    place = record.get("place")
    date = record.get("date")
    return {"id": f"{ID}event/{record['id']}", "type": record["type"], "subtype": record.get("subtype"),
            "label": record["label_en"], "labels": {lang: record["quote"][:80]},
            "date": date, "date_end": record.get("date_end"),
            "precision": PRECISION.get(len(date)) if date else None,
            "confidence": CONFIDENCE.get(record.get("confidence"), 0.5), "actors": actors,
            "place": {"id": f"{ID}actor/{slug(place['canonical'])}", "label": place["canonical"],
                      "text": place["text"]} if place else None,
            "mentions": mentions, "extractor": {"name": "gold-fixture", "version": "1"}}


@lru_cache(maxsize=1)
def _gold_events() -> str:
    records = [json.loads(line) for path in sorted(GOLD.glob("s*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return json.dumps([convert(r) for r in records])


def gold_events() -> list[dict]:
    """The gold events in the events.jsonl contract (a fresh copy each call)."""
    return json.loads(_gold_events())


def gold_documents() -> list[dict]:
    """The bundled corpus documents as the build lists them."""
    docs = []
    for path in sorted(CORPUS.glob("*.txt")):
        data = path.read_bytes()
        docs.append({"name": path.name, "sha256": hashlib.sha256(data).hexdigest(), "lang": doc_lang(path.name),
                     "chars": len(data.decode("utf-8")), "encoding": "utf-8"})
    return docs


requires_gold = pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations not available")


@requires_gold
def test_fixture_events_obey_the_contract():
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    events = gold_events()
    assert len(events) > 300
    for event in events:
        validator.validate(event)


@requires_gold
def test_fixture_mentions_point_at_the_quoted_text():
    event = next(e for e in gold_events() if e["id"].endswith("/s000-001"))
    mention = event["mentions"][0]
    text, _ = corpus_text(mention["doc"])
    assert text[mention["start"]:mention["end"]].startswith("1991 жылы 8 желтоқсанда")
    assert mention["line"] == 3
