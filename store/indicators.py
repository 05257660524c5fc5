"""Indicators: what each figure measures, where, over which period and against which base.

For a figure such as `1至11月，该区财政总收入完成59.11亿元，同比增长7.2%`
the indicator is the noun phrase it belongs to (`财政总收入`), the place is
named before it or, for 该区/全区, is the place the article is about (from its
title or first lines), the period is the date or period word before it in its
paragraph resolved with the article's date into ISO text (`2023-01/2023-11`),
and the base is the comparison (同比, 环比, 比上年). Words come from the tables
in `store/data/` (heads.txt, cues.tsv, bases.tsv, periods.tsv, places.tsv).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass

from . import cues
from .checks import quantum
from .figures import Figure
from .indicator_names import (
    ASIDE,
    home_place,
    is_place,
    named_places,
    patterns,
    read_name,
    resolve_place,
    respectively,
    shortened,
    strip_predicate,
)
from .numerals import to_ascii

__all__ = ["Indicator", "KINDS", "conflicts", "find_indicators", "home_place", "named_places", "resolve_period"]
from .script import fold

_DATE_LEAD = re.compile(r"(?:[0-9０-９]{1,4}(?:年|月份?|日)?[-—–~～至到]?)+(?:月份?|季度)?")
_CLAUSE_OPEN = re.compile(r"(?:^|[，,；;。：:])", re.M)
_WORDS = re.compile(r"[\u4e00-\u9fffA-Za-z&]+")
KINDS = ("money", "measure", "quantity", "percent", "number")


@dataclass(frozen=True)
class Indicator:
    """One figure read as a value of an indicator for a place and period."""

    indicator: str
    place: str | None
    period: str | None
    base: str | None
    value: float | None
    unit: str | None
    start: int
    end: int
    text: str = ""
    step: float = 0.0
    article_id: int | None = None

    def to_dict(self) -> dict:
        """The fields `hecha indicators --json` prints."""
        data = asdict(self)
        return {
            k: data[k] for k in ("indicator", "place", "period", "base", "value", "unit", "article_id", "start", "end")
        }


def find_indicators(
    text: str, figures: list[Figure], date: str | None = None, head: str | None = None, folded: str | None = None
) -> list[Indicator]:
    """The indicator of each figure that has one; `date` is the article's (ISO), `head` its title and first lines."""
    folded = fold(text) if folded is None else folded
    home = home_place(head if head is not None else text[:200])
    found: list[Indicator] = []
    dates = [f for f in figures if f.kind == "date" and f.iso and not _compared(folded, f.start)]
    date_starts = [d.start for d in dates]
    lines: dict[int, tuple[list, list]] = {}
    each = respectively(folded, figures)
    previous_end = 0
    for f in figures:
        floor_fig, previous_end = previous_end, max(previous_end, f.end)
        if f.kind not in KINDS or f.value is None or f.low is not None:
            continue
        line_start = folded.rfind("\n", 0, f.start) + 1
        floor = max(line_start, floor_fig if floor_fig <= f.start else line_start)
        clause = folded[cues.clause_start(folded, f.start, floor) : f.start]
        if f.qualifier and clause.endswith(f.qualifier):
            clause = clause[: -len(f.qualifier)]
        phrase, base = strip_predicate(ASIDE.sub("", clause))
        place, name = read_name(_WORDS.findall(phrase)[-1] if _WORDS.search(phrase) else "")
        adjacent = found and found[-1].end == floor_fig and _same_segment(folded, floor_fig, f.start)
        if f.start in each:  # 甲和乙分别增长5.1%和7.4%: each figure its own name
            (place, name, listed_base), adjacent = each[f.start], False
            base = base or listed_base
        elif name is None and not phrase.strip() and adjacent:
            place, name = found[-1].place, found[-1].indicator  # …59.11亿元，同比增长7.2%: the same indicator
            base = base or found[-1].base  # 比年初增加312.4亿元，增长9.7%: against the same base
        else:
            adjacent = False
        if name is None:
            continue
        marks = lines.get(line_start) or lines.setdefault(line_start, _line_marks(folded, line_start))
        if not adjacent or place is None:
            place = resolve_place(place or (_last_before(marks[0], f.start) or (0, None))[1], home)
        own = _between(dates, date_starts, line_start, f.start)  # without the dates only compared with
        period = resolve_period(folded, line_start, f.start, own, date, _last_before(marks[1], f.start))
        found.append(Indicator(name, place, period, base, float(f.value), f.unit, f.start, f.end, f.text, quantum(f)))
    return found


def _same_segment(text: str, start: int, end: int) -> bool:
    """Whether no sentence or semicolon break lies between two offsets."""
    return (
        not any(c in "。！？!?；;\n" for c in text[start:end])
        and text.count("，", start, end) + text.count(",", start, end) <= 1
    )


def _between(dates: list[Figure], starts: list[int], floor: int, pos: int) -> list[Figure]:
    """The date figures starting in [floor, pos), from a list sorted by start (`starts`: their starts)."""
    return dates[bisect_left(starts, floor) : bisect_left(starts, pos)]


def _line_marks(text: str, start: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The places opening a clause (2021年，全区纳入…) and the period words of one paragraph, with offsets."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    places = []
    for m in _CLAUSE_OPEN.finditer(text, start, end):
        dated = _DATE_LEAD.match(text, m.end(), end)  # 1-5月全省…: the place after the date
        lead = patterns()["lead"].match(text, dated.end() if dated else m.end(), end)
        if (
            lead
            and (patterns()["deictic"].match(lead.group()) or is_place(lead.group()))
            and not shortened(lead.group())
        ):
            places.append((lead.start(), lead.group()))
    found = [*patterns()["period"].finditer(text, start, end), *_FIRST_MONTHS.finditer(text, start, end)]
    periods = sorted((m.start(), m.group()) for m in found if not _compared(text, m.start()))
    return places, periods


_FIRST_MONTHS = re.compile(r"前([0-9０-９]{1,2})个?月(?:份)?")  # 前7个月, 前11月: January to that month


def period_form(word: str) -> str:
    """The periods.tsv form of a period word (前7个月 → Y-01/Y-07)."""
    m = _FIRST_MONTHS.fullmatch(word)
    if m and 1 <= int(to_ascii(m.group(1))) <= 12:
        return f"Y-01/Y-{int(to_ascii(m.group(1))):02d}"
    return cues.pairs("periods.tsv").get(word, "")


_COMPARED = re.compile(r"(?:比|较|与|快于|慢于|高于|低于)[^，,；;。：:]*$")


def _compared(text: str, pos: int) -> bool:
    """Whether a date or period word at `pos` is what a figure is compared with (增速比1-9月加快,
    占比较1-9月和上年同期提高), not the figure's own period."""
    return _COMPARED.search(text, cues.clause_start(text, pos), pos) is not None


def _last_before(marks: list[tuple[int, str]], pos: int) -> tuple[int, str] | None:
    """The last (offset, word) that ends before `pos`."""
    found = None
    for at, word in marks:
        if at + len(word) > pos:
            break
        found = (at, word)
    return found


# ------------------------------------------------------------- periods
def resolve_period(
    text: str, floor: int, pos: int, dates: list[Figure], date: str | None, word: tuple[int, str] | None
) -> str | None:
    """The period the paragraph gives before `pos` (its last date figure or period word), as ISO text."""
    year = int(date[:4]) if date else None
    month = int(date[5:7]) if date and len(date) >= 7 else None
    years = [int(f.iso[:4]) for f in dates if f.iso and f.iso[:4].isdigit()]
    year = years[-1] if years else year
    last_date = dates[-1] if dates else None
    if word and (last_date is None or word[0] > last_date.start or word[0] + len(word[1]) >= last_date.end):
        return _template(period_form(word[1]), year, month)
    if last_date is None or last_date.iso is None:
        return None
    if word and year and word[0] + len(word[1]) == last_date.start and period_form(word[1]) == "P":
        year -= 1  # 去年四季度, 上年1-10月: the date is of the year before
    iso = last_date.iso
    until = patterns()["until"].search(text, max(floor, last_date.start - 4), last_date.start)
    if until:
        iso = _from_january(iso)
    return _fill_year(iso, year)


def _from_january(iso: str) -> str:
    """截至 a month (or a part of it: 10月底 → --10-21/--10-31): from January to that month."""
    if "/" not in iso:
        return f"--01/{iso}" if iso.startswith("--") and not iso.startswith("---") else iso
    end = iso.split("/")[-1]
    if end.startswith("---"):
        return iso
    if end.startswith("--"):
        return f"--01/{end[:4]}"
    if len(end) >= 7 and end[:4].isdigit():
        return f"{end[:4]}-01/{end[:7]}"
    return iso


def _fill_year(iso: str, year: int | None) -> str:
    """--01/--11 → 2023-01/2023-11 when the year is known."""
    if year is None:
        return iso
    return "/".join(
        f"{year:04d}-{part[2:]}" if part.startswith("--") and not part.startswith("---") else part
        for part in iso.split("/")
    )


def _template(form: str, year: int | None, month: int | None) -> str | None:
    """A periods.tsv form (Y-01/Y-M) filled with the article's year and month."""
    if not form or year is None or (("M" in form or "Q" in form) and month is None):
        return None
    prev_month = (year, month - 1) if month and month > 1 else (year - 1, 12)
    out = form.replace("Q", f"{prev_month[0]:04d}-{prev_month[1]:02d}")
    out = out.replace("P", f"{year - 1:04d}").replace("Y", f"{year:04d}")
    return out.replace("M", f"{month:02d}") if month else out


# ------------------------------------------------------------- conflicts
def same_value(a: Indicator, b: Indicator) -> bool:
    """Equal within half a printed unit of the coarser one (52.9亿元 = 529000万元)."""
    if a.value is None or b.value is None:
        return a.value == b.value
    tolerance = max(a.step, b.step) / 2 + 1e-9 * max(abs(a.value), abs(b.value), 1.0)
    return abs(a.value - b.value) <= tolerance


def conflicts(indicators: list[Indicator]) -> list[list[Indicator]]:
    """Groups with one indicator, place, period, base and unit whose articles give different values."""
    groups: dict[tuple, list[Indicator]] = {}
    for ind in indicators:
        if ind.place and ind.period:
            groups.setdefault((ind.indicator, ind.place, ind.period, ind.base, ind.unit), []).append(ind)
    found = []
    for group in groups.values():
        articles = {i.article_id for i in group}
        differ = any(not same_value(a, b) for a in group for b in group if a.article_id != b.article_id)
        if len(articles) > 1 and differ:
            found.append(sorted(group, key=lambda i: (i.value or 0, i.article_id or 0)))
    return found
