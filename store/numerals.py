"""Turning the ways Chinese text writes a number into a plain value.

News copy mixes ASCII digits, full-width digits (１２), thousands separators,
Chinese numerals (三千五百万, 两百, 十四) and hybrids (3.5万, 1.2万亿). The
figure rules in `store.figures` find where a number is; this module says what
it is worth. Everything here is a pure function over short strings, and values
are computed with `Decimal` so that 18.7万 is exactly 187000, not 186999.99….
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

Number = int | float

# Full-width forms that map one-to-one onto ASCII, so offsets never move.
_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)}
_FULL_WIDTH.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FULL_WIDTH.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FULL_WIDTH.update({"％": "%", "．": ".", "＋": "+", "－": "-", "～": "~", "＃": "#", "／": "/"})
_FULL_WIDTH["·"] = "."  # ２７９·５: a middle dot between digits is a decimal point (People's Daily, 1990s)
ASCII_TABLE = str.maketrans(_FULL_WIDTH)
_NEEDS_ASCII = re.compile("[" + "".join(_FULL_WIDTH) + "]")

DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
TENS = {"廿": "二十", "卅": "三十", "卌": "四十"}  # 廿 = 20, 卅 = 30, 卌 = 40
MAX_DIGITS = 40  # longer runs of digits are not read as one number (a code, a table rule, noise)
MAGNITUDES = {**SMALL_UNITS, **BIG_UNITS, "兆": 10**12}  # 兆: a trillion in Taiwan (一兆二千億)
APPROXIMATE = frozenset("数几上余多来")

_ARABIC = re.compile(r"[0-9]+(?:[,，][0-9]{3})*(?:\.[0-9]+)?")


def to_ascii(text: str) -> str:
    """Full-width digits, letters and number punctuation as ASCII; same length."""
    if not _NEEDS_ASCII.search(text):
        return text
    return text.translate(ASCII_TABLE)


def plain(value: Decimal) -> Number:
    """A Decimal as an int when it is whole, else as a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def parse_arabic(text: str) -> Number | None:
    """'1,200.5' or '１２' → its value; None if it is not a plain decimal number."""
    text = to_ascii(text.strip()).replace(" ", "")  # 1,300 万: a space before the magnitude
    if not _ARABIC.fullmatch(text):
        return None
    return plain(Decimal(text.replace(",", "").replace("，", "")))


def magnitude(text: str) -> int | None:
    """The factor of a run of magnitude characters: 万 → 10⁴, 万亿 → 10¹², 千万 → 10⁷."""
    factor = 1
    for char in text:
        if char not in MAGNITUDES:
            return None
        factor *= MAGNITUDES[char]
    return factor


def _digit_string(text: str, pairs: bool = False) -> int | None:
    """二〇二一 → 2021: a run of digit characters read digit by digit.

    Two digits side by side (五四, 一一) are a name or a slip unless `pairs`
    says the context (a percent, an amount of money) makes them a number.
    """
    if "两" in text or len(text) > MAX_DIGITS or not all(c in DIGITS for c in text):
        return None
    if len(text) < 3 and not any(DIGITS[c] == 0 for c in text):
        if not pairs or len(text) < 2 or DIGITS[text[1]] == DIGITS[text[0]] + 1:
            return None  # 三四 as "three or four" is a rough amount, never 34
    return int("".join(str(DIGITS[c]) for c in text))


class _Reader:
    """State for reading a positional Chinese numeral left to right."""

    def __init__(self) -> None:
        self.big = 0  # the part counted in 亿
        self.wan = 0  # the part counted in 万
        self.section = 0  # the part below 万
        self.digit: int | None = None
        self.last_unit = 0  # the last unit seen, for 三千五 = 3500
        self.smallest = 10_000  # small units must fall within a section
        self.zero = False

    def feed_digit(self, value: int, is_zero: bool) -> bool:
        """A digit; two digits in a row (五四) are not a number."""
        if is_zero:
            if self.digit is not None:
                return False
            self.zero = True
            return True
        if self.digit is not None:
            return False
        self.digit = value
        return True

    def feed_small(self, unit: int) -> bool:
        """十 百 千: multiply the pending digit (一 if none) into the section."""
        if unit >= self.smallest:
            return False
        self.section += (1 if self.digit is None else self.digit) * unit
        self.smallest, self.last_unit = unit, unit
        self.digit, self.zero = None, False
        return True

    def feed_big(self, unit: int) -> bool:
        """万 亿: close the current section at that scale."""
        part = self.section + (self.digit or 0)
        if unit == 10_000:
            if self.wan or (self.big and not part):
                return False
            self.wan = (part or 1) * unit
        else:
            if self.big:
                return False
            self.big = ((self.wan + part) or 1) * unit
            self.wan = 0
        self.section, self.digit, self.zero = 0, None, False
        self.smallest, self.last_unit = 10_000, unit
        return True

    def total(self) -> int:
        """The value read so far; a trailing digit after a unit scales down (三千五)."""
        tail = self.digit or 0
        if tail and self.last_unit >= 100 and not self.zero:
            tail *= self.last_unit // 10
        return self.big + self.wan + self.section + tail


def parse_chinese_integer(text: str, pairs: bool = False) -> int | None:
    """三千五百万 → 35000000, 两百 → 200, 十四 → 14, 二〇二一 → 2021, 卅五 → 35; None if malformed."""
    if not text or len(text) > MAX_DIGITS:
        return None
    as_digits = _digit_string(text, pairs)
    if as_digits is not None:
        return as_digits
    for old, new in TENS.items():
        text = text.replace(old, new)
    if "兆" in text:  # 一兆二千亿 = 1 × 10¹² + 2000 × 10⁸
        high, _, low = text.partition("兆")
        top = parse_chinese_integer(high or "一")
        rest = parse_chinese_integer(low) if low else 0
        return None if top is None or rest is None or rest >= 10**12 else top * 10**12 + rest
    reader = _Reader()
    for char in text:
        if char in DIGITS:
            ok = reader.feed_digit(DIGITS[char], DIGITS[char] == 0)
        elif char in SMALL_UNITS:
            ok = reader.feed_small(SMALL_UNITS[char])
        elif char in BIG_UNITS:
            ok = reader.feed_big(BIG_UNITS[char])
        else:
            ok = False
        if not ok:
            return None
    return reader.total()


def parse_chinese(text: str, pairs: bool = False) -> Number | None:
    """A Chinese numeral, with an optional 点 (or written-point) fraction: 三点五 → 3.5, 三四.九九八 → 34.998."""
    whole, dot, fraction = text.replace(".", "点").partition("点")
    if dot and len(whole) > 1 and all(c in DIGITS and c != "两" for c in whole):
        integer: int | None = int("".join(str(DIGITS[c]) for c in whole))  # 三四.九九八: digit by digit
    else:
        integer = parse_chinese_integer(whole, pairs)
    if integer is None or not dot:
        return integer
    factor = 1
    while fraction and fraction[-1] in BIG_UNITS:  # 十九点八八亿: the magnitude after the fraction
        factor *= BIG_UNITS[fraction[-1]]
        fraction = fraction[:-1]
    if not fraction or not all(c in DIGITS and c != "两" for c in fraction):
        return None
    digits = "".join(str(DIGITS[c]) for c in fraction)
    return plain(Decimal(f"{integer}.{digits}") * factor)


def _split_arabic(text: str) -> tuple[str, str]:
    """'3.5万' → ('3.5', '万'): the leading ASCII number and what follows."""
    match = _ARABIC.match(text)
    if not match:
        return "", text
    return match.group(), text[match.end() :]


@lru_cache(maxsize=8192)
def parse_number(text: str, pairs: bool = False) -> Number | None:
    """Any number string: '1,200', '１２', '3.5万', '1.2万亿', '100多万', '3万多亿', '三千五百万'.

    Returns None for malformed text, for runs of more than MAX_DIGITS digits
    and for approximations that have no single value (数十, 几百, 上千, 十几).
    `pairs` reads two Chinese digits side by side as a number (二五% → 25).
    """
    if text.isdigit() and text.isascii() and len(text) <= MAX_DIGITS:
        return int(text)  # the common case, fast
    text = to_ascii(text.strip()).replace(" ", "")  # 1,300 万: a space before the magnitude
    if not text or "数" in text or "几" in text or "上" in text:
        return None
    head, rest = _split_arabic(text)
    if not head:
        return parse_chinese(text.replace("余", "").replace("多", ""), pairs)
    if len(head) > MAX_DIGITS and sum(c.isdigit() for c in head) > MAX_DIGITS:
        return None
    if rest[:1] == "万" and rest[1:5].isdigit() and head.isdigit() and (len(rest) == 5 or rest[5] == "."):
        try:
            return plain(Decimal(head) * 10_000 + Decimal(rest[1:]))  # 2万4990 → 24990, 3萬1746.08
        except InvalidOperation:  # pragma: no cover - the pattern lets only decimals through
            return None
    if rest[:1] == "兆" and rest.endswith("亿") and head.replace(",", "").isdigit():
        try:  # 78兆9,450.05億 (Taiwan): 兆 is 10¹², 億 10⁸
            return plain(Decimal(head.replace(",", "")) * 10**12 + Decimal(rest[1:-1].replace(",", "")) * 10**8)
        except InvalidOperation:
            return None
    if rest:
        rest = rest.replace("余", "").replace("多", "").lstrip("来")
    factor = magnitude(rest)
    if factor is None:
        return None
    head = head.replace(",", "").replace("，", "")
    if head.isdigit():
        return int(head) * factor
    try:
        return plain(Decimal(head) * factor)
    except InvalidOperation:  # pragma: no cover - _ARABIC only lets decimals through
        return None


ROUGH_PAIRS = frozenset("一二 二三 两三 三四 四五 五六 六七 七八 八九 三五".split())


def is_approximate(text: str) -> bool:
    """True when the number names a rough amount: 数十, 几百, 上千, 十几, 6000余, 70多, 三四, 二三十."""
    return any(c in APPROXIMATE for c in text) or text.rstrip("十百千万亿")[:2] in ROUGH_PAIRS
