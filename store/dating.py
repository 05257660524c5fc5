"""The date an article was published, when its page or its file name says so.

Pages often carry a dateline (`2024年3月18日 星期一`) among the first lines,
and archives often name files by date (`2024-03-18_要闻.txt`, `20240318.txt`).
Nothing else is guessed: a date inside the text is what the article talks
about, not when it appeared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

_FILE_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12][0-9]|3[01])(?![0-9])")
DATELINE = re.compile(
    r"^[（(]?((?:19|20)[0-9]{2})\s*年\s*(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12][0-9]|0?[1-9])\s*日"
    r"(?:\s*(?:星期|周|礼拜)[一二三四五六日天])?[)）]?$"
)
# A labelled date at the start of a line or after a space: 日期：2024年3月18日,
# 发布时间: 2024-03-18 09:30, 出版日期 2024/3/18.
LABELLED = re.compile(
    r"(?:^|(?<=\s))(?:发布|出版|刊发|刊登|见报|更新)?(?:日期|时间)\s*[:：]?\s*"
    r"((?:19|20)[0-9]{2})\s*[年./-]\s*(1[0-2]|0?[1-9])\s*[月./-]\s*(3[01]|[12][0-9]|0?[1-9])(?![0-9])"
)
HEAD_BLOCKS = 5  # a dateline stands among the first lines of an article
TAIL_BLOCKS = 3  # a labelled date may also close it
SHORT = 80  # a labelled date stands on a short line of its own, not inside a paragraph


def _iso(year: str, month: str, day: str) -> str | None:
    """ISO text of a real calendar day, or None (2023-02-30 is no date)."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def publication_date(file_name: str, head: Iterable[str]) -> str | None:
    """A dateline among the article's first blocks, a labelled date (日期：…) on a short line
    among its first or last blocks, else a date in the file name, else None."""
    blocks = [text.strip() for text in head]
    for text in blocks[:HEAD_BLOCKS]:
        match = DATELINE.match(text)
        if match and (found := _iso(*match.groups())):
            return found
    for text in blocks[:HEAD_BLOCKS] + blocks[HEAD_BLOCKS:][-TAIL_BLOCKS:]:
        match = LABELLED.search(text) if len(text) <= SHORT else None
        if match and (found := _iso(*match.groups())):
            return found
    match = _FILE_DATE.search(file_name)
    return _iso(*match.groups()) if match else None
