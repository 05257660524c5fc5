"""File names as people see them: every byte kept, nothing that can drive a terminal.

POSIX file names are bytes. Python hands us those that are not UTF-8 with
surrogate escapes (`bad\\udcff.txt`), which SQLite cannot store and a terminal
cannot show; names may also carry escape sequences (a colour, a window title,
OSC 52 writing the clipboard), BEL, CR or bidi overrides that reorder a line.

`name_bytes` keeps the exact name for the database; `display_name` is the form
stored beside it and printed: undecodable bytes as `\\xff`, controls as
`\\x1b`, `\\r`, bidi and other invisible format characters as `\\u202e`.
"""

from __future__ import annotations

import os
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def name_bytes(name: str) -> bytes:
    """The exact bytes of a file name (as the file system holds them)."""
    return os.fsencode(name)


def display_name(name: str) -> str:
    """`name` with undecodable bytes, controls and format characters made visible."""
    if name.isprintable():
        return name
    return "".join(_visible(char) for char in name)


def _visible(char: str) -> str:
    """One character, escaped when a terminal would act on it or not show it."""
    if char.isprintable() or char == " ":
        return char
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if char in _NAMED:
        return _NAMED[char]
    if code < 0x100:
        return f"\\x{code:02x}"
    category = unicodedata.category(char)
    if category in ("Zs",):
        return char
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
