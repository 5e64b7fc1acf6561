"""The text layer on real corpus excerpts: PDF repair, sentences, languages, repeats, encodings, refusals."""
from __future__ import annotations

from pathlib import Path

import pytest

from tarikh.corpus import paths
from tarikh.errors import TarikhError
from tarikh.extract.text import prepare, read_document

DATA = Path(__file__).parent / "data"


def excerpt(name: str) -> str:
    """A test excerpt without its first (provenance comment) line."""
    return (DATA / name).read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.fixture(scope="module")
def book():
    return read_document(next(p for p in paths() if p.name.startswith("004_")))


@pytest.fixture(scope="module")
def azerbaijani():
    return read_document(next(p for p in paths() if p.name.startswith("001_")))


def sentence_with(source, needle: str) -> str:
    return next(source.sentence_text(s) for s in source.sentences if needle in source.sentence_text(s))


def test_line_end_hyphens_join_words_and_keep_compounds():
    source = prepare(excerpt("text_004_hyphens.txt"), "hyphens")
    assert "Осы жылдың наурыз айында" in source.clean  # `нау- ⏎рыз`, a space before the break
    assert "сол жылдың 19 тамызында" in source.clean  # `та-⏎мызында`
    assert "Мәселен, Алматыда 1987" in source.clean  # `Ал-⏎матыда`
    assert source.stats["hyphen_joins"] == 3


def test_book_compounds_and_number_ranges_keep_their_hyphen(book):
    assert "2017-2018 жылдары" in book.clean  # 004 l.344-345 `2017-⏎2018`
    assert "іс-қимыл" in book.clean
    assert "бо-" not in book.clean.replace("бо-бо", "")


def test_running_header_removed_inside_a_sentence():
    source = prepare(excerpt("text_004_furniture.txt") * 60, "furniture")  # enough lines to learn headers
    assert "белгілі бір шектеулерді" in source.clean
    assert "Андрей Чеботарёв" not in source.clean
    assert "(1992-1994 жж.)" not in source.clean


def test_book_furniture_never_reaches_the_clean_text(book):
    assert book.stats["furniture_lines"] >= 36  # 18 page numbers, each with at least one header
    for header in ("Андрей Чеботарёв\n", "бүгіні Шын мәнінде",  # l.11811 header mid-sentence
                   "III-тарау. Этатизмге бет бұру жағдайындағы саяси ой (1995-2000 жж.)"):
        assert header not in book.clean


def test_numbered_party_list_with_blank_lines_is_one_sentence(book):
    # 004 l.2218-2236: items wrapped with blank lines between the two halves
    sentence = sentence_with(book, "2) Қазақстанның Социал-демократиялық партиясы")
    assert "(1990 ж. мамырда құрылды)" in sentence
    assert "8) Қазақстанның демократиялық прогресс партиясы" in sentence


def test_line_per_sentence_file_joins_dates_cut_after_abbreviations():
    source = prepare(excerpt("text_002_lines.txt"), "lines")
    texts = [source.sentence_text(s) for s in source.sentences]
    assert source.stats["line_per_sentence"]
    assert any("1997 ж Маусым айында" in t for t in texts)
    assert any("1992ж 3-ші қаңтарынан" in t for t in texts)
    assert any("Н.Ә 23-ші желтоқсанындағы" in t for t in texts)
    assert any(t.endswith("бола алады7") for t in texts)  # glued footnote digit (002 l.11)
    assert any(t.startswith("Халықаралық") for t in texts)


@pytest.mark.parametrize("text, expected", [
    ("Бас қосуда осы мәселелер туралы қағаздарға қол қойды.Қазақстан тәуелсіздігін жариялады.", 2),  # 002
    ("1991 ж. 16 желтоқсанда Қазақстан тәуелсіздігін жариялады.", 1),
    ("Бұл кездесуге Қазақстан Президенті Н.Ә.Назарбаев та қатысты. Келесі жылы сайлау өтті.", 2),  # 000 l.3
    ("Əhməd Baytursunov, Əlixan Bukeyxanov 1917-ci ilin dekabrında A.Bukeyxanovun rəhbərliyi ilə toplandı.", 1),
    ("Qırğınlar başladı, üsyanlar baş qaldırmağa çaatdı.1912-1917-ci illərdə üsyanlar oldu.", 2),  # 001 l.1
    ("ҚСП XIX съезінде шешім қабылданды (1991-1994 жж.). Сол жылы партия құрылды.", 2),
    ("Ол ескертті. [12] Содан кейін сайлау өтті.", 2),
    ("Партиялар, қозғалыстар т.б. Бұл бірлестіктер тіркелді.", 2),
    ("Кәсіпорындарды ұлттандыру және т.б. 2009 жылдың мамыр айында Алматыда қозғалыс құрылды.", 2),  # 004 l.14012
    ("Партиялар, одақтар және т.б. 12 ұйым тіркелді.", 1),  # a count after т.б. is no year
    ("(кейіннен Қазақстандық – авт. ескерт.) «Ауыл» партиясы құрылды.", 1),  # 004 l.5343
])
def test_sentence_splitting(text, expected):
    assert len(prepare(text, "s").sentences) == expected


def test_footnote_ref_stays_with_its_sentence():
    source = prepare("Ол мұны түсіндірді. [75]. Келесі жылы партия құрылды.", "f")  # 004 l.7406
    assert source.sentence_text(source.sentences[0]) == "Ол мұны түсіндірді. [75]."


def test_repeated_passages_in_azerbaijani_text(azerbaijani):
    repeats = [s for s in azerbaijani.sentences if s.repeat_of is not None]
    assert azerbaijani.stats["repeated_sentences"] == len(repeats) >= 12
    constitution = [s for s in azerbaijani.sentences if "doqquzuncu sessiyasında" in azerbaijani.sentence_text(s)]
    assert len(constitution) == 2 and constitution[1].repeat_of == constitution[0].index  # notes s001 D2
    nearly = [s for s in azerbaijani.sentences if "Qazaxıstan bəbiri" in azerbaijani.sentence_text(s)]
    assert nearly[-1].repeat_of is not None  # D4: differs only by a missing space


def test_paragraph_languages(book, azerbaijani):
    assert book.lang == "kk" and azerbaijani.lang == "az"
    assert any(p.lang == "ru" for p in book.paragraphs)
    assert [p.lang for p in prepare("Кочевники и Русь.\n\nQazaxıstan Respublikası.", "t").paragraphs] == ["ru", "az"]


def sentences_on(source, line: int) -> list:
    return [s for s in source.sentences if source.line_of(source.raw_span(s.start, s.end)[0]) == line]


def test_russian_sentence_inside_a_kazakh_paragraph_is_russian(book):
    # 004 l.15842: a Russian sentence left untranslated in the middle of a Kazakh paragraph
    russian = next(s for s in sentences_on(book, 15842) if book.sentence_text(s).startswith("Тогда как"))
    assert russian.lang == "ru" and book.paragraphs[russian.paragraph].lang == "kk"


def test_russian_institute_description_is_russian(book):
    # 004 l.19483-19508: the publisher's description in Russian, then in English
    for line in (19483, 19486, 19508):
        sentence = sentences_on(book, line)[0]
        assert sentence.lang == "ru" and book.paragraphs[sentence.paragraph].lang == "ru"
    assert sentences_on(book, 19527)[0].lang == "other"


def test_kazakh_sentence_without_kazakh_letters_keeps_its_paragraph_language(book):
    sentence = sentences_on(book, 7594)[0]  # `Осылайша, ол Мемлекет басшысы лауазымына …`: no letter decides
    assert sentence.lang == "kk"


def test_russian_book_titles_in_the_azerbaijani_bibliography(azerbaijani):
    # 001 l.42-48: one numbered title per line, each its own paragraph; the Russian-only ones are `ru`
    starts = {azerbaijani.line_of(azerbaijani.raw_span(p.start, p.end)[0]) for p in azerbaijani.paragraphs}
    assert set(range(42, 49)) <= starts
    assert sentences_on(azerbaijani, 47)[0].lang == "ru" and sentences_on(azerbaijani, 48)[0].lang == "ru"
    assert azerbaijani.sentence_text(sentences_on(azerbaijani, 48)[0]).startswith("7.«Тюрки в доистории»")


def test_wrapped_article_paragraphs():
    # 003: 71-character wrapped lines, no indentation; a page break is three blank lines mid-sentence
    source = read_document(next(p for p in paths() if p.name.startswith("003_")))
    texts = [source.clean[p.start:p.end] for p in source.paragraphs]
    assert texts[0] == "Демократия жөніндегі алғашқы әлемдік форум"  # the title
    assert texts[-1].startswith("Игорь РОГОВ")  # the signature
    assert any(t.startswith("Бұл – жаһандық тәртіптің") for t in texts)  # l.68 ends where `Бұл` would have fit
    assert "мәселесін көлденең тартып" in source.clean  # l.47 | page break | l.51, one sentence
    assert all(t[-1] in ".!?»" for t in texts[1:])  # no paragraph ends inside a sentence
    assert 6 <= len(texts) < 40


def test_long_single_line_file_is_read_whole(tmp_path):
    # ~5 MB on one line (the 50 MB case takes the same path); offsets stay exact at the far end
    line = " ".join(l.strip() for l in (DATA / "text_004_hyphens.txt").read_text(encoding="utf-8").split("\n")[1:])
    raw = (line + " ") * (5_000_000 // (len(line) + 1))
    path = tmp_path / "long.txt"
    path.write_text(raw, encoding="utf-8")
    source = read_document(path)
    assert len(source.paragraphs) == 1 and len(source.sentences) > 1000
    last = source.sentences[-1]
    start, end = source.raw_span(last.start, last.end)
    assert raw[start:end] == source.sentence_text(last) and end == len(raw.rstrip())


def test_normalisation_maps_back_to_the_original():
    raw = "  Pul vahidi\tTengedir(KZT), mәşhur ”Təşəbbüs” \u00a0 «Kазаk елi»\n"  # 001 l.34, 51; 004 l.841
    source = prepare(raw, "n")
    assert source.clean == "Pul vahidi Tengedir(KZT), məşhur «Təşəbbüs» «Казак елі»"
    start = source.clean.index("«Казак")
    a, b = source.raw_span(start, start + len("«Казак елі»"))
    assert raw[a:b] == "«Kазаk елi»"


def test_every_sentence_maps_to_its_original_line(book):
    sentence = next(s for s in book.sentences if "Осы жылдың наурыз айында" in book.sentence_text(s))
    start, _ = book.raw_span(sentence.start, sentence.end)
    assert book.line_of(start) == 1003


SAMPLE = "Қазақстан Республикасы 1991 жылы 16 желтоқсанда тәуелсіздігін жариялады. Бұл — «Нұр Отан» партиясы.\n"


@pytest.mark.parametrize("encoding, text", [
    ("utf-16", SAMPLE), ("utf-8-sig", SAMPLE), ("kz1048", SAMPLE),
    # Russian passage of 004 (l.21-26): cp1251 and KOI8-R cannot write Kazakh letters
    ("cp1251", "Казахстанская политологическая энциклопедия. Политическая мысль суверенного Казахстана.\n"),
    ("koi8_r", "Казахстанская политологическая энциклопедия. Политическая мысль суверенного Казахстана.\n"),
])
def test_encodings_are_detected(tmp_path, encoding, text):
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    source = read_document(path)
    assert source.raw == text
    assert source.encoding.replace("-", "_").startswith(encoding.replace("-", "_")[:5])


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"), (b" \n\n", "empty file"), (b"\x00\x01\x02PK\x03\x04" * 50, "binary"),
])
def test_bad_files_are_refused_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(TarikhError, match=rf"bad\.txt: .*{problem}"):
        read_document(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(TarikhError, match="nothere.txt: no such file"):
        read_document(tmp_path / "nothere.txt")
