"""Publication dates from datelines and file names."""

import pytest

from hecha.store.dating import publication_date


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("2024-03-18_要闻.txt", [], "2024-03-18"),
        ("20240318.txt", [], "2024-03-18"),
        ("rmrb_2024_03_18.md", [], "2024-03-18"),
        ("000_0f8bff839aff4055.txt", [], None),
        ("20240231.txt", [], None),  # no such day
        ("page.txt", ["2023年10月9日 星期一", "标题"], "2023-10-09"),
        ("page.txt", ["（2023年10月9日）"], "2023-10-09"),
        ("2024-03-18.txt", ["2023年10月9日"], "2023-10-09"),  # the page wins over the file name
        ("page.txt", ["今年1月至8月增长7.7%"], None),
        ("page.txt", ["2023年10月9日，全区召开大会。"], None),  # a date in a sentence is not a dateline
        ("page.txt", ["标题", "副题", "栏目", "作者", "正文", "2023年10月9日"], None),
    ],
)
def test_publication_date(name, head, expected):
    assert publication_date(name, head) == expected
