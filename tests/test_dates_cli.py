"""The `tarikh dates` command, run as a real subprocess."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def tarikh(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tarikh", "dates", *args], input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_per_line_reads_each_line_alone() -> None:
    # 000:1, 001:1 (Azerbaijani found from the script), and a line with no date
    lines = "1991 жылы 8 желтоқсанда\n1917-ci ilin noyabrında\nеш күн жоқ\nСол жылы\n"
    done = tarikh("-", "--per-line", stdin=lines)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["input_line"], r["date"], r["kind"]) for r in rows] == [
        (1, "1991-12-08", "absolute"), (2, "1917-11", "absolute"), (4, None, "anaphoric")]
    first = rows[0]
    assert set(first) == {"text", "start", "end", "input_line", "date", "date_end", "precision", "edtf",
                          "bounds", "kind", "flags"}
    assert (first["start"], first["end"], first["bounds"]) == (0, 23, ["1991-12-08", "1991-12-08"])


def test_whole_file_resolves_from_context_with_original_offsets(tmp_path: Path) -> None:
    # 004:1384-1386, with the file's own line break inside the first sentence
    # (plus a sentence with «үстіміздегі жылы», the document's own year, given with --year)
    text = ("Біртіндеп, қарастырылып отырған ұйымдардың қызметі басталды.\n"
            "1989 жылғы 28 ақпанда «Невада – Семей» қозғалысының құрылуы\n"
            "осы процестің жоғарғы шегі. Бұл күні Алматыда жаппай митинг өтті.\n"
            "Үстіміздегі жылы қозғалыс жаңа бағдарлама қабылдады.\n")
    path = tmp_path / "passage.txt"
    path.write_text(text, encoding="utf-8")
    done = tarikh(str(path), "--year", "1990")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["date"], r["line"], r["kind"]) for r in rows] == [
        ("1989-02-28", 2, "absolute"), ("1989-02-28", 3, "anaphoric"), ("1990", 4, "relative")]
    for row in rows:
        assert text[row["start"]:row["end"]] == row["text"]
    assert any(flag.startswith("resolved_from=") for flag in rows[1]["flags"])


def test_language_option() -> None:
    done = tarikh("-", "--per-line", "--lang", "ru", stdin="в сентябре 2012 года\n")
    assert json.loads(done.stdout)["date"] == "2012-09"


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    done = tarikh(str(tmp_path / "nope.txt"))
    assert done.returncode != 0
    assert done.stderr.strip() == f"tarikh: error: {tmp_path / 'nope.txt'}: no such file"


def test_not_utf8_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("1991 жылы".encode("utf-16"))
    done = tarikh(str(path), "--per-line")
    assert done.returncode != 0
    assert done.stderr.startswith("tarikh: error: ") and "Traceback" not in done.stderr


def test_help_is_written_for_a_historian() -> None:
    done = subprocess.run([sys.executable, "-m", "tarikh", "dates", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    assert "сол жылы" in done.stdout and "--per-line" in done.stdout
