"""Importing files: read → clean → split into articles → store, each file all or nothing.

A file whose bytes are already stored is skipped; a changed file at a known
path is stored as a new version and the old one is marked replaced. Claims
on the old version move to the matching article of the new one where their
quote still fits (store.version_claims); the old articles stay, so
claims that do not fit keep their place there. A file that cannot be read is
refused with a reason and the rest of the import goes on.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from .analysis import article_head, save_analysis
from .clean import clean_text, strip_controls
from .dating import publication_date
from .db import immediate
from .db_faults import DatabaseError, db_file, fault_message, is_database_fault
from .figure_store import save_figures
from .fulltext import index_article
from .layout import Article, split_page
from .names import display_name, name_bytes
from .reading import Refused, SourceText, find_files, read_source
from .version_claims import carry_claims

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


def text_hash(text: str) -> str:
    """A short hash of an article's cleaned text (claims keep it to detect edits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


BATCH_SECONDS = 0.2  # the longest one import transaction keeps other writers waiting
BATCH_FILES = 64


class _FileFailed(Exception):
    """A file failed after it began to be stored: its batch is taken back and done again without it."""

    def __init__(self, index: int, refusal: Refused):
        super().__init__(refusal.reason)
        self.index, self.refusal = index, refusal


def import_paths(db: Database, paths: Iterable[str | Path], progress: Progress | None = None) -> ImportReport:
    """Import every .txt/.md file under `paths`.

    Files go in batches of one transaction each (a commit costs more than a
    small file), so a crash leaves each file either fully stored or not at
    all. A file that fails once it has begun to be stored takes its batch
    back with it; the batch is done again without that file, so one bad
    file never stops the others. A fault of the database stops the import;
    the files of the batch it hit are named as not imported.
    """
    files, missing = find_files(list(paths))
    report = ImportReport(refused=list(missing))
    start, shown = 0, [0]
    failed: dict[int, Refused] = {}
    while start < len(files):
        batch = ImportReport()
        try:
            with immediate(db):
                end = _import_batch(db, files, start, batch, failed, lambda i: _show(progress, files, i, shown))
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
        start = end
    return report


def _show(progress: Progress | None, files: list[Path], index: int, shown: list[int]) -> None:
    """Tell `progress` about a file once, even when its batch is done again."""
    if progress and index >= shown[0]:
        shown[0] = index + 1
        progress(files[index])


def _import_batch(
    db: Database,
    files: list[Path],
    start: int,
    report: ImportReport,
    failed: dict[int, Refused],
    show: Callable[[int], None],
) -> int:
    """Store files from `start` on until the batch is full (skipping those that failed); return the next index."""
    began = time.perf_counter()
    index = start
    while index < len(files) and index - start < BATCH_FILES and time.perf_counter() - began < BATCH_SECONDS:
        path = files[index]
        show(index)
        index += 1
        if index - 1 in failed:
            report.refused.append(failed[index - 1])
            continue
        changes = db.conn.total_changes
        try:
            import_file(db, read_source(path), report)
        except DatabaseError:
            raise
        except Refused as refusal:
            if db.conn.total_changes != changes:
                raise _FileFailed(index - 1, refusal) from refusal
            report.refused.append(refusal)
        except sqlite3.Error as error:
            if is_database_fault(error):
                raise
            raise _FileFailed(index - 1, Refused(path, f"could not be stored ({error})")) from error
        except Exception as error:  # a fault on one file never stops the rest of the folder
            failure = Refused(path, f"could not be imported ({type(error).__name__}: {error})")
            raise _FileFailed(index - 1, failure) from error
    return index


def _merge(report: ImportReport, batch: ImportReport) -> None:
    """Add a committed batch's figures to the import's report."""
    report.files += batch.files
    report.articles += batch.articles
    report.already += batch.already
    report.chars += batch.chars
    report.refused += batch.refused
    report.encodings += batch.encodings


def import_file(db: Database, source: SourceText, report: ImportReport) -> None:
    """Store one decoded file and its articles (or count it as already stored). Call inside a transaction."""
    digest = hashlib.sha256(source.data).hexdigest()
    articles = split_page(clean_text(source.text))
    if not articles:
        raise Refused(source.path, "no text left after cleaning")
    if db.execute("SELECT 1 FROM sources WHERE sha256 = ?", [digest]).fetchone():
        report.already += 1
        return
    source_id = _insert_source(db, source, digest)
    for article in articles:
        _insert_article(db, source_id, article, publication_date(source.path.name, (b.text for b in article.blocks)))
    carry_claims(db, source_id)  # claims on the version this replaces move where they still fit
    report.files += 1
    report.articles += len(articles)
    report.chars += sum(len(a.text) for a in articles)
    if source.encoding != "utf-8":
        report.encodings.append((display_name(str(source.path)), source.encoding))


def _insert_source(db: Database, source: SourceText, digest: str) -> int:
    """Insert the source row, marking an older version of the same path replaced.

    The path is stored twice: its exact bytes, and a display form in which
    undecodable bytes and control or bidi characters are escaped.
    """
    path, exact = display_name(str(source.path)), name_bytes(str(source.path))
    previous = db.execute(
        "SELECT id, version FROM sources WHERE (path_bytes = ? OR (path_bytes IS NULL AND path = ?)) "
        "AND replaced_by IS NULL",
        [exact, path],
    ).fetchone()
    row = {
        "path": path,
        "path_bytes": exact,
        "name": display_name(source.path.name),
        "sha256": digest,
        "encoding": source.encoding,
        "size": len(source.data),
        "raw": strip_controls(source.text),
        "imported_at": now(),
        "version": previous[1] + 1 if previous else 1,
        "replaced_by": None,
    }
    source_id = _insert_row(db, "sources", row)
    if previous:
        db.execute("UPDATE sources SET replaced_by = ? WHERE id = ?", [source_id, previous[0]])
    return source_id


def _insert_article(db: Database, source_id: int, article: Article, published: str | None = None) -> None:
    """Insert one article with everything derived from its text."""
    row = {
        "source_id": source_id,
        "ord": article.order,
        **article_fields(article, published),
        "read_at": None,
        "figures_version": None,
        "created_at": now(),
    }
    save_article_parts(db, _insert_row(db, "articles", row), article, published)


def article_fields(article: Article, published: str | None) -> dict[str, object]:
    """The columns of an article row that come from its text (insert and re-clean share them)."""
    text = article.text
    return {
        "title": article.title,
        "kicker": article.first("kicker"),
        "subtitle": article.first("subtitle"),
        "byline": article.first("byline"),
        "text": text,
        "chars": len(text),
        "text_hash": text_hash(text),
        "date": published,
    }


def save_article_parts(db: Database, article_id: int, article: Article, published: str | None) -> None:
    """Store what derives from an article's text: blocks, figures, checks and indicators, search index.

    The article row must already hold the text, and the index must not hold the
    article (a new one, or one taken out with `unindex_article`).
    """
    db.execute("DELETE FROM blocks WHERE article_id = ?", [article_id])
    db.conn.executemany(
        "INSERT INTO blocks (article_id, ord, kind, start, [end]) VALUES (?, ?, ?, ?, ?)",
        [
            (article_id, n, block.kind, start, end)
            for n, (block, (start, end)) in enumerate(zip(article.blocks, article.block_spans()))
        ],
    )
    figures = save_figures(db, article_id, article.text)
    head = article_head(article.title, article.first("kicker"), article.first("subtitle"), article.text)
    save_analysis(db, article_id, article.text, published, head, figures)
    index_article(db, article_id, article.title, article.text)


def _insert_row(db: Database, table: str, row: dict) -> int:
    """Insert one row (plain values only) with a plain statement; return its rowid."""
    columns = ", ".join(f"[{key}]" for key in row)
    cursor = db.conn.execute(
        f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values())
    )
    return int(cursor.lastrowid or 0)
