"""Export guards: full-width formula starts in CSV cells, colon-less autolinks in Markdown."""

from __future__ import annotations

import pytest

from hecha.store.export import csv_cell, md_escape


@pytest.mark.parametrize(
    "value",
    [
        '＝HYPERLINK("http://x")',
        "＋86 10 1234",
        "－5%",
        "＠SUM(A1)",
        "﹦1+1",
        "﹢1",
        "﹣1",
        "−3",
        " =1+1",
        "\u3000＝1",
        "\n=1",
    ],
)
def test_formula_like_starts_are_neutralised(value):
    assert csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["增长＝5%", "全年+3%", "记者@现场", "正文"])
def test_formula_signs_inside_text_are_left_alone(value):
    assert csv_cell(value) == value


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("详见www.example.com", "详见www\\.example.com"),
        ("WWW.GOV.CN 公告", "WWW\\.GOV.CN 公告"),
        ("来信 reader@news.cn", "来信 reader\\@news.cn"),
        ("？@记者", "？@记者"),
        ("http://a.cn", "http\\://a.cn"),
    ],
)
def test_markdown_breaks_autolinks_that_need_no_colon(raw, escaped):
    assert md_escape(raw) == escaped
