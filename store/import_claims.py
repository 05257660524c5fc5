"""Importing claims from our JSON / JSON lines exports and W3C Web Annotation exports.

This is how two people on two machines combine their work. A claim is
matched by its UUID: a new one is added, a known one is replaced only when
the incoming `updated_at` is newer (its history entries are merged in), so
importing a file twice changes nothing. The article is found by the hash of
its cleaned text (the claim's `text_hash`, or the W3C target's URN), then by
id, then by source name and title; the claim is then placed in that text by
store.anchoring, so it lands right even if the text was cleaned differently.
A claim whose article is not in the library is reported with the reason and
handed back (`ImportReport.missing`) so the caller can keep it, never dropped
silently. The whole import is one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from .anchoring import place, write_placement
from .claims import STATUSES
from .db import immediate
from .export_w3c import annotations_in, from_w3c, is_w3c
from .tags import add_tag, tag_ids

REQUIRED = ("id", "quote", "start", "end", "updated_at")


@dataclass
class ClaimImportReport:
    """What an import of claims did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    missing: list[dict] = field(default_factory=list)  # records whose article is not here
    refused: list[str] = field(default_factory=list)  # one line per bad record

    def summary(self) -> str:
        """One line: added, updated, unchanged, waiting for their article, refused."""
        return (
            f"Added {self.added}, updated {self.updated}, unchanged {self.unchanged}; "
            f"{len(self.missing)} without their article; {len(self.refused)} refused."
        )


def read_claim_file(path: str | Path) -> list[dict]:
    """The claim records in a JSON array, JSON lines or W3C annotation file; ValueError naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: cannot read ({getattr(error, 'strerror', None) or error})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = _json_lines(path, text)
    if is_w3c(data):
        return [_w3c_record(path, item) for item in annotations_in(data)]
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ValueError(f"{path}: not a hecha claims export (JSON, JSON lines or W3C annotations)")
    return data


def _json_lines(path: Path, text: str) -> list:
    """Parse JSON lines, naming the first bad line."""
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}: line {number} is not JSON ({error.msg})") from None
    return items


def _w3c_record(path: Path, item: dict) -> dict:
    """A W3C annotation as a record, ValueError naming the file."""
    try:
        return from_w3c(item)
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None


def import_claims(db: Database, records: list[dict]) -> ClaimImportReport:
    """Merge claim records into the library (see the module docstring)."""
    report = ClaimImportReport()
    good = [r for r in records if _valid(r, report)]
    _ensure_tags(db, good, report)
    with immediate(db):
        for record in good:
            if record.get("_bad"):
                continue
            article = find_article(db, record)
            if article is None:
                report.missing.append(record)
                continue
            _merge(db, record, *article, report)
    return report


def _valid(record: dict, report: ClaimImportReport) -> bool:
    """True if a record has what a claim needs; else a line in report.refused."""
    ident = record.get("id", "?")
    problem = next((f"no {name}" for name in REQUIRED if name not in record), None)
    if problem is None and not (isinstance(record["id"], str) and record["id"].strip()):
        problem = "its id is not a string"
    if problem is None and not (isinstance(record["quote"], str) and record["quote"]):
        problem = "its quote is empty or not text"
    if problem is None and not all(
        isinstance(record[k], int) and not isinstance(record[k], bool) for k in ("start", "end")
    ):
        problem = "offsets are not integers"
    if problem is None and record.get("status", "open") not in STATUSES:
        problem = f"unknown status {record.get('status')!r}"
    if problem is None and not (
        isinstance(record.get("tags", []), list) and all(isinstance(t, str) for t in record.get("tags", []))
    ):
        problem = "tags are not a list of names"
    if problem:
        report.refused.append(f"claim {ident}: {problem}")
    return problem is None


def _ensure_tags(db: Database, records: list[dict], report: ClaimImportReport) -> None:
    """Create the tags the records use that the library lacks (default colour), in order of use."""
    for record in records:
        for name in record.get("tags", []):
            try:
                tag_ids(db, [name])
            except ValueError:
                try:
                    add_tag(db, name)
                except ValueError as error:
                    report.refused.append(f"claim {record['id']}: {error}")
                    record["_bad"] = True


def find_article(db: Database, record: dict) -> tuple[int, str] | None:
    """(article id, text) of the article a record belongs to, or None."""
    digest = record.get("text_hash") or _urn_hash(record.get("source_urn", ""))
    if digest:
        rows = db.execute(
            "SELECT a.id, a.text, s.replaced_by IS NULL FROM articles a JOIN sources s ON s.id = a.source_id "
            "WHERE a.text_hash = ? ORDER BY a.id",
            [digest[:16]],
        ).fetchall()
        if rows:
            best = max(rows, key=lambda r: (r[0] == record.get("article_id"), r[2], -r[0]))
            return best[0], best[1]
    return _by_id_or_name(db, record)


def _urn_hash(urn: str) -> str:
    """The text hash in an article URN of the W3C export ('' if none)."""
    from .export_w3c import ARTICLE_URN

    return urn[len(ARTICLE_URN) :] if isinstance(urn, str) and urn.startswith(ARTICLE_URN) else ""


def _by_id_or_name(db: Database, record: dict) -> tuple[int, str] | None:
    """The article with the record's id holding its quote, else the current one with its source name and title."""
    row = db.execute("SELECT id, text FROM articles WHERE id = ?", [record.get("article_id")]).fetchone()
    if row and record["quote"] in row[1]:
        return row[0], row[1]
    if record.get("source") is None or record.get("article_title") is None:
        return None
    row = db.execute(
        "SELECT a.id, a.text FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = ? AND a.title = ? "
        "ORDER BY s.replaced_by IS NOT NULL, a.id DESC",
        [record["source"], record["article_title"]],
    ).fetchone()
    return (row[0], row[1]) if row else None


def _merge(db: Database, record: dict, article_id: int, text: str, report: ClaimImportReport) -> None:
    """Add the claim, or replace a known one if the record is newer."""
    known = db.execute("SELECT updated_at FROM claims WHERE id = ?", [record["id"]]).fetchone()
    if known and not _newer(record["updated_at"], known[0]):
        report.unchanged += 1
        return
    _write(db, record, article_id, exists=bool(known))
    found = place(
        record["quote"], record.get("prefix") or "", record.get("suffix") or "", record["start"], record["end"], text
    )
    write_placement(db, record["id"], article_id, found, text)
    _merge_history(db, record)
    report.updated += bool(known)
    report.added += not known


def _newer(incoming: str, stored: str) -> bool:
    """True if timestamp `incoming` is later than `stored` (ISO 8601; text order if unparsable)."""
    try:
        return datetime.fromisoformat(incoming) > datetime.fromisoformat(stored)
    except (TypeError, ValueError):
        return str(incoming) > str(stored)


def _write(db: Database, record: dict, article_id: int, exists: bool) -> None:
    """Insert or overwrite the claim row and its tags from the record."""
    row = {
        "id": record["id"],
        "article_id": article_id,
        "start": record["start"],
        "end": record["end"],
        "quote": record["quote"],
        "prefix": record.get("prefix") or "",
        "suffix": record.get("suffix") or "",
        "text_hash": record.get("text_hash") or "",
        "note": record.get("note") or "",
        "status": record.get("status", "open"),
        "created_at": record.get("created_at") or record["updated_at"],
        "updated_at": record["updated_at"],
        "anchor": record.get("anchor", "exact"),
    }
    if exists:
        row.pop("created_at")
        sets = ", ".join(f"[{k}] = ?" for k in row if k != "id")
        db.execute(f"UPDATE claims SET {sets} WHERE id = ?", [v for k, v in row.items() if k != "id"] + [row["id"]])
        db.execute("DELETE FROM claim_tags WHERE claim_id = ?", [row["id"]])
    else:
        db.execute(
            f"INSERT INTO claims ({', '.join(f'[{k}]' for k in row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
    for tag_id in tag_ids(db, record.get("tags", [])):
        db.execute("INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?, ?)", [row["id"], tag_id])


def _merge_history(db: Database, record: dict) -> None:
    """Append the record's history entries the claim does not have yet (a W3C record: a 'created' entry)."""
    entries = record.get("history")
    if not isinstance(entries, list):
        entries = [
            {
                "at": record.get("created_at") or record["updated_at"],
                "field": "created",
                "old": None,
                "new": record.get("status", "open"),
            }
        ]
    have = {
        tuple(row)
        for row in db.execute("SELECT at, field, old, new FROM claim_history WHERE claim_id = ?", [record["id"]])
    }
    for entry in entries:
        key = tuple(entry.get(k) for k in ("at", "field", "old", "new")) if isinstance(entry, dict) else None
        if key and key not in have:
            db.execute(
                "INSERT INTO claim_history (claim_id, at, field, old, new) VALUES (?, ?, ?, ?, ?)", [record["id"], *key]
            )
            have.add(key)
