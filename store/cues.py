"""The word tables the check, indicator and suggestion rules read, loaded once from `store/data`.

Rules never name words themselves: they ask this module for a role
(`words("up")`, `pattern("plan")`) so that a new form of a predicate, base,
period or place is one line in a data file. Tables are written for simplified
text; callers fold the article first (`store.script.fold`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from .units import alternation

CLAUSE_MARKS = "，,；;：:。！？!?\n"


def _lines(name: str) -> list[str]:
    """The non-blank, non-comment lines of a data file."""
    text = files("hecha.store").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def table(name: str) -> dict[str, tuple[str, ...]]:
    """A `role<TAB>words` file as {role: words}."""
    result: dict[str, tuple[str, ...]] = {}
    for line in _lines(name):
        role, _, rest = line.partition("\t")
        result[role] = result.get(role, ()) + tuple(rest.split())
    return result


@cache
def pairs(name: str) -> dict[str, str]:
    """A `word<TAB>value` file as {word: value}."""
    return dict(line.split("\t", 1) for line in _lines(name))


def words(role: str, name: str = "cues.tsv") -> tuple[str, ...]:
    """The words of one role."""
    return table(name).get(role, ())


@cache
def pattern(role: str, name: str = "cues.tsv") -> str:
    """A regex alternation of a role's words, longest first."""
    return alternation(list(words(role, name)))


@cache
def heads() -> tuple[str, ...]:
    """Indicator head nouns, longest first."""
    found = [w for line in _lines("heads.txt") for w in line.split()]
    return tuple(sorted(set(found), key=len, reverse=True))


@cache
def ends_with(role: str, name: str = "cues.tsv") -> re.Pattern:
    """A regex finding one of a role's words at the end of a searched range."""
    return re.compile(f"(?:{pattern(role, name)})$")


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """The offset where the clause holding `pos` begins (after the last clause mark), not before `floor`."""
    i = pos
    while i > floor and text[i - 1] not in CLAUSE_MARKS:
        i -= 1
    return i


def clause_end(text: str, pos: int, ceiling: int) -> int:
    """The offset of the clause mark ending the clause holding `pos`, not after `ceiling`."""
    i = pos
    while i < ceiling and text[i] not in CLAUSE_MARKS:
        i += 1
    return i
