"""Titles that stand for a person, resolved by the event date (offices.yaml)."""
import pytest

from tarikh.extract.actors import find_actors
from tarikh.extract.titles import load_offices, resolve_title


def title(text: str, surface: str):
    return next(m for m in find_actors(text) if m.text == surface)


# 002_8c1d28d887a3004f.txt:3
KZ = "1991 жылы 21 желтоқсанда Қазақстан Президентінің бастамашылығымен жиналған 11 одақтас республика басшылары"
# 002_8c1d28d887a3004f.txt:66
US = "АҚШ Президентінің айтуы қарағанда, Вашингтон Қазақстанды Орталық Азиядағы тұрақтылық пен қауіпсіздік тұғыры"


def test_title_mention_is_the_office_until_dated():
    mention = title(KZ, "Қазақстан Президентінің")
    assert (mention.id, mention.source) == ("office:president-of-kazakhstan", "title")
    assert resolve_title(mention, None) == mention


@pytest.mark.parametrize("date, holder", [("1995", "nursultan-nazarbayev"), ("1991-12-21", "nursultan-nazarbayev"),
                                          ("2020-05", "kassym-jomart-tokayev"), ("2019-03-20", "kassym-jomart-tokayev"),
                                          ("2019-03-19", "nursultan-nazarbayev")])
def test_president_of_kazakhstan_by_date(date, holder):
    resolved = resolve_title(title(KZ, "Қазақстан Президентінің"), date)
    assert resolved.id == holder
    assert resolved.kind == "Person" and resolved.inferred and resolved.confidence < 1.0
    assert resolved.text == "Қазақстан Президентінің"


def test_before_the_office_existed_it_stays_the_office():
    mention = title(KZ, "Қазақстан Президентінің")
    assert resolve_title(mention, "1985").id == "office:president-of-kazakhstan"


def test_us_president_never_becomes_nazarbayev():
    mention = title(US, "АҚШ Президентінің")
    assert mention.id == "office:president-of-the-united-states"
    assert resolve_title(mention, "1995").id == "bill-clinton"
    assert resolve_title(mention, "2020").id == "office:president-of-the-united-states"


@pytest.mark.parametrize("text, surface, office", [
    ("Франция Президенті Парижде мәлімдеді", "Франция Президенті", "office:head-of-france"),
    ("Қытай мемлекет басшысы сапармен келді", "Қытай мемлекет басшысы", "office:head-of-china"),
    ("Ресей Президенті мәлімдеді", "Ресей Президенті", "office:president-of-russia"),
])
def test_kazakh_title_after_another_state_is_that_states_office(text, surface, office):
    mention = title(text, surface)
    assert mention.id == office
    assert resolve_title(mention, "1995").id != "nursultan-nazarbayev"


@pytest.mark.parametrize("text, surface", [
    ("Мемлекет басшысының Жарлығымен", "Мемлекет басшысының"),       # 004_cf181f5803b7d246.txt:5304 (notes)
    ("Республика Президенті ... Жарлыққа қол қойды", "Республика Президенті"),  # 004:1444 (notes)
    ("Ölkə prezidenti bəyan etdi", "Ölkə prezidenti"),               # 001 gold
])
def test_title_phrases(text, surface):
    assert title(text, surface).id == "office:president-of-kazakhstan"


def test_elbasy_is_nazarbayev_at_any_date_after_1990():
    mention = title("Елбасы Н.Ә. Назарбаев", "Елбасы")
    assert resolve_title(mention, "2021").id == "nursultan-nazarbayev"


def test_every_holder_is_in_the_gazetteer():
    from tarikh.extract.gazetteer import default_gazetteer
    missing = [t.actor for o in load_offices().values() for t in o.holders if not default_gazetteer().get(t.actor)]
    assert missing == []
