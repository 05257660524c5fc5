"""Normalising raw article text before layout analysis.

Text pulled out of newspaper pages arrives with Windows line ends, odd spaces,
half-width punctuation typed between Chinese characters and, now and then,
terminal control sequences. Everything here is a pure function from text to
text, so each rule can be tested alone and the import pipeline can chain them.
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL/ST),
# DCS/SOS/PM/APC (ESC P/X/^/_ ... ST) and two-character escapes.
_ESCAPE_SEQ = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|$)"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d.*?(?:\x07|\x9c|$)",
    re.DOTALL,
)
# Remaining C0 controls except tab and newline, DEL, C1 controls, and the
# bidirectional formatting characters that can reorder what a terminal shows.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile(r"[\u200b\u2060\ufeff]")

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF_PUNCT = re.compile(r"[,;:!?()]")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters that could drive a terminal."""
    return _CONTROL.sub("", _ESCAPE_SEQ.sub("", text))


def normalise(text: str) -> str:
    """NFC, LF line ends, plain spaces, no control characters, no space-only lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_controls(unicodedata.normalize("NFC", text))
    text = _ZERO_WIDTH.sub("", _SPACES.sub(" ", text))
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


def is_han(char: str) -> bool:
    """True for a CJK ideograph (the unified blocks and their extensions)."""
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FA1F or 0xF900 <= code <= 0xFAFF
    )


def is_cjk(char: str) -> bool:
    """True for a Han character or CJK/full-width punctuation."""
    code = ord(char)
    return is_han(char) or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or char in "“”‘’—…·"


def _neighbour(text: str, index: int, step: int) -> str:
    """The nearest character that is not a space, looking left (-1) or right (+1)."""
    index += step
    while 0 <= index < len(text) and text[index] == " ":
        index += step
    return text[index] if 0 <= index < len(text) and text[index] != "\n" else ""


def _wants_full_width(text: str, index: int) -> bool:
    """Whether the half-width mark at `index` sits in Chinese text."""
    left, right = _neighbour(text, index, -1), _neighbour(text, index, 1)
    if text[index] in ",:" and left.isascii() and left.isdigit() and right.isascii() and right.isdigit():
        return False  # 1,000 and 10:30 stay as they are
    return (bool(left) and is_cjk(left)) or (bool(right) and is_cjk(right))


def full_width_punctuation(text: str) -> str:
    """Turn , ; : ! ? ( ) into full-width where a Chinese character stands beside them."""
    if not _HALF_PUNCT.search(text):
        return text
    chars = list(text)
    for match in _HALF_PUNCT.finditer(text):
        if _wants_full_width(text, match.start()):
            chars[match.start()] = FULL_WIDTH[match.group()]
    return "".join(chars)


def clean_text(text: str) -> str:
    """The whole character-level cleaning: normalise, then fix punctuation."""
    return full_width_punctuation(normalise(text))
