"""Suggested claims (store.suggest): sentences with a checkable figure and a claim predicate, ranked."""

from hecha.store.checks import find_checks
from hecha.store.figures import extract
from hecha.store.script import fold
from hecha.store.suggest import suggest

TEXT = (
    "青石县召开经济工作会议。会议指出，今年前三季度全县地区生产总值同比增长6.8%，增速列全市第二。"
    "全年计划造林3.3万亩，实际完成造林4.4万亩，完成年度计划的133.3%。"
    "会议要求各部门提高认识。县长张明出席会议并讲话，会议共持续2小时。"
    "全县粮食产量首次突破50万吨，创历史最高水平。"
)


def suggested(text: str) -> list[str]:
    """The suggested sentences of a text, best first."""
    figures = extract(fold(text))
    return [text[s.start : s.end] for s in suggest(text, figures, find_checks(text, figures))]


def test_sentences_with_figure_and_predicate_ranked_checks_first():
    found = suggested(TEXT)
    assert found == [
        "全年计划造林3.3万亩，实际完成造林4.4万亩，完成年度计划的133.3%。",
        "会议指出，今年前三季度全县地区生产总值同比增长6.8%，增速列全市第二。",
        "全县粮食产量首次突破50万吨，创历史最高水平。",
    ]


def test_no_figure_or_no_predicate_is_no_suggestion():
    assert suggested("会议要求各部门提高认识，推动经济增长。县长出席会议，会议持续2小时。") == []


def test_suggestion_carries_its_figures_as_spans():
    figures = extract(TEXT)
    best = suggest(TEXT, figures, find_checks(TEXT, figures))[0]
    assert [f[2] for f in best.figures] == ["3.3万亩", "4.4万亩", "133.3%"]
    assert all(TEXT[s:e] == t for s, e, t in best.figures)
    assert best.to_dict()["score"] == best.score and set(best.to_dict()) == {"start", "end", "score", "figures"}


def test_traditional_script_predicates():
    assert suggested("全縣糧食產量首次突破50萬噸。") == ["全縣糧食產量首次突破50萬噸。"]
