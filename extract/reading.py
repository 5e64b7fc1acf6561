"""Read a text file whatever its encoding: UTF-8 (with or without BOM), UTF-16, cp1251, KOI8-R, KZ-1048.

Legacy 8-bit Cyrillic encodings cannot be told apart by their bytes; every candidate decodes, so
each decoding is scored by how Kazakh/Russian its letters look (lower-case letters frequent in
running text score, capitals scattered inside words do not) and the best one wins.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path
from typing import Any

from tarikh.errors import TarikhError
from tarikh.extract.lexicon import load_yaml

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
LEGACY_CANDIDATES = ("cp1251", "kz1048", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic")
SAMPLE_BYTES = 1 << 16
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
FREQUENT_LETTERS = re.compile("[оаеинтсрлдкмыуқғңәіұүө]")
ODD_SYMBOL = re.compile(r"[^\w\s.,;:!?()\[\]«»\"'\-–—№%/]")
CAPITAL_INSIDE_WORD = re.compile("(?<=[а-яәіңғүұқөһё])[А-ЯӘІҢҒҮҰҚӨҺЁ]")
MIN_TEXT_SCORE = 0.2  # the letter score below which no 8-bit decoding reads like text


def load_text_data(name: str) -> Any:
    """A YAML table from `extract/data/text/`."""
    return load_yaml("text", name)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a TarikhError naming the file."""
    path = Path(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise TarikhError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise TarikhError(f"{path}: is a directory, not a text file") from None
    except OSError as error:
        raise TarikhError(f"{path}: cannot read ({error.strerror or error})") from None


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """`(text, encoding)`: decode with `encoding` if given, else detect it; refuse empty or binary data."""
    if not data.strip():
        raise TarikhError(f"{name}: empty file")
    if encoding:
        text = _decode_as(data, encoding, name)
    else:
        text, encoding = _detect(data, name)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise TarikhError(f"{name}: empty file")
    _refuse_binary(text, name)
    return text, encoding


def _decode_as(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError:
        raise TarikhError(f"{name}: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as error:
        raise TarikhError(f"{name}: not valid {encoding} (byte {error.start}: {error.reason})") from None


def _detect(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, name), encoding
    utf16 = _bomless_utf16(data[:SAMPLE_BYTES])
    if utf16:
        return _decode_as(data, utf16, name), utf16
    if b"\x00" in data:
        raise TarikhError(f"{name}: binary file (contains NUL bytes), not a text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = best_legacy_encoding(data[:SAMPLE_BYTES])
    if encoding is None:
        raise TarikhError(f"{name}: cannot decode (neither UTF-8, UTF-16 nor a Cyrillic 8-bit encoding)")
    return _decode_as(data, encoding, name), encoding


def _bomless_utf16(sample: bytes) -> str | None:
    """`utf-16-le`/`-be` when every other byte of the sample is NUL (BOM-less UTF-16 of Latin/Cyrillic)."""
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def best_legacy_encoding(sample: bytes) -> str | None:
    """The 8-bit Cyrillic encoding whose decoding of `sample` reads most like Kazakh or Russian, if any reads
    like text at all (real Kazakh or Russian scores about 0.55-0.65, random bytes below -0.6)."""
    scored = []
    for encoding in LEGACY_CANDIDATES:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((_letter_score(text), encoding))
    best = max(scored, key=lambda pair: pair[0], default=None)
    return best[1] if best and best[0] >= MIN_TEXT_SCORE else None


def _letter_score(text: str) -> float:
    """Frequent lower-case letters count for, capitals glued inside words and control chars against."""
    good = len(FREQUENT_LETTERS.findall(text))
    bad = len(CAPITAL_INSIDE_WORD.findall(text)) + len(ODD_SYMBOL.findall(text)) + 5 * len(CONTROL_CHARS.findall(text))
    return (good - 3 * bad) / max(len(text), 1)


def _refuse_binary(text: str, name: str) -> None:
    sample = text[:SAMPLE_BYTES]
    controls = len(CONTROL_CHARS.findall(sample))
    if "\x00" in sample or controls > max(2, len(sample) // 200):
        raise TarikhError(f"{name}: binary file (control characters), not a text")
