"""Who takes part in an event and how: roles from the actor's kind and the words after it, actors borrowed
from neighbouring sentences (collective references, pronouns, a later sentence telling the outcome), and the
event's subtype (`data/events/roles.yaml`, `subtypes.yaml`)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tarikh.extract.dating import usable
from tarikh.extract.lexicon import alternation, cue_set, load_yaml, lower_same_length
from tarikh.extract.model import ActorMention
from tarikh.extract.triggers import Trigger

if TYPE_CHECKING:
    from tarikh.extract.events import AnalysedSentence

SENTENCE_WORDS = re.compile(r"\w+")
ABBREVIATION = re.compile(r"^[^\W\d_]*[A-ZА-ЯӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]*[A-ZА-ЯӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]*$")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDMХІ]+(?:-\w+)?$")
POST_REACH = 3  # words: an office noun this close after an organisation makes it the name of a person's post


@lru_cache(maxsize=None)
def role_rules() -> dict[str, Any]:
    """roles.yaml, read once."""
    return load_yaml("events", "roles.yaml")


def is_participant(actor: ActorMention) -> bool:
    """Can this mention be an actor of an event? A capitalised single word the matcher only guessed at (kind
    Other, no gazetteer entry) counts only when it is shaped like an abbreviation (`ЛКЖО`, `ДКЖК`); a Roman
    numeral (`XVIII съезі`) or a capitalised common word (`Қабылданып`, `Сыртқы`) does not."""
    if actor.source != "detected" or actor.kind != "Other" or " " in actor.text.strip():
        return True
    return bool(ABBREVIATION.match(actor.text)) and not ROMAN_NUMERAL.match(actor.text)


def role_of(actor: ActorMention, event_type: str, text: str) -> str:
    """The role of an actor in an event of a type, from its kind, the cue words after it, its case ending, or
    the parentheses it stands in."""
    table = role_rules()
    role = table["by_kind"].get(event_type, {}).get(actor.kind, table["default"])
    following = " ".join(SENTENCE_WORDS.findall(lower_same_length(text[actor.end:actor.end + 80]))[:6])
    for rule in table["promote"]:
        kinds = rule["kind"] if isinstance(rule["kind"], list) else [rule["kind"]]
        if rule["type"] != event_type or actor.kind not in kinds:
            continue
        if "suffix" in rule and re.search(rule["suffix"], lower_same_length(actor.text)):
            return rule["role"]
        if rule.get("inside") == "parentheses" and text.count("(", 0, actor.start) > text.count(")", 0, actor.start):
            return rule["role"]
        if any(f" {cue}" in f" {following}" for cue in rule.get("after", [])):
            return rule["role"]
    return role


@lru_cache(maxsize=None)
def _subtype_cues() -> tuple[int, dict[str, list[tuple[str, re.Pattern[str]]]], re.Pattern[str]]:
    table = load_yaml("events", "subtypes.yaml")
    cues = {t: [(name, alternation(stems)) for name, stems in subtypes.items()]
            for t, subtypes in table.items() if isinstance(subtypes, dict)}
    return table["reach"], cues, alternation(table["early"])


def infer_subtype(trigger: Trigger, text: str) -> str | None:
    """The subtype named by the cue closest to the trigger (`президенттік сайлау` → presidential), with
    `-early` for an early election (`мерзімінен бұрын`, `кезектен тыс`)."""
    reach, cues, early = _subtype_cues()
    lower = lower_same_length(text)
    window = (max(0, trigger.start - reach), trigger.end + reach)
    best: tuple[int, str] | None = None
    for name, cue in cues.get(trigger.type, []):
        for match in cue.finditer(lower, *window):
            distance = (trigger.start - match.end() if match.end() <= trigger.start
                        else max(0, match.start() - trigger.end))
            if best is None or distance < best[0]:
                best = (distance, name)
    if best is None:
        return None
    return best[1] + ("-early" if trigger.type == "Election" and early.search(lower, *window) else "")


def neighbour_actors(sentences: list[AnalysedSentence], position: int, event_type: str, present: set[str],
                     telling: list[bool]) -> list[tuple[AnalysedSentence, ActorMention]]:
    """Actors borrowed from the neighbouring sentences (`borrow` in roles.yaml): of the kinds the event's own
    sentence lacks, from the two sentences before, else the one after; and, from each neighbouring sentence
    that tells no event of its own (`telling[i]` is False), the actors of the `around` kinds (the founders,
    members it lists)."""
    rules = role_rules()["borrow"]
    wanted = set(rules["missing"].get(event_type, [])) - present
    borrowed: list[tuple[AnalysedSentence, ActorMention]] = []
    for window in ((position - 2, position - 1), (position + 1,)):
        if wanted:
            borrowed = [(sentences[near], a) for near in window if 0 <= near < len(sentences)
                        for a in sentences[near].actors if a.kind in wanted and not names_a_post(sentences[near], a)]
            if borrowed:
                break
    borrowed += [pair for pair in referenced_actors(sentences, position) if pair not in borrowed]
    borrowed += [pair for pair in elaborating_actors(sentences, position, event_type) if pair not in borrowed]
    elaborating = set(rules["around"].get(event_type, []))
    for near in (position - 1, position + 1):
        if 0 <= near < len(sentences) and not telling[near]:
            borrowed += [(sentences[near], a) for a in sentences[near].actors if a.kind in elaborating
                         and (sentences[near], a) not in borrowed and not names_a_post(sentences[near], a)]
    return borrowed


def names_a_post(sentence: AnalysedSentence, actor: ActorMention) -> bool:
    """Does the mention only name a person's post (`«ҚазТрансГаз» АҚ Бас директоры`, `Ұлттық банк төрағасын`)? Such
    an organisation or body takes no part in the events of the sentences around; a party or movement named with
    its chair (`«Невада-Семей» қозғалысының төрағасы`) still may."""
    if actor.kind not in ("Organisation", "Body"):
        return False
    following = SENTENCE_WORDS.findall(lower_same_length(sentence.text[actor.end:actor.end + 60]))[:POST_REACH]
    return any(cue_set("office_context").match(word) for word in following)


@lru_cache(maxsize=None)
def _elaborations() -> dict[str, tuple[re.Pattern[str], set[str], int]]:
    return {event_type: (alternation(rule["cue"]), set(rule["kinds"]), rule["reach"])
            for event_type, rule in role_rules()["elaborations"].items()}


def elaborating_actors(sentences: list[AnalysedSentence], position: int, event_type: str
                       ) -> list[tuple[AnalysedSentence, ActorMention]]:
    """The actors of a later sentence that names the event again to tell its outcome (`Сайлау қорытындысы
    бойынша … мандаттары бөлінді: «Отан» РСП – 4, …`: the parties that won seats), from `elaborations`; the
    search stops at a sentence with a date of its own."""
    if event_type not in _elaborations():
        return []
    cue, kinds, reach = _elaborations()[event_type]
    for near in range(position + 1, min(len(sentences), position + reach + 1)):
        if any(usable(d) for d in sentences[near].dates):
            break  # a new time frame: the cue would name another event
        if cue.search(lower_same_length(sentences[near].text)):
            return [(sentences[near], a) for a in sentences[near].actors if a.kind in kinds]
    return []


@lru_cache(maxsize=None)
def _references() -> list[tuple[re.Pattern[str], set[str], int]]:
    return [(alternation(rule["cue"]), set(rule["kinds"]), rule["reach"]) for rule in role_rules()["references"]]


def referenced_actors(sentences: list[AnalysedSentence], position: int
                      ) -> list[tuple[AnalysedSentence, ActorMention]]:
    """The actors a reference stands for (`аталған 11 республиканың басшылары`: the states listed just before;
    `бұл партия`: the party named just before), from the `references` of roles.yaml; and the person a pronoun
    stands for."""
    lower = lower_same_length(sentences[position].text)
    found = [(sentences[near], a) for cue, kinds, reach in _references() if cue.search(lower)
             for near in range(max(0, position - reach), position)
             for a in sentences[near].actors if a.kind in kinds]
    antecedent = pronoun_antecedent(sentences, position)
    return found + ([antecedent] if antecedent and antecedent not in found else [])


@lru_cache(maxsize=None)
def _pronoun() -> tuple[re.Pattern[str], set[str], int]:
    rule = role_rules()["pronouns"]
    demonstrative = alternation(rule["demonstrative_before"]).pattern
    return (re.compile(f"(?:{alternation(rule['cue']).pattern})(?!\\W+(?:{demonstrative}))"), set(rule["kinds"]),
            rule["reach"])


def pronoun_antecedent(sentences: list[AnalysedSentence], position: int
                       ) -> tuple[AnalysedSentence, ActorMention] | None:
    """The person a personal pronoun (`ол`, `o`) stands for: the last one named in the sentences just before,
    when the sentence names none before the pronoun (`… Қасымов … сайланды. Ал 2000 жылы ол … құрды`)."""
    cue, kinds, reach = _pronoun()
    sentence = sentences[position]
    pronoun = cue.search(lower_same_length(sentence.text))
    if pronoun is None or relative_pronoun(sentence.text[:pronoun.start()]) or \
            any(a.kind in kinds and a.start < pronoun.start() for a in sentence.actors):
        return None
    for near in range(position - 1, max(-1, position - reach - 1), -1):
        named = [a for a in sentences[near].actors if a.kind in kinds]
        if named:
            return sentences[near], named[-1]
    return None


def relative_pronoun(before: str) -> bool:
    """Does a pronoun open a clause that follows a full clause (`… Заң қабылданып, ол бойынша`, `… құрылды,
    кейіннен ол`)? It then stands for that clause's noun, not for a person named before."""
    clauses = before.split(",")
    if len(clauses) < 2 or len(clauses[-1].split()) > 2:
        return False
    return len(clauses[-2].split()) >= 3
