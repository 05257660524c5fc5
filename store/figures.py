"""The figure rules: where an article states a number, what kind, and its value.

A *figure* (see FIGURES.md) is a number with what it counts or measures:
`18.7万平方米`, `3至6家`, `2022年1月至8月`, `第五`, `HK$3,800`, `-3.5%`.
The text is folded first (`script.fold`: traditional → simplified, full-width →
half-width, one character for one), so every offset found is an offset into the
original and each rule is written once. One compiled regular expression
(`figure_patterns.SCAN`) then scans the folded text once; each match is checked
and valued by a small function for its family: the number with its unit here,
dates, times, ranks, scores and the other forms in `figure_rules`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import figure_forms as forms
from . import figure_rules as rules
from .dates import YEAR, date_iso  # noqa: F401  (date_iso is public here too)
from .figure_context import CHANGE_BEFORE, CLAUSE_END, CN, GRADE_AFTER, INDEX_NEAR, chinese_ok, cue_ok
from .figure_model import EXTRACTOR_VERSION, FIELDS, KINDS, Figure  # noqa: F401
from .figure_patterns import QTY_ONLY, SCAN
from .numerals import Number, is_approximate, parse_number, plain
from .script import fold
from .units import (  # noqa: F401  (QUALIFIERS, UNIT_KIND and qualifier_before are public here too)
    ARABIC_ONLY,
    CUE_ONLY,
    HALF_UNITS,
    QUALIFIERS,
    ROUGH_UNITS,
    UNIT_KIND,
    qualifier_before,
    unit_of,
)

_YEAR_FOLLOWERS_NOT = frozenset("号期届次路#-.·/%〕]】)")
_RANK_VERBS = frozenset("前进 上升 提升 跃升 攀升 下降 后退 前移 后移 进位".split())
_LEVEL_SEP = re.compile(r" ?[至到]")  # 涨1.1%至3% reads as a change and a level; 5℃~8℃ stays a range
_RANGE_CUE = re.compile(r"同比|环比|按年|按季|按月|按周|预期|预计|料")  # 预期按季减少10%至12%: a forecast range
_MARKET_CUE = re.compile(r"指|收|报|涨|跌|升|降|盘|站|失守|回落|反弹|大关")


def _signed(value: Number | None, negative: bool) -> Number | None:
    """The value with its written sign (-, −, 负, 零下) applied."""
    return -value if negative and value is not None else value


def _values(m: re.Match, pairs: bool) -> tuple[Number | None, Number | None, Number | None]:
    """(value, low, high) of the number part; a range has only low and high, low ≤ high."""
    n1, n2, neg = m.group("n1", "n2", "neg")
    if not n2:
        value = parse_number(n1, pairs)
        return (-value if neg and value is not None else value), None, None
    high = _signed(parse_number(n2, pairs), bool(m.group("neg2")))
    tail_mag = re.search(r"[十百千万亿]+$", n2) if n2[0].isdigit() else None
    if n1[0].isdigit() and n1[-1].isdigit() and tail_mag:
        n1 = n1 + tail_mag.group()  # 3至5万元 → 3万 to 5万
    low = _signed(parse_number(n1, pairs), bool(m.group("neg")))
    if low is not None and high is not None and low > high:
        low, high = high, low  # 60%~40% → 40 to 60
    return None, low, high


def _scaled(value: Number | None, factor: int, offset: float) -> Number | None:
    """value × factor + offset, exactly (三成 → 30, 1个半月 → 1.5)."""
    if value is None:
        return None
    return plain(Decimal(str(value)) * factor + Decimal(str(offset)))


def _without_unit(text: str, m: re.Match, ctx: rules.Context) -> list[Figure] | None:
    """The number alone when what follows it is not its unit here (千亿级产业 → 千亿)."""
    bare = QTY_ONLY.match(text, m.start(), m.end("n1"))
    return _bare(text, bare, qualifier_before(text, m.start()), ctx) if bare and not bare.group("u") else None


def _kind_and_unit(text: str, m: re.Match, unit: str) -> tuple[str, str | None]:
    """The kind a unit makes here, and the unit to report."""
    kind = UNIT_KIND.get(unit, "quantity")
    if unit == "位":
        start = m.start()
        if text[max(0, start - 2) : start] in _RANK_VERBS:
            return "rank", None
    elif unit == "块" and forms.counts_pieces(text, m):
        return "quantity", unit  # 4块金牌, 3块地: pieces, not yuan
    elif unit == "点" and not _MARKET_CUE.search(text, max(0, m.start() - 12), m.start()):
        if not INDEX_NEAR.search(text, max(0, m.start() - 40), m.start()) and not text.startswith(
            ("大关", "关口"), m.end()
        ):
            return "quantity", unit  # 3点建议: items, not index points
    return kind, unit


_SPECIAL_UNITS = frozenset({"成", "位", "点", "块", *HALF_UNITS, *ROUGH_UNITS, *CUE_ONLY})


def qty(text: str, m: re.Match, ctx: rules.Context) -> list[Figure] | None:
    """A number with its unit, classifier or currency sign, a range, or a bare number."""
    u, n1, n2, neg, per = m.group("u", "n1", "n2", "neg", "per")
    if (
        u is not None
        and n2 is None
        and neg is None
        and per is None
        and n1[0] <= "9"
        and u not in _SPECIAL_UNITS
        and (m.group("cur") is None or UNIT_KIND.get(u) != "quantity")
    ):
        return _plain(text, m, ctx, u, n1)  # the common case: 2900亿元, 7.7%, 310个
    start = m.start()
    qual = qualifier_before(text, start)
    unit, ur, u1, n1 = m.group("u", "ur", "u1", "n1")
    unit = unit or ur
    if (
        u1
        and _changes(text, start)
        and _LEVEL_SEP.match(text, m.end("u1"))
        and not _RANGE_CUE.search(text, max(0, start - 10), start)
    ):
        return _change_to(text, m, ctx)  # 下调0.125厘至5.75厘: a change and the level it reached
    if unit is None:
        if m.group("cur"):
            return _priced(ctx, m, qual)
        return _bare(text, m, qual, ctx)
    if n1[0] not in "0123456789" and not chinese_ok(text, m, unit, qual):
        return _without_unit(text, m, ctx)
    if unit in CUE_ONLY and not (
        cue_ok(unit, text, start, m.end("u") if m.group("u") else m.end("ur"))
        or (m.group("tail") and GRADE_AFTER.match(text, m.end()))
    ):
        return _without_unit(text, m, ctx)
    kind, unit_out = _kind_and_unit(text, m, unit)
    if kind == "quantity" and m.group("cur"):
        priced = QTY_ONLY.match(text, m.start(), m.end("n2") if m.group("n2") else m.end("n1"))
        if priced and priced.group("cur") and not priced.group("u"):
            return _priced(ctx, priced, qual)  # NT$21,990起: a price "from", not 21,990 cases
    value, low, high = _values(m, kind == "percent" or kind == "money" or "." in n1)
    if value is None and low is None and high is None:
        if not is_approximate(n1):
            return None
        low, high = forms.rough_pair(n1)
    if unit == "成":
        value, low, high = (_scaled(v, 10, 0) for v in (value, low, high))
        unit_out = "%"
    elif unit in HALF_UNITS:
        value, unit_out = _scaled(value, 1, 0.5), HALF_UNITS[unit]
    elif unit_out in ROUGH_UNITS:
        unit_out = ROUGH_UNITS[unit_out]
    per = m.group("per")
    if unit_out and per:
        unit_out += per.replace(" ", "")
    end = m.end()
    return [Figure(start, end, ctx.orig[start:end], kind, value, unit_out, low, high, qual)]


def _plain(text: str, m: re.Match, ctx: rules.Context, unit: str, n1: str) -> list[Figure] | None:
    """Digits and a unit with nothing special about them, valued quickly."""
    kind = UNIT_KIND.get(unit, "quantity")
    value = parse_number(n1, kind == "percent" or kind == "money" or "." in n1)
    if value is None:
        return None
    start, end = m.start(), m.end()
    return [Figure(start, end, ctx.orig[start:end], kind, value, unit, None, None, qualifier_before(text, start))]


def _changes(text: str, start: int) -> bool:
    """Whether a verb of change (涨, 下调, 回落…) stands earlier in the clause, close before `start`."""
    window = text[max(0, start - 8) : start]
    ends = [m.end() for m in CLAUSE_END.finditer(window)]
    return bool(CHANGE_BEFORE.search(window, ends[-1] if ends else 0))


def _change_to(text: str, m: re.Match, ctx: rules.Context) -> list[Figure] | None:
    """涨1.1%至3%: two figures, the change and the level, not one range."""
    first = QTY_ONLY.match(text, m.start(), m.end("u1"))
    second = QTY_ONLY.match(text, m.start("neg2") if m.group("neg2") else m.start("n2"))
    found = []
    for part in (first, second):
        if part and not part.group("u1"):
            found += qty(text, part, ctx) or []
    return found or None


def _priced(ctx: rules.Context, m: re.Match, qual: str | None) -> list[Figure] | None:
    """HK$3,800, US$1.2亿, ¥99: money written with a sign or currency name before it."""
    value, low, high = _values(m, True)
    if value is None and low is None:
        return None
    unit = m.group("cur")
    return [Figure(m.start(), m.end(), ctx.orig[m.start() : m.end()], "money", value, unit, low, high, qual)]


def _bare(text: str, m: re.Match, qual: str | None, ctx: rules.Context) -> list[Figure] | None:
    """A number with no unit: 千亿, 200多 (病人), a table cell, or a year written alone (2024“春风行动”)."""
    n1, n2 = m.group("n1"), m.group("n2")
    start, end = m.start(), m.end()
    span = ctx.orig[start:end]
    if n2:
        if re.fullmatch(YEAR, n1) and re.fullmatch(YEAR, n2):
            return [Figure(start, end, span, "date", iso=f"{n1}/{n2}")]
        if ("." in n1 or "." in n2) and (forms.stated_level(text, start, end) or forms.stat_or_level(text, start, n1)):
            _, low, high = _values(m, False)
            return [Figure(start, end, span, "number", None, None, low, high, qual)]
        return None
    negative = bool(m.group("neg"))
    if n1[0] in CN:
        value = forms.chinese_bare(n1)
        return None if value is None else [Figure(start, end, span, "number", _signed(value, negative), qualifier=qual)]
    value = _signed(parse_number(n1), negative)
    if value is None:
        return None
    after = text[end] if end < len(text) else " "
    if n1[-1] in "万亿" or (m.group("ap") and "\u4e00" <= after <= "\u9fff"):
        return [Figure(start, end, span, "number", value, qualifier=qual)]
    if ctx.table_cell(start, end):
        return [Figure(start, end, span, "number", value)]
    if ("." in n1 and forms.stated_level(text, start, end)) or forms.stat_or_level(text, start, n1):
        return [Figure(start, end, span, "number", value, qualifier=qual)]
    if forms.league_place(text, start, end, n1):
        return [Figure(start, end, span, "rank", value)]
    if forms.counted_noun(text, start, end, n1):
        return [Figure(start, end, span, "number", value, qualifier=qual)]
    if m.group("tail") or negative or not re.fullmatch(YEAR, n1) or after in _YEAR_FOLLOWERS_NOT:
        return None
    if after.isascii() and after.isalnum():
        return None
    return [Figure(start, end, span, "date", iso=n1)]


_HANDLERS = {"qty": qty, **rules.HANDLERS}


def extract(text: str, folded: str | None = None) -> list[Figure]:
    """Every figure in `text`, sorted by start and never overlapping (`folded`: `fold(text)`, if at hand)."""
    scan = fold(text) if folded is None else folded
    ctx = rules.Context(scan, text)
    figures: list[Figure] = []
    covered = 0  # the end of the last figure: a match starting before it is inside it
    for m in SCAN.finditer(scan):
        kind = m.lastgroup or ""
        if kind == "trap" or kind == "trap_n" or m.start() < covered:
            continue
        found = _HANDLERS[kind](scan, m, ctx)
        if not found and kind != "qty" and kind != "shared":
            fallback = QTY_ONLY.match(scan, m.start())
            found = qty(scan, fallback, ctx) if fallback else None
        if found:
            figures.extend(found)
            covered = found[-1].end
    if scan != text:  # qualifiers as written (約, 達), not as folded
        figures = [_written_qualifier(f, text) if f.qualifier else f for f in figures]
    return figures


def _written_qualifier(figure: Figure, text: str) -> Figure:
    """The figure with its qualifier taken from the original text (it ends where the figure starts)."""
    return figure._replace(qualifier=text[figure.start - len(figure.qualifier or "") : figure.start])
