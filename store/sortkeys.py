"""Sort keys: titles in pinyin order, as a Chinese reader expects (安 before 北 before 中).

Computed once at import and stored, so sorting the library by title is an
index walk, not a conversion of every title. Each Han character becomes its
toneless pinyin followed by its tone number and the character itself (so
homophones keep a stable order); other characters stay as they are, folded
to lower case.
"""

from __future__ import annotations

import threading

_lock = threading.Lock()


def _pinyin(text: str) -> list[str]:
    """pypinyin's reading of each character (style TONE3: `zhong1`); non-Han runs as they are."""
    with _lock:
        from pypinyin import Style, lazy_pinyin

        return lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda chars: list(chars))  # type: ignore[arg-type, return-value]  # a list is documented


KEY_CHARS = 12  # titles rarely tie beyond this; the title itself breaks ties


def title_key(title: str) -> str:
    """A key that sorts titles by pinyin: `zhong1中guo2国…`, non-Han characters lower-cased."""
    head = title[:KEY_CHARS]
    return _key(head) + ("\x01" + title[KEY_CHARS:] if len(title) > KEY_CHARS else "")


def _key(title: str) -> str:
    parts = _pinyin(title)
    if len(parts) != len(title):  # pypinyin grouped characters: fall back to one call per character
        parts = [p for ch in title for p in _pinyin(ch)]
    keys = []
    for ch, reading in zip(title, parts):
        if reading != ch and reading[-1:].isdigit():
            keys.append(f"{reading[:-1]}{reading[-1]}{ch}")
        else:
            keys.append(ch.lower())
    return "".join(keys)
