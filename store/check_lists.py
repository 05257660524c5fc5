"""Lists of parts: a total and the parts its sentence lists after 其中 (across semicolons, or in the
sentence after it), and a bracket listing a figure's parts.

Same contract as `check_rules`; `breakdown_checks` reads a whole sentence (cut at 。 only) and the
sentence before it, because statistical bulletins put a total's parts after semicolons or open the
next sentence with 其中.
"""

from __future__ import annotations

import re

from . import cues
from .check_rules import clause_before, is_plan_head, patterns, same_unit
from .check_totals import is_change, sum_of_parts
from .checks import Check, amount, approximate, bracket_of
from .figures import Figure


def bracket_checks(text: str, start: int, end: int, figures: list[Figure]) -> list[Check]:
    """A bracket right after a figure holding only a list of its parts: 建设项目27项（省级6项、市级5项、县级16项）."""
    found = []
    levels = [f for f in figures if amount(f)]
    for total in levels:
        if total.end >= end or text[total.end] not in "（(":
            continue
        bracket = bracket_of(text, start, total.end + 1)
        if bracket is None:
            continue
        inside = [f for f in levels if bracket[0] < f.start < bracket[1]]
        if len(inside) < 2 or not all(same_unit(f, total) for f in inside):
            continue
        cuts = [bracket[0] + 1, *(x for f in inside for x in (f.start, f.end)), bracket[1]]
        names = [text[a:b] for a, b in zip(cuts[::2], cuts[1::2])]
        names[0] = patterns()["parts_after"].sub("", names[0]).lstrip("，,：: ")
        if all(_LIST_NAME.fullmatch(n) for n in names[:-1]) and not names[-1].strip():
            parts_word = patterns()["parts_after"].search(text[bracket[0] : bracket[1]])
            found.append(sum_of_parts(total, inside, exhaustive=parts_word is None))
    return found


_LIST_NAME = re.compile(r"(?:^|[、，,和及与])?[\u4e00-\u9fff：:]{1,10}")


def breakdown_checks(text: str, start: int, end: int, figures: list[Figure], earlier: list[Figure]) -> list[Check]:
    """A total and the parts its sentence lists after 其中 (or 分产业看), across semicolons:

    `进出口81.3亿美元、增长37.4%，其中：出口43.5亿美元…；进口37.8亿美元…` — and a sentence that
    opens with 其中 lists the parts of the first level of the sentence before it
    (`…总产值59.16亿元，同比增长9.6%。其中：农业…`). A second 其中 after a part opens
    that part's own list. `earlier` holds the figures of the sentence before, in the same paragraph.
    """
    cues_at = [m.start() for m in opener().finditer(text, start, end) if bracket_of(text, start, m.start()) is None]
    if not cues_at:
        return []
    levels = [f for f in figures if amount(f) and bracket_of(text, start, f.start) is None]
    levels = [f for f in levels if not is_change(text, start, f) and not is_label(text, f)]
    cue = cues_at[0]
    nested = next((c for c in cues_at[1:]), end)
    parts = [f for f in levels if cue < f.start < nested]
    total = _total_before(text, start, cue, levels, earlier, parts)
    found = []
    if total is not None:
        parts = [f for f in parts if same_unit(f, total)]
        if len(parts) >= 2 and not any(is_plan_head(clause_before(text, f, start)) for f in parts):
            found.append(sum_of_parts(total, parts, exhaustive=False))
    inner = [f for f in levels if f.start > nested]
    outer = [f for f in levels if cue < f.start < nested]
    if outer and len(inner) >= 2 and all(same_unit(f, outer[-1]) for f in inner):
        found.append(sum_of_parts(outer[-1], inner, exhaustive=False))
    return found


def is_label(text: str, figure: Figure) -> bool:
    """A figure naming a class rather than a level: 亿元以上项目, 500万元以下企业."""
    return approximate(figure) and figure.end < len(text) and "\u4e00" <= text[figure.end] <= "\u9fff"


def opener() -> re.Pattern:
    """其中 or a breakdown word (分产业看) opening a clause."""
    return _OPENER


def _total_before(
    text: str, start: int, cue: int, levels: list[Figure], earlier: list[Figure], parts: list[Figure]
) -> Figure | None:
    """The whole a list of parts breaks down: the last level before the cue in the sentence, or, when the
    sentence opens with the cue, the first level of the sentence before (same paragraph, same unit)."""
    before = [f for f in levels if f.end <= cue]
    if text[start:cue].strip():
        return before[-1] if before else None
    if not parts or "\n" in text[earlier[-1].end if earlier else start : start]:
        return None
    floor = text.rfind("\n", 0, start) + 1
    last_end = max((i for i in range(floor, start - 1) if text[i] in "。！？!?"), default=floor - 1)
    previous = [f for f in earlier if amount(f) and f.start > last_end and f.end <= start]
    previous = [f for f in previous if bracket_of(text, last_end + 1, f.start) is None]
    previous = [f for f in previous if not is_change(text, last_end + 1, f)]
    return previous[0] if previous and same_unit(previous[0], parts[0]) else None


_OPENER = re.compile(
    rf"(?:^|(?<=[，,：:；;。！？!?\n\s]))(?:{cues.pattern('opens_parts')})(?=[，,：:\u4e00-\u9fff])", re.M
)
