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

_INT64 = (-(2**63), 2**63 - 1)
_NUMBERS = ("value", "low", "high")


def _storable(number: object) -> object:
    """An integer too large for SQLite's INTEGER becomes REAL (9223372036854775808元 still shows, rounded)."""
    if isinstance(number, int) and not _INT64[0] <= number <= _INT64[1]:
        return float(number)
    return number


_INSERT = (
    f"INSERT INTO figures (article_id, {', '.join(f'[{c}]' for c in FIELDS)}) "
    f"VALUES ({', '.join('?' * (len(FIELDS) + 1))})"
)


def _values(article_id: int, figure: Figure) -> tuple:
    """The values of one figure's row, in the order of `_INSERT`."""
    return (article_id, *(_storable(getattr(figure, c)) if c in _NUMBERS else getattr(figure, c) for c in FIELDS))


def save_figures(db: Database, article_id: int, text: str) -> list[Figure]:
    """Replace an article's stored figures with fresh ones; return them. Call inside a transaction."""
    figures = extract(text)
    db.execute("DELETE FROM figures WHERE article_id = ?", [article_id])
    db.conn.executemany(_INSERT, [_values(article_id, f) for f in figures])
    db.execute("UPDATE articles SET figures_version = ? WHERE id = ?", [EXTRACTOR_VERSION, article_id])
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
