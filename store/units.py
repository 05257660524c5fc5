"""Units and qualifiers: the words after a number that say what it counts, and before it that hedge it.

The units, classifiers and currencies live in one data table, `data/units.tsv`:
each written form (simplified, traditional, symbol, English) with its kind,
dimension, scale and where it may stand (after any numeral, only after digits,
only with a cue nearby, or before the number as a currency sign). This module
loads the table and builds the regex pieces `figures` scans with; text is
folded to simplified, half-width characters first, so each form is folded too.
`qualifier_before` finds 约, 超过, 不到 … standing right before a figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .script import fold


@dataclass(frozen=True, slots=True)
class Unit:
    """One written form of a unit and what the table says about it."""

    form: str
    unit: str
    kind: str
    dimension: str
    scale: float
    after: str  # any | arabic | cue | prefix
    not_before: str


@lru_cache(maxsize=1)
def table() -> tuple[Unit, ...]:
    """Every row of `data/units.tsv`, one `Unit` per written form, forms folded."""
    text = files("hecha.store").joinpath("data/units.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        unit, kind, dimension, scale, after, forms, not_before = (line.split("\t") + [""] * 7)[:7]
        for form in dict.fromkeys([unit, *forms.split()]):
            rows.append(Unit(fold(form), unit, kind, dimension, float(scale), after, fold(not_before)))
    return tuple(rows)


def alternation(words: list[str], guards: dict[str, str] | None = None) -> str:
    """A regex matching any of `words`, the longest first, each followed by its guard (if any).

    Built as a trie (大(?:卡|…)), so the engine compares one character per
    branch instead of trying hundreds of words one after another.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = (guards or {}).get(word, "")
    return _trie(trie)


# The characters units most often start with, tried first (the engine tries branches in order).
_COMMON = "%元个年万亿人家名项条次件天月日吨亩平米公台倍户所位批座种只套辆份场"


def _trie(node: dict) -> str:
    """The regex of one trie node: longer continuations first, then the word ending here."""
    ordered = sorted((char for char in node if char), key=lambda c: (_COMMON.find(c) % 1000, c))
    branches = [re.escape(char) + _trie(node[char]) for char in ordered]
    if "" in node:
        branches.append(node[""])
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _suffix_forms() -> dict[str, Unit]:
    """Form → Unit for units written after the number (the first row of a form wins)."""
    forms: dict[str, Unit] = {}
    for row in table():
        if row.after != "prefix":
            forms.setdefault(row.form, row)
    return forms


SUFFIX = _suffix_forms()
PREFIX = {row.form: row for row in table() if row.after == "prefix"}
UNIT_KIND = {form: row.kind for form, row in SUFFIX.items()}
# After a Chinese numeral these are words, not units: 十分, 百度, 五四路, 三门峡, 两头.
ARABIC_ONLY = frozenset(form for form, row in SUFFIX.items() if row.after == "arabic") | {"号", "期"}
# Units that count only when the context names what they grade (风力7级, 8级地震).
CUE_ONLY = frozenset(form for form, row in SUFFIX.items() if row.after == "cue")
# 个半月, 年半, 公里半: a whole number and a half of the unit written without 半.
HALF_UNITS = {form: form.replace("半", "") for form in SUFFIX if "半" in form}
ROUGH_UNITS = {"个多月": "个月", "个多小时": "个小时"}
# What may stand after a slash to make a rate: 元/平方米, 米/秒, 纳克/毫升, 公里/小时.
CURRENCY_PER = (
    "平方米 平米 平方英尺 呎 方呎 坪 吨 人 人次 户 年 月 天 日 亩 公斤 千克 斤 件 小时 时 分钟 秒 股 千瓦时 度 台 辆 "
    "米 公里 kWh km h s 升 毫升 分升 立方米 克 千克 kg 盒 片 瓶 张 次 晚 间 份 支 粒 d mL ml dL L m2 m² 平方米"
).split()


def _guard(form: str, row: Unit) -> str:
    """What must not follow a form: the table's not-before characters, a letter after a Latin symbol."""
    pattern = ""
    if row.not_before:
        pattern += f"(?![{re.escape(row.not_before)}])"
    if form[-1].isascii() and form[-1].isalpha():
        pattern += "(?![A-Za-z])"
    return pattern


def unit_pattern() -> str:
    """The alternation of every suffix form, longest first, with its not-before guard."""
    return "(?:" + alternation(list(SUFFIX), {form: _guard(form, row) for form, row in SUFFIX.items()}) + ")"


def prefix_pattern() -> str:
    """The alternation of currency signs and names written before a number."""
    return "(?:" + alternation(list(PREFIX)) + ")"


def unit_of(form: str) -> Unit | None:
    """The table row of a suffix form, if any."""
    return SUFFIX.get(form)


# ------------------------------------------------------------- qualifiers
QUALIFIERS = (
    "约 近 超 逾 达 仅 超过 不到 不足 不少于 不低于 不超过 不高于 不止 达到 突破 将近 接近 几近 大约 约为 "
    "高达 多达 长达 至少 最多 最高 最低 仅有 只有 超出 满 不满 未满 约合 相当于 大于 小于 高于 低于 多于 少于 ≥ ≤ > <"
).split()
_QUALIFIER = re.compile(rf"(?:{alternation(QUALIFIERS)})$")
# A single-character qualifier that is really the end of a word: 签约, 最近, 到达.
_NOT_QUALIFIER = {
    "约": "签合节制履特预违公邀相践盟条",
    "近": "最附邻靠临就亲",
    "达": "到抵传表下发通直送转雷",
    "超": "赶高",
    "仅": "不",
    "满": "圆充美饱布丰爆客占装",
}


_QUALIFIER_ENDS = frozenset(word[-1] for word in QUALIFIERS)


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifying word (约, 超过, 不到 …) standing right before `start`, if any."""
    if not start or text[start - 1] not in _QUALIFIER_ENDS:
        return None
    match = _QUALIFIER.search(text, max(0, start - 3), start)
    if not match:
        return None
    word = match.group()
    before = text[match.start() - 1] if match.start() else ""
    if word in _NOT_QUALIFIER and before and before in _NOT_QUALIFIER[word]:
        return None
    return word
