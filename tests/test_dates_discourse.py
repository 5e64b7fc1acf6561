"""Dates resolved from the discourse: «осы жылы», «келесі жылы», «Бұл күні», bare «27 мамырда»."""
from __future__ import annotations

from tarikh.extract.dates import DateDiscourse, find_dates
from tarikh.extract.discourse import is_section_heading
from tarikh.extract.model import DateExpr


def resolved(text: str, lang: str = "kk", document_year: int | None = None) -> list[DateExpr]:
    discourse = DateDiscourse(document_year)
    out = []
    for expr in find_dates(text, lang):
        expr = discourse.resolve(expr)
        discourse.observe(expr)
        out.append(expr)
    return out


def dates(text: str, **kwargs) -> list[tuple[str, str | None]]:
    return [(d.text, d.date) for d in resolved(text, **kwargs)]


def test_this_year_next_year() -> None:
    # 004:1003-1006, line-end hyphen joined as the text layer does («нау- \nрыз» → «наурыз»)
    text = ("1989 жыл бүкіл КСРО дамуындағы бетбұрыс болды. Осы жылдың наурыз айында өткен халық "
            "депутаттарының баламалы негіздегі алғашқы сайлауы ерекше маңызды болды. Бұл келесі жылы "
            "Қазақ КСР Жоғарғы кеңесіне 12-ші сайланымның (1990-1993 жж.) ұқсас сайлауын өткізуге")
    assert dates(text) == [("1989 жыл", "1989"), ("Осы жылдың наурыз айында", "1989-03"),
                           ("келесі жылы", "1990"), ("1990-1993 жж.", "1990")]
    anaphor = resolved(text)[1]
    assert anaphor.kind == "anaphoric"
    assert "resolved_from=1989 жыл" in anaphor.flags
    assert (anaphor.earliest, anaphor.latest) == ("1989-03-01", "1989-03-31")


def test_this_day() -> None:
    # 004:1384-1386
    text = ("1989 жылғы 28 ақпанда «Невада – Семей» халықаралық ядроға қарсы қозғалысының құрылуы осы "
            "процестің жоғарғы шегі деп санаған жөн. Бұл күні Алматыда Қазақстан Жазушылар одағы "
            "ғимаратының жанында жаппай митинг өтті")
    assert dates(text) == [("1989 жылғы 28 ақпанда", "1989-02-28"), ("Бұл күні", "1989-02-28")]


def test_bare_day_and_month_take_the_last_year() -> None:
    # 004:2329-2331 pattern: a full date, then «27 мамырда» a sentence later
    text = "1994 жылы 20 мамырда съезд өтті. Ал 27 мамырда партия тіркелді. Желтоқсанның 10-ы күні"
    assert dates(text) == [("1994 жылы 20 мамырда", "1994-05-20"), ("27 мамырда", "1994-05-27"),
                           ("Желтоқсанның 10-ы", "1994-12-10")]
    assert resolved(text)[1].kind == "partial"


def test_azerbaijani_month_genitive_day() -> None:
    # 001:39 «16 dekabr 1991-ci ildə … dekabrın 1-də»
    text = "16 dekabr 1991-ci ildə Qazaxıstan müstəqilliyini elan etdi. dekabrın 1-də prezident seçkiləri keçirildi"
    assert dates(text, lang="az") == [("16 dekabr 1991-ci ildə", "1991-12-16"), ("dekabrın 1-də", "1991-12-01")]


def test_deadline_does_not_move_the_story() -> None:
    # 004:5199-5204: «2000 жылға дейін» is a deadline; «сол жылдың» still means 1995
    text = ("ҚХА-ның 1995 жылғы 24 наурызда өткен бірінші сессиясының басты қорытындысы Президенттің "
            "өкілеттік мерзімін 2000 жылға дейін ұзарту туралы референдум өткізуге бастамашылық жасау болды. "
            "Бұл референдум сол жылдың 29 сәуірінде өтті.")
    assert dates(text)[-1] == ("сол жылдың 29 сәуірінде", "1995-04-29")


def test_backward_start_does_not_move_the_story() -> None:
    # 004:1088-1105: «1990 жылдан бастап» is background inside a 1991 story
    text = ("Одақтық шартқа қол қою 1991 жылғы 20 тамызға белгіленді. Сонымен қатар, 1990 жылдан бастап "
            "одақ орталығы жүзеге асыратын биліктің механизмдері жойылды. Қалай болғанда да, одақтық "
            "келісімге қол қою сол жылдың 19 тамызында Төтенше жағдай жөніндегі комитеттің әрекетімен бұзылды")
    assert dates(text)[-1] == ("сол жылдың 19 тамызында", "1991-08-19")


def test_nothing_is_invented_without_an_anchor() -> None:
    for text, lang in [("Сол жылы партия құрылды", "kk"), ("27 мамырда съезд өтті", "kk"),
                       ("Бұл күні митинг болды", "kk"), ("Cari ilin əvvəlindən", "az")]:
        (date,) = resolved(text, lang=lang)
        assert date.date is None and date.earliest is None
        assert not any(f.startswith("resolved_from") for f in date.flags)


def test_document_year_for_this_year_words() -> None:
    assert dates("Биылғы сайлау", document_year=2019) == [("Биылғы", "2019")]
    assert dates("үстіміздегі жылы", document_year=2021) == [("үстіміздегі жылы", "2021")]
    assert dates("Cari ilin əvvəlindən", lang="az", document_year=2008)[0][1] == "2008"


def test_non_event_years_are_no_anchor() -> None:
    text = "1991 жылы Тәуелсіздік жарияланды. «Қазақстан-2030» стратегиясы. Сол жылы"
    assert dates(text)[-1] == ("Сол жылы", "1991")


def test_new_section_forgets_the_anchor() -> None:
    discourse = DateDiscourse()
    discourse.observe(find_dates("1991 жылы", "kk")[0])
    discourse.new_section()
    assert discourse.resolve(find_dates("Сол жылы", "kk")[0]).date is None


def test_section_headings() -> None:
    assert is_section_heading("2-тарау. Саяси партиялар")
    assert is_section_heading("3.1 Көппартиялық жүйенің қалыптасуы")
    assert not is_section_heading("1991 жылы 16 желтоқсанда Тәуелсіздік жарияланды")
