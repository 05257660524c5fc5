"""App responsiveness, headless with Pilot, on a library of 10,000 articles.

Run from the repository root: `.venv/bin/python bench/app.py [N_ARTICLES]`.
Prints the time to the first painted library, to open a 50,000-character
article, per cursor keystroke in the reader, and the app's peak memory (max
RSS; the library is built by another process beforehand).
Pilot waits for the app to go idle after each key, so wall times include its
own sleeps; the CPU times are the work the app does for each step.
Goals: first paint < 1 s, open < 150 ms, keystroke < 30 ms, < 300 MB.
"""

from __future__ import annotations

import asyncio
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import seed_paragraphs, write_corpus  # noqa: E402

from hecha import store  # noqa: E402
from hecha.tui.app import HechaApp  # noqa: E402
from hecha.tui.screens.reader import ReaderScreen  # noqa: E402
from hecha.tui.widgets.article_view import ArticleView  # noqa: E402

LONG_TITLE = "超长文章基准测试"


def build_library(folder: Path, n_articles: int) -> Path:
    """A database with `n_articles` recombined articles and one of 50,000 characters."""
    write_corpus(folder / "corpus", n_articles - 1)
    long_body, paragraphs = [], [p for p in seed_paragraphs() if len(p) > 60]
    while sum(len(p) for p in long_body) < 50_000:
        long_body.append(paragraphs[len(long_body) % len(paragraphs)])
    (folder / "corpus" / "zz_long.txt").write_text(LONG_TITLE + "\n\n" + "\n\n".join(long_body), encoding="utf-8")
    db_path = folder / "bench.db"
    db = store.open_db(db_path)
    store.import_paths(db, [folder / "corpus"])
    db.close()
    return db_path


async def measure(db_path: Path, n_articles: int) -> dict[str, float]:
    """Drive the app and time each step."""
    results: dict[str, float] = {}
    start = time.perf_counter()
    app = HechaApp(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#library")
        while table.row_count == 0:
            await pilot.pause(0.005)
        results["first screenful of the library (s)"] = time.perf_counter() - start
        while table.row_count < n_articles:
            await pilot.pause(0.01)
        results["all rows in the library table (s)"] = time.perf_counter() - start
        row = next(i for i in range(table.row_count) if str(table.row(i)[1]["title"]) == LONG_TITLE)
        table.move_cursor(row)
        await pilot.pause()
        start, cpu = time.perf_counter(), time.process_time()
        await pilot.press("enter")
        while not isinstance(app.screen, ReaderScreen):
            await pilot.pause(0)
        await pilot.pause()
        results["open a 50,000-character article, wall incl. Pilot waits (ms)"] = (time.perf_counter() - start) * 1000
        results["open a 50,000-character article, CPU (ms)"] = (time.process_time() - cpu) * 1000
        view = app.screen.query_one(ArticleView)
        results["article characters"] = len(view.doc.article.text)
        for key, count in (("j", 100), ("n", 100), ("pagedown", 20)):
            start, cpu = time.perf_counter(), time.process_time()
            for _ in range(count):
                await pilot.press(key)
            await pilot.pause()
            results[f"keystroke {key}, wall incl. Pilot waits (ms)"] = (time.perf_counter() - start) * 1000 / count
            results[f"keystroke {key}, CPU (ms)"] = (time.process_time() - cpu) * 1000 / count
    results["peak memory, max RSS (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return results


def main() -> None:
    """Build the library (in another process, so the memory figure is the app's alone), measure, print."""
    if len(sys.argv) > 2 and sys.argv[1] == "--build":
        build_library(Path(sys.argv[2]), int(sys.argv[3]))
        return
    n_articles = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, __file__, "--build", tmp, str(n_articles)], check=True)
        results = asyncio.run(measure(Path(tmp) / "bench.db", n_articles))
    for name, value in results.items():
        print(f"{name}: {value:,.1f}")
    print("goals: first paint < 1 s, open < 150 ms, keystroke < 30 ms, memory < 300 MB")


if __name__ == "__main__":
    main()
