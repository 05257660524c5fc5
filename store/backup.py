"""Backups: consistent copies of the library, made while the app may be writing, and restores.

Copies use SQLite's online backup API, which reads a consistent snapshot
even while another connection writes, into a temporary file that is renamed
into place only when complete. Backups go to a `backups` folder beside the
database unless a path is given; one is made automatically before any schema
migration. A restore checks the file first (SQLite's integrity check, the
tables of a hecha library, a schema this hecha knows), keeps a backup of the
library it replaces, and copies the checked file in through the same API, so
an app that has the library open sees the restored data.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from .db import MIGRATION_NAMES, DatabaseError, default_db_path

REQUIRED_TABLES = ("sources", "articles", "claims", "tags", "claim_tags", "claim_history")


def database_file(db: Database) -> Path | None:
    """The file behind a connection, or None for an in-memory database."""
    for _seq, name, filename in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(filename) if filename else None
    return None


def default_backup_path(db_path: Path, label: str = "") -> Path:
    """`backups/<stem>-<label>-<UTC stamp>.db` beside the database."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    name = "-".join(part for part in (db_path.stem, label, stamp) if part)
    return db_path.parent / "backups" / f"{name}.db"


def backup_db(db: Database, path: str | Path | None = None) -> Path:
    """Write a consistent copy of the open database to `path` (default: the backups folder); return it."""
    source = database_file(db)
    if path is None:
        if source is None:
            raise DatabaseError("an in-memory database needs a backup PATH")
        path = default_backup_path(source)
    target = Path(path).expanduser()
    if target.is_dir():
        target = default_backup_path(target / (source.name if source else "hecha.db"))
    copy_database(db.conn, target)
    return target


def copy_database(conn: sqlite3.Connection, target: Path) -> None:
    """Copy through the backup API into a temporary file beside `target`, then rename it over `target`."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(fd)
    except OSError as error:
        raise DatabaseError(f"{target}: cannot write a backup ({error.strerror or error})") from None
    try:
        out = sqlite3.connect(temp)
        try:
            conn.backup(out)
            out.execute("PRAGMA journal_mode = DELETE")
        finally:
            out.close()
        os.replace(temp, target)
    except (OSError, sqlite3.Error) as error:
        Path(temp).unlink(missing_ok=True)
        raise DatabaseError(f"{target}: cannot write a backup ({error})") from None


def backup_before_migration(db: Database, version: int) -> Path | None:
    """Back up a file database before its schema changes (nothing for in-memory ones)."""
    source = database_file(db)
    if source is None:
        return None
    return backup_db(db, default_backup_path(source, f"schema{version}"))


def check_backup(path: str | Path) -> int:
    """Check that `path` is a sound hecha library this hecha can open; return its schema version.

    Raises DatabaseError naming the file and what is wrong with it.
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise DatabaseError(f"{path}: no such file")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return _check(conn, path)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path}: not a readable SQLite database ({error})") from None


def _check(conn: sqlite3.Connection, path: Path) -> int:
    """Integrity, hecha's tables and a known schema version."""
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if problems != ["ok"]:
        raise DatabaseError(f"{path}: failed SQLite's integrity check ({problems[0]})")
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing:
        raise DatabaseError(f"{path}: not a hecha library (no {', '.join(missing)} table)")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATION_NAMES):
        raise DatabaseError(f"{path}: made by a newer hecha (schema {version}, this one knows {len(MIGRATION_NAMES)})")
    return version


def restore_db(backup: str | Path, target: str | Path | None = None) -> Path | None:
    """Replace the library at `target` with the checked `backup`; return the copy kept of the old library.

    Nothing is replaced unless the file passes `check_backup`. A sound library
    being replaced is backed up first and overwritten through the backup API
    (an app holding it open sees the restored data); a damaged one is kept
    byte for byte in the backups folder and the file is swapped.
    """
    backup = Path(backup).expanduser()
    check_backup(backup)
    target = Path(target).expanduser() if target else default_db_path()
    if target.exists() and target.resolve() == backup.resolve():
        raise DatabaseError(f"{backup}: is the library itself")
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if _sound(target):
            return _restore_live(source, target)
        return _restore_file(source, target)
    except (OSError, sqlite3.Error) as error:
        raise DatabaseError(f"{target}: cannot restore into it ({error})") from None
    finally:
        source.close()


def _sound(target: Path) -> bool:
    """True if `target` is a library that passes the checks."""
    try:
        check_backup(target)
    except DatabaseError:
        return False
    return True


def _restore_live(source: sqlite3.Connection, target: Path) -> Path:
    """Back up the sound library, then copy the backup into it through the backup API."""
    live = sqlite3.connect(str(target), timeout=15)
    try:
        kept = default_backup_path(target, "before-restore")
        copy_database(live, kept)
        source.backup(live)
        return kept
    finally:
        live.close()


def _restore_file(source: sqlite3.Connection, target: Path) -> Path | None:
    """Keep a damaged or missing library's bytes aside, then put a fresh copy of the backup in its place."""
    kept = None
    if target.exists():
        kept = default_backup_path(target, "damaged")
        kept.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(target, kept)
        if Path(f"{target}-wal").exists():
            shutil.copyfile(f"{target}-wal", f"{kept}-wal")
    for extra in ("-wal", "-shm"):
        Path(f"{target}{extra}").unlink(missing_ok=True)
    copy_database(source, target)
    return kept
