"""Gold check of the date grammar.

    python bench/gold_dates.py [GOLD.jsonl ...]     (default: /work/shared/gold/s*.jsonl)

1. Every gold `date_text` that holds a year, read on its own: each goes through the text layer
   (hyphenation, line joins) when it is available, then through `tarikh dates --per-line` (a real
   subprocess). A hit: the first date read gives the gold `date` (and `date_end`) at the gold's
   precision.
2. Every gold date_text with no year (the year comes from the context): `tarikh dates FILE` over
   the whole corpus file, with discourse resolution; a hit: the expression read nearest the gold lines
   (at most 5 lines away) with the same first letters gives the gold date at its precision.
Prints both scores and every miss.
"""
from __future__ import annotations

import glob
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

YEAR = re.compile(r"\d{4}")


def clean(text: str) -> str:
    """The date text as the pipeline reads it: through the text layer, on one line."""
    try:
        from tarikh.extract.text import prepare
        text = prepare(text, "gold").clean
    except ImportError:
        text = re.sub(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])", "", text)
    return " ".join(text.split())


def gold_records(paths: list[str]) -> list[dict]:
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            records += [json.loads(line) for line in handle if line.strip()]
    return [r for r in records if r.get("date")]


def read_dates(lines: list[str]) -> dict[int, list[dict]]:
    """`tarikh dates --per-line` over the lines: input line → its date records."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as handle:
        handle.write("\n".join(lines) + "\n")
    done = subprocess.run([sys.executable, "-m", "tarikh", "dates", "--per-line", handle.name],
                          capture_output=True, text=True, check=True)
    Path(handle.name).unlink()
    found: dict[int, list[dict]] = {}
    for line in done.stdout.splitlines():
        row = json.loads(line)
        found.setdefault(row["input_line"], []).append(row)
    return found


def agrees(gold: str | None, predicted: str | None) -> bool:
    """The prediction gives the gold value at the gold's precision."""
    if gold is None:
        return True
    return predicted is not None and len(predicted) >= len(gold) and predicted[:len(gold)] == gold


CORPUS = Path(__file__).resolve().parents[1] / "corpus"
NEAR_LINES = 5  # gold `lines` may point at the event's sentence a few lines after its date


def squeeze(text: str) -> str:
    """Letters and digits only, lower case, line-end hyphens removed: for matching spans."""
    return re.sub(r"\W+", "", re.sub(r"-\s*\n\s*", "", text)).lower()


def contextual(records: list[dict]) -> list[tuple[dict, dict | None]]:
    """(record, date read) for the gold dates whose year comes from the context."""
    read: dict[str, list[dict]] = {}
    pairs = []
    for record in records:
        if record["file"] not in read:
            done = subprocess.run([sys.executable, "-m", "tarikh", "dates", str(CORPUS / record["file"])],
                                  capture_output=True, text=True, check=True)
            read[record["file"]] = [json.loads(line) for line in done.stdout.splitlines()]
        key = squeeze(record["date_text"])[:8]
        near = [row for row in read[record["file"]] if squeeze(row["text"])[:8] == key
                and min(abs(row["line"] - line) for line in record["lines"]) <= NEAR_LINES]
        near.sort(key=lambda row: min(abs(row["line"] - line) for line in record["lines"]))
        pairs.append((record, near[0] if near else None))
    return pairs


def main(argv: list[str]) -> int:
    paths = argv or sorted(glob.glob("/work/shared/gold/s*.jsonl"))
    everything = gold_records(paths)
    records = [r for r in everything if YEAR.search(r.get("date_text") or "")]
    found = read_dates([clean(r["date_text"]) for r in records])
    misses = []
    for number, record in enumerate(records, 1):
        dated = [row for row in found.get(number, []) if row["date"]]
        best = dated[0] if dated else None
        if not (best and agrees(record["date"], best["date"]) and agrees(record.get("date_end"), best["date_end"])):
            misses.append((record, best))
    hits = len(records) - len(misses)
    print(f"gold date_texts with a year: {len(records)}; right date at gold precision: {hits} "
          f"({100 * hits / max(1, len(records)):.1f} %)")
    for record, best in misses:
        got = f"{best['date']}..{best['date_end']} ({best['kind']})" if best else "nothing"
        print(f"  miss {record['id']}: {record['date_text']!r} gold {record['date']}..{record.get('date_end')} got {got}")
    pairs = contextual([r for r in everything if not YEAR.search(r.get("date_text") or "")])
    wrong = [(r, row) for r, row in pairs if not (row and agrees(r["date"], row["date"]))]
    print(f"gold dates with the year from context: {len(pairs)}; resolved right: {len(pairs) - len(wrong)} "
          f"({100 * (len(pairs) - len(wrong)) / max(1, len(pairs)):.1f} %)")
    for record, row in wrong:
        got = f"{row['date']} {row['flags']}" if row else "nothing matched at that line"
        print(f"  miss {record['id']}: {record['date_text']!r} gold {record['date']} got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
