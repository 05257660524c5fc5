"""Reading the library back: article lists, one article with its blocks, raw source text.

These are the query functions the CLI and the app call; they return plain
dataclasses, never rows or cursors, so callers need no SQL.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from .db import immediate
from .db_faults import DatabaseError
from .ingest import ImportReport, import_paths, now
from .names import display_name
from .search_schema import ORDERS


@dataclass(frozen=True)
class ArticleSummary:
    """One line of the library."""

    id: int
    title: str
    source: str
    kicker: str
    byline: str
    chars: int
    ord: int
    date: str | None = None
    read: bool = False
    figures: int = 0
    claims: int = 0
    current: bool = True
    keywords: str = ""

    def to_dict(self) -> dict:
        """The JSON shape of `hecha list --json`."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "kicker": self.kicker,
            "byline": self.byline,
            "chars": self.chars,
        }


@dataclass(frozen=True)
class BlockView:
    """A block of an article, with its offsets into the article text."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ArticleView:
    """A whole article as the reader shows it."""

    id: int
    title: str
    kicker: str
    subtitle: str
    byline: str
    source: str
    source_path: str
    text: str
    blocks: list[BlockView] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The JSON shape of `hecha show --json`."""
        return {
            "id": self.id,
            "title": self.title,
            "kicker": self.kicker,
            "subtitle": self.subtitle,
            "byline": self.byline,
            "source": self.source,
            "blocks": [{"kind": b.kind, "text": b.text} for b in self.blocks],
        }


SORTS = ("source", "date", "title", "length", "figures", "claims", "unread")


def list_articles(db: Database) -> list[ArticleSummary]:
    """Every current article, and older versions of changed files that carry claims."""
    rows = db.execute(f"{_ROW_SQL} WHERE a.shown ORDER BY s.name, s.id, a.ord").fetchall()
    return [_summary(row) for row in rows]


def filter_articles(articles: list[ArticleSummary], query: str) -> list[ArticleSummary]:
    """Articles whose title, source, kicker or byline contains every word of `query` (any case)."""
    words = query.casefold().split()
    if not words:
        return list(articles)

    def matches(a: ArticleSummary) -> bool:
        hay = f"{a.title} {a.source} {a.kicker} {a.byline}".casefold()
        return all(w in hay for w in words)

    return [a for a in articles if matches(a)]


def sort_articles(articles: list[ArticleSummary], sort: str) -> list[ArticleSummary]:
    """Articles in one of the SORTS orders (source order is the stored order; dates newest first)."""
    keys = {
        "source": lambda a: (a.source, a.ord),
        "title": lambda a: a.title,
        "length": lambda a: -a.chars,
        "figures": lambda a: -a.figures,
        "claims": lambda a: -a.claims,
        "unread": lambda a: a.read,
    }
    if sort == "date":  # newest first, undated ones after them in source order
        dated = sorted((a for a in articles if a.date), key=lambda a: (a.date, a.source, -a.ord), reverse=True)
        return dated + sorted((a for a in articles if not a.date), key=keys["source"])
    return sorted(articles, key=keys[sort])


# --- the library a window at a time -------------------------------------------------
_ROW_SQL = """
SELECT a.id, a.title, s.name, a.kicker, a.byline, a.chars, a.ord, a.date, a.read_at IS NOT NULL,
       a.n_figures, a.n_claims, s.replaced_by IS NULL, coalesce(a.keywords, '')
FROM articles a JOIN sources s ON s.id = a.source_id
"""


def _summary(row: tuple) -> ArticleSummary:
    """One row of `_ROW_SQL` as a summary (the source's name shown escaped)."""
    return ArticleSummary(
        row[0],
        row[1],
        display_name(row[2]),
        row[3],
        row[4],
        row[5],
        row[6],
        row[7],
        read=bool(row[8]),
        figures=row[9],
        claims=row[10],
        current=bool(row[11]),
        keywords=row[12],
    )


def library_count(db: Database) -> int:
    """How many articles the library shows (current versions, and older ones that carry claims)."""
    return db.execute("SELECT count(*) FROM articles WHERE shown = 1").fetchone()[0]


def library_window(db: Database, sort: str, offset: int, limit: int, total: int | None = None) -> list[ArticleSummary]:
    """The articles at positions [offset, offset + limit) of the library in a SORTS order."""
    return articles_by_ids(db, _window_ids(db, sort, offset, limit, total))


def _window_ids(db: Database, sort: str, offset: int, limit: int, total: int | None = None) -> list[int]:
    """The ids at positions [offset, offset + limit) in a SORTS order.

    They come from a walk of the sort order's index alone (no table rows for
    the rows skipped), from the far end when the window lies in the second
    half of the `total` rows, so the last page costs what the first does.
    """
    offset, limit = max(int(offset), 0), int(limit)
    order = ORDERS[sort]
    if total is not None and offset > total // 2:
        first = max(total - offset - limit, 0)
        count = max(min(limit, total - offset), 0)
        sql = f"SELECT a.id FROM articles a WHERE a.shown = 1 ORDER BY {_reverse(order)} LIMIT ? OFFSET ?"
        return [r[0] for r in db.execute(sql, [count, first])][::-1]
    sql = f"SELECT a.id FROM articles a WHERE a.shown = 1 ORDER BY {order} LIMIT ? OFFSET ?"
    return [r[0] for r in db.execute(sql, [limit, offset])]


class LibraryOrder(Sequence[int]):
    """The library's ids in a sort order, read a page at a time when asked (for the reader's ] and [)."""

    PAGE = 256

    def __init__(self, db: Database, sort: str):
        self.db, self.sort = db, sort
        self.total = library_count(db)
        self._pages: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self.total))]
        if index < 0:
            index += self.total
        if not 0 <= index < self.total:
            raise IndexError(index)
        page = index // self.PAGE
        if page not in self._pages:
            self._pages[page] = _window_ids(self.db, self.sort, page * self.PAGE, self.PAGE, self.total)
        return self._pages[page][index - page * self.PAGE]


def _reverse(order: str) -> str:
    """An ORDER BY list with every direction flipped."""
    terms = [t.strip() for t in order.split(",")]
    return ", ".join(t[: -len(" DESC")] if t.endswith(" DESC") else f"{t} DESC" for t in terms)


def library_ids(db: Database, sort: str) -> list[int]:
    """The ids of the library in a SORTS order (what the reader steps through with ] and [)."""
    return [r[0] for r in db.execute(f"SELECT a.id FROM articles a WHERE a.shown = 1 ORDER BY {ORDERS[sort]}")]


def sort_ids(db: Database, ids: list[int], sort: str) -> list[int]:
    """`ids` in a SORTS order ("relevance" keeps them as given)."""
    if sort not in ORDERS:
        return list(ids)
    sql = f"SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY {ORDERS[sort]}"
    return [r[0] for r in db.execute(sql, [json.dumps(ids)])]


def articles_by_ids(db: Database, ids: list[int]) -> list[ArticleSummary]:
    """The summaries of `ids`, in that order (ids not found are left out)."""
    rows = db.execute(f"{_ROW_SQL} WHERE a.id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]).fetchall()
    found = {row[0]: _summary(row) for row in rows}
    return [found[i] for i in ids if i in found]


def library_has_dates(db: Database) -> bool:
    """True when some article the library shows has a publication date."""
    return db.execute("SELECT 1 FROM articles WHERE shown = 1 AND date IS NOT NULL LIMIT 1").fetchone() is not None


def article_keywords(db: Database, article_id: int) -> list[str]:
    """An article's keywords, best first (empty until it is indexed)."""
    row = db.execute("SELECT keywords FROM articles WHERE id = ?", [article_id]).fetchone()
    return (row[0] or "").split() if row else []


def count_articles(db: Database) -> int:
    """How many articles the library holds, all versions included."""
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


def get_article(db: Database, article_id: int) -> ArticleView | None:
    """One article with its blocks, or None."""
    row = db.execute(
        "SELECT a.id, a.title, a.kicker, a.subtitle, a.byline, s.name, s.path, a.text "
        "FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    text = row[7]
    blocks = [
        BlockView(kind, start, end, text[start:end])
        for kind, start, end in db.execute(
            "SELECT kind, start, end FROM blocks WHERE article_id = ? ORDER BY ord", [article_id]
        ).fetchall()
    ]
    return ArticleView(
        row[0], row[1], row[2], row[3], row[4], display_name(row[5]), display_name(row[6]), text, blocks=blocks
    )


def source_text(db: Database, article_id: int) -> str | None:
    """The original text of the file an article came from, as decoded on import."""
    row = db.execute(
        "SELECT s.raw FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?", [article_id]
    ).fetchone()
    return row[0] if row else None


def mark_read(db: Database, article_id: int) -> None:
    """Record that the user opened an article (a read-only or busy library just does not record it)."""
    with contextlib.suppress(DatabaseError), immediate(db):
        db.execute("UPDATE articles SET read_at = ? WHERE id = ? AND read_at IS NULL", [now(), article_id])


def seeds_folder() -> Path:
    """Where the bundled sample articles are installed."""
    from .. import seeds

    return Path(seeds.__file__).resolve().parent


def import_seeds_if_empty(db: Database) -> ImportReport | None:
    """On first run, import the bundled articles; None when the library already has some."""
    if count_articles(db):
        return None
    report = import_paths(db, [seeds_folder()])
    if report.stopped:  # the library cannot be written (locked, read-only, disk full)
        raise DatabaseError(report.stopped)
    return report
