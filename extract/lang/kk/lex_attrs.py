"""`like_num` for Kazakh: digits, fractions, number words and their ordinals, `1-інде`, `3-ші`, `1990-шы`."""
import re
from importlib.resources import files

from spacy.attrs import LIKE_NUM

NUMBER_WORDS = frozenset(
    line.strip()
    for line in (files(__package__) / "numbers.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)
_ORDINAL = re.compile(r"(?:ыншы|інші|ншы|нші)$")
_NUMBER_WITH_ENDING = re.compile(r"\d+-[а-яәғқңөұүһі]+")


def like_num(text: str) -> bool:
    """True for `12`, `3,5`, `1/2`, `жиырма`, `бірінші`, `1-інде`, `3-ші`."""
    text = text.lstrip("+-±~").replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1 and all(part.isdigit() for part in text.split("/")):
        return True
    lower = text.lower()
    return (lower in NUMBER_WORDS or _ORDINAL.sub("", lower) in NUMBER_WORDS
            or bool(_NUMBER_WITH_ENDING.fullmatch(lower)))


LEX_ATTRS = {LIKE_NUM: like_num}
