"""The rules that find checks in one segment of an article (a sentence, or a part of it between semicolons).

Each rule takes the folded article text, the segment's bounds and its figures,
and returns the checks whose relation the segment's words state. Words come
from `store/data/cues.tsv` through `cues`; nothing here names an indicator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from . import cues
from .checks import (
    Check,
    amount,
    judge,
    judge_rough,
    like,
    printed,
    quantum,
    rate,
    rounded_slack,
    same_aside,
    span,
    value_of,
    verdict_words,
)
from .figures import Figure
from .units import alternation


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    """The compiled cue patterns, built once from the tables."""
    p = cues.pattern
    verb = rf"(?:{p('up')}|{p('down')})"
    return {
        "completion": re.compile(
            rf"(?:(?:{p('actual')}|为|占|达到?)了?[^，,；;。]{{0,14}}?(?:{p('plan')})[^，,；;。]{{0,12}}?的"
            rf"|(?:{p('rate_of')})(?:为|达到?|是)?)$"
        ),
        "actual": re.compile(p("actual")),
        "plan_first": re.compile(rf"(?:{p('plan')})(?:{p('actual')})"),
        "plan": re.compile(p("plan")),
        "verb": re.compile(rf"(?P<verb>{verb})(?:了|幅(?:度)?(?:为|达到?)?|速(?:为|达到?)?)?$"),
        "up": re.compile(rf"(?:{p('up')})"),
        "base": re.compile(rf"(?:{p('base_level')})(?:同期)?(?:的|为|是|水平)?$"),
        "to": re.compile(rf"{verb}了?(?:{p('to_level')})$"),
        "increment": re.compile(rf"{verb}了?$"),
        "share": re.compile(p("share")),
        "rate_word": re.compile(rf"(?:{p('rate_word')})$"),
        "link_end": re.compile(rf"(?:{p('to_level')}|是|了|约)+$"),
        "base_words": re.compile(
            rf"(?:比|较|与)?(?:{alternation(list(cues.pairs('bases.tsv')))}|{p('base_level')})(?:同期)?"
        ),
        "total_before": re.compile(rf"(?:{p('total')})(?:计|有|为|达)?$"),
        "parts_after": re.compile(rf"^(?:[^，,。；;0-9]{{0,6}}?[，,：:（(])?(?:{p('parts')})"),
        "in_total": re.compile(r"^[^，,。；;、0-9]{0,8}?中"),
        "total_word": re.compile(p("total")),
    }


def clause_before(text: str, figure: Figure, floor: int) -> str:
    """The clause text before a figure, without its qualifier (达, 约 …)."""
    start = cues.clause_start(text, figure.start, floor)
    head = text[start : figure.start]
    if figure.qualifier and head.endswith(figure.qualifier):
        head = head[: -len(figure.qualifier)]
    return head


def is_plan_head(head: str) -> bool:
    """A clause naming a plan: 年度投资计划, 计划投资, or a plan word right before an actual word
    (年度计划完成投资); `一般公共预算收入累计完成` names an actual."""
    pats = patterns()
    if pats["plan"].search(head) is None:
        return False
    return pats["actual"].search(head) is None or pats["plan_first"].search(head) is not None


def is_actual_head(head: str) -> bool:
    """A clause naming an actual: 完成投资, 实际完成, 累计完成 (not 计划完成)."""
    return patterns()["actual"].search(head) is not None and not is_plan_head(head)


def same_unit(a: Figure, b: Figure) -> bool:
    """Two levels of one kind and unit."""
    return a.kind == b.kind and a.unit == b.unit


def ratio_check(
    kind: str, stated_fig: Figure, computed: float, operands: list[Figure], arithmetic: str, slack: float | None = None
) -> Check:
    """A check of a printed percent against a computed one (`slack`: what the operands' rounding allows,
    when it is not the sum of their relative half-units)."""
    p = printed(stated_fig)
    decimals = p[1] if p else 0
    step = quantum(stated_fig)
    if slack is None:
        slack = abs(computed) * sum(rounded_slack(f) / abs(f.value) for f in operands if f.value)
    verdict = judge_rough(judge(value_of(stated_fig), computed, step, slack), [*operands, stated_fig])
    words = verdict_words(verdict, stated_fig.text, computed, decimals)
    return Check(
        kind,
        tuple(span(f) for f in sorted([*operands, stated_fig], key=lambda f: f.start)),
        value_of(stated_fig),
        round(computed, 6),
        verdict,
        f"{arithmetic}; {words}",
    )


# ------------------------------------------------------------ plan
def plan_checks(text: str, start: int, end: int, figures: list[Figure], earlier: Sequence[Figure] = ()) -> list[Check]:
    """完成年度计划的X%: the actual over the plan, both stated in the segment (or the plan in the sentence
    just before it, `earlier` holding that sentence's figures)."""
    pats = patterns()
    found = []
    for r in figures:
        if not rate(r) or r.unit != "%" or not pats["completion"].search(clause_before(text, r, start)):
            continue
        actual = plan = None
        levels = [f for f in figures if amount(f) and same_aside(text, start, f, r)]
        for f in sorted(levels, key=lambda f: abs(f.start - r.start)):
            head = clause_before(text, f, start)
            if actual is None and is_actual_head(head):
                actual = f
            elif plan is None and is_plan_head(head):
                plan = f
        if plan is not None and actual is not None and not same_unit(plan, actual):
            plan = None
        if plan is None and actual is not None and actual.start < r.start:
            plan = _plan_before(text, start, actual, earlier)
        found.extend(_plan_check(r, actual, plan))
    return found


def _plan_before(text: str, start: int, actual: Figure, earlier: Sequence[Figure]) -> Figure | None:
    """The plan stated in the sentence just before, in the same paragraph (年度投资计划647.4亿元。…完成投资629亿元，
    占年度投资计划的97.2%): the last level there, when its clause names a plan and no actual follows it."""
    before = [f for f in earlier if amount(f) and f.end <= start]
    if not before or "\n" in text[before[-1].end : start]:
        return None
    if sum(text.count(mark, before[-1].end, start) for mark in "。！？!?") > 1:
        return None  # only the sentence just before
    last = before[-1]
    floor = cues.clause_start(text, last.start, max(0, last.start - 40))
    if same_unit(last, actual) and is_plan_head(clause_before(text, last, floor)) and last.value:
        return last
    return None


def _plan_check(r: Figure, actual: Figure | None, plan: Figure | None) -> list[Check]:
    """The completion check, or `cannot tell` with the implied missing level."""
    if plan is not None and not plan.value:
        plan = None  # a plan of zero has no completion rate
    if actual is not None and plan is not None:
        computed = value_of(actual) / value_of(plan) * 100
        return [
            ratio_check("plan", r, computed, [actual, plan], f"{actual.text} ÷ {plan.text} × 100 = {computed:.3f}%")
        ]
    known = actual or plan
    if known is None or not r.value:
        return []
    if actual is not None:
        implied = value_of(actual) / value_of(r) * 100
        words = f"no plan stated; {actual.text} ÷ {r.text} implies a plan of {like(implied, actual, 2)}"
    else:
        implied = value_of(known) * value_of(r) / 100
        words = f"no actual stated; {known.text} × {r.text} implies {like(implied, known, 2)}"
    figs = tuple(span(f) for f in sorted([known, r], key=lambda f: f.start))
    return [Check("plan", figs, value_of(r), round(implied, 6), "cannot tell", words)]


# ------------------------------------------------------------ growth
def growth_checks(text: str, start: int, end: int, figures: list[Figure]) -> list[Check]:
    """比上年的A增长X%, 由A增至B, 增加D…增长X%: a stated rate against two stated levels."""
    pats = patterns()
    found = []
    for r in figures:
        if not rate(r):
            continue
        m = pats["verb"].search(clause_before(text, r, start))
        if not m:
            continue
        down = not pats["up"].fullmatch(m.group("verb"))
        others = [f for f in figures if f is not r]
        subject = _subject(text, figures, r, r.start - len(clause_before(text, r, start)) + m.start())
        pools = (([f for f in others if rate(f) and f.unit == "%"], True), ([f for f in others if amount(f)], False))
        for pool, rates in pools:
            check = _levels_check(text, start, r, down, pool, rates, subject)
            if check is not None:
                found.append(check)
                break
        else:
            found.extend(_rate_change_in_percent(text, start, r, others, subject, down))
    return found


def _rate_change_in_percent(
    text: str, start: int, r: Figure, others: list[Figure], subject: str, down: bool
) -> list[Check]:
    """增速为7.5%，比上年提高2.1%: a rate's change printed in % with one level, which reading is meant?"""
    if r.unit != "%":
        return []
    rate_word = patterns()["rate_word"]
    levels = [
        f
        for f in others
        if rate(f)
        and f.unit == "%"
        and f.end <= r.start
        and rate_word.search(patterns()["link_end"].sub("", clause_before(text, f, start)))
    ]
    if not levels or (subject and not rate_word.search(subject)):
        return []
    if any(amount(f) and f.end <= r.start for f in others):
        return []  # 支出9.3亿元，占比83%，同比增长48.4%: the growth may be the amount's
    level, change = levels[-1], -value_of(r) if down else value_of(r)
    as_points = value_of(level) - change
    as_relative = value_of(level) / (1 + change / 100)
    words = (
        f"{level.text} changed by {r.text}: as 个百分点 the earlier rate was {as_points:.2f}%, "
        f"as a relative change {as_relative:.2f}%; a change of a rate is usually in 个百分点"
    )
    return [Check("percent_point", spans_of(level, r), change, None, "cannot tell", words)]


def _subject(text: str, figures: list[Figure], r: Figure, verb_at: int) -> str:
    """What the rate's own clause says grows (营收 in 营收同比增长20%), without base words; '' if nothing."""
    clause_at = cues.clause_start(text, verb_at)
    after = max([clause_at] + [f.end for f in figures if clause_at <= f.end <= verb_at])
    words = patterns()["base_words"].sub("", text[after:verb_at])
    return words.strip("的之与和及 ")


def _told_apart(text: str, start: int, subject: str, levels: tuple[Figure, Figure]) -> bool:
    """Whether the rate names a subject that the clauses of its levels do not: then it is another indicator."""
    if len(subject) < 2:
        return False
    return not any(subject in text[cues.clause_start(text, f.start, start) : f.start] for f in levels)


def _levels(text: str, start: int, r: Figure, pool: list[Figure]) -> tuple[Figure, Figure, bool] | None:
    """(base, new, whether `new` is an increment) among `pool`, when the words mark them."""
    pats = patterns()
    for base in pool:
        if pats["base"].search(clause_before(text, base, start)):
            rest = [f for f in pool if f is not base and same_unit(f, base)]
            marked = [f for f in rest if pats["to"].search(clause_before(text, f, start))]
            plain = [f for f in rest if not pats["increment"].search(clause_before(text, f, start))]
            chosen = marked or sorted(plain, key=lambda f: abs(f.start - r.start))
            if chosen:
                return base, chosen[0], False
    for inc in pool:
        if inc.unit != "%" and pats["increment"].search(clause_before(text, inc, start)):  # 增长20% is a rate
            levels = [f for f in pool if f is not inc and same_unit(f, inc) and f.start < inc.start]
            levels = [f for f in levels if _plain_level(text, start, f)]
            if levels and (inc.start < r.start or _names_level(text, start, inc, levels[-1])):
                return levels[-1], inc, True
    return None


def _plain_level(text: str, start: int, figure: Figure) -> bool:
    """A level a change can be of: not itself a change, a plan or the whole of a share (占年初预算数X的)."""
    head = clause_before(text, figure, start)
    pats = patterns()
    return not (pats["increment"].search(head) or pats["share"].search(head) or is_plan_head(head))


def _names_level(text: str, start: int, inc: Figure, level: Figure) -> bool:
    """An increment stated after the rate belongs to the level only if its clause names nothing else:
    `出口50.7亿美元、增长53.9%，出口净增17.7亿美元` (出口), not `…，利润增加3亿元`."""
    name = patterns()["increment"].sub("", clause_before(text, inc, start))
    name = patterns()["base_words"].sub("", name).strip("净共累计了的 ")
    return not name or name in clause_before(text, level, start)


def _levels_check(
    text: str, start: int, r: Figure, down: bool, pool: list[Figure], rates: bool, subject: str
) -> Check | None:
    """The growth or percent-point check for a stated change `r` over levels in `pool`."""
    found = _levels(text, start, r, pool)
    if found is None or _told_apart(text, start, subject, found[:2]):
        return None
    a, b, is_increment = found
    av, bv = value_of(a), value_of(b)
    if is_increment:
        base = av - bv if not down else av + bv
        change = bv if not down else -bv
        arithmetic = f"{b.text} ÷ ({a.text} {'−' if not down else '+'} {b.text})"
    else:
        base, change = av, bv - av
        arithmetic = f"({b.text} − {a.text}) ÷ {a.text}"
    if not base:
        return None
    relative = change / base * 100
    stated_fig = r if not down else _negated(r)
    points = r.unit != "%"
    if rates and not is_increment:
        return _point_check(stated_fig, a, b, change, relative, r)
    if points:
        words = f"{arithmetic} × 100 = {relative:.2f}%; a change of levels is a percent, not 个百分点"
        return Check(
            "percent_point", spans_of(a, b, r), value_of(stated_fig), round(relative, 6), "inconsistent", words
        )
    slack = None
    if is_increment:  # the base is a − b: the rounding of both counts against it
        slack = abs(relative) * (rounded_slack(b) / abs(bv) + (rounded_slack(a) + rounded_slack(b)) / abs(base))
    return ratio_check("growth", stated_fig, relative, [a, b], f"{arithmetic} × 100 = {relative:.3f}%", slack)


def _negated(figure: Figure) -> Figure:
    """The same figure with its value negated (a fall stated as 下降X%)."""

    return figure._replace(value=-value_of(figure))


def spans_of(*figs: Figure) -> tuple[tuple[int, int, str], ...]:
    """Spans of figures in text order."""
    return tuple(span(f) for f in sorted(figs, key=lambda f: f.start))


def _point_check(stated: Figure, a: Figure, b: Figure, points: float, relative: float, r: Figure) -> Check:
    """A change between two rates: 个百分点 is the difference, % the relative change."""
    base = f"{b.text} − {a.text} = {points:.2f}个百分点; relative change {relative:.2f}%"
    as_points = ratio_check("percent_point", stated, points, [a, b], base)
    if r.unit != "%":
        return as_points
    as_relative = ratio_check("percent_point", stated, relative, [a, b], base)
    if as_relative.verdict in ("consistent", "rounding"):
        return as_relative
    if as_points.verdict in ("consistent", "rounding"):
        words = f"{base}; printed {r.text} is the difference in 个百分点, written as %"
        return Check("percent_point", as_points.figures, as_points.stated, round(points, 6), "inconsistent", words)
    return as_relative
