"""Whether a numeral and the unit after it make a figure here: the context tests of `figures.qty`.

A Chinese numeral before some units is a word (十分, 一个, 百年); 级 grades only wind,
quakes or waves; A is a current only near electrical words; 一年 is a length of time
only after a word that measures one. Split out of `figures` to keep it to the rules.
"""

from __future__ import annotations

import re

from .figure_patterns import CN_DIGITS
from .numerals import is_approximate
from .units import ARABIC_ONLY, unit_of

CN = frozenset(CN_DIGITS)
DURATION_CUE = re.compile(
    r"(?:期限|为期|历时|用时|耗时|休市|停市|停牌|停课|停工|停业|延长|推迟|延迟|缩短|提前|相隔|间隔|时隔|长达|只用|仅用|用了|花了"
    r"|徒刑|刑期|增加|过去|未来|最近)$"
)
DURATION_AFTER = re.compile(r"(?:前|后|以来|之前|之后)")  # 一个月前: a length of time counted back
CHANGE_BEFORE = re.compile(r"涨|跌|升|降|下调|上调|调低|调高|加息|减息|贬|回落|反弹|回升|下滑|攀升|减少|增加|扩大|缩小")
TEMP_NEAR = re.compile(r"摄氏|华氏|气温|温度|高温|低温")
CLAUSE_END = re.compile(r"[,，。;；:：!！?？\n]")
GRADE_BEFORE = re.compile(r"[风震浪]")
GRADE_AFTER = re.compile(
    r"(?:[和或、到至](?:阵风)?[0-9一二三四五六七八九十~\-—至到]{1,5}级)?"
    r"(?:(?:[东南西北偏]{1,3}(?:至|转)[东南西北偏]{1,3}|[东南西北偏]{0,3})大?风(?!圈|暴风|半径)|阵风|大风|地震|强震|余震|浪)"
)
ELECTRIC_CUE = re.compile(r"[0-9.]+ ?[VW](?![A-Za-z])|电流|充电|快充|闪充|伏|瓦|适配器")
INDEX_NEAR = re.compile(r"指数|恒指|成指|综指|国指|沪指|深指|大市|大盘|台股|加权|点位|高位|低位|关口|大关")
FEW = frozenset("两三四五六七八九")
POINTS_BEFORE = re.compile(r"(?:少|多|领先|落后|相差|差|拉开|净胜)$")


def chinese_ok(text: str, m: re.Match, unit: str, qual: str | None) -> bool:
    """Whether a Chinese numeral before `unit` is a count rather than a word (一个, 百年, 五个一)."""
    n1 = m.group("n1")
    if unit in ARABIC_ONLY:
        if unit == "分" and len(n1) >= 2 and n1 != "十二" and "." not in n1:
            return True  # 二十一分: points (十分 and 十二分 are "very")
        if unit == "分" and n1 in FEW and POINTS_BEFORE.search(text, max(0, m.start() - 3), m.start()):
            return True  # 少两分, 领先三分: points in a league table
        if unit == "点" and len(n1) >= 2 and CHANGE_BEFORE.search(text, max(0, m.start() - 2), m.start()):
            return True  # 跌九十点: index points written in words
        if unit == "点" and ("点" in n1 or (len(n1) >= 2 and INDEX_NEAR.search(clause_before(text, m.start())))):
            return True  # 二百二十四点六六点, 指数站上三万五千点: index points in words
        if unit == "度" and TEMP_NEAR.search(clause_before(text, m.start())):
            return True  # 气温偏高摄氏一至三度: degrees written in words
        return "." in n1 and unit in ("分", "点", "度")  # 五.九分: digit-by-digit with a point
    if m.end() < len(text) and text[m.end()] in CN and not m.group("tail") and unit not in "金银铜":
        return False  # “五个一”, 两个一百年: a slogan, not a count (九金五银 is two counts)
    if unit == "金" and n1 == "五":
        return False  # 五金: hardware
    if qual or m.group("ap") or m.group("n2") or m.group("tail") or is_approximate(n1) or m.group("neg"):
        return True
    if n1 == "一":
        info = unit_of(unit)
        if info and info.kind == "money":
            return True
        if info and info.kind == "duration" and DURATION_CUE.search(text, max(0, m.start() - 4), m.start()):
            return True
        if info and info.kind == "duration" and unit != "天" and DURATION_AFTER.match(text, m.end()):
            return True
        return unit in ("倍", "成") or "半" in unit
    return n1 not in ("百", "千", "万", "十万", "百万", "千万")


def clause_before(text: str, start: int) -> str:
    """The part of the clause before `start`, at most 16 characters."""
    window = text[max(0, start - 16) : start]
    ends = [m.end() for m in CLAUSE_END.finditer(window)]
    return window[ends[-1] if ends else 0 :]


def cue_ok(unit: str, text: str, start: int, unit_end: int) -> bool:
    """级 grades wind, quakes or waves only when one of them is named around it; A is a current near V, W, 充电."""
    if unit == "A":
        return bool(ELECTRIC_CUE.search(text, max(0, start - 12), min(len(text), unit_end + 12)))
    if GRADE_AFTER.match(text, unit_end):
        return True
    if text.startswith(("风圈", "风暴风", "风半径"), unit_end):
        return False
    return bool(GRADE_BEFORE.search(text, max(0, start - 8), start)) or "风力" in clause_before(text, start)
