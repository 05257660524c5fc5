"""Suggested claims: sentences that state a checkable figure with a claim predicate, ranked.

A sentence is suggested when it holds at least one figure a fact-checker can
verify (an amount, a rate, a rank, a multiple) and a predicate that makes a
claim of it (增长, 下降, 达到, 突破, 完成, 列…第, 占比, 同比, 首次, 最高 … from
`store/data/suggest.tsv`, each with a weight). The score adds the predicates'
weights, the checkable figures, a comparison base, and the checks the
sentence itself states, so the most checkable sentences come first.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import cues
from .checks import Check
from .figures import Figure
from .script import fold
from .sentences import sentence_spans
from .units import alternation

CHECKABLE = ("money", "measure", "quantity", "percent", "rank", "multiple", "number")
MAX_FIGURE_POINTS = 3
CHECK_POINTS = 10  # a relation the sentence states (a check) outranks any mix of predicates


@dataclass(frozen=True)
class Suggestion:
    """A sentence worth marking as a claim: its span, how checkable it is, and its figures."""

    start: int
    end: int
    score: float
    figures: tuple[tuple[int, int, str], ...]

    def to_dict(self) -> dict:
        """The suggestion as `hecha suggest --json` prints it."""
        return {
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "figures": [{"start": s, "end": e, "text": t} for s, e, t in self.figures],
        }


@lru_cache(maxsize=1)
def _predicates() -> tuple[re.Pattern, dict[str, float]]:
    """The predicate pattern and each predicate's weight."""
    weights = {word: float(w) for word, w in cues.pairs("suggest.tsv").items()}
    return re.compile(alternation(list(weights))), weights


def _checkable(figure: Figure) -> bool:
    """A figure whose value can be verified (not a date, not a bare duration)."""
    return figure.kind in CHECKABLE and (figure.value is not None or figure.low is not None)


@lru_cache(maxsize=1)
def _bases() -> re.Pattern:
    """Any comparison base (同比, 比上年 …)."""
    return re.compile(alternation(list(cues.pairs("bases.tsv"))))


def _candidate_sentences(text: str, pattern: re.Pattern, figures: list[Figure]) -> list[tuple[int, int]]:
    """The sentences of the paragraphs that hold both a predicate and a checkable figure (the rest cannot qualify)."""
    lines = {text.rfind("\n", 0, m.start()) + 1 for m in pattern.finditer(text)}
    lines &= {text.rfind("\n", 0, f.start) + 1 for f in figures if _checkable(f)}
    spans = []
    for line_start in sorted(lines):
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        spans += [(line_start + s, line_start + e) for s, e in sentence_spans(line)]
    return spans


def suggest(text: str, figures: list[Figure], checks: Sequence[Check] = ()) -> list[Suggestion]:
    """The article's suggested claims, most checkable first (ties in text order)."""
    folded = fold(text)
    pattern, weights = _predicates()
    bases = _bases()
    found = []
    starts = [f.start for f in figures]
    in_order = all(a <= b for a, b in itertools.pairwise(starts))
    for start, end in _candidate_sentences(folded, pattern, figures):
        near = figures[bisect_left(starts, start) : bisect_left(starts, end)] if in_order else figures
        inside = [f for f in near if start <= f.start < end and _checkable(f)]
        predicates = pattern.findall(folded, start, end)
        if not inside or not predicates:
            continue
        score = sum(weights[p] for p in set(predicates)) + min(len(inside), MAX_FIGURE_POINTS)
        score += 1 if bases.search(folded, start, end) else 0
        score += CHECK_POINTS * sum(1 for c in checks if start <= c.start < end)
        spans = tuple((f.start, f.end, f.text) for f in inside)
        found.append(Suggestion(start, end, float(score), spans))
    return sorted(found, key=lambda s: (-s.score, s.start))
