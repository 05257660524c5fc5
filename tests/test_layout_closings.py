"""How articles close and what hangs under them, on pages written for this test.

* a letter signed by the bodies that send it, over its date and a closing
  source tag, then the next report of the page;
* an arts page: a profile whose pictures are listed under a `图片：` label
  (title, medium, artist), and a seal carving printed as an item of its own,
  its artist's name on the line under it;
* staff credits listing many reporters, and captions that name who stands
  on the left;
* Hong Kong news without empty lines: a box of voices from the street under
  a report keeps to the report.
"""

import pytest

from hecha.store.clean import clean_text
from hecha.store.forms import line_form
from hecha.store.heads import column_label
from hecha.store.layout import split_page
from hecha.store.shapes import caption_cue

LETTER_PAGE = """致全市环卫工人的慰问信
全市环卫工人同志们：
岁末年初，寒风凛冽。你们起早贪黑、不辞辛劳，守护着城市的整洁与安宁。
新的一年，希望大家注意安全、保重身体，市委、市政府将继续关心你们的工作和生活。
中共临江市委
临江市人民政府
2025年1月20日
（本报临江1月20日电）

临江新建三座口袋公园
本报临江1月20日电  （记者周明）记者从市园林局获悉：今年以来，全市利用边角地新建三座口袋公园，总面积1.2万平方米。
园林局负责人说，明年还将在老城区再建五座。
"""

SPEECH_HEAD = """在全省农村工作会议上的讲话
（一九九九年二月三日）（附图片１张）
王　川
同志们、朋友们：
这次会议的主要任务是，总结去年的农村工作，部署今年的任务。
"""


def page(text: str):
    """Articles of a page, and every block of it as (kind, text)."""
    articles = split_page(clean_text(text))
    return articles, [(b.kind, b.text) for a in articles for b in a.blocks]


def kind_of(blocks, start: str) -> str:
    """The kind of the first block starting with `start`."""
    return next(kind for kind, text in blocks if text.startswith(start))


def test_signers_over_the_date_of_a_letter_close_it():
    articles, blocks = page(LETTER_PAGE)
    assert [a.title for a in articles] == ["致全市环卫工人的慰问信", "临江新建三座口袋公园"]
    assert kind_of(blocks, "中共临江市委") == "byline"
    assert kind_of(blocks, "临江市人民政府") == "byline"
    assert kind_of(blocks, "2025年1月20日") == "credit"


def test_a_closing_source_tag_ends_the_head_of_no_article():
    text = LETTER_PAGE.replace("\n\n临江新建", "\n临江新建")  # no empty line before the next headline
    articles, _ = page(text)
    assert [a.title for a in articles] == ["致全市环卫工人的慰问信", "临江新建三座口袋公园"]


def test_a_date_under_a_title_signs_nothing():
    _, blocks = page(SPEECH_HEAD)
    assert kind_of(blocks, "在全省农村工作会议上的讲话") == "title"
    assert kind_of(blocks, "（一九九九年二月三日）") == "credit"
    assert kind_of(blocks, "王") == "byline"
    assert kind_of(blocks, "同志们") == "paragraph"  # the speech speaks to its hearers
    assert kind_of(blocks, "这次会议") == "paragraph"


def test_a_speech_glued_under_the_last_sentence_keeps_its_title():
    text = "县里今年新修村道八十公里。\n" + SPEECH_HEAD
    articles, blocks = page(text)
    assert kind_of(blocks, "在全省农村工作会议上的讲话") == "title"
    assert articles[-1].title == "在全省农村工作会议上的讲话"


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("（一九九九年二月三日）（附图片１张）", "credit"),
        ("（传真照片）（新华社发）", "credit"),
        ("（上）（完）", None),
    ],
)
def test_notes_side_by_side_in_brackets(line, role):
    form = line_form(line)
    assert (form.role if form else None) == role


ARTS_PAGE = """笔墨里的江南——记画家沈青先生（附图片２张）
林　川
沈青先生擅长山水，笔下的江南烟雨迷蒙，自成一格。
他常说，画家要走出画室，到山水间去。几十年来，他走遍了太湖沿岸的村镇，留下写生稿上千幅。
图片：
春江晓色（中国画）（沈青）
太湖帆影（水彩画）（沈青）

松风（书法）
（周敬之）

青年版画展在省美术馆开幕
省美术馆日前举办青年版画作品展，展出八十余位青年作者的一百二十幅作品。
展览将持续到本月底。
"""


def test_captions_under_a_picture_label_stay_with_their_article():
    articles, blocks = page(ARTS_PAGE)
    assert articles[0].title.startswith("笔墨里的江南")
    assert kind_of(blocks, "图片") == "caption"
    assert kind_of(blocks, "春江晓色") == "caption"
    assert kind_of(blocks, "太湖帆影") == "caption"
    assert articles[0].blocks[-1].text.startswith("太湖帆影")


def test_an_item_signed_on_its_own_line_is_over_after_an_empty_line():
    articles, blocks = page(ARTS_PAGE)
    assert [a.title for a in articles][1:] == ["松风（书法）", "青年版画展在省美术馆开幕"]
    assert kind_of(blocks, "（周敬之）") == "byline"


def test_picture_labels_in_traditional_characters():
    assert caption_cue("圖片：") == "picture label"
    assert caption_cue("附图：") == "picture label"
    assert caption_cue("图片：春江晓色") == ""  # a label stands alone on its line


@pytest.mark.parametrize(
    "line",
    [
        "（本报记者方远、白露、韩冬、葛青、卢小川、邹一鸣、严明、程立、骆宁、许多多）",
        "（本報記者梁子建、何嘉欣、胡永樂、陳浩文、黃美玲、鄧志明參與採寫）",
    ],
)
def test_staff_credit_listing_many_reporters_is_a_byline(line):
    form = line_form(line)
    assert form is not None and form.role == "byline", form


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("左为市图书馆馆长陈立。", "people placed in a photo"),
        ("右二為參加比賽的選手林嘉。", "people placed in a photo"),
        ("前排左三为获奖教师代表。", "people placed in a photo"),
        ("左右为难的局面终于有了转机。", ""),
        ("上为国家分忧，下为百姓解难。", ""),
    ],
)
def test_captions_that_name_who_stands_on_the_left(text, cue):
    assert caption_cue(text) == cue


HK_VOICES = """新界北巴士線重組惹不滿
運輸署上月宣布重組新界北多條巴士線，部分路線將於下月起取消。
不少上水及粉嶺居民批評，新路線要轉車兩次，車程多了半小時。
運輸署回應稱，重組後班次更密，整體乘客受惠。
區議員表示，將向運輸署反映居民對巴士線重組的意見。
陳婆婆每朝搭車飲茶
陳婆婆每朝都由粉嶺搭巴士到上水飲茶，她說取消路線後要轉車，對長者非常不便。
她希望運輸署保留現有巴士線，至少在早上保留班次。
"""


def test_a_box_of_voices_under_a_report_is_a_sub_head():
    articles, blocks = page(HK_VOICES)
    assert len(articles) == 1
    assert kind_of(blocks, "陳婆婆每朝搭車飲茶") == "heading"


GLUED_EPAPER = """孩子们的冰雪课（新春走基层）
临江市第三小学的操场上，一块临时浇成的冰场吸引了不少孩子。
体育老师说，学校每周安排两节冰雪课，孩子们的兴趣越来越浓。
（相关报道见第七版）
不再冷清的寒假（身边事）
放学后，不少孩子留在学校的冰场上练习滑冰，老师和家长在一旁看护。
学校说，冰场会一直开放到寒假结束。
"""


def test_a_headline_ending_in_a_column_label_opens_an_article_without_an_empty_line():
    articles, _ = page(GLUED_EPAPER)
    assert [a.title for a in articles] == [
        "孩子们的冰雪课（新春走基层）",
        "不再冷清的寒假（身边事）",
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("菜篮子里的新年味（新春走基层）", True),
        ("“冰场就在家门口”（现场·民生）", True),
        ("春江晓色（中国画）（沈青）", False),  # a picture and its artist
        ("渔港迎来丰收日（图片）", False),  # a picture story's marker
        ("长夜漫漫（上）", False),  # a part of a serial
    ],
)
def test_column_labels(line, label):
    assert column_label(line) is label
