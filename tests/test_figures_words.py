"""Figures written in words, lists and spans of days: index points, degrees and money in Chinese
numerals with a decimal, ranges written with ~ after a verb of change, day ranges in words, lists
of scores, and the words that count nothing (几千, 5日均线, 二元结构).

Every sentence here is written for this test, in the styles of a Taiwan market close, a Hong Kong
property column, a court report, a basketball report and a regional weather bulletin.
"""

from __future__ import annotations

import pytest

from hecha.store.figures import extract


def spans(text: str) -> list[str]:
    """The text of every figure found in `text`, in order."""
    return [f.text for f in extract(text)]


def one(text: str, span: str):
    """The single figure whose text is `span`."""
    hits = [f for f in extract(text) if f.text == span]
    assert len(hits) == 1, (span, spans(text))
    return hits[0]


# ---------------------------------------------------- numbers in words with a decimal
@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("該基金去年規模擴大至十二點五億元。", "十二點五億元", "money", 1_250_000_000),
        ("外資單日賣超三百零七點四二億元。", "三百零七點四二億元", "money", 30_742_000_000),
        ("櫃買指數終場收在一百九十八點零七點。", "一百九十八點零七點", "measure", 198.07),
        ("綜合指數盤中站上兩千八百點後回落。", "兩千八百點", "measure", 2800),
    ],
)
def test_numbers_in_words_with_a_decimal(text, span, kind, value):
    fig = one(text, span)
    assert (fig.kind, fig.value) == (kind, value)


def test_a_clock_in_words_is_still_a_time():
    assert one("会议下午三点开始。", "三点").kind == "date"


# ---------------------------------------------------------------- degrees in words
def test_degrees_in_words_count_beside_a_temperature():
    fig = one("寒潮過境後，山區最低氣溫將降至五至八度。", "五至八度")
    assert (fig.kind, fig.low, fig.high) == ("measure", 5, 8)


def test_degrees_in_words_without_a_temperature_are_not_a_measure():
    assert spans("她三度衝擊冠軍未果。") == []


# ------------------------------------------------------- a range after a verb of change
def test_a_range_with_a_tilde_after_a_change_stays_one_range():
    fig = one("受暖湿气流影响，周末气温将回升3℃~5℃。", "3℃~5℃")
    assert (fig.low, fig.high) == (3, 5)


def test_a_change_and_the_level_it_reached_stay_two_figures():
    assert spans("存款利率下调0.25%至1.5%。") == ["0.25%", "1.5%"]


# -------------------------------------------------------------- an approximator after a space
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("新款平板的續航提升 20% 以上。", "20% 以上", 20),
        ("这款耳机的电池约 500mAh 左右。", "500mAh 左右", 500),
    ],
)
def test_an_approximator_after_a_space_stays_in_the_span(text, span, value):
    assert one(text, span).value == value


# ------------------------------------------------------------ lengths of time in words
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("氣象部門預計未來五日雨勢持續。", "五日", 5),
        ("被告人被判处有期徒刑一年，缓刑两年。", "一年", 1),
        ("该商场过去一周客流回升明显。", "一周", 1),
        ("新机一个月后才会在内地开售。", "一个月", 1),
        ("上半场还剩5分多钟时主队反超。", "5分多钟", 5),
    ],
)
def test_lengths_of_time_in_words(text, span, value):
    fig = one(text, span)
    assert (fig.kind, fig.value) == ("duration", value)


@pytest.mark.parametrize("text", ["一年一度的灯会又开幕了。", "他一天到晚忙个不停。"])
def test_one_year_in_set_phrases_is_not_a_figure(text):
    assert spans(text) == []


# --------------------------------------------------------------------- days in words
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("書展定於七月十五日至廿一日舉行。", "七月十五日至廿一日", "--07-15/--07-21"),
        ("本月三至九日為登記期。", "三至九日", "---03/---09"),
    ],
)
def test_day_ranges_in_words(text, span, iso):
    fig = one(text, span)
    assert (fig.kind, fig.iso) == ("date", iso)


# ----------------------------------------------------------------- sports results
def test_wins_and_losses_are_counts():
    found = {f.text: f.value for f in extract("主队本季取得12胜3负，排名联盟第四。")}
    assert found["12胜"] == 12 and found["3负"] == 3


def test_a_list_of_quarter_scores_after_a_score_cue():
    text = "四節比分：25-20、18-22、30-27、19-24。"
    assert spans(text) == ["25-20", "18-22", "30-27", "19-24"]
    assert {f.kind for f in extract(text)} == {"number"}


def test_citation_ranges_are_not_scores():
    assert spans("該療法的根除率已有多項研究證實[2-4]。") == []


# ------------------------------------------------------------- words that count nothing
@pytest.mark.parametrize(
    "text",
    [
        "本周天气以晴为主。",
        "股价跌破20日均线后继续下探。",
        "现场聚集了几千名市民。",
        "改革要打破城乡二元结构。",
    ],
)
def test_words_that_count_nothing(text):
    assert spans(text) == []


def test_the_weekday_sunday_written_with_tian_still_counts():
    assert one("周天上午开放参观。", "周天").kind == "date"


# ------------------------------------------------------------------- wind and shares
def test_wind_grades_in_a_list_and_after_the_word_for_wind_force():
    text = "明日沿海将有6-7级、阵风8级偏南风，入夜后风力还将加大到7-9级。"
    assert spans(text) == ["6-7级", "8级", "7-9级"]


def test_wind_grades_in_words_before_a_shifting_wind():
    fig = one("山區吹四至五級南轉西南風。", "四至五級")
    assert (fig.low, fig.high) == (4, 5)


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("市區相對濕度介乎百分之55至90。", "百分之55至90", 55, 90),
        ("新药有效率在百分之七十到百分之八十之间。", "百分之七十到百分之八十", 70, 80),
    ],
)
def test_a_range_of_shares_written_with_bai_fen_zhi(text, span, low, high):
    fig = one(text, span)
    assert (fig.kind, fig.value, fig.low, fig.high) == ("percent", None, low, high)


# ------------------------------------------------------------ names that hold numerals
@pytest.mark.parametrize("text", ["全会描绘了实现第二个百年奋斗目标的路线图。", "第一个百年目标如期实现。"])
def test_numbered_goals_are_names(text):
    assert spans(text) == []


def test_a_place_before_a_count_still_ranks():
    assert one("她是第三个冲过终点的选手。", "第三个").kind == "rank"


# -------------------------------------------------------------- days said the spoken way
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("车站客流持续走高，18号，单日发送旅客再创新高。", "18号", "---18"),
        ("展会本月9号上午开幕。", "9号", "---09"),
    ],
)
def test_a_day_written_with_hao(text, span, iso):
    fig = one(text, span)
    assert (fig.kind, fig.iso) == ("date", iso)


@pytest.mark.parametrize("text", ["他身穿23号出场。", "乘坐地铁4号线，到站下车。", "学生王某（初二）获一等奖。"])
def test_numbers_with_hao_and_school_grades_are_not_days(text):
    assert spans(text) == []


def test_a_lunar_day_in_brackets_beside_a_date():
    assert spans("1月29日（初一）起放假。") == ["1月29日", "初一"]


# ------------------------------------------------------------- a unit and a half
@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("老街的石板路长约两公里半。", "两公里半", 2.5, "公里"),
        ("阿婆在街市買了一斤半豬肉。", "一斤半", 1.5, "斤"),
        ("救援队在废墟下坚守了三天半。", "三天半", 3.5, "天"),
    ],
)
def test_a_unit_and_a_half(text, span, value, unit):
    fig = one(text, span)
    assert (fig.value, fig.unit) == (value, unit)


def test_a_count_of_people_before_a_word_starting_with_sheng():
    assert one("沉船事故中有4人生还。", "4人").value == 4


def test_box_score_counts_in_mainland_and_taiwan_words():
    found = {f.text for f in extract("中锋拿下18分、12篮板、3盖帽和2抢断；後衛則有2抄截、4失誤。")}
    assert {"18分", "12篮板", "3盖帽", "2抢断", "2抄截", "4失誤"} <= found


# ------------------------------------------------------------- company results
def test_the_first_three_quarters_written_with_shou():
    fig = one("集團首三季營業額按年升一成。", "首三季")
    assert (fig.kind, fig.iso) == ("date", "--01/--09")


def test_us_cents_in_hong_kong_results():
    fig = one("該公司每股派息12美仙。", "12美仙")
    assert (fig.kind, fig.value) == ("money", 12)


@pytest.mark.parametrize(
    ("text", "span"),
    [("管理層預期下季收入按季減少8%至10%。", "8%至10%"), ("机构预计全年营收同比增长6%至9%。", "6%至9%")],
)
def test_a_forecast_after_a_verb_of_change_is_one_range(text, span):
    fig = one(text, span)
    assert fig.value is None and fig.low < fig.high


# --------------------------------------------------------- a middle dot as a decimal point
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("当日每盎司白银报５·２５美元。", "５·２５美元", 5.25),
        ("全年出口增长了１２·４％。", "１２·４％", 12.4),
        ("日产原油１２３·５万桶。", "１２３·５万桶", 1_235_000),
    ],
)
def test_a_middle_dot_between_digits_is_a_decimal_point(text, span, value):
    assert one(text, span).value == value


@pytest.mark.parametrize(
    "text", ["今年的3·15晚会曝光了多家企业。", "纪念5·12地震十周年。", "记者采访了斯图尔特·默里。"]
)
def test_dates_named_with_a_middle_dot_are_not_decimals(text):
    assert not [f for f in extract(text) if "·" in f.text]


def test_a_range_of_days_ahead_in_words_is_a_length_of_time():
    fig = one("預計未來三至五日天氣持續不穩。", "三至五日")
    assert (fig.kind, fig.low, fig.high, fig.unit) == ("duration", 3, 5, "日")
