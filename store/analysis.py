"""Checks and indicators kept with their article: computed at import, recomputed when the rules change.

Like figures, each article records the version of the rules its checks and
indicators came from; readers ask through this module, which brings an
article up to date first. Claims carry the checks whose figures lie inside
their quote. Suggested claims are cheap and are computed when asked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlite_utils import Database

from .checks import Check
from .figure_store import article_figures
from .figures import Figure, extract
from .indicators import Indicator, conflicts
from .prepare import ANALYSIS_VERSION, IND_FIELDS, analysis_rows, article_head
from .script import fold
from .suggest import Suggestion, suggest

VERSION = ANALYSIS_VERSION
_IND_FIELDS = (*IND_FIELDS, "article_id")


def save_analysis(
    db: Database, article_id: int, text: str, date: str | None, head: str, figures: list[Figure] | None = None
) -> None:
    """Replace an article's stored checks and indicators. Call inside a transaction."""
    folded = fold(text)
    figures = extract(text, folded) if figures is None else figures
    db.execute("DELETE FROM checks WHERE article_id = ?", [article_id])
    db.execute("DELETE FROM indicators WHERE article_id = ?", [article_id])
    checks, indicators = analysis_rows(text, figures, date, head, folded)
    insert_checks(db, article_id, checks)
    insert_indicators(db, article_id, indicators)
    db.execute("UPDATE articles SET checks_version = ? WHERE id = ?", [VERSION, article_id])


def insert_checks(db: Database, article_id: int, rows: list[tuple]) -> None:
    """Insert check rows (as `prepare.check_row` makes them) for an article."""
    db.conn.executemany(
        "INSERT INTO checks (article_id, kind, figures, stated, computed, verdict, explanation, start, [end]) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, *row) for row in rows],
    )


def insert_indicators(db: Database, article_id: int, rows: list[tuple]) -> None:
    """Insert indicator rows (as `prepare.indicator_row` makes them) for an article."""
    db.conn.executemany(
        f"INSERT INTO indicators ({', '.join(f'[{k}]' for k in _IND_FIELDS)}) "
        f"VALUES ({', '.join('?' * len(_IND_FIELDS))})",
        [(*row, article_id) for row in rows],
    )


def refresh(db: Database, article_ids: Iterable[int] | None = None) -> int:
    """Recompute checks and indicators of articles made with other rules; return how many."""
    where = "checks_version IS NOT ?"
    args: list = [VERSION]
    if article_ids is not None:
        ids = list(article_ids)
        where += f" AND id IN ({', '.join('?' * len(ids))})"
        args += ids
    rows = db.execute(f"SELECT id, title, kicker, subtitle, text, date FROM articles WHERE {where}", args).fetchall()
    for start in range(0, len(rows), 200):
        with db.atomic():
            for article_id, title, kicker, subtitle, text, date in rows[start : start + 200]:
                figures = article_figures(db, article_id)
                save_analysis(db, article_id, text, date, article_head(title, kicker, subtitle, text), figures)
    return len(rows)


def _check(row: tuple) -> Check:
    """A stored row back as a Check."""
    article_id, kind, figures, stated, computed, verdict, explanation = row
    spans = tuple(tuple(f) for f in json.loads(figures))
    return Check(kind, spans, stated, computed, verdict, explanation, article_id)


def list_checks(db: Database, article_id: int | None = None) -> list[Check]:
    """The checks of one article (or of the library), in article and text order."""
    refresh(db, None if article_id is None else [article_id])
    where, args = ("WHERE article_id = ?", [article_id]) if article_id is not None else ("", [])
    rows = db.execute(
        "SELECT article_id, kind, figures, stated, computed, verdict, explanation FROM checks "
        f"{where} ORDER BY article_id, start, id",
        args,
    ).fetchall()
    return [_check(r) for r in rows]


def checks_within(checks: list[Check], start: int, end: int) -> list[Check]:
    """The checks whose figures all lie inside [start, end): those a claim there carries."""
    return [c for c in checks if start <= c.start and c.end <= end]


def claim_checks(db: Database, article_id: int, start: int, end: int) -> list[Check]:
    """The checks a claim over [start, end) of an article carries."""
    return checks_within(list_checks(db, article_id), start, end)


def list_indicators(db: Database, only_conflicts: bool = False) -> list[Indicator]:
    """Every stored indicator (or those in conflict), conflicts first, then by indicator, place, period.

    Articles of a file that was imported again in a changed version are left out:
    their figures are the older version's, not another source's.
    """
    refresh(db)
    rows = db.execute(
        f"SELECT {', '.join(f'i.[{k}]' for k in _IND_FIELDS)} FROM indicators i "
        "JOIN articles a ON a.id = i.article_id JOIN sources s ON s.id = a.source_id "
        "WHERE s.replaced_by IS NULL ORDER BY i.indicator, i.place, i.period, i.article_id, i.start"
    ).fetchall()
    items = [Indicator(**dict(zip(_IND_FIELDS, r))) for r in rows]
    clashing = [i for group in conflicts(items) for i in group]
    if only_conflicts:
        return clashing
    seen = {(i.article_id, i.start) for i in clashing}
    return clashing + [i for i in items if (i.article_id, i.start) not in seen]


def indicator_conflicts(db: Database) -> list[list[Indicator]]:
    """Groups of one indicator, place and period whose articles give different values."""
    return conflicts(list_indicators(db))


def article_suggestions(
    db: Database, article_id: int, figures: list[Figure] | None = None, checks: list[Check] | None = None
) -> list[Suggestion]:
    """Suggested claims of an article, most checkable first (pass its figures and checks if already read)."""
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        return []
    figures = article_figures(db, article_id) if figures is None else figures
    return suggest(row[0], figures, list_checks(db, article_id) if checks is None else checks)
