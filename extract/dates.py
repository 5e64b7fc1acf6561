"""Date expressions in Kazakh, Azerbaijani and Russian text, at the precision the text gives.

`find_dates(text, lang)` scans the text into atoms (see `tarikh.extract.date_grammar`), groups
atoms that stand next to each other into runs, and reads each run with a small grammar:

    year  [day [- day] month [- day month] | month [- month] [ай] [part] | season | part | quarter]
    day [- day] month [year]          month-genitive day          month [- month] [ай]
    осы/сол/келесі/өткен жыл…  [month/day…]      Бұл күні      биылғы

followed by postpositions (бастап, дейін, қарай, qədər…) that become flags. Years that are not
event dates (programme names, life spans, validity periods, titles, durations) come out with
kind="non_event" and a flag saying why. `tarikh_dates` is the spaCy component.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from tarikh.extract.date_grammar import LETTER, Grammar, grammar
from tarikh.extract.model import DateExpr, doc_text, supported_language

__all__ = ["find_dates", "build_date", "detect_lang", "DateDiscourse", "DatesComponent"]

LEADS = frozenset({"yn", "month", "mn", "dn"})  # anchors that number words or determiners may precede
LEAD_WINDOW = 80  # characters looked at before an anchor for number words and determiners
PROGRAMME_BEFORE = re.compile(rf"{LETTER}\s?[-–]\s?$")
NUMERIC_DATE = re.compile(r"(\d+)(?:-(\d+))?\.(\d+)(?:-(\d+)\.(\d+))?\.(\d+)")
OPEN_BRACKET = re.compile(r"\(\s*$")
CLOSE_BRACKET = re.compile(r"\s*\)")
OPEN_QUOTE, CLOSE_QUOTE = "«“„", "»”"
MAX_YEAR = 2199
BARE_YEARS = (1800, 2099)  # a number with no «жыл» is only taken for a year in this range


@dataclass(slots=True)
class Atom:
    """One scanned token of the date grammar."""

    kind: str
    start: int
    end: int
    text: str
    value: Any = None
    suffix: str = ""
    digits: int = 0


@dataclass(slots=True)
class Found:
    """A date expression while it is being read: its atoms' extent and its parts."""

    first: int
    last: int
    parts: dict[str, Any]
    kind: str = "absolute"
    flags: list[str] = field(default_factory=list)
    start: int | None = None  # where the text starts when it is before the first atom (a Roman numeral)


# --------------------------------------------------------------------------- scanning


def fold(text: str) -> str:
    """Lower case for table look-ups («İyun» → «iyun», not «i̇yun»)."""
    return text.replace("İ", "i").lower()


def number_word_value(text: str, g: Grammar) -> tuple[int, bool]:
    """The value of a run of Kazakh number words and whether it is an ordinal."""
    total = current = 0
    ordinal = False
    for token in fold(text).split():
        stem = max((s for s in g.number_words if token.startswith(s)), key=len, default=None)
        if stem is None:  # a hesitation mark between number words («жиырма ( іі ) бесінші»)
            continue
        value = g.number_words[stem]
        ordinal = ordinal or "ш" in token[len(stem):]
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current % 100, 1) * 100 + (current - current % 100)
        else:
            current += value
    return total + current, ordinal


def to_atom(match: re.Match, text: str, g: Grammar) -> Atom | None:
    """The anchor atom for one scanner match over the folded text (None: no date word after all)."""
    start, end = match.span()
    if match.group("numdate") is not None:
        return Atom("numdate", start, end, text[start:end])
    if match.group("num") is not None:
        digits = len(match.group("num")) - len(match.group("nsuf") or "")
        suffix = "".join((match.group("nsuf") or "").split()).replace("-", "")
        return Atom("num", start, end, text[start:end], int(match.group("num")[:digits]), suffix, digits)
    return word_atom(match.group(0), start, end, text, g)


def word_atom(word: str, start: int, end: int, text: str, g: Grammar) -> Atom | None:
    """The atom of a (folded) word, or None when the tables do not know it."""
    found = g.classify(word)
    if found is None:
        return None
    kind, value = found
    atom = Atom(kind, start, end, text[start:end], value)
    if kind == "month":
        atom.value, atom.suffix = value
    return atom


def connectors(folded: str, start: int, end: int, text: str, g: Grammar) -> list[Atom]:
    """Dashes, conjunctions, postpositions, determiners and number words in `folded[start:end]`."""
    out: list[Atom] = []
    for match in g.connector.finditer(folded, start, end):
        word = match.group()
        if word in g.extra["dashes"]:
            out.append(Atom("dash", match.start(), match.end(), word))
            continue
        atom = word_atom(word, match.start(), match.end(), text, g)
        if atom is None:  # a hesitation mark «( іі )» or a word the tables reject
            continue
        if out and out[-1].kind == "nw" == atom.kind and g.filler_gap.fullmatch(folded, out[-1].end, atom.start):
            out[-1] = joined(out[-1], atom, "nw", None, text)
        else:
            out.append(atom)
    return out


def joined(first: Atom, second: Atom, kind: str, value: Any, text: str) -> Atom:
    """One atom made of two neighbours («сол» + «жылы», «мың тоғыз жүз» + «тоқсан»)."""
    return Atom(kind, first.start, second.end, text[first.start:second.end], value)


def merged(atoms: list[Atom], folded: str, text: str, g: Grammar) -> list[Atom]:
    """A run's atoms with «determiner + unit noun» joined into one anaphor and number words valued."""
    out: list[Atom] = []
    for atom in atoms:
        previous = out[-1] if out else None
        if previous and previous.kind == "det" and atom.kind in ("yn", "mn", "dn"):
            noun = folded[atom.start:atom.end]
            unit = next((u for p, u in g.anaphor_units if p.match(noun)), None)
            if unit:
                out[-1] = joined(previous, atom, "ana", (previous.value, unit), text)
                continue
        if previous and previous.kind == "ana" and previous.value[1] == "year" and atom.kind == "yn" \
                and " " not in previous.text and not g.year_plural.match(folded, atom.start):
            out[-1] = joined(previous, atom, "ana", previous.value, text)  # «биылғы жылдың»
            continue
        out.append(atom)
    for atom in out:
        if atom.kind == "nw":
            atom.value, ordinal = number_word_value(folded[atom.start:atom.end], g)
            atom.suffix = "ordinal" if ordinal else ""
    out = [a for a in out if a.kind != "det"]
    return [a for i, a in enumerate(out) if not (a.kind == "dash" and 0 < i < len(out) - 1 and glued_day(out[i - 1], a, out[i + 1]))]


def glued_day(day: Atom, dash: Atom, month: Atom) -> bool:
    """«30-тамызда»: a hyphen between a day and its month is no range dash."""
    return day.kind == "num" and day.digits <= 2 and month.kind == "month" and day.end == dash.start \
        and dash.end == month.start


def runs(text: str, g: Grammar) -> Iterator[list[Atom]]:
    """Runs of anchors joined by nothing but connectors, with the connectors around them."""
    folded = fold(text)
    if len(folded) != len(text):  # a character whose lower case is longer: fold one by one
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text.replace("İ", "i"))
    run: list[Atom] = []
    for match in g.scanner.finditer(folded):
        atom = to_atom(match, text, g)
        if atom is None:
            continue
        if run and g.gap.fullmatch(folded, run[-1].end, atom.start):
            run += connectors(folded, run[-1].end, atom.start, text, g)
        else:
            if run:
                yield merged(run + trailing(folded, run[-1].end, text, g), folded, text, g)
            run = leading(folded, atom.start, text, g) if atom.kind in LEADS else []
        run.append(atom)
    if run:
        yield merged(run + trailing(folded, run[-1].end, text, g), folded, text, g)


def leading(folded: str, start: int, text: str, g: Grammar) -> list[Atom]:
    """Connectors just before an anchor («сол» жылы, «жиырма бесінші» наурызда)."""
    match = g.leading.search(folded, max(0, start - LEAD_WINDOW), start)
    return connectors(folded, match.start(), start, text, g) if match else []


def trailing(folded: str, end: int, text: str, g: Grammar) -> list[Atom]:
    """Connectors just after the last anchor (жылдан «бастап», наурыздың «жиырма бесі»)."""
    match = g.gap.match(folded, end)
    return connectors(folded, end, match.end(), text, g) if match.end() > end else []


# --------------------------------------------------------------------------- reading a run


class RunReader:
    """Reads the date expressions of one run of atoms."""

    def __init__(self, run: list[Atom], text: str, g: Grammar):
        self.atoms, self.text, self.g = run, text, g
        self.done = -1  # index of the last atom an expression used

    def at(self, i: int, kind: str) -> Atom | None:
        if 0 <= i < len(self.atoms) and self.atoms[i].kind == kind:
            return self.atoms[i]
        return None

    def day(self, i: int) -> int | None:
        """A day of the month at `i`: «8», «1-інде», «23-ші», «жиырма бесінші»."""
        atom = self.atoms[i] if i < len(self.atoms) else None
        if atom and atom.kind in ("num", "nw") and 1 <= atom.value <= 31 and atom.digits <= 2:
            return atom.value
        return None

    def year(self, i: int) -> int | None:
        """A year at `i`: four digits or number words of at least a thousand."""
        atom = self.atoms[i] if i < len(self.atoms) else None
        if atom and atom.kind == "num" and atom.digits in (3, 4) and 100 <= atom.value <= MAX_YEAR:
            return atom.value
        if atom and atom.kind == "nw" and 1000 <= atom.value <= MAX_YEAR:
            return atom.value
        return None

    def read(self) -> list[Found]:
        found: list[Found] = []
        i = 0
        while i < len(self.atoms):
            item = self.expression(i)
            if item is None:
                i += 1
                continue
            item.last = self.postpositions(item, item.last)
            found.append(item)
            follower = item.parts.get("next")
            self.done = max(item.last, follower.last if follower else 0)
            i = self.done + 1
        return self.combine(found)

    def expression(self, i: int) -> Found | None:
        atom = self.atoms[i]
        reader = {
            "numdate": self.numeric_date, "cnoun": self.century, "ana": self.anaphor,
            "num": self.from_number, "nw": self.from_number, "month": self.from_month,
            "part": self.part_first, "season": self.part_first,
        }.get(atom.kind)
        return reader(i) if reader else None

    # -- productions -----------------------------------------------------------------

    def numeric_date(self, i: int) -> Found:
        """«30.11.2015», «8-9.06.2017», «10.06-10.09.2017»."""
        d1, d1b, m1, d2, m2, y = NUMERIC_DATE.fullmatch(self.atoms[i].text).groups()
        parts = {"year": int(y), "month": int(m1), "day": int(d1)}
        if d1b:
            parts.update(year_end=int(y), month_end=int(m1), day_end=int(d1b))
        if d2:
            parts.update(year_end=int(y), month_end=int(m2), day_end=int(d2))
        j = i + 1 if self.at(i + 1, "yn") else i
        return Found(i, j, parts, flags=["numeric"])

    def century(self, i: int) -> Found | None:
        """«ХХ ғасыр», «XIV əsr», «21 ғасырдың аяғында», «XIX-XX ғасырлар»."""
        noun = self.atoms[i]
        first = i
        if i > 0 and self.atoms[i - 1].kind == "num" and self.atoms[i - 1].digits <= 2 and \
                i - 1 > self.done:
            numbers, first = (self.atoms[i - 1].value, None), i - 1
            start = self.atoms[i - 1].start
        else:
            roman = self.g.roman_before.search(self.text, max(0, noun.start - 16), noun.start)
            if roman is None:
                return None
            numbers = tuple(self.roman_number(roman.group(k)) for k in (1, 2))
            start = roman.start()
        if not numbers[0] or not 1 <= numbers[0] <= 22:
            return None
        parts: dict[str, Any] = {"century": numbers[0]}
        if numbers[1] and numbers[1] >= numbers[0]:
            parts["century_end"] = numbers[1]
        last = i
        if self.at(i + 1, "part") and self.atoms[i + 1].value != "half":
            parts["part"], last = self.atoms[i + 1].value, i + 1
        return Found(first, last, parts, start=start)

    def roman_number(self, numeral: str | None) -> int | None:
        if not numeral:
            return None
        values = [self.g.roman_values[c] for c in numeral]
        return sum(-v if v < w else v for v, w in zip(values, values[1:] + [0]))

    def anaphor(self, i: int) -> Found:
        """«осы жылы», «сол жылдың 7 қарашасында», «келесі жылы», «Бұл күні», «биылғы»."""
        ref, unit = self.atoms[i].value
        kind = "relative" if ref == "document" else "anaphoric"
        found = Found(i, i, {"ref": ref, "unit": unit}, kind=kind)
        if unit == "year":
            self.year_tail(found, i + 1)
        return found

    def from_number(self, i: int) -> Found | None:
        """A date that starts with a number: a year, a day, or a typo's swapped day and year."""
        swapped = self.swapped(i)
        if swapped:
            return swapped
        if self.year(i) is not None or self.decade_number(i):
            found = self.year_head(i)
            if found:
                return found
        if self.day(i) is not None:
            return self.day_first(i)
        return None

    def decade_number(self, i: int) -> bool:
        """Two digits or a tens word before a plural year noun: «20-ci illər», «90-шы жылдары»."""
        atom = self.atoms[i]
        two_digits = atom.kind == "num" and atom.digits == 2 and (atom.suffix in AZ_ORD or atom.suffix)
        tens_word = atom.kind == "nw" and atom.suffix == "ordinal"
        noun = self.at(i + 1, "yn") or (self.at(i + 1, "dash") and self.at(i + 2, "yn"))
        return bool((two_digits or tens_word) and 10 <= atom.value <= 90 and atom.value % 10 == 0
                    and noun and self.g.year_plural.match(fold(noun.text)))

    def swapped(self, i: int) -> Found | None:
        """«23 жылдың 2013 қыркүйегінде»: day and year exchanged by a typo."""
        if (self.day(i) is not None and self.at(i + 1, "yn") and self.year(i + 2) is not None
                and self.at(i + 3, "month") and self.atoms[i].kind == "num"):
            parts = {"year": self.atoms[i + 2].value, "month": self.atoms[i + 3].value,
                     "day": self.atoms[i].value}
            return Found(i, i + 3, parts, flags=["swapped"])
        return None

    def year_head(self, i: int) -> Found | None:
        """A year or span of years, then whatever narrows it (month, day, season, part)."""
        atom = self.atoms[i]
        if atom.kind == "num" and atom.digits == 3 and not atom.suffix:
            return None  # «175 жыл», «300 жыл бұрын»: a count of years unless written as an ordinal
        j = i + 1
        parts: dict[str, Any] = {"year": atom.value}
        flags: list[str] = []
        if self.at(j, "dash") and self.atoms[j + 1:j + 2] and self.atoms[j + 1].kind in ("num", "nw"):
            end = self.atoms[j + 1]
            end_year = end.value
            if end.kind == "num" and end.digits == 2 and atom.digits == 4:
                end_year = atom.value // 100 * 100 + end.value
            if atom.digits == 4 or atom.kind == "nw":
                if not (atom.value <= end_year <= MAX_YEAR):
                    return None
            parts["year_end"] = end_year
            atom, j = end, j + 2
        elif self.at(j, "conj") and self.year(j + 1) is not None and self.year(i) is not None:
            return self.coordinated_years(i)
        if self.at(j, "dash") and self.at(j + 1, "yn"):
            j += 1
        noun = self.at(j, "yn")
        if noun and noun.text.lower().startswith("iş") and atom.suffix not in AZ_ORD:
            noun = None
        if noun:
            j += 1
        elif not self.bare_year_allowed(i, atom, parts):
            return None
        if self.year(i) is None:  # «20-ci illərdə», «тоқсаныншы жылдардың»: a decade or nothing
            if not (noun and self.g.year_plural.match(fold(noun.text)) and "year_end" not in parts):
                return None
            parts["year"] = 1900 + atom.value
            flags.append("century_assumed")
        plural = bool(noun and self.g.year_plural.match(fold(noun.text))) or atom.suffix in ("х", "x")
        if plural and "year_end" not in parts and parts["year"] % 10 == 0:
            parts["decade"] = True
        if not noun and "year_end" in parts:
            flags.append("bare")
        if noun and self.g.year_duration.match(fold(noun.text)):
            flags.append("duration")
        found = Found(i, j - 1, parts, flags=flags)
        if "year_end" not in parts:
            self.year_tail(found, j)
        return found

    def bare_year_allowed(self, i: int, atom: Atom, parts: dict[str, Any]) -> bool:
        """A year with no year noun: «1917-ci», «2017-де», «(1935-2008)», «Qazaxıstan-2050», «1993 Конституциясы»."""
        if atom.suffix in AZ_ORD and (atom.digits >= 3 or self.decade_number(i)):
            return True
        if "year_end" in parts:  # «(1935-2008)», «2005 – 2018»: both ends four-digit years
            return atom.digits == 4 and self.atoms[i].digits == 4 and BARE_YEARS[0] <= atom.value
        if not (BARE_YEARS[0] <= atom.value <= BARE_YEARS[1] and (atom.digits == 4 or atom.kind == "nw")):
            return False
        if atom.kind == "nw":  # «екі мың он жетіде»; not a round «екі мыңға» (two thousand)
            return atom.value % 100 != 0 and any(fold(atom.text).endswith(e) for e in self.g.temporal_endings)
        if atom.suffix:
            return atom.suffix in self.g.temporal_endings
        if PROGRAMME_BEFORE.search(self.text, max(0, atom.start - 3), atom.start):
            return True
        return bool(self.g.bare_year_after.match(self.text, atom.end))

    def coordinated_years(self, i: int) -> Found | None:
        """«1990 және 1996 жылдардағы», «1993 және 1995 Конституцияларында»: each year on its own."""
        j = i + 2
        noun = self.at(j + 1, "yn")
        first_year, second = self.atoms[i], self.atoms[j]
        if not noun and not (first_year.digits == second.digits == 4 and not first_year.suffix
                             and all(BARE_YEARS[0] <= a.value <= BARE_YEARS[1] for a in (first_year, second))
                             and self.g.bare_year_after.match(self.text, second.end)):
            return None  # «1500 және 2000 адам» are counts
        first = Found(i, i, {"year": self.atoms[i].value}, flags=["coordinated"] + ([] if noun else ["bare"]))
        first.parts["next"] = Found(j, j + 1 if noun else j, {"year": self.atoms[j].value},
                                    flags=["coordinated"] + ([] if noun else ["bare"]))
        return first

    def year_tail(self, found: Found, j: int) -> None:
        """What narrows a year: day + month, month (+ day), month span, season, part, quarter."""
        parts = found.parts
        if self.day(j) is not None and self.month_after_day(j):
            found.last = self.day_month(found, j)
        elif self.at(j, "month"):
            found.last = self.month_day(found, j)
        elif self.at(j, "season"):
            parts["season"], found.last = self.atoms[j].value, j
        elif self.at(j, "part") and self.atoms[j].value != "half":
            parts["part"], found.last = self.atoms[j].value, j
        elif self.half_ordinal(j) and self.at(j + 1, "part") and self.atoms[j + 1].value == "half":
            parts["part"], found.last = f"half{self.half_ordinal(j)}", j + 1
        elif (self.at(j, "num") and 1 <= self.atoms[j].value <= 4 and self.atoms[j].digits == 1
              and self.at(j + 1, "quarter")):
            parts["quarter"], found.last = self.atoms[j].value, j + 1

    def half_ordinal(self, j: int) -> int | None:
        atom = self.atoms[j] if j < len(self.atoms) else None
        if atom and atom.kind == "half":
            return atom.value
        if atom and atom.kind == "nw" and atom.suffix == "ordinal" and atom.value in (1, 2):
            return atom.value
        if atom and atom.kind == "num" and atom.digits == 1 and atom.value in (1, 2) and atom.suffix:
            return atom.value  # «1-ші жартысында»
        return None

    def month_after_day(self, j: int) -> bool:
        """Day at `j` followed by a month, directly or after «- day» («17-24 маусым»)."""
        if self.at(j + 1, "month"):
            return True
        return bool(self.at(j + 1, "dash") and self.day(j + 2) is not None and self.at(j + 3, "month"))

    def day_month(self, found: Found, j: int) -> int:
        """«8 желтоқсанда», «17-24 маусым», «30 маусым - 1 шілдеде»; returns the last atom used."""
        parts = found.parts
        parts["day"] = self.day(j)
        if self.at(j + 1, "dash"):
            parts["day_end"] = self.day(j + 2)
            j += 2
        parts["month"] = self.atoms[j + 1].value
        if "day_end" in parts:
            parts["month_end"] = parts["month"]
        j += 1
        if self.at(j + 1, "dash") and self.day(j + 2) is not None and self.at(j + 3, "month"):
            parts.update(day_end=self.day(j + 2), month_end=self.atoms[j + 3].value)
            j += 3
        if self.at(j + 1, "mn"):
            j += 1
        if "year" in parts and ("day_end" in parts) and "year_end" not in parts:
            parts["year_end"] = parts["year"]
        return j

    def month_day(self, found: Found, j: int) -> int:
        """«желтоқсанның 1-інде», «mayın 28-də», «тамыз-қазанда», «қараша айының соңында»."""
        parts = found.parts
        month = self.atoms[j]
        parts["month"] = month.value
        if self.day(j + 1) is not None and self.day_after_month(month, self.atoms[j + 1]):
            parts["day"] = self.day(j + 1)
            j += 1
            if self.at(j + 1, "dash") and self.day(j + 2) is not None:
                parts.update(day_end=self.day(j + 2), month_end=month.value)
                j += 2
        elif self.at(j + 1, "dash") and self.at(j + 2, "month"):
            parts["month_end"] = self.atoms[j + 2].value
            j += 2
        elif self.glued_month(month):
            parts["month_end"] = self.glued_month(month)
        if self.at(j + 1, "mn"):
            j += 1
            noun = self.atoms[j]
            day = self.atoms[j + 1] if self.day(j + 1) is not None else None
            if "day" not in parts and day and (self.g.genitive.search(fold(noun.text)) or day.suffix):
                parts["day"] = self.day(j + 1)  # «желтоқсан айының 16-сында», «dekabr ayının 16-da»
                j += 1
        if self.at(j + 1, "part") and self.atoms[j + 1].value != "half" and "day" not in parts:
            parts["part"] = self.atoms[j + 1].value
            j += 1
        if "year" in parts and "month_end" in parts:
            parts["year_end"] = parts["year"]
        return j

    def glued_month(self, month: Atom) -> int | None:
        """«қарашажелтоқсан»: a month range whose line-end dash was lost; the second month."""
        glued = self.g.classify(month.suffix) if len(month.suffix) > 3 else None
        return glued[1][0] if glued and glued[0] == "month" else None

    def day_after_month(self, month: Atom, day: Atom) -> bool:
        """A number after a month is its day when the month is genitive or the number inflected."""
        return bool(self.g.genitive.search(month.suffix) or day.suffix or day.kind == "nw")

    def day_first(self, i: int) -> Found | None:
        """«27 мамырда», «6-11 mart», «10 yanvar 1987-ci ildə», «8 декабря 1991 года»."""
        if not self.month_after_day(i):
            return None
        if self.atoms[i].kind == "nw" and self.atoms[i].suffix != "ordinal":
            return None  # a day in words before its month is an ordinal («жиырма бесінші»); «Оны» is "it"
        found = Found(i, i, {}, kind="partial")
        found.last = self.day_month(found, i)
        self.year_after(found)
        return found

    def from_month(self, i: int) -> Found | None:
        """A month with no year before it: «Желтоқсанның 10-ы», «қаңтарда», «в сентябре 2012 года»."""
        found = Found(i, i, {}, kind="partial")
        found.last = self.month_day(found, i)
        if self.year_after(found):
            return found
        month = self.atoms[i]
        if found.last == i and not self.bare_month_allowed(month):
            return None
        return found

    def bare_month_allowed(self, month: Atom) -> bool:
        """A lone month word: not a name («Желтоқсан» movement, «Қазан» city, «май» oil) unless clearly temporal."""
        stem = fold(month.text[:len(month.text) - len(month.suffix)])
        if month.text[:1].isupper() and not month.suffix:
            return False
        if stem not in self.g.ambiguous_months:
            return True
        return month.text[:1].islower() and bool(self.g.ambiguous_endings.match(month.suffix))

    def year_after(self, found: Found) -> bool:
        """A year after day/month («16 dekabr 1991-ci ildə»): makes the expression absolute."""
        j = found.last + 1
        if self.year(j) is None or self.atoms[j].kind != "num":
            return False
        if not (self.at(j + 1, "yn") or self.atoms[j].suffix in AZ_ORD):
            return False
        found.parts["year"] = self.atoms[j].value
        if "month_end" in found.parts or "day_end" in found.parts:
            found.parts["year_end"] = found.parts["year"]
        found.kind = "absolute"
        found.last = j + 1 if self.at(j + 1, "yn") else j
        return True

    def part_first(self, i: int) -> Found | None:
        """Russian order: «в начале 1990-х годов», «в конце 1991 года», «весной 1990 года»."""
        atom = self.atoms[i]
        if self.year(i + 1) is None or atom.value == "half" or not self.g.before_year.match(fold(atom.text)):
            return None  # only Russian puts the season or part before the year
        found = self.year_head(i + 1)
        if found is None or "month" in found.parts or "decade" in found.parts and atom.kind == "season":
            return None
        found.parts[atom.kind] = atom.value
        found.first = i
        return found

    # -- after an expression ---------------------------------------------------------

    def postpositions(self, found: Found, j: int) -> int:
        """Flags from «бастап», «дейін», «қарай», «qədər»…; returns the last atom used."""
        while self.at(j + 1, "post"):
            found.flags.append(self.atoms[j + 1].value)
            j += 1
        return j

    def combine(self, found: list[Found]) -> list[Found]:
        """Join «X-ден Y-ге дейін» and «X бен Y аралығында» into spans; share a year over «және»."""
        out: list[Found] = []
        for item in found:
            follower = item.parts.pop("next", None)
            items = [item] + ([follower] if follower else [])
            for current in items:
                if follower is current:
                    current.last = self.postpositions(current, current.last)
                previous = out[-1] if out else None
                if previous and self.joins(previous, current):
                    out[-1] = self.span(previous, current)
                    continue
                if previous and self.coordinated(previous, current):
                    current.parts.setdefault("year", previous.parts.get("year"))
                    current.kind, current.flags = previous.kind, current.flags + ["coordinated"]
                    if previous.kind != "absolute":
                        current.parts.update({k: previous.parts[k] for k in ("ref", "unit") if k in previous.parts})
                out.append(current)
        return out

    def between(self, a: Found, b: Found) -> list[Atom]:
        return self.atoms[a.last + 1:b.first]

    def joins(self, a: Found, b: Found) -> bool:
        gap = self.between(a, b)
        if "until" in b.flags and not gap and ("since" in a.flags or self.g.ablative.search(fold(self.atoms[a.last].text))):
            return True
        return bool("between" in b.flags and len(gap) == 1 and gap[0].kind == "conj")

    def coordinated(self, a: Found, b: Found) -> bool:
        """«9 қыркүйекте және 25 қарашада»: the second date takes the first one's year."""
        gap = self.between(a, b)
        return (len(gap) == 1 and gap[0].kind == "conj" and b.kind == "partial"
                and (a.parts.get("year") is not None or a.kind != "partial"))

    def span(self, a: Found, b: Found) -> Found:
        """One expression from `a` to `b` («1465-ci ildən 1847-ci ilə qədər»)."""
        end = b.parts
        parts = dict(a.parts)
        parts["year_end"] = end.get("year_end", end.get("year", a.parts.get("year")))
        for key in ("month", "day"):
            value = end.get(f"{key}_end", end.get(key))
            if value is not None:
                parts[f"{key}_end"] = value
            else:
                parts.pop(f"{key}_end", None)
        if a.parts.get("year") is None and parts["year_end"] is not None:
            parts["year"] = parts["year_end"]
        kind = a.kind if a.kind == b.kind else ("absolute" if parts.get("year") else "partial")
        return Found(a.first, b.last, parts, kind=kind,
                     flags=sorted(set(a.flags + b.flags) - {"between"}) + ["span"])


AZ_ORD = frozenset({"ci", "cı", "cu", "cü"})


# --------------------------------------------------------------------------- building the record


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    return "-".join([f"{year:04d}"] + [f"{v:02d}" for v in (month, day) if v is not None][:2 if day else 1])


def bounds(parts: dict[str, Any], g: Grammar) -> tuple[str, str, str, str]:
    """(earliest, latest, precision, edtf) of a dated single expression."""
    year, month, day = parts["year"], parts.get("month"), parts.get("day")
    slices = g.extra["parts"]
    if "century" in parts:
        first = (parts["century"] - 1) * 100 + 1
        last = parts.get("century_end", parts["century"]) * 100
        if "part" in parts and "century_end" not in parts:  # «ХХІ ғасырдың басында»
            lo, hi = slices[parts["part"]]["century"]
            first, last = first + lo - 1, first + hi - 1
        return f"{first:04d}-01-01", f"{last:04d}-12-31", "century", f"{first:04d}/{last:04d}"
    if parts.get("decade"):
        lo, hi = slices[parts["part"]]["decade"] if "part" in parts else (0, 9)
        edtf = f"{year // 10:03d}X" if "part" not in parts else f"{year + lo:04d}/{year + hi:04d}"
        return f"{year + lo:04d}-01-01", f"{year + hi:04d}-12-31", "decade", edtf
    if day:
        return iso(year, month, day), iso(year, month, day), "day", iso(year, month, day)
    if month:
        first, last = 1, last_day(year, month)
        if "part" in parts:
            first, last = slices[parts["part"]]["month_days"]
            last = min(last, last_day(year, month))
            return iso(year, month, first), iso(year, month, last), "month", \
                f"{iso(year, month, first)}/{iso(year, month, last)}"
        return iso(year, month, first), iso(year, month, last), "month", iso(year, month)
    months, code = (1, 12), None
    if "season" in parts:
        season = g.extra["seasons"][parts["season"]]
        months, code = tuple(season["months"]), season["edtf"]
        if months[0] > months[1]:  # winter straddles the new year: the honest hull is the whole year
            months = (1, 12)
    elif "part" in parts:
        months, code = tuple(slices[parts["part"]]["year"]), slices[parts["part"]]["edtf"]
    elif "quarter" in parts:
        quarter = g.extra["quarters"][parts["quarter"]]
        months, code = tuple(quarter["months"]), quarter["edtf"]
    edtf = f"{year:04d}-{code}" if code else f"{year:04d}"
    return iso(year, months[0], 1), iso(year, months[1], last_day(year, months[1])), "year", edtf


def checked(parts: dict[str, Any], flags: list[str]) -> dict[str, Any]:
    """Parts with impossible days or months dropped (and flagged), spans put in order."""
    parts = dict(parts)
    for suffix in ("", "_end"):
        year = parts.get(f"year{suffix}") or parts.get("year") or 2000
        month, day = parts.get(f"month{suffix}"), parts.get(f"day{suffix}")
        if month is not None and not 1 <= month <= 12:
            parts.pop(f"month{suffix}"), parts.pop(f"day{suffix}", None)
            flags.append("invalid_month")
        elif day is not None and (month is None or not 1 <= day <= last_day(year, month)):
            parts.pop(f"day{suffix}")
            flags.append("invalid_day")
    start = tuple(parts.get(k) or 0 for k in ("year", "month", "day"))
    end = tuple(parts.get(f"{k}_end") or 0 for k in ("year", "month", "day"))
    if parts.get("year_end") is not None and parts.get("year") is not None and end < start:
        for key in ("year", "month", "day"):
            parts.pop(f"{key}_end", None)
        flags.append("reversed_span")
    return parts


def build_date(text: str, start: int, end: int, parts: dict[str, Any], kind: str = "absolute",
               flags: tuple[str, ...] | list[str] = (), g: Grammar | None = None) -> DateExpr:
    """The DateExpr for `parts` (year, month, day, *_end, season, part, quarter, decade, century).

    `precision` is the unit of `date` (day, month, year; None when unknown). Seasons, quarters and
    parts of a year keep the year's precision and say the slice in `edtf` and the bounds. Decades
    and centuries are an interval of years (`date`..`date_end`) with precision `decade`/`century`
    (and the same flag), which the event stage does not take as an event date.
    """
    g = g or grammar("kk")
    flags = list(flags)
    parts = checked(parts, flags)
    year = parts.get("year")
    missing = tuple(k for k in ("year",) if year is None and "century" not in parts)
    if year is None and "century" not in parts:
        month, day = parts.get("month"), parts.get("day")
        precision = "day" if day else "month" if month else parts.get("unit", "year")
        edtf = None
        if month:
            edtf = "XXXX-" + "-".join(f"{v:02d}" for v in (month, day) if v)
        return DateExpr(text, start, end, None, None, precision, edtf, None, None, kind, missing,
                        tuple(dict.fromkeys(flags)), parts)
    if "century" in parts:
        parts.setdefault("year", (parts["century"] - 1) * 100 + 1)
    earliest, latest, precision, edtf = bounds(parts, g)
    date = iso(parts["year"], parts.get("month"), parts.get("day"))
    date_end = None
    if precision in ("decade", "century"):  # an interval of years: «1990 жылдардың басында» = 1990..1993
        flags.append(precision)
        date, date_end = earliest[:4], latest[:4]
        return DateExpr(text, start, end, date, date_end, precision, edtf, earliest, latest, kind, missing,
                        tuple(dict.fromkeys(flags)), parts)
    if parts.get("year_end") is not None:
        end_parts = {"year": parts["year_end"], "month": parts.get("month_end"), "day": parts.get("day_end")}
        end_parts = {k: v for k, v in end_parts.items() if v is not None}
        _, latest, _, _ = bounds(end_parts, g)
        date_end = iso(parts["year_end"], parts.get("month_end"), parts.get("day_end"))
        edtf = f"{date}/{date_end}"
    return DateExpr(text, start, end, date, date_end, precision, edtf, earliest, latest, kind, missing,
                    tuple(dict.fromkeys(flags)), parts)


# --------------------------------------------------------------------------- non-event years


def non_event_reason(text: str, found: Found, reader: RunReader) -> str | None:
    """Why the year of `found` is not an event date, or None."""
    start, end = reader.atoms[found.first].start, reader.atoms[found.last].end
    g = reader.g
    if "duration" in found.flags:
        return "duration"
    if is_programme(text, found, reader):
        return "programme"
    if g.bc_before.search(text, max(0, start - 16), start):
        return "bc"
    before = text[max(0, start - 160):start]
    inside_quotes = sum(before.count(q) for q in OPEN_QUOTE) > sum(before.count(q) for q in CLOSE_QUOTE)
    for pattern, why in g.non_event_after:
        if pattern.match(text, end) and (why != "duration" or not plausible_year(found.parts["year"])):
            return "title" if inside_quotes and why == "validity" else why
    bracket = OPEN_BRACKET.search(text, max(0, start - 3), start)
    if bracket and CLOSE_BRACKET.match(text, end) and "year_end" in found.parts and "month" not in found.parts:
        long_span = found.parts["year_end"] - found.parts["year"] >= g.lifespan_min_years
        if "bare" in found.flags or long_span or g.person_name.search(text, max(0, start - 60), bracket.start()):
            return "lifespan"
        found.flags.append("term")
    return None


def plausible_year(year: int) -> bool:
    """A number that reads as a calendar year rather than a count of years («2010 жыл бойы» vs «2000 жыл бұрын»)."""
    return BARE_YEARS[0] <= year <= BARE_YEARS[1] and year % 100 != 0


def is_programme(text: str, found: Found, reader: RunReader) -> bool:
    """«Қазақстан-2030», «EXPO-2017», «жоспар-2020-да», «Qazaxıstan-2030-cu il»: a name, not a date."""
    first = reader.atoms[found.first]
    before = PROGRAMME_BEFORE.search(text, max(0, first.start - 3), first.start)
    if first.kind != "num" or before is None:
        return False
    has_noun = any(a.kind == "yn" for a in reader.atoms[found.first:found.last + 1])
    word = re.search(rf"{LETTER}+\s?[-–]\s?$", text[max(0, first.start - 40):first.start])
    return not has_noun or bool(word and word.group()[0].isupper())


def is_quantity(text: str, found: Found, reader: RunReader) -> bool:
    """«1000-нан астам»: a number with a case ending followed by "more than"."""
    atom = reader.atoms[found.last]
    if atom.kind != "num":
        return False
    return bool(reader.g.quantity_after.match(text, atom.end) or reader.g.quantity_suffix.match(atom.suffix))


# --------------------------------------------------------------------------- entry points


def find_dates(text: str, lang: str = "kk") -> list[DateExpr]:
    """Every date expression in `text` (a sentence, a paragraph or a whole document).

    `lang` is kk, az or ru (Kazakh texts also read Russian month names and vice versa).
    Offsets are in `text`. Partial and anaphoric dates come unresolved (date None, missing
    ("year",)); `DateDiscourse` resolves them in document order.
    """
    g = grammar(supported_language(lang))
    out: list[DateExpr] = []
    for run in runs(text, g):
        reader = RunReader(run, text, g)
        for found in reader.read():
            if is_quantity(text, found, reader):
                continue
            kind, flags = found.kind, found.flags
            reason = non_event_reason(text, found, reader) if found.parts.get("year") else None
            if reason:
                kind, flags = "non_event", flags + [reason]
            start = run[found.first].start if found.start is None else found.start
            end = run[found.last].end
            out.append(build_date(text[start:end], start, end, found.parts, kind, flags, g))
    return out


LATIN = re.compile(r"[a-zA-ZəƏıİşŞğĞçÇöÖüÜ]")
CYRILLIC = re.compile(r"[а-яА-ЯёЁәіңғүұқөһӘІҢҒҮҰҚӨҺ]")
KAZAKH = re.compile(r"[әіңғүұқөһӘІҢҒҮҰҚӨҺ]")


def detect_lang(text: str) -> str:
    """kk, az or ru from the script: mostly Latin → az, Cyrillic without Kazakh letters → ru, else kk."""
    sample = text[:20000]
    latin, cyrillic = len(LATIN.findall(sample)), len(CYRILLIC.findall(sample))
    if latin > cyrillic:
        return "az"
    if cyrillic and not KAZAKH.search(sample):
        return "ru"
    return "kk"


class DatesComponent:
    """spaCy component: `doc._.dates` = `find_dates(doc.text, lang)` (offsets in the Doc's text)."""

    def __init__(self, lang: str | None):
        self.lang = lang
        if not Doc.has_extension("dates"):
            Doc.set_extension("dates", default=None)

    def __call__(self, doc: Doc) -> Doc:
        lang = self.lang or (doc.lang_ if doc.lang_ in ("kk", "az", "ru") else detect_lang(doc_text(doc)))
        doc._.dates = find_dates(doc_text(doc), lang)
        return doc


@Language.factory("tarikh_dates", default_config={"lang": None})
def make_dates_component(nlp: Language, name: str, lang: str | None) -> DatesComponent:
    """The `tarikh_dates` pipe; `lang` defaults to the pipeline's language (kk, az, ru) or the text's script."""
    return DatesComponent(lang)


def __getattr__(name: str):
    """`DateDiscourse` lives in `tarikh.extract.discourse` (imported lazily: it builds on this module)."""
    if name == "DateDiscourse":
        from tarikh.extract.discourse import DateDiscourse

        return DateDiscourse
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
