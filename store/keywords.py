"""Keywords: the words that say what an article is about, by TF-IDF.

Each precise-mode word's count in the article times its inverse document
frequency from jieba's table (words the table lacks get its median, as jieba
does). Single characters, numbers and words with a digit or punctuation, and
the stop words in data/stopwords.txt are left out.
"""

from __future__ import annotations

import importlib.util
import threading
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .segment import search_segmenter

TOP = 5
_lock = threading.Lock()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop words (data/stopwords.txt)."""
    text = files("hecha.store").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median, read from the installed jieba without importing it.

    Read a line at a time and only words that can be keywords (two characters
    or more, letters only): the table stays about 35 MB, never the whole file
    beside it.
    """
    spec = importlib.util.find_spec("jieba")
    table: dict[str, float] = {}
    if spec and spec.origin:
        path = Path(spec.origin).parent / "analyse" / "idf.txt"
        with _lock, path.open(encoding="utf-8") as lines:
            for line in lines:
                word, _, value = line.partition(" ")
                if value and len(word) >= 2 and word.isalpha():
                    table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else 10.0


def is_keyword(word: str) -> bool:
    """Two characters or more, letters or Han characters only (no digit, no punctuation), not a stop word."""
    return len(word) >= 2 and word.isalpha() and word.lower() not in stop_words()


def precise_words(text: str, search_words: list[str]) -> list[str]:
    """The precise-mode words of `text`, recovered from its search-mode words.

    Search mode gives each precise word after the shorter dictionary words
    inside it (负责, 责人, 负责人), so read backwards the precise words are
    those that end where the one after them starts.
    """
    words, end = [], len(text)
    for word in reversed(search_words):
        if text.endswith(word, 0, end):
            words.append(word)
            end -= len(word)
    words.reverse()
    return words


def keywords(
    folded_text: str, user_words: tuple[str, ...] = (), top: int = TOP, search_words: list[str] | None = None
) -> list[str]:
    """The `top` keywords of a text (folded to simplified script), best first.

    Precise-mode words, as jieba's own TF-IDF uses: search mode's inner words
    (责人 inside 负责人) are rare in the IDF table and would outrank the
    words the article is about. Words seen twice or more are the candidates
    when there are enough of them (a short text: all words). `search_words`,
    the text's search-mode words if the caller has them, saves a second cut.
    """
    if search_words is None:
        search_words = search_segmenter(user_words).cut_for_search(folded_text, False)
    counts = Counter(precise_words(folded_text, search_words))
    usable = [w for w in counts if is_keyword(w)]
    candidates = [w for w in usable if counts[w] > 1]
    if len(candidates) < top * 2:
        candidates = usable
    table, median = idf_table()
    score = {w: counts[w] * table.get(w, median) for w in candidates}
    return sorted(score, key=lambda w: (-score[w], w))[:top]
