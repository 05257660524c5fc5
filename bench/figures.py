"""Throughput of the figure extractor on a synthetic corpus, and its worst case on hostile text.

Run from the repository root: `.venv/bin/python bench/figures.py [n_articles]`.
It builds the seeded corpus from `bench/corpus.py`, runs `store.figures.extract`
over every article and prints MB/s (UTF-8 bytes) and figures/s, by wall clock
and by CPU time of this process (the CPU figure does not drop when other
programs share the machine). Then it times 100 KB runs of numerals, digits and
separators (the inputs that make a careless scan quadratic) and prints the
slowest. Goals on the two-core reference machine: at least 10 MB/s on the
corpus, and the worst pathological run well under a second per 10 KB.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # bench/ for corpus
    sys.path.insert(0, str(HERE))

from corpus import build_corpus  # noqa: E402

from hecha.store.figures import extract  # noqa: E402

PATHOLOGICAL = (
    *tuple(
        "一 二 十 一二三四五六七八九十百千万亿 1 １ 万亿 億萬兩 1, 1. 1+ a a1 第一 1年 一年 -1 零下 1: 1至 “一 《1 1x 1米 "
        "一米 1\t 一小时 周一 HK$ 1/ 1和 1点 一时 百分之 三分之 (1 男子1".split(" ")
    ),
    "1 ",
)


def measure(articles: list[str], rounds: int = 3) -> tuple[float, float, int]:
    """The best wall and CPU times of `rounds` passes over `articles`, and the figures found."""
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.process_time()
        found = sum(len(extract(text)) for text in articles)
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, found


def worst_case(size: int = 100_000) -> tuple[str, float]:
    """The slowest pathological run of `size` characters and its wall time."""
    worst = ("", 0.0)
    for unit in PATHOLOGICAL:
        text = (unit * (size // len(unit) + 1))[:size]
        began = time.perf_counter()
        extract(text)
        seconds = time.perf_counter() - began
        worst = max(worst, (unit, seconds), key=lambda item: item[1])
    return worst


def main(argv: list[str]) -> None:
    """Build the corpus, time the extractor, print the rates and the worst case."""
    n_articles = int(argv[1]) if len(argv) > 1 else 5000
    articles = build_corpus(n_articles)
    size = sum(len(text.encode("utf-8")) for text in articles)
    extract(articles[0])  # compile and warm up outside the timing
    wall, cpu, found = measure(articles)
    print(f"articles   {n_articles}")
    print(f"text       {size / 1e6:.1f} MB (UTF-8), {sum(map(len, articles)) / 1e6:.1f} M characters")
    print(f"figures    {found}")
    print(f"time       {wall:.2f} s wall, {cpu:.2f} s CPU (best of 3)")
    print(
        f"throughput {size / 1e6 / wall:.1f} MB/s wall, {size / 1e6 / cpu:.1f} MB/s CPU, {found / wall:,.0f} figures/s"
    )
    unit, seconds = worst_case()
    print(
        f"worst case {seconds:.2f} s for 100 KB of {unit!r} ({0.1 / seconds:.2f} MB/s, {seconds / 10:.3f} s per 10 KB)"
    )


if __name__ == "__main__":
    main(sys.argv)
