"""The figure scan is linear: runs of numerals, digits and separators never make it quadratic.

Each pathological run is 100 KB. A quadratic scan takes minutes on these (it
took 52 s on 36 KB of 一); a linear one well under a second per 10 KB. The
bound asserted is deliberately generous (5 s per 100 KB) so the test stays
deterministic on a slow, busy two-core machine; `bench/figures.py` prints the
actual worst case.
"""

from __future__ import annotations

import time

import pytest

from hecha.store.figures import extract

SIZE = 100_000
# name → the unit repeated to SIZE characters
RUNS = {
    "yi": "一",
    "er": "二",
    "shi": "十",
    "cycle": "一二三四五六七八九十百千万亿",
    "digits": "1",
    "full-width digits": "１",
    "wan-yi": "万亿",
    "traditional": "億萬兩",
    "thousands": "1,",
    "points": "1.",
    "plus": "1+",
    "letters": "a",
    "letter-digit": "a1",
    "ordinal": "第一",
    "years": "1年",
    "year-words": "一年",
    "signs": "-1",
    "colons": "1:",
    "ranges": "1至",
    "quotes": "“一",
    "titles": "《1",
    "metres": "1米",
    "tabs": "1\t",
    "hours": "一小时",
    "currency": "HK$",
    "slashes": "1/",
    "joined": "1和",
    "clock": "一时",
}


def _run(unit: str) -> str:
    """`unit` repeated to SIZE characters."""
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


@pytest.mark.parametrize("name", sorted(RUNS))
def test_pathological_runs_are_scanned_in_linear_time(name):
    text = _run(RUNS[name])
    began = time.perf_counter()
    figures = extract(text)
    assert time.perf_counter() - began < 5.0, name
    assert all(0 <= f.start < f.end <= SIZE for f in figures)


def test_a_long_run_of_numerals_gets_no_value_beyond_forty_digits():
    assert extract("共" + "5" * 100 + "元") == []
    (figure,) = extract("损失" + "五" * 30 + "元")
    assert figure.value == int("5" * 30)
