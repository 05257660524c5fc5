"""Importing files: read → clean → split into articles → store, one transaction per file.

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
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from sqlite_utils import Database

from .analysis import article_head, save_analysis
from .clean import clean_text, strip_controls
from .dating import publication_date
from .db import immediate
from .db_faults import DatabaseError, db_file, fault_message, is_database_fault
from .figure_store import article_figures, save_figures
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


def import_paths(db: Database, paths: Iterable[str | Path], progress: Progress | None = None) -> ImportReport:
    """Import every .txt/.md file under `paths`."""
    files, missing = find_files(list(paths))
    report = ImportReport(refused=list(missing))
    for index, path in enumerate(files):
        if progress:
            progress(path)
        try:
            import_file(db, read_source(path), report)
        except Refused as refusal:
            report.refused.append(refusal)
        except (DatabaseError, sqlite3.Error) as error:
            if not isinstance(error, DatabaseError) and not is_database_fault(error):
                report.refused.append(Refused(path, f"could not be stored ({error})"))
                continue
            report.stopped = str(error) if isinstance(error, DatabaseError) else fault_message(db_file(db), error)
            report.not_imported = [display_name(str(p)) for p in files[index:]]
            break
        except Exception as error:  # a fault on one file never stops the rest of the folder
            report.refused.append(Refused(path, f"could not be imported ({type(error).__name__}: {error})"))
    return report


def import_file(db: Database, source: SourceText, report: ImportReport) -> None:
    """Store one decoded file and its articles (or count it as already stored)."""
    digest = hashlib.sha256(source.data).hexdigest()
    articles = split_page(clean_text(source.text))
    if not articles:
        raise Refused(source.path, "no text left after cleaning")
    with immediate(db):
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
        "path": path, "path_bytes": exact, "name": display_name(source.path.name), "sha256": digest,
        "encoding": source.encoding,
        "size": len(source.data), "raw": strip_controls(source.text), "imported_at": now(),
        "version": previous[1] + 1 if previous else 1, "replaced_by": None,
    }
    source_id = cast(int, db.table("sources").insert(row).last_pk)
    if previous:
        db.execute("UPDATE sources SET replaced_by = ? WHERE id = ?", [source_id, previous[0]])
    return source_id


def _insert_article(db: Database, source_id: int, article: Article, published: str | None = None) -> None:
    """Insert one article with its blocks and figures."""
    text = article.text
    article_id: int = cast(int, db.table("articles").insert(
        {
            "source_id": source_id, "ord": article.order, "title": article.title,
            "kicker": article.first("kicker"), "subtitle": article.first("subtitle"),
            "byline": article.first("byline"), "text": text, "chars": len(text),
            "text_hash": text_hash(text), "date": published, "read_at": None,
            "figures_version": None, "created_at": now(),
        }
    ).last_pk)
    rows = [
        {"article_id": article_id, "ord": n, "kind": block.kind, "start": start, "end": end}
        for n, (block, (start, end)) in enumerate(zip(article.blocks, article.block_spans()))
    ]
    db.table("blocks").insert_all(rows)
    save_figures(db, article_id, text)
    head = article_head(article.title, article.first("kicker"), article.first("subtitle"), text)
    save_analysis(db, article_id, text, published, head, article_figures(db, article_id))
    index_article(db, article_id, article.title, text)
