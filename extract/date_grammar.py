"""The date grammar's vocabulary: YAML tables under `data/dates/` compiled into one scanner regex.

The scanner cuts a text into *atoms* (a year number, a month word, a year noun, a dash, a season,
a postposition...). `tarikh.extract.dates` then reads runs of adjacent atoms as date expressions.
Every word list lives in the YAML files; this module only turns them into regular expressions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

import yaml

LETTER = r"[^\W\d_]"
LANGS = ("kk", "az", "ru")
# Which tables a text in each language may use: Kazakh texts quote Russian and vice versa.
LANG_TABLES = {"kk": ("kk", "ru"), "ru": ("ru", "kk"), "az": ("az",)}

GENITIVE = re.compile(r"(?:н[ыі]ң|д[ыі]ң|т[ыі]ң|[ıiuü]n|n[ıiuü]n|ного|ого)$", re.I)
ABLATIVE = re.compile(r"(?:[дтн][аеә]н|d[əa]n|n[əa]n|t[əa]n)$", re.I)
DATIVE = re.compile(r"(?:[ғгқк][аеә]|[ын]?[ае]|[yn]?[əa])$", re.I)


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, Any]:
    """One YAML table from `extract/data/dates/`."""
    text = resources.files("tarikh.extract").joinpath("data", "dates", f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def fragment(item: str) -> str:
    """A regex fragment from a table entry: `re:` entries as written (L = a letter), words escaped."""
    if item.startswith("re:"):
        return item[3:].replace("[L]", LETTER).replace("(?![L])", f"(?!{LETTER})")
    return re.escape(item)


def alternation(items: Iterable[str]) -> str:
    """A non-capturing alternation, longest plain words first so prefixes do not win."""
    parts = sorted({fragment(i) for i in items}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


def word(pattern: str) -> str:
    """`pattern` as a whole word: no letter immediately before or after."""
    return rf"(?<!{LETTER})(?:{pattern})(?!{LETTER})"


@dataclass(frozen=True)
class Grammar:
    """The compiled scanner for one language and the lookup tables the parser needs."""

    lang: str
    scanner: re.Pattern
    month_of: dict[str, int]
    ambiguous_months: frozenset[str]
    season_of: dict[str, str]
    part_patterns: tuple[tuple[re.Pattern, str], ...]
    post_of: dict[str, str]
    number_words: dict[str, int]
    number_suffix: re.Pattern
    year_plural: re.Pattern
    year_duration: re.Pattern
    anaphor_ref: dict[str, str]
    anaphor_units: tuple[tuple[re.Pattern, str], ...]
    single_anaphors: tuple[tuple[re.Pattern, dict[str, str]], ...]
    quantity_after: re.Pattern
    non_event_after: tuple[tuple[re.Pattern, str], ...]
    person_name: re.Pattern
    roman_values: dict[str, int]
    extra: dict[str, Any] = field(default_factory=dict)


def _month_patterns(langs: tuple[str, ...]) -> tuple[str, dict[str, int], frozenset[str]]:
    """The month-word regex, the stem → month map and the ambiguous stems."""
    months = table("months")
    month_of: dict[str, int] = {}
    exact: dict[str, int] = {}
    ambiguous: set[str] = set()
    for lang in langs:
        entry = months[lang]
        for key in ("stems", "loan_stems"):
            for number, stems in (entry.get(key) or {}).items():
                month_of.update({s: int(number) for s in stems})
        for number, words in (entry.get("exact") or {}).items():
            exact.update({w: int(number) for w in words})
        ambiguous.update(entry.get("ambiguous") or ())
    hyphen_end = alternation(table("words")["hyphen_endings"])
    stems = alternation(month_of)
    words = alternation(exact) if exact else "(?!)"
    pattern = (rf"(?<!{LETTER})(?:(?P<mstem>{stems}){LETTER}{{0,10}}(?:-{hyphen_end}(?!{LETTER}))?"
               rf"|(?P<mexact>{words})(?!{LETTER}))")
    month_of.update(exact)
    return pattern, month_of, frozenset(ambiguous)


def _number_word_pattern(lang: str) -> tuple[str, dict[str, int], str]:
    """Number words («жиырма бесінші», «мың тоғыз жүз») as one regex, with their stem values."""
    numbers = table("numbers").get(lang) or table("numbers")["kk"]
    values: dict[str, int] = {}
    for key in ("units", "tens", "hundred", "thousand"):
        values.update(numbers[key])
    stem = alternation(values)
    ending = (f"{alternation(numbers['ordinal'])}?{alternation(numbers['possessive'])}?"
              f"{alternation(numbers['case'])}?")
    one = rf"(?<!{LETTER}){stem}{ending}(?!{LETTER})"
    return rf"(?P<nw>{one}(?:\s+{one})*)", values, ending


def _century_pattern() -> str:
    roman = "".join(table("numbers")["roman_letters"])
    numeral = rf"(?-i:[{roman}]{{1,6}})(?!{LETTER})"
    noun = alternation(table("words")["century_noun"])
    return (rf"(?P<century>(?P<c1>{numeral}|\d{{1,2}}(?:-?{LETTER}{{1,5}})?)"
            rf"(?:\s?[-–—]\s?(?P<c2>{numeral}|\d{{1,2}}(?:-?{LETTER}{{1,5}})?))?\s*"
            rf"(?P<cnoun>{noun})(?!{LETTER}))")


def _anaphor_pattern(langs: tuple[str, ...]) -> tuple[str, dict[str, str], tuple, tuple]:
    data = table("anaphora")
    ref_of = {w.lower(): ref for ref, words in data["determiners"].items() for w in words}
    units = tuple((re.compile(alternation(v), re.I), unit) for unit, v in data["unit_nouns"].items())
    nouns = alternation([n for v in data["unit_nouns"].values() for n in v])
    single = tuple((re.compile(fragment(k) + "$", re.I), v) for k, v in data["words"].items())
    pattern = (rf"(?P<ana>(?<!{LETTER}){alternation(ref_of)}\s+(?:же\s+)?{nouns}(?!{LETTER})"
               rf"|(?<!{LETTER}){alternation(data['words'])}(?!{LETTER}))")
    return pattern, ref_of, units, single


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar for `lang` (kk, az or ru), built once per process."""
    langs = LANG_TABLES.get(lang, LANG_TABLES["kk"])
    words = table("words")
    numbers = table("numbers")
    month_pattern, month_of, ambiguous = _month_patterns(langs)
    nw_pattern, number_values, _ = _number_word_pattern("kk")
    ana_pattern, ref_of, units, single = _anaphor_pattern(langs)
    year_noun = alternation([y for lg in langs for y in words["year_noun"][lg]])
    month_noun = alternation([y for lg in langs for y in words["month_noun"][lg]])
    season_of = {stem: season for lg in langs for stem, season in words["season_words"][lg].items()}
    season_end = alternation([e for lg in langs for e in words["season_endings"][lg]])
    part_items = [(k, v) for lg in langs for k, v in words["part_words"][lg].items()]
    quarter = alternation([q for lg in langs for q in words["quarter_words"][lg]])
    post_of = {w: kind for kind, ws in words["postpositions"].items() for w in ws}
    max_suffix = numbers["digit_suffix_letters_max"]
    not_suffix = alternation([y for lg in langs for y in words["year_noun"][lg]] + list(month_of))
    az_ordinal = alternation(numbers["az_ordinal"])
    num = (r"(?P<num>(?<![\d.,:/])\d{1,4}(?![\d]|[.,:/]\d))"
           rf"(?P<nsuf>\s?-\s?{az_ordinal}(?!{LETTER})|-?(?!{not_suffix}){LETTER}{{1,{max_suffix}}}(?!{LETTER}))?")
    numdate = (r"(?P<numdate>(?<![\d.])(?P<nd1>\d{1,2})(?:-(?P<nd1b>\d{1,2}))?\.(?P<nm1>\d{1,2})"
               r"(?:-(?P<nd2>\d{1,2})\.(?P<nm2>\d{1,2}))?\.(?P<ny>\d{4})(?!\d))")
    dashes = re.escape(words["dashes"])
    atoms = [
        numdate,
        _century_pattern(),
        ana_pattern,
        num,
        rf"(?P<dash>[{dashes}])",
        rf"(?P<yn>(?<!{LETTER}){year_noun})",
        month_pattern,
        rf"(?P<mn>(?<!{LETTER}){month_noun}(?!{LETTER}))",
        rf"(?P<season>(?<!{LETTER}){alternation(season_of)}{season_end}(?!{LETTER}))",
        rf"(?P<part>{word(alternation(k for k, _ in part_items))})",
        rf"(?P<quarter>{word(quarter)})",
        nw_pattern,
        rf"(?P<half>{word(alternation(words['half_ordinals']))})",
        rf"(?P<post>{word(alternation(post_of))})",
        rf"(?P<conj>{word(alternation(words['conjunctions']))})",
    ]
    scanner = re.compile("|".join(atoms), re.I)
    non_event = tuple((re.compile(r"\s*" + alternation(v), re.I), why)
                      for why, v in words["non_event_after"].items())
    return Grammar(
        lang=lang,
        scanner=scanner,
        month_of={k.lower(): v for k, v in month_of.items()},
        ambiguous_months=frozenset(a.lower() for a in ambiguous),
        season_of={k.lower(): v for k, v in season_of.items()},
        part_patterns=tuple((re.compile(fragment(k) + "$", re.I), v) for k, v in part_items),
        post_of={k.lower(): v for k, v in post_of.items()},
        number_words=number_values,
        number_suffix=re.compile(r"[^\W\d_]*"),
        year_plural=re.compile(alternation(words["year_plural"]), re.I),
        year_duration=re.compile(alternation(words["year_noun_duration"]), re.I),
        anaphor_ref=ref_of,
        anaphor_units=units,
        single_anaphors=single,
        quantity_after=re.compile(r"\s*" + word(alternation(words["quantity_after"])), re.I),
        non_event_after=non_event,
        person_name=re.compile(rf"[A-ZА-ЯЁӘІҢҒҮҰҚӨҺƏÇĞİÖŞÜ]{LETTER}*{alternation(words['person_name_endings'])}\s*$"),
        roman_values={k: int(v) for k, v in numbers["roman_letters"].items()},
        extra={"parts": words["parts"], "seasons": words["seasons"], "quarters": words["quarters"],
               "half_ordinals": {k.lower(): v for k, v in words["half_ordinals"].items()},
               "section_heading": re.compile("|".join(fragment(h) for h in table("anaphora")["section_heading"]),
                                             re.I | re.M)},
    )
