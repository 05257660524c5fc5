"""Import throughput: a corpus of recombined seed paragraphs into a new database.

Run from the repository root: `.venv/bin/python bench/import.py [N_ARTICLES]`.
Prints articles/s and MB/s of UTF-8 text for a full import. Goal: at least
1 MB of text per second on a 2-core machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from hecha import store  # noqa: E402
from hecha.store.segment import tokenizer  # noqa: E402


def main() -> None:
    """Build the corpus, import it, print the figures."""
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        size = write_corpus(folder, n_articles)
        tokenizer()  # load jieba's dictionary before the clock starts: it is a one-off cost
        db = store.open_db(Path(tmp) / "bench.db")
        start, cpu = time.perf_counter(), time.process_time()
        report = store.import_paths(db, [folder])
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        db_size = (Path(tmp) / "bench.db").stat().st_size
    print(report.summary())
    print(f"files: {n_articles}  text: {size / 1e6:.1f} MB  time: {elapsed:.2f} s")
    print(f"articles/s: {report.articles / elapsed:,.0f}")
    print(f"MB/s: {size / 1e6 / elapsed:.2f}  (goal >= 1.0)")
    print(f"CPU: {cpu:.2f} s  MB/s of CPU time: {size / 1e6 / cpu:.2f}  (the fair figure on a busy machine)")
    print(f"database: {db_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
