"""Import throughput: a corpus of recombined seed paragraphs into a new database.

Run from the repository root: `.venv/bin/python bench/import.py [N_ARTICLES]`.
Prints articles/s and MB/s of UTF-8 text for a full import, and the CPU time
of this process and of the worker processes that prepare files beside it.
Goal: at least 2 MB of text per second on a 2-core machine.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from hecha import store  # noqa: E402
from hecha.store.prepare import prepare_file  # noqa: E402
from hecha.store.workers import worker_count  # noqa: E402


def children_cpu() -> float:
    """CPU seconds of the worker processes that have ended."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    """Build the corpus, import it, print the figures."""
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        size = write_corpus(folder, n_articles)
        prepare_file(next(folder.iterdir()), ())  # load the tables as the app has by then: a one-off cost
        db = store.open_db(Path(tmp) / "bench.db")
        start, cpu, workers_cpu = time.perf_counter(), time.process_time(), children_cpu()
        report = store.import_paths(db, [folder])
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        workers_cpu = children_cpu() - workers_cpu
        db_size = (Path(tmp) / "bench.db").stat().st_size
    print(report.summary())
    print(f"files: {n_articles}  text: {size / 1e6:.1f} MB  time: {elapsed:.2f} s")
    print(f"articles/s: {report.articles / elapsed:,.0f}")
    print(f"MB/s: {size / 1e6 / elapsed:.2f}  (goal >= 2.0)  with {worker_count()} worker process(es)")
    total = cpu + workers_cpu
    print(f"CPU: {cpu:.2f} s writing and preparing, {workers_cpu:.2f} s in workers")
    print(f"MB per CPU second: {size / 1e6 / total:.2f}  (a busy machine: MB/s is about this times the free cores)")
    print(f"database: {db_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
