"""Dates for the library's Date column: a labelled date (日期：…) on a short line counts too."""

import pytest

from hecha.store.dating import publication_date


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (["标题", "发布时间：2023-11-02 08:15 来源：本报"], "2023-11-02"),
        (["标题", "正文", "责任编辑 李四 日期:2022年1月5日"], "2022-01-05"),  # closing the article
        (["标题", "出版日期 2021/7/9"], "2021-07-09"),
        (["标题", "日期：2023-02-30"], None),  # no such day
        (
            [
                "标题",
                "大会定于2024年3月1日召开，日期：2024年3月1日，届时将公布方案，邀请各界人士参加本次活动并提前做好准备工作。",
            ],
            None,
        ),
    ],
)
def test_labelled_dates_on_short_lines(head, expected):
    assert publication_date("page.txt", head) == expected


def test_labelled_date_wins_over_the_file_name():
    assert publication_date("2024-01-02.txt", ["标题", "日期：2023年12月30日"]) == "2023-12-30"
