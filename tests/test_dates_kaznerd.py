"""Spoken and written date forms of Kazakh TV news.

The sentences are from KazNERD (validation split, Kazakh TV news), CC BY 4.0:
Yeshpanov, Khassanov, Varol, "KazNERD: Kazakh Named Entity Recognition Dataset" (LREC 2022).
"""
from __future__ import annotations

import pytest

from tarikh.extract.dates import find_dates


@pytest.mark.parametrize("sentence, text, date, date_end, kind", [
    ("2019-ыншы жылдың 12-нші маусымында Қасым-Жомарт Тоқаев Қазақстан Республикасының 2-нші Президенті атанды .",
     "2019-ыншы жылдың 12-нші маусымында", "2019-06-12", None, "absolute"),
    ("2020-сыншы жылдың 1-інші қаңтарынан елімізде міндетті әлеуметтік медициналық сақтандыру жүйесі енгізіледі .",
     "2020-сыншы жылдың 1-інші қаңтарынан", "2020-01-01", None, "absolute"),
    ("Бір мың тоғыз жүз тоқсан алтыншы жылдан бері тұрып келе жатқан өз пәтерімнен .",
     "Бір мың тоғыз жүз тоқсан алтыншы жылдан бері", "1996", None, "absolute"),
    ("Ғаламат қондырғыны салу жөніндегі шешімді сонау мың тоғыз жүз тоқсан жетінші жылы .",
     "мың тоғыз жүз тоқсан жетінші жылы", "1997", None, "absolute"),
    ("Екі мыңыншы жылы Қазақстан машина жасаушылар өндірісінің көлемі қырық алты миллиард теңгейді құрады .",
     "Екі мыңыншы жылы", "2000", None, "absolute"),
    ("Мың тоғыз жүз алпыс жетінші жылы Теміртауда жас металлургтен алғаш болып сұхбат алған да өзі еді .",
     "Мың тоғыз жүз алпыс жетінші жылы", "1967", None, "absolute"),
    ("Екі мың бес – екі мың он сегізінші жылдар аралығында Ресей экономикасына құйылған инвестиция .",
     "Екі мың бес – екі мың он сегізінші жылдар аралығында", "2005", "2018", "absolute"),
    ("Жалпы жиырма төртінші – жиырма жетінші маусым аралығында Арыстағы апаттан түрлі дене жарақатын алған .",
     "жиырма төртінші – жиырма жетінші маусым аралығында", None, None, "partial"),
    ("Телевизия саласындағы айтулы оқиғаны наурыздың жиырма бесі күні арнамыздан тамашалаңыздар .",
     "наурыздың жиырма бесі", None, None, "partial"),
    ("Оны қыркүйектің 25-і — 26-сына дейін аяқтаймыз .", "қыркүйектің 25-і — 26-сына дейін", None, None, "partial"),
    ("Негізінен , су тасқынынан қауіп сәуір айының ортасында күшейеді деп болжап отырмыз .",
     "сәуір айының ортасында", None, None, "partial"),
    ("Содан келгеннен кейін 20-сыншы сентябрьде маған мына суставыма операция жасады .",
     "20-сыншы сентябрьде", None, None, "partial"),
    ("Апрельдің бірінен бастап болады деп айтып жатыр .", "Апрельдің бірінен бастап", None, None, "partial"),
    ("Кезектен тыс президенттік сайлау биылғы жылдың 9-ыншы маусымына белгіленді .",
     "биылғы жылдың 9-ыншы маусымына", None, None, "relative"),
    ("Келер жылдың 24-інші шілдесінде кезекті жазғы Олимпиада ойындарының тұсауы кесіледі .",
     "Келер жылдың 24-інші шілдесінде", None, None, "anaphoric"),
    ("Өткен жылдың қазанында бюджетті нақтылау кезінде қаражаттың жетпіс жеті пайызы қазынаға қайтарылды .",
     "Өткен жылдың қазанында", None, None, "anaphoric"),
    ("Биылғы январьдың да көрсеткіштері бәрі жақсы .", "Биылғы январьдың", None, None, "relative"),
])
def test_kaznerd_form(sentence: str, text: str, date: str | None, date_end: str | None, kind: str) -> None:
    found = find_dates(sentence, "kk")
    assert [d.text for d in found] == [text]
    assert (found[0].date, found[0].date_end, found[0].kind) == (date, date_end, kind)


@pytest.mark.parametrize("text, month, day", [
    ("наурыздың жиырма бесі", 3, 25),
    ("қыркүйектің 25-і — 26-сына дейін", 9, 25),
    ("Апрельдің бірінен бастап", 4, 1),
    ("20-сыншы сентябрьде", 9, 20),
    ("биылғы жылдың 9-ыншы маусымына", 6, 9),
])
def test_partial_dates_keep_what_they_know(text: str, month: int, day: int) -> None:
    (date,) = find_dates(text, "kk")
    assert date.missing == ("year",)
    assert (date.parts["month"], date.parts["day"]) == (month, day)
    assert date.edtf == f"XXXX-{month:02d}-{day:02d}"


def test_words_for_a_full_date() -> None:
    (date,) = find_dates("Мың тоғыз жүз тоқсан бірінші жылдың бірінші желтоқсанында", "kk")
    assert (date.date, date.precision) == ("1991-12-01", "day")
    (date,) = find_dates("2014-інші жылы 13-інші декабрь", "kk")  # a Russian month name inside Kazakh
    assert date.date == "2014-12-13"


def test_hesitation_mark_inside_a_date() -> None:
    # the brief's KazNERD form «1-інші ( іі ) маусымнан»: the transcribed hesitation does not split it
    (date,) = find_dates("1-інші ( іі ) маусымнан бастап", "kk")
    assert (date.parts["day"], date.parts["month"], date.flags) == (1, 6, ("since",))


def test_hesitation_mark_inside_number_words() -> None:
    (date,) = find_dates("жиырма ( іі ) бесінші наурызда", "kk")
    assert (date.parts["day"], date.parts["month"]) == (25, 3)
