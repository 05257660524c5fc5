"""Figures in styles met in real text from other desks: dates written with spaces,
scores with a hyphen, ratios in health studies, index levels with no unit.

Every sentence is written for this test; none is copied from any corpus.
"""

from __future__ import annotations

import pytest

from hecha.store.figures import extract


def spans(text: str) -> list[str]:
    """The text of every figure found, in order."""
    return [f.text for f in extract(text)]


def one(text: str, span: str):
    """The single figure whose text is `span`."""
    hits = [f for f in extract(text) if f.text == span]
    assert len(hits) == 1, (span, spans(text))
    return hits[0]


# ------------------------------------------------------ dates with spaces
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("新品将于 3 月 18 日 20:00 在线发布。", "3 月 18 日 20:00", "--03-18T20:00"),
        ("该系列在 11 月 2 日开售。", "11 月 2 日", "--11-02"),
        ("据预报， 9 日有一次降雨过程。", "9 日", "---09"),
        ("财报显示 2024 年 6 月 30 日止的季度营收上升。", "2024 年 6 月 30 日", "2024-06-30"),
    ],
)
def test_dates_written_with_spaces(text, span, iso):
    assert one(text, span).iso == iso


def test_a_spaced_count_of_days_stays_a_duration():
    assert one("整个工期用了 5 天。", "5 天").kind == "duration"


# ------------------------------------------------ magnitudes after a space
def test_a_space_before_the_magnitude_keeps_the_magnitude():
    assert one("後置鏡頭為 4,800 萬畫素。", "4,800 萬畫素").value == 48_000_000
    assert one("本轮融资 15 亿元。", "15 亿元").value == 1_500_000_000


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("提供 8 / 128GB 两种存储版本。", "8", "128GB"),
        ("主副镜头分别为 5,000 / 800 萬畫素。", "5,000", "800 萬畫素"),
    ],
)
def test_a_shared_unit_with_spaces_around_the_slash(text, first, second):
    assert one(text, first).kind == "number"
    assert one(text, second).kind == "measure"


# ------------------------------------------------------ scores with a hyphen
@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("主队最终以97-88击败客队。", "97-88"),
        ("第三节客队打出15-2的攻势。", "15-2"),
        ("常规时间结束时双方战成101-101平。", "101-101"),
        ("半场结束时主队42-38领先。", "42-38"),
    ],
)
def test_scores_written_with_a_hyphen(text, score):
    figure = one(text, score)
    assert (figure.kind, figure.value) == ("number", None)


def test_a_hyphen_range_with_a_unit_stays_a_range():
    figure = one("本次培训以4-6人为一组。", "4-6人")
    assert (figure.kind, figure.low, figure.high) == ("quantity", 4, 6)
    assert one("南风3-4级。", "3-4级").kind == "measure"


def test_a_team_named_by_a_number_is_not_a_figure():
    assert spans("昨晚76人队客场作战。") == []


# --------------------------------------------------------- race times
def test_a_race_time_with_hundredths():
    figure = one("她以31分02秒45获得女子一万米冠军。", "31分02秒45")
    assert (figure.kind, figure.value, figure.unit) == ("duration", 1862.45, "秒")


# ------------------------------------------------------------ health studies
def test_a_hazard_ratio_and_its_interval():
    text = "干预组心衰住院风险下降（HR 0.76，95%CI 0.64-0.91）。"
    assert spans(text) == ["0.76", "0.64-0.91"]
    interval = one(text, "0.64-0.91")
    assert (interval.kind, interval.low, interval.high) == ("number", 0.64, 0.91)


def test_an_odds_ratio_written_with_an_equals_sign():
    assert one("吸烟者患病的OR=2.35。", "2.35").kind == "number"
    assert spans("结果以95%置信区间表示。") == []


def test_a_concentration_written_with_spaces_around_the_slash():
    figure = one("血清浓度低于 30 ng / mL 视为不足。", "30 ng / mL")
    assert (figure.kind, figure.value, figure.unit) == ("measure", 30, "ng/mL")
    assert one("血钾3.4 mmol/L。", "3.4 mmol/L").unit == "mmol/L"


# -------------------------------------------------------------- markets
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("恒指盘中低见21,305，尾市回升。", "21,305", 21305),
        ("期指收报21,480，高水20点。", "21,480", 21480),
    ],
)
def test_an_index_level_without_a_unit(text, span, value):
    figure = one(text, span)
    assert (figure.kind, figure.value) == ("number", value)


def test_a_wind_grade_with_a_tail_before_the_wind():
    figure = one("午后有5级左右东北风。", "5级左右")
    assert (figure.kind, figure.value, figure.unit) == ("measure", 5, "级")


def test_the_first_months_of_a_year_written_with_shou():
    assert one("今年首三個月共有2,130伙落成。", "首三個月").iso == "--01/--03"


# ------------------------------------------------ more dates and names
def test_a_bracketed_day_with_a_time_of_day():
    assert one("馬拉松賽今（9）日清晨5時45分鳴槍起跑。", "（9）日清晨5時45分").iso == "---09T05:45"


def test_a_month_range_across_the_new_year():
    assert one("每年 10 月至次年 4 月为供暖期。", "10 月至次年 4 月").iso == "--10/--04"


def test_a_chinese_month_alone_is_a_date_but_not_in_a_name():
    assert one("该区八月成交量回升。", "八月").iso == "--08"
    assert spans("纪念十月革命。") == []


def test_a_resolution_with_thousands_separators():
    figure = one("副屏分辨率为 2,560 x 1,600。", "2,560 x 1,600")
    assert (figure.kind, figure.value) == ("measure", None)


def test_a_latitude_in_degrees():
    assert one("该站位于北纬 41˚ 附近。", "41˚").kind == "measure"


def test_a_block_of_flats_is_not_a_count_but_new_towers_are():
    assert spans("成交單位為3座低層B室。") == []
    assert one("發展商將興建4座高層住宅。", "4座").kind == "quantity"


def test_taiwan_after_a_number_is_a_place_not_a_classifier():
    assert "2026台" not in spans("2026台中花博昨日开幕。")


# ------------------------------------------------ markets and league tables
def test_index_points_far_from_the_verb_but_near_the_index():
    text = "恒生指數早段升至20850點，距離年內高位只差140點。"
    assert one(text, "140點").kind == "measure"
    assert one("會上他提出3點意見。", "3點").kind == "quantity"


def test_index_points_written_in_words_after_a_change():
    figure = one("大市最多跌八十點後回穩。", "八十點")
    assert (figure.kind, figure.value) == ("measure", 80)
    assert spans("他一點也不擔心。") == []


def test_half_a_tenth_is_five_percent():
    figure = one("該股收市跌半成。", "半成")
    assert (figure.kind, figure.value, figure.unit) == ("percent", 5, "%")
    assert spans("工廠出口半成品。") == []


def test_points_and_games_in_a_league_table():
    text = "球隊12戰積28分，比次席少三分，以20場31分排9。"
    assert one(text, "12戰").kind == "quantity"
    assert one(text, "三分").value == 3
    place = one(text, "9")
    assert (place.kind, place.value) == ("rank", 9)
    assert spans("二戰期間") == []


def test_or_below_stays_in_the_span():
    assert one("新界氣溫跌至6度或以下。", "6度或以下").value == 6


def test_a_world_war_is_not_a_rank():
    assert spans("第二次世界大戰結束後") == []


# ------------------------------------------------ weather, doses and marks
def test_two_wind_ranges_share_the_wind_after_them():
    text = "外海有8-10級和5-7級偏東大風。"
    assert one(text, "8-10級").low == 8
    assert one(text, "5-7級").high == 7


def test_neighbouring_numerals_are_a_range():
    figure = one("白天偏南风三四级。", "三四级")
    assert (figure.low, figure.high) == (3, 4)
    assert (one("会场来了二三十人。", "二三十人").low, one("会场来了二三十人。", "二三十人").high) == (20, 30)


def test_thousands_separated_by_a_space():
    assert one("高剂量组每日服用 20 000 IU。", "20 000 IU").value == 20000
    assert [f.text for f in extract("合计 75 100.0%")] == ["100.0%"]
    assert "4 186" not in [f.text for f in extract("單位 個 643 4 186 2 876")]  # cells of a row, not thousands


def test_a_range_with_spaces_around_the_word_between():
    figure = one("建议每日摄入 1,000 到 2,000 IU。", "1,000 到 2,000 IU")
    assert (figure.low, figure.high, figure.unit) == (1000, 2000, "IU")


def test_a_concentration_in_nanomoles():
    figure = one("血清水平为40~90nmol/L。", "40~90nmol/L")
    assert (figure.kind, figure.low, figure.high, figure.unit) == ("measure", 40, 90, "nmol/L")


def test_a_throw_with_two_digits_before_the_metre():
    figure = one("她以63米08夺得铅球冠军。", "63米08")
    assert (figure.kind, figure.value, figure.unit) == ("measure", 63.08, "米")
    assert spans("房间宽12米50厘米。") == ["12米", "50厘米"]


def test_a_win_is_not_a_count_of_games():
    assert spans("主队以101-99战胜对手。") == ["101-99"]


def test_a_price_from_is_money_not_a_count_of_cases():
    figure = one("新機建議售價NT$18,990起。", "NT$18,990")
    assert (figure.kind, figure.value) == ("money", 18990)
    assert one("全年發生3起事故。", "3起").kind == "quantity"


def test_a_body_mass_index_unit():
    assert one("肥胖定义为BMI≥30 kg/m2。", "30 kg/m2").unit == "kg/m2"


def test_a_score_before_only():
    assert one("客队以88-85只领先3分。", "88-85").value is None


def test_a_vitamin_dose_glued_to_the_vitamin_letter():
    assert one("对照组服用维生素D800 IU。", "800 IU").value == 800
    assert spans("维生素D3和PM2.5") == []


# ------------------------------------------------------ Taiwan markets
def test_taiwan_amounts_in_wan_and_zhao_with_decimals():
    assert one("加權指數收在2萬9876.54點。", "2萬9876.54點").value == 29876.54
    figure = one("上市公司總市值為新台幣65兆4,321.09億元。", "新台幣65兆4,321.09億元")
    assert (figure.kind, figure.value) == ("money", 65_432_109_000_000)


def test_a_year_of_the_republic_without_its_name():
    assert one("統計至113年12月31日止。", "113年12月31日").iso == "2024-12-31"
    assert one("公司成立已有112年。", "112年").kind == "duration"


def test_a_level_before_a_barrier_is_index_points():
    assert one("台積電帶領台股站上22,000點大關。", "22,000點").kind == "measure"


def test_a_fall_to_a_level_is_two_figures():
    text = "未平倉空單減少850口至12,300口。"
    assert [f.text for f in extract(text)] == ["850口", "12,300口"]


def test_years_before_zhong_are_a_duration():
    assert one("过去12年中该病发病率翻了一番。", "12年").kind == "duration"
    assert one("2024年中，公司完成重组。", "2024年").iso == "2024"


def test_kuai_counts_pieces_before_a_noun_or_among_medals():
    assert one("她有望再拿3块以上金牌。", "3块以上").kind == "quantity"
    assert one("共获得12枚金牌(比上届多5块)。", "5块").kind == "quantity"
    assert one("一碗面卖15块钱。", "15块").kind == "money"


def test_votes_editions_and_days_in_words():
    assert one("新盤三日內收逾6000票。", "6000票").kind == "quantity"
    assert one("她已連續4届參加奧運。", "4届").kind == "quantity"
    assert spans("14届全运会开幕") == []
    figure = one("過去五日大市累跌800點。", "五日")
    assert (figure.kind, figure.value) == ("duration", 5)
    assert one("日圓逼近一三五日圓價位。", "一三五日圓").kind == "money"


def test_a_block_named_before_its_flat():
    assert spans("成交單位為3座實用500方呎的C室。") == ["500方呎"]
