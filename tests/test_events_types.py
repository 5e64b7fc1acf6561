"""Event extraction per type on real corpus sentences, and the sentences that must not become events."""
from __future__ import annotations

import pytest

from tarikh.extract.dating import attribute_of
from tarikh.extract.merge import merge_events
from tarikh.extract.pipeline import extract_source
from tarikh.extract.roles import relative_pronoun
from tarikh.extract.triggers import find_triggers, inside_quotes
from tarikh.extract.text import prepare


def events(text: str) -> list[dict]:
    """The merged events the whole pipeline extracts from a text."""
    return merge_events(extract_source(prepare(text, "excerpt.txt")).mentions)


def only(found: list[dict], event_type: str) -> dict:
    matching = [e for e in found if e["type"] == event_type]
    assert len(matching) == 1, [(e["type"], e["date"]) for e in found]
    return matching[0]


def labels(event: dict) -> set[str]:
    return {a["label"] for a in event["actors"]}


# Each case: (corpus file:line, text, type, date, an actor label expected or None)
CASES = [
    ("000:12", "1991жылғы желтоқсанның 1-інде бүкілхалықтық сайлау қортындысымен Н.Ә.Назарбаев Қазақстан "
               "Президенті болып сайланды, Е.М. Асанбаев-вице президент.",
     "Election", "1991-12-01", "Nursultan Nazarbayev"),
    ("001:30", "Beləliklə, hakimiyyətin qanunverici qolunun olmadığı bir şəraitdə 1995-ci ilin yazında "
               "Qazaxıstanın siyasi sistemində Konstitusiya böhranından çıxmaq üçün referendum keçirildi.",
     "Referendum", "1995", None),
    ("004:1549", "1990 жылғы 26-27 мамырда Алматыда Қазақстанның Социал-демократиялық партиясының (ҚСДП) "
                 "құрылтай съезі өтті.",
     "PartyFounding", "1990-05-26", "Social Democratic Party of Kazakhstan"),
    ("000:7", "1991 жылы 21 желтоқсанда аталған 11 республиканың басшылары КСРО-ны ыдыратып, ТМД-ны құру туралы "
              "келісімге қол қойды.",
     "Treaty", "1991-12-21", None),
    ("000:7", "1991 жылы 21 желтоқсанда аталған 11 республиканың басшылары КСРО-ны ыдыратып, ТМД-ны құру туралы "
              "келісімге қол қойды.",
     "Dissolution", "1991-12-21", "Soviet Union"),
    ("001:22", "16 dekabr 1991-ci ildə Qazaxıstan dövlət müstəqilliyini elan etdi.",
     "Independence", "1991-12-16", "Kazakhstan"),
    ("001:26", "Qazaxıstan siyasi sisteminin mühüm komponenti olan Konstitusiyanın \n1993-cü ilin 28 yanvarında "
               "qəbul olunmasına baxmayaraq, sonradan cəmiyyətdə siyasi münasibətlərin gərginləşməsi baş verdi.",
     "ConstitutionAdoption", "1993-01-28", None),
    ("004:1444", "Ақырында, 1991 жылғы 28 тамызда Республика Президенті Семей полигонын жабу туралы Жарлыққа "
                 "қол қойды.",
     "LawAdoption", "1991-08-28", "Nursultan Nazarbayev"),
    ("000:5", "1991 жылы 13 желтоқсанда Қазақстан, Өзбекстан, Қыргызстан, Туркіменстан, Тәжікстан басшылары "
              "Ашхабадта бас қосты.",
     "Meeting", "1991-12-13", "Uzbekistan"),
    ("004:1462", "1989 жылы 30 сәуірде АХМ өзін-өзі тарату туралы жариялады.",
     "Dissolution", "1989-04-30", None),
    ("004:5317", "Рас, 1999 жылдың мамырында бұл партия «Отан» РСП-мен ұйымдық бірігу туралы шешім қабылдады;",
     "Merger", "1999-05", None),
    ("004:4407", "Бұл ретте 1993 жылы «Азат» ҚАҚ-да басшылықтың ауысуы болды, нәтижесінде қозғалыс төрағасы болып "
                 "Хасен Қожа-Ахмет, ал оның орынбасары болып Жасарал Қуаныш-Әли сайланды.",  # a deputy elected
     "Inauguration", "1993", None),
    ("004:12929", "2007 жылдың 10 маусымында Мұхтар Шахановты оның төрағасы етіп сайлаған «Халық рухы» партиясының "
                  "құрылтай съезі өтті [114].",  # a chair elected, told by a participle (the text: «Сол жылдың»)
     "Inauguration", "2007-06-10", "Mukhtar Shakhanov"),
    ("004:7604", "1999 жылдың наурыз айында қозғалыс «Азамат» Қазақстанның демократиялық партиясы болып қайта "
                 "құрылды.",  # a movement become a party founds one (the text: «Сол жылдың»)
     "PartyFounding", "1999-03", None),
    ("004:17824", "Нәтижесінде ҚР Президентінің 2016 жылғы 20 қаңтардағы Жарлығымен 5-ші сайланған Парламент Мәжілісі "
                  "таратылды.",  # the date of the decree by which it was dissolved
     "Dissolution", "2016-01-20", None),
    ("004:17068", "Ақырында, 2013 жылғы 16 наурызда Алматыда референдумға бастамашылық ету жөніндегі процесті "
                  "бастау үшін заңнамаға сәйкес қажетті жұртшылық жиналысы өткізілді.",  # қажетті: "necessary", adj.
     "Meeting", "2013-03-16", None),
    ("000:15", "1991 жылғы желтоқсанның 10-ы Республика Жағарғы Кеңесінің сессиясында Қазақ Кеңестік Социалистік "
               "Республикасын Қазақстан Республикасы деп өзгертілді.",
     "Renaming", "1991-12-10", None),
    ("004:14344", "Ақырында, 2014 жылғы 29 мамырда Астанада Еуразиялық экономикалық одақ (ЕАЭО) құру туралы шартқа "
                  "қол қойылды, ол 2015 жылғы 1 қаңтардан бастап ресми түрде күшіне енеді.",  # next clause's date
     "Treaty", "2014-05-29", "Eurasian Economic Union"),
    ("004:17722", "Осыған байланысты 2015 жылғы 25 ақпанда Мемлекет басшысы Парламент Сенаты мен Мәжілісінің, "
                  "Конституциялық Кеңестің төрағасы және Премьер-министрмен ақылдасып, «Қазақстан Республикасы "
                  "Президентінің кезектен тыс сайлауын тағайындау туралы» Жарлықты қабылдады және 26 сәуірге "
                  "белгіледі.",  # the date after `және` is that of the second predicate
     "LawAdoption", "2015-02-25", "Nursultan Nazarbayev"),
    ("001:1", "1912-1917-ci illər arasında Orta Asiyada rus hökumətinə qarşı qiyamlar baş verdi və 1917-ci ildə "
              "Rusiyada çar hakimiyyətinin süqutu ilə əlaqədar Orta Asiyada milli azadlıq hərəkatı güclənmişdir.",
     "Protest", "1912", None),
    ("004:9007", "Бірінші жағдайда 2002 жылдың көктемінде Мұхтар Әбілязов пен Ғалымжан Жақияновты сыбайлас "
                 "жемқорлық құқық бұзушылықтар жасады деген айыппен қылмыстық жауаптылыққа тартуды, кейіннен "
                 "оларды тиісінше 6 және 7 жылға бас бостандығынан айыруды атап өткен жөн.",  # jailed later
     "Other", "2002", "Mukhtar Ablyazov"),
    ("004:14273", "2011 жылғы 16 желтоқсанда жаппай тәртіпсіздік түрінде Маңғыстау облысының Жаңаөзен қаласында "
                  "болған қайғылы оқиғалар сайлау науқанының жалпы саяси ахуалына елеулі түзетулер енгізген күтпеген "
                  "фактор болды.",  # mass riots
     "Protest", "2011-12-16", None),
]


@pytest.mark.parametrize("where, text, event_type, date, actor", CASES, ids=[f"{c[2]}-{c[0]}" for c in CASES])
def test_event_of_each_type(where: str, text: str, event_type: str, date: str, actor: str | None) -> None:
    event = only(events(text), event_type)
    assert event["date"] == date
    if actor:
        assert actor in labels(event)
    mention = event["mentions"][0]
    assert mention["doc"] == "excerpt.txt" and mention["line"] == 1 and mention["start"] == 0


def test_meeting_place_and_founding_subject() -> None:
    # 000_…:5 and 004_…:1549
    meeting = only(events("1991 жылы 13 желтоқсанда Қазақстан, Өзбекстан, Қыргызстан, Туркіменстан, Тәжікстан "
                          "басшылары Ашхабадта бас қосты."), "Meeting")
    assert meeting["place"] and meeting["place"]["text"] == "Ашхабадта"
    founding = only(events("1990 жылғы 26-27 мамырда Алматыда Қазақстанның Социал-демократиялық партиясының "
                           "(ҚСДП) құрылтай съезі өтті."), "PartyFounding")
    roles = {a["label"]: a["role"] for a in founding["actors"]}
    assert roles["Social Democratic Party of Kazakhstan"] == "subject"


def test_chairs_elected_take_the_date_and_party_of_the_sentence_before() -> None:
    # 004_…:1549-1553
    found = events("1990 жылғы 26-27 мамырда Алматыда Қазақстанның Социал-демократиялық партиясының (ҚСДП) "
                   "құрылтай съезі өтті. Бұл партия іс жүзінде АТҰҚ базасында құрылды.\n"
                   "Оның тең төрағалары болып Сергей Дуванов пен Дос Көшімов сайланды.")
    inauguration = only(found, "Inauguration")
    assert inauguration["date"] == "1990-05-26"
    assert {"Sergei Duvanov", "Social Democratic Party of Kazakhstan"} <= labels(inauguration)
    borrowed = [a for a in inauguration["actors"] if a["label"] == "Social Democratic Party of Kazakhstan"]
    assert all(a["inferred"] and a["line"] == 1 for a in borrowed)
    assert only(found, "PartyFounding")["date"] == "1990-05-26"


def test_a_pronoun_stands_for_the_person_named_just_before() -> None:
    # 004_…:8321-8324
    found = events("Сонымен қатар, 1999 жылдың күзінде Қасымов парламенттік сайлауға қатысып, Мәжіліс депутаты "
                   "болып сайланды. Ал 2000 жылы ол Қазақстан патриоттары партиясын құрды және басқарды.")
    founding = only(found, "PartyFounding")
    assert founding["date"] == "2000"
    founder = next(a for a in founding["actors"] if a["label"] == "Gani Kasymov")
    assert founder["inferred"] and founder["source"] == "context" and founder["line"] == 1


@pytest.mark.parametrize("before, relative", [
    ("«Президент сайлау жөніндегі Заң» Қабылданып, ", True),  # 000_…:12, `ол бойынша`: by that law
    ("«Қазақстан-2012» халықтық қозғалысы құрылды, кейіннен ", True),  # 004_…:14008
    ("Алайда, 1997 жылы ", False),  # 004_…:7394
    ("Ал 2000 жылы ", False),  # 004_…:8323
])
def test_a_pronoun_after_a_full_clause_stands_for_its_noun(before: str, relative: bool) -> None:
    assert relative_pronoun(before) is relative


def test_the_results_sentence_names_the_parties_of_an_election() -> None:
    # 004_…:9090-9098
    found = events("2004 жылғы 19 қыркүйекте кезекті парламенттік сайлау өтті, оған алғаш рет ресми тіркелген "
                   "барлық партиялар қатысты. Бұл ретте азаматтық және Аграрлық партиялар «Еңбекшілердің "
                   "аграрлық-индустриялық одағы» (ЕАИО) сайлау блогына бірікті. Сайлау қорытындысы бойынша ҚР "
                   "Парламенті Мәжілісі депутаттарының 10 мандаты келесідей бөлінді: «Отан» РСП – 7, ҚДП «Ак жол», "
                   "«Асар» РП және «ЕАИО» блогы - 1 [1].")
    election = only(found, "Election")
    assert election["date"] == "2004-09-19"
    assert {"Otan (Republican Political Party)", "Asar (party)"} <= labels(election)


def test_a_date_range_and_a_month_inside_it_are_one_event() -> None:
    # 004_…:9156-9163 and 11550-11551
    found = events("2005 жылдың наурыз-сәуір айларында «Ақ жол» ҚДП қатарында екі негізгі топқа бөлінді: "
                   "«радикалдар», құрамында Болат Әбілов, Ораз Жандосов және Алтынбек Сәрсенбайұлы тең "
                   "төрағаларының жақтаушыларынан тұрады. Нәтижесінде соңғылары партия қатарынан шығып, өздерінің - "
                   "Қазақстанның «Нағыз Ақ жол» демократиялық партиясын құрды.\n\n"
                   "2005 жылғы сәуірде Қазақстанның «Нағыз Ақ жол» демократиялық партиясының құрылуымен ол оның "
                   "тең төрағасы болды.")
    founding = only(found, "PartyFounding")
    assert founding["date"] == "2005-04" and len(founding["mentions"]) == 2
    assert "Bolat Abilov" in labels(founding)


def test_a_date_that_qualifies_another_noun_does_not_date_the_event() -> None:
    # 004_…:7477-7479: `1993 жылғы ҚР Конституциясын` is the constitution's year, not the referendum's
    found = events("Саясаткердің Назарбаевтың президенттік өкілеттігін ұзарту жөніндегі референдум тағайындалып, "
                   "сол кезде қолданылып жүрген 1993 жылғы ҚР Конституциясын бұза отырып өткізілгені туралы "
                   "мәлімдемесі айтарлықтай одан да маңызды болды.")
    assert not [e for e in found if e["type"] == "Referendum" and e["date"] == "1993"]


@pytest.mark.parametrize("between, modifies", [
    (" ҚХР-ға мемлекеттік ", True),  # 002_…:38, `23-ші желтоқсанындағы ҚХР-ға мемлекеттік сапары`
    (" ", True),
    (" Конституциясын бұза отырып, ", False),
])
def test_an_attributive_date_modifies_only_its_own_noun_phrase(between: str, modifies: bool) -> None:
    assert attribute_of(between) is modifies


@pytest.mark.parametrize("text, trigger, inside", [
    # 004_…:14113: the amendment named in the law's title
    ("парламент «қазақстан республикасының конституциясына өзгеріс енгізу туралы» заңды қабылдады",
     "конституциясына", True),
    # 004_…:15941: the PDF text leaves a quote open; the election after it is no title
    ("жаңа төрағасы болып «атамекен «одағы» палатасының басшысы азат перуашев сайланды.", "сайланды", False),
])
def test_a_trigger_is_inside_a_title_only_between_quotes(text: str, trigger: str, inside: bool) -> None:
    start = text.index(trigger)
    assert inside_quotes(text, start, start + len(trigger)) is inside


def test_the_members_a_new_bloc_lists_do_not_make_it_their_founding() -> None:
    # 004_…:9165-9168: the bloc lists «Нағыз Ақ жол» among its members; that party's own founding is another event
    found = events("2005 жылдың наурыз-сәуір айларында «радикалдар» партия қатарынан шығып, өздерінің - Қазақстанның "
                   "«Нағыз Ақ жол» демократиялық партиясын құрды.\n\n"
                   "Ақырында, сол жылдың наурыз айында республиканың негізгі оппозициялық күштерін (Қазақстан "
                   "компартиясы, ҚДП «Нағыз Ақ жол», бұрынғы ҚРХП және ҚДТ ХП және т.б. активі) біріктіретін "
                   "«Әділетті Қазақстан үшін» демократиялық күштер блогы (ӘҚҮ) құрылды.")
    foundings = sorted((e for e in found if e["type"] == "PartyFounding"), key=lambda e: e["date"])
    assert [(e["date"], len(e["mentions"])) for e in foundings] == [("2005-03", 1), ("2005-03", 1)]
    bloc = next(e for e in foundings if "For a Just Kazakhstan (bloc)" in {a["label"] for a in e["actors"]})
    roles = {a["label"]: a["role"] for a in bloc["actors"]}
    assert roles["Naghyz Ak Zhol Democratic Party of Kazakhstan"] == "member"


def test_a_trigger_stem_may_hold_a_hyphen() -> None:
    # 004_…:9054-9055: `РСП-ға қосылды` (joined the RSP), the stem `рсп-ға` of triggers.yaml
    triggers = find_triggers("3 (ҚР Әділет партиясы, Қазақстанның халықтық-кооперативтік партиясы және республикалық "
                             "саяси еңбек партиясы) – «Отан» РСП-ға қосылды.", "kk")
    assert [(t.type, t.text, t.rejected) for t in triggers] == [("Merger", "РСП-ға қосылды", None)]


def test_list_items_take_the_date_of_the_list_introduction() -> None:
    # 004_…:9041-9055: the items are paragraphs of their own after an introduction that ends with a colon
    found = events("Ең алдымен, 2002-2003 жылдары 12 саяси партия өз қызметін тоқтатты, оның ішінде:\n\n"
                   "- 5 (Қазақстанның социалистік партиясы, ҚХК, ҚРХП) - олар әртүрлі себептермен қайта тіркеуден "
                   "өтпеді;\n\n"
                   "- 3 (ҚР Әділет партиясы, Қазақстанның халықтық-кооперативтік партиясы және республикалық саяси "
                   "еңбек партиясы) – «Отан» РСП-ға қосылды.")
    merger = only(found, "Merger")
    assert merger["date"] == "2002" and merger["mentions"][0]["line"] == 5


def test_a_protest_dated_by_this_day() -> None:
    # 004_…:1385-1388
    found = events("1989 жылғы 28 ақпанда «Невада – Семей» халықаралық ядроға қарсы қозғалысының құрылуы осы "
                   "процестің жоғарғы шегі деп санаған жөн. Бұл күні Алматыда Қазақстан Жазушылар одағы "
                   "ғимаратының жанында жаппай митинг өтті.")
    assert only(found, "Protest")["date"] == "1989-02-28"
    assert only(found, "PartyFounding")["date"] == "1989-02-28"


def test_a_list_of_foundings_gives_one_event_per_item() -> None:
    # 004_…:5250-5259 (numbered list, one sentence)
    found = events("3) Қазақстанның Халық бірлігі партиясы (ҚХБП) (1995 ж. наурызда ҚХБО негізінде құрылды); "
                   "4) Қазақстанның демократиялық партиясы (ҚДП) (1995 ж. шілдеде құрылды); "
                   "5) Республикалық саяси еңбек партиясы (РСЕП) (1995 ж. қыркүйекте Қазақстан Инженерлер "
                   "одағының негізінде құрылды).")
    assert sorted(e["date"] for e in found if e["type"] == "PartyFounding") == ["1995-03", "1995-07", "1995-09"]


NOT_EVENTS = [
    # an article cited, 003_…:180-188 (the first sentence's date would be borrowed)
    ("article cited", "2009 жылғы 5 қарашадағы № 6 нормативтік қаулыда Конституциялық Кеңес, мемлекеттік органдарының "
                      "жекелеген өкілеттіктерін халықаралық ұйымдарға беру туралы шешім қабылдауға мүмкіндік береді, "
                      "деп атап көрсетті. Қазақстан Республикасы Конституциясының 4-бабының республика бекіткен "
                      "халықаралық шарттардың республика заңдарынан басымдығы болады және мұндай шешімдер тікелей "
                      "қолданылады деген нормалары халықаралық ұйымдардың шешімдеріне қолданылады.",
     "ConstitutionAdoption"),
    # an intention: 004_…:8988-8990
    ("intention", "2001 жылғы желтоқсанда Қазақстанның республикалық Халық партиясының, «Азамат» Қазақстанның "
                  "демократиялық партиясының және Қазақстан Халық конгресінің өкілдері Біріккен демократиялық "
                  "партияны (БДП) құру ниетін білдірді.", "PartyFounding"),
    # a plan: 004_…:1087-1088
    ("plan", "Одақтық шартқа қол қою 1991 жылғы 20 тамызға белгіленді.", "Treaty"),
    # an election still to come: 004_…:7459
    ("future", "Ол 2000 жылы өтетін президенттік сайлауға қатысу ниетін жариялады.", "Election"),
    # `қол жеткізді` is "achieved", not "signed": 002_…:3
    ("achieved", "1991 жылы Қазақстан тарихы қысқа мерзімде басты мемлекеттік мәселені шешті әрі елдің нақты "
                 "тәуелсіздігіне қол жеткізді.", "Treaty"),
    # a negation: 004_…:9153-9154
    ("negation", "2005 жылы ол мемлекеттік тіркеу рәсімінен өтпеді.", "PartyFounding"),
    # a reference in a subordinate clause, dated only by its neighbour: 004_…:2123
    ("reference", "1992 жылы Парламент жұмысын бастады. Қазақстан мемлекеттік тәуелсіздік алғаннан бері "
                  "бірінші кезектегі міндет сол уақыт үшін республиканың оңтайлы даму моделін таңдау болды.",
     "Independence"),
    # a protest letter is a document: 001_…:30 (the month's year from the sentences before)
    ("protest letter", "1994-cü ilin martın 10-da Konstitusiya Məhkəməsi hər iki etiraz məktubunu rədd etdi.",
     "Protest"),
    # `nümayiş etdirdi` is "showed", not "demonstrated": 001_…:30, with a year of the paragraph
    ("showed", "1994-cü ilin martında hadisələr respublikanın qanunvericiliyindəki boşluğu nümayiş etdirdi.",
     "Protest"),
    # no year anywhere: 002_…:17
    ("undated", "Шілденің 6-сында Мәскеуде қол қойылған мәңгі достық пен одақтастық туралы Декларация.", "Treaty"),
    # the campaign's climate, not the vote: 004_…:14273 (the date is that of the riots)
    ("campaign", "2011 жылғы 16 желтоқсанда жаппай тәртіпсіздік түрінде Маңғыстау облысының Жаңаөзен қаласында "
                 "болған қайғылы оқиғалар сайлау науқанының жалпы саяси ахуалына елеулі түзетулер енгізген күтпеген "
                 "фактор болды.", "Election"),
    # a question: 004_…:12182-12184
    ("question", "Мысалы, президент 1998 жылы уәде еткен барлық деңгейдегі басшыларды сайлаудың ауқымды кезеңдік "
                 "бағдарламасы қайда?", "Election"),
    # a later step, dated neither by the date before it nor by the sentence before: 004_…:14012-14016
    ("later", "Халықтық қозғалыстар 2009 жылы көбейді. 2009 жылдың мамыр айында Алматыда үлескерлердің "
              "қатысуымен «Қазақстан-2012» халықтық қозғалысы құрылды, кейіннен ол Қазақстанның социалистік "
              "қозғалысы болып қайта құрылды.", "Renaming"),
    # a charge in a verdict, not the riot: 004_…:13087-13090
    ("charge", "Атабекті қоса алғанда, қылмыстық жауапкершілікке тартылды, ол Алматы қалалық сотының 2007 жылғы "
               "5 қазандағы үкімімен жаппай тәртіпсіздіктерді ұйымдастырды деген айыппен 18 жылға бас бостандығынан "
               "айырылды.", "Protest"),
]


@pytest.mark.parametrize("why, text, event_type", NOT_EVENTS, ids=[n[0] for n in NOT_EVENTS])
def test_not_an_event(why: str, text: str, event_type: str) -> None:
    assert not [e for e in events(text) if e["type"] == event_type]


def test_an_instrument_yields_to_the_event_it_brought_about() -> None:
    # 004_…:11958: the resolution is the means of a dismissal, no law adoption of its own
    found = events("2004 жылғы 13 наурызда Үкімет қаулысымен ол ТЖА төрағасы қызметінен босатылды.")
    assert only(found, "Other")["date"] == "2004-03-13"
    assert not [e for e in found if e["type"] == "LawAdoption"]
    # 004_…:5188: with no other event told after it, the decree is the event
    decree = only(events("Бұл бағыттағы алғашқы қадамдардың бірі ҚР Президентінің 1995 жылғы 1 наурыздағы Жарлығымен "
                         "Мемлекет басшысы жанындағы консультативтік-кеңесші орган мәртебесінде Қазақстан халықтары "
                         "Ассамблеясын (ҚХА) құру болды."), "LawAdoption")
    assert decree["date"] == "1995-03-01"


def test_a_trigger_pattern_with_a_group_inside_a_group_is_refused() -> None:
    from tarikh.extract.lexicon import phrase_words

    assert phrase_words("қызметінен (кетті|босатыл)") == ["қызметінен", "(кетті|босатыл)"]
    with pytest.raises(ValueError, match="group inside a group"):
        phrase_words("(отставкаға|қызметінен (кетті|босатыл))")


def test_a_list_introduction_tells_its_event_of_each_item() -> None:
    # 004_…:12846-12866 (items 3 and 5 left out): each movement entered the political arena in 2005
    found = events("Атап айтқанда, 2005 жылы келесі бірлестіктер республиканың саяси аренасына кіретіндерін "
                   "мәлімдеді:\n\n"
                   "1) сол кездегі ҚР Парламенті Мәжілісінің депутаты Мұхтар Шаханов басқарған «Мемлекеттік тіл» "
                   "қозғалысы;\n\n"
                   "2) Ұйымдастыру комитетіне Дос Көшім, Хасен Қожа-Ахмет, Балтабай Рахымжанов, Мәмбет Қойгелді "
                   "және т.б. сияқты ұлттық демократиялық қозғалыстың белгілі өкілдері енген «Ұлт тағдыры» "
                   "қозғалысы кейінірек Дос Көшім қозғалыс төрағасы болып сайланды;\n\n"
                   "4) 1994-1995 жылдары ҚР Жоғарғы кеңесінің 13-ші сайланымының депутаты болған, кейін "
                   "«Фараби-қорды» басқарған Досмұхамед Нұрахмет басқарған жалпықазақстандық ұлттық-патриоттық "
                   "қозғалыс;\n")
    foundings = [e for e in found if e["type"] == "PartyFounding"]
    assert [e["mentions"][0]["line"] for e in foundings] == [3, 5, 7]
    assert all(e["date"] == "2005" and e["mentions"][0]["trigger"]["line"] == 1 for e in foundings)
    assert "Memlekettik Til (movement)" in labels(foundings[0]) and "Ult Tagdyry (movement)" in labels(foundings[1])
    assert only(found, "Inauguration")["date"] == "2005"  # item 2 tells a chair's election of its own


def test_a_list_item_that_tells_a_merger_is_no_dissolution_of_its_own() -> None:
    # 004_…:9041-9056, the first item left out
    found = events("Ең алдымен, 2002-2003 жылдары 12 саяси партия өз қызметін тоқтатты, оның ішінде:\n\n"
                   "- 4 (Қазақстанның жаңғыру партиясы, «Алаш» Қазақстанның ұлттық партиясы) – мемлекеттік қайта "
                   "тіркеуден бас тартылды;\n\n"
                   "- 3 (ҚР Әділет партиясы, Қазақстанның халықтық-кооперативтік партиясы және республикалық саяси "
                   "еңбек партиясы) – «Отан» РСП-ға қосылды.\n")
    assert only(found, "Merger")["mentions"][0]["line"] == 5
    assert {m["line"] for e in found if e["type"] == "Dissolution" for m in e["mentions"]} <= {1, 3}


def test_a_trigger_after_a_demonstrative_takes_no_date_from_before() -> None:
    # 004_…:1105-1110, shortened: `Осы бүліктің` (this coup) points back to the coup told just before
    text = ("Бұл келісімге қол қою 1991 жылдың 19 тамызында ТЖМК құрған қайраткерлердің бір тобы жасаған төңкеріс "
            "әрекетінен бас тартты.\nОсы бүліктің сәтсіздігінен кейін Қазақстанда тәуелсіздікке деген ұмтылыс "
            "күшейе түсті.")
    mentions = extract_source(prepare(text, "excerpt.txt")).mentions
    assert [m.mention["line"] for m in mentions if m.type == "Other"] == []


def test_a_date_in_a_remark_of_its_own_does_not_date_the_clause_outside() -> None:
    # 004_…:17825-17831: the bracket tells the party's renaming in 2013; the election is that of the sentence before
    text = ("Заң шығарушы органның төменгі палатасы депутаттарының жаңа құрамын сайлау 2016 жылғы 20 наурызында "
            "өтті. Еліміздің барлық партиялары өз тізімдерін ұсынды. Сайлау қорытындысы бойынша 6-шы сайланған ҚР "
            "Парламенті Мәжілісіндегі (2016-2021 жж.) орынды тағы да «Нұр Отан» партиясы алды (84; партия 2013 "
            "жылы атауын өзгертті – еск.), «Ақ жол» ҚДП (7) және ҚКХП (7).")
    found = events(text)
    assert {e["date"] for e in found if e["type"] == "Election"} == {"2016-03-20"}
    assert only(found, "Renaming")["date"] == "2013"


def test_a_bracket_that_holds_only_a_date_dates_the_clause_it_closes() -> None:
    # 004_…:18812
    text = ("3. Қазақстан мен Еуропалық Одақ арасындағы кеңейтілген әріптестік пен ынтымақтастық туралы келісімге "
            "қол қою (21.12.2015 ж.).")
    assert only(events(text), "Treaty")["date"] == "2015-12-21"


def test_an_organisation_named_only_for_a_post_takes_no_part_around() -> None:
    # 004_…:16263-16267: the company is the new chair's employer, no party to the merger told next
    text = ("2013 жылғы 9 ақпанда «Руханият» партиясының кезектен тыс съезінде кезекті рет оның басшы құрамы ауысты. "
            "Партия төрағасы болып «ҚазТрансГаз» АҚ Бас директоры Серік Сұлтанғали сайланды. Ал сол жылдың сәуір "
            "айында жоғарыда айтылғандай, «Руханият» пен «Әділет» ДП жаңа «Бірлік» партиясына бірікті.")
    merger = only(events(text), "Merger")
    assert "Rukhaniyat (party)" in labels(merger) and not any("ҚазТрансГаз" in label for label in labels(merger))
