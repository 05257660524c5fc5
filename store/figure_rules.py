"""Figure rules for every form but the plain number with its unit (that one is in `figures`).

Dates with their times, eras and weekdays, clock times, ranks, compound
durations and marks, sizes, scores and ratios, percentages written in words,
fractions, multiples, halves, and the first of numbers sharing one unit. Each
handler takes the folded text, the match of its alternative in
`figure_patterns.SCAN` and a `Context`, and returns figures or None (then the
scan tries the plain number rule at the same place).
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal

from .dates import DATE, TIME_AFTER_DATE, TIME_WORDS, clock, date_iso, iso_point
from .figure_model import Figure
from .figure_patterns import CN_DIGITS
from .numerals import Number, parse_number, plain
from .units import qualifier_before, unit_of

_DATE_ONLY = re.compile(DATE)
_TIME = re.compile(TIME_AFTER_DATE)
_TABLE_ROW = re.compile(r"\t|\||\S {2,}\S")
_CELL_EDGE = frozenset("\t| ")


class Context:
    """What handlers may ask about the whole text, computed once per text."""

    def __init__(self, text: str, orig: str | None = None) -> None:
        self.text = text  # folded, what the rules read
        self.orig = text if orig is None else orig  # as written, for the span texts
        self._newlines: list[int] | None = None
        self._rows: dict[int, bool] = {}

    def _line(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line holding `pos`."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        i = bisect.bisect_left(self._newlines, pos)
        start = self._newlines[i - 1] + 1 if i else 0
        end = self._newlines[i] if i < len(self._newlines) else len(self.text)
        return start, end

    def table_cell(self, start: int, end: int) -> bool:
        """Whether text[start:end] fills a cell of a table row (cells split by tabs, bars or wide spaces)."""
        line_start, line_end = self._line(start)
        if line_start not in self._rows:
            self._rows[line_start] = bool(_TABLE_ROW.search(self.text, line_start, line_end))
        if not self._rows[line_start]:
            return False
        before = self.text[start - 1] if start > line_start else "\t"
        after = self.text[end] if end < line_end else "\t"
        return before in _CELL_EDGE and after in _CELL_EDGE


def _fig(
    ctx: Context, m: re.Match, kind: str, value: Number | None = None, unit: str | None = None, **more
) -> list[Figure]:
    """One figure over the whole match, its text as written."""
    return [Figure(m.start(), m.end(), ctx.orig[m.start() : m.end()], kind, value, unit, **more)]


# ------------------------------------------------------------------ dates
_DAYS_CUE = re.compile(r"(?:关键|首|头|前|后|最后|近|连续|这|那|过去|每|隔|短短|仅|用了|花了|历时|为期|一连)$")


def date(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """A calendar date or date range, with a time of day fused to it (6月1日下午3时)."""
    day = _DATE_ONLY.match(text, m.start())
    date_end = day.end() if day else m.end()
    body = text[m.start() : date_end]
    if re.fullmatch(r"[0-9]{1,2}日", body) and date_end == m.end():
        if _DAYS_CUE.search(text, max(0, m.start() - 2), m.start()):
            return _fig(ctx, m, "duration", int(body[:-1]), "日", qualifier=qualifier_before(text, m.start()))
    if date_end == m.end():
        return _fig(ctx, m, "date", iso=date_iso(body))
    return _fig(ctx, m, "date", iso=_with_times(text[m.start() : m.end()]))


def _with_times(span: str) -> str | None:
    """ISO of dates with times: 6月1日下午3时 → --06-01T15:00; 20日20时至21日20时 → ---20T20:00/---21T20:00."""
    times = list(_TIME.finditer(span))
    dates = _TIME.sub("", span).rstrip("至到~-—–〜 ")
    iso = date_iso(dates)
    if not iso:
        return None
    points = iso.split("/")
    if len(times) == 2 and len(points) == 1:
        points = [points[0], points[0]]  # 8月5日8时至14时: one day, two times
    if len(points) != len(times):
        return iso
    stamped = []
    for point, time in zip(points, times):
        hm = clock(time.group().strip(" T"))
        stamped.append(point + (f"T{hm[0]:02d}:{hm[1]:02d}" if hm else ""))
    return "/".join(stamped)


def ymd(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """2024-03-18, 2024/3/18, 2024.3.18, with a time after it (2023-04-05 08:30)."""
    body, _, time = m.group().replace("T", " ").partition(" ")
    y, mo, d = re.split(r"[-/.]", body)
    iso = iso_point(int(y), int(mo), int(d))
    hm = clock(time) if time else None
    return _fig(ctx, m, "date", iso=iso + (f"T{hm[0]:02d}:{hm[1]:02d}" if hm else ""))


def no_iso_date(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """A date with no ISO form: 正月初七, 周五, 二十世纪, 90年代末."""
    return _fig(ctx, m, "date")


def paren_day(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """今（15）日 → （15）日, ---15: a day of the month written in brackets after 今 or 昨 (a time may follow)."""
    day, _, _ = m.group().partition("日")
    if len(day) + 1 < len(m.group()):
        return _fig(ctx, m, "date", iso=_with_times(re.sub(r"[(（)）]", "", m.group())))
    return _fig(ctx, m, "date", iso=f"---{int(re.sub(r'[^0-9]', '', day)):02d}")


def roc_date(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """民国93年7月 → 2004-07: Taiwan's calendar counts years from 1912."""
    year = parse_number(m.group("rocy") or m.group("rocy3"), pairs=True)
    if not year or year > 200:
        return None
    md = m.group("rocmd") or m.group("rocmd3")
    rest = date_iso(md) if md else None
    iso = f"{int(year) + 1911:04d}" + (rest[1:] if rest and rest.startswith("--") else "")
    return _fig(ctx, m, "date", iso=iso)


def head_months(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """今年头2个月 → 头2个月, --01/--02: the first months of a year."""
    n = parse_number(m.group("hm"))
    if not n or n > 12:
        return None
    return _fig(ctx, m, "date", iso=f"--01/--{int(n):02d}")


_CLOCK_CUE_BEFORE = re.compile(
    "(?:" + "|".join(TIME_WORDS) + r"|今天|明天|昨天|每天|每日|当天|次日|北京时间|时间|于|在|从|到|至|截至|约)$"
)
_DECIMAL_AFTER = re.compile(r"[零〇○一二三四五六七八九]+(?:[万亿]|点(?![钟半整]))")
_CLOCK_CUE_AFTER = re.compile(r"[0-9零一二三四五六七八九十]+分|半|整|钟|前|后|起|开始|左右|许|至|到|-|~")


def time_of_day(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """A clock time alone (零时17分, 下午4时11分 → 4时11分, 晚上8点 → 8点): a date without ISO form."""
    body = m.group()
    cue = _CLOCK_CUE_BEFORE.search(text, max(0, m.start() - 4), m.start())
    hm = clock(body)
    if hm is None or (body.endswith("点") and _DECIMAL_AFTER.match(text, m.end())):
        return None  # 十二点五亿元: a decimal written in words, not a time
    if ("点" in body or body.startswith(("一时", "两时"))) and not cue:
        if not ("分" in body or _CLOCK_CUE_AFTER.match(text, m.end())):
            return None  # 3点建议, 22点 (index points), 一时 (for a moment)
    return _fig(ctx, m, "date")


# ------------------------------------------------------------------ ranks
_RANK_CLASSIFIERS = frozenset(
    "位 名 家 个 次 颗 枚 局 盘 场 天 年 周 艘 架 台 辆 人 例 起 只 项 种 所 块 份 件 张 款 球 金 分钟 秒".split()
)
_NAME_AFTER_CI = re.compile(r"(?:会议|全会|全体|代表|常委|党代|大会|理事)")
_RANK_CUES = re.compile(
    r"(?:全国|全省|全市|全区|全县|全球|世界|全网|国内|省内|排名|排行|排在|排|列|历来|史上|有史以来"
    r"|位居|位列|居|名列|稳居|跃居|升至|降至|位于|行业|同类|获得|获|夺得|取得)$"
)
_AFTER_RANK = frozenset("，。、；：！？,.;:!?）)」”’\n 的大高低多少长快强")


_SLOGAN_NUMERALS = frozenset("一二三四五六七八九十百千两")


def rank(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """第五, 第12位, 第二颗, 第4及第6局, 13号种子 → 13号 — when the context says it is a place in an order."""
    if m.group("seed"):
        value = parse_number(m.group("seed"))
        return None if value is None else _fig(ctx, m, "rank", value)
    first, second, cls = m.group("r1"), m.group("r2"), m.group("rcls")
    value, high = parse_number(first), parse_number(second) if second else None
    if value is None or (second and high is None):
        return None
    if cls:
        info = unit_of(cls)
        if cls not in _RANK_CLASSIFIERS or (cls == "次" and _NAME_AFTER_CI.match(text, m.end())):
            return None  # 第5轮, 第3条, 第十次会议: names of rounds, articles, meetings
        if m.end() < len(text) and text[m.end()] in _SLOGAN_NUMERALS:
            return None  # 第一个百年奋斗目标, 第三个五年计划: a numbered goal or plan, not a place
        unit = cls if info and info.kind not in ("quantity",) else None
    elif not _rank_in_context(text, m):
        return None
    else:
        unit = None
    if second and high is not None:
        return _fig(ctx, m, "rank", None, unit, low=min(value, high), high=max(value, high))
    return _fig(ctx, m, "rank", value, unit)


def _rank_in_context(text: str, m: re.Match) -> bool:
    """第一 alone is a rank after 全国, 排名 … or before punctuation, not in 第一医院 or the enumerator 第一，."""
    start = m.start()
    if _RANK_CUES.search(text, max(0, start - 5), start):
        return True
    after = text[m.end()] if m.end() < len(text) else "\n"
    before = text[start - 1] if start else "\n"
    return after in _AFTER_RANK and not (after in "，,、" and before in "\n。；;：:“！？ ，,")


# ------------------------------------------------------- compound durations
_PIECE = re.compile(
    rf"(?P<n>[0-9]+(?:\.[0-9]+)?|[{CN_DIGITS}]+)(?P<u>个?小时|钟头|分钟?|秒|年|岁|个月|天|米)|(?P<frac>[0-9{CN_DIGITS}]+)$"
)
_STEP = {
    "小时": ("秒", 3600),
    "钟头": ("秒", 3600),
    "分": ("秒", 60),
    "秒": ("秒", 1),
    "年": ("个月", 12),
    "岁": ("个月", 12),
    "个月": ("个月", 1),
    "天": ("天", 1),
}


def compound(text: str, m: re.Match, ctx: Context) -> list[Figure] | None:
    """一小时五分三十秒 → 3930 秒, 17岁零两个月 → 206 个月, 9秒83 → 9.83 秒, 八米一五 → 8.15 米."""
    pieces = list(_PIECE.finditer(m.group()))
    units: list[str] = [p.group("u") for p in pieces if p.group("u")]
    unit: str | None
    if units and units[0] in ("米", "秒") and pieces[-1].group("frac"):
        return _decimal_mark(ctx, m, pieces)
    if "天" in units and "小时" in "".join(units):
        total, unit = _sum(pieces, {"天": 24, "小时": 1, "个小时": 1}), "小时"
    elif "天" in units:
        total, unit = _sum(pieces, {"年": 365, "个月": 30, "天": 1}), "天"
    else:
        unit = _STEP[_key(units[-1])][0] if units else None
        total = _sum(pieces, {k: v[1] for k, v in _STEP.items()})
        if total is not None and unit == "秒" and pieces[-1].group("frac") and pieces[-1].group("frac").isdigit():
            total = plain(Decimal(str(total)) + Decimal("0." + pieces[-1].group("frac")))  # 27分45秒12 → 1665.12
    if total is None or unit is None:
        return None
    return _fig(ctx, m, "duration", total, unit, qualifier=qualifier_before(text, m.start()))


def _key(unit: str) -> str:
    """个小时 → 小时, 分钟 → 分: the key of a time unit in _STEP."""
    return unit if unit in _STEP else unit.lstrip("个").rstrip("钟")


def _sum(pieces: list[re.Match], scale: dict[str, int]) -> Number | None:
    """Σ number × scale of its unit; None if a number is unreadable."""
    total = Decimal(0)
    for piece in pieces:
        if not piece.group("u"):
            continue
        n = parse_number(piece.group("n"))
        key = piece.group("u") if piece.group("u") in scale else _key(piece.group("u"))
        if n is None or key not in scale:
            return None
        total += Decimal(str(n)) * scale[key]
    return plain(total)


def _decimal_mark(ctx: Context, m: re.Match, pieces: list[re.Match]) -> list[Figure] | None:
    """9秒83 → 9.83 秒, 八米一五 → 8.15 米: a mark written with its unit in the middle."""
    whole = parse_number(pieces[0].group("n"))
    frac = pieces[-1].group("frac")
    digits = frac if frac.isdigit() else "".join(str(parse_number(c)) for c in frac if parse_number(c) is not None)
    if whole is None or len(digits) != len(frac):
        return None
    unit = pieces[0].group("u")
    return _fig(ctx, m, "measure" if unit == "米" else "duration", plain(Decimal(f"{whole}.{digits}")), unit)


from . import figure_forms as forms  # noqa: E402  (the word and symbol forms)

HANDLERS = {
    "ymd": ymd,
    "date": date,
    "era": no_iso_date,
    "lunar": no_iso_date,
    "weekday": no_iso_date,
    "head": head_months,
    "roc": roc_date,
    "paren_day": paren_day,
    "rank": rank,
    "compound": compound,
    "size": forms.size,
    "score": forms.score,
    "time": time_of_day,
    "percent": forms.percent,
    "fraction": forms.fraction,
    "multiple": forms.multiple,
    "half": forms.half,
    "days": forms.days,
    "shared": forms.shared,
    "slash": forms.slash_fraction,
}
