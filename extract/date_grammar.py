"""The date grammar's vocabulary: YAML tables under `data/dates/` compiled into one scanner.

The scanner reads the lower-cased text and cuts out *anchors*: numbers (with their suffix),
numeric dates, and words a date cannot do without (month, year noun, season, part of a year,
century). *Connectors* (conjunctions, postpositions, determiners, number words, dashes) are
only looked for between and beside anchors, which keeps the scan over a whole book fast.
`classify()` says what each word is, from the same tables. The word alternatives are grouped
by first letter (one character test per word start), and each distinct word is classified once.

Every word list lives in the YAML files; this module only turns them into regular expressions.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable

from tarikh.extract.lexicon import load_yaml

LETTER = r"[^\W\d_]"
# Which tables a text in each language may use: Kazakh texts quote Russian and vice versa.
LANG_TABLES = {"kk": ("kk", "ru"), "ru": ("ru", "kk"), "az": ("az",)}


def table(name: str) -> dict[str, Any]:
    """One YAML table from `extract/data/dates/`."""
    return load_yaml("dates", f"{name}.yaml")


def fragment(item: str) -> str:
    """A regex fragment from a table entry: `re:` entries as written (L = a letter), words escaped."""
    if item.startswith("re:"):
        return item[3:].replace("[L]", LETTER).replace("(?![L])", f"(?!{LETTER})")
    return re.escape(item.lower())


def alternation(items: Iterable[str]) -> str:
    """A non-capturing alternation, longest first so that prefixes do not win."""
    parts = sorted({fragment(i) for i in items}, key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def whole(items: Iterable[str]) -> re.Pattern:
    """A full-match pattern for one word against table entries."""
    return re.compile(alternation(items) + "$")


def by_first_letter(fragments: Iterable[str]) -> str:
    """One alternation of fragments grouped by their (literal) first character: fast to scan."""
    groups: dict[str, set[str]] = defaultdict(set)
    for item in fragments:
        if item[0] in "\\([.?*+|{^$":
            raise ValueError(f"date tables: {item!r} must start with a plain letter")
        groups[item[0]].add(item[1:])
    branches = (re.escape(first) + "(?:" + "|".join(sorted(rest, key=len, reverse=True)) + ")"
                for first, rest in sorted(groups.items()))
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True)
class Grammar:
    """The compiled scanner for one language and the tables the reader needs."""

    lang: str
    scanner: re.Pattern
    connector: re.Pattern
    gap: re.Pattern
    filler_gap: re.Pattern
    leading: re.Pattern
    kinds: tuple[tuple[str, re.Pattern, Any], ...]
    month_of: dict[str, int]
    ambiguous_months: frozenset[str]
    ambiguous_endings: re.Pattern
    season_of: dict[str, str]
    number_words: dict[str, int]
    before_year: re.Pattern
    temporal_endings: frozenset[str]
    genitive: re.Pattern
    ablative: re.Pattern
    bare_year_after: re.Pattern
    quantity_suffix: re.Pattern
    year_plural: re.Pattern
    year_duration: re.Pattern
    anaphor_units: tuple[tuple[re.Pattern, str], ...]
    quantity_after: re.Pattern
    lifespan_min_years: int
    non_event_after: tuple[tuple[re.Pattern, str], ...]
    person_name: re.Pattern
    roman_before: re.Pattern
    roman_values: dict[str, int]
    bc_before: re.Pattern
    section_heading: re.Pattern
    extra: dict[str, Any]
    cache: dict[str, tuple[str, Any] | None] = field(default_factory=dict, compare=False)

    def classify(self, word: str) -> tuple[str, Any] | None:
        """(kind, value) of a scanned word, or None when it is no date word after all."""
        if word in self.cache:
            return self.cache[word]
        result = None
        for kind, pattern, value in self.kinds:
            if pattern.match(word):
                result = (kind, value(word) if callable(value) else value)
                break
        self.cache[word] = result
        return result


def month_tables(langs: tuple[str, ...]) -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    """Month stems (with a free ending), exact month words, and the doubtful stems."""
    months = table("months")
    stems: dict[str, int] = {}
    exact: dict[str, int] = {}
    ambiguous: set[str] = set()
    for lang in langs:
        entry = months[lang]
        for key in ("stems", "loan_stems"):
            for number, items in (entry.get(key) or {}).items():
                stems.update({s.lower(): int(number) for s in items})
        for number, items in (entry.get("exact") or {}).items():
            exact.update({w.lower(): int(number) for w in items})
        ambiguous.update(a.lower() for a in entry.get("ambiguous") or ())
    return stems, exact, frozenset(ambiguous)


def number_word_tables() -> tuple[dict[str, int], str]:
    """Kazakh number-word stems with their values, and the ending they may take
    («жиырма|сыншы», «он|ы|на», «екі|сі|нен»)."""
    numbers = table("numbers")["kk"]
    values: dict[str, int] = {}
    for key in ("units", "tens", "hundred", "thousand"):
        values.update(numbers[key])
    ending = (f"{alternation(numbers['ordinal'])}?{alternation(numbers['possessive'])}?"
              f"{alternation(numbers['case'])}?")
    return values, ending


def month_value(stems: dict[str, int], exact: dict[str, int]):
    """A value function: (month number, ending) of a month word."""
    def value(word: str) -> tuple[int, str]:
        base = word.split("-")[0]
        if base in exact:
            return exact[base], word[len(base):]
        stem = max((s for s in stems if word.startswith(s)), key=len)
        return stems[stem], word[len(stem):]
    return value


def first_match(pairs: list[tuple[re.Pattern, Any]]):
    """A value function: the value of the first pattern that matches the word."""
    return lambda word: next(v for p, v in pairs if p.match(word))


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    """The compiled grammar for `lang` (kk, az or ru), built once per process."""
    langs = LANG_TABLES.get(lang, LANG_TABLES["kk"])
    words, numbers, anaphora = table("words"), table("numbers"), table("anaphora")

    def per_lang(key: str) -> list[str]:
        return [item for lg in langs for item in words[key].get(lg, ())]

    stems, exact, ambiguous = month_tables(langs)
    hyphen_end = alternation(words["hyphen_endings"])
    month_end = f"ь?{alternation(per_lang('month_endings'))}"
    # a second month glued on («қарашажелтоқсан»): a range whose line-end dash the text layer lost
    month = f"{alternation(stems)}{alternation(stems)}?{month_end}|{alternation(exact)}"
    number_values, number_ending = number_word_tables()
    season_of = {k.lower(): v for lg in langs for k, v in words["season_words"][lg].items()}
    season = f"(?!{alternation(words['not_seasons'])}$){alternation(season_of)}{alternation(per_lang('season_endings'))}"
    parts = [(k, v) for lg in langs for k, v in words["part_words"][lg].items()]
    ref_of = {w.lower(): ref for ref, items in anaphora["determiners"].items() for w in items}
    singles = [(re.compile(fragment(k) + "$"), (v["ref"], v["unit"])) for k, v in anaphora["words"].items()]
    post_of = {w.lower(): kind for kind, items in words["postpositions"].items() for w in items}
    half_of = {k.lower(): v for k, v in words["half_ordinals"].items()}
    day_nouns = anaphora["unit_nouns"]["day"]

    # (kind, full-word pattern, value or value function), in the order a word is tried
    kinds: list[tuple[str, re.Pattern, Any]] = [
        ("ana", re.compile(alternation(anaphora["words"]) + "$"), first_match(singles)),
        ("yn", whole(per_lang("year_noun")), None),
        ("month", re.compile(f"(?:{month})(?:-{hyphen_end})?$"), month_value(stems, exact)),
        ("mn", whole(per_lang("month_noun")), None),
        ("dn", whole(day_nouns), None),
        ("season", re.compile(f"{season}$"), lambda w: next(v for k, v in season_of.items() if w.startswith(k))),
        ("part", whole(k for k, _ in parts), first_match([(re.compile(fragment(k) + "$"), v) for k, v in parts])),
        ("quarter", whole(per_lang("quarter_words")), None),
        ("post", whole(post_of), post_of.get),
        ("conj", whole(words["conjunctions"]), None),
        ("det", whole(ref_of), ref_of.get),
        ("nw", re.compile(f"(?!{alternation(words['not_number_words'])}$){alternation(number_values)}{number_ending}$"),
         None),
        ("half", whole(half_of), half_of.get),
        ("cnoun", whole(words["century_noun"]), None),
    ]
    # Anchors: words a date cannot do without. Connectors (conjunctions, postpositions,
    # determiners, number words, dashes) are only read in the gaps and at the edges of anchors.
    anchors = [fragment(i) for key in ("year_noun", "month_noun", "quarter_words") for i in per_lang(key)]
    anchors += [fragment(s) + f"{alternation(stems)}?{month_end}" for s in stems] + [fragment(w) for w in exact]
    anchors += [fragment(s) + alternation(per_lang("season_endings")) for s in season_of]
    anchors += [fragment(k) for k, _ in parts] + [fragment(w) for w in day_nouns]
    anchors += [fragment(k) for k in anaphora["words"]] + [fragment(c) for c in words["century_noun"]]
    connector_words = [fragment(w) for w in list(half_of) + list(post_of) + words["conjunctions"] + list(ref_of)]
    connector_words += [fragment(stem) + number_ending for stem in number_values]
    connector = (rf"(?:[{re.escape(words['dashes'])}]|{alternation(words['fillers'])}"
                 rf"|(?<!{LETTER}){by_first_letter(connector_words)}(?!{LETTER}))")
    az_ordinal = alternation(numbers["az_ordinal"])
    not_suffix = alternation(per_lang("year_noun") + list(stems))
    scanner = re.compile(
        r"(?P<num>\d(?<![\d.,:/]\d)(?:(?P<numdate>\d?(?:-\d{1,2})?\.\d{1,2}(?:-\d{1,2}\.\d{1,2})?\.\d{4}(?!\d))"
        r"|\d{0,3}(?![\d]|[.,:/]\d)"
        rf"(?P<nsuf>\s?-\s?{az_ordinal}(?!{LETTER})|-?(?!{not_suffix}){LETTER}{{1,{numbers['digit_suffix_letters_max']}}}"
        rf"(?!{LETTER}))?))"
        rf"|(?<!{LETTER})(?P<word>{by_first_letter(anchors)})(?:-{hyphen_end})?(?:(?<=\.)|(?!{LETTER}))")
    roman = "".join(numbers["roman_letters"])
    lookalike = "".join(str(k) for k in numbers["roman_lookalikes"])
    numeral = rf"[{roman}](?:[{roman}]|[{lookalike}](?=[{roman}])){{0,5}}"
    return Grammar(
        lang=lang,
        scanner=scanner,
        connector=re.compile(connector),
        gap=re.compile(rf"\s*(?:{connector}\s*)*"),
        filler_gap=re.compile(rf"\s*(?:{alternation(words['fillers'])}\s*)*"),
        leading=re.compile(rf"(?:{connector}\s*)+$"),
        kinds=tuple(kinds),
        month_of={**stems, **exact},
        ambiguous_months=ambiguous,
        ambiguous_endings=whole(words["ambiguous_month_endings"]),
        season_of=season_of,
        number_words=number_values,
        before_year=re.compile(
            f"(?:{alternation(words['season_words']['ru'])}{alternation(words['season_endings']['ru'])}"
            f"|{alternation(words['part_words']['ru'])})$"),
        temporal_endings=frozenset(words["temporal_endings"]),
        genitive=re.compile(alternation(words["genitive_endings"]) + "$"),
        ablative=re.compile(alternation(words["ablative_endings"]) + "$"),
        bare_year_after=re.compile(fragment(words["bare_year_after"])),
        quantity_suffix=re.compile(alternation(words["quantity_suffixes"])),
        year_plural=re.compile(alternation(words["year_plural"])),
        year_duration=re.compile(alternation(words["year_noun_duration"])),
        anaphor_units=tuple((re.compile(alternation(v) + "$"), unit) for unit, v in anaphora["unit_nouns"].items()),
        quantity_after=re.compile(rf"\s*(?<!{LETTER})" + alternation(words["quantity_after"]) + f"(?!{LETTER})", re.I),
        lifespan_min_years=words["lifespan_min_years"],
        non_event_after=tuple((re.compile(r"\s*" + alternation(v) + f"(?!{LETTER})", re.I), why)
                              for why, v in words["non_event_after"].items()),
        person_name=re.compile(rf"[A-ZА-ЯЁӘІҢҒҮҰҚӨҺƏÇĞİÖŞÜ]{LETTER}*{alternation(words['person_name_endings'])}\s*$"),
        roman_before=re.compile(rf"(?<![^\W_])({numeral})(?:\s?[-–—]\s?({numeral}))?\s*$"),
        roman_values={str(k): int(v) for k, v in {**numbers["roman_letters"], **numbers["roman_lookalikes"]}.items()},
        bc_before=re.compile(alternation(words["bc_before"])),
        section_heading=re.compile("|".join(fragment(h) for h in anaphora["section_heading"]), re.I | re.M),
        extra={"parts": words["parts"], "seasons": words["seasons"], "quarters": words["quarters"],
               "dashes": words["dashes"]},
    )
