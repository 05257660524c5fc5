"""Fold script and width so that one rule reads every way a character is written.

Rules for figures, search and layout are written once, for simplified
characters and half-width ASCII. `fold` maps traditional characters to
simplified ones and full-width forms to half-width, one character to one
character, so every offset found in the folded text is an offset into the
original text too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

_EXTRA = {
    "\u3000": " ",  # ideographic space
    "﹕": ":",
    "﹐": ",",
    "﹒": ".",
    "﹔": ";",
    "﹖": "?",
    "﹗": "!",
    "﹙": "(",
    "﹚": ")",
    "﹣": "-",
    "﹪": "%",
    "﹩": "$",
    "−": "-",  # minus sign
    "∶": ":",  # ratio sign (1.7∶36.2∶62.1)
    "︰": ":",  # a colon in vertical-form punctuation (60︰57)
    "￥": "¥",
    "￠": "¢",
    "￡": "£",
}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """The translation table: full-width ASCII, odd forms, then traditional → simplified."""
    table: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table.update({ord(k): v for k, v in _EXTRA.items()})
    text = files("hecha.store").joinpath("data/t2s.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            trad, simp = line.split("\t")
            table[ord(trad)] = simp
    return table


@lru_cache(maxsize=1)
def _bmp_table() -> list[int]:
    """The same table as a list indexed by code point below U+10000 (translate is fastest with a list)."""
    table = list(range(0x10000))
    for cp, char in _table().items():
        if cp < 0x10000:
            table[cp] = ord(char)
    return table


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def fold(text: str) -> str:
    """`text` in simplified characters and half-width forms, the same length as `text`."""
    if _ASTRAL.search(text):  # rare: characters past the list's reach take the dict path
        return text.translate(_table())
    return text.translate(_bmp_table())  # beyond the list: IndexError, which translate reads as "unchanged"


def fold_width(text: str) -> str:
    """Only full-width and odd forms folded to ASCII; Han characters stay as they are."""
    return text.translate({k: v for k, v in _table().items() if k < 0x3400 or k >= 0xFE00})
