"""The rules for parts and wholes: shares of a total, shares that make one whole, parts that sum to a
total, and one figure 10,000× off its siblings (万 written for 亿).

Same contract as `check_rules`: each takes the folded text, a segment's bounds
and its figures, and returns only the relations the segment's words state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from statistics import median

from . import cues
from .check_rules import clause_before, patterns, ratio_check, same_unit, spans_of
from .checks import (
    Check,
    amount,
    counted,
    judge,
    judge_rough,
    like,
    magnitude,
    printed,
    quantum,
    rate,
    rounded_slack,
    same_aside,
    value_of,
    verdict_words,
)
from .figures import Figure


# ------------------------------------------------------------ shares
def share_checks(text: str, start: int, end: int, figures: list[Figure], earlier: Sequence[Figure] = ()) -> list[Check]:
    """占比X%: a part over its total, both stated before the share; or a share that names its whole
    (占同期全省进出口总值的57.5%) over the first earlier level of that name (`earlier`: the article's
    figures in text order; only those before the part are read)."""
    pats = patterns()
    found = []
    for r in figures:
        head = clause_before(text, r, start) if rate(r) and r.unit == "%" else ""
        if not pats["share"].search(head) or pats["verb"].search(head) or pats["completion"].search(head):
            continue  # 占年度计划的130% is a completion rate, not a share
        before = [f for f in figures if amount(f) and f.end <= r.start]
        part = _named_part(text, start, head, before, r)
        if part is None:
            continue
        totals = [f for f in before[:-1] if same_unit(f, part) and _is_total(text, start, f)]
        total = totals[-1] if totals else _named_total(text, _whole_named(text, head, r), part, earlier)
        found.append(_share_check(r, part, total))
    return found


MAX_NAME_CHARS = 40  # how far before a level its name may start
_WHOLE = re.compile(r"占(?:同期)?(?!比)(?P<whole>[^，,。；;的]{2,24}?)的?(?:比重|比例)?(?:为|是|达)?$")


_WHOLE_IN = re.compile(r"占(?:同期)?(?P<whole>[^，,。；;的]{2,24})的")


def _whole_named(text: str, head: str, r: Figure) -> str | None:
    """The whole a share's clause names; a bare 占 (…，占19.9%) names the whole of the share before it
    in the same sentence (占同期全省进出口总值的67.5%；…，占19.9%)."""
    m = _WHOLE.search(head)
    if m is not None:
        return m.group("whole")
    if head.strip() != "占":
        return None
    opened = max(text.rfind(mark, 0, r.start) for mark in "。！？!?\n") + 1
    wholes = list(_WHOLE_IN.finditer(text, opened, r.start))
    return wholes[-1].group("whole") if wholes else None


def _named_total(text: str, named: str | None, part: Figure, earlier: Sequence[Figure]) -> Figure | None:
    """The whole a share names (占同期福建省外贸进出口总值的 → 进出口), stated first earlier in the article."""
    from .indicator_names import full_name, strip_place, strip_predicate

    if named is None or part.value is None:
        return None
    whole = full_name(strip_place(named))
    whole = cues.ends_with("whole_tail").sub("", whole)
    if len(whole) < 2:
        return None
    for f in earlier:
        if f.start >= part.start:
            break
        near = text.find(whole, max(0, f.start - MAX_NAME_CHARS), f.start) >= 0
        if near and amount(f) and same_unit(f, part) and f.value is not None and f.value > part.value:
            floor = text.rfind("\n", 0, f.start) + 1
            name = full_name(strip_predicate(clause_before(text, f, floor))[0])
            if cues.ends_with("whole_tail").sub("", name).endswith(whole):
                return f
    return None


def _named_part(text: str, start: int, head: str, before: list[Figure], r: Figure) -> Figure | None:
    """The part a share is of: the figure in its clause, the one its subject names (出口占比 → 出口…亿元),
    or the one just before when the clause opens with the share word (…9.3亿元，占比83%)."""
    if not before:
        return None
    if before[-1].start >= cues.clause_start(text, r.start, start):
        return before[-1]
    share = patterns()["share"].search(head)
    subject = head[: share.start()] if share else head
    if not subject:
        return before[-1]
    named = [f for f in before if subject in clause_before(text, f, start)]
    return named[-1] if named else None


def _is_total(text: str, start: int, figure: Figure) -> bool:
    """Whether the words around a figure make it a total (总…, 共…, …其中, …中)."""
    pats = patterns()
    after = text[figure.end : figure.end + 12]
    return bool(
        pats["total_word"].search(clause_before(text, figure, start))
        or pats["parts_after"].search(after)
        or _in_total(after)
    )


def _heads_parts(text: str, figure: Figure) -> bool:
    """Whether parts follow a figure: …6.87亿元，其中…, 110个冠军，其中…, 310个项目中…"""
    after = text[figure.end : figure.end + 12]
    return bool(patterns()["parts_after"].search(after) or _in_total(after))


def _in_total(after: str) -> bool:
    """`…项目中`: a total followed by 中 (not 中国, 中心 …)."""
    m = patterns()["in_total"].search(after)
    return m is not None and after[m.end() - 1 : m.end() + 1] not in cues.words("not_in")


def _share_check(r: Figure, part: Figure, total: Figure | None) -> Check:
    """The share check, or `cannot tell` with the total it implies."""
    if total is not None and total.value:
        computed = value_of(part) / value_of(total) * 100
        return ratio_check("share", r, computed, [part, total], f"{part.text} ÷ {total.text} × 100 = {computed:.3f}%")
    implied = value_of(part) / value_of(r) * 100 if r.value else None
    words = "no total stated"
    if implied is not None:
        words += f"; {part.text} ÷ {r.text} implies a total of {like(implied, part, 2)}"
    return Check("share", spans_of(part, r), value_of(r), round(implied, 6) if implied else None, "cannot tell", words)


def share_list_checks(text: str, start: int, end: int, figures: list[Figure]) -> list[Check]:
    """…分别占…的比重为A%、B%和C%: shares of one whole may not add up to more than 100%."""
    pats = patterns()
    shares = [f for f in figures if rate(f) and f.unit == "%"]
    if len(shares) < 2:
        return []
    head = text[cues.clause_start(text, shares[0].start, start) : shares[0].start]
    between = [text[a.end : b.start] for a, b in pairwise(shares)]
    listed = all(g.strip() in ("、", "和", "及", "与", "，", ",") for g in between)
    if not (pats["share"].search(head) and "分别" in head and listed) or pats["plan"].search(head):
        return []  # 分别占计划的102.4%、80.8%: completion rates, not shares of one whole
    total = sum(value_of(f) for f in shares)
    step = max(quantum(f) for f in shares)
    verdict = judge(100.0, total, step, sum(rounded_slack(f) for f in shares))
    decimals = max((printed(f) or (0, 0, ""))[1] for f in shares)
    arithmetic = " + ".join(f.text for f in shares) + f" = {total:.{decimals}f}%"
    if verdict == "inconsistent" and total < 100:
        verdict, words = "cannot tell", "less than 100%: the list may not cover the whole"
    else:
        words = (
            "shares of one whole add up to more than 100%"
            if verdict == "inconsistent"
            else verdict_words(verdict, "100%", total, 1)
        )
    return [Check("sum", spans_of(*shares), 100.0, round(total, 6), verdict, f"{arithmetic}; {words}")]


# ------------------------------------------------------------ sums
def sum_checks(text: str, start: int, end: int, figures: list[Figure]) -> list[Check]:
    """A total with its parts (…其中A、B、C; A、B、C，共T): the parts added up."""
    pats = patterns()
    levels = [f for f in figures if amount(f)]
    heads = [_heads_parts(text, f) and not is_change(text, start, f) for f in levels]
    for i, total in enumerate(levels):
        if heads[i]:
            after = _beside(text, start, total, levels[i + 1 :])
            nested = next((j for j, head in enumerate(heads[i + 1 :]) if head), len(after))
            parts = [f for f in after[: nested + 1] if same_unit(f, total)]
            if len(parts) >= 2:
                return [sum_of_parts(total, parts, exhaustive=False)]
        if i >= 2 and pats["total_before"].search(clause_before(text, total, start)):
            parts = [f for f in _beside(text, start, total, levels[:i]) if same_unit(f, total)]
            if len(parts) >= 2:
                return [sum_of_parts(total, parts, exhaustive=True)]
    return []


def is_change(text: str, start: int, figure: Figure) -> bool:
    """A change rather than a level (比上年末增加0.1万人, 增收8300万元): never a total or a part."""
    return patterns()["increment"].search(clause_before(text, figure, start)) is not None


def _beside(text: str, start: int, total: Figure, levels: list[Figure]) -> list[Figure]:
    """The levels that can be parts of `total`: in its own bracket (or outside any when it is), not changes.

    With parts in a bracket right after it (`建设项目27项（省级6项、市级5项）`) a total's parts are
    the ones outside brackets; a bracket's own list is checked on its own (`bracket_checks`).
    """
    return [f for f in levels if same_aside(text, start, f, total) and not is_change(text, start, f)]


def sum_of_parts(total: Figure, parts: list[Figure], exhaustive: bool) -> Check:
    """Parts against their total; with 其中 a shortfall may be parts left unlisted."""
    computed = sum(value_of(f) for f in parts)
    stated = value_of(total)
    slack = sum(rounded_slack(f) for f in parts)
    exact = counted(total) and all(counted(f) for f in parts)
    verdict = judge(stated, computed, 0.0 if exact else quantum(total), slack)
    extra = max(0, max((printed(f) or (0, 0, ""))[1] for f in parts) - (printed(total) or (0, 0, ""))[1])
    arithmetic = " + ".join(f.text for f in parts) + f" = {like(computed, total, extra)}"
    if verdict == "inconsistent" and computed < stated and not exhaustive:
        verdict, words = "cannot tell", f"parts add up to less than {total.text}; the list may not be complete"
    else:
        verdict = judge_rough(verdict, [*parts, total])
        decimals = (printed(total) or (0, 0, ""))[1] + extra
        words = verdict_words(verdict, total.text, computed / magnitude(total), decimals)
        if verdict == "inconsistent" and not exhaustive:
            words += " (more than the whole, unless the parts overlap)"
    return Check("sum", spans_of(total, *parts), stated, computed, verdict, f"{arithmetic}; {words}")


# ------------------------------------------------------------ magnitude
_MAG_WORDS = ("万亿", "亿", "万")


def magnitude_checks(text: str, start: int, end: int, figures: list[Figure]) -> list[Check]:
    """One figure 10,000× off its siblings of the same unit, printed alike but with 万 for 亿 (or back)."""
    found: list[Check] = []
    levels = [f for f in figures if amount(f)]
    if len(levels) < 3 or len({_mag_word(f) for f in levels}) < 2:
        return found
    for unit in {f.unit for f in levels}:
        group = [f for f in levels if f.unit == unit and printed(f)]
        if len(group) < 3:
            continue
        words = [_mag_word(f) for f in group]
        for odd, word in zip(group, words):
            rest = [f for f, w in zip(group, words) if f is not odd]
            majority = [w for f, w in zip(group, words) if f is not odd]
            if word in majority or len(set(majority)) != 1:
                continue
            found.extend(_slip(odd, rest))
    return found


def _number(figure: Figure) -> float:
    """The number as printed (1.5 for 1.5亿元); 0 for a figure printed without one."""
    p = printed(figure)
    return p[0] if p else 0.0


def _mag_word(figure: Figure) -> str:
    """The magnitude word a figure is written with (万亿, 亿, 万), or ''."""
    return next((w for w in _MAG_WORDS if w in figure.text), "")


def _slip(odd: Figure, rest: list[Figure]) -> list[Check]:
    """The magnitude check when `odd` is printed like its siblings but valued 10^4 off."""
    mid_value = median(value_of(f) for f in rest)
    mid_printed = median(_number(f) for f in rest)
    ratio = value_of(odd) / mid_value if mid_value else 0
    near = 0.1 <= _number(odd) / mid_printed <= 10 if mid_printed else False
    if not near or not (10**3.5 <= ratio <= 10**4.5 or 10**-4.5 <= ratio <= 10**-3.5):
        return []
    fixed = _number(odd) * magnitude(rest[0])
    times = f"{ratio:,.0f}×" if ratio > 1 else f"1/{1 / ratio:,.0f} of"
    word = next(w for w in _MAG_WORDS if w in rest[0].text)
    rewritten = re.sub("|".join(_MAG_WORDS), word, odd.text, count=1)
    words = (
        f"{odd.text} is {times} the middle of its siblings ({like(mid_value, rest[0])}); "
        f"written like them it would be {rewritten}"
    )
    return [Check("magnitude", spans_of(odd, *rest), value_of(odd), fixed, "inconsistent", words)]
