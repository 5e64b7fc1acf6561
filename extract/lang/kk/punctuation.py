"""Prefix, suffix and infix rules with the whole Kazakh alphabet (spaCy's ALPHA lacks ғ қ ұ …).

Hyphenated case endings stay in their word (`КСРО-ның`, `ТМД-ға`, `1-інде`, `3-ші`); quotes are
split off (`«Нұр Отан»` → `«`, `Нұр`, `Отан`, `»`); a full stop glued between a lower-case letter
and a capital splits (`қойды.Қазақстан`); digit ranges split (`2017-2018` → `2017`, `-`, `2018`).
"""
from spacy.lang.char_classes import (
    ALPHA,
    ALPHA_LOWER,
    ALPHA_UPPER,
    CONCAT_QUOTES,
    CURRENCY,
    LIST_ELLIPSES,
    LIST_ICONS,
    LIST_PUNCT,
    LIST_QUOTES,
    PUNCT,
    UNITS,
)

from tarikh.extract.reading import load_text_data

_SCRIPTS = load_text_data("scripts.yaml")
KK_LOWER = ALPHA_LOWER + _SCRIPTS["kazakh_lower"]
KK_UPPER = ALPHA_UPPER + _SCRIPTS["kazakh_upper"]
KK_ALPHA = ALPHA + _SCRIPTS["kazakh_lower"] + _SCRIPTS["kazakh_upper"]
_DASHES = "–|—|--|---|——|~"

TOKENIZER_PREFIXES = (
    ["§", "%", "=", "—", "–", r"\+(?![0-9])"] + LIST_PUNCT + LIST_ELLIPSES + LIST_QUOTES + LIST_ICONS
)

TOKENIZER_SUFFIXES = (
    LIST_PUNCT
    + LIST_ELLIPSES
    + LIST_QUOTES
    + LIST_ICONS
    + ["—", "–"]
    + [
        r"(?<=[0-9])\+",
        r"(?<=[0-9])(?:{c})".format(c=CURRENCY),
        r"(?<=[0-9])(?:{u})".format(u=UNITS),
        r"(?<=[0-9{al}{e}{p}(?:{q})])\.".format(al=KK_LOWER, e=r"%²\-\+", q=CONCAT_QUOTES, p=PUNCT),
        r"(?<=[{au}][{au}])\.".format(au=KK_UPPER),
    ]
)

TOKENIZER_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        r"(?<=[0-9])[+\-\*^](?=[0-9-])",
        r"(?<=[{al}{q}])\.(?=[{au}{q}])".format(al=KK_LOWER, au=KK_UPPER, q=CONCAT_QUOTES),
        r"(?<=[{a}]),(?=[{a}])".format(a=KK_ALPHA),
        r"(?<=[{a}0-9])(?:{d})(?=[{a}])".format(a=KK_ALPHA, d=_DASHES),
        r"(?<=[{a}])[»«](?=[{a}])".format(a=KK_ALPHA),
        r"(?<=[{a}0-9])[:<>=/](?=[{a}])".format(a=KK_ALPHA),
    ]
)
