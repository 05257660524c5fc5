"""Text functions stay linear on pathological runs: 100 KB of each, through each function.

These are hang guards, not speed goals: each call must end within a second per
10 KB (ten seconds for 100 KB), far above what a linear pass takes on a slow
machine and far below what a quadratic one needs (minutes). The speeds
themselves are printed by `bench/robust.py`.
"""

from __future__ import annotations

import contextlib
import signal

import pytest
from hostile import RUN_NAMES, run_text

from hecha.store.clean import clean_text
from hecha.store.segment import quiet_jieba
from hecha.store.sentences import sentence_at, sentence_spans, word_bounds

SIZE = 100_000
LIMIT_SECONDS = SIZE / 10_000  # a second per 10 KB


class Hung(Exception):
    """A call ran past its guard."""


@contextlib.contextmanager
def guard(seconds: float):
    """Raise `Hung` in this (main) thread when the block runs longer than `seconds`."""

    def expire(signum, frame):
        raise Hung(f"still running after {seconds:.0f} s: not linear")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


FUNCTIONS = {
    "clean_text": clean_text,
    "sentence_spans": sentence_spans,
    "sentence_at": lambda text: sentence_at(text, len(text) - 1),
    "word_bounds": word_bounds,
}


@pytest.mark.parametrize("run", RUN_NAMES)
def test_every_text_function_is_linear_on_runs(run):
    quiet_jieba()
    text = run_text(run, SIZE)
    for name, function in FUNCTIONS.items():
        with guard(LIMIT_SECONDS):
            result = function(text)
        assert result is not None or name == "sentence_at", name


def test_nested_brackets_still_split_only_outside():
    text = "（" * 500 + "甲。" + "）" * 500 + "乙。丙。"
    spans = sentence_spans(text)
    assert spans == [(0, 1002), (1002, 1004), (1004, 1006)]


def test_long_texts_are_not_kept_in_the_word_cache():
    from hecha.store.segment import words

    before = words.cache_info().currsize
    for n in range(5):
        word_bounds("全省地区生产总值同比增长" * 400 + str(n))
    assert words.cache_info().currsize == before
