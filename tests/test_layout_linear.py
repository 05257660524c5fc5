"""Cleaning and splitting stay linear on pathological pages.

Each input is about 100 KB of what no newspaper prints but a broken export
might: one huge line, ten thousand one-character lines, lines of nothing but
punctuation or brackets, quotes that never close. A quadratic step would take
minutes on these; the guard below (far above what a linear pass needs on any
machine) turns a hang into a failure. Speed itself is measured in bench/.
"""

import signal
from collections import Counter

import pytest

from hecha.store.clean import clean_text
from hecha.store.layout import split_page

GUARD_SECONDS = 120
SIZE = 100_000

INPUTS = {
    "one huge line": ("测试文字，" * (SIZE // 15))[: SIZE // 3],
    "one huge line without punctuation": "测" * (SIZE // 3),
    "ten thousand one-character lines": "字\n" * 10_000,
    "one-character lines between empty lines": "字\n\n" * 10_000,
    "lines of punctuation": "。，、；：\n" * (SIZE // 16),
    "lines of brackets": "（）（（））\n" * (SIZE // 19),
    "quotes that never close": "「" * 10_000 + "\n" + "「他说\n" * 5_000,
    "headline-shaped lines": "短标题\n" * (SIZE // 10),
    "author lines": "本报记者 张三\n" * (SIZE // 20),
    "unfinished paragraphs between empty lines": "这段文字一直写下去却从来没有写完的样子还在继续，\n\n" * (SIZE // 75),
    "captions with credits": "图为会场。（新华社记者张三摄）\n" * (SIZE // 45),
}


@pytest.fixture
def guard():
    """Fail the test if it runs longer than GUARD_SECONDS."""

    def expire(signum, frame):
        raise TimeoutError(f"layout took longer than {GUARD_SECONDS} s: not linear")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(GUARD_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("name", list(INPUTS))
def test_pathological_page_is_split_without_loss(name, guard):
    text = clean_text(INPUTS[name])
    articles = split_page(text)
    assert articles
    kept = Counter(c for a in articles for b in a.blocks for c in b.text if not c.isspace())
    assert kept == Counter(c for c in text if not c.isspace())
