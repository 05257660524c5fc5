"""Search and the library at scale: import with indexing, queries, filters, first paint, keys.

Run from the repository root: `.venv/bin/python bench/search.py [N_ARTICLES] [--db PATH]`
(default 100,000 articles; with --db an existing database built by an
earlier run is reused). It builds a corpus of recombined seed paragraphs
itself, one article a file named by a date in 2024, and prints:

- import with indexing, MB/s of source text (goal >= 1.5 MB/s)
- two-word query median and 95th percentile (goals < 30 ms and < 100 ms)
- filter query median, database size
- library first paint with Pilot (goal < 0.5 s), the library's keys and
  opening an article (goals < 30 ms and < 200 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402

from hecha import store  # noqa: E402
from hecha.store.segment import query_words  # noqa: E402

FILTERS = (
    "kind:money value>=10亿",
    "date:2024-03",
    "date:2024-01..2024-06 项目",
    "kind:percent value>=20%",
    "tag:数据",
    "has:claims",
    "source:2024-05-1",
    "status:false",
)


def write_files(folder: Path, n: int) -> int:
    """The corpus as one file per article, named by a date of 2024; return the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    start, total = datetime.date(2024, 1, 1), 0
    for i, text in enumerate(build_corpus(n)):
        data = text.encode("utf-8")
        (folder / f"{start + datetime.timedelta(days=i % 366)}_{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def build(db_path: Path, n: int) -> None:
    """Write the corpus and import it, printing the import speed."""
    with tempfile.TemporaryDirectory() as tmp:
        size = write_files(Path(tmp), n)
        db = store.open_db(db_path)
        begin, cpu = time.perf_counter(), time.process_time()
        report = store.import_paths(db, [tmp])
        seconds, cpu = time.perf_counter() - begin, time.process_time() - cpu
        print(
            f"import with indexing: {report.articles:,} articles, {size / 1e6:.1f} MB in {seconds:.1f} s "
            f"= {size / 1e6 / seconds:.2f} MB/s (goal >= 1.5); CPU {cpu:.1f} s = {size / 1e6 / cpu:.2f} MB/s"
        )
        add_claims(db)
        db.close()


def add_claims(db, count: int = 300) -> None:
    """Some tagged claims, so tag:, status: and has: have something to find."""
    rng = random.Random(3)
    for article_id in rng.sample(range(1, store.count_articles(db) + 1), count):
        store.add_claim(db, article_id, 0, 10, [rng.choice(["数据", "目标"])], status=rng.choice(store.STATUSES))


def two_word_queries(db, count: int = 300) -> list[str]:
    """Pairs of words from random articles (two-character words or longer)."""
    rng = random.Random(11)
    total = store.count_articles(db)
    queries = []
    while len(queries) < count:
        text = store.get_article(db, rng.randint(1, total)).text
        words = [w for w in query_words(text[:400]) if len(w) >= 2 and not w.isdigit()]
        if len(words) >= 2:
            queries.append(" ".join(rng.sample(words, 2)))
    return queries


def time_queries(db, queries: list[str]) -> list[float]:
    """Milliseconds of each query, top 20 ids (as `hecha search --batch` counts them)."""
    return [store.timed_search(db, q, 20)[1] for q in queries]


def report_queries(db_path: Path) -> None:
    """Two-word queries, filters and the database size."""
    db = store.open_db(db_path)
    store.search(db, "项目 投资")  # warm the segmenter and the page cache
    times = sorted(time_queries(db, two_word_queries(db)))
    p95 = times[int(len(times) * 0.95) - 1]
    print(
        f"two-word query: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms "
        f"over {len(times)} queries (goals < 30, < 100)"
    )
    filters = [statistics.median(time_queries(db, [f] * 5)) for f in FILTERS]
    print(
        f"filter query median: {statistics.median(filters):.1f} ms "
        f"({', '.join(f'{f} {t:.0f}' for f, t in zip(FILTERS, filters))})"
    )
    db.close()
    size = sum(os.path.getsize(p) for p in (db_path, Path(f"{db_path}-wal")) if os.path.exists(p))
    print(f"database: {size / 1e6:.0f} MB")


async def drive_app(db_path: Path) -> None:
    """First paint, keys and open in the library with Pilot at 120x40."""
    from hecha.tui.app import HechaApp
    from hecha.tui.screens.reader import ReaderScreen

    app = HechaApp(db_path)
    begin = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        while not (app.screen.query("#library") and app.screen.query_one("#library").row_count):
            await pilot.pause(0)
        await pilot.pause(0)
        print(
            f"library first paint: {time.perf_counter() - begin:.2f} s with {store.library_count(app.screen.db):,} "
            "articles (goal < 0.5)"
        )
        keys = {"down": [], "pagedown": [], "end": [], "home": [], "s": []}
        for _ in range(5):
            for key in keys:
                cpu = time.process_time()
                await pilot.press(key)
                keys[key].append((time.process_time() - cpu) * 1000)
        print(
            "library keys (CPU ms, median of 5): "
            + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in keys.items())
        )
        await search_as_you_type(pilot)
        cpu, wall = time.process_time(), time.perf_counter()
        await pilot.press("enter")
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0)
        print(
            f"open an article: {(time.process_time() - cpu) * 1000:.0f} ms CPU, "
            f"{(time.perf_counter() - wall) * 1000:.0f} ms wall (goal < 200)"
        )


async def search_as_you_type(pilot) -> None:
    """Keys typed into the library's search box, and the wait for the results."""
    screen = pilot.app.screen
    await pilot.press("slash")
    times = []
    for key in "新能源汽车":
        cpu = time.process_time()
        await pilot.press(key)
        times.append((time.process_time() - cpu) * 1000)
    begin = time.perf_counter()
    while screen.found is None or screen.query_text != "新能源汽车":
        await pilot.pause(0.01)
    print(
        f"library search: keys {statistics.median(times):.1f} ms CPU (median), {len(screen.found):,} results "
        f"{(time.perf_counter() - begin) * 1000:.0f} ms after the last key"
    )
    await pilot.press("enter")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000, help="articles (default 100,000)")
    parser.add_argument("--db", type=Path, help="reuse (or build once into) this database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = args.db or Path(tmp) / "bench.db"
        if not db_path.exists():
            build(db_path, args.n)
        report_queries(db_path)
        asyncio.run(drive_app(db_path))


if __name__ == "__main__":
    main()
