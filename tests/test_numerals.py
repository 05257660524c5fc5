"""Tests for store.numerals: every way a number is written, and what it is worth."""

from __future__ import annotations

import pytest

from hecha.store.numerals import (
    is_approximate,
    magnitude,
    parse_arabic,
    parse_chinese,
    parse_chinese_integer,
    parse_number,
    to_ascii,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12", 12),
        ("１２", 12),
        ("1,200", 1200),
        ("1,200,000", 1200000),
        ("7.7", 7.7),
        ("１２．５", 12.5),
        ("0.79", 0.79),
    ],
)
def test_parse_arabic(text, value):
    assert parse_arabic(text) == value
    assert type(parse_arabic(text)) is type(value)


@pytest.mark.parametrize("text", ["", "12a", "1,20", "1..2", "十二"])
def test_parse_arabic_rejects(text):
    assert parse_arabic(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十四", 14),
        ("二十", 20),
        ("两百", 200),
        ("一百零五", 105),
        ("三千五百万", 35_000_000),
        ("三千五", 3500),
        ("两万五", 25000),
        ("千亿", 100_000_000_000),
        ("万亿", 1_000_000_000_000),
        ("一亿三千万", 130_000_000),
        ("二〇二一", 2021),
        ("一九九八", 1998),
        ("贰拾", 20),
    ],
)
def test_parse_chinese_integer(text, value):
    assert parse_chinese_integer(text) == value


@pytest.mark.parametrize("text", ["十四五", "五四", "一一", "亿万", "百千", "万万", "", "十x"])
def test_parse_chinese_integer_rejects_names_and_slips(text):
    assert parse_chinese_integer(text) is None


def test_parse_chinese_decimal():
    assert parse_chinese("三点五") == 3.5
    assert parse_chinese("十二点零五") == 12.05
    assert parse_chinese("三点") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("18.7万", 187_000),
        ("2900亿", 290_000_000_000),
        ("1.2万亿", 1_200_000_000_000),
        ("3.5万", 35_000),
        ("1500万", 15_000_000),
        ("0.79亿", 79_000_000),
        ("100多万", 1_000_000),
        ("6000余", 6000),
        ("３千万", 30_000_000),
        ("十余", 10),
        ("三千五百万", 35_000_000),
        ("53509.96", 53509.96),
    ],
)
def test_parse_number_mixed(text, value):
    assert parse_number(text) == value


def test_magnitude_is_exact_not_floating():
    assert parse_number("18.7万") == 187000 and isinstance(parse_number("18.7万"), int)
    assert parse_number("1.189亿") == 118_900_000


@pytest.mark.parametrize("text", ["数十", "几百", "上千", "十几", "", "万x"])
def test_parse_number_has_no_single_value_for_rough_amounts(text):
    assert parse_number(text) is None


def test_magnitude_factors():
    assert magnitude("万") == 10_000
    assert magnitude("万亿") == 10**12
    assert magnitude("千万") == 10**7
    assert magnitude("") == 1
    assert magnitude("米") is None


def test_is_approximate():
    assert is_approximate("数十") and is_approximate("70多") and is_approximate("6000余")
    assert not is_approximate("三千") and not is_approximate("12")


def test_to_ascii_keeps_length_and_offsets():
    text = "增长１２．５％，ＶＲ产业"
    out = to_ascii(text)
    assert out == "增长12.5%，VR产业"
    assert len(out) == len(text)
    assert to_ascii("没有全角") == "没有全角"
