"""`tarikh inspect`: the per-file table with paragraph and sentence languages, and --sentences."""
from tarikh.cli import main

# 004 l.15841-15842 (Kazakh with a Russian sentence), 001 l.47 (a Russian title), joined as one file
MIXED = ("Бұл жағдай қазақ этносының үлесі өскенін көрсетеді. "
         "Тогда как раньше доминирующими были две этнические общности – казахи и русские.\n\n"
         "«Пересекающиеся параллели» (введение в тюркославистику).\n")


def test_inspect_table_shows_languages(tmp_path, capsys):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert "paragraph languages" in header and "sentence languages" in header
    # the first paragraph has more Russian characters than Kazakh ones: it goes with the majority
    assert row.split()[:2] == ["mixed.txt", "ru"] and row.split()[-3:] == ["ru:2", "ru:2", "kk:1"]


def test_inspect_sentences_prints_lines_and_languages(tmp_path, capsys):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    assert main(["inspect", "--sentences", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in lines] == [["1", "kk"], ["1", "ru"], ["3", "ru"]]


def test_inspect_missing_file_is_one_line_error(tmp_path, capsys):
    assert main(["inspect", str(tmp_path / "nothere.txt")]) != 0
    assert capsys.readouterr().err.strip() == f"tarikh: error: {tmp_path / 'nothere.txt'}: no such file"
