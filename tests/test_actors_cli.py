"""`tarikh actors` end to end, and the spaCy component, on real corpus lines."""
import json
import subprocess
import sys

import spacy

from tarikh.cli import main

# corpus/000_6cb84ea4367d63e8.txt:3
LINE = "1991 жылы 8 желтоқсанда РСФСР, Украина, Белеорусь басшилары Минск қаласында кесдесті (Беловеж келесімі)."


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tarikh", "actors", *args], input=stdin, capture_output=True,
                          text=True, timeout=120)


def test_per_line_json(tmp_path):
    done = run_cli("-", "--per-line", stdin="ignored line\n" + LINE + "\n")
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0
    assert [(r["text"], r["id"], r["input_line"]) for r in rows] == [
        ("РСФСР", "russia", 2), ("Украина", "ukraine", 2), ("Белеорусь", "belarus", 2),
        ("Минск қаласында", "minsk", 2), ("Беловеж", "detected:other:belovej", 2)]
    assert rows[0]["wikidata"] == "Q159" and rows[0]["kind"] == "State" and rows[0]["source"] == "gazetteer"
    assert LINE[rows[3]["start"]:rows[3]["end"]] == "Минск қаласында"


def test_whole_file_offsets_are_file_offsets(tmp_path, capsys):
    path = tmp_path / "doc.txt"
    text = "Кіріспе\n\n" + LINE + "\n"
    path.write_text(text, encoding="utf-8")
    assert main(["actors", str(path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["id"] for r in rows} >= {"russia", "ukraine", "belarus", "minsk"}
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"] and r["line"] == 3


def test_summary(tmp_path, capsys):
    path = tmp_path / "doc.txt"
    path.write_text(LINE + "\nСәбетқазы Ақатаев пен Зарема Шәукенова келді.\n", encoding="utf-8")
    assert main(["actors", str(path), "--summary"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["actors_by_kind"]["State"] == 3
    assert report["actors_with_wikidata"] >= 4
    assert set(report["mentions_by_source"]) <= {"gazetteer", "learned", "detected", "title"}
    assert report["top_unmatched_capitalised"][0][0] == "Беловеж"


def test_missing_file_is_one_line_error():
    done = run_cli("no/such/file.txt")
    assert done.returncode != 0
    assert done.stderr.strip() == "tarikh: error: no/such/file.txt: no such file"


def test_spacy_component_fills_doc_actors():
    nlp = spacy.blank("xx")
    nlp.add_pipe("tarikh_actors", config={"lang": "kk"})
    doc = nlp(LINE)
    assert [m.id for m in doc._.actors] == ["russia", "ukraine", "belarus", "minsk", "detected:other:belovej"]


def test_spacy_component_uses_the_documents_learned_aliases():
    from tarikh.extract.aliases import learn_aliases
    from tarikh.extract.text import prepare
    # corpus/004_cf181f5803b7d246.txt: the abbreviation list defines ҚҰК – Қазақ ұлттық кеңесі
    table = learn_aliases(prepare(" ЕАИО – «Еңбекшілердің аграрлық-индустриялық одағы»\nҚХА – Қазақстан халқы "
                                  "ассамблеясы\nАХМ – Алматы халық майданы\nҚҰК – Қазақ ұлттық кеңесі\n"
                                  "ҚЛҚ – Қазақстанның либералдық қозғалысы\n", "list"))
    nlp = spacy.blank("xx")
    nlp.add_pipe("tarikh_actors")
    doc = nlp.make_doc("ҚҰК-ның мүшелері")
    doc.user_data["tarikh_aliases"] = table
    assert [(m.text, m.source) for m in nlp(doc)._.actors] == [("ҚҰК-ның", "learned")]
