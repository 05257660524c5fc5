"""Sort keys: titles in pinyin order, as a Chinese reader expects (安 before 北 before 中).

Computed once at import and stored, so sorting the library by title is an
index walk, not a conversion of every title. Each Han character becomes its
toneless pinyin followed by its tone number and the character itself (so
homophones keep a stable order); other characters stay as they are, folded
to lower case.
"""

from __future__ import annotations

from .pinyin import readings

KEY_CHARS = 12  # titles rarely tie beyond this; the title itself breaks ties


def title_key(title: str) -> str:
    """A key that sorts titles by pinyin: `zhong1中guo2国…`, non-Han characters lower-cased."""
    head = title[:KEY_CHARS]
    return _key(head) + ("\x01" + title[KEY_CHARS:] if len(title) > KEY_CHARS else "")


def _key(title: str) -> str:
    keys = []
    for ch, reading in zip(title, readings(title)):
        if reading != ch and reading[-1:].isdigit():
            keys.append(f"{reading[:-1]}{reading[-1]}{ch}")
        else:
            keys.append(ch.lower())
    return "".join(keys)
