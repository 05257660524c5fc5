"""Finding words in one article, and finding an article's part of its source file.

`find_matches` is the reader's `/`: the query is folded (traditional to
simplified, full-width to half-width, any case) and cut into words with jieba;
the words are matched in order with only spaces allowed between them (and
between the characters of a word, as pages spaced out for layout have them),
so `人工智能` finds `人工 智能`, `增长 ７％` finds `增长7%` and `國內生產總值`
finds `国内生产总值`. Folding keeps
one character for one, so every match is an offset range of the text as given.

`raw_span` finds where an article's text sits in the file it was cut from,
for the raw view: cleaning changes spaces, line breaks and widths, so the
first and last words of the article are searched for with those differences
allowed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .script import fold
from .segment import words

_SPACE = r"\s*"
_PROBE = 12  # characters of an article's first and last lines searched for in the raw file


def query_words(query: str) -> list[str]:
    """The words of a query, folded, without spaces."""
    folded = fold(query).casefold()
    return [w for chunk in folded.split() for w in words(chunk) if w.strip()]


@lru_cache(maxsize=64)
def _pattern(query: str) -> re.Pattern[str] | None:
    """A regular expression matching the query's words in order with spaces between."""
    parts = query_words(query)
    if not parts:
        return None
    return re.compile(_SPACE.join(_SPACE.join(re.escape(c) for c in p) for p in parts), re.IGNORECASE)


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """(start, end) of every place `query` occurs in `text`, folded, in order, not overlapping."""
    pattern = _pattern(query)
    if pattern is None or not text:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(fold(text)) if m.end() > m.start()]


def _loose(fragment: str) -> re.Pattern[str] | None:
    """A pattern for `fragment`'s non-space characters with any spaces between them (folded)."""
    chars = [c for c in fold(fragment) if not c.isspace()]
    if not chars:
        return None
    return re.compile(_SPACE.join(re.escape(c) for c in chars))


def raw_span(raw: str, text: str) -> tuple[int, int] | None:
    """Where the article `text` begins and ends in its source file `raw`, None if it cannot be found.

    The article's first and last lines are each cut to a probe of a few
    characters and searched for in `raw` with any spacing between characters;
    the span runs from the first probe to the end of the last one found after it.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or not raw:
        return None
    folded = fold(raw)
    head = _loose(lines[0][:_PROBE])
    start_match = head.search(folded) if head else None
    if start_match is None:
        return None
    tail = _loose(lines[-1][-_PROBE:])
    ends = list(tail.finditer(folded, start_match.start())) if tail else []
    end = ends[0].end() if ends else start_match.end()
    return start_match.start(), max(end, start_match.end())
