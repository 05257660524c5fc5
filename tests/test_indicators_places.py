"""Indicators: province and city names without their suffix, periods that are only compared with,
names that keep their plan word, 及 and 中 inside names."""

import pytest

from hecha.store.figures import extract
from hecha.store.indicators import find_indicators, home_place


def read(sentence: str, head: str = "本县经济运行情况", date: str | None = "2023-12-05"):
    """(indicator, place, period, base) of each figure of a sentence."""
    return [(i.indicator, i.place, i.period, i.base) for i in find_indicators(sentence, extract(sentence), date, head)]


def test_a_province_without_its_suffix_in_the_title_is_the_home_place():
    assert home_place("江苏前三季度经济运行稳中有进") == "江苏省"
    assert home_place("广西：前10月财政收入稳步增长") == "广西壮族自治区"
    found = read("前三季度，全省规模以上工业增加值同比增长7.1%。", head="江苏前三季度经济运行稳中有进")
    assert found == [("规模以上工业增加值", "江苏省", "2023-01/2023-09", "同比")]


def test_short_names_in_the_body_or_inside_an_organisation_name_are_no_home():
    assert home_place("本市前三季度经济运行情况\n与青岛、烟台两地相比") is None
    assert home_place("北京银行发布年度报告") is None
    assert home_place("本市经济运行情况\n据悉，临江市前三季度") == "临江市"


def test_a_short_name_next_to_the_figure_is_its_place():
    assert read("上半年浙江外贸进出口2.4万亿元。")[0][:2] == ("进出口", "浙江省")


def test_a_date_opening_the_clause_before_the_place():
    found = read("1-6月全省实现进出口380亿元，其中出口220亿元。", head="安徽上半年外贸")
    assert [(i[0], i[1]) for i in found] == [("进出口", "安徽省"), ("出口", "安徽省")]


@pytest.mark.parametrize(
    "sentence, period",
    [
        ("1-8月，全县固定资产投资增长6.2%，增速比1-7月回落0.5个百分点。", "2023-01/2023-08"),
        ("1-8月，全县工业投资增长8.4%，增速较1-7月和上年同期分别提高0.4和1.1个百分点。", "2023-01/2023-08"),
    ],
)
def test_a_period_that_is_only_compared_with_is_not_the_figures(sentence, period):
    assert {i[2] for i in read(sentence)} == {period}


def test_last_year_before_a_date():
    found = read("去年四季度，全县地区生产总值增长5.1%。", date="2024-02-10")
    assert found[0][2] == "2023-10/2023-12"


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("全县年度计划完成投资45亿元。", "年度计划完成投资"),
        ("全县蔬菜及食用菌产量12.5万吨。", "蔬菜及食用菌产量"),
        ("全县规上工业企业中民营企业增加值增长9%。", "民营企业增加值"),
        ("全县城镇调查失业率为5.2%。", "城镇调查失业率"),
        ("本年度计划开工项目40个。", "计划开工项目"),
        ("全县今年安排重点建设项目72个。", "重点建设项目"),
    ],
)
def test_indicator_names(sentence, name):
    assert read(sentence)[0][0] == name


def test_a_year_on_year_change_in_taiwan_style():
    from hecha.store.script import fold

    sentence = "第2季商品出口達1,215億美元，年增18.2%。"
    found = find_indicators(sentence, extract(fold(sentence)), "2025-10-31", "主計總處發布概估")
    assert [(i.indicator, i.base) for i in found] == [("商品出口", None), ("商品出口", "同比")]


def test_a_list_under_fen_bie_with_stray_spaces():
    found = read("按门类分，采矿业、制造业、电力热力燃气及水生产和供应业增加值分别增长3.3%、 8.4%、 5.6%。")
    assert [i[0] for i in found] == ["采矿业增加值", "制造业增加值", "电力热力燃气及水生产和供应业增加值"]


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("全县批发和零售业增加值增长6.1%。", "批发和零售业增加值"),
        ("全县入驻团队和企业32家。", "企业"),
    ],
)
def test_he_inside_an_industry_name(sentence, name):
    assert read(sentence)[0][0] == name


def test_a_list_under_fen_bie_with_its_base_before_fen_bie():
    found = read("纺织业、造纸业增加值比上年同期分别增长4.2%、6.8%。")
    assert found == [
        ("纺织业增加值", None, None, "同比"),
        ("造纸业增加值", None, None, "同比"),
    ]


@pytest.mark.parametrize(
    "sentence, period",
    [
        ("前7个月，全县规模以上工业增加值同比增长6.2%。", "2023-01/2023-07"),
        ("前11月全县社会消费品零售总额836.2亿元。", "2023-01/2023-11"),
        ("前13个月全县社会消费品零售总额836.2亿元。", None),
    ],
)
def test_the_first_months_of_the_year(sentence, period):
    assert read(sentence)[0][2] == period
