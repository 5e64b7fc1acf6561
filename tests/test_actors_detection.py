"""Names the gazetteer does not know, found from their shape; KazNERD sentences (KazNERD, Yeshpanov et al.,
LREC 2022, CC BY 4.0; excerpt in tests/data/actors_kaznerd_excerpt.txt) and corpus sentences."""
from pathlib import Path

import pytest

from tarikh.extract.actors import find_actors

EXCERPT = Path(__file__).parent / "data" / "actors_kaznerd_excerpt.txt"
ACTOR_TYPES = {"PERSON", "ORGANISATION", "GPE", "LOCATION", "NORP", "POSITION"}


def kaznerd_sentences():
    """(text, [(type, start, end)]) from the IOB2 excerpt, tokens joined by spaces."""
    blocks = [b for b in EXCERPT.read_text(encoding="utf-8").split("\n\n") if not b.startswith("#")]
    for block in blocks:
        text, spans, offset = [], [], 0
        for token, tag in (line.split() for line in block.splitlines() if line.strip()):
            if tag.startswith("B-"):
                spans.append([tag[2:], offset, offset + len(token)])
            elif tag.startswith("I-"):
                spans[-1][2] = offset + len(token)
            text.append(token)
            offset += len(token) + 1
        yield " ".join(text), spans


def test_kaznerd_excerpt_entities_are_found_and_mentions_are_entities():
    found = total = reported = inside = 0
    for text, spans in kaznerd_sentences():
        mentions = find_actors(text)
        for kind, start, end in spans:
            if kind in ("PERSON", "GPE", "ORGANISATION"):
                total += 1
                found += any(m.start < end and start < m.end for m in mentions)
        for m in mentions:
            reported += 1
            inside += any(k in ACTOR_TYPES and m.start < e and s < m.end for k, s, e in spans)
    assert total >= 15 and found / total >= 0.85
    assert inside / reported >= 0.85


@pytest.mark.parametrize("text, surface, kind", [
    # KazNERD excerpt
    ("Ал Денсаулық сақтау министрлігі мынадай өзгеріс енгізбекші болды .", "Денсаулық сақтау министрлігі", "Body"),
    ("Бұл жөнінде Денсаулық сақтау министрі Елжан Біртанов мәлімдеді .", "Елжан Біртанов", "Person"),
    # corpus/004_cf181f5803b7d246.txt notes (d): quoted name + descriptor
    ("Қазақстанның «Нағыз Ақ жол» демократиялық партиясын құрды", "Қазақстанның «Нағыз Ақ жол» демократиялық партиясын",
     "Party"),
    ("«Жаңа буын» қоғамдық-саяси қозғалысы", "«Жаңа буын» қоғамдық-саяси қозғалысы", "Movement"),
    ("сол жылдың шілде айында «Алға!» халықтық партиясы құрылды", "«Алға!» халықтық партиясы", "Party"),
    ("“Birlik” hərəkatı yaradıldı", "“Birlik” hərəkatı", "Movement"),
    ("Талдықорған қаласында митинг өтті", "Талдықорған қаласында", "Place"),
])
def test_shapes(text, surface, kind):
    assert {m.text: m.kind for m in find_actors(text, "az" if "ə" in text else "kk")}.get(surface) == kind


def test_a_new_name_meets_itself_across_inflections():
    # an organisation not in the gazetteer, nominative and genitive
    a = next(m for m in find_actors("Ал Денсаулық сақтау министрлігі мынадай өзгеріс") if m.kind == "Body")
    b = next(m for m in find_actors("Ал Денсаулық сақтау министрлігінің өкілі келді") if m.kind == "Body")
    assert a.source == b.source == "detected" and a.id == b.id


def test_new_quoted_party_gets_a_detected_id():
    mention = find_actors("«Азаттық» халықтық партиясы құрылды")[0]
    assert (mention.source, mention.kind, mention.id) == ("detected", "Party", "detected:party:azatik")


def test_sentence_opening_function_words_are_not_names():
    assert find_actors("Бұл кеңес екі мың он үшінші жылы құрылған болатын .") == []
    assert find_actors("— Табиғи газбен жылытылатын үйлерге") == []
