"""The Kazakh spaCy language: entry point, tokenisation of corpus forms, like_num."""
import subprocess
import sys

import spacy


def test_blank_kk_loads_in_a_fresh_process():
    code = "import spacy; nlp = spacy.blank('kk'); print(type(nlp).__name__, [t.text for t in nlp('КСРО-ның ыдырауы.')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "Kazakh ['КСРО-ның', 'ыдырауы', '.']"


def test_tokenisation_of_corpus_forms():
    nlp = spacy.blank("kk")
    # 000 l.3, 004 l.801, 002 l.36-37 (joined)
    doc = nlp("1991 ж. 8 желтоқсанда «Нұр Отан» партиясы қол қойды.Қазақстан 1992ж 3-ші қаңтарынан т.б.")
    assert [t.text for t in doc] == ["1991", "ж.", "8", "желтоқсанда", "«", "Нұр", "Отан", "»", "партиясы", "қол",
                                     "қойды", ".", "Қазақстан", "1992ж", "3-ші", "қаңтарынан", "т.б."]
    assert [t.like_num for t in nlp("3-ші 1-інде жиырма бірінші Отан")] == [True, True, True, True, False]
