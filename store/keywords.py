"""Keywords: the words that say what an article is about, by TF-IDF.

Each precise-mode word's count in the article times its inverse document
frequency from jieba's table (words the table lacks get its median, as jieba
does). Single characters, numbers (any word with a digit), punctuation and
the stop words in data/stopwords.txt are left out.
"""

from __future__ import annotations

import importlib.util
import threading
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from .segment import query_words

TOP = 5
_lock = threading.Lock()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop words (data/stopwords.txt)."""
    text = files("hecha.store").joinpath("data/stopwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table and its median, read from the installed jieba without importing it."""
    spec = importlib.util.find_spec("jieba")
    table: dict[str, float] = {}
    if spec and spec.origin:
        path = Path(spec.origin).parent / "analyse" / "idf.txt"
        with _lock:
            for line in path.read_text(encoding="utf-8").splitlines():
                word, _, value = line.partition(" ")
                if value:
                    table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else 10.0


def is_keyword(word: str) -> bool:
    """Two characters or more, no digit, a letter or Han character, not a stop word."""
    return (
        len(word) >= 2
        and not any(ch.isdigit() for ch in word)
        and any(ch.isalpha() for ch in word)
        and word.lower() not in stop_words()
    )


def keywords(folded_text: str, user_words: tuple[str, ...] = (), top: int = TOP) -> list[str]:
    """The `top` keywords of a text (folded to simplified script), best first."""
    counts = Counter(w for w in query_words(folded_text, user_words) if is_keyword(w))
    if not counts:
        return []
    table, median = idf_table()
    score = {w: n * table.get(w, median) for w, n in counts.items()}
    return sorted(score, key=lambda w: (-score[w], w))[:top]
