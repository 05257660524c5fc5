"""What can go wrong with the database file, said in one line a person can act on.

SQLite reports a read-only file, another program's lock, a full disk or a
damaged page as exceptions with terse texts. `fault_message` turns each into
`FILE: problem; what to do`. Before hecha writes to a file it checks that the
file is an empty or a hecha database (never another program's SQLite file)
and that its pages are sound (`PRAGMA quick_check`), so a damaged library is
never written into; a file left sound by hecha and not changed since is not
read through again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .names import display_name
from .reading import entry_kind
from .settings import load_settings, save_setting

# The tables every hecha library has (the first migration makes them).
HECHA_TABLES = frozenset({"sources", "articles", "blocks", "figures", "tags", "claims", "_sqlite_migrations"})
RECOVER_HINT = (
    "restore a backup (`hecha backup` / `hecha restore`) or rescue what is left "
    "with sqlite3's `.recover` (sqlite3 FILE .recover | sqlite3 NEW.db)"
)
DB_ERRORS = (sqlite3.Error,)  # what a caller catches to report a database fault
_checked: set[tuple] = set()  # states of files found sound (see _state)
KEPT_NOTES = 20  # libraries remembered as left sound
NOTES = "checked"  # the setting that remembers them


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says why (`fault`: SQLite's error, if any)."""

    def __init__(self, message: str, fault: BaseException | None = None):
        super().__init__(message)
        self.fault = fault


def display_path(target: object) -> str:
    """A database path as it may be printed (controls and undecodable bytes made visible)."""
    return display_name(str(target))


def fault_message(target: object, error: BaseException) -> str:
    """One line naming the database file and what is wrong with it."""
    problem = _known_problem(error)
    return f"{display_path(target)}: {problem or f'database error ({error})'}"


def is_database_fault(error: BaseException) -> bool:
    """Whether `error` is about the database file (so going on with other work is pointless)."""
    return _known_problem(error) is not None


def _known_problem(error: BaseException) -> str | None:
    """The problem of a known kind of database fault, None for others."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    for codes, words, problem in _FAULTS:
        if name.startswith(codes) or any(word in text for word in words):
            return problem
    return None


_FAULTS = (
    (
        ("SQLITE_READONLY",),
        ("readonly database",),
        "read-only: the database file or its folder cannot be written; reading commands still work",
    ),
    (
        ("SQLITE_BUSY", "SQLITE_LOCKED"),
        ("database is locked", "database table is locked"),
        "locked: another program holds the database and did not let go in time; try again when it has finished",
    ),
    (
        ("SQLITE_FULL",),
        ("database or disk is full",),
        "disk full: nothing more could be written; what was stored before is kept",
    ),
    (
        ("SQLITE_CORRUPT",),
        ("malformed", "database corruption"),
        f"the database is damaged (database disk image is malformed); nothing was written to it; {RECOVER_HINT}",
    ),
    (
        ("SQLITE_NOTADB",),
        ("file is not a database",),
        "not a database file (hecha will not change it); give another --db path",
    ),
    (
        ("SQLITE_IOERR",),
        ("disk I/O error",),
        "disk full or failing (disk I/O error): nothing more could be written; what was stored before is kept",
    ),
    (
        ("SQLITE_CANTOPEN",),
        ("unable to open database file",),
        "cannot open the database file (check that it and its folder exist and can be read)",
    ),
)


def check_hecha_file(db: Database, target: object) -> None:
    """Refuse a file that is neither empty nor a hecha library (before anything is written)."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if not tables and not version:
        return
    if tables >= HECHA_TABLES:
        return
    theirs = sorted(tables - HECHA_TABLES)
    listed = ", ".join(display_name(t) for t in theirs[:5]) + ("…" if len(theirs) > 5 else "")
    held = f"it holds other tables ({listed})" if theirs else f"it has no hecha tables (user_version {version})"
    raise DatabaseError(
        f"{display_path(target)}: not a hecha database: {held}; hecha will not change it — give another --db path"
    )


def check_integrity(db: Database, target: object) -> None:
    """Refuse to write to a damaged file (`PRAGMA quick_check`).

    The check reads every page (a second per gigabyte), so it is made once per
    state of the file: not again in this process, nor when the file is as
    hecha left it sound (`remember_sound`: same inode, time, size and journal).
    """
    path = Path(str(target)).resolve()
    key = _state(path)
    if key in _checked or _left_sound(path) == key:
        _checked.add(key)
        return
    rows = db.execute("PRAGMA quick_check(3)").fetchall()
    if [tuple(row) for row in rows] != [("ok",)]:
        first = display_name(str(rows[0][0]))[:120] if rows else "no answer"
        raise DatabaseError(
            f"{display_path(target)}: the database is damaged (quick_check: {first}); "
            f"nothing was written to it; {RECOVER_HINT}"
        )
    _checked.add(key)
    remember_sound(path)


def remember_sound(target: object) -> None:
    """Note the file's present state as sound, if this process found it sound when it opened it.

    Call when hecha is done with the file (every connection closed): the next
    open of a file nobody else changed since then skips the page check. The
    notes are the `checked` setting (store.settings); when it cannot be
    written the check is just made again.
    """
    if target is None or str(target) == ":memory:":
        return
    path = Path(str(target)).resolve()
    if not any(key[0] == str(path) for key in _checked):
        return
    try:
        key = _state(path)
    except OSError:
        return
    _checked.add(key)
    notes = {p: k for p, k in _notes().items() if p != str(path)}
    save_setting(NOTES, dict(list(notes.items())[-(KEPT_NOTES - 1) :]) | {str(path): list(key)})


def _state(path: Path) -> tuple:
    """What changes whenever the file's content may have: its identity, time and size, and its journal's."""
    info = path.stat()
    try:
        wal = path.with_name(path.name + "-wal").stat()
        journal = (wal.st_mtime_ns, wal.st_size) if wal.st_size else (0, 0)  # an empty journal holds nothing
    except OSError:
        journal = (0, 0)
    return (str(path), info.st_ino, info.st_mtime_ns, info.st_size, *journal)


def _notes() -> dict:
    notes = load_settings().get(NOTES)
    return notes if isinstance(notes, dict) else {}


def _left_sound(path: Path) -> tuple | None:
    """The state recorded by `remember_sound` for this file, if any."""
    note = _notes().get(str(path))
    return tuple(note) if isinstance(note, list) else None


def rollback_quietly(db: Database) -> None:
    """Roll back if a transaction is still open (a failed COMMIT may have ended it)."""
    if db.conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")


def raise_fault(db: Database, error: sqlite3.Error) -> None:
    """Raise a DatabaseError naming the file for a fault of the database; re-raise anything else."""
    if not is_database_fault(error):
        raise error
    raise DatabaseError(fault_message(db_file(db), error), error) from error


def db_file(db: Database) -> str:
    """The file the connection works on (':memory:' for none)."""
    try:
        rows = db.execute("PRAGMA database_list").fetchall()
    except sqlite3.Error:
        return "the database"
    return next((row[2] for row in rows if row[1] == "main" and row[2]), ":memory:")


def check_regular_file(target: Path) -> None:
    """Refuse a folder, FIFO, device or broken link given as the database (SQLite would hang or misreport)."""
    if not os.path.lexists(target):
        return
    kind = entry_kind(target)
    if kind != "file":
        raise DatabaseError(f"{display_path(target)}: not a database file ({'a folder' if kind == 'folder' else kind})")


def check_writable(target: Path) -> None:
    """Refuse early when the file or its folder (where WAL keeps its files) cannot be written."""
    folder_ok = os.access(target.parent, os.W_OK | os.X_OK)
    if (target.exists() and not os.access(target, os.W_OK)) or not folder_ok:
        raise DatabaseError(
            f"{display_path(target)}: read-only: the database file or its folder cannot be written; "
            "reading commands still work"
        )
