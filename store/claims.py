"""Claims: passages of an article a user marks to check, with tags, a status, a note and history.

A claim is anchored by character offsets into its article's cleaned text and
keeps the exact quote with 32 characters of context on each side, so it can be
found again (`anchor`) if the text ever changes. Every write commits before
it returns: a claim the user saw added survives a crash a moment later.
Every change of status, note or tags is appended to the claim's history.
Tags (a name, a label, a colour and a hotkey each) are kept here too.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from .clean import strip_controls
from .db import immediate
from .ingest import now

STATUSES = ("open", "checking", "true", "false", "misleading", "unverifiable")
CONTEXT = 32
TAG_SEPARATOR = ", "


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

    def to_dict(self) -> dict:
        """Every field, tags as a list (the JSON shape of `hecha claims --json`)."""
        data = asdict(self)
        data["tags"] = list(self.tags)
        return data

# ---------------------------------------------------------------- tags
DEFAULT_COLOR = "#bcbcbc"
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_NAME_FORBIDDEN = re.compile(r"[,;，；\s]")


@dataclass(frozen=True)
class Tag:
    """A tag users put on claims: its name, a longer label, a colour #rrggbb and a one-key shortcut."""

    id: int
    name: str
    label: str
    color: str
    key: str | None
    ord: int

    def to_dict(self) -> dict:
        """Every field."""
        return asdict(self)


def list_tags(db: Database) -> list[Tag]:
    """Every tag, in display order."""
    rows = db.execute("SELECT id, name, coalesce(label, ''), color, nullif(key, ''), ord FROM tags ORDER BY ord, id")
    return [Tag(*row) for row in rows]


def tag_colors(db: Database) -> dict[str, str]:
    """Tag name → colour."""
    return {tag.name: tag.color for tag in list_tags(db)}


def tag_counts(db: Database) -> dict[str, int]:
    """Tag name → how many claims carry it (0 included)."""
    rows = db.execute(
        "SELECT t.name, count(ct.claim_id) FROM tags t LEFT JOIN claim_tags ct ON ct.tag_id = t.id GROUP BY t.id"
    )
    return dict(rows.fetchall())


def add_tag(db: Database, name: str, label: str = "", color: str = DEFAULT_COLOR, key: str | None = None) -> Tag:
    """A new tag at the end of the list; ValueError for a bad or taken name, colour or key."""
    name, color, key = _check_name(name), _check_color(color), _check_key(key)
    with immediate(db):
        tags = list_tags(db)
        _check_unique(tags, name=name, key=key)
        db.execute(
            "INSERT INTO tags (name, label, color, key, ord) VALUES (?, ?, ?, ?, ?)",
            [name, clean_note(label), color, key, max((t.ord for t in tags), default=-1) + 1],
        )
    return _require_tag(db, name)


def update_tag(
    db: Database, name: str, *, new_name: str | None = None, label: str | None = None,
    color: str | None = None, key: str | None = None,
) -> Tag:
    """Rename a tag or change its label, colour or key (None leaves it, key "" removes the key)."""
    changes = {
        "name": None if new_name is None else _check_name(new_name),
        "label": None if label is None else clean_note(label),
        "color": None if color is None else _check_color(color),
        "key": None if key is None else (_check_key(key) or ""),
    }
    changes = {field: value for field, value in changes.items() if value is not None}
    with immediate(db):
        tag = _require_tag(db, name)
        others = [t for t in list_tags(db) if t.id != tag.id]
        _check_unique(others, name=changes.get("name"), key=changes.get("key") or None)
        for field, value in changes.items():
            stored = None if field == "key" and not value else value
            db.execute(f"UPDATE tags SET [{field}] = ? WHERE id = ?", [stored, tag.id])
    return _require_tag(db, changes.get("name", name))


def delete_tag(db: Database, name: str) -> None:
    """Delete a tag and take it off every claim (each such claim's history records it)."""
    with immediate(db):
        tag = _require_tag(db, name)
        stamp = now()
        claim_ids = [r[0] for r in db.execute("SELECT claim_id FROM claim_tags WHERE tag_id = ?", [tag.id])]
        for claim_id in claim_ids:
            old = _tag_names(db, claim_id)
            _log(db, claim_id, stamp, "tags", TAG_SEPARATOR.join(old), TAG_SEPARATOR.join(n for n in old if n != name))
            db.execute("UPDATE claims SET updated_at = ? WHERE id = ?", [stamp, claim_id])
        db.execute("DELETE FROM claim_tags WHERE tag_id = ?", [tag.id])
        db.execute("DELETE FROM tags WHERE id = ?", [tag.id])


def tag_ids(db: Database, names) -> list[int]:
    """The ids of tags named `names`; ValueError naming any unknown ones."""
    if isinstance(names, str):
        names = (names,)
    known = {name: tag_id for tag_id, name in db.execute("SELECT id, name FROM tags")}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown tag{'s' * (len(unknown) > 1)}: {', '.join(unknown)} (see `hecha tags`)")
    return list(dict.fromkeys(known[n] for n in names))


def _require_tag(db: Database, name: str) -> Tag:
    """The tag called `name`, or ValueError."""
    for tag in list_tags(db):
        if tag.name == name:
            return tag
    raise ValueError(f"no tag named {name!r} (see `hecha tags`)")


def _check_name(name: str) -> str:
    """A tag name stripped; ValueError if empty, too long, or with spaces, commas or semicolons."""
    name = strip_controls(str(name)).strip()
    if not name:
        raise ValueError("a tag name cannot be empty")
    if len(name) > 40 or _NAME_FORBIDDEN.search(name):
        raise ValueError(f"bad tag name {name!r}: at most 40 characters, no spaces, commas or semicolons")
    return name


def _check_color(color: str) -> str:
    """A colour as lower-case #rrggbb; ValueError otherwise."""
    if not isinstance(color, str) or not _COLOR.fullmatch(color.strip()):
        raise ValueError(f"bad colour {color!r}: write it as #rrggbb, e.g. #5fafff")
    return color.strip().lower()


def _check_key(key: str | None) -> str | None:
    """A hotkey: one visible character, or None/"" for none; ValueError otherwise."""
    if key is None or key == "":
        return None
    if len(key) != 1 or not key.isprintable() or key.isspace():
        raise ValueError(f"bad key {key!r}: a tag key is one visible character")
    return key


def _check_unique(tags: list[Tag], *, name: str | None, key: str | None) -> None:
    """ValueError if another tag already has this name or key."""
    for tag in tags:
        if name is not None and tag.name == name:
            raise ValueError(f"there is already a tag named {name!r}")
        if key is not None and tag.key == key:
            raise ValueError(f"key {key!r} is already used by tag {tag.name!r}")


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
            [claim_id, article_id, start, end, text[start:end], text[max(0, start - CONTEXT) : start],
             text[end : end + CONTEXT], digest, clean_note(note), status, stamp, stamp],
        )
        _link_tags(db, claim_id, ids)
        _log(db, claim_id, stamp, "created", None, status)
    return _require(db, claim_id)


def update_claim(db: Database, claim_id: str, *, tags=None, note: str | None = None, status: str | None = None) -> Claim:
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
            _log(db, old.id, stamp, field, getattr(old, field), value)
            changed += 1
    return changed


def _apply_tags(db: Database, old: Claim, stamp: str, names: tuple[str, ...]) -> int:
    """Replace a claim's tags if they differ (1), else leave them (0)."""
    ids = tag_ids(db, names)
    if set(names) == set(old.tags):
        return 0
    db.execute("DELETE FROM claim_tags WHERE claim_id = ?", [old.id])
    _link_tags(db, old.id, ids)
    _log(db, old.id, stamp, "tags", TAG_SEPARATOR.join(old.tags), TAG_SEPARATOR.join(_tag_names(db, old.id)))
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
    db: Database, *, status: str | None = None, tag: str | None = None, text: str | None = None,
    article_id: int | None = None,
) -> list[Claim]:
    """Claims by article then start; `text` matches quote, note or article title (any case)."""
    where, params = ["1"], []
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
    """The claims of one article, by position."""
    return list_claims(db, article_id=article_id)


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


def clean_note(note: str) -> str:
    """A note as stored: no terminal control characters, no surrounding blank space."""
    return strip_controls(str(note)).strip()


# ---------------------------------------------------------------- helpers
_SELECT = """
SELECT c.id, c.article_id, c.start, c.[end], c.quote, c.prefix, c.suffix, c.text_hash, c.note,
       c.status, c.created_at, c.updated_at, coalesce(a.title, ''), coalesce(s.name, '')
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
    return [Claim(*row[:10], tuple(tags.get(row[0], ())), *row[10:]) for row in rows]


def _tag_names(db: Database, claim_id: str) -> list[str]:
    """One claim's tag names, in tag order."""
    return [row[0] for row in db.execute(
        "SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = ? ORDER BY t.ord, t.id",
        [claim_id],
    )]


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


def _log(db: Database, claim_id: str, stamp: str, field: str, old: str | None, new: str | None) -> None:
    """Append one entry to a claim's history."""
    db.execute(
        "INSERT INTO claim_history (claim_id, at, field, old, new) VALUES (?, ?, ?, ?, ?)",
        [claim_id, stamp, field, old, new],
    )
