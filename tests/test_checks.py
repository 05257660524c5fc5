"""Checks: relations an article states between its figures, computed and judged (store.checks)."""

import pytest
from conftest import seed_text

from hecha.store.checks import CHECK_KINDS, VERDICTS, find_checks, judge
from hecha.store.clean import clean_text
from hecha.store.figures import extract
from hecha.store.script import fold


def checks_of(sentence: str):
    """The checks of one sentence."""
    return find_checks(sentence, extract(sentence))


def only(sentence: str):
    """The one check of a sentence."""
    found = checks_of(sentence)
    assert len(found) == 1, [c.to_dict() for c in found]
    return found[0]


@pytest.mark.parametrize(
    "sentence, kind, verdict, computed",
    [
        # plan / actual / completion rate
        ("本季度全县计划修建乡村道路80公里，实际完成修建100公里，完成季度计划的125%。", "plan", "consistent", 125),
        ("该厂年度产量目标为2万吨，实际完成1.5万吨，完成年度目标的90%。", "plan", "inconsistent", 75),
        ("年度计划造林3.3万亩，实际完成造林4.4万亩，为计划的133.3%。", "plan", "consistent", 133.333),
        ("年度预算安排8.7亿元，实际完成支出11.6亿元，完成年度预算的133.2%。", "plan", "rounding", 133.333),
        ("1至10月累计投资52.9亿元，占年度计划40.7亿元的130%。", "plan", "consistent", 129.975),
        # growth with two levels
        ("全市外贸进出口总额达到1200亿元，比上年的1000亿元增长20%。", "growth", "consistent", 20),
        ("全市外贸进出口总额达到1200亿元，比上年的1000亿元增长25%。", "growth", "inconsistent", 20),
        ("城镇居民人均可支配收入由3.2万元增至3.5万元，增长9.3%。", "growth", "rounding", 9.375),
        ("旅客发送量下降至90万人次，较上年同期的100万人次下降10%。", "growth", "consistent", -10),
        ("工业用电量达到150亿千瓦时，增加了30亿千瓦时，增长25%。", "growth", "consistent", 25),
        # 个百分点 and %
        ("全省城镇化率由60.5%提高到62.5%，提高了2个百分点。", "percent_point", "consistent", 2),
        ("全省城镇化率由60.5%提高到62.5%，提高了2%。", "percent_point", "inconsistent", 2),
        ("居民存款余额从800亿元增至880亿元，增长10个百分点。", "percent_point", "inconsistent", 10),
        # shares
        ("全市进出口总额500亿元，其中出口300亿元，占60%。", "share", "consistent", 60),
        ("全市进出口总额500亿元，其中出口320亿元，占比60%。", "share", "inconsistent", 64),
        ("粮食播种面积中，水稻种植120万亩，占比40%。", "share", "cannot tell", 300e4),
        ("外贸进出口总额286亿元，其中出口178亿元，进口108亿元，出口占比62.2%。", "share", "consistent", 62.2378),
        ("全县有效灌溉面积达到42万亩，占耕地面积的七成。", "share", "cannot tell", 60e4),
        # shares of one whole
        ("一、二、三产业增加值分别占全县生产总值的比重为8.5%、40.2%和51.3%。", "sum", "consistent", 100),
        ("一、二、三产业增加值分别占全县生产总值的比重为8.5%、45.2%和51.3%。", "sum", "inconsistent", 105),
        ("线上、线下渠道销售额分别占比为35%和40%。", "sum", "cannot tell", 75),
        ("城镇、农村和其他人口分别占总人口的60%，35%，10%。", "sum", "inconsistent", 105),
        # more ways to state two levels
        ("全年实现营业收入46.2亿元，比上年增加4.2亿元，增长10%。", "growth", "consistent", 10),
        ("全年组织税收收入88.8亿元，比上年增收8.8亿元，增长11%。", "growth", "consistent", 11),
        ("社会消费品零售总额82.5亿元，同比增长6.5%，上年同期为77.5亿元。", "growth", "consistent", 6.4516),
        ("城镇登记失业率由4.1%下降到3.8%，下降0.3个百分点。", "percent_point", "consistent", -0.3),
        # parts and totals
        ("一季度共接待游客120万人次，其中省外游客45万人次、省内游客75万人次。", "sum", "consistent", 120e4),
        ("一季度共接待游客120万人次，其中省外游客45万人次、省内游客85万人次。", "sum", "inconsistent", 130e4),
        ("一季度共接待游客120万人次，其中省外游客45万人次、省内游客55万人次。", "sum", "cannot tell", 100e4),
        ("新建学校3所、医院2所、养老院4所，共计10所。", "sum", "inconsistent", 9),
        ("全年发放补贴2.1亿元，其中种粮补贴1.24亿元、农机补贴0.87亿元。", "sum", "consistent", 2.11e8),
    ],
)
def test_each_kind_and_verdict(sentence, kind, verdict, computed):
    of_kind = [c for c in checks_of(sentence) if c.kind == kind]
    assert len(of_kind) == 1, [c.to_dict() for c in checks_of(sentence)]
    check = of_kind[0]
    assert (check.kind, check.verdict) == (kind, verdict), check.explanation
    assert check.computed == pytest.approx(computed, rel=1e-4)


def test_every_kind_and_verdict_is_covered_by_the_table():
    rows = test_each_kind_and_verdict.pytestmark[0].args[1]
    assert {r[1] for r in rows} | {"magnitude"} == set(CHECK_KINDS)
    assert {r[2] for r in rows} == set(VERDICTS)


def test_arithmetic_is_shown():
    check = only("年度计划投资40.7亿元，全年实际完成投资52.9亿元，完成全年目标的129.9%。")
    assert check.kind == "plan" and check.verdict == "rounding"
    assert "52.9亿元 ÷ 40.7亿元 × 100 = 129.975%" in check.explanation
    assert "truncated" in check.explanation
    assert [f[2] for f in check.figures] == ["40.7亿元", "52.9亿元", "129.9%"]


def test_figures_are_spans_of_the_text():
    sentence = "据统计，全镇共有农户860户，其中脱贫户120户、监测户40户、一般农户700户。"
    check = only(sentence)
    assert check.kind == "sum" and check.verdict == "consistent"
    for start, end, text in check.figures:
        assert sentence[start:end] == text


def test_the_total_is_the_figure_the_parts_follow():
    check = only("本届运动会在12个大项中决出奖牌90枚，其中金牌30枚、银牌30枚、铜牌30枚。")
    assert (check.kind, check.verdict, check.figures[0][2]) == ("sum", "consistent", "90枚")
    check = only("全省共有医院120所，其中三级医院40所，二级医院65所、一级医院15所。")
    assert (check.kind, check.verdict, check.figures[0][2]) == ("sum", "consistent", "120所")


def test_magnitude_slip_among_siblings():
    sentence = "今年发放助学金1.2亿元，其中高中0.45亿元、中职0.35万元、高校0.4亿元。"
    kinds = {c.kind: c for c in checks_of(sentence)}
    slip = kinds["magnitude"]
    assert slip.verdict == "inconsistent" and slip.stated == 3500 and "0.35万元" in [f[2] for f in slip.figures]
    assert slip.computed == pytest.approx(0.35e8) and "0.35亿元" in slip.explanation


def test_same_unit_list_of_mixed_sizes_is_no_slip():
    sentence = "三个项目分别投资8亿元、5000万元和2.5亿元。"
    assert not [c for c in checks_of(sentence) if c.kind == "magnitude"]


def test_no_relation_without_the_words_that_state_it():
    assert checks_of("全区招引项目30个，总投资120亿元，同比增长15%。") == []
    assert checks_of("财政收入完成59亿元，同比增长7%。") == []
    assert checks_of("新建厂房3栋、仓库2栋、宿舍1栋。") == []
    # the rate names another indicator than the two levels
    assert checks_of("入驻企业由100家增至150家，营收同比增长20%。") == []


def test_approximate_figures_never_make_an_inconsistent_verdict():
    check = only("年度计划投资约40亿元，实际完成投资50亿元，完成年度计划的150%。")
    assert check.verdict == "cannot tell"


def test_traditional_script_reads_the_same():
    sentence = "年度計劃投資40.7億元，全年實際完成投資52.9億元，完成全年目標的129.9%。"
    check = find_checks(sentence, extract(fold(sentence)))
    assert [(c.kind, c.verdict) for c in check] == [("plan", "rounding")]


def test_full_width_digits():
    sentence = "实际完成投资５２.９亿元，完成年度计划的１３０％，年度计划投资４０．７亿元。"
    check = only(sentence)
    assert (check.kind, check.verdict) == ("plan", "consistent")


def test_a_rate_changed_by_a_percent_is_flagged_with_both_readings():
    check = only("全省科技进步贡献率达到61.5%，比上年下降1.5%。")
    assert (check.kind, check.verdict, check.stated, check.computed) == ("percent_point", "cannot tell", -1.5, None)
    assert "63.00%" in check.explanation and "62.44%" in check.explanation
    assert checks_of("全省科技进步贡献率达到61.5%，比上年下降1.5个百分点。") == []
    assert checks_of("营业收入达到12.5%，利润增长8%。") == []
    only_share = checks_of("全年教育支出8.1亿元，占比21%，同比增长12%。")
    assert [c.kind for c in only_share] == ["share"]


def test_zero_levels_never_divide():
    for sentence in (
        "年度计划新建0个，实际完成5个，完成年度计划的0%。",
        "全市进出口总额0亿元，其中出口0亿元，占比0%。",
        "客运量由0万人次增至5万人次，增长100%。",
        "共有0所学校，其中小学0所、中学0所。",
    ):
        for check in checks_of(sentence):
            assert check.verdict in VERDICTS


def test_judge_rules():
    assert judge(129.9, 129.975, 0.1) == "rounding"
    assert judge(130.0, 129.975, 0.1) == "consistent"
    assert judge(128.0, 129.975, 0.1) == "inconsistent"
    assert judge(128.0, 129.975, 0.1, slack=2.5) == "rounding"


# ------------------------------------------------------------ seeds
def seed_checks(prefix):
    """The checks of one seed page, with their figures' texts."""
    text = clean_text(seed_text(prefix))
    return [(c.kind, c.verdict, tuple(f[2] for f in c.figures)) for c in find_checks(text, extract(text))]


def test_seed_plan_triples():
    found = seed_checks("004")
    assert ("plan", "rounding", ("40.7亿元", "52.9亿元", "129.9%")) in found
    assert ("plan", "consistent", ("98.8亿元", "122.1亿元", "123.6%")) in found
    assert ("plan", "cannot tell", ("134.15亿元", "106.3%")) in seed_checks("003")


def test_seed_sums_and_shares():
    assert ("sum", "consistent", ("310个", "187个", "123个")) in seed_checks("001")
    assert ("sum", "consistent", ("6.87亿元", "0.79亿元", "4.2亿元", "1.88亿元")) in seed_checks("003")
    found = seed_checks("004")
    assert ("sum", "consistent", ("9个", "2个", "1个", "6个")) in found
    assert ("share", "cannot tell", ("9.3亿元", "83%")) in found


def test_seeds_have_no_inconsistent_checks():
    for prefix in ("000", "001", "002", "003", "004"):
        assert not [c for c in seed_checks(prefix) if c[1] == "inconsistent"], prefix


def test_rules_never_fail_on_broken_text():
    """Seed pages with characters knocked out still give checks and indicators without an error."""
    from hecha.store.indicators import find_indicators
    from hecha.store.suggest import suggest

    for prefix in ("000", "001", "002", "003", "004"):
        text = clean_text(seed_text(prefix))
        for step in (3, 7, 11):
            broken = "".join(c for n, c in enumerate(text) if n % step)
            figures = extract(broken)
            checks = find_checks(broken, figures)
            assert all(c.verdict in VERDICTS for c in checks)
            find_indicators(broken, figures, "2024-02-29")
            suggest(broken, figures, checks)
