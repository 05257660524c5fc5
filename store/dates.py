"""Dates in Chinese text: the patterns the figure scan uses for them, and their ISO form.

Split out of `figures` to keep that module to the figure rules. This module
knows nothing of `Figure`: it gives regex pieces (YEAR, DATE, LUNAR, YMD, SEP)
for `figures` to build its scan from, and `date_iso`/`iso_point` to turn a
matched date (2022年1月至8月, 一季度, 二〇二四年三月) into ISO 8601 text.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from . import numerals
from .numerals import parse_chinese_integer

# The separator of a range (3至5, 2021-2025); figures uses it for number ranges too.
SEP = r"(?:至|到|~|-|—{1,2}|–|〜)"

YEAR = r"(?:1[89]|2[01])[0-9]{2}"
_M = r"(?:1[0-2]|0?[1-9])"
_D = r"(?:3[01]|[12][0-9]|0?[1-9])"
_QTR = r"(?:第?[一二三四1-4]季度|第[一二三四1-4]季(?![节赛军])|[前首][一二三1-3]季度?(?![节赛军])|[上下]半年)"
_MPART = r"(?:上旬|中旬|下旬|初(?![步期心衷])|底|末(?![端梢期])|尾(?![声款数巴]))"
_S = " ?"  # a space may stand inside a date written with spaces around its digits (1 月 5 日)
_MD = rf"{_M}{_S}月(?:份|{_S}{_D}{_S}[日号]|{_MPART})?"
_PT = rf"(?:{YEAR}{_S}年(?:度|{_S}{_MD}|{_QTR}|底|末(?![端期])|初(?![步期心衷中]))?|{_QTR}|{_MD}|{_D}{_S}日)"
_MC = r"(?:十[一二]?|[一二三四五六七八九])"
_DC = (
    r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
)
DATE = (
    rf"{YEAR}年{_M}{SEP}{_M}月|(?:{YEAR}年)?{_M}月{_D}{SEP}{_D}日"  # 2022年1-8月, 4月15至16日
    rf"|{_PT}(?:{_S}{SEP}(?:次年|翌年|来年)?{_S}{_PT})?|(?:{YEAR}|{_M}|{_D}){SEP}{_PT}"
    rf"|[〇零○一二三四五六七八九]{{4}}年(?:{_MC}月(?:{_DC}[日号])?)?"
    rf"|{_MC}月{_DC}日?{SEP}{_DC}日|(?<=月){_DC}{SEP}{_DC}日"  # 十月六日至十二日, 本月十九至二十五日
    rf"|{_MC}月(?:{_DC}[日号]|份|[上中下]旬|(?![革花雪亮光饼球牙儿天之里间一二三四五六七八九十]))"
    r"|(?:二十|廿|三十|卅)[一二三四五六七八九]?日|十[一二三四五六七八九]日"
    r"|(?<![^,，。；;:：\n月])(?:3[01]|[12][0-9]|[1-9])号(?=[,，]|凌晨|早上|上午|中午|下午|傍晚|晚上|夜间|当天|起)"  # 21号，…: a day
)

# Times of day: 下午3时, 晚上8点半, 零时17分, 15:30. The word before the hour says morning or evening.
TIME_WORDS = (
    "凌晨 清晨 早晨 早上 上午 中午 午间 下午 傍晚 晚上 晚间 夜间 夜里 深夜 午夜 今晨 今早 今晚 昨晚 明晚 当晚 晚 早"
).split()
_TIME_WORD = "(?:" + "|".join(sorted(TIME_WORDS, key=len, reverse=True)) + ")"
_PM_WORDS = frozenset("下午 傍晚 晚上 晚间 夜间 夜里 今晚 昨晚 明晚 当晚 晚".split())
_HOUR = r"(?:[0-9]{1,2}|[零〇一二三四五六七八九十两]{1,3})"
_MINUTE = r"(?:[0-9]{1,2}|[零〇一二三四五六七八九十]{1,4})"
CLOCK = rf"{_HOUR}(?:时(?![期代间候刻节段速装尚效针差局事光空髦而常任])|点(?!钟?[0-9]))(?:{_MINUTE}分(?!钟)|半|整)?(?:{_MINUTE}秒)?"
COLON_TIME = r"[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?(?![0-9])"
TIME_AFTER_DATE = rf"(?: ?{_TIME_WORD}?{CLOCK}(?:许)?| ?T?{COLON_TIME})"
_CLOCK_PARTS = re.compile(rf"(?P<word>{_TIME_WORD})?(?P<h>{_HOUR})[时点:](?P<rest>.*)")
LUNAR = (
    rf"(?:[正腊冬]月|{_MC}月(?=初))(?:初[一二三四五六七八九十]|十[一二三四五六七八九]"
    r"|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)|大年初[一二三四五六七八九十]"
    r"|(?<=[日号][(（])初[一二三四五六七八九十](?=[)）])"  # 2月18日（初一）: the lunar day beside a date
)
YMD = rf"{YEAR}(?P<ymdsep>[-/.]){_M}(?P=ymdsep){_D}(?![0-9])"

_DATE_TOKEN = re.compile(
    r"(?P<part>上旬|中旬|下旬|初|底|末|尾)"
    r"|(?P<q>第?[一二三四1-4]季度?|[前首][一二三1-3]季度?|[上下]半年)|(?P<sep>至|到|~|-|—{1,2}|–|〜)"
    r"|(?P<num>[0-9]+|[〇零○一二三四五六七八九十廿卅]+) ?(?P<unit>年度?|月份?|[日号])?"
)
_QUARTER_MONTHS = {"上半年": (1, 6), "下半年": (7, 12)}


def _int_of(text: str) -> int | None:
    """ASCII or Chinese digits of a date part as an int."""
    return int(text) if text.isascii() else parse_chinese_integer(text)


def _quarter(text: str) -> tuple[int, int]:
    """一季度 → (1, 3); 前三季度 → (1, 9); 上半年 → (1, 6)."""
    if text in _QUARTER_MONTHS:
        return _QUARTER_MONTHS[text]
    digit = text.strip("第前首季度")  # 第四季 (Taiwan) is 第四季度
    n = int(digit) if digit.isascii() else parse_chinese_integer(digit) or 1
    return (1, 3 * n) if text.startswith(("前", "首")) else (3 * n - 2, 3 * n)


def _date_parts(text: str) -> list[dict]:
    """Split a date expression into its points: [{'y': 2022, 'm': 1}, {'m': 8}]."""
    parts: list[dict] = [{}]
    for tok in _DATE_TOKEN.finditer(text):
        if tok.group("part"):
            parts[-1]["part"] = tok.group("part")
        elif tok.group("sep"):
            parts.append({})
        elif tok.group("q"):
            parts[-1]["q"] = _quarter(tok.group("q"))
        else:
            field = {"年": "y", "月": "m", "日": "d", "号": "d"}.get((tok.group("unit") or "?")[0], "bare")
            parts[-1][field] = _int_of(tok.group("num"))
    return parts


def iso_point(y: int | None, m: int | None, d: int | None) -> str:
    """ISO text for a point: 2024-03-18, 2024-03, 2024, --03-18, --03, ---18."""
    if y is not None:
        return f"{y:04d}" + (f"-{m:02d}" if m else "") + (f"-{d:02d}" if m and d else "")
    if m is not None:
        return f"--{m:02d}" + (f"-{d:02d}" if d else "")
    return f"---{d:02d}" if d else ""


_TENDAYS = {
    "上旬": (1, 10),
    "初": (1, 10),
    "中旬": (11, 20),
    "下旬": (21, 0),
    "底": (21, 0),
    "末": (21, 0),
    "尾": (21, 0),
}


def _part_iso(point: dict) -> str | None:
    """1998年底 → 1998-12, 年初 → -01; 2月尾 → --02-21/--02-28, 十月中旬 → --10-11/--10-20."""
    part, y, m = point["part"], point.get("y"), point.get("m")
    if m is None:
        return iso_point(y, 12 if part in "底末" else 1, None) if y and part in "底末初" else None
    first, last = _TENDAYS[part]
    if not last:
        last = calendar.monthrange(y or 2001, m)[1]  # a year-less February has 28 days
    return f"{iso_point(y, m, first)}/{iso_point(y, m, last)}"


def clock(text: str) -> tuple[int, int] | None:
    """(hour, minute) of a time of day: 下午3时 → (15, 0), 零时17分 → (0, 17), 08:30 → (8, 30)."""
    match = _CLOCK_PARTS.search(numerals.to_ascii(text))
    if not match:
        return None
    hour = _int_of(match.group("h"))
    rest = match.group("rest")
    digits = re.match(r"[0-9]*|[〇零一二三四五六七八九十]*", rest)  # the pattern matches any text, if only empty
    minute = 30 if rest.startswith("半") else _int_of((digits.group() if digits else "") or "0")
    if hour is None or minute is None or hour > 24 or minute > 59:
        return None
    word = match.group("word") or ""
    if (word in _PM_WORDS and hour < 12) or (word == "中午" and hour < 11):
        hour += 12
    return hour, minute


@lru_cache(maxsize=8192)
def date_iso(text: str) -> str | None:
    """ISO text for a date expression; a range as 'start/end'; None if unreadable."""
    parts = _date_parts(numerals.to_ascii(text))
    first = parts[0]
    if len(parts) == 1:
        if "part" in first:
            return _part_iso(first)
        if "q" in first:
            m1, m2 = first["q"]
            return f"{iso_point(first.get('y'), m1, None)}/{iso_point(first.get('y'), m2, None)}"
        return iso_point(first.get("y"), first.get("m"), first.get("d")) or None
    second = parts[1]
    if "bare" in first:  # 1至11月, 15至16日, 2021-2025年, 2022年1-8月
        field = next((f for f in "dmy" if f in second), "y")
        higher = {k: v for k, v in second.items() if k in "ymd" and "ymd".index(k) < "ymd".index(field)}
        first = {**higher, **{k: v for k, v in first.items() if k != "bare"}, field: first["bare"]}
    for field, inherit in (("d", "m"), ("m", "y"), ("d", "y")):
        if field in second and inherit not in second and inherit in first:
            second = {**second, inherit: first[inherit]}
    start = iso_point(first.get("y"), first.get("m"), first.get("d"))
    end = iso_point(second.get("y"), second.get("m"), second.get("d"))
    return f"{start}/{end}" if start and end else None
