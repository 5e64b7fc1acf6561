"""Properties of the text layer on generated input (hypothesis).

For any string, `prepare()` never raises, and its offset map is sound: `origin` has one entry per clean
character plus one (`len(raw)`), never decreases and stays inside the raw text. Every clean character derives
from the raw character it points at: the same character, or one normalisation maps it to (a space for any
whitespace, « or » for any double quote, a homoglyph twin, or the normalisation of the whole raw span its
`origin_width` covers: a letter, maybe invisible characters, the combining marks NFC composes with it).

When the input has no line-end hyphen (no word to rejoin) and too few lines for page furniture, each
sentence's clean text is exactly the normalisation of its raw span: `normalise(raw[rs:re]) == clean[s:e]`
with `rs, re = raw_span(s, e)`, so a sentence can always be re-derived from the file it cites.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tarikh.extract.normalise import normalise
from tarikh.extract.pdf_repair import HYPHENS, MIN_LINES_FOR_FURNITURE
from tarikh.extract.reading import load_text_data
from tarikh.extract.text import prepare

TABLES = load_text_data("normalise.yaml")
DOUBLE_QUOTES = set(TABLES["double_quotes"])
TWINS = {(latin, cyrillic) for latin, cyrillic in load_text_data("homoglyphs.yaml")["pairs"].items()}
TWINS |= {(b, a) for a, b in TWINS}

# letters of both scripts, homoglyphs, digits, sentence punctuation, quotes, spaces, newlines,
# combining marks, zero-width characters: what the corpus is made of, and what breaks offset maps
PIECES = list("аәбғқңөұүһіыеКҚАТ" "abcəğışçöüİKTA" "0123456789" ".!?…,;:-–()[]" "«»\"“”„"
              " \t\u00a0\n") + ["\n\n", "\u0301", "\u0306", "\u0307", "\u0308", "\u200b", "\ufeff", "ж.", "Н.Ә.", " [12]. ", "1. "]
corpus_like = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)


def derives_from(clean_char: str, raw: str, start: int, width: int) -> bool:
    raw_char = raw[start]
    return (clean_char == raw_char
            or (clean_char in " \n" and (raw_char.isspace() or raw_char == "\ufeff"))
            or (clean_char in "«»" and raw_char in DOUBLE_QUOTES)
            or (raw_char, clean_char) in TWINS
            or normalise(raw[start:start + width]) in (clean_char, _twin(clean_char)))


def _twin(char: str) -> str:
    return next((b for a, b in TWINS if a == char), char)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(st.characters(blacklist_categories=())), corpus_like))
def test_prepare_never_raises_and_origin_is_sound(raw):
    source = prepare(raw, "generated")
    origin = list(source.origin)
    assert len(origin) == len(source.clean) + 1 and origin[-1] == len(raw)
    assert all(0 <= a <= b for a, b in zip(origin, origin[1:]))
    assert all(origin[i] < len(raw) for i in range(len(source.clean)))


@settings(max_examples=300, deadline=None)
@given(corpus_like)
def test_clean_characters_derive_from_their_origin(raw):
    source = prepare(raw, "generated")
    for i, char in enumerate(source.clean):
        width = source.origin_width.get(i, 1)
        assert derives_from(char, raw, source.origin[i], width), (i, char, raw[source.origin[i]:source.origin[i] + 3])


def no_rejoined_words_nor_furniture(raw: str) -> bool:
    lines = raw.split("\n")
    return len(lines) < MIN_LINES_FOR_FURNITURE and not any(line.rstrip()[-1:] in set(HYPHENS) for line in lines)


@settings(max_examples=400, deadline=None)
@given(corpus_like.filter(no_rejoined_words_nor_furniture))
def test_sentence_is_the_normalisation_of_its_raw_span(raw):
    source = prepare(raw, "generated")
    for sentence in source.sentences:
        start, end = source.raw_span(sentence.start, sentence.end)
        assert normalise(raw[start:end]) == source.sentence_text(sentence), (raw[start:end],)


def test_combining_accent_at_a_sentence_end_is_inside_the_raw_span():
    raw = "Бұл мәселе де сондаи\u0306. Келесі жылы партия құрылды."  # й written as и + combining breve
    source = prepare(raw, "accent")
    first = source.sentences[0]
    assert source.sentence_text(first) == "Бұл мәселе де сондай."
    start, end = source.raw_span(first.start, first.end)
    assert raw[start:end] == "Бұл мәселе де сондаи\u0306."
    word = source.clean.index("сондай")
    start, end = source.raw_span(word, word + len("сондай"))
    assert raw[start:end] == "сондаи\u0306"  # the mark closing the span is inside it
