"""Checks on the shapes statistical bulletins use: parts after semicolons or in the next sentence,
brackets, plans stated a sentence earlier, a share naming its whole, an increment after the rate."""

import pytest

from hecha.store.checks import find_checks
from hecha.store.figures import extract


def checks_of(text: str):
    """(kind, verdict, figure texts) of each check of a text."""
    return [(c.kind, c.verdict, tuple(f[2] for f in c.figures)) for c in find_checks(text, extract(text))]


def of_kind(text: str, kind: str):
    """The checks of one kind."""
    return [c for c in checks_of(text) if c[0] == kind]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the parts run on over a semicolon
        (
            "前三季度全市接待游客2860万人次，增长12%，其中：国内游客2790万人次，增长11%；入境游客70万人次，增长30%。",
            [("sum", "consistent", ("2860万人次", "2790万人次", "70万人次"))],
        ),
        # the next sentence opens with 其中: the parts of the sentence before's first level
        (
            "全区在校学生4.52万人，比上年增长1.2%。其中，小学生2.61万人；初中生1.43万人；高中生0.61万人。",
            [("sum", "inconsistent", ("4.52万人", "2.61万人", "1.43万人", "0.61万人"))],
        ),
        (
            "全县水产品产量3.6万吨，同比增长4%。其中，淡水产品2.9万吨，海水产品0.7万吨。",
            [("sum", "consistent", ("3.6万吨", "2.9万吨", "0.7万吨"))],
        ),
        # a breakdown word other than 其中
        (
            "全县实现地区生产总值88.6亿元，增长5%。分产业看，第一产业增加值12.1亿元；第二产业增加值30.2亿元；"
            "第三产业增加值46.3亿元。",
            [("sum", "consistent", ("88.6亿元", "12.1亿元", "30.2亿元", "46.3亿元"))],
        ),
        # a change is never the total: 其中 breaks down the level before it
        (
            "年末户籍人口52.3万人，比上年末减少0.4万人，其中男性26.8万人、女性25.5万人。",
            [("sum", "consistent", ("52.3万人", "26.8万人", "25.5万人"))],
        ),
    ],
)
def test_parts_over_a_whole_sentence(text, expected):
    assert of_kind(text, "sum") == expected


def test_a_part_with_its_own_parts():
    found = of_kind("全镇农业总产值8.4亿元，其中种植业5.1亿元，畜牧业3.3亿元，其中生猪2.0亿元、家禽1.3亿元。", "sum")
    assert ("sum", "consistent", ("8.4亿元", "5.1亿元", "3.3亿元")) in found
    assert ("sum", "consistent", ("3.3亿元", "2.0亿元", "1.3亿元")) in found


def test_brackets_list_parts_of_the_figure_before_them():
    found = of_kind("全市新建学校12所（小学7所、初中4所、高中1所），新建医院3所。", "sum")
    assert found == [("sum", "consistent", ("12所", "7所", "4所", "1所"))]
    found = of_kind("签约项目18个，其中工业项目11个（含技改项目5个），服务业项目7个。", "sum")
    assert found == [("sum", "consistent", ("18个", "11个", "7个"))]
    found = of_kind("计划开工项目40个（其中下半年计划开工15个），目前实际已开工32个，完成年度计划的80%。", "sum")
    assert found == []


def test_labels_and_other_measures_are_no_parts():
    text = "全县千万元以上项目52个，总投资300亿元。其中亿元以上项目18个，总投资246.5亿元，年度计划完成投资60.3亿元。"
    assert of_kind(text, "sum") == []


def test_a_plan_word_before_an_actual_word_names_the_plan():
    found = of_kind("今年计划完成造林面积2.4万亩，截至目前已完成1.8万亩，占年度计划的75%。", "plan")
    assert found == [("plan", "consistent", ("2.4万亩", "1.8万亩", "75%"))]
    # 预算 inside a name (一般公共预算收入) names no plan
    found = checks_of("一般公共预算收入累计完成12.6亿元，完成年度预算的84%。")
    assert found == [("plan", "cannot tell", ("12.6亿元", "84%"))]
    assert (
        "no plan stated"
        in find_checks(*_with_figures("一般公共预算收入累计完成12.6亿元，完成年度预算的84%。"))[0].explanation
    )


def _with_figures(text):
    return text, extract(text)


def test_a_plan_stated_in_the_sentence_before():
    text = "今年全区重点项目计划投资85亿元。1-9月完成投资61.2亿元，完成年度计划的72%。"
    assert of_kind(text, "plan") == [("plan", "consistent", ("85亿元", "61.2亿元", "72%"))]
    # only the sentence just before, and only in the same paragraph
    for far in (
        "今年全区重点项目计划投资85亿元。项目推进顺利。1-9月完成投资61.2亿元，完成年度计划的72%。",
        "今年全区重点项目计划投资85亿元。\n1-9月完成投资61.2亿元，完成年度计划的72%。",
    ):
        assert of_kind(far, "plan") == [("plan", "cannot tell", ("61.2亿元", "72%"))]


def test_an_increment_after_the_rate():
    found = of_kind("一般贸易出口12.4亿美元，增长24%，出口净增2.4亿美元。", "growth")
    assert found == [("growth", "consistent", ("12.4亿美元", "24%", "2.4亿美元"))]
    # operands rounded to 0.1: 2.4 / (12.4 − 2.4) may be anything from 23.3% to 24.7%
    found = of_kind("一般贸易出口12.4亿美元，增长24.6%，出口净增2.4亿美元。", "growth")
    assert found == [("growth", "rounding", ("12.4亿美元", "24.6%", "2.4亿美元"))]
    assert of_kind("营业收入8亿元，增长10%，利润增加3亿元。", "growth") == []


def test_a_share_names_its_whole_stated_earlier():
    text = "今年前三季度，全省外贸进出口总值3200亿元。\n加工贸易进出口960亿元，占全省进出口总值的30%；一般贸易进出口2000亿元，占60%。"
    assert of_kind(text, "share") == [
        ("share", "consistent", ("3200亿元", "960亿元", "30%")),
        ("share", "inconsistent", ("3200亿元", "2000亿元", "60%")),
    ]
    # a whole the article never states leaves the share without a total
    found = of_kind("全省出口960亿元，占全国出口总值的3%。", "share")
    assert found == [("share", "cannot tell", ("960亿元", "3%"))]


def test_traditional_script_bulletin():
    text = "全縣地區生產總值56.8億元，增長4.6%。其中，第一產業增加值5.3億元；第二產業增加值11.5億元；第三產業增加值40.0億元。"
    from hecha.store.script import fold

    found = [(c.kind, c.verdict) for c in find_checks(text, extract(fold(text)))]
    assert found == [("sum", "consistent")]


def test_a_growth_rate_is_never_an_increment():
    text = "去年示范单位接待游客8亿人次，约占全省游客的35.5%，同比增长12%，门票收入0.9万亿元，同比增长14%。"
    assert of_kind(text, "growth") == []


def test_completion_rates_listed_with_fen_bie_are_no_shares_of_one_whole():
    text = "四类项目分别完成投资12亿元、30亿元、8亿元和5亿元，分别占计划的96.4%、101.2%、88%和110.5%。"
    assert of_kind(text, "sum") == []


def test_a_whole_named_without_de_and_spending_growth():
    text = "全县财政收入完成5260万元，增长4%。其中：税收收入完成3945万元，税收收入占财政收入75%。"
    assert of_kind(text, "share") == [("share", "consistent", ("5260万元", "3945万元", "75%"))]
    text = "全县一般公共预算支出完成8.42亿元，增长5.0%，增支0.4亿元。"
    assert of_kind(text, "growth") == [("growth", "consistent", ("8.42亿元", "5.0%", "0.4亿元"))]


def test_an_increment_is_of_the_subjects_level_not_of_a_plan():
    text = "全县税收收入累计完成4.62亿元，占年初预算数5.1亿元的90.6%，同比增长8.2%，增收0.35亿元。"
    assert of_kind(text, "growth") == [("growth", "consistent", ("4.62亿元", "8.2%", "0.35亿元"))]
