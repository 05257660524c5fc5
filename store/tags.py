"""Tags: the labels users put on claims (a name, a label, a colour and a hotkey each).

Split out of `claims` to keep that module to claims themselves. Tags sit below
claims: this module never imports `claims`, and it also holds the small
helpers both need (cleaning a note or label, a claim's tag names, appending to
a claim's history), since deleting a tag rewrites the tags of its claims.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from .clean import strip_controls
from .db import immediate
from .ingest import now

TAG_SEPARATOR = ", "
DEFAULT_COLOR = "#8787af"  # not a figure kind's colour
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
    db: Database,
    name: str,
    *,
    new_name: str | None = None,
    label: str | None = None,
    color: str | None = None,
    key: str | None = None,
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
    return _require_tag(db, changes.get("name") or name)


def delete_tag(db: Database, name: str) -> None:
    """Delete a tag and take it off every claim (each such claim's history records it)."""
    with immediate(db):
        tag = _require_tag(db, name)
        stamp = now()
        claim_ids = [r[0] for r in db.execute("SELECT claim_id FROM claim_tags WHERE tag_id = ?", [tag.id])]
        for claim_id in claim_ids:
            old = tag_names(db, claim_id)
            log_change(
                db, claim_id, stamp, "tags", TAG_SEPARATOR.join(old), TAG_SEPARATOR.join(n for n in old if n != name)
            )
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


# ---------------------------------------------------------------- shared with claims
def clean_note(note: str) -> str:
    """A note as stored: no terminal control characters, no surrounding blank space."""
    return strip_controls(str(note)).strip()


def tag_names(db: Database, claim_id: str) -> list[str]:
    """One claim's tag names, in tag order."""
    return [
        row[0]
        for row in db.execute(
            "SELECT t.name FROM claim_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.claim_id = ? ORDER BY t.ord, t.id",
            [claim_id],
        )
    ]


def log_change(db: Database, claim_id: str, stamp: str, field: str, old: str | None, new: str | None) -> None:
    """Append one entry to a claim's history."""
    db.execute(
        "INSERT INTO claim_history (claim_id, at, field, old, new) VALUES (?, ?, ?, ?, ?)",
        [claim_id, stamp, field, old, new],
    )
