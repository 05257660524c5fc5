"""Property tests: every text function takes any text without raising and keeps its promises.

Text is drawn from an alphabet weighted towards what breaks parsers: Han
numerals and units, ASCII and full-width digits, end marks, quotes and
brackets, escape sequences, control, bidi and zero-width characters, spaces
and newlines; plus arbitrary Unicode. Profiles live in conftest.py.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from hecha.store.clean import clean_text, strip_controls
from hecha.store.dates import date_iso
from hecha.store.dating import publication_date
from hecha.store.export import csv_cell, md_escape
from hecha.store.figures import extract
from hecha.store.layout import split_page
from hecha.store.names import display_name
from hecha.store.numerals import parse_number
from hecha.store.prose import prose_problem
from hecha.store.reading import Refused, decode
from hecha.store.script import fold
from hecha.store.sentences import sentence_at, sentence_spans, word_bounds

HOSTILE = (
    "一二三四五六七八九十百千万亿零〇两点分之第余多约近超",
    "0123456789０１２３４５６７８９",
    "。！？!?…．.,，、；;：:%％‰元年月日号时个人次倍",
    "“”‘’「」『』（）()【】《》\"'",
    "\x1b[31m\x1b]52;c;x\x07\x1b\\\x9b\x9d",
    "\x00\x07\x08\x0b\x0c\r\x7f\u200b\u200d\u2060\ufeff\u202e\u2066",
    " \t\n\u3000\u00a0",
    "abcXYZ-+=@#*_[]<>`|~&\\/",
)
hostile_text = st.text(alphabet=st.sampled_from("".join(HOSTILE)), max_size=120)
any_text = st.one_of(hostile_text, st.text(max_size=120))
TERMINAL_ACTORS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@given(any_text)
def test_clean_text_leaves_nothing_a_terminal_acts_on(text):
    cleaned = clean_text(text)
    assert not TERMINAL_ACTORS.search(cleaned)
    assert not TERMINAL_ACTORS.search(strip_controls(text).replace("\t", "").replace("\n", ""))


@given(any_text)
def test_sentence_spans_are_ordered_disjoint_and_inside_lines(text):
    spans = sentence_spans(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        assert "\n" not in text[start:end] and not text[start].isspace() and not text[end - 1].isspace()
        previous = end
    covered = {i for start, end in spans for i in range(start, end)}
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())
    if spans:
        assert sentence_at(text, spans[-1][0]) == spans[-1]


@given(any_text)
def test_word_bounds_are_sorted_offsets_with_both_ends(text):
    bounds = word_bounds(text)
    assert bounds == sorted(set(bounds)) and bounds[0] == 0 and bounds[-1] == len(text)


@given(any_text)
def test_split_page_blocks_point_into_their_article(text):
    for article in split_page(clean_text(text)):
        for block, (start, end) in zip(article.blocks, article.block_spans()):
            assert article.text[start:end] == block.text


@given(any_text)
def test_extract_spans_quote_the_text(text):
    for figure in extract(text):
        assert 0 <= figure.start < figure.end <= len(text) and text[figure.start : figure.end] == figure.text


@given(any_text)
def test_number_and_date_parsers_never_raise(text):
    parse_number(text)
    date_iso(text)
    publication_date(text, [text])
    assert len(fold(text)) == len(text)


@given(st.binary(max_size=400))
def test_decode_returns_text_or_refuses_with_a_reason(data):
    try:
        text, codec = decode(data, "x.txt")
    except Refused as refusal:
        assert refusal.reason
    else:
        assert isinstance(text, str) and codec


@given(st.text(max_size=60) | st.binary(max_size=60).map(lambda b: b.decode("utf-8", "surrogateescape")))
def test_display_names_are_printable_and_kept_when_plain(name):
    shown = display_name(name)
    assert shown.isprintable() or all(c.isprintable() or c == " " or c.isspace() for c in shown)
    assert not TERMINAL_ACTORS.search(shown)
    shown.encode("utf-8")
    if name.isprintable():
        assert shown == name


@given(any_text)
def test_csv_cells_never_start_a_formula(text):
    cell = csv_cell(text)
    assert cell == text or cell == "'" + text
    assert not re.match(r"[\s\u3000]*[=+\-@＝＋－＠﹦﹢﹣−]", cell) or cell.startswith("'")


@given(any_text)
def test_markdown_escape_leaves_no_live_link_or_markup(text):
    escaped = md_escape(text)
    assert not TERMINAL_ACTORS.search(escaped.replace("\n", ""))
    assert not re.search(r"(?<!\\)[\[\]<>`*_|]", escaped)
    assert not re.search(r"(?i)www\.", escaped)


@given(any_text)
def test_prose_check_never_raises(text):
    problem = prose_problem(text)
    assert problem is None or isinstance(problem, str)
