"""Searching the library: keeping the full-text index, running queries, cutting snippets.

Import calls `index_article` inside its transaction, so an article is found as
soon as it is stored. The index holds folded (simplified, half-width) text
segmented in search mode with the user dictionary; when the dictionary
changes, `reindex_search` re-segments the library. Results join the articles
table, so an article that is gone or hidden is never returned even before
its index entry is cleaned. Ranking is bm25 with title words weighted up.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from .prepare import index_words, search_fields
from .query import Query, QueryError, figure_test, parse
from .script import fold
from .segment import search_segmenter
from .userdict import current_words, fingerprint

TITLE_WEIGHT = 8.0
SNIPPET = 80
BATCH = 200

__all__ = [
    "Hit",
    "QueryError",
    "index_article",
    "index_prepared",
    "unindex_article",
    "reindex_search",
    "search",
    "pending",
    "warm",
]


@dataclass(frozen=True)
class Hit:
    """One search result: the article, its title, a snippet with the matched words' offsets, a score."""

    id: int
    title: str
    snippet: str
    marks: list[tuple[int, int]]
    score: float

    def to_dict(self) -> dict:
        """{"id", "title", "snippet", "marks", "score"} (marks as [start, end] lists)."""
        return {
            "id": self.id,
            "title": self.title,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
            "score": self.score,
        }


def index_prepared(db: Database, article_id: int, title_words: str, body_words: str) -> None:
    """Put an article's index forms (`prepare.index_words`) into the index. Call inside a transaction."""
    db.execute("INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)", [article_id, title_words, body_words])


def index_article(db: Database, article_id: int, title: str, text: str) -> None:
    """Put one article into the index with its title sort key and keywords. Call inside a transaction."""
    found = search_fields(title, fold(text), current_words())
    index_prepared(db, article_id, found.index_title, found.index_body)
    db.execute(
        "UPDATE articles SET title_key = ?, keywords = ?, indexed_with = ? WHERE id = ?",
        [found.title_key, found.keywords, found.indexed_with, article_id],
    )


def unindex_article(db: Database, article_id: int) -> None:
    """Take an article out of the index (before deleting it). Call inside a transaction."""
    row = db.execute("SELECT title, text, indexed_with FROM articles WHERE id = ?", [article_id]).fetchone()
    words = current_words()
    if row and row[2] == fingerprint(words):
        db.execute(
            "INSERT INTO search_index (search_index, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            [article_id, index_words(row[0], words), index_words(row[1], words)],
        )
    db.execute("UPDATE articles SET indexed_with = NULL WHERE id = ?", [article_id])


def pending(db: Database) -> int:
    """How many articles are not indexed with the current user dictionary."""
    total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    done = db.execute("SELECT count(*) FROM articles WHERE indexed_with = ?", [fingerprint(current_words())])
    return total - done.fetchone()[0]


def reindex_search(db: Database, force: bool = False, progress: Callable[[int, int], None] | None = None) -> int:
    """Index every article not indexed with the current dictionary (all with `force`); return how many.

    A changed dictionary re-segments the whole library: entries made with
    another one cannot be taken out word by word, so the index starts empty.
    """
    stamp = fingerprint(current_words())
    stale = db.execute("SELECT 1 FROM articles WHERE indexed_with IS NOT NULL AND indexed_with != ? LIMIT 1", [stamp])
    if force or stale.fetchone():
        with db.atomic():
            db.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
            db.execute("UPDATE articles SET indexed_with = NULL")
    ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE indexed_with IS NULL ORDER BY id")]
    for start in range(0, len(ids), BATCH):
        with db.atomic():
            for article_id in ids[start : start + BATCH]:
                title, text = db.execute("SELECT title, text FROM articles WHERE id = ?", [article_id]).fetchone()
                index_article(db, article_id, title, text)
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return len(ids)


def warm() -> None:
    """Load the segmenter with the user dictionary now, so the first search does not wait for it."""
    search_segmenter(current_words())


def search(db: Database, text: str, limit: int | None = 20, snippets: bool = True) -> list[Hit]:
    """The articles matching a query, best first (QueryError for a query that cannot be understood)."""
    query = parse(text, current_words())
    ranked = _ranked(db, query, limit)
    rows = db.execute(
        "SELECT id, title, text FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        [json.dumps([article_id for article_id, _ in ranked])],
    ).fetchall()
    found = {row[0]: row for row in rows}
    hits = []
    for article_id, score in ranked:
        _, title, body = found[article_id]
        snippet = ""
        marks: list[tuple[int, int]] = []
        if snippets:
            spans = None if query.words else _figure_spans(db, query, article_id)
            snippet, marks = make_snippet(body, query.words, spans)
        hits.append(Hit(article_id, title, snippet, marks, float(f"{-score:.6g}") + 0.0))
    return hits


def _figure_spans(db: Database, query: Query, article_id: int) -> list[tuple[int, int]]:
    """Where the figures a kind:/value filter asked for stand in an article (for its snippet)."""
    if not query.kinds and not query.values:
        return []
    test, params = figure_test(query.figure_kinds(), query.values)
    sql = f"SELECT f.start, f.[end] FROM figures f WHERE f.article_id = ? AND {test} ORDER BY f.start"
    return [tuple(row) for row in db.execute(sql, [article_id, *params])]


def search_ids(db: Database, text: str) -> list[int]:
    """Every matching article id, best first (for the library's filter)."""
    return [article_id for article_id, _ in _ranked(db, parse(text, current_words()), None)]


def timed_search(db: Database, text: str, limit: int) -> tuple[list[int], float]:
    """The top `limit` ids of a query and the milliseconds the search took (for scripts and benches)."""
    begin = time.perf_counter()
    ids = [hit.id for hit in search(db, text, limit, snippets=False)]
    return ids, (time.perf_counter() - begin) * 1000


def _ranked(db: Database, query: Query, limit: int | None) -> list[tuple[int, float]]:
    """(article id, bm25) best first; filters alone: newest first with score 0.

    The index is ranked on its own, without a join per match (which doubles
    the time on common words); hidden articles and those the filters leave
    out are dropped afterwards, from sets read through the articles' indexes.
    """
    conditions, params = query.where()
    where = " AND ".join(["a.shown = 1", *conditions])
    tail = "" if limit is None else f" LIMIT {int(limit)}"
    if not query.terms:
        sql = f"SELECT a.id, 0.0 FROM articles a WHERE {where} ORDER BY a.date DESC, a.source_key{tail}"
        return db.execute(sql, params).fetchall()
    if conditions or limit is None:  # every article that may be shown: read from an index, not the table
        allowed: set[int] | None = {r[0] for r in db.execute(f"SELECT a.id FROM articles a WHERE {where}", params)}
        if not allowed:
            return []
    else:
        allowed = None
    hidden = {r[0] for r in db.execute("SELECT id FROM articles WHERE shown = 0")} if allowed is None else set()
    sql = f"SELECT rowid, bm25(search_index, {TITLE_WEIGHT}, 1.0) AS score FROM search_index WHERE search_index MATCH ?"
    sql += " ORDER BY score, rowid"
    if limit is not None and allowed is None:
        sql += f" LIMIT {int(limit) + len(hidden)}"
    ranked = []
    for article_id, score in db.execute(sql, [query.match()]):
        if article_id in hidden or (allowed is not None and article_id not in allowed):
            continue
        ranked.append((article_id, score))
        if limit is not None and len(ranked) == limit:
            break
    return ranked if allowed is not None else _existing(db, ranked)


def _existing(db: Database, ranked: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """`ranked` without articles that are gone (their index entries are cleaned at the next rebuild)."""
    ids = json.dumps([article_id for article_id, _ in ranked])
    present = {r[0] for r in db.execute("SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))", [ids])}
    return ranked if len(present) == len(ranked) else [r for r in ranked if r[0] in present]


def find_words(text: str, words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of any of `words` in `text` (folded, any case), longest first at a place."""
    hay = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in fold(text))
    spans: list[tuple[int, int]] = []
    for word in sorted(set(words), key=len, reverse=True):
        start = hay.find(word)
        while start >= 0:
            end = start + len(word)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = hay.find(word, end)
    return sorted(spans)


def make_snippet(
    text: str, words: list[str], spans: list[tuple[int, int]] | None = None, width: int = SNIPPET
) -> tuple[str, list[tuple[int, int]]]:
    """A window of `text` around the densest run of matches (of `words`, or the `spans` given), on one line."""
    spans = find_words(text, words) if spans is None else spans
    if not spans:
        return text[:width].replace("\n", " "), []
    best = max(
        range(len(spans)), key=lambda i: len({text[s:e] for s, e in spans if spans[i][0] <= s < spans[i][0] + width})
    )
    start = max(0, min(spans[best][0] - width // 4, len(text) - width))
    end = min(len(text), start + width)
    snippet = text[start:end].replace("\n", " ")
    marks = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
    return snippet, marks
