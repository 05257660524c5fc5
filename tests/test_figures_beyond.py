"""Figures beyond the seed pages: other desks, regions and scripts (FIGURES.md, "Beyond the seed pages").

Every sentence here is written for this test, in the styles of a weather
bulletin, a phone launch, Hong Kong property and stock news, a sports report,
a health study and Taiwan finance news.
"""

from __future__ import annotations

import pytest

from hecha.store import units
from hecha.store.figures import KINDS, extract


def found(text: str) -> dict[str, tuple]:
    """span text → (kind, value, unit, low, high, iso) for every figure in `text`."""
    return {f.text: (f.kind, f.value, f.unit, f.low, f.high, f.iso) for f in extract(text)}


def one(text: str, span: str):
    """The single figure whose text is `span`."""
    hits = [f for f in extract(text) if f.text == span]
    assert len(hits) == 1, (span, [f.text for f in extract(text)])
    return hits[0]


# ------------------------------------------------------------------ signs
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("受出口拖累，当月工业利润同比增长-3.5%。", "-3.5%", -3.5),
        ("公司全年净利润-120亿元，连续第二年亏损。", "-120亿元", -12_000_000_000),
        ("物价指数环比−2.1%，为年内最低。", "−2.1%", -2.1),
        ("上月出口增速为－0.8%。", "－0.8%", -0.8),
        ("漠河今晨气温零下35摄氏度。", "零下35摄氏度", -35),
        ("实际利率已降至负0.3%。", "负0.3%", -0.3),
        ("高原地区夜间最低气温-4.5℃。", "-4.5℃", -4.5),
    ],
)
def test_negative_numbers_carry_their_sign_in_span_and_value(text, span, value):
    assert one(text, span).value == value


def test_a_negative_range_is_one_figure_low_to_high():
    fig = one("明天最低气温零下9℃至零下2℃，有小雪。", "零下9℃至零下2℃")
    assert (fig.value, fig.low, fig.high, fig.unit) == (None, -9, -2, "℃")
    fig = one("周末气温-3～5℃。", "-3～5℃")
    assert (fig.low, fig.high) == (-3, 5)


def test_a_fall_written_in_words_keeps_a_positive_value():
    assert one("恒指下跌1.2%。", "1.2%").value == 1.2


def test_ranges_written_high_first_are_low_to_high():
    fig = one("两组受试者比例为60%~40%。", "60%~40%")
    assert (fig.low, fig.high) == (40, 60)


def test_a_hyphen_between_numbers_is_a_range_not_a_sign():
    fig = one("预计增长5-8%。", "5-8%")
    assert (fig.low, fig.high) == (5, 8)


# ------------------------------------------------------------ any unit
@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        ("每日补充维生素D 400国际单位。", "400国际单位", "measure", 400, "国际单位"),
        ("每片含叶酸400微克。", "400微克", "measure", 400, "微克"),
        ("空腹血糖6.1毫摩尔/升。", "6.1毫摩尔/升", "measure", 6.1, "毫摩尔/升"),
        ("收缩压降低5毫米汞柱。", "5毫米汞柱", "measure", 5, "毫米汞柱"),
        ("新机配备6.8英寸屏幕。", "6.8英寸", "measure", 6.8, "英寸"),
        ("新機配備6.1吋螢幕。", "6.1吋", "measure", 6.1, "吋"),
        ("内置5500mAh电池。", "5500mAh", "measure", 5500, "mAh"),
        ("支持90W快充。", "90W", "measure", 90, "W"),
        ("输出电压12V。", "12V", "measure", 12, "V"),
        ("支持5V/3A充电。", "3A", "measure", 3, "A"),
        ("存储空间1TB。", "1TB", "measure", 1, "TB"),
        ("屏幕刷新率144Hz。", "144Hz", "measure", 144, "Hz"),
        ("后置5000万像素主摄。", "5000万像素", "measure", 50_000_000, "像素"),
        ("市中心一套35坪的公寓。", "35坪", "measure", 35, "坪"),
        ("實用面積600呎。", "600呎", "measure", 600, "呎"),
        ("實用面積由301至1,054方呎。", "301至1,054方呎", "measure", None, "方呎"),
        ("今年第5号台风中心附近风力13级。", "13级", "measure", 13, "级"),
        ("阵风八级，海面浪高2.5米。", "八级", "measure", 8, "级"),
        ("跳高成绩2.3米。", "2.3米", "measure", 2.3, "米"),
        ("日照时数比常年偏多35小时。", "35小时", "duration", 35, "小时"),
        ("全市日降水量达120毫米。", "120毫米", "measure", 120, "毫米"),
        ("最高温度38摄氏度。", "38摄氏度", "measure", 38, "摄氏度"),
    ],
)
def test_any_unit_of_measure_counts(text, span, kind, value, unit):
    fig = one(text, span)
    assert (fig.kind, fig.value, fig.unit) == (kind, value, unit)


@pytest.mark.parametrize("text", ["三级医院床位紧张", "两级法院联动", "一级建造师考试", "推广5A级景区经验"])
def test_a_grade_that_is_not_wind_or_a_quake_is_not_a_figure(text):
    assert extract(text) == []


def test_wind_force_ranges_and_index_points():
    assert found("沿海有6到7级东北风。")["6到7级"][3:5] == (6, 7)
    assert one("上证指数收报2950.41点。", "2950.41点").kind == "measure"
    assert one("恒指收報16,725點，跌212點。", "212點").unit == "点"


def test_points_without_a_market_are_items():
    assert one("会议提出3点建议。", "3点").kind == "quantity"


def test_a_resolution_is_one_measure_without_value():
    fig = one("分辨率2400x1080，像素密度高。", "2400x1080")
    assert (fig.kind, fig.value) == ("measure", None)


# ------------------------------------------------------------ currencies
@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("呎價約HK$15,800。", "HK$15,800", 15800, "HK$"),
        ("建議售價NT$12,990。", "NT$12,990", 12990, "NT$"),
        ("募资US$1.2亿。", "US$1.2亿", 120_000_000, "US$"),
        ("会员价￥99。", "￥99", 99, "¥"),
        ("首发价人民币1,599元。", "人民币1,599元", 1599, "元"),
        ("售價新台幣33,990元。", "新台幣33,990元", 33990, "元"),
        ("北水淨流入45.3億港元。", "45.3億港元", 4_530_000_000, "港元"),
    ],
)
def test_currency_signs_and_names_belong_to_the_span(text, span, value, unit):
    fig = one(text, span)
    assert (fig.kind, fig.value, fig.unit) == ("money", value, unit)


# --------------------------------------------------------- times and dates
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("气象台定于6月1日下午3时发布警报。", "6月1日下午3时", "--06-01T15:00"),
        ("航班于2023-04-05 08:30起飞。", "2023-04-05 08:30", "2023-04-05T08:30"),
        ("卫星于5月12日零时17分升空。", "5月12日零时17分", "--05-12T00:17"),
        ("发布会定在3月8日晚8点。", "3月8日晚8点", "--03-08T20:00"),
        ("十月中旬起降温。", "十月中旬", "--10-11/--10-20"),
        ("二月下旬雨水偏多。", "二月下旬", "--02-21/--02-28"),
        ("2024年2月底前完成。", "2024年2月底", "2024-02-21/2024-02-29"),
        ("计划2025年底建成。", "2025年底", "2025-12"),
        ("今年上半年出口回升。", "上半年", "--01/--06"),
        ("今年頭3個月成交量回升。", "頭3個月", "--01/--03"),
        ("去年第四季營收創新高。", "第四季", "--10/--12"),
        ("廿五日凌晨開始。", "廿五日", "---25"),
    ],
)
def test_dates_with_times_and_parts_of_months(text, span, iso):
    fig = one(text, span)
    assert (fig.kind, fig.iso) == ("date", iso)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("晚上8点开始直播。", "8点"),
        ("下午4时11分，飞船对接成功。", "4时11分"),
        ("比赛于周一至周三举行。", "周一至周三"),
        ("上週五收市後公布。", "上週五"),
        ("二十世纪最重要的发明。", "二十世纪"),
        ("20世纪90年代末以来。", "20世纪90年代末"),
        ("列车20:45开出。", "20:45"),
    ],
)
def test_clock_times_weekdays_and_eras_are_dates_without_iso(text, span):
    fig = one(text, span)
    assert (fig.kind, fig.iso) == ("date", None)


# ------------------------------------------------- durations, marks, ages
@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "unit"),
    [
        ("冠军用时一小时五分三十秒。", "一小时五分三十秒", "duration", 3930, "秒"),
        ("他以二分零五秒的成绩过线。", "二分零五秒", "duration", 125, "秒"),
        ("马拉松成绩2小时08分15秒。", "2小时08分15秒", "duration", 7695, "秒"),
        ("百米跑出9秒83。", "9秒83", "duration", 9.83, "秒"),
        ("跳远跳出八米一五。", "八米一五", "measure", 8.15, "米"),
        ("年僅17歲零兩個月。", "17歲零兩個月", "duration", 206, "个月"),
        ("工期三年零六个月。", "三年零六个月", "duration", 42, "个月"),
        ("惠及60岁以上老人。", "60岁以上", "duration", 60, "岁"),
        ("股市休市一天。", "一天", "duration", 1, "天"),
        ("疫情爆发后关键10日。", "10日", "duration", 10, "日"),
    ],
)
def test_compound_durations_marks_and_ages(text, span, kind, value, unit):
    fig = one(text, span)
    assert (fig.kind, fig.value, fig.unit) == (kind, value, unit)


# ---------------------------------------------------- scores, ratios, sport
@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("主队以3:2险胜。", "3:2", "number"),
        ("她以6﹕1及6﹕4直落兩盤。", "6﹕1", "number"),
        ("北京国安2比1战胜对手。", "2比1", "number"),
        ("三次产业结构为7.1:38.6:54.3。", "7.1:38.6:54.3", "multiple"),
    ],
)
def test_scores_and_ratios_have_no_value(text, span, kind):
    fig = one(text, span)
    assert (fig.kind, fig.value) == (kind, None)


def test_medals_points_goals_and_ranks():
    figures = found("代表团获得九金五银，他全场砍下27分，梅开二度打进两球。")
    assert figures["九金"][:2] == ("quantity", 9) and figures["五银"][:2] == ("quantity", 5)
    assert figures["27分"][:2] == ("quantity", 27) and figures["两球"][:2] == ("quantity", 2)
    assert one("13號種子晉級。", "13號").kind == "rank"
    fig = one("他在第4及第6局破發。", "第4及第6局")
    assert (fig.kind, fig.low, fig.high) == ("rank", 4, 6)
    assert one("这是该型号的第二颗卫星。", "第二颗").value == 2


# ------------------------------------------------- Hong Kong and Taiwan use
def test_hong_kong_property_words():
    figures = found("首輪推出232伙，兩房單位佔六成，最優惠利率5.875厘。")
    assert figures["232伙"][:3] == ("quantity", 232, "伙")
    assert figures["兩房"][:2] == ("quantity", 2)
    assert figures["5.875厘"][:2] == ("percent", 5.875)
    assert figures["六成"][:3] == ("percent", 60, "%")


def test_traditional_characters_read_like_simplified():
    trad = found("農業損失約五億三千兩百卅五萬元，死亡超過五萬隻，上漲0.25個百分點。")
    assert trad["五億三千兩百卅五萬元"][:2] == ("money", 532_350_000)
    assert trad["五萬隻"][:2] == ("quantity", 50000)
    assert trad["0.25個百分點"][:2] == ("percent", 0.25)


def test_full_width_digits_and_points():
    assert one("投资１．５亿元。", "１．５亿元").value == 150_000_000
    assert one("惠及３０多万人。", "３０多万人").value == 300_000


def test_digit_by_digit_numerals():
    assert one("匯率以三四．九九八元開盤。", "三四．九九八元").value == 34.998
    assert one("減收約二五％。", "二五％").value == 25
    assert one("貶破一三○大關。", "一三○").kind == "number"


# ------------------------------------------------ shared units and spaces
def test_numbers_sharing_a_unit():
    figures = found("提供8+256GB和12+512GB两个版本，售价199/249元。")
    assert figures["8"][:3] == ("number", 8, None) and figures["256GB"][:2] == ("measure", 256)
    assert figures["199"][:3] == ("number", 199, None) and figures["249元"][:2] == ("money", 249)
    assert found("分别提高8和15.4个百分点。")["8"][:2] == ("number", 8)


@pytest.mark.parametrize(
    ("text", "span"), [("增长2.5 %。", "2.5 %"), ("定价1,299 元。", "1,299 元"), ("屏幕5 吋。", "5 吋")]
)
def test_a_space_inside_a_figure_stays_in_the_span(text, span):
    assert one(text, span).value in (2.5, 1299, 5)


def test_a_percent_followed_by_to_is_a_change_then_a_level():
    figures = found("恒指涨1.1%至16,800点。")
    assert figures["1.1%"][:2] == ("percent", 1.1) and figures["16,800点"][:2] == ("measure", 16800)


def test_more_after_a_magnitude_is_one_figure():
    fig = one("投资3万多亿元。", "3万多亿元")
    assert (fig.kind, fig.value) == ("money", 3_000_000_000_000)


def test_table_cells_are_numbers():
    text = "指标\t2023年\t增长\n地区生产总值\t12345.67\t5.2\n一般公共预算收入\t1023.4\t-3.5\n"
    figures = found(text)
    assert figures["12345.67"][:2] == ("number", 12345.67)
    assert figures["-3.5"][:2] == ("number", -3.5)


# ------------------------------------------------------------ not figures
@pytest.mark.parametrize(
    "text",
    [
        "男子一万米决赛今晚举行",
        "女子4×100米接力",
        "党的二十大报告",
        "十九届三中全会公报",
        "第二产业增加值",
        "一是稳增长，二是保就业",
        "（一）总体要求",
        "沪深300指数",
        "创业板50",
        "iPhone 15 发布会",
        "骁龙8处理器",
        "三期工程开工",
        "拨打12345热线",
        "“五一”假期",
        "第5轮比赛",
        "一马当先",
        "三心二意",
        "实现十连增",
        "（单位：亿元）",
        "第8座",
        "腾讯控股（00700）",
        "五年期国库券",
        "道—瓊斯30種工業股票",
        "《2000年9月至2001年9月安置方案》",
    ],
)
def test_names_labels_and_idioms_are_not_figures(text):
    assert extract(text) == []


# -------------------------------------------------------------- the table
def test_units_table_rows_are_well_formed():
    rows = units.table()
    assert len(rows) > 200
    for row in rows:
        assert row.kind in KINDS and row.scale > 0, row
        assert row.after in ("any", "arabic", "cue", "prefix"), row
    dimensions = {row.dimension for row in rows}
    assert {"length", "area", "volume", "mass", "time", "data", "temperature", "CNY", "HKD", "TWD"} <= dimensions


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("台风中心气压985百帕。", "985百帕", "measure", 985),
        ("全日成交3,000手。", "3,000手", "quantity", 3000),
        ("PM2.5年均浓度32微克/立方米。", "32微克/立方米", "measure", 32),
        ("纳入年龄≥65岁的患者。", "65岁", "duration", 65),
        ("按揭息率為P+1.3厘。", "1.3厘", "percent", 1.3),
        ("他在第85分钟破门。", "第85分钟", "rank", 85),
        ("以$1,280萬易手。", "$1,280萬", "money", 12_800_000),
    ],
)
def test_more_units_from_other_desks(text, span, kind, value):
    fig = one(text, span)
    assert (fig.kind, fig.value) == (kind, value)
    assert [f.text for f in extract(text)] == [span]


def test_an_event_named_by_its_distance_is_not_a_figure():
    assert extract("她在1500米自由泳比赛中夺冠，又跑了110米栏。") == []


def test_a_qualifier_sign_is_recorded():
    assert one("纳入年龄≥65岁的患者。", "65岁").qualifier == "≥"


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("预计20日20时至21日20时有大到暴雨。", "20日20时至21日20时", "---20T20:00/---21T20:00"),
        ("8月5日8时至14时停电检修。", "8月5日8时至14时", "--08-05T08:00/--08-05T14:00"),
    ],
)
def test_a_period_between_two_times_is_one_date(text, span, iso):
    assert one(text, span).iso == iso


def test_levels_stated_as_decimals_are_numbers():
    figures = found("租金指數則升0.8%至189.6，風險比0.73（95%置信區間0.61～0.87）。")
    assert figures["189.6"][:2] == ("number", 189.6)
    assert figures["0.73"][:2] == ("number", 0.73)
    assert figures["0.61～0.87"][3:5] == (0.61, 0.87)
    assert extract("蓝牙5.3和版本5.1") == []
    assert extract("1.1 总则") == []


def test_a_rate_cut_to_a_level_is_two_figures_but_a_forecast_range_is_one():
    assert set(found("銀行下調最優惠利率0.125厘至5.75厘。")) == {"0.125厘", "5.75厘"}
    assert set(found("预计全年增长3%至5%。")) == {"3%至5%"}


def test_taiwan_prices_with_wan_and_digits():
    assert one("建議售價新台幣2萬4990元。", "新台幣2萬4990元").value == 24990
    assert one("配備5000萬畫素主鏡頭。", "5000萬畫素").kind == "measure"


def test_ratio_sign():
    assert one("三次产业结构为1.7∶36.2∶62.1。", "1.7∶36.2∶62.1").kind == "multiple"


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("她拿下全队最高的二十一分。", "二十一分", "quantity", 21),
        ("他以十二秒八八平了纪录。", "十二秒八八", "duration", 12.88),
        ("公司回購10萬股。", "10萬股", "quantity", 100_000),
        ("全年營收達新台幣一兆二千億元。", "新台幣一兆二千億元", "money", 1_200_000_000_000),
        ("市值蒸發七千多萬", "七千多萬", "number", 70_000_000),
    ],
)
def test_chinese_numeral_points_marks_shares_and_trillions(text, span, kind, value):
    fig = one(text, span)
    assert (fig.kind, fig.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("民國93年7月起實施。", "民國93年7月", "2004-07"),
        ("民國九十三年七月一日生效。", "民國九十三年七月一日", "2004-07-01"),
    ],
)
def test_taiwan_calendar_years(text, span, iso):
    assert one(text, span).iso == iso


def test_very_much_is_not_points():
    assert extract("十分重要，十二分的热情") == []


def test_vertical_colon_every_n_days_and_more_after_a_unit():
    assert one("以60︰57險勝。", "60︰57").kind == "number"
    assert one("每隔4日便新增一间。", "4日").kind == "duration"
    assert one("比前年增加1倍多。", "1倍多").value == 1
    assert extract("他的演讲技惊四座") == []


def test_basis_points_and_exchange_rate_levels():
    figures = found("国债收益率下行2个基点至2.35%，人民币中间价报7.1088，调升35个基点。")
    assert figures["2个基点"][:3] == ("percent", 2, "个基点")
    assert figures["2.35%"][:2] == ("percent", 2.35)
    assert figures["7.1088"][:2] == ("number", 7.1088)


def test_qualifiers_are_recorded_as_written():
    figures = {f.text: f.qualifier for f in extract("電池容量達5500mAh，備貨約2萬台，佔比超過５０％。")}
    assert figures == {"5500mAh": "達", "2萬台": "約", "５０％": "超過"}
    assert one("65周岁及以上人口", "65周岁及以上").value == 65


def test_a_share_written_with_a_slash():
    assert one("约占全省1/3的份额。", "1/3").value == 33.33
    assert extract("1/4决赛和24/7服务") == []


def test_plus_or_minus_is_not_a_negative_sign():
    assert [(f.text, f.value) for f in extract("误差为正负0.5%。")] == [("0.5%", 0.5)]


def test_a_day_label_written_with_a_point_is_not_a_level():
    assert extract("今年3.15晚会曝光了多家企业") == []


def test_a_day_in_brackets_after_today_taiwan_style():
    assert one("華碩今（15）日在台北發表新機。", "（15）日").iso == "---15"
    assert extract("（1）总体要求") == []


def test_a_range_of_levels_without_a_unit():
    fig = one("體重指數介於18.5至24之間屬正常。", "18.5至24")
    assert (fig.kind, fig.low, fig.high) == ("number", 18.5, 24)


def test_neighbouring_digits_are_a_rough_amount_and_session_numbers_are_names():
    assert found("走访了五六个村、二三十家企业。") == {
        "五六个": ("quantity", None, "个", 5, 6, None),
        "二三十家": ("quantity", None, "家", 20, 30, None),
    }
    assert extract("第十四届全国人大二次会议") == []


def test_a_count_of_a_noun_without_a_classifier_after_a_counting_verb():
    assert one("醫院可收1000病人。", "1000").kind == "number"
    assert one("当晚疏散3000群众。", "3000").value == 3000
    assert extract("请拨打12345热线") == []


def test_more_classifiers_and_currencies():
    figures = found("村民共背土136万篓，損失5200万里拉，装了3箱、5包，拍了30集。")
    assert figures["136万篓"][:2] == ("quantity", 1_360_000)
    assert figures["5200万里拉"][:3] == ("money", 52_000_000, "里拉")
    assert {"3箱", "5包", "30集"} <= set(figures)
    assert extract("两口子实行三班倒，二道贩子有两把刷子") == []
