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
from .numerals import ROUGH_PAIRS, Number, parse_number, plain
from .units import qualifier_before, unit_pattern

_UNIT_AFTER = re.compile(f" ?(?:{unit_pattern()})")


def _fig(ctx, m: re.Match, kind: str, value: Number | None = None, unit: str | None = None, **more) -> list[Figure]:
    """One figure over the whole match, its text as written, with the qualifier before it."""
    qual = qualifier_before(ctx.text, m.start())
    return [Figure(m.start(), m.end(), ctx.orig[m.start() : m.end()], kind, value, unit, qualifier=qual, **more)]


def percent(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """百分之五, 千分之三, 百分之十三点八六, 一半."""
    body = m.group()
    if body.startswith("一半"):
        return _fig(ctx, m, "percent", 50, "%")
    unit = "‰" if body.startswith("千") else "%"
    number = body[3 : len(body) - len(m.group("ptail") or "") - len(m.group("prange") or "")]
    value = parse_number(number, pairs=True)
    if value is None:
        return None
    if m.group("prange"):  # 百分之60至95: a range of shares
        high = parse_number(re.sub(r"^(?:至|到|~|-|〜)(?:[百千]分之)?", "", m.group("prange")), pairs=True)
        if high is None:
            return None
        return _fig(ctx, m, "percent", None, unit, low=min(value, high), high=max(value, high))
    return _fig(ctx, m, "percent", value, unit)


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


def days(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """过去三日 → 3 日, 未来十一至十四日 → 11 to 14 日: days counted in words (三日 alone is a day of the month)."""
    first, sep, last = (
        re.split("([至到])", m.group()[:-1]) if re.search("[至到]", m.group()) else ("", "", m.group()[:-1])
    )
    value = parse_number(last)
    if value is None:
        return None
    if sep:
        low = parse_number(first)
        return None if low is None else _fig(ctx, m, "duration", None, "日", low=min(low, value), high=max(low, value))
    return _fig(ctx, m, "duration", value, "日")


def half(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """半天, 半年, 半个月: a duration of one half; 半成 (half of a tenth): 5%."""
    if m.group() == "半成":
        return _fig(ctx, m, "percent", 5, "%")
    return _fig(ctx, m, "duration", 0.5, m.group()[1:].replace("多", ""))


def shared(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """The 8 of 8+256GB, the 199 of 199/249元: a number whose unit comes after the next one."""
    value = parse_number(m.group())
    return None if value is None else _fig(ctx, m, "number", value)


def size(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """2400x1080: a resolution or size, one measure without a single value."""
    return _fig(ctx, m, "measure")


_SCORE_BEFORE = re.compile(r"(?:以|比分|总比分|比分为|比分是|战成|打成|踢成|握手言和|打出|打出了|一波|轰出) ?[:：]? ?$")
_SCORE_RUN = re.compile(r"(?:[0-9]{1,3}(?:-|:|比)[0-9]{1,3} ?[、,，] ?)+$")  # 37-28、28-24、…: a list of scores
_ONLY_BEHIND = re.compile(r"只(?:比|落后|领先|差)")  # 以94-90只比对手落后4分: 只 is "only" here
_SCORE_TIE = re.compile(r"平(?![方米均台稳衡安价])|的(?:高潮|攻势|比分|小高潮|进攻波)|领先|落后")
_SCORE_AFTER = re.compile(
    r"(?:的比分|的总比分)?(?:战胜|击败|胜|负|取胜|获胜|力克|险胜|逆转|赢|输|落败|打败|淘汰|横扫|大胜|完胜|告负|憾负|不敌|拿下|收场|结束|战平|打平|逼平)"
)
_TIME_BEFORE = re.compile(
    "(?:" + "|".join(TIME_WORDS) + r"|今天|明天|昨天|每天|每日|当天|次日|北京时间|时间|于|在|从|截至)$"
)
_TIME_AFTER = re.compile(r"[开起前后左许举至到~-]")


def score(text: str, m: re.Match, ctx) -> list[Figure] | None:
    """6:1 (a score), 7.1:38.6:54.3 (shares: a multiple), 08:30 (a time), 3比2 with a match around it."""
    body = m.group()
    if "比" in body or "-" in body:
        start = m.start()
        if (
            "-" in body
            and not _ONLY_BEHIND.match(text, m.end())
            and (not text.startswith(tuple("平的领落"), m.end()) and _UNIT_AFTER.match(text, m.end()))
        ):
            return None  # 以3-5人: a range of a count, not a score
        if _score_cue(text, start) or _SCORE_AFTER.match(text, m.end()):
            return _fig(ctx, m, "number")
        if "-" in body and _SCORE_TIE.match(text, m.end()):
            return _fig(ctx, m, "number")  # 99-99平, 12-0的高潮
        return None
    parts = body.split(":")
    if len(parts) == 2 and _is_clock(text, m, parts):
        return _fig(ctx, m, "date")
    if len(parts) > 2 or "." in body:
        return _fig(ctx, m, "multiple")
    return _fig(ctx, m, "number")


def _score_cue(text: str, start: int) -> bool:
    """Whether a score cue (以, 比分:) stands right before `start`, or before a list of scores ending there."""
    run = _SCORE_RUN.search(text, max(0, start - 60), start)
    cut = run.start() if run else start
    return bool(_SCORE_BEFORE.search(text, max(0, cut - 7), cut))


def _is_clock(text: str, m: re.Match, parts: list[str]) -> bool:
    """08:30, 下午3:15, 20:00开始: a time of day rather than a score."""
    hour, minute = parts
    if "." in hour or len(minute) != 2 or int(hour) > 24 or int(minute) > 59:
        return False
    if minute[0] == "0" or (len(hour) == 2 and hour[0] == "0"):
        return True
    start = m.start()
    return bool(_TIME_BEFORE.search(text, max(0, start - 4), start) or _TIME_AFTER.match(text, m.end()))


# ------------------------------------------------ numbers without a unit
_LEVEL_BEFORE = frozenset("报至于为达到是得比值数")
_COUNT_VERB = re.compile(
    r"(?:收|收治|接收|接诊|接待|容纳|收容|招收|招聘|录取|培训|救治|安置|转移|疏散|撤离|动员|派出|出动|投入|雇用|雇佣"
    r"|裁减|裁员|吸纳|带动|惠及|救出|救起|解救|抓获|拘留|逮捕|资助|帮扶)了?$"
)
_DIGIT_CHARS = frozenset("零〇○一二三四五六七八九")


def stated_level(text: str, start: int, end: int) -> bool:
    """A decimal stated after a word (指数报321.3, 风险比0.73, 升至189.6), not a version or a section number."""
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    if not "\u4e00" <= before <= "\u9fff" or (after.isascii() and (after.isalnum() or after == ".")):
        return False
    if text.endswith(".0", start, end) and before not in _LEVEL_BEFORE:
        return False  # 工业4.0, 互联网2.0: a version named by its number
    return before in _LEVEL_BEFORE or not (after.isalnum() or "\u4e00" <= after <= "\u9fff")


_STAT_LABEL = re.compile(
    r"(?:HR|OR|RR|IRR|aHR|aOR|CI|风险比|比值比|危险比|优势比|相对危险度|相对风险|置信区间|可信区间)[ =:为是]{0,3}$"
)
_LEVEL_WORD = re.compile(r"(?:收报|报收|低见|高见|最低见|最高见|低见至|高见至)$")


def stat_or_level(text: str, start: int, n1: str) -> bool:
    """HR 0.82, 95%CI 0.71-0.95 (a ratio and its interval); 低见18,365 (a market level with no unit)."""
    if "." in n1 and _STAT_LABEL.search(text, max(0, start - 8), start):
        return True
    return ("," in n1 or len(n1) >= 4) and bool(_LEVEL_WORD.search(text, max(0, start - 4), start))


_PLACE_BEFORE = re.compile(r"(?:排|排名|位列|名列|列)$")
_PLACE_AFTER = frozenset("，。；、,.;)）\n")


def league_place(text: str, start: int, end: int, n1: str) -> bool:
    """盧頓以15場9分排17: a place in a table written without 第."""
    after = text[end] if end < len(text) else "\n"
    return (
        n1.isdigit()
        and len(n1) <= 3
        and after in _PLACE_AFTER
        and bool(_PLACE_BEFORE.search(text, max(0, start - 2), start))
    )


def counted_noun(text: str, start: int, end: int, n1: str) -> bool:
    """收1000病人, 疏散3000群众: a count of a noun with no classifier, after a verb that counts people or things."""
    after = text[end] if end < len(text) else "\n"
    if not "\u4e00" <= after <= "\u9fff" or not n1.replace(",", "").isdigit():
        return False
    return bool(_COUNT_VERB.search(text, max(0, start - 3), start))


def chinese_bare(n1: str) -> Number | None:
    """The value of a Chinese numeral standing alone, when it is plainly a statistic.

    Amounts in 亿 (逾九亿), and numbers written digit by digit with a point or a
    zero (一二九.九, 一三○: exchange-rate levels) are; other bare numerals are words.
    """
    if ("亿" in n1 and n1 != "亿") or ("万" in n1 and (len(n1) >= 3 or n1[-1] in "多余")):
        return parse_number(n1)  # 逾九亿, 七千多万
    digits = n1.replace(".", "")
    if digits and all(c in _DIGIT_CHARS for c in digits) and len(digits) >= 3:
        if "." in n1 or any(c in "零〇○" for c in digits):
            return parse_number(n1, pairs=True)
    return None


# ------------------------------------------------ rough amounts and pieces
_MAGNITUDES = frozenset("十 百 千 万 十万 百万 千万 亿".split())


def rough_pair(n1: str) -> tuple[Number | None, Number | None]:
    """三四 → (3, 4), 二三十 → (20, 30): two neighbouring numerals as the range they name."""
    pair, rest = n1[:2], n1[2:]
    if len(n1) < 2 or pair not in ROUGH_PAIRS or (rest and rest not in _MAGNITUDES):
        return None, None
    return parse_number(pair[0] + rest), parse_number(pair[1] + rest)


_YUAN_AFTER = frozenset("钱一二三四五六七八九十两半多")


def counts_pieces(text: str, m: re.Match) -> bool:
    """块 counts pieces before a noun (4块金牌, 3块地) or among medals (多出19块 after 金牌), yuan otherwise."""
    after = text[m.end()] if m.end() < len(text) else "\n"
    if "\u4e00" <= after <= "\u9fff" and after not in _YUAN_AFTER:
        return True
    return "牌" in text[max(0, m.start() - 15) : m.start()]
