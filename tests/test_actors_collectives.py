"""Collective actors: groups named by what they are, on corpus sentences."""
from __future__ import annotations

import pytest

from tarikh.extract.collectives import find_collectives


@pytest.mark.parametrize("text, lang, expected", [
    # 000_…:7
    ("1991 жылы 21 желтоқсанда аталған 11 республиканың басшылары КСРО-ны ыдыратып, ТМД-ны құру туралы "
     "келісімге қол қойды.", "kk", "аталған 11 республиканың басшылары"),
    # 002_…:2
    ("1991 жылдағы 13 желтоқсанда Орта Азия республикалары басшылығының Ашгарад кездесуіне бастама көтерген",
     "kk", "Орта Азия республикалары басшылығының"),
    # 004_…:1944-1946
    ("қала маңындағы жер учаскелерін бір топ қазақ жастары өкілдерінің басып алуы", "kk", "бір топ қазақ жастары өкілдерінің"),
    # 001_…:15
    ("dekabrında Kunayevin yerinə Kolbinin təyin edilməsinə etiraz olaraq minlərlə qazax tələbəsi küçələrə çıxdı",
     "az", "minlərlə qazax tələbəsi"),
])
def test_collectives_in_corpus_sentences(text: str, lang: str, expected: str) -> None:
    found = find_collectives(text, lang)
    assert [c.text for c in found] == [expected]
    assert found[0].kind == "Other" and text[found[0].start:found[0].end] == expected


def test_a_head_without_modifiers_is_not_a_collective() -> None:
    assert find_collectives("Басшылары бұл туралы айтты.", "kk") == []
