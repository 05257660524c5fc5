"""The user dictionary: names search must keep whole (赣江新区, 经开组团, 红谷滩区).

A plain-text file in the user config directory, one word a line (lines
starting with # are comments), that anyone may edit by hand. HECHA_DICT
points elsewhere (tests, shared dictionaries). Words are kept folded to
simplified script, the form the search index holds. The library records a
fingerprint of the dictionary it was segmented with, so a change is noticed
and the library re-segmented.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

from .script import fold
from .settings import config_dir

MAX_WORD = 40


class DictionaryError(Exception):
    """A word cannot go into the dictionary, or the file cannot be read or written."""


def dict_path() -> Path:
    """HECHA_DICT if set, else userdict.txt in hecha's config directory (HECHA_CONFIG_DIR, or the user's)."""
    env = os.environ.get("HECHA_DICT")
    if env:
        return Path(env).expanduser()
    return config_dir() / "userdict.txt"


def load_words(path: Path | None = None) -> tuple[str, ...]:
    """The words of the dictionary, folded, in file order, each once (none when there is no file)."""
    path = path or dict_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ()
    except (OSError, UnicodeDecodeError) as error:
        raise DictionaryError(f"{path}: cannot read the dictionary ({error})") from None
    seen: dict[str, None] = {}
    for line in text.splitlines():
        word = line.split()[0] if line.split() else ""
        if word and not word.startswith("#"):
            seen.setdefault(fold(word), None)
    return tuple(seen)


def check_word(word: str) -> str:
    """The word folded, or DictionaryError saying why it cannot be a word."""
    word = word.strip()
    if not word:
        raise DictionaryError("an empty word cannot go into the dictionary")
    if any(ch.isspace() for ch in word) or word.startswith("#"):
        raise DictionaryError(f"{word!r}: a word has no spaces and does not start with #")
    if len(word) > MAX_WORD or not any(ch.isalnum() for ch in word):
        raise DictionaryError(f"{word!r}: a word is 1–{MAX_WORD} characters with a letter or Han character")
    return fold(word)


def add_words(words: list[str], path: Path | None = None) -> list[str]:
    """Append the words not yet in the dictionary; return those added."""
    path = path or dict_path()
    checked = [check_word(w) for w in words]
    known = set(load_words(path))
    new = [w for w in dict.fromkeys(checked) if w not in known]
    if new:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            sep = "" if not old or old.endswith("\n") else "\n"
            path.write_text(old + sep + "".join(f"{w}\n" for w in new), encoding="utf-8")
        except OSError as error:
            raise DictionaryError(f"{path}: cannot write the dictionary ({error.strerror or error})") from None
    return new


@lru_cache(maxsize=8)
def fingerprint(words: tuple[str, ...]) -> str:
    """A short fingerprint of a word list (the empty list has its own)."""
    return hashlib.sha256("\n".join(words).encode("utf-8")).hexdigest()[:16]


_cache: dict[str, object] = {}


def current_words() -> tuple[str, ...]:
    """The dictionary's words, read again only when its file changes (none if it cannot be read)."""
    path = dict_path()
    try:
        stamp = (str(path), path.stat().st_mtime_ns, path.stat().st_size)
    except OSError:
        return ()
    if _cache.get("stamp") != stamp:
        try:
            words = load_words(path)
        except DictionaryError:
            words = ()
        _cache.update(stamp=stamp, words=words)
    return _cache["words"]  # type: ignore[return-value]
