"""Importing files: read → clean → split into articles → store, each file all or nothing.

The reading and text work is store.prepare's, done in worker processes for
a large import (store.workers); this module writes what it hands back. A
file whose bytes are already stored is skipped; a changed file at a known
path is stored as a new version and the old one is marked replaced. Claims
on the old version move to the matching article of the new one where their
quote still fits (store.version_claims); the old articles stay, so
claims that do not fit keep their place there. A file that cannot be read is
refused with a reason and the rest of the import goes on.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from .analysis import insert_checks, insert_indicators
from .db import immediate
from .db_faults import DatabaseError, db_file, fault_message, is_database_fault
from .figure_store import insert_figures
from .fulltext import index_prepared
from .names import display_name, name_bytes
from .prepare import PreparedArticle, PreparedFile, prepare_file
from .reading import Refused, find_files
from .search_schema import source_key
from .userdict import current_words
from .version_claims import carry_claims
from .workers import prepared_files

Progress = Callable[[Path], None]


@dataclass
class ImportReport:
    """What an import did, for the summary line."""

    files: int = 0
    articles: int = 0
    already: int = 0
    refused: list[Refused] = field(default_factory=list)
    encodings: list[tuple[str, str]] = field(default_factory=list)
    chars: int = 0
    stopped: str | None = None  # the database fault that ended the import early, as one line
    not_imported: list[str] = field(default_factory=list)  # display names of the files never reached

    def summary(self) -> str:
        """One line: articles from files, already stored, refused (and not imported, if stopped)."""
        line = (
            f"Imported {self.articles} article{'s' * (self.articles != 1)} "
            f"from {self.files} file{'s' * (self.files != 1)}; "
            f"{self.already} already stored; {len(self.refused)} refused"
        )
        return line + (f"; {len(self.not_imported)} not imported." if self.stopped else ".")


def now() -> str:
    """The current UTC time as ISO text."""
    return datetime.now(UTC).isoformat(timespec="seconds")


BATCH_SECONDS = 0.2  # the longest one import transaction keeps other writers waiting
BATCH_FILES = 64
IMPORT_CACHE_KIB = 65_536


class _FileFailed(Exception):
    """A file failed after it began to be stored: its batch is taken back and done again without it."""

    def __init__(self, index: int, refusal: Refused):
        super().__init__(refusal.reason)
        self.index, self.refusal = index, refusal


def import_paths(db: Database, paths: Iterable[str | Path], progress: Progress | None = None) -> ImportReport:
    """Import every .txt/.md file under `paths`.

    The text work (reading, cleaning, figures, checks, search words) is done
    by `store.workers`, in other processes for a large import, while this
    process writes. Files go in batches of one transaction each (a commit
    costs more than a small file), so a crash leaves each file either fully
    stored or not at all. A file that fails once it has begun to be stored
    takes its batch back with it; the batch is done again without that file,
    so one bad file never stops the others. A fault of the database stops the
    import; the files not yet stored are named as not imported.
    """
    files, missing = find_files(list(paths))
    report = ImportReport(refused=list(missing))
    words = current_words()
    shown = [0]
    failed: dict[int, Refused] = {}
    pending: list[PreparedFile] = []  # prepared, in file order, not yet stored; the first is files[start]
    start = 0
    with prepared_files(db, files, words) as stream, _large_cache(db):
        while start < len(files):
            while len(pending) < BATCH_FILES and start + len(pending) < len(files):
                pending.append(next(stream))
            batch = ImportReport()
            try:
                with immediate(db):
                    done = _store_batch(
                        db, pending, start, batch, failed, words, lambda i: _show(progress, files, i, shown)
                    )
            except _FileFailed as failure:
                failed[failure.index] = failure.refusal
                continue
            except (DatabaseError, sqlite3.Error) as error:
                report.refused += batch.refused
                report.stopped = str(error) if isinstance(error, DatabaseError) else fault_message(db_file(db), error)
                refused = {r.path for r in batch.refused}
                names = [display_name(str(p)) for p in files[start:]]
                report.not_imported = [name for name in names if name not in refused]
                break
            _merge(report, batch)
            del pending[:done]
            start += done
    return report


@contextlib.contextmanager
def _large_cache(db: Database) -> Iterator[None]:
    """A page cache of `IMPORT_CACHE_KIB` while importing: a large library's indexes take inserts all over."""
    before = db.execute("PRAGMA cache_size").fetchone()[0]
    db.execute(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with contextlib.suppress(sqlite3.Error):  # a fault that stopped the import is reported already
            db.execute(f"PRAGMA cache_size = {int(before)}")


def _show(progress: Progress | None, files: list[Path], index: int, shown: list[int]) -> None:
    """Tell `progress` about a file once, even when its batch is done again."""
    if progress and index >= shown[0]:
        shown[0] = index + 1
        progress(files[index])


def _store_batch(
    db: Database,
    pending: list[PreparedFile],
    start: int,
    report: ImportReport,
    failed: dict[int, Refused],
    words: tuple[str, ...],
    show: Callable[[int], None],
) -> int:
    """Store prepared files from the first on until the batch is full (skipping those that failed); return how many."""
    began = time.perf_counter()
    done = 0
    while done < len(pending) and (done == 0 or time.perf_counter() - began < BATCH_SECONDS):
        prepared, index = pending[done], start + done
        show(index)
        done += 1
        if index in failed:
            report.refused.append(failed[index])
            continue
        if prepared.refusal is not None:
            report.refused.append(Refused(prepared.path, prepared.refusal))
            continue
        try:
            store_file(db, prepared, report, words)
        except DatabaseError:
            raise
        except sqlite3.Error as error:
            if is_database_fault(error):
                raise
            raise _FileFailed(index, Refused(prepared.path, f"could not be stored ({error})")) from error
        except Exception as error:  # a fault on one file never stops the rest of the folder
            failure = Refused(prepared.path, f"could not be imported ({type(error).__name__}: {error})")
            raise _FileFailed(index, failure) from error
    return done


def _merge(report: ImportReport, batch: ImportReport) -> None:
    """Add a committed batch's figures to the import's report."""
    report.files += batch.files
    report.articles += batch.articles
    report.already += batch.already
    report.chars += batch.chars
    report.refused += batch.refused
    report.encodings += batch.encodings


def store_file(db: Database, prepared: PreparedFile, report: ImportReport, words: tuple[str, ...] = ()) -> None:
    """Store one prepared file and its articles (or count it as already stored). Call inside a transaction."""
    if db.execute("SELECT 1 FROM sources WHERE sha256 = ?", [prepared.digest]).fetchone():
        report.already += 1
        return
    if prepared.known:  # its bytes were stored when the import began, and are gone now: prepare it after all
        prepared = prepare_file(prepared.path, words)
        if prepared.refusal is not None:
            report.refused.append(Refused(prepared.path, prepared.refusal))
            return
    source_id, name = _insert_source(db, prepared)
    for article in prepared.articles:
        _insert_article(db, source_id, name, article)
    carry_claims(db, source_id)  # claims on the version this replaces move where they still fit
    report.files += 1
    report.articles += len(prepared.articles)
    report.chars += sum(len(a.text) for a in prepared.articles)
    if prepared.encoding != "utf-8":
        report.encodings.append((display_name(str(prepared.path)), prepared.encoding))


def _insert_source(db: Database, prepared: PreparedFile) -> tuple[int, str]:
    """Insert the source row, marking an older version of the same path replaced; return its id and name.

    The path is stored twice: its exact bytes, and a display form in which
    undecodable bytes and control or bidi characters are escaped.
    """
    path, exact = display_name(str(prepared.path)), name_bytes(str(prepared.path))
    previous = db.execute(
        "SELECT id, version FROM sources WHERE (path_bytes = ? OR (path_bytes IS NULL AND path = ?)) "
        "AND replaced_by IS NULL",
        [exact, path],
    ).fetchone()
    row = {
        "path": path,
        "path_bytes": exact,
        "name": display_name(prepared.path.name),
        "sha256": prepared.digest,
        "encoding": prepared.encoding,
        "size": prepared.size,
        "raw": prepared.raw,
        "imported_at": now(),
        "version": previous[1] + 1 if previous else 1,
        "replaced_by": None,
    }
    source_id = _insert_row(db, "sources", row)
    if previous:
        db.execute("UPDATE sources SET replaced_by = ? WHERE id = ?", [source_id, previous[0]])
    return source_id, str(row["name"])


def _insert_article(db: Database, source_id: int, source_name: str, article: PreparedArticle) -> int:
    """Insert one prepared article with everything derived from its text; return its id."""
    row = {
        "source_id": source_id,
        "ord": article.order,
        **article.fields,
        "source_key": source_key(source_name, source_id, article.order),
        "read_at": None,
        "created_at": now(),
    }
    article_id = _insert_row(db, "articles", row)
    store_parts(db, article_id, article, fresh=True)
    return article_id


def store_parts(db: Database, article_id: int, article: PreparedArticle, fresh: bool = False) -> None:
    """Store what derives from an article's text: blocks, figures, checks, indicators, search index.

    The article row must already hold the prepared fields, and the index must
    not hold the article (a new one, or one taken out with `unindex_article`).
    `fresh`: the article is new, so there is nothing of it to delete first.
    """
    if not fresh:
        for table in ("blocks", "figures", "checks", "indicators"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
    db.conn.executemany(
        "INSERT INTO blocks (article_id, ord, kind, start, [end]) VALUES (?, ?, ?, ?, ?)",
        [(article_id, *block) for block in article.blocks],
    )
    insert_figures(db, article_id, article.figures)
    insert_checks(db, article_id, article.checks)
    insert_indicators(db, article_id, article.indicators)
    index_prepared(db, article_id, article.index_title, article.index_body)


def _insert_row(db: Database, table: str, row: dict) -> int:
    """Insert one row (plain values only) with a plain statement; return its rowid."""
    columns = ", ".join(f"[{key}]" for key in row)
    cursor = db.conn.execute(
        f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )
    return int(cursor.lastrowid or 0)
