"""Kazakh for spaCy (`spacy.blank("kk")`), laid out like spaCy's own `spacy/lang/ky`.

Registered through the `spacy_languages` entry point of the tarikh package. Loading it also
registers tarikh's `tarikh_lemmatizer` pipeline component.
"""
from spacy.language import BaseDefaults, Language

from tarikh.extract import lemmatizer  # noqa: F401  (registers the tarikh_lemmatizer factory)

from .lex_attrs import LEX_ATTRS
from .punctuation import TOKENIZER_INFIXES, TOKENIZER_PREFIXES, TOKENIZER_SUFFIXES
from .stop_words import STOP_WORDS
from .tokenizer_exceptions import TOKENIZER_EXCEPTIONS


class KazakhDefaults(BaseDefaults):
    tokenizer_exceptions = TOKENIZER_EXCEPTIONS
    prefixes = TOKENIZER_PREFIXES
    suffixes = TOKENIZER_SUFFIXES
    infixes = TOKENIZER_INFIXES
    lex_attr_getters = LEX_ATTRS
    stop_words = STOP_WORDS


class Kazakh(Language):
    lang = "kk"
    Defaults = KazakhDefaults


__all__ = ["Kazakh"]
