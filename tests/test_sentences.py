"""Sentence spans and word boundaries of Chinese text (store.sentences)."""

from itertools import pairwise

import pytest
from conftest import seed_articles

from hecha import store
from hecha.store.sentences import sentence_at, sentence_spans, word_bounds


def sentences(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("今天下雨。明天晴！后天呢？", ["今天下雨。", "明天晴！", "后天呢？"]),
        ("Is it?Yes!好", ["Is it?", "Yes!", "好"]),
        ("真的吗？！是的。。。", ["真的吗？！", "是的。。。"]),
        ("他沉默了……然后走了。", ["他沉默了……", "然后走了。"]),
        ("他沉默了...然后走了。", ["他沉默了...", "然后走了。"]),
        ("规模以上工业增加值增长7.7%。增幅列前茅。", ["规模以上工业增加值增长7.7%。", "增幅列前茅。"]),
        ("新建5G基站。开通4G网络。", ["新建5G基站。", "开通4G网络。"]),
        ("总投资３．５亿元。增长１２％。", ["总投资３．５亿元。", "增长１２％。"]),
        ("增长3.5个百分点，达到1,500万元", ["增长3.5个百分点，达到1,500万元"]),
        ("没有句末标点的一句话", ["没有句末标点的一句话"]),
        ("", []),
        ("   ", []),
    ],
)
def test_sentence_ends(text, expected):
    assert sentences(text) == expected


def test_semicolons_and_colons_do_not_end_sentences():
    assert sentences("一是加强监管；二是优化服务：全面推进。好。") == ["一是加强监管；二是优化服务：全面推进。", "好。"]


def test_closing_quotes_and_brackets_belong_to_the_sentence():
    text = "他说：“我们要努力。”记者了解到此事。（完。）下一句"
    assert sentences(text) == ["他说：“我们要努力。”", "记者了解到此事。", "（完。）", "下一句"]


def test_a_quotation_with_several_sentences_is_kept_whole():
    text = "他表示：“今年增长7.7%。明年还要更好。我们有信心！”随后离开。"
    assert sentences(text) == ["他表示：“今年增长7.7%。明年还要更好。我们有信心！”", "随后离开。"]


def test_quote_ending_without_end_mark_does_not_split():
    assert sentences("“一切围绕项目干、一切围绕项目转”的原则。好。") == [
        "“一切围绕项目干、一切围绕项目转”的原则。",
        "好。",
    ]


def test_nested_quotes_and_parentheses_keep_sentences_inside_whole():
    text = "（注：数据来自“统计局。”截至6月底。）下一句。"
    assert sentences(text) == ["（注：数据来自“统计局。”截至6月底。）", "下一句。"]


def test_an_unclosed_quote_does_not_swallow_the_paragraph():
    assert sentences("他说：“第一句。第二句。第三句") == ["他说：“第一句。", "第二句。", "第三句"]


def test_a_stray_closing_quote_is_ordinary_text():
    assert sentences("第一句”。第二句。") == ["第一句”。", "第二句。"]


def test_mismatched_brackets_fall_back_to_the_inner_pair():
    text = "“甲（乙。丙”丁。戊。"
    assert sentences(text) == ["“甲（乙。丙”丁。", "戊。"]


def test_ascii_quotes_close_only_after_an_odd_count():
    assert sentences('A。"B"是C。他说"好。"然后') == ["A。", '"B"是C。', '他说"好。"', "然后"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("经济增长3.5%.下一句．再一句", ["经济增长3.5%.", "下一句．", "再一句"]),
        ("U.S. 经济复苏。", ["U.S. 经济复苏。"]),
        ("版本v2.0发布。", ["版本v2.0发布。"]),
        ("一句话. 另一句", ["一句话.", "另一句"]),
    ],
)
def test_a_dot_ends_a_sentence_only_after_chinese(text, expected):
    assert sentences(text) == expected


def test_spaces_around_sentences_are_left_out_and_offsets_are_exact():
    text = "  前导空格。   第二句  "
    spans = sentence_spans(text)
    assert spans == [(2, 7), (10, 13)]
    assert [text[s:e] for s, e in spans] == ["前导空格。", "第二句"]


def test_newlines_are_hard_boundaries_and_quotes_reset_there():
    text = "标题没有句号\n\n“引语开头。未完\n下一段。"
    assert sentences(text) == ["标题没有句号", "“引语开头。", "未完", "下一段。"]
    assert all("\n" not in s for s in sentences(text))


def test_sentence_at_finds_the_sentence_under_an_offset():
    text = "第一句。  第二句。"
    assert sentence_at(text, 0) == (0, 4)
    assert sentence_at(text, 3) == (0, 4)
    assert sentence_at(text, 5) == (6, 10)
    assert sentence_at(text, 10) is None


def test_seed_paragraphs_split_into_exact_covering_sentences():
    article = seed_articles("000")[0]
    text = article.text
    paragraph = next(p for p in text.split("\n\n") if p.startswith("近日，一则好消息"))
    found = sentences(paragraph)
    assert found == [
        "近日，一则好消息从南昌欣旺达传来——从2022年1月至8月国内动力电池累计装车量来看，南昌欣旺达取得了全国第五的好成绩。",
        "好消息的背后，是今年以来赣江新区经开组团（以下简称“经开组团”）不懈努力取得的良好发展态势：今年1月至8月，"
        "经开组团规模以上工业增加值增长7.7%，增幅列江西省南昌市前茅。",
    ]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_seed_article_is_covered_by_its_sentences(prefix):
    for article in seed_articles(prefix):
        text = article.text
        spans = sentence_spans(text)
        assert spans == sorted(spans) and all(s < e for s, e in spans)
        assert all(e1 <= s2 for (_, e1), (s2, _) in pairwise(spans))
        covered = "".join(text[s:e] for s, e in spans)
        assert "".join(covered.split()) == "".join(text.split())
        assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
        assert all(len(text[s:e]) < 2000 for s, e in spans)


def test_word_bounds_include_both_ends_and_follow_jieba():
    text = "经开组团规模以上工业增加值"
    bounds = word_bounds(text)
    assert bounds[0] == 0 and bounds[-1] == len(text) and bounds == sorted(set(bounds))
    assert [text[a:b] for a, b in pairwise(bounds)] == list(store.segment.words(text))


def test_word_bounds_keep_numbers_whole():
    text = "增长7.7%，１２．５％和1,500人，5G基站"
    bounds = word_bounds(text, whole=())
    pieces = [text[a:b] for a, b in pairwise(bounds)]
    assert "7.7%" in pieces and "１２．５％" in pieces and "1,500" in pieces and "5G" in pieces


def test_word_bounds_of_empty_text():
    assert word_bounds("") == [0]


def pieces_of(text: str, bounds: list[int]) -> list[str]:
    return [text[a:b] for a, b in pairwise(bounds)]


def test_word_bounds_keep_a_figure_with_its_unit_as_one_word():
    text = "去年营收录得23.4亿美元，较前年多出８．２５亿港元。"
    pieces = pieces_of(text, word_bounds(text))
    assert "23.4亿美元" in pieces and "８．２５亿港元" in pieces


def test_word_bounds_keep_given_spans_whole():
    text = "甲乙丙丁戊己"
    bounds = word_bounds(text, whole=[(1, 4)])
    assert 1 in bounds and 4 in bounds and not any(1 < b < 4 for b in bounds)


def test_word_at_gives_the_whole_figure_under_a_point():
    text = "工厂上月出货3.75万台，环比少了6%。"
    start, end = store.word_at(text, text.index("75"))
    assert text[start:end] == "3.75万台"
    start, end = store.word_at(text, text.index("工厂"))
    assert text[start:end] == "工厂"
