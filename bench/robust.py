"""The worst case of every text function on pathological runs, in seconds per 10 KB.

Run from the repository root: `.venv/bin/python bench/robust.py [size] [--extract]`.
Each run of `tests/hostile.py` (numerals, marks, brackets, escapes…) is fed at
`size` characters (default 100,000) and at a quarter of it; the script prints
seconds per 10 KB and the growth factor between the two sizes (about 4 for a
linear function, 16 for a quadratic one), worst first. `--extract` adds the
figure extractor and the page splitter, with smaller sizes as they are slower.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import RUN_NAMES, run_text  # noqa: E402

from hecha.store.clean import clean_text  # noqa: E402
from hecha.store.segment import quiet_jieba  # noqa: E402
from hecha.store.sentences import sentence_spans, word_bounds  # noqa: E402


def timed(function, text: str) -> float:
    """Seconds one call takes."""
    began = time.perf_counter()
    function(text)
    return time.perf_counter() - began


def functions(with_extract: bool) -> dict:
    """The functions to measure."""
    chosen = {"clean_text": clean_text, "sentence_spans": sentence_spans, "word_bounds": word_bounds}
    if with_extract:
        from hecha.store.figures import extract
        from hecha.store.layout import split_page

        chosen |= {"extract": extract, "split_page": split_page}
    return chosen


def main(argv: list[str]) -> None:
    """Print every (function, run) pair, worst growth first, and the worst case."""
    size = int(next((a for a in argv if a.isdigit()), 100_000))
    quiet_jieba()
    word_bounds("预热")  # load the dictionary outside the timings
    rows = []
    for name, function in functions("--extract" in argv).items():
        for run in RUN_NAMES:
            small, large = timed(function, run_text(run, size // 4)), timed(function, run_text(run, size))
            rows.append((large / (size / 10_000), large / max(small, 1e-6), name, run))
    rows.sort(reverse=True)
    print(f"{'function':<16}{'run':<20}{'s per 10 KB':>12}{'growth x4':>11}")
    for per_10k, growth, name, run in rows[:15]:
        print(f"{name:<16}{run:<20}{per_10k:>12.4f}{growth:>11.1f}")
    per_10k, growth, name, run = rows[0]
    print(f"worst: {name} on {run!r}: {per_10k:.4f} s per 10 KB at {size:,} characters (growth x{growth:.1f})")


if __name__ == "__main__":
    main(sys.argv[1:])
