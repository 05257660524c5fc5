"""Throughput of the figure extractor on a synthetic corpus.

Run from the repository root: `.venv/bin/python bench/figures.py [n_articles]`.
It builds the seeded corpus from `bench/corpus.py`, runs `store.figures.extract`
over every article and prints MB/s (UTF-8 bytes) and figures/s. The goal is at
least 5 MB/s on the two-core reference machine.
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


def measure(articles: list[str], rounds: int = 3) -> tuple[float, int]:
    """The best wall time of `rounds` passes over `articles`, and the figures found."""
    best = float("inf")
    found = 0
    for _ in range(rounds):
        began = time.perf_counter()
        found = sum(len(extract(text)) for text in articles)
        best = min(best, time.perf_counter() - began)
    return best, found


def main(argv: list[str]) -> None:
    """Build the corpus, time the extractor, print the rates."""
    n_articles = int(argv[1]) if len(argv) > 1 else 5000
    articles = build_corpus(n_articles)
    size = sum(len(text.encode("utf-8")) for text in articles)
    extract(articles[0])  # compile and warm up outside the timing
    seconds, found = measure(articles)
    print(f"articles   {n_articles}")
    print(f"text       {size / 1e6:.1f} MB (UTF-8), {sum(map(len, articles)) / 1e6:.1f} M characters")
    print(f"figures    {found}")
    print(f"time       {seconds:.2f} s (best of 3)")
    print(f"throughput {size / 1e6 / seconds:.1f} MB/s, {found / seconds:,.0f} figures/s")


if __name__ == "__main__":
    main(sys.argv)
