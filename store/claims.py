"""Claims: passages of an article a user marks to check, with tags, a status, a note and history.

A claim is anchored by character offsets into its article's cleaned text and
keeps the exact quote with 32 characters of context on each side, so it can be
found again (`anchor`) if the text ever changes. Every write commits before
it returns: a claim the user saw added survives a crash a moment later.
Every change of status, note or tags is appended to the claim's history.
Tags live in `tags` (DEFAULT_COLOR and tag_ids are still importable from here).
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, fields

from sqlite_utils import Database

from .db import immediate
from .ingest import now
from .tags import DEFAULT_COLOR, TAG_SEPARATOR, clean_note, log_change, tag_ids, tag_names  # noqa: F401

STATUSES = ("open", "checking", "true", "false", "misleading", "unverifiable")
CONTEXT = 32


@dataclass(frozen=True)
class HistoryEntry:
    """One change of a claim: when, which field ('created', 'status', 'note', 'tags'), old and new."""

    at: str
    field: str
    old: str | None
    new: str | None

    def to_dict(self) -> dict:
        """{at, field, old, new}."""
        return asdict(self)


@dataclass(frozen=True)
class Claim:
    """A marked passage of an article, as stored."""

    id: str
    article_id: int
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    text_hash: str
    note: str
    status: str
    tags: tuple[str, ...]
    created_at: str
    updated_at: str
    article_title: str
    source: str
    anchor: str = "exact"

    def to_dict(self) -> dict:
        """Every field, tags as a list (the JSON shape of `hecha claims --json`)."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data


# The columns of a claim row, in the order `_SELECT` gives them (tags come from their own query).
_ROW_FIELDS = tuple(f.name for f in fields(Claim) if f.name != "tags")


# ---------------------------------------------------------------- claims
def new_claim_id() -> str:
    """A fresh claim id (a UUID4); tests replace this to get fixed ids."""
    return str(uuid.uuid4())


def add_claim(
    db: Database, article_id: int, start: int, end: int, tags=(), note: str = "", status: str = "open"
) -> Claim:
    """Mark text[start:end] of an article as a claim; committed when this returns."""
    _check_status(status)
    claim_id, stamp = new_claim_id(), now()
    with immediate(db):
        text, digest = _article_text(db, article_id)
        _check_span(start, end, len(text))
        ids = tag_ids(db, tags)
        db.execute(
            "INSERT INTO claims (id, article_id, start, [end], quote, prefix, suffix, text_hash, note, "
            "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                claim_id,
                article_id,
                start,
                end,
                text[start:end],
                text[max(0, start - CONTEXT) : start],
                text[end : end + CONTEXT],
                digest,
                clean_note(note),
                status,
                stamp,
                stamp,
            ],
        )
        _link_tags(db, claim_id, ids)
        log_change(db, claim_id, stamp, "created", None, status)
    return _require(db, claim_id)


def update_claim(
    db: Database, claim_id: str, *, tags=None, note: str | None = None, status: str | None = None
) -> Claim:
    """Change a claim's tags, note or status (None leaves it); each change goes into its history."""
    if status is not None:
        _check_status(status)
    with immediate(db):
        old = _require(db, claim_id)
        stamp = now()
        changes = _apply_status_note(db, old, stamp, note, status)
        if tags is not None:
            changes += _apply_tags(db, old, stamp, (tags,) if isinstance(tags, str) else tuple(tags))
        if changes:
            db.execute("UPDATE claims SET updated_at = ? WHERE id = ?", [stamp, claim_id])
    return _require(db, claim_id)


def _apply_status_note(db: Database, old: Claim, stamp: str, note: str | None, status: str | None) -> int:
    """Write a changed status and note with their history; return how many changed."""
    changed = 0
    for field, value in (("status", status), ("note", None if note is None else clean_note(note))):
        if value is not None and value != getattr(old, field):
            db.execute(f"UPDATE claims SET {field} = ? WHERE id = ?", [value, old.id])
            log_change(db, old.id, stamp, field, getattr(old, field), value)
            changed += 1
    return changed


def _apply_tags(db: Database, old: Claim, stamp: str, names: tuple[str, ...]) -> int:
    """Replace a claim's tags if they differ (1), else leave them (0)."""
    ids = tag_ids(db, names)
    if set(names) == set(old.tags):
        return 0
    db.execute("DELETE FROM claim_tags WHERE claim_id = ?", [old.id])
    _link_tags(db, old.id, ids)
    log_change(db, old.id, stamp, "tags", TAG_SEPARATOR.join(old.tags), TAG_SEPARATOR.join(tag_names(db, old.id)))
    return 1


def delete_claim(db: Database, claim_id: str) -> bool:
    """Delete a claim with its tag links and history; False if there was no such claim."""
    with immediate(db):
        db.execute("DELETE FROM claim_history WHERE claim_id = ?", [claim_id])
        db.execute("DELETE FROM claim_tags WHERE claim_id = ?", [claim_id])
        return db.execute("DELETE FROM claims WHERE id = ?", [claim_id]).rowcount > 0


def get_claim(db: Database, claim_id: str) -> Claim | None:
    """One claim, or None."""
    found = _select(db, "c.id = ?", [claim_id])
    return found[0] if found else None


def claim_history(db: Database, claim_id: str) -> list[HistoryEntry]:
    """A claim's changes, oldest first."""
    rows = db.execute(
        "SELECT at, field, old, new FROM claim_history WHERE claim_id = ? ORDER BY id", [claim_id]
    ).fetchall()
    return [HistoryEntry(*row) for row in rows]


def all_histories(db: Database) -> dict[str, list[HistoryEntry]]:
    """Every claim's history in one query, by claim id (for exports)."""
    histories: dict[str, list[HistoryEntry]] = {}
    for claim_id, *row in db.execute("SELECT claim_id, at, field, old, new FROM claim_history ORDER BY id"):
        histories.setdefault(claim_id, []).append(HistoryEntry(*row))
    return histories


def list_claims(
    db: Database,
    *,
    status: str | None = None,
    tag: str | None = None,
    text: str | None = None,
    article_id: int | None = None,
    anchor: str | None = None,
) -> list[Claim]:
    """Claims by article then start; `text` matches quote, note or article title (any case).

    `anchor` keeps claims placed that way ('orphan': those whose quote was lost).
    """
    where: list[str] = ["1"]
    params: list[object] = []
    if anchor is not None:
        where.append("c.anchor = ?")
        params.append(anchor)
    if status is not None:
        _check_status(status)
        where.append("c.status = ?")
        params.append(status)
    if tag is not None:
        where.append("c.id IN (SELECT ct.claim_id FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?)")
        params.append(tag)
    if article_id is not None:
        where.append("c.article_id = ?")
        params.append(article_id)
    claims = _select(db, " AND ".join(where), params)
    if text:
        needle = text.casefold()
        claims = [c for c in claims if needle in f"{c.quote}\n{c.note}\n{c.article_title}".casefold()]
    return claims


def article_claims(db: Database, article_id: int) -> list[Claim]:
    """The claims placed in one article, by position (orphans, whose quote is gone, are left out)."""
    return [c for c in list_claims(db, article_id=article_id) if c.anchor != "orphan"]


def next_open_claim(claims: list[Claim], after_id: str | None) -> Claim | None:
    """The next open claim after `after_id` in list order, wrapping around (the queue of a review).

    Other claims come first; the claim itself is returned only when it is the
    only open one. With `after_id` None or not in the list, the first open claim.
    """
    ids = [c.id for c in claims]
    first = ids.index(after_id) + 1 if after_id in ids else 0
    for claim in claims[first:] + claims[:first]:
        if claim.status == "open":
            return claim
    return None


def anchor(claim: Claim, text: str) -> tuple[int, int] | None:
    """Where the claim's quote is in `text`: its own offsets if unchanged, else the best match, None if gone.

    Among several places the quote occurs, the one whose surroundings agree
    most with the stored prefix and suffix wins, then the one nearest the old offset.
    """
    if text[claim.start : claim.end] == claim.quote and _context_score(claim, text, claim.start) == (
        len(claim.prefix) + len(claim.suffix)
    ):
        return claim.start, claim.end
    places = _occurrences(text, claim.quote)
    if not places:
        return None
    best = max(places, key=lambda at: (_context_score(claim, text, at), -abs(at - claim.start)))
    return best, best + len(claim.quote)


def _occurrences(text: str, quote: str) -> list[int]:
    """Every offset where `quote` starts in `text` (overlaps included)."""
    places, at = [], text.find(quote) if quote else -1
    while at >= 0:
        places.append(at)
        at = text.find(quote, at + 1)
    return places


def _context_score(claim: Claim, text: str, at: int) -> int:
    """How many characters of the stored prefix and suffix agree around `at`."""
    before = text[max(0, at - len(claim.prefix)) : at]
    after = text[at + len(claim.quote) : at + len(claim.quote) + len(claim.suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(claim.prefix)):
        if a != b:
            break
        score += 1
    for a, b in zip(after, claim.suffix):
        if a != b:
            break
        score += 1
    return score


# ---------------------------------------------------------------- helpers
_SELECT = """
SELECT c.id, c.article_id, c.start, c.[end], c.quote, c.prefix, c.suffix, c.text_hash, c.note,
       c.status, c.created_at, c.updated_at, coalesce(a.title, ''), coalesce(s.name, ''), c.anchor
FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN sources s ON s.id = a.source_id
WHERE {where} ORDER BY c.article_id, c.start, c.[end], c.created_at, c.id
"""


_SELECT_TAGS = """
SELECT ct.claim_id, t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id
WHERE ct.claim_id IN (SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE {where})
ORDER BY t.ord, t.id
"""


def _select(db: Database, where: str, params: list) -> list[Claim]:
    """Claims matching a WHERE clause, with their tags (two queries in all)."""
    rows = db.execute(_SELECT.format(where=where), params).fetchall()
    tags: dict[str, list[str]] = {}
    for claim_id, name in db.execute(_SELECT_TAGS.format(where=where), params) if rows else ():
        tags.setdefault(claim_id, []).append(name)
    return [Claim(tags=tuple(tags.get(row[0], ())), **dict(zip(_ROW_FIELDS, row))) for row in rows]


def _require(db: Database, claim_id: str) -> Claim:
    """The claim, or ValueError naming the id."""
    claim = get_claim(db, claim_id)
    if claim is None:
        raise ValueError(f"no claim with id {claim_id}")
    return claim


def _article_text(db: Database, article_id: int) -> tuple[str, str]:
    """An article's cleaned text and its hash, or ValueError."""
    row = db.execute("SELECT text, text_hash FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None:
        raise ValueError(f"no article with id {article_id}")
    return row[0], row[1]


def _check_span(start: int, end: int, length: int) -> None:
    """ValueError unless 0 <= start < end <= length (integers)."""
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        raise ValueError(f"claim offsets must be integers, not {start!r} and {end!r}")
    if not 0 <= start < end <= length:
        raise ValueError(f"claim offsets {start}–{end} are outside the article (0–{length}) or empty")


def _check_status(status: str) -> None:
    """ValueError unless `status` is one of STATUSES."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r} (one of: {', '.join(STATUSES)})")


def _link_tags(db: Database, claim_id: str, ids: list[int]) -> None:
    """Attach tags to a claim."""
    for tag_id in ids:
        db.execute("INSERT OR IGNORE INTO claim_tags (claim_id, tag_id) VALUES (?, ?)", [claim_id, tag_id])


# ---------------------------------------------------------------- finding, undoing
@dataclass(frozen=True)
class DeletedClaim:
    """A deleted claim with its tags and history, enough to put it back (`restore_claim`)."""

    claim: Claim
    history: tuple[HistoryEntry, ...]


def claim_at(db: Database, article_id: int, start: int, end: int) -> Claim | None:
    """The claim of an article that covers exactly [start, end), the most recently changed if several."""
    found = [c for c in article_claims(db, article_id) if (c.start, c.end) == (start, end)]
    return max(found, key=lambda c: c.updated_at) if found else None


def claims_stamp(db: Database, article_id: int) -> tuple:
    """Something that changes whenever a claim of the article (or a tag) is added, changed or deleted.

    Cheap to ask often: an open reader compares it to notice claims made in
    another copy of the app.
    """
    row = db.execute(
        "SELECT count(*), max(updated_at), group_concat(id) FROM claims WHERE article_id = ?", [article_id]
    ).fetchone()
    tags = db.execute("SELECT group_concat(name || color) FROM tags").fetchone()
    return (*row, tags[0])


def delete_claim_for_undo(db: Database, claim_id: str) -> DeletedClaim | None:
    """Delete a claim, returning what `restore_claim` needs to put it back; None if there was none."""
    claim = get_claim(db, claim_id)
    if claim is None:
        return None
    deleted = DeletedClaim(claim, tuple(claim_history(db, claim_id)))
    delete_claim(db, claim_id)
    return deleted


def restore_claim(db: Database, deleted: DeletedClaim) -> Claim:
    """Put a deleted claim back as it was (same id, tags that still exist, note, status, history).

    The history records the deletion and the restoring.
    """
    c, stamp = deleted.claim, now()
    with immediate(db):
        db.execute(
            "INSERT INTO claims (id, article_id, start, [end], quote, prefix, suffix, text_hash, note, "
            "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                c.id,
                c.article_id,
                c.start,
                c.end,
                c.quote,
                c.prefix,
                c.suffix,
                c.text_hash,
                c.note,
                c.status,
                c.created_at,
                stamp,
            ],
        )
        known = {name for (name,) in db.execute("SELECT name FROM tags")}
        _link_tags(db, c.id, tag_ids(db, [t for t in c.tags if t in known]))
        for entry in deleted.history:
            log_change(db, c.id, entry.at, entry.field, entry.old, entry.new)
        log_change(db, c.id, stamp, "deleted", c.status, None)
        log_change(db, c.id, stamp, "restored", None, c.status)
    return _require(db, c.id)
