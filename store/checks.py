"""Checks: arithmetic an article states about its own figures, computed and judged.

A *check* is a relation the sentence itself states between figures — a plan,
an actual and a completion rate; two levels and a growth rate; a part, a total
and a share; parts and the total they sum to; a figure written 10,000× off its
siblings — with the figures it uses, the value printed, the value computed
(with its arithmetic in `explanation`) and a verdict:

- `consistent`: the printed value is the computed one rounded to its printed digits;
- `rounding`: off by truncation, by one unit of the last printed digit, or by
  what the rounding of the operands allows;
- `inconsistent`: further off than that;
- `cannot tell`: the relation is stated but an operand is missing or approximate.

No relation is guessed: the rules (in `check_rules`) only form one where the
sentence's own words (完成…计划的, 比上年增长, 占比, 其中 …) state it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from .figures import Figure
from .numerals import to_ascii
from .script import fold

VERDICTS = ("consistent", "rounding", "inconsistent", "cannot tell")
CHECK_KINDS = ("plan", "growth", "share", "sum", "magnitude", "percent_point")
_PRINTED = re.compile(r"([0-9][0-9,]*)(?:\.([0-9]+))?")
_APPROX_QUALIFIERS = frozenset(
    "约 近 超 逾 超过 不到 不足 不少于 不低于 不超过 不高于 不止 将近 接近 几近 大约 约为 至少 最多 突破 超出".split()
)
_APPROX_TAILS = ("余", "多", "以上", "以下", "左右", "以内", "上下", "来")


@dataclass(frozen=True)
class Check:
    """One stated relation between figures, computed and judged."""

    kind: str
    figures: tuple[tuple[int, int, str], ...]
    stated: float | None
    computed: float | None
    verdict: str
    explanation: str
    article_id: int | None = field(default=None, compare=False)

    @property
    def start(self) -> int:
        """Where the first figure it uses starts."""
        return min(f[0] for f in self.figures)

    @property
    def end(self) -> int:
        """Where the last figure it uses ends."""
        return max(f[1] for f in self.figures)

    def to_dict(self) -> dict:
        """The check as `hecha checks --json` prints it."""
        return {
            "article_id": self.article_id,
            "kind": self.kind,
            "figures": [{"start": s, "end": e, "text": t} for s, e, t in self.figures],
            "stated": self.stated,
            "computed": self.computed,
            "verdict": self.verdict,
            "explanation": self.explanation,
        }


# --------------------------------------------------------------- precision
@lru_cache(maxsize=4096)
def printed(figure: Figure) -> tuple[float, int, str] | None:
    """(number as printed, decimals printed, what follows it) of a figure written in digits."""
    text = to_ascii(figure.text)
    m = _PRINTED.search(text)
    if not m:
        return None
    return float(m.group(1).replace(",", "") + "." + (m.group(2) or "0")), len(m.group(2) or ""), text[m.end() :]


def magnitude(figure: Figure) -> float:
    """What one printed unit is worth in the figure's value: 1e8 for 亿元, 1 for %."""
    p = printed(figure)
    if p is None or not p[0] or figure.value is None:
        return 1.0
    ratio = abs(float(figure.value)) / p[0]
    return float(f"{ratio:.6g}")


def quantum(figure: Figure) -> float:
    """The value of one unit of the figure's last printed digit (0.1亿元 → 1e7)."""
    p = printed(figure)
    if p is None:
        return 0.0
    return magnitude(figure) * 10.0 ** -p[1]


def rounded_slack(figure: Figure) -> float:
    """Half a printed unit of a figure printed with decimals (integers are taken as exact)."""
    p = printed(figure)
    return quantum(figure) / 2 if p and p[1] else 0.0


def counted(figure: Figure) -> bool:
    """A whole count printed without decimals or 万/亿: it must add up exactly."""
    p = printed(figure)
    return p is not None and not p[1] and magnitude(figure) == 1.0


def approximate(figure: Figure) -> bool:
    """Whether the article gives the figure only roughly (约, 超过, 余, 以上 …)."""
    return (figure.qualifier in _APPROX_QUALIFIERS) or any(t in figure.text for t in _APPROX_TAILS)


def amount(figure: Figure) -> bool:
    """A level that arithmetic can use: a single value with a unit, not a percent."""
    return figure.kind in ("money", "measure", "quantity") and figure.value is not None and figure.low is None


def value_of(figure: Figure) -> float:
    """The value of a figure that has one (`amount` and `rate` figures do)."""
    if figure.value is None:
        raise ValueError(f"{figure.text!r} has no single value")
    return float(figure.value)


def rate(figure: Figure) -> bool:
    """A single percent value (%, 个百分点)."""
    return figure.kind == "percent" and figure.value is not None and figure.low is None


# --------------------------------------------------------------- verdicts
def judge(stated: float, computed: float, step: float, slack: float = 0.0) -> str:
    """consistent within half a printed unit, rounding within one unit or the operands' rounding."""
    diff = abs(computed - stated)
    eps = 1e-9 * max(1.0, abs(stated), abs(computed))
    if diff <= step / 2 + eps:
        return "consistent"
    if diff <= max(step, slack) + eps:
        return "rounding"
    return "inconsistent"


def judge_rough(verdict: str, operands: list[Figure]) -> str:
    """An `inconsistent` relation among approximate figures is only `cannot tell`."""
    if verdict == "inconsistent" and any(approximate(f) for f in operands):
        return "cannot tell"
    return verdict


def verdict_words(verdict: str, stated: str, computed: float, decimals: int) -> str:
    """A short reason for the verdict, saying how the printed value relates to the computed one."""
    exact = f"{computed:.{decimals + 2}f}".rstrip("0").rstrip(".")
    if verdict == "consistent":
        return f"printed {stated} agrees"
    if verdict == "rounding":
        rounded = f"{computed:.{decimals}f}"
        cut = f"{math.trunc(round(computed * 10**decimals, 6)) / 10**decimals:.{decimals}f}"
        if cut != rounded and cut in stated:
            return f"printed {stated} is {exact} truncated, not rounded (rounded: {rounded})"
        return f"printed {stated} is within rounding of {exact} (rounded: {rounded})"
    if verdict == "inconsistent":
        return f"printed {stated} does not match {exact}"
    return f"printed {stated}"


def like(value: float, figure: Figure, extra: int = 0) -> str:
    """`value` written the way `figure` is written: 6.87亿元 style, with `extra` more decimals."""
    p = printed(figure)
    if p is None:
        return f"{value:g}"
    return f"{value / magnitude(figure):,.{p[1] + extra}f}" + p[2]


def span(figure: Figure) -> tuple[int, int, str]:
    """The (start, end, text) a check records for a figure it uses."""
    return (figure.start, figure.end, figure.text)


# --------------------------------------------------------------- brackets
_OPEN, _CLOSE = "（(", "）)"


def bracket_of(text: str, start: int, pos: int) -> tuple[int, int] | None:
    """The (open, close) offsets of the bracket holding `pos` in a segment starting at `start`, or None.

    A figure in brackets (`建设项目27项（省级6项、市级5项）`) is an aside on the figure before
    the bracket: rules outside the bracket do not take it as their own operand.
    """
    if text.find("（", start, pos) < 0 and text.find("(", start, pos) < 0:
        return None
    depth, opened = 0, -1
    for i in range(pos - 1, start - 1, -1):
        c = text[i]
        if c in _CLOSE:
            depth += 1
        elif c in _OPEN:
            if depth == 0:
                opened = i
                break
            depth -= 1
    if opened < 0:
        return None
    close = next((i for i in range(pos, min(len(text), pos + 200)) if text[i] in _CLOSE), len(text))
    return opened, close


def same_aside(text: str, start: int, a: Figure, b: Figure) -> bool:
    """Whether two figures stand in the same bracket, or both outside any."""
    return bracket_of(text, start, a.start) == bracket_of(text, start, b.start)


# --------------------------------------------------------------- entry
_SEGMENT = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")


def segments(text: str) -> list[tuple[int, int]]:
    """Sentences, cut again at semicolons: each states its relations within itself.

    A plain cut at end marks (quotes are not kept whole as in `sentence_spans`):
    a relation is stated within one clause run, and this runs at import speed.
    """
    return [m.span() for m in _SEGMENT.finditer(text)]


def _may_relate(figures: list[Figure]) -> bool:
    """Whether a segment has what any rule needs: a rate and another figure, or three levels."""
    if len(figures) < 2:
        return False
    return any(rate(f) for f in figures) or sum(1 for f in figures if amount(f)) >= 3


def find_checks(text: str, figures: list[Figure], folded: str | None = None) -> list[Check]:
    """Every check the article states, in text order (`folded`: `fold(text)` if the caller has it)."""
    from .check_lists import bracket_checks
    from .check_rules import growth_checks, plan_checks
    from .check_totals import magnitude_checks, share_checks, share_list_checks, sum_checks

    rules = (growth_checks, share_list_checks, sum_checks, bracket_checks, magnitude_checks)
    folded = fold(text) if folded is None else folded
    found: list[Check] = []
    ordered = sorted(figures, key=lambda f: f.start)
    for start, end, inside, earlier in _spans_with_figures(segments(folded), ordered):
        if _may_relate(inside):
            found.extend(plan_checks(folded, start, end, inside, earlier))
            found.extend(share_checks(folded, start, end, inside, ordered))
            for rule in rules:
                found.extend(rule(folded, start, end, inside))
    found = _with_breakdowns(folded, ordered, found)
    return sorted(found, key=lambda c: (c.start, CHECK_KINDS.index(c.kind)))


_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")


def _spans_with_figures(spans: list[tuple[int, int]], ordered: list[Figure]):
    """(start, end, figures inside, figures of the span before) for each span, figures sorted by start."""
    i = 0
    previous: list[Figure] = []
    for start, end in spans:
        while i < len(ordered) and ordered[i].start < start:
            i += 1
        j = i
        while j < len(ordered) and ordered[j].start < end:
            j += 1
        inside = ordered[i:j]
        yield start, end, inside, previous
        previous = inside


def _with_breakdowns(text: str, ordered: list[Figure], found: list[Check]) -> list[Check]:
    """Add the sentence-wide part lists (`check_totals.breakdown_checks`); they replace a segment's
    shorter reading of the same total."""
    from .check_lists import breakdown_checks, opener

    wide: list[Check] = []
    openers = [m.start() for m in opener().finditer(text)]
    if not openers:
        return found
    spans = [m.span() for m in _SENTENCE.finditer(text)]
    for start, end, inside, earlier in _spans_with_figures(spans, ordered):
        if len(inside) >= 2 and bisect_left(openers, start) < bisect_left(openers, end):
            wide.extend(breakdown_checks(text, start, end, inside, earlier))
    totals = {c.figures[0] for c in wide}  # a breakdown's total comes before its parts
    kept = [c for c in found if c.kind != "sum" or c.figures[0] not in totals]
    seen = {c.figures for c in kept}
    return kept + [c for c in wide if c.figures not in seen]
