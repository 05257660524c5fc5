"""Random text made of the characters figure rules care about never breaks the extractor."""

from __future__ import annotations

import itertools
import random

import pytest

from hecha.store.figures import KINDS, extract

ALPHABET = (
    "0123456789０１２３.．,，%％:﹕：/+-−~～至到和、 \t\n零〇○一二三四五六七八九十百千万亿两廿卅億萬兩點個餘"
    "元美港币$¥HKNTUS年月日时点分秒号第季度周星期上下半前头个人名家次米吨级℃度摄氏零下负比x×"
    "“”《》（）()单位：第一是大届中全会产业多余约超近逾达"
)


@pytest.mark.parametrize("seed", range(8))
def test_random_text_never_raises_and_spans_are_consistent(seed):
    rng = random.Random(seed)
    for _ in range(400):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 40)))
        figures = extract(text)
        for a, b in itertools.pairwise(figures):
            assert a.end <= b.start, (text, a, b)
        for f in figures:
            assert text[f.start : f.end] == f.text and f.kind in KINDS, (text, f)
            if f.low is not None and f.high is not None:
                assert f.low <= f.high, (text, f)
