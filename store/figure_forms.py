"""Figure rules for numbers written in words or symbols: 百分之五, 三分之一, 翻一番, 半年, 3:2, 2400x1080.

Also the first of several numbers that share one unit (`8+256GB`, `199/249元`,
`提高8和15.4个百分点`): each number before the unit is a bare `number`.
Handlers take the folded text, their match in `figure_patterns.SCAN` and the
scan's `Context`; None lets the scan try the plain number rule instead.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .dates import TIME_WORDS
from .figure_model import Figure
from .numerals import Number, parse_number, plain
from .units import qualifier_before


def _fig(ctx, m: re.Match, kind: str, value: Number | None = None, unit: str | None = None, **more) -> list[Figure]:
    """One figure over the whole match, its text as written, with the qualifier before it."""
    qual = qualifier_before(ctx.text, m.start())
    return [Figure(m.start(), m.end(), ctx.orig[m.start() : m.end()], kind, value, unit, qualifier=qual, **more)]


def percent(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """百分之五, 千分之三, 百分之十三点八六, 一半."""
    body = m.group()
    if body.startswith("一半"):
        return _fig(ctx, m, "percent", 50, "%")
    number = body[3 : len(body) - len(m.group("ptail") or "")]
    value = parse_number(number, pairs=True)
    if value is None:
        return None
    return _fig(ctx, m, "percent", value, "‰" if body.startswith("千") else "%")


def fraction(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """三分之一 → 33.33 (%): a share written as a fraction."""
    whole, _, part = m.group().partition("分之")
    denominator, numerator = parse_number(whole), parse_number(part)
    if not denominator or numerator is None:
        return None
    value = plain(round(Decimal(str(numerator)) * 100 / Decimal(str(denominator)), 2))
    return _fig(ctx, m, "percent", value, "%")


def slash_fraction(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """1/3 → 33.33 (%): a share written with a slash, the numerator below the denominator."""
    numerator, denominator = (int(part) for part in m.group().split("/"))
    if numerator >= denominator:
        return None  # 24/7, 5/3: not a share
    value = plain(round(Decimal(numerator) * 100 / Decimal(denominator), 2))
    return _fig(ctx, m, "percent", value, "%")


def multiple(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """翻一番 → 2, 翻两番 → 4."""
    times = parse_number(m.group().lstrip("翻了")[:-1] or "一")
    return _fig(ctx, m, "multiple", 2 ** (times or 1), "倍")


def half(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """半天, 半年, 半个月: a duration of one half."""
    return _fig(ctx, m, "duration", 0.5, m.group()[1:].replace("多", ""))


def shared(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """The 8 of 8+256GB, the 199 of 199/249元: a number whose unit comes after the next one."""
    value = parse_number(m.group())
    return None if value is None else _fig(ctx, m, "number", value)


def size(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """2400x1080: a resolution or size, one measure without a single value."""
    return _fig(ctx, m, "measure")


_SCORE_BEFORE = re.compile(r"(?:以|比分|总比分|比分为|比分是|战成|打成|踢成|握手言和)$")
_SCORE_AFTER = re.compile(
    r"(?:的比分|的总比分)?(?:战胜|击败|胜|负|取胜|获胜|力克|险胜|逆转|赢|输|落败|打败|淘汰|横扫|大胜|完胜|告负|憾负|不敌|拿下|收场|结束|战平|打平|逼平)"
)
_TIME_BEFORE = re.compile("(?:" + "|".join(TIME_WORDS) + r"|今天|明天|昨天|每天|每日|当天|次日|北京时间|时间|于|在|从|截至)$")
_TIME_AFTER = re.compile(r"[开起前后左许举至到~-]")


def score(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """6:1 (a score), 7.1:38.6:54.3 (shares: a multiple), 08:30 (a time), 3比2 with a match around it."""
    body = m.group()
    if "比" in body:
        start = m.start()
        if _SCORE_BEFORE.search(text, max(0, start - 5), start) or _SCORE_AFTER.match(text, m.end()):
            return _fig(ctx, m, "number")
        return None
    parts = body.split(":")
    if len(parts) == 2 and _is_clock(text, m, parts):
        return _fig(ctx, m, "date")
    if len(parts) > 2 or "." in body:
        return _fig(ctx, m, "multiple")
    return _fig(ctx, m, "number")


def _is_clock(text: str, m: re.Match, parts: list[str]) -> bool:
    """08:30, 下午3:15, 20:00开始: a time of day rather than a score."""
    hour, minute = parts
    if "." in hour or len(minute) != 2 or int(hour) > 24 or int(minute) > 59:
        return False
    if minute[0] == "0" or len(hour) == 2 and hour[0] == "0":
        return True
    start = m.start()
    return bool(_TIME_BEFORE.search(text, max(0, start - 4), start) or _TIME_AFTER.match(text, m.end()))
