"""Tokenizer exceptions: the abbreviations of `abbreviations.yaml` stay one token with their full stop."""
from importlib.resources import files

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

from tarikh.extract.lexicon import parse_yaml


def _abbreviation_exceptions() -> dict[str, list[dict]]:
    table = parse_yaml((files(__package__) / "abbreviations.yaml").read_text(encoding="utf-8"))
    exceptions = {}
    for entry in table["abbreviations"]:
        text, norm = entry["text"], entry["norm"]
        if " " in text:
            continue
        for form in {text, text.capitalize(), text.upper()}:
            exceptions[form] = [{ORTH: form, NORM: norm}]
    return exceptions


TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _abbreviation_exceptions())
