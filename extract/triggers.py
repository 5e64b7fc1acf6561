"""Event triggers: the words that say an event happened, per type and language (`data/events/triggers.yaml`).

A trigger that only reports an intention, plan, proposal, demand, hypothetical or negation is kept with a
`rejected` reason, so `tarikh explain` can show why no event came of it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from tarikh.extract.lexicon import cue_set, load_yaml, lower_same_length, phrase_words, stem_regex
from tarikh.extract.model import doc_text, supported_language

WORD = re.compile(r"\w+")
HYPHENATED_WORD = re.compile(r"\w+(?:-\w+)*")
CLAUSE_END = re.compile(r"[,;:]")
QUESTION = re.compile(r"[^.!?]*\?")  # the trigger's sentence or clause ends with a question mark
NEEDS_BEFORE, NEEDS_AFTER = 120, 60  # characters around a trigger where its `needs` cue must stand
TYPE_IF_BEFORE, TYPE_IF_AFTER = 60, 20  # ... and where a `type_if` cue re-types it


@dataclass(frozen=True)
class Trigger:
    """A trigger match: the event type it signals and where it stands (offsets in the analysed text)."""

    type: str
    subtype: str | None
    start: int
    end: int
    text: str
    strength: str
    rule: str
    rejected: str | None = None
    adjacent: bool = False  # counts only with a date written right before it


@dataclass(frozen=True)
class TriggerRule:
    type: str
    pattern: str
    subtype: str | None = None
    strength: str = "weak"
    needs: str | None = None
    type_if: tuple[tuple[str, str], ...] = ()
    nested: bool = False
    adjacent: bool = False
    means: bool = False


@dataclass
class Lexicon:
    """The compiled trigger rules of one language and the cue sets they refer to.

    `openers` finds the words that can open a trigger (the first stems of all rules); only there are the rules
    that start with that stem tried, which keeps matching linear in the text.
    """

    rules: list[TriggerRule]
    compiled: list[re.Pattern[str]]
    openers: re.Pattern[str]
    rules_by_opener: dict[str, list[int]]
    opener_lengths: tuple[int, ...]
    cues: dict[str, re.Pattern[str]]
    before_words: tuple[str, ...]
    before_reach: int
    after_words: tuple[str, ...]
    after_reach: int
    negated: re.Pattern[str]
    future: re.Pattern[str]
    other_words: tuple[str, ...]
    quoted_names: tuple[str, ...]
    ordinal_before: re.Pattern[str]
    cited_article: re.Pattern[str]
    blocked_after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _candidates: dict[str, list[int]] = field(default_factory=dict)

    def candidate_rules(self, word: str) -> list[int]:
        """Rules whose first stem opens this word. The word may hold hyphens (a stem may too: `рсп-ға`); an exact
        stem (`конституция=`) is the whole word or its part before the first hyphen. Cached per word."""
        found = self._candidates.get(word)
        if found is None:
            found = [i for whole in dict.fromkeys((word.split("-", 1)[0], word))
                     for i in self.rules_by_opener.get(whole + "=", ())]
            for length in self.opener_lengths:
                if length <= len(word):
                    found.extend(self.rules_by_opener.get(word[:length], ()))
            found = self._candidates[word] = list(dict.fromkeys(found))
        return found


def _first_stems(pattern: str) -> list[str]:
    """The stems a pattern can start with (the first word of each alternative of its first group)."""
    first = phrase_words(pattern.lower().split("…")[0])[0]
    alternatives = first[1:-1].split("|") if first.startswith("(") else [first]
    return [a.split()[0] for a in alternatives]


def _rules(lang: str) -> list[TriggerRule]:
    rules = []
    for event_type, by_lang in load_yaml("events", "triggers.yaml").items():
        for entry in by_lang.get(lang, []):
            rules.append(TriggerRule(type=event_type, pattern=entry["pattern"], subtype=entry.get("subtype"),
                                     strength=entry.get("strength", "weak"), needs=entry.get("needs"),
                                     type_if=tuple((entry.get("type_if") or {}).items()),
                                     nested=entry.get("nested", False),
                                     adjacent=entry.get("dated") == "adjacent", means=entry.get("means", False)))
    return rules


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The trigger lexicon of a language (kk, az, ru), compiled once."""
    cues = load_yaml("events", "cues.yaml")
    rules = _rules(lang)
    by_opener: dict[str, list[int]] = {}
    for index, rule in enumerate(rules):
        for stem in _first_stems(rule.pattern):
            by_opener.setdefault(stem, []).append(index)
    bare = sorted({stem.rstrip("=") for stem in by_opener}, key=len, reverse=True)
    not_event = cues["not_event"]
    return Lexicon(
        rules=rules, compiled=[re.compile(stem_regex(rule.pattern)) for rule in rules],
        openers=re.compile(r"\b(?:" + "|".join(map(re.escape, bare)) + ")"),
        rules_by_opener=by_opener, opener_lengths=tuple(sorted({len(s) for s in by_opener if not s.endswith("=")})),
        cues={name: cue_set(name) for name in cues["sets"]},
        before_words=tuple(not_event["before"]["words"]), before_reach=not_event["before"]["reach"],
        after_words=tuple(not_event["after"]["words"]), after_reach=not_event["after"]["reach"],
        negated=re.compile(not_event["negated_verb"]), future=re.compile(not_event["future_participle"]),
        other_words=tuple(not_event["other_words"]), quoted_names=tuple(not_event["quoted_names"]),
        ordinal_before=re.compile(not_event["ordinal_before"]),
        cited_article=re.compile(not_event["cited_article"]),
        blocked_after={t: tuple(words) for t, words in (cues.get("modifier_of") or {}).items()},
    )


def may_hold_trigger(text: str, lang: str) -> bool:
    """Does a trigger pattern of this language match in the text (before its cues and rejections are read)?"""
    lex = lexicon(supported_language(lang))
    lower = lower_same_length(text)
    return lex.openers.search(lower) is not None and bool(_matches(lower, lex))


def _starts_any(word: str, stems: tuple[str, ...]) -> str | None:
    for stem in stems:
        if stem.endswith("="):
            if word == stem[:-1]:
                return stem
        elif word.startswith(stem):
            return stem
    return None


def rejection(lower: str, start: int, end: int, event_type: str, lex: Lexicon) -> str | None:
    """Why the trigger at `[start, end)` does not report something that happened, or None."""
    trigger_words = WORD.findall(lower[start:end])
    clause = WORD.findall(CLAUSE_END.split(lower[end:end + 160], 1)[0])
    after = clause[:lex.after_reach] + clause[-1:]  # the words right after, and the clause's predicate
    before = WORD.findall(CLAUSE_END.split(lower[max(0, start - 100):start])[-1])[-lex.before_reach:]
    last = trigger_words[-1] if trigger_words else ""
    if trigger_words and _starts_any(trigger_words[0], lex.other_words):
        return f"another word: «{trigger_words[0]}»"
    if inside_quotes(lower, start, end) and event_type not in lex.quoted_names:
        return "inside a quoted title"
    if QUESTION.match(lower, end):
        return "a question"
    if lex.ordinal_before.search(lower[max(0, start - 14):start].rstrip()):
        return "a convocation number, not an event"
    if lex.future.search(last):
        return f"future participle «{last}»"
    for word in [last] + after[:1]:
        if lex.negated.search(word):
            return f"negated «{word}»"
    for word in before:
        if cue := _starts_any(word, lex.before_words):
            return f"not asserted: «{word}» ({cue})"
    for word in after:
        if cue := _starts_any(word, lex.after_words):
            return f"not asserted: «{word}» ({cue})"
    if after and (cue := _starts_any(after[0], lex.blocked_after.get(event_type, ()))):
        return f"part of another phrase: «{after[0]}»"
    return None


def inside_quotes(text: str, start: int, end: int) -> bool:
    """Is `[start, end)` inside «…»: a quote opened before it and not closed, and a closing one after it (a quote
    left open by the PDF text, `«Атамекен «Одағы» … сайланды`, does not make the rest of the sentence a title)."""
    return text.count("«", 0, start) > text.count("»", 0, start) and "»" not in text[start:end] \
        and "»" in text[end:]


def _matches(lower: str, lex: Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, rule) of the longest rule match at each opener, left to right, without overlaps."""
    found, taken_until = [], -1
    for opener in lex.openers.finditer(lower):
        inside = opener.start() < taken_until
        word = HYPHENATED_WORD.match(lower, opener.start()).group()
        best = None
        for index in lex.candidate_rules(word):
            if inside and not lex.rules[index].nested:
                continue
            match = lex.compiled[index].match(lower, opener.start())
            if match and (best is None or match.end() > best[1]):
                best = (match.start(), match.end(), index)
        if best:
            found.append(best)
            taken_until = max(taken_until, best[1])
    return found


def nearest(cue: re.Pattern[str], lower: str, start: int, end: int, before: int, after: int) -> int | None:
    """Distance in characters from the trigger `[start, end)` to the nearest cue within the window, or None."""
    distances = [start - m.end() if m.end() <= start else max(0, m.start() - end)
                 for m in cue.finditer(lower, max(0, start - before), end + after)]
    return min(distances) if distances else None


def find_triggers(text: str, lang: str) -> list[Trigger]:
    """Triggers in a sentence (or any text whose cues belong together), rejected ones included."""
    lex = lexicon(supported_language(lang))
    lower = lower_same_length(text)
    found, means = [], []
    for start, end, index in _matches(lower, lex):
        rule = lex.rules[index]
        needed = nearest(lex.cues[rule.needs], lower, start, end, NEEDS_BEFORE, NEEDS_AFTER) if rule.needs else 0
        if needed is None:
            continue
        event_type = rule.type
        for other_type, cue in rule.type_if:
            distance = nearest(lex.cues[cue], lower, start, end, TYPE_IF_BEFORE, TYPE_IF_AFTER)
            if distance is not None and (not rule.needs or distance <= needed):
                event_type = other_type
                break
        rejected = rejection(lower, start, end, event_type, lex)
        if rejected is None and "…" in rule.pattern and lex.cited_article.search(lower, start, end):
            rejected = "an article cited between its words, not an event"
        found.append(Trigger(type=event_type, subtype=rule.subtype, start=start, end=end, text=text[start:end],
                             strength=rule.strength, rule=rule.pattern, adjacent=rule.adjacent, rejected=rejected))
        means.append(rule.means)
    return _means_yield(found, means)


def _means_yield(found: list[Trigger], means: list[bool]) -> list[Trigger]:
    """A trigger that names the instrument of an event (`means` in triggers.yaml) is rejected when an accepted
    trigger of another type follows it in the sentence: that one tells the event the instrument brought about."""
    return [replace(t, rejected=f"the means of the {later.type} told after it")
            if is_means and t.rejected is None and (later := next((o for o in found[k + 1:] if o.rejected is None
                                                                   and o.type != t.type), None))
            else t for k, (t, is_means) in enumerate(zip(found, means))]


@Language.factory("tarikh_triggers")
def make_trigger_finder(nlp: Language, name: str) -> "TriggerFinder":
    return TriggerFinder(nlp.lang)


class TriggerFinder:
    """spaCy component: `doc._.triggers`, the event triggers of each sentence of the Doc."""

    def __init__(self, lang: str):
        self.lang = lang
        if not Doc.has_extension("triggers"):
            Doc.set_extension("triggers", default=None)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        bounds = ([(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START")
                  else [(0, len(text))])
        doc._.triggers = [replace(trigger, start=trigger.start + start, end=trigger.end + start)
                          for start, end in bounds for trigger in find_triggers(text[start:end], self.lang)]
        return doc
