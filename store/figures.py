"""The figure rules: where an article states a number, what kind, and its value.

A *figure* (see FIGURES.md) is a number with what it counts or measures:
`18.7万平方米`, `3至6家`, `2022年1月至8月`, `第五`. One compiled regular
expression scans the text once; its alternatives are tried in order at each
position, so traps (programme names like 1+5+2, codes like RC14001, short
quoted labels like “五个一”) come first and swallow the digits they contain.
Each match is then checked and valued by a small function for its family.

The scan runs on an ASCII-digit copy of the text (`numerals.to_ascii` keeps
every offset), so full-width digits and raw or cleaned punctuation all work.
Regexes here never use `\\b` or `\\w` boundaries: Han characters are `\\w`.
The date patterns and their ISO form live in `dates`.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from decimal import Decimal

from . import numerals
from .dates import DATE, LUNAR, SEP, YEAR, YMD, date_iso, iso_point  # date_iso is also imported from here
from .numerals import Number, is_approximate, parse_number, plain
from .units import (  # noqa: F401  (QUALIFIERS, UNIT_KIND and qualifier_before are public here too)
    ARABIC_ONLY,
    UNITS,
    ASCII_UNITS,
    CURRENCY_PER,
    HALF_UNITS,
    ROUGH_UNITS,
    UNIT_NOT_BEFORE,
    QUALIFIERS,
    UNIT_KIND,
    alternation,
    qualifier_before,
)

EXTRACTOR_VERSION = "2"  # bump whenever a rule change alters any output
KINDS = ("percent", "money", "quantity", "measure", "date", "duration", "rank", "multiple", "number")


# The fields of a figure, in the order scripts see them (`hecha figures --batch`, CSV).
FIELDS = ("text", "start", "end", "kind", "value", "unit", "low", "high", "qualifier", "iso")


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: its span in the text, what it is, and its value."""

    start: int
    end: int
    text: str
    kind: str
    value: Number | None = None
    unit: str | None = None
    low: Number | None = None
    high: Number | None = None
    qualifier: str | None = None
    iso: str | None = None

    def to_dict(self) -> dict:
        """The figure as a plain dict, keys in the order text, start, end, kind, value, … iso."""
        data = asdict(self)
        return {key: data[key] for key in FIELDS}


# ------------------------------------------------------------- number pieces
_ARABIC = r"(?:[0-9]{1,3}(?:[,，][0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_MAG = r"(?:[十百千]?万亿|[十百千]?亿|[十百千]?万|千(?![米克瓦卡焦帕]))"
_NUM_A = rf"{_ARABIC}(?:[余多]?{_MAG})?"
_NUM_C = (
    r"(?:[数几上](?=[十百千万])|[一二三四五六七八九十百千万亿两])[零〇一二三四五六七八九十百千万亿两几]*"
    r"(?:点[零〇一二三四五六七八九]+)?"
)
_NUM = rf"(?:{_NUM_A}|{_NUM_C})"
_UNIT = (
    "(?:"
    + "|".join(
        re.escape(u) + (f"(?![{UNIT_NOT_BEFORE[u]}])" if u in UNIT_NOT_BEFORE else "")
        for u in sorted((u for units in UNITS.values() for u in units.split()), key=len, reverse=True)
    )
    + "|(?:"
    + alternation(ASCII_UNITS["measure"].split())
    + ")(?![A-Za-z])"
    + "|成(?![员本立为果功长熟就交型效都品分份绩年片套批群不])"
    + ")"
)
_PER = rf"(?P<per>/(?:{alternation(CURRENCY_PER)}))?"
_TAIL = r"(?:以上|以下|左右|以内|之内|上下(?![游级班车楼]))"

_QTY = (
    rf"(?P<n1>{_NUM})(?:(?P<u1>{_UNIT})?{SEP}(?P<n2>{_NUM}))?(?P<ap>[余多来])?"
    rf"(?:(?P<u>{_UNIT}){_PER}|(?<=[0-9万亿]))(?P<tail>{_TAIL})?"
)

# ----------------------------------------------------------------- traps
_IDIOMS = (
    "三番五次 三天两头 三年五载 四周 四处 四面 八方 五位一体 四位一体 三位一体 四套班子 三三两两 十年磨一剑 "
    "成千上万 四个全面 四个意识 四个自信 两个维护 两个确立 两个一百年 三个代表 八项规定 三严三实"
)
_NUMERAL_CHARS = "0-9零〇一二三四五六七八九十百千万亿两"
_TRAP = "|".join(
    [
        r"[0-9A-Za-z]+(?:\+[0-9A-Za-z]+)+",  # 1+5+2, 4+X, 1+1+X+N
        r"[A-Za-z][A-Za-z&]*[-_]?[0-9][0-9A-Za-z_#-]*",  # RC14001, M0, VR50, JLH1702-H01
        r"0[0-9]{2,3}-[0-9]{7,8}|1[3-9][0-9]{9}(?![0-9])|400-?[0-9]{3}-?[0-9]{4}",  # phones
        r"[0-9]+#",  # 1#楼
        rf"“(?=[^“”\n]{{1,10}}”)[^“”\n]*?[{_NUMERAL_CHARS}][^“”\n]*?”",  # “五个一”, “152”
        rf"‘(?=[^‘’\n]{{1,10}}’)[^‘’\n]*?[{_NUMERAL_CHARS}][^‘’\n]*?’",
        rf"「(?=[^「」\n]{{1,10}}」)[^「」\n]*?[{_NUMERAL_CHARS}][^「」\n]*?」",
        r"十[一二三四五六]五",  # 十四五
        r"[一二三四五六七八九十]+届[一二三四五六七八九十]+次",  # 一届三次会议
        alternation(_IDIOMS.split()),
    ]
)

_RANK = r"第(?:[0-9]+|[零〇一二三四五六七八九十百千两]+)(?:位|名|家)?"
_PERCENT = rf"[百千]分之(?:{_NUM_C}|{_ARABIC})|一半(?:{_TAIL})?"
_MULTIPLE = r"翻了?(?:[一两二三四五]番|番)"
_FRACTION = rf"[一二三四五六七八九十两]+分之{_NUM_C}"
_HALF = r"半(?:个多?(?:月|小时|钟头|世纪)|小时|天|年(?![度报刊]))"

# Every alternative starts with one of these; testing it first makes the scan skip
# ordinary text quickly (each named group otherwise defeats the engine's fast path).
_FIRST = r"[0-9A-Za-z“‘「〇零○一二三四五六七八九十百千万亿两数几上下前第正腊冬大翻半]"
_SCAN = re.compile(
    rf"(?={_FIRST})(?:(?P<trap>{_TRAP})|(?P<ymd>{YMD})|(?P<date>{DATE})|(?P<lunar>{LUNAR})|(?P<rank>{_RANK})"
    rf"|(?P<percent>{_PERCENT})|(?P<fraction>{_FRACTION})|(?P<multiple>{_MULTIPLE})|(?P<half>{_HALF})|(?P<qty>{_QTY}))"
)

_RANK_VERBS = frozenset("前进 上升 提升 跃升 攀升 下降 后退 前移 后移 进位".split())
_RANK_CUES = re.compile(
    r"(?:全国|全省|全市|全区|全县|全球|世界|全网|国内|省内|排名|排行|排在|排|列"
    r"|位居|位列|居|名列|稳居|跃居|升至|降至|位于|行业|同类)$"
)
_AFTER_RANK = frozenset("，。、；：！？,.;:!?）)」”’\n 的")
_YEAR_FOLLOWERS_NOT = frozenset("号期届次路#-.·/%〕]】")
_CN_DIGITS = frozenset("零〇一二三四五六七八九十百千万亿两")


# --------------------------------------------------------------- handlers
def _date(text: str, m: re.Match, start: int) -> Figure | None:
    """A calendar date or date range."""
    return Figure(start, m.end(), text[start : m.end()], "date", iso=date_iso(m.group()))


def _lunar(text: str, m: re.Match, start: int) -> Figure | None:
    """A lunar-calendar day (正月初七): a date with no ISO form."""
    return Figure(start, m.end(), text[start : m.end()], "date")


def _rank(text: str, m: re.Match, start: int) -> Figure | None:
    """第五, 第12位, 第一家 — only when the context says it is a place in an order."""
    body = m.group()
    has_unit = body[-1] in "位名家"
    digits = body[1:-1] if has_unit else body[1:]
    value = parse_number(digits)
    if value is None:
        return None
    if not has_unit:
        after = text[m.end()] if m.end() < len(text) else "\n"
        if not _RANK_CUES.search(text, max(0, start - 2), start):
            before = text[start - 1] if start else "\n"
            if after not in _AFTER_RANK or (after in "，,、" and before in "\n。；;：:“！？ ，,"):
                return None  # 第一医院, 第一时间, or the enumerator 第一，…
    return Figure(start, m.end(), text[start : m.end()], "rank", value)


def _percent(text: str, m: re.Match, start: int) -> Figure | None:
    """百分之五, 千分之三, 一半."""
    body = m.group()
    if body.startswith("一半"):
        value: Number | None = 50
        unit = "%"
    else:
        value = parse_number(body[3:])
        unit = "‰" if body.startswith("千") else "%"
    if value is None:
        return None
    qual = qualifier_before(text, start)
    return Figure(start, m.end(), text[start : m.end()], "percent", value, unit, qualifier=qual)


def _fraction(text: str, m: re.Match, start: int) -> Figure | None:
    """三分之一 → 33.33 (%): a share written as a fraction."""
    whole, _, part = m.group().partition("分之")
    denominator, numerator = parse_number(whole), parse_number(part)
    if not denominator or numerator is None:
        return None
    value = plain(round(Decimal(str(numerator)) * 100 / Decimal(str(denominator)), 2))
    qual = qualifier_before(text, start)
    return Figure(start, m.end(), text[start : m.end()], "percent", value, "%", qualifier=qual)


def _ymd(text: str, m: re.Match, start: int) -> Figure | None:
    """2024-03-18, 2024/3/18, 2024.3.18: a date written with separators."""
    y, mo, d = re.split(r"[-/.]", m.group())
    return Figure(start, m.end(), text[start : m.end()], "date", iso=iso_point(int(y), int(mo), int(d)))


def _multiple(text: str, m: re.Match, start: int) -> Figure | None:
    """翻一番 → 2, 翻两番 → 4."""
    times = parse_number(m.group().lstrip("翻了")[:-1] or "一")
    return Figure(start, m.end(), text[start : m.end()], "multiple", 2 ** (times or 1), "倍")


def _half(text: str, m: re.Match, start: int) -> Figure | None:
    """半天, 半年, 半个月: a duration of one half."""
    unit = m.group()[1:].replace("多", "")
    qual = qualifier_before(text, start)
    return Figure(start, m.end(), text[start : m.end()], "duration", 0.5, unit, qualifier=qual)


def _bare(text: str, m: re.Match, start: int, qual: str | None) -> Figure | None:
    """A number with no unit: 千亿, 年产10万, or a year written alone (2024“春风行动”)."""
    n1, n2 = m.group("n1"), m.group("n2")
    end = m.end()
    if n2:
        if re.fullmatch(YEAR, n1) and re.fullmatch(YEAR, n2):
            return Figure(start, end, text[start:end], "date", iso=f"{n1}/{n2}")
        return None
    value = parse_number(n1)
    if value is None:
        return None
    if n1[0] in _CN_DIGITS:
        if "亿" not in n1 or n1 == "亿":
            return None
        return Figure(start, end, text[start:end], "number", value, qualifier=qual)
    if n1[-1] in "万亿":
        return Figure(start, end, text[start:end], "number", value, qualifier=qual)
    after = text[end] if end < len(text) else " "
    if m.group("tail") or not re.fullmatch(YEAR, n1) or after in _YEAR_FOLLOWERS_NOT:
        return None
    if after.isascii() and after.isalnum():
        return None
    return Figure(start, end, text[start:end], "date", iso=n1)


def _chinese_ok(text: str, m: re.Match, unit: str, qual: str | None) -> bool:
    """Whether a Chinese numeral before `unit` is a count rather than a word (一个, 百年, 五个一)."""
    n1 = m.group("n1")
    if unit in ARABIC_ONLY:
        return False
    if m.end() < len(text) and text[m.end()] in _CN_DIGITS and not m.group("tail"):
        return False  # “五个一”, 两个一百年: a slogan, not a count
    if qual or m.group("ap") or m.group("n2") or is_approximate(n1):
        return True
    if n1 == "一":
        return unit in ("倍", "成") or "半" in unit
    return n1 not in ("百", "千", "万", "十万", "百万", "千万")


def _value(m: re.Match) -> tuple[Number | None, Number | None, Number | None]:
    """(value, low, high) of the number part; a range has only low and high."""
    n1, n2 = m.group("n1"), m.group("n2")
    if not n2:
        return parse_number(n1), None, None
    high = parse_number(n2)
    tail_mag = re.search(r"[十百千万亿]+$", n2) if n2[0].isdigit() else None
    if n1[0].isdigit() and n1[-1].isdigit() and tail_mag:
        n1 = n1 + tail_mag.group()  # 3至5万元 → 3万 to 5万
    return None, parse_number(n1), high


def _scaled(value: Number | None, factor: int, offset: float) -> Number | None:
    """value × factor + offset, exactly (三成 → 30, 1个半月 → 1.5)."""
    if value is None:
        return None
    return plain(Decimal(str(value)) * factor + Decimal(str(offset)))


def _qty(text: str, m: re.Match, start: int) -> Figure | None:
    """A number with its unit or classifier, a range, or a bare number."""
    qual = qualifier_before(text, start)
    unit = m.group("u")
    if unit is None:
        return _bare(text, m, start, qual)
    if m.group("n1")[0] not in "0123456789" and not _chinese_ok(text, m, unit, qual):
        return None
    value, low, high = _value(m)
    if value is None and low is None and not is_approximate(m.group("n1")):
        return None
    kind = UNIT_KIND.get(unit, "quantity")
    if unit == "位" and text[max(0, start - 2) : start] in _RANK_VERBS:
        kind, unit = "rank", None
    elif unit == "成":
        value, low, high = (_scaled(v, 10, 0) for v in (value, low, high))
        unit = "%"
    elif unit in HALF_UNITS:
        value, unit = _scaled(value, 1, 0.5), HALF_UNITS[unit]
    unit = ROUGH_UNITS.get(unit, unit) if unit else unit
    if unit and m.group("per"):
        unit += m.group("per")
    return Figure(start, m.end(), text[start : m.end()], kind, value, unit, low, high, qual)


_HANDLERS = {
    "ymd": _ymd, "date": _date, "lunar": _lunar, "rank": _rank, "percent": _percent,
    "fraction": _fraction, "multiple": _multiple, "half": _half, "qty": _qty,
}


def extract(text: str) -> list[Figure]:
    """Every figure in `text`, sorted by start and never overlapping."""
    scan = numerals.to_ascii(text)
    figures = []
    for m in _SCAN.finditer(scan):
        kind = m.lastgroup
        if kind == "trap":
            continue
        figure = _HANDLERS[kind](scan, m, m.start())
        if figure is not None:
            if scan is not text:
                figure = _with_text(figure, text)
            figures.append(figure)
    return figures


def _with_text(figure: Figure, text: str) -> Figure:
    """The figure with its span text taken from the original (full-width) text."""
    return replace(figure, text=text[figure.start : figure.end])
