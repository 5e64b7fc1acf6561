"""Aliases a document teaches: its abbreviation list and `Full Name (ABBR)` pairs (tarikh.extract.aliases)."""
from pathlib import Path

import pytest

from tarikh.extract.actors import find_actors
from tarikh.extract.aliases import abbreviation_list, learn_aliases, pairs_in_text
from tarikh.extract.text import prepare

LIST = (Path(__file__).parent / "data" / "actors_abbreviations_004.txt").read_text(encoding="utf-8")
# corpus/004_cf181f5803b7d246.txt:7831
PAIR = "Қазақстанның Коммунистік партиясы (ҚКП) 1991 жылдың қазанында құрылды"


@pytest.fixture(scope="module")
def table():
    return learn_aliases(prepare(LIST, "004-abbreviations"))


def test_list_is_read_from_wrapped_lines():
    entries = {abbr: expansion for abbr, expansion, _, how in abbreviation_list(LIST)}
    assert entries["ҚХА"] == "Қазақстан халқы ассамблеясы"
    # wrapped after a blank line
    assert entries["ҚТҚҚ"] == "Қазақстанның тәуелсіз қоғамдық ұйымдарының қауымдастығы"
    assert entries["«Ауыл» ҚСДП"] == "«Ауыл» Қазақстанның социал-демократиялық партиясы"
    # ` - ` and `–` without space after the abbreviation
    assert entries["ХВҚ"] == "Халықаралық валюта қоры"
    # the running header inside the list belongs to no entry
    assert not any("Қысқартулар" in e for e in entries.values())


def test_list_is_read_from_joined_clean_text(table):
    assert len([e for e in table.entries if e.how == "list"]) >= 30


@pytest.mark.parametrize("abbr, actor_id", [
    ("ҚХА", "assembly-of-people-of-kazakhstan"), ("АХМ", "almaty-peoples-front"),
    ("«Азат» ҚАҚ", "azat-civic-movement-of-kazakhstan"),
    ("ҚДКҮК", "coordinating-council-of-democratic-forces-of-kazakhstan"),
    ("«Невада – Семей» ХЯҚҚ", "nevada-semey-international-anti-nuclear-movement"),
])
def test_expansions_attach_to_gazetteer_actors(table, abbr, actor_id):
    assert table.get(abbr).id == actor_id


def test_unknown_expansion_becomes_a_learned_actor(table):
    actor = table.get("ҚҰК")  # ҚҰК – Қазақ ұлттық кеңесі
    assert actor.source == "learned" and actor.kind == "Body" and actor.id.startswith("learned:")


def test_lowercase_expansions_are_not_actors(table):
    assert table.get("ЖІӨ") is None  # ЖІӨ – жалпы ішкі өнім (gross domestic product)


def test_learned_alias_is_matched_with_its_ending(table):
    mentions = find_actors("ҚҰК-ның мүшелері", aliases=table)
    assert [(m.text, m.source) for m in mentions] == [("ҚҰК-ның", "learned")]


def test_pair_in_running_text():
    assert pairs_in_text(PAIR) == [("ҚКП", "Қазақстанның Коммунистік партиясы", 35, "text")]
    assert learn_aliases(prepare(PAIR, "pair")).get("ҚКП").id == "communist-party-of-kazakhstan"
