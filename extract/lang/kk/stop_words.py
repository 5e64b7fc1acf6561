"""Kazakh stop words, read from `stop_words.txt` beside this module."""
from importlib.resources import files

STOP_WORDS = {
    line.strip()
    for line in (files(__package__) / "stop_words.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
