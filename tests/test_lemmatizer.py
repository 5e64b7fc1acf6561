"""The kk/az lemmatizer on the forms the brief names, and as a spaCy component."""
import pytest
import spacy

from tarikh.extract.lemmatizer import lemmatize


@pytest.mark.parametrize("word, lang, lemma", [
    ("Назарбаевтың", "kk", "назарбаев"), ("желтоқсанда", "kk", "желтоқсан"), ("Алматыда", "kk", "алматы"),
    ("партиясы", "kk", "партия"), ("сайлауында", "kk", "сайлау"), ("құрылды", "kk", "құрыл"),
    ("noyabrında", "az", "noyabr"), ("Bakıda", "az", "bakı"), ("qurultayında", "az", "qurultay"),
    ("КСРО-ның", "kk", "ксро"), ("Отанмен", "kk", "отан"), ("Астана", "kk", "астана"),
])
def test_brief_examples(word, lang, lemma):
    assert lemmatize(word, lang) == lemma


def test_component_sets_lemmas():
    nlp = spacy.blank("kk")
    nlp.add_pipe("tarikh_lemmatizer")
    assert [t.lemma_ for t in nlp("«Нұр Отанмен» Алматыда")] == ["«", "нұр", "отан", "»", "алматы"]
