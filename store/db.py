"""The SQLite database: where it lives, how it is opened, its schema and migrations.

One file holds the library: source files, the articles cut from them, their
blocks and figures, and the claims users mark with their tags and history.
The database is opened in WAL mode with a busy timeout so that two copies of
the app (or the app and a script) can write at once, with foreign keys on.
Every change of schema is a registered migration, applied on open.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import platformdirs
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

BUSY_TIMEOUT_MS = 15_000
migrations = Migrations("hecha")
MIGRATION_NAMES: list[str] = []


def _migration(fn):
    """Register a schema migration; the count of them is the schema version."""
    MIGRATION_NAMES.append(fn.__name__)
    return migrations()(fn)


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says why."""


def default_db_path() -> Path:
    """HECHA_DB if set, else hecha.db in the user's data directory."""
    env = os.environ.get("HECHA_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("hecha", appauthor=False)) / "hecha.db"


def open_db(path: str | Path | None = None) -> Database:
    """Open (creating if needed) the database at `path` and bring its schema up to date."""
    target = ":memory:" if path == ":memory:" else Path(path or default_db_path())
    try:
        if target != ":memory:":
            target.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit mode: no implicit transactions holding locks; writes that
        # belong together use db.atomic() or immediate().
        conn = sqlite3.connect(
            str(target), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
        )
        db = Database(conn)
        _configure(db)
        _check_version(db, target)
        if schema_version(db) != len(MIGRATION_NAMES):
            _migrate(db)
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{target}: cannot open the database ({error})") from None
    except OSError as error:
        raise DatabaseError(f"{target}: cannot create the database ({error.strerror or error})") from None
    return db


def _configure(db: Database) -> None:
    """WAL, busy timeout, foreign keys."""
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")


def schema_version(db: Database) -> int:
    """The number of migrations this database has applied."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def _migrate(db: Database) -> None:
    """Apply pending migrations holding the write lock, so two processes never race."""
    with immediate(db):
        if schema_version(db) != len(MIGRATION_NAMES):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {len(MIGRATION_NAMES)}")


def _check_version(db: Database, target: object) -> None:
    """Refuse a database written by a newer hecha."""
    known = len(MIGRATION_NAMES)
    if schema_version(db) > known:
        raise DatabaseError(f"{target}: made by a newer hecha (schema {schema_version(db)}, this one knows {known})")


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at once (for read-then-write)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        db.execute("COMMIT")


@_migration
def m001_initial(db: Database) -> None:
    """Sources, articles, blocks, figures, tags, claims and claim history."""
    db["sources"].create(
        {
            "id": int, "path": str, "name": str, "sha256": str, "encoding": str, "size": int,
            "raw": str, "imported_at": str, "version": int, "replaced_by": int,
        },
        pk="id",
    )
    db["sources"].create_index(["sha256"], unique=True)
    db["sources"].create_index(["path"])
    db["articles"].create(
        {
            "id": int, "source_id": int, "ord": int, "title": str, "kicker": str, "subtitle": str,
            "byline": str, "text": str, "chars": int, "text_hash": str, "date": str,
            "read_at": str, "figures_version": str, "created_at": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["articles"].create_index(["source_id", "ord"], unique=True)
    db["blocks"].create(
        {"id": int, "article_id": int, "ord": int, "kind": str, "start": int, "end": int},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["blocks"].create_index(["article_id", "ord"], unique=True)
    db["figures"].create(
        {
            "id": int, "article_id": int, "start": int, "end": int, "text": str, "kind": str,
            "value": float, "unit": str, "low": float, "high": float, "qualifier": str, "iso": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["figures"].create_index(["article_id", "start"])
    _create_claim_tables(db)


def _create_claim_tables(db: Database) -> None:
    """Tags, claims, the tags of each claim, and each claim's history."""
    db["tags"].create(
        {"id": int, "name": str, "label": str, "color": str, "key": str, "ord": int}, pk="id"
    )
    db["tags"].create_index(["name"], unique=True)
    db["claims"].create(
        {
            "id": str, "article_id": int, "start": int, "end": int, "quote": str, "prefix": str,
            "suffix": str, "text_hash": str, "note": str, "status": str, "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["claims"].create_index(["article_id"])
    db["claim_tags"].create(
        {"claim_id": str, "tag_id": int},
        pk=("claim_id", "tag_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("tag_id", "tags", "id")],
    )
    db["claim_history"].create(
        {"id": int, "claim_id": str, "at": str, "field": str, "old": str, "new": str},
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["claim_history"].create_index(["claim_id"])


# name, label, colour, hotkey: the tags a new library starts with (users may change them).
DEFAULT_TAGS = (
    ("数据", "statistic", "#5fafff", "1"),
    ("排名", "ranking", "#ff87af", "2"),
    ("目标", "target", "#87d75f", "3"),
    ("引语", "attribution", "#d7afff", "4"),
    ("模糊", "vague", "#ffaf00", "5"),
    ("待核实", "to-check", "#ff5f5f", "6"),
)


@_migration
def m002_default_tags(db: Database) -> None:
    """The default tags."""
    db["tags"].insert_all(
        {"name": name, "label": label, "color": color, "key": key, "ord": n}
        for n, (name, label, color, key) in enumerate(DEFAULT_TAGS)
    )


@_migration
def m003_search_index(db: Database) -> None:
    """Full-text index, library sort keys and counts kept by triggers, keywords (see store.fulltext)."""
    from .search_schema import create_search_schema

    create_search_schema(db)
