"""Actor and place mentions: gazetteer phrases, learned abbreviations, titles, fuzzy spellings, new names.

`ActorMatcher.find(text, lang, aliases)` reads a text once. Every word is folded to a script-neutral key
(`tarikh.extract.transliterate.fold`) and matches a gazetteer word when it equals it or continues it with an
ending from the suffix tables, voicing included (`КСРО-ның`, `Ресеймен`, `«Нұр Отанмен»`, `одағы` → `одақ`);
ids meet across scripts (`Назарбаевтың`, `Nazarbayevə`, `N.Nazarbayev`), while each alias is matched in its own
script. Mentions start only where a word may begin one (a capital, an opening quote, the first letters of a
lower-case gazetteer phrase), found by one regex; phrases are indexed by their first and second words.
In order:
  1. gazetteer, title (offices.yaml) and learned phrases, longest first, with initials, quotes and a place
     word (`Минск қаласында`) taken in;
  2. capitalised words left over, compared with one-word gazetteer names of the same script, first letter and
     similar length by rapidfuzz (`Белеорусь`): FUZZY_THRESHOLD, measured with the benches;
  3. names from their shape (data/actors/detect.yaml): a quoted name with an organisation word or
     abbreviation after it, capitalised words with a head word after them, a person's name (initials, a given
     name, a surname ending), any other capitalised word inside a sentence (kind Other);
  4. overlaps: gazetteer before detected, then the longest; a place inside a document name or a quoted title
     is dropped; a Kazakh title right after another state's name becomes that state's office.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.tokens import Doc

from tarikh.extract.aliases import AliasTable
from tarikh.extract.gazetteer import Actor, Gazetteer, default_gazetteer, load_data
from tarikh.extract.model import ActorMention, doc_text
from tarikh.extract.titles import Office, load_offices, office_actor
from tarikh.extract.transliterate import fold, is_abbreviation, is_capitalised, is_latin

WORD = re.compile(r"[^\W_]+(?:(?:-\s*\n\s*|[-‐])[^\W_]+)*")
UPPERCASE = "A-ZÀ-ÖØ-ÞĞİŞƏЀ-ЯӘҒҚҢӨҰҮҺ"
LAST_WORD = re.compile(r"[^\W_]+(?=[\W_]*$)")
NAME_HYPHEN = re.compile(rf"-(?=[{UPPERCASE}])")
PART = re.compile(r"(?:^|(?<=-))(?:[^-]|-(?![A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ]))+")
NAME_GAP = re.compile(r"(?:[ \t\n«»“”„\"'’–—-]|!(?=[»”\"]))*")
OPEN_QUOTES = "«“„\""
OPENING_QUOTE = re.compile(r"[«“„\"]")
OPENED_QUOTE = re.compile(r"[«“„\"] ?$")
QUOTE_CLOSE = re.compile(r"[»”\"]")
INITIALS_BEFORE = re.compile(r"(?:(?<![^\W\d_])[^\W\d_]{1,2}\.\s?){1,3}$")
SENTENCE_MARKS = ".!?:;\n…"
OPENING_PUNCTUATION = " \t«\"“„—–-("
FUZZY_THRESHOLD = 85  # measured: bench/kaznerd_actors.py --fuzzy, bench/gold_actors.py --threshold
FUZZY_CONFIDENCE = 0.8
DETECTED_CONFIDENCE = 0.6
FUZZY_MIN_LEN = 7  # stem letters; shorter words are too close to each other (Қолына ~ Колбин)
MIN_STEM = 3
VOWELS = set("aeiou")
UNVOICED = {"g": "k", "b": "p"}  # folded: ғ/г → қ/к, б → п before a vowel ending
VOICED = {v: k for k, v in UNVOICED.items()}


def opens_sentence(text: str, start: int) -> bool:
    """True when the word at `start` opens a sentence, a line or a dialogue turn (`— Табиғи газбен`)."""
    before = text[max(0, start - 8):start].rstrip(OPENING_PUNCTUATION)
    return not before or before[-1] in SENTENCE_MARKS


@dataclass(frozen=True)
class Phrase:
    """One surface form of an actor, as folded word keys."""

    keys: tuple[str, ...]
    first: str  # the first word as written, for the lower-case opener test
    latin: bool  # written in Latin letters: matched only against Latin words (scripts meet in ids, not text)
    actor: Actor
    abbreviation: bool
    quoted: bool
    capitalised: bool
    source: str


class Word(NamedTuple):
    start: int
    end: int
    text: str
    key: str


def _suffix_chains(derived: bool = True) -> frozenset[str]:
    """Every folded ending [plural][possessive + its case | case] from the suffix tables of all languages,
    and with `derived` the derivational endings (with a case after them)."""
    chains: set[str] = set()
    for table in load_data("suffixes").values():
        plural = [""] + [fold(s) for s in table.get("plural") or ()]
        possessive = [fold(s) for s in table.get("possessive") or ()]
        after = [""] + [fold(s) for s in table.get("case_after_possessive") or ()]
        # `after` also stands alone: a gazetteer name often ends in its possessive already (партиясы-н)
        tails = [""] + [fold(s) for s in table.get("case") or ()] + after + [p + c for p in possessive for c in after]
        chains.update(p + t for p in plural for t in tails)
        if derived:
            chains.update(fold(d) + c for d in table.get("derived") or () for c in [""] + tails)
    chains.discard("")
    return frozenset(chains)


OPENER_LETTERS = 4


class Words:
    """The words of a text as parallel lists (offsets, surface forms); a `Word` with its key on access.

    A hyphenated pair of capitalised names (`Қазақстан-Қытай`) gives two words.
    """

    def __init__(self, text: str):
        self.texts = WORD.findall(text)
        self.starts = _offsets(text, self.texts)
        self.ends = [s + len(t) for s, t in zip(self.starts, self.texts)]
        if "-" in text:
            self._split_names([k for k, t in enumerate(self.texts) if "-" in t and NAME_HYPHEN.search(t)])


    def _split_names(self, hyphenated: list[int]) -> None:
        texts, starts, ends, last = [], [], [], 0
        for k in hyphenated:
            texts += self.texts[last:k]
            starts += self.starts[last:k]
            ends += self.ends[last:k]
            for part in PART.finditer(self.texts[k]):
                texts.append(part.group())
                starts.append(self.starts[k] + part.start())
                ends.append(self.starts[k] + part.end())
            last = k + 1
        self.texts = texts + self.texts[last:]
        self.starts = starts + self.starts[last:]
        self.ends = ends + self.ends[last:]

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int | slice) -> Word | list[Word]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self.texts)))]
        return Word(self.starts[i], self.ends[i], self.texts[i], fold(self.texts[i]))

    def __iter__(self):
        return (self[i] for i in range(len(self.texts)))


def _offsets(text: str, found: list[str]) -> list[int]:
    """The start of each of the words `WORD.findall` returned, in order (cheaper than match objects)."""
    starts, pos, find = [], 0, text.find
    for word in found:
        pos = find(word, pos)
        starts.append(pos)
        pos += len(word)
    return starts


def _words(text: str) -> Words:
    return Words(text)


@lru_cache(maxsize=50_000)
def abbreviation_key(word: str) -> str | None:
    """The folded letters of an abbreviation (`КСРО-ның` → `ksro`); None for any other word."""
    if not word[1:2].isupper() or not is_abbreviation(word):
        return None
    return fold(word.split("-", 1)[0])


def _phrase(form: str, actor: Actor, source: str) -> Phrase | None:
    words = _words(form)
    keys = tuple(w.key for w in words)
    if not keys or not all(keys):
        return None
    single = len(words) == 1
    first = words[0].text
    return Phrase(keys=keys, first=first.lstrip("«“„\""), latin=is_latin(first), actor=actor,
                  abbreviation=single and is_abbreviation(first), quoted=form.lstrip()[:1] in OPEN_QUOTES,
                  capitalised=single and is_capitalised(first), source=source)


def opener_prefix(first: str) -> str:
    """The start of a lower-case phrase's first word that every inflected form of it keeps: four letters, and
    never the last letter of a short word (voiced before an ending: `одақ` → `одағы`)."""
    return first[:max(2, min(OPENER_LETTERS, len(first) - 1))]


class PhraseIndex:
    """Phrases by the key of their first word, longest phrase first."""

    def __init__(self, phrases: Iterable[Phrase]):
        self.by_first: dict[str, list[Phrase]] = {}
        self.abbreviations: dict[str, list[Phrase]] = {}
        for phrase in phrases:
            if phrase.abbreviation:
                self.abbreviations.setdefault(phrase.keys[0], []).append(phrase)
            elif len(phrase.keys[0]) > 1:
                self.by_first.setdefault(phrase.keys[0], []).append(phrase)
        for bucket in self.by_first.values():
            bucket.sort(key=lambda p: (-len(p.keys), -sum(map(len, p.keys))))
        self._candidates: dict[str, list[Phrase]] = {}
        self.lower_starts = frozenset(opener_prefix(p.first.lower()) for bucket in self.by_first.values()
                                      for p in bucket if not p.first[:1].isupper() or p.source == "title")
        self.fuzzy_keys: dict[tuple[bool, str], dict[int, dict[str, Actor]]] = {}
        for key, bucket in self.by_first.items():
            for p in bucket:
                if len(key) >= FUZZY_MIN_LEN and len(p.keys) == 1 and p.capitalised and not p.quoted \
                        and key.isalpha() and p.source == "gazetteer":
                    by_len = self.fuzzy_keys.setdefault((p.latin, key[0]), {})
                    by_len.setdefault(len(key), {}).setdefault(key, p.actor)


    def candidates(self, key: str, stems) -> tuple[dict[str, list[Phrase]], list[Phrase]]:
        """Phrases whose first word the word key equals or continues: multi-word ones by their second
        word's key, and single-word ones; longest first (cached per key)."""
        hit = self._candidates.get(key)
        if hit is None:
            by_second: dict[str, list[Phrase]] = {}
            singles: list[Phrase] = []
            for stem, _ in stems(key):
                for phrase in self.by_first.get(stem, ()):
                    if len(phrase.keys) > 1:
                        by_second.setdefault(phrase.keys[1], []).append(phrase)
                    else:
                        singles.append(phrase)
            hit = self._candidates[key] = (by_second, singles)
        return hit


class ActorMatcher:
    """Finds actor and place mentions in a text; see the module docstring."""

    def __init__(self, gazetteer: Gazetteer | None = None, fuzzy_threshold: float = FUZZY_THRESHOLD):
        self.gazetteer = default_gazetteer() if gazetteer is None else gazetteer
        self.fuzzy_threshold = fuzzy_threshold
        self.suffixes = _suffix_chains()
        self.inflections = _suffix_chains(derived=False)
        self.max_suffix = max(map(len, self.suffixes))
        self.offices: dict[str, Office] = load_offices()
        detect = load_data("detect")
        self.heads = {fold(w): kind for kind, words in detect["heads"].items() for w in words}
        self.weak_heads = {fold(w): kind for kind, words in detect["weak_heads"].items() for w in words}
        self.max_head = max(map(len, [*self.heads, *self.weak_heads]))
        self.max_descriptors = int(detect["max_descriptor_words"])
        self.person_endings = tuple(sorted({fold(e) for e in detect["person_endings"]}, key=len, reverse=True))
        self.patronymics = {fold(w) for w in detect["patronymic_words"]}
        self.document_heads = {fold(w) for w in detect["document_heads"]}
        self.not_names = {fold(w) for w in detect["not_names"]}
        self.sentence_openers = {fold(w) for w in detect["sentence_openers"]}
        self.given_names = {fold(w) for w in detect["given_names"]}
        self.max_inner = int(detect["max_inner_words"])
        self.adjective_endings = tuple({fold(e) for e in detect["adjective_endings"]})
        phrases = [_phrase(form, actor, "gazetteer") for actor in self.gazetteer for form in actor.names()]
        phrases += [_phrase(form, office_actor(office), "title")
                    for office in self.offices.values() for form in office.titles]
        self._stem_cache: dict[str, list[tuple[str, str]]] = {}
        self.index = PhraseIndex(p for p in phrases if p)
        self.lower_starts = self.index.lower_starts
        self.opener = _opener_pattern(self.lower_starts)

    # -- public -------------------------------------------------------------------------------------------

    def find(self, text: str, lang: str = "kk", aliases: AliasTable | None = None) -> list[ActorMention]:
        """Actor and place mentions in `text`, sorted by start; `start`/`end` are offsets in `text`."""
        words = _words(text)
        learned = self._learned_index(aliases) if aliases else None
        openers = self._openers(text, words, learned)
        mentions, used = self._match_phrases(text, words, openers, learned)
        names = [i for i in openers if i not in used]
        mentions += self._fuzzy(text, words, names, used)
        mentions += self._detect(text, words, names, used)
        return self._resolve(text, mentions)

    def _openers(self, text: str, words: Words, learned: PhraseIndex | None) -> list[int]:
        """Indices of the words that may begin a mention: capitalised, after an opening quote, or the
        first word of a lower-case gazetteer phrase (`жоғарғы кеңес`, `парламент`)."""
        pattern = self.opener if not learned else _opener_pattern(self.lower_starts | learned.lower_starts)
        index = dict(zip(words.starts, range(len(words.starts))))
        found = set(map(index.get, [m.start() for m in pattern.finditer(text)]))
        found.discard(None)
        return sorted(found)

    # -- gazetteer and learned phrases ----------------------------------------------------------------------

    def _learned_index(self, aliases: AliasTable) -> PhraseIndex:
        return _learned_index_cached(aliases, id(self))

    def _stems(self, key: str) -> list[tuple[str, str]]:
        """(stem, ending) splits of a word key whose ending is a known suffix chain, longest stem first."""
        splits = self._stem_cache.get(key)
        if splits is None:
            splits = self._stem_cache[key] = self._split(key)
        return splits

    def _split(self, key: str) -> list[tuple[str, str]]:
        """Every (stem, ending); a stem voiced before a vowel ending is also given unvoiced, as Kazakh
        writes it alone (`одағы` → `одақ`, `министрлігі` → `министрлік`)."""
        splits = [(key, "")]
        for cut in range(len(key) - 1, max(MIN_STEM, len(key) - self.max_suffix) - 1, -1):
            ending = key[cut:]
            if ending in self.suffixes:
                splits.append((key[:cut], ending))
                unvoiced = UNVOICED.get(key[cut - 1])
                if unvoiced and ending[0] in VOWELS:
                    splits.append((key[:cut - 1] + unvoiced, ending))
        return splits

    def _continues(self, key: str, target: str) -> bool:
        """True when a word key is the target or the target with an ending (voicing included)."""
        if key == target or (key.startswith(target) and key[len(target):] in self.suffixes):
            return True
        voiced = VOICED.get(target[-1:])
        return bool(voiced) and key.startswith(target[:-1] + voiced) and key[len(target):] in self.suffixes \
            and key[len(target):][:1] in VOWELS

    def _match_at(self, text: str, words: Words, i: int, index: PhraseIndex) -> tuple[Phrase, int] | None:
        """The longest phrase starting at word i, and the index after its last word."""
        texts = words.texts
        by_second, singles = index.candidates(fold(texts[i]), self._stems)
        if by_second and i + 1 < len(texts):
            head = abbreviation_key(texts[i + 1])
            seconds = [head] if head else [stem for stem, _ in self._stems(fold(texts[i + 1]))]
            multi = [p for second in seconds for p in by_second.get(second, ()) if self._accepts(text, words, i, p)]
            if multi:
                best = max(multi, key=lambda p: (len(p.keys), sum(map(len, p.keys))))
                return best, i + len(best.keys)
        for phrase in singles:
            if self._accepts(text, words, i, phrase):
                return phrase, i + 1
        head = abbreviation_key(texts[i])
        if head:
            for phrase in index.abbreviations.get(head, ()):
                return phrase, i + 1
        return None

    def _accepts(self, text: str, words: Words, i: int, phrase: Phrase) -> bool:
        """True when the words from i on continue the phrase's words, joined only by spaces and quotes."""
        keys, texts, starts, ends = phrase.keys, words.texts, words.starts, words.ends
        if i + len(keys) > len(texts) or phrase.latin != is_latin(texts[i]):
            return False
        for k in range(1, len(keys)):
            t = texts[i + k]
            head = abbreviation_key(t)
            if not (head == keys[k] if head else self._continues(fold(t), keys[k])):
                return False
            if NAME_GAP.fullmatch(text, ends[i + k - 1], starts[i + k]) is None:
                return False
        if phrase.capitalised and not texts[i][:1].isupper():
            return False
        return not phrase.quoted or (starts[i] > 0 and text[starts[i] - 1] in OPEN_QUOTES)

    def _match_phrases(self, text: str, words: Words, openers: list[int], learned: PhraseIndex | None
                       ) -> tuple[list[ActorMention], set[int]]:
        mentions, used = [], set()
        for i in openers:
            if i in used:
                continue
            found = self._match_at(text, words, i, self.index)
            if learned:
                other = self._match_at(text, words, i, learned)
                if other and (not found or len(other[0].keys) > len(found[0].keys)):
                    found = other
            if not found:
                continue
            phrase, j = found
            j = self._with_place_word(text, words, j, phrase.actor)
            start = self._with_initials(text, words[i].start, phrase.actor)
            used.update(k for k in range(max(0, i - 3), i) if words.starts[k] >= start)
            start, end = self._with_quotes(text, start, words[j - 1].end)
            mentions.append(self._mention(text, start, end, phrase.actor, phrase.source))
            used.update(range(i, j))
        return mentions, used

    @staticmethod
    def _with_quotes(text: str, start: int, end: int) -> tuple[int, int]:
        """Take in the quotes of a quoted name: `«Нұр Отан» ХДП`, `«Нұр Отанмен»`."""
        if start and text[start - 1] in OPEN_QUOTES:
            if QUOTE_CLOSE.search(text, start, end):
                return start - 1, end
            if QUOTE_CLOSE.match(text, end):
                return start - 1, end + 1
        return start, end

    def _with_place_word(self, text: str, words: Words, j: int, actor: Actor) -> int:
        """Extend a place's mention over the place word after it (`Минск қаласында`, `Ұзынағаш кентіндегі`)."""
        if actor.kind == "Place" and j < len(words) and not is_capitalised(words[j].text) \
                and NAME_GAP.fullmatch(text, words[j - 1].end, words[j].start) \
                and self._head_kind(words[j].key) == "Place":
            return j + 1
        return j

    def _with_initials(self, text: str, start: int, actor: Actor) -> int:
        """Extend a person's mention back over initials glued or spaced before it (`Н.Ә.Назарбаев`)."""
        if actor.kind != "Person":
            return start
        m = INITIALS_BEFORE.search(text, max(0, start - 12), start)
        return m.start() if m else start

    @staticmethod
    def _mention(text: str, start: int, end: int, actor: Actor, source: str, confidence: float = 1.0
                 ) -> ActorMention:
        return ActorMention(text=text[start:end], start=start, end=end, id=actor.id, label=actor.label,
                            kind=actor.kind, source=source, wikidata=actor.wikidata, confidence=confidence,
                            labels=dict(actor.labels))

    # -- fuzzy spellings ------------------------------------------------------------------------------------

    def _fuzzy(self, text: str, words: Words, names: list[int], used: set[int]) -> list[ActorMention]:
        mentions = []
        for i in names:
            t = words.texts[i]
            if len(t) < FUZZY_MIN_LEN or not t[:1].isupper() or t[1:2].isupper():
                continue
            word = words[i]
            actor = _fuzzy_cached(self, word.key, is_latin(t))
            if actor:
                used.add(i)
                start = self._with_initials(text, word.start, actor)
                mentions.append(self._mention(text, start, word.end, actor, "gazetteer", FUZZY_CONFIDENCE))
        return mentions

    def fuzzy_candidates(self, key: str, latin: bool) -> tuple[Actor, float] | None:
        """Best (actor, score) for a word key among gazetteer names of the same script, first letter and
        similar length (one word, capitalised, unquoted)."""
        best = None
        by_len = self.index.fuzzy_keys.get((latin, key[0]), {})
        for stem, _ in self._stems(key):
            if len(stem) < FUZZY_MIN_LEN:
                continue
            for length in range(len(stem) - 2, len(stem) + 3):
                for candidate, actor in by_len.get(length, {}).items():
                    score = fuzz.ratio(stem, candidate)
                    if not best or score > best[1]:
                        best = (actor, score)
        return best

    # -- names that are not in the gazetteer ---------------------------------------------------------------

    def _detect(self, text: str, words: Words, names: list[int], used: set[int]) -> list[ActorMention]:
        found: list[ActorMention] = []
        for i in names:
            if i in used:
                continue
            hit = self._detect_at(text, words, i, used)
            if hit:
                mention, j = hit
                found.append(mention)
                used.update(range(i, j))
        return found

    def _detect_at(self, text: str, words: Words, i: int, used: set[int]
                   ) -> tuple[ActorMention, int] | None:
        start = words.starts[i]
        if OPENED_QUOTE.search(text, max(0, start - 2), start):
            return self._detect_quoted(text, words, i)
        word = words.texts[i]
        if not word[:1].isupper() or any(stem in self.not_names for stem, _ in self._stems(fold(word))):
            return None
        return self._detect_name(text, words, i, used)

    def _head_kind(self, key: str, weak: bool = True) -> str | None:
        """The organisation kind of a head word (`партиясының` → Party), by its longest known stem; with
        weak=False, only the heads that are never common words."""
        for stem, _ in self._stems(key):
            kind = self.heads.get(stem) or (self.weak_heads.get(stem) if weak else None)
            if kind:
                return kind
        return None

    def _detect_quoted(self, text: str, words: Words, i: int) -> tuple[ActorMention, int] | None:
        """`«Азамат» ҚДП`, `«Алға!» халықтық партиясы`, `“Birlik” hərəkatı`: a quoted name with a head word."""
        close = QUOTE_CLOSE.search(text, words[i].start)
        if not close or close.start() - words[i].start > 80 or "\n\n" in text[words[i].start:close.start()]:
            return None
        j = i
        while j < len(words) and words[j].end <= close.start():
            j += 1
        if j == i:
            return None
        name_keys = [w.key for w in words[i:j]]
        kind, end_word = None, j
        for k in range(j, min(len(words), j + self.max_descriptors + 1)):
            w = words[k]
            if k == j and is_abbreviation(w.text):
                kind, end_word = "Party" if w.key.endswith("p") else "Organisation", k + 1
                break
            head = self._head_kind(w.key)
            if head and head != "Place":
                kind, end_word = head, k + 1
                break
            if is_capitalised(w.text) and k > j:
                break
        if not kind:
            kind = self._head_kind(name_keys[-1])
            if not kind or kind == "Place":
                return None
        start = words[i].start - 1
        if i > 0 and is_capitalised(words[i - 1].text) and NAME_GAP.fullmatch(text, words[i - 1].end, start):
            start = words[i - 1].start if self._stems(words[i - 1].key)[-1][0] in self.index.by_first else start
        end = words[end_word - 1].end if end_word > j else close.end()
        actor = self._detected_actor(name_keys, kind, text[words[i].start:close.start()])
        return self._mention(text, start, end, actor, "detected", DETECTED_CONFIDENCE), end_word

    def _detect_name(self, text: str, words: Words, i: int, used: set[int]
                     ) -> tuple[ActorMention, int] | None:
        """A name the gazetteer does not know, from its shape:
          * capitalised words, then at most a few lower-case ones, then an organisation or place head word
            (`Денсаулық сақтау министрлігі`, `Талдықорған қаласында`): that kind;
          * initials, a given name, or two or more capitalised words ending in a surname: a person;
          * other capitalised words inside a sentence: a name of unknown kind (Other).
        A single capitalised word opening a sentence is taken only with a given name or head word."""
        texts, j = words.texts, i + 1
        while j < len(texts) and j not in used and j - i < 4 \
                and (texts[j][:1].isupper() or fold(texts[j]) in self.patronymics) and not is_abbreviation(texts[j]) \
                and NAME_GAP.fullmatch(text, words.ends[j - 1], words.starts[j]):
            j += 1
        name = words[i:j]
        keys = [w.key for w in name]
        opening = opens_sentence(text, name[0].start)
        if opening and keys[0] in self.sentence_openers:
            if len(name) == 1:
                return None
            name, keys, opening = name[1:], keys[1:], False
        head = self._head_after(text, words, j, used, weak=not opening)
        if head:
            kind, end = head
            whole = [*keys, *(fold(t) for t in words.texts[j:end])]
            actor = self._detected_actor(whole, kind, text[name[0].start:words.ends[end - 1]])
            return self._mention(text, name[0].start, words.ends[end - 1], actor, "detected", DETECTED_CONFIDENCE), end
        initials = INITIALS_BEFORE.search(text, max(0, name[0].start - 12), name[0].start)
        given = keys[0] in self.given_names
        if initials or given or (len(name) >= 2 and self._is_surname(keys[-1])) or \
                (not opening and self._is_surname(keys[-1])):
            start = initials.start() if initials else name[0].start
            actor = self._detected_actor(keys, "Person", text[name[0].start:name[-1].end])
            return self._mention(text, start, name[-1].end, actor, "detected", DETECTED_CONFIDENCE), j
        if (not opening or len(name) >= 2) and len(keys[0]) >= 2 and not self._is_title_adjective(words, j, keys):
            actor = self._detected_actor(keys, "Other", text[name[0].start:name[-1].end])
            return self._mention(text, name[0].start, name[-1].end, actor, "detected", 0.5), j
        return None

    def _is_title_adjective(self, words: Words, j: int, keys: list[str]) -> bool:
        """`Қылмыстық кодекс`, `Халықаралық әйелдер күні`: one capitalised adjective opening a title."""
        return len(keys) == 1 and keys[0].endswith(self.adjective_endings) and j < len(words) \
            and words.texts[j][:1].islower()

    def _head_after(self, text: str, words: Words, j: int, used: set[int], weak: bool
                    ) -> tuple[str, int] | None:
        """(kind, index after the head) when a head word follows word j-1: a place word or (with weak) a
        weak head right after it, or an organisation/body/party word after at most `max_inner_words`
        lower-case words."""
        texts = words.texts
        for k in range(j, min(len(texts), j + self.max_inner + 1)):
            if k in used or texts[k][:1].isupper() or not texts[k][:1].isalpha() \
                    or not NAME_GAP.fullmatch(text, words.ends[k - 1], words.starts[k]):
                return None
            kind = self._head_kind(fold(texts[k]), weak=weak and k == j)
            if kind == "Place" and k == j or kind and kind != "Place":
                return kind, k + 1
        return None

    def _is_surname(self, key: str) -> bool:
        return any(stem.endswith(self.person_endings) and len(stem) >= 4 for stem, _ in self._stems(key))

    def _detected_actor(self, keys: list[str], kind: str, surface: str) -> Actor:
        """An actor for a new name: its id is the folded, ending-stripped key, so inflections meet."""
        # the shortest stem left by an inflection (not a derivation): the same for every form of the name
        stem = [s for s, ending in self._stems(keys[-1]) if not ending or ending in self.inflections][-1]
        if kind == "Person" and len(keys[-1]) - len(stem) < 2:
            stem = keys[-1]  # a single vowel may be part of the name (Назарбаева)
        slug = "-".join([*keys[:-1], stem])
        label = re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "", surface)).strip()
        return Actor(id=f"detected:{kind.lower()}:{slug}", kind=kind, label=label, source="detected")

    # -- overlaps -------------------------------------------------------------------------------------------

    def _resolve(self, text: str, mentions: list[ActorMention]) -> list[ActorMention]:
        """Longest mention wins; a place inside a document name is dropped; `X Президенті` becomes X's office."""
        known = sorted((m.start, m.end) for m in mentions if m.source != "detected")
        mentions = [m for m in mentions if m.source != "detected" or not _overlaps_any(m, known)]
        mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[ActorMention] = []
        for m in mentions:
            if kept and m.start < kept[-1].end:
                continue
            if kept and m.source == "title" and self._is_domestic(m):
                foreign = self._foreign_office(text, kept[-1], m)
                if foreign:
                    kept[-1] = foreign
                    continue
            kept.append(m)
        return [m for m in kept if not self._in_document_name(text, m) and not self._in_quoted_title(text, m)]

    def _is_domestic(self, mention: ActorMention) -> bool:
        office = self.offices.get(mention.id)
        return office is not None and office.state == "kazakhstan"

    def _foreign_office(self, text: str, state: ActorMention, title: ActorMention) -> ActorMention | None:
        """`Франция Президенті`, `Қытай мемлекет басшысы`: a Kazakh title right after another state names that
        state's office."""
        if state.kind != "State" or state.id == "kazakhstan" or not NAME_GAP.fullmatch(text, state.end, title.start):
            return None
        office = next((o for o in self.offices.values() if o.state == state.id), None)
        actor = office_actor(office) if office else Actor(
            id=f"office:head-of-{state.id}", kind="Person", label=f"Head of {state.label}", source="title")
        return self._mention(text, state.start, title.end, actor, "title")

    def _in_quoted_title(self, text: str, mention: ActorMention) -> bool:
        """A place inside a quoted title with other words (`«Астана – Алматы» тас жолы`). A state stays: in
        a law's title it is what the law is about (`«Қазақстан Республикасының тәуелсіздігі туралы» Заң`)."""
        if mention.kind != "Place" or mention.source == "detected":
            return False
        opening = text.rfind("«", max(0, mention.start - 60), mention.start)
        closing = text.find("»", mention.end, mention.end + 60)
        if opening < 0 or closing < 0 or "»" in text[opening:mention.start] or "«" in text[mention.end:closing]:
            return False
        return bool(WORD.search(text[opening:mention.start]) or WORD.search(text[mention.end:closing]))

    def _in_document_name(self, text: str, mention: ActorMention) -> bool:
        if mention.kind not in ("Place", "State") or mention.source == "detected":
            return False
        if fold(LAST_WORD.search(mention.text).group()) not in self.index.by_first:
            return False  # an inflected name (`Ресеймен шарт`) is an argument of the document, not its name
        nxt = WORD.search(text, mention.end, mention.end + 40)
        if not nxt or not NAME_GAP.fullmatch(text, mention.end, nxt.start()):
            return False
        key = fold(nxt.group())
        return any(s in self.document_heads for s, _ in self._stems(key))


def _overlaps_any(mention: ActorMention, spans: list[tuple[int, int]]) -> bool:
    """True when the mention overlaps one of the sorted, non-overlapping spans."""
    k = bisect_left(spans, (mention.end,))
    return k > 0 and spans[k - 1][1] > mention.start


@lru_cache(maxsize=64)
def _opener_pattern(lower_starts: frozenset[str]) -> re.Pattern:
    """Where a mention may begin: a capital at a word start, a word after an opening quote, or a word
    starting like a lower-case gazetteer phrase."""
    lower = "|".join(sorted(map(re.escape, lower_starts), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![^\W_])(?:[{UPPERCASE}]|{lower})|(?<=[«“„\"])\s?\b")


@lru_cache(maxsize=65536)
def _fuzzy_cached(matcher: ActorMatcher, key: str, latin: bool) -> Actor | None:
    best = matcher.fuzzy_candidates(key, latin)
    return best[0] if best and best[1] >= matcher.fuzzy_threshold else None


@lru_cache(maxsize=64)
def _learned_index_cached(aliases: AliasTable, _matcher: int) -> PhraseIndex:
    phrases = (_phrase(surface, actor, "learned" if actor.source == "learned" else "gazetteer")
               for surface, actor in aliases.pairs())
    return PhraseIndex(p for p in phrases if p)


def unmatched_names(text: str, mentions: list[ActorMention]) -> list[str]:
    """Capitalised words that no gazetteer, learned or title mention covers (detected names included) and
    that do not open a sentence: what the gazetteer may lack."""
    covered = sorted((m.start, m.end) for m in mentions if m.source != "detected")
    words = Words(text)
    names, k = [], 0
    for t, start in zip(words.texts, words.starts):
        while k < len(covered) and covered[k][1] <= start:
            k += 1
        inside = k < len(covered) and covered[k][0] <= start
        if t[:1].isupper() and not inside and not opens_sentence(text, start):
            names.append(t)
    return names


@lru_cache(maxsize=1)
def default_matcher() -> ActorMatcher:
    """The matcher over the bundled gazetteer (built once per process)."""
    return ActorMatcher()


def find_actors(text: str, lang: str = "kk", aliases: AliasTable | None = None) -> list[ActorMention]:
    """Shortcut: `default_matcher().find(...)`."""
    return default_matcher().find(text, lang, aliases)


if not Doc.has_extension("actors"):
    Doc.set_extension("actors", default=None)


ALIASES_KEY = "tarikh_aliases"  # doc.user_data[ALIASES_KEY]: the document's AliasTable, if any


class ActorsComponent:
    """spaCy pipeline component: `doc._.actors` = the actor mentions of the doc's text, with the document's
    learned aliases when the caller put them in `doc.user_data["tarikh_aliases"]`."""

    def __init__(self, lang: str):
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = default_matcher().find(doc_text(doc), self.lang, doc.user_data.get(ALIASES_KEY))
        return doc


@Language.factory("tarikh_actors", default_config={"lang": "kk"})
def make_actors_component(nlp: Language, name: str, lang: str) -> ActorsComponent:
    return ActorsComponent(lang)


__all__ = ["ActorMatcher", "ActorsComponent", "default_matcher", "find_actors", "unmatched_names"]
