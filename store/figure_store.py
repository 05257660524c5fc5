"""Figures kept with their article: computed at import, recomputed when the rules change.

Each article row records the extractor version its figures were made with.
Readers ask `article_figures`, which recomputes an article's figures first if
they came from an older extractor, so nobody is shown stale highlights;
`reindex` brings the whole library up to date in one go.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from sqlite_utils import Database

from .figures import EXTRACTOR_VERSION, FIELDS, Figure, extract
from .prepare import figure_row

_INSERT = (
    f"INSERT INTO figures (article_id, {', '.join(f'[{c}]' for c in FIELDS)}) "
    f"VALUES ({', '.join('?' * (len(FIELDS) + 1))})"
)


def insert_figures(db: Database, article_id: int, rows: list[tuple]) -> None:
    """Insert figure rows (as `prepare.figure_row` makes them) for an article."""
    db.conn.executemany(_INSERT, [(article_id, *row) for row in rows])


def save_figures(db: Database, article_id: int, text: str) -> list[Figure]:
    """Replace an article's stored figures with fresh ones; return them. Call inside a transaction."""
    figures = extract(text)
    db.execute("DELETE FROM figures WHERE article_id = ?", [article_id])
    insert_figures(db, article_id, [figure_row(f) for f in figures])
    db.execute(
        "UPDATE articles SET figures_version = ?, n_figures = ? WHERE id = ?",
        [EXTRACTOR_VERSION, len(figures), article_id],
    )
    return figures


def article_figures(db: Database, article_id: int) -> list[Figure]:
    """The figures of an article, sorted by position, from the current extractor."""
    row = db.execute("SELECT figures_version, text FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return []
    if row[0] != EXTRACTOR_VERSION:
        try:
            with db.atomic():
                save_figures(db, article_id, row[1])
        except sqlite3.OperationalError as error:  # a read-only library: show fresh figures, store nothing
            if "readonly" not in str(error):
                raise
            return extract(row[1])
    rows = db.execute(
        f"SELECT {', '.join(f'[{c}]' for c in FIELDS)} FROM figures WHERE article_id = ? ORDER BY start",
        [article_id],
    ).fetchall()
    return [_figure(row) for row in rows]


def _figure(row: tuple) -> Figure:
    """A stored row back as a Figure (integral values as int)."""
    values = dict(zip(FIELDS, row))
    for key in ("value", "low", "high"):
        number = values[key]
        if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
            values[key] = int(number)
    return Figure(**values)


def stale_articles(db: Database) -> int:
    """How many articles have figures from another extractor version."""
    return db.execute("SELECT count(*) FROM articles WHERE figures_version IS NOT ?", [EXTRACTOR_VERSION]).fetchone()[0]


def reindex(db: Database, force: bool = False, progress: Callable[[int], None] | None = None) -> int:
    """Recompute figures of every article whose extractor version differs (all with `force`)."""
    where = "" if force else "WHERE figures_version IS NOT ?"
    ids = [r[0] for r in db.execute(f"SELECT id FROM articles {where}", [] if force else [EXTRACTOR_VERSION])]
    for start in range(0, len(ids), 200):
        with db.atomic():
            for article_id in ids[start : start + 200]:
                text = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
                save_figures(db, article_id, text)
        if progress:
            progress(min(start + 200, len(ids)))
    return len(ids)
