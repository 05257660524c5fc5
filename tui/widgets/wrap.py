"""Breaking Chinese text into screen lines, by terminal cells, keeping character offsets.

Han characters take two cells. A line may break between any two Han
characters or at a space, but not inside a run of Latin letters and digits
(`7.7%`, `5G`) unless that run is wider than a line, and not before closing
punctuation (`，。”`), which stays with the character before it. Every line is
a (start, end) range of character offsets into the text, so the screen never
has to guess which character sits in which cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from rich.cells import get_character_cell_size

# Marks that must not start a line (they close what comes before).
NO_START = set("，。、；：！？）》」』】”’…—·%‰,.;:!?)]}")
# Marks that must not end a line (they open what comes after).
NO_END = set("“‘（《「『【([{")


@lru_cache(maxsize=8192)
def cell_width(char: str) -> int:
    """Cells a character takes on screen (0 for combining marks)."""
    return get_character_cell_size(char)


_LATIN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.%+-_/#@&'")


def _glued(left: str, right: str) -> bool:
    """Whether a line must not break between two characters."""
    if right in NO_START or right == " " or left in NO_END:
        return True
    return left in _LATIN and right in _LATIN


def wrap(text: str, width: int, keep: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """(start, end) offsets of each screen line of `text` at `width` cells.

    No line breaks inside a span of `keep` (figures such as `16.5亿元`) unless
    the span is wider than a line.
    """
    width = max(width, 2)
    sizes = [cell_width(c) for c in text]
    inside = {i for start, end in keep for i in range(start + 1, end)}
    lines: list[tuple[int, int]] = []
    start, used, last_break, index, length = 0, 0, -1, 0, len(text)
    while index < length:
        size = sizes[index]
        if used + size > width and index > start:
            cut = last_break if last_break > start else index
            lines.append((start, cut))
            start = cut
            while start < index and text[start] == " ":
                start += 1
            used = sum(sizes[start:index])
            last_break = -1
            continue
        used += size
        if index + 1 < length and index + 1 not in inside and not _glued(text[index], text[index + 1]):
            last_break = index + 1
        index += 1
    lines.append((start, length))
    return lines


def offset_at_cell(text: str, start: int, end: int, x: int) -> int:
    """The offset of the character drawn at cell `x` of the line text[start:end]."""
    used = 0
    for index in range(start, end):
        used += cell_width(text[index])
        if used > x:
            return index
    return end
