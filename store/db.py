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

from .db_faults import (
    DatabaseError,
    check_hecha_file,
    check_regular_file,
    check_writable,
    display_path,
    fault_message,
    raise_fault,
    rollback_quietly,
)
from .db_faults import check_integrity as _check_integrity

BUSY_TIMEOUT_MS = 15_000
migrations = Migrations("hecha")
MIGRATION_NAMES: list[str] = []


def _migration(fn):
    """Register a schema migration; the count of them is the schema version."""
    MIGRATION_NAMES.append(fn.__name__)
    return migrations()(fn)


def default_db_path() -> Path:
    """HECHA_DB if set, else hecha.db in the user's data directory."""
    env = os.environ.get("HECHA_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("hecha", appauthor=False)) / "hecha.db"


def busy_timeout_ms() -> int:
    """How long to wait for another program's write lock: HECHA_BUSY_TIMEOUT_MS, else 15 s."""
    try:
        return max(0, int(os.environ.get("HECHA_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def open_db(path: str | Path | None = None, *, readonly: bool = False) -> Database:
    """Open (creating if needed) the database at `path` and bring its schema up to date.

    With `readonly` an existing library is opened for reading only, so it can
    be read from a read-only file or folder. Files that are not hecha
    libraries are never changed, and a damaged one is not written to.
    """
    if path == ":memory:":
        return _guarded(path, lambda: _open_for_writing(":memory:"))
    target = Path(path or default_db_path())
    check_regular_file(target)
    if readonly and target.exists():
        db = _guarded(target, lambda: _open_readonly(target))
        if db is not None:
            return db
    return _guarded(target, lambda: _open_for_writing(target))


def _guarded(target: object, opener):
    """Run `opener`, turning SQLite and OS errors into a DatabaseError that names the file."""
    try:
        return opener()
    except sqlite3.Error as error:
        raise DatabaseError(fault_message(target, error)) from None
    except OSError as error:
        raise DatabaseError(f"{display_path(target)}: cannot create the database ({error.strerror or error})") from None


def _connect(target: object, uri: str | None = None) -> Database:
    """A connection in autocommit mode (writes that belong together use db.atomic() or immediate())."""
    conn = sqlite3.connect(
        uri or str(target),
        timeout=busy_timeout_ms() / 1000,
        check_same_thread=False,
        isolation_level=None,
        uri=uri is not None,
    )
    return Database(conn)


def _open_for_writing(target: Path | str) -> Database:
    """Open or create a library for reading and writing."""
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
        check_writable(target)
    db = _connect(target)
    try:
        check_hecha_file(db, target)
        _configure(db)
        _check_version(db, target)
        if schema_version(db) != len(MIGRATION_NAMES):
            _migrate(db)
        if isinstance(target, Path):
            _check_integrity(db, target)
    except BaseException:
        db.close()
        raise
    return db


def _open_readonly(target: Path) -> Database | None:
    """Open an existing library read-only; None when it needs upgrading first.

    A WAL database in a folder we cannot write can still be read as
    immutable when SQLite cannot make its shared-memory file there.
    """
    last: sqlite3.Error | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        db = _connect(target, f"{target.resolve().as_uri()}?{flags}")
        try:
            check_hecha_file(db, target)
            db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
            db.execute("PRAGMA foreign_keys = ON")
            _check_version(db, target)
        except sqlite3.OperationalError as error:
            db.close()
            last = error
            continue
        except BaseException:
            db.close()
            raise
        if schema_version(db) != len(MIGRATION_NAMES):
            db.close()
            return None
        return db
    raise last  # type: ignore[misc]


def _configure(db: Database) -> None:
    """WAL, busy timeout, foreign keys."""
    db.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")


def schema_version(db: Database) -> int:
    """The number of migrations this database has applied."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def _migrate(db: Database) -> None:
    """Apply pending migrations holding the write lock, so two processes never race.

    A database that already has a schema is first copied to a backup beside it.
    """
    if schema_version(db) > 0:
        from .backup import backup_before_migration

        backup_before_migration(db, schema_version(db))
    with immediate(db):
        if schema_version(db) != len(MIGRATION_NAMES):
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {len(MIGRATION_NAMES)}")


def _check_version(db: Database, target: object) -> None:
    """Refuse a database written by a newer hecha."""
    known = len(MIGRATION_NAMES)
    if schema_version(db) > known:
        raise DatabaseError(
            f"{display_path(target)}: made by a newer hecha (schema {schema_version(db)}, this one knows {known})"
        )


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at once (for read-then-write).

    A fault of the database file (read-only, locked, disk full, damaged)
    comes out as a DatabaseError naming the file; nothing of the transaction
    is kept.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise_fault(db, error)
    try:
        yield db
    except BaseException as error:
        rollback_quietly(db)
        if isinstance(error, sqlite3.Error):
            raise_fault(db, error)
        raise
    else:
        try:
            db.execute("COMMIT")
        except sqlite3.Error as error:
            rollback_quietly(db)
            raise_fault(db, error)


@_migration
def m001_initial(db: Database) -> None:
    """Sources, articles, blocks, figures, tags, claims and claim history."""
    db.table("sources").create(
        {
            "id": int,
            "path": str,
            "name": str,
            "sha256": str,
            "encoding": str,
            "size": int,
            "raw": str,
            "imported_at": str,
            "version": int,
            "replaced_by": int,
        },
        pk="id",
    )
    db.table("sources").create_index(["sha256"], unique=True)
    db.table("sources").create_index(["path"])
    db.table("articles").create(
        {
            "id": int,
            "source_id": int,
            "ord": int,
            "title": str,
            "kicker": str,
            "subtitle": str,
            "byline": str,
            "text": str,
            "chars": int,
            "text_hash": str,
            "date": str,
            "read_at": str,
            "figures_version": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db.table("articles").create_index(["source_id", "ord"], unique=True)
    db.table("blocks").create(
        {"id": int, "article_id": int, "ord": int, "kind": str, "start": int, "end": int},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("blocks").create_index(["article_id", "ord"], unique=True)
    db.table("figures").create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "text": str,
            "kind": str,
            "value": float,
            "unit": str,
            "low": float,
            "high": float,
            "qualifier": str,
            "iso": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("figures").create_index(["article_id", "start"])
    _create_claim_tables(db)


def _create_claim_tables(db: Database) -> None:
    """Tags, claims, the tags of each claim, and each claim's history."""
    db.table("tags").create({"id": int, "name": str, "label": str, "color": str, "key": str, "ord": int}, pk="id")
    db.table("tags").create_index(["name"], unique=True)
    db.table("claims").create(
        {
            "id": str,
            "article_id": int,
            "start": int,
            "end": int,
            "quote": str,
            "prefix": str,
            "suffix": str,
            "text_hash": str,
            "note": str,
            "status": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("claims").create_index(["article_id"])
    db.table("claim_tags").create(
        {"claim_id": str, "tag_id": int},
        pk=("claim_id", "tag_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("tag_id", "tags", "id")],
    )
    db.table("claim_history").create(
        {"id": int, "claim_id": str, "at": str, "field": str, "old": str, "new": str},
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db.table("claim_history").create_index(["claim_id"])


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
    db.table("tags").insert_all(
        {"name": name, "label": label, "color": color, "key": key, "ord": n}
        for n, (name, label, color, key) in enumerate(DEFAULT_TAGS)
    )


@_migration
def m003_claim_anchor(db: Database) -> None:
    """How each claim was last placed in its article's text: exact, moved, fuzzy or orphan."""
    db.table("claims").add_column("anchor", str, not_null_default="exact")


@_migration
def m004_source_name_bytes(db: Database) -> None:
    """The exact bytes of each source's path: names that are not UTF-8 are kept losslessly.

    `path` and `name` hold the display form (undecodable bytes and control
    characters escaped); `path_bytes` the name as the file system has it.
    """
    db.table("sources").add_column("path_bytes", bytes)


# Tag colours of their own: the first default colours were the figure kinds' highlights,
# so a tagged claim looked like a figure. Tags the user recoloured are left alone.
TAG_PALETTE = {
    "数据": ("#5fafff", "#af5fff"),
    "排名": ("#ff87af", "#d7875f"),
    "目标": ("#87d75f", "#00af87"),
    "引语": ("#d7afff", "#5f87d7"),
    "模糊": ("#ffaf00", "#af8700"),
}


@_migration
def m005_tag_palette(db: Database) -> None:
    """Default tags still in a figure kind's colour get a colour of their own."""
    for name, (old, new) in TAG_PALETTE.items():
        db.execute("UPDATE tags SET color = ? WHERE name = ? AND lower(color) = ?", [new, name, old])


@_migration
def m006_indicators(db: Database) -> None:
    """Checks and indicators computed from each article's figures, and the version they were made with."""
    db.table("articles").add_column("checks_version", str)
    db.table("checks").create(
        {
            "id": int,
            "article_id": int,
            "kind": str,
            "figures": str,
            "stated": float,
            "computed": float,
            "verdict": str,
            "explanation": str,
            "start": int,
            "end": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("checks").create_index(["article_id", "start"])
    db.table("indicators").create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "text": str,
            "indicator": str,
            "place": str,
            "period": str,
            "base": str,
            "value": float,
            "unit": str,
            "step": float,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("indicators").create_index(["article_id", "start"])


@_migration
def m007_search_index(db: Database) -> None:
    """Full-text index, library sort keys and counts kept by triggers, keywords (see store.fulltext)."""
    from .search_schema import create_search_schema

    create_search_schema(db)


@_migration
def m008_source_path_bytes_index(db: Database) -> None:
    """An index on the exact path bytes: importing a file looks up the version it replaces without a scan."""
    db.execute("CREATE INDEX IF NOT EXISTS sources_by_path_bytes ON sources(path_bytes)")


@_migration
def m009_keys_with_the_row(db: Database) -> None:
    """Import writes sort keys and the figure count with the article row, not by a trigger per figure."""
    from .search_schema import keys_with_the_row

    keys_with_the_row(db)
