"""Schema changes keep data: a library made with schema version 2 migrates to the latest schema intact.

tests/fixtures/hecha-v2.db is made by tests/fixtures/make_v2_db.py. Whatever
migrations come later, every article, tag, claim (with its tags) and history
entry it holds must come through unchanged, and a backup of the version 2
file must be left beside it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hecha import store
from hecha.store.db import MIGRATION_NAMES, TAG_PALETTE, schema_version

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "hecha-v2.db"
QUERIES = {
    "articles": "SELECT id, source_id, ord, title, text, chars, text_hash FROM articles ORDER BY id",
    "sources": "SELECT id, path, name, sha256, raw, version, replaced_by FROM sources ORDER BY id",
    "tags": "SELECT id, name, label, color, key, ord FROM tags ORDER BY id",
    "claims": "SELECT id, article_id, start, [end], quote, prefix, suffix, text_hash, note, status, created_at, "
    "updated_at FROM claims ORDER BY id",
    "claim_tags": "SELECT claim_id, tag_id FROM claim_tags ORDER BY claim_id, tag_id",
    "claim_history": "SELECT id, claim_id, at, field, old, new FROM claim_history ORDER BY id",
}


def rows(path: Path) -> dict[str, list[tuple]]:
    """Every row the version 2 schema had, read with plain SQLite."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(sql).fetchall() for table, sql in QUERIES.items()}
    finally:
        conn.close()


def _recoloured(tag: tuple) -> tuple:
    """A tag row as the palette migration leaves it: (id, name, label, colour, key, ord)."""
    old, new = TAG_PALETTE.get(tag[1], (None, None))
    return (*tag[:3], new, *tag[4:]) if old is not None and tag[3].lower() == old else tag


@pytest.fixture
def old_library(tmp_path) -> Path:
    """A copy of the version 2 fixture."""
    target = tmp_path / "library.db"
    shutil.copyfile(FIXTURE, target)
    return target


def test_fixture_is_version_2_with_claims_tags_and_history():
    before = rows(FIXTURE)
    assert sqlite3.connect(FIXTURE).execute("PRAGMA user_version").fetchone()[0] == 2
    assert len(before["claims"]) == 3 and len(before["claim_history"]) == 7 and len(before["claim_tags"]) == 5


def test_migrating_keeps_every_article_claim_tag_and_history_entry(old_library):
    before = rows(old_library)
    db = store.open_db(old_library)
    assert schema_version(db) == len(MIGRATION_NAMES) > 2
    db.close()
    after = rows(old_library)
    # The one change a migration makes on purpose: default tags still in a figure
    # kind's colour get a colour of their own (m005_tag_palette).
    assert [_recoloured(tag) for tag in before["tags"]] == after["tags"]
    assert {k: v for k, v in after.items() if k != "tags"} == {k: v for k, v in before.items() if k != "tags"}
    db = store.open_db(old_library)
    claims = store.list_claims(db)
    assert [c.quote for c in claims] == ["全县地区生产总值增长6.1%", "新建5G基站320个📡", "这是“历年之最”"]
    assert [c.tags for c in claims] == [("数据",), ("数据", "待核实"), ("引语", "核对来源")]
    for claim in claims:
        assert store.get_article(db, claim.article_id).text[claim.start : claim.end] == claim.quote
        assert claim.anchor == "exact"
    assert [h.field for h in store.claim_history(db, claims[2].id)] == ["created", "note", "status"]
    assert '"quote": "这是“历年之最”"' in store.export_claims(db, "jsonl")
    db.close()


def test_a_backup_of_the_old_schema_is_left_beside_it(old_library):
    before = rows(old_library)
    store.open_db(old_library).close()
    (backup,) = (old_library.parent / "backups").glob("library-schema2-*.db")
    assert rows(backup) == before
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 2
    store.open_db(old_library).close()  # nothing to migrate: no second backup
    assert len(list((old_library.parent / "backups").glob("*.db"))) == 1


def test_a_new_library_gets_no_backup(tmp_path):
    store.open_db(tmp_path / "new.db").close()
    assert not (tmp_path / "backups").exists()
