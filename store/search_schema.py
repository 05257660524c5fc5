"""The schema search and the library need: an FTS5 index, sort keys, counts and their indexes.

- `search_index` is a contentless FTS5 table (rowid = article id) over the
  title and text as search-mode words joined by spaces, so the unicode61
  tokenizer only has to split at spaces. Contentless keeps the database small:
  snippets are cut from the article text itself.
- The library is read a window at a time, so each of its sort orders has an
  index over `shown` (current version, or carrying claims) and a sort key.
  Counts of claims and `shown` are kept by triggers, so no writer of claims or
  sources has to remember them; the count of figures is written by their one
  writer (store.figure_store, and import with the article row).
- `indexed_with` is the fingerprint of the user dictionary an article was
  segmented with (NULL: not in the index yet).
"""

from __future__ import annotations

from sqlite_utils import Database

SOURCE_KEY = (
    "(SELECT name FROM sources WHERE id = {a}.source_id) || char(1) || printf('%010d%06d', {a}.source_id, {a}.ord)"
)

COLUMNS = (
    "source_key TEXT",
    "title_key TEXT",
    "n_figures INTEGER NOT NULL DEFAULT 0",
    "n_claims INTEGER NOT NULL DEFAULT 0",
    "shown INTEGER NOT NULL DEFAULT 1",
    "keywords TEXT",
    "indexed_with TEXT",
)

TRIGGERS = (
    f"""CREATE TRIGGER articles_library_keys AFTER INSERT ON articles BEGIN
      UPDATE articles SET source_key = {SOURCE_KEY.format(a="new")}, title_key = coalesce(new.title_key, new.title)
      WHERE id = new.id; END""",
    """CREATE TRIGGER figures_count_add AFTER INSERT ON figures BEGIN
      UPDATE articles SET n_figures = n_figures + 1 WHERE id = new.article_id; END""",
    """CREATE TRIGGER figures_count_del AFTER DELETE ON figures BEGIN
      UPDATE articles SET n_figures = n_figures - 1 WHERE id = old.article_id; END""",
    """CREATE TRIGGER claims_count_add AFTER INSERT ON claims BEGIN
      UPDATE articles SET n_claims = n_claims + 1, shown = 1 WHERE id = new.article_id; END""",
    """CREATE TRIGGER claims_count_del AFTER DELETE ON claims BEGIN
      UPDATE articles SET n_claims = n_claims - 1,
        shown = (n_claims > 1 OR (SELECT replaced_by IS NULL FROM sources WHERE id = articles.source_id))
      WHERE id = old.article_id; END""",
    """CREATE TRIGGER claims_count_move AFTER UPDATE OF article_id ON claims
      WHEN old.article_id IS NOT new.article_id BEGIN
      UPDATE articles SET n_claims = n_claims + 1, shown = 1 WHERE id = new.article_id;
      UPDATE articles SET n_claims = n_claims - 1,
        shown = (n_claims > 1 OR (SELECT replaced_by IS NULL FROM sources WHERE id = articles.source_id))
      WHERE id = old.article_id; END""",
    """CREATE TRIGGER sources_replaced AFTER UPDATE OF replaced_by ON sources BEGIN
      UPDATE articles SET shown = (new.replaced_by IS NULL OR n_claims > 0) WHERE source_id = new.id; END""",
)

# sort name → ORDER BY (each has an index below); ties fall back to the source order.
ORDERS = {
    "source": "a.source_key",
    "date": "a.date DESC, a.source_key",
    "title": "a.title_key, a.source_key",
    "length": "a.chars DESC, a.source_key",
    "figures": "a.n_figures DESC, a.source_key",
    "claims": "a.n_claims DESC, a.source_key",
    "unread": "a.read_at IS NOT NULL, a.source_key",
}

INDEXES = (
    *(
        f"CREATE INDEX articles_by_{name} ON articles(shown, {order.replace('a.', '')})"
        for name, order in ORDERS.items()
    ),
    "CREATE INDEX figures_by_kind_value ON figures(kind, coalesce(value, high, low), article_id)",
    "CREATE INDEX claims_by_status ON claims(status, article_id)",
    "CREATE INDEX articles_by_indexed ON articles(indexed_with)",
    "CREATE INDEX sources_by_name ON sources(name)",  # source: scans names, not the raw text beside them
)


def create_search_schema(db: Database) -> None:
    """Columns, triggers, backfilled values, indexes and the FTS table (a migration)."""
    for column in COLUMNS:
        db.execute(f"ALTER TABLE articles ADD COLUMN {column}")
    db.execute(
        f"UPDATE articles SET source_key = {SOURCE_KEY.format(a='articles')}, title_key = title, "
        "n_figures = (SELECT count(*) FROM figures f WHERE f.article_id = articles.id), "
        "n_claims = (SELECT count(*) FROM claims c WHERE c.article_id = articles.id)"
    )
    db.execute(
        "UPDATE articles SET shown = (n_claims > 0 OR "
        "(SELECT replaced_by IS NULL FROM sources WHERE id = articles.source_id))"
    )
    for sql in (*TRIGGERS, *INDEXES):
        db.execute(sql)
    db.execute(
        "CREATE VIRTUAL TABLE search_index USING fts5("
        "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
    )


# Import writes an article's sort keys and figure count with its row: one
# insert, where triggers cost an update per figure and one per article, each
# rewriting the row and its text (and an AFTER INSERT trigger on articles,
# even one that does nothing, copies every new row aside).


def source_key(name: str, source_id: int, order: int) -> str:
    """The library's source-order key: file name, then source id and order (as `SOURCE_KEY` computes it)."""
    return f"{name}\x01{source_id:010d}{order:06d}"


def keys_with_the_row(db: Database) -> None:
    """Sort keys and the figure count are written with the rows, not by triggers (a migration)."""
    for name in ("figures_count_add", "figures_count_del", "articles_library_keys"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
