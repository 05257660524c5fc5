"""Word segmentation with rjieba, the Rust port of jieba.

rjieba cuts with jieba's own dictionary and the same word boundaries as
jieba on our text, loads in about a tenth of a second instead of one, and
segments about fifteen times faster; it logs nothing. Layout, selection and
search all cut with it. `words` uses a plain instance (precise mode, HMM off:
dictionary words only); search uses one with the user dictionary added.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache

_lock = threading.Lock()
_plain: dict[str, object] = {}


def quiet_jieba() -> None:
    """Silence jieba's logger (jieba itself is only read for its IDF table, but a plug-in may import it)."""
    logging.getLogger("jieba").setLevel(logging.ERROR)


def tokenizer():
    """The shared rjieba instance without user words, built once."""
    with _lock:
        if "jieba" not in _plain:
            import rjieba

            _plain["jieba"] = rjieba.Jieba()
    return _plain["jieba"]


CACHED_CHARS = 2_000  # texts longer than this are not kept in the cache of `words`


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """The words of a short text, as jieba cuts it (HMM off: dictionary words only)."""
    return tuple(tokenizer().cut(text, False))


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each word of `text`."""
    spans, pos = [], 0
    # Whole articles are cut afresh: caching them would keep megabytes per article for the session.
    cut = words(text) if len(text) <= CACHED_CHARS else tokenizer().cut(text, False)
    for word in cut:
        spans.append((pos, pos + len(word)))
        pos += len(word)
    return spans


def crosses(left: str, right: str) -> str | None:
    """The dictionary word that spans the joint of left+right, if jieba finds one."""
    text = left + right
    cut = len(left)
    for start, end in word_spans(text):
        if start < cut < end and end - start >= 2:
            return text[start:end]
    return None


def frequency(word: str) -> int:
    """About how often jieba's dictionary saw `word` on its own (0 if never).

    rjieba reports the count a word needs to stay whole: for a dictionary
    word, its count or one more — exact enough to tell common from rare.
    """
    seg = tokenizer()
    return int(seg.suggest_freq(word)) if seg.has_word(word) else 0


def first_word(text: str) -> str:
    """The first word of `text`."""
    found = words(text)
    return found[0] if found else ""


# --- search words -------------------------------------------------------------
# The user dictionary is added to a private rjieba instance, rebuilt when the
# dictionary changes; without user words search shares the plain instance.
_search_lock = threading.Lock()
_search_state: dict[str, object] = {}


def search_segmenter(user_words: tuple[str, ...] = ()):
    """An rjieba instance with `user_words` added, built once per word list."""
    if not user_words:
        return tokenizer()
    with _search_lock:
        if _search_state.get("words") != user_words or "jieba" not in _search_state:
            import rjieba

            seg = rjieba.Jieba()
            for word in user_words:
                seg.add_word(word, None, None)
            _search_state.update(words=user_words, jieba=seg)
        return _search_state["jieba"]


_HAS_WORD = re.compile(r"[^\W_]")


def is_word(token: str) -> bool:
    """True when a token holds a letter, digit or Han character (not space or punctuation)."""
    return token.isalnum() or _HAS_WORD.search(token) is not None


def search_words(text: str, user_words: tuple[str, ...] = ()) -> list[str]:
    """Every word of `text` in search mode (long words and the words inside them), punctuation included.

    The caller folds the text first (traditional → simplified, full width →
    half width). The index's tokenizer drops punctuation and spaces itself.
    """
    return search_segmenter(user_words).cut_for_search(text, False)


def query_words(text: str, user_words: tuple[str, ...] = ()) -> list[str]:
    """The words of one query term, as precise mode cuts it, no punctuation."""
    return [t for t in search_segmenter(user_words).cut(text, False) if is_word(t)]
