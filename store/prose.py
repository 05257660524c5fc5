"""Is decoded text plausibly Chinese or English prose?

An encoding detector always finds *some* code page under which random bytes
decode (cp775, johab, cp1251…), and what comes out is a soup of letters from
other scripts, box drawings and symbols. Before a guessed decoding is stored
as an article we look at what it is made of: Han characters and Latin letters,
digits, spaces and punctuation, and, among the Han characters, how many are
common ones. Real news in GBK, Big5 or English passes easily; byte noise does
not. Short texts are judged leniently: a headline is not a statistic.
"""

from __future__ import annotations

import unicodedata

from .clean import is_han

# Below this many visible characters the share of letters is not judged
# (a line of figures is fine); other scripts and rare Han still are.
MIN_JUDGED = 40
MIN_PROSE_SHARE = 0.6  # Han + Latin letters + digits among the visible characters
MAX_FOREIGN_SHARE = 0.15  # letters of other scripts, symbols, private use, controls
MIN_COMMON_HAN_SHARE = 0.6  # common Han characters among the Han characters
MIN_HAN_JUDGED = 30
MIN_COMMON_SHORT = 0.5  # a headline of a few Han characters: at least half of them common
SAMPLE_CHARS = 200_000  # enough to judge; keeps a 16 MB file quick


def _is_common_han(char: str) -> bool:
    """A Han character of the frequent sets: GB2312 level 1 or Big5 level 1.

    Real Chinese text draws more than nineteen characters in twenty from these
    (about 3,755 and 5,401 characters); random double bytes hit them about one
    time in three.
    """
    for codec, low, high in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
        try:
            lead = char.encode(codec)[0]
        except UnicodeEncodeError:
            continue
        if low <= lead <= high:
            return True
    return False


def common_han_share(text: str) -> tuple[int, float]:
    """(how many Han characters, the share of them that are common) in `text`'s first part."""
    han = [c for c in text[:SAMPLE_CHARS] if is_han(c)]
    if not han:
        return 0, 0.0
    return len(han), sum(1 for c in han if _is_common_han(c)) / len(han)


def _kind(char: str) -> str:
    """'prose', 'neutral' (spaces, punctuation) or 'foreign' for one character."""
    if is_han(char) or ("a" <= char.lower() <= "z") or char.isdigit() or char in "○〇":
        return "prose"
    if "\uff21" <= char <= "\uff5a" or "\u00c0" <= char <= "\u024f":
        return "prose"  # full-width Latin, accented Latin (café, Zürich)
    category = unicodedata.category(char)
    if category[0] in "PZ" or char in "\n\t\r+=<>%$€£¥￥°×÷~^|`·" or 0x3000 <= ord(char) <= 0x303F:
        return "neutral"
    if category == "Sm" or category == "Sc":
        return "neutral"
    return "foreign"


def prose_problem(text: str) -> str | None:
    """Why `text` does not look like Chinese or English prose, or None when it does."""
    visible = [c for c in text[:SAMPLE_CHARS] if not c.isspace()]
    counts = {"prose": 0, "neutral": 0, "foreign": 0}
    for char in visible:
        counts[_kind(char)] += 1
    total = len(visible)
    if not total:
        return "empty file"
    if not counts["prose"]:
        return "no letters, digits or Han characters"
    if counts["foreign"] / total > MAX_FOREIGN_SHARE:
        return f"too many symbols or letters of other scripts ({counts['foreign'] / total:.0%})"
    if total >= MIN_JUDGED and counts["prose"] / total < MIN_PROSE_SHARE:
        return f"too few letters or Han characters ({counts['prose'] / total:.0%})"
    han, common = common_han_share(text)
    needed = MIN_COMMON_HAN_SHARE if han >= MIN_HAN_JUDGED else MIN_COMMON_SHORT
    if han >= 2 and common < needed:
        return f"mostly rare Han characters ({common:.0%} common), as byte noise decodes to"
    return None
