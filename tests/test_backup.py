"""`hecha backup` and `hecha restore` (store.backup): consistent copies, checked restores."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from hecha import store
from hecha.store.backup import backup_db, check_backup, restore_db


def claims_in(path) -> list[str]:
    """The quotes stored in a library file, read with plain SQLite."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT quote FROM claims ORDER BY quote")]
    finally:
        conn.close()


@pytest.fixture
def library(db, tmp_path):
    """A library with an article and one claim."""
    path = tmp_path / "page.txt"
    path.write_text("全县经济通报\n\n今年全县地区生产总值增长百分之六，位居全市第一。\n", encoding="utf-8")
    store.import_paths(db, [path])
    text = store.get_article(db, 1).text
    store.add_claim(db, 1, text.index("全县地区"), text.index("第一") + 2, ["数据"])
    return db


def test_backup_while_another_connection_writes_is_a_sound_copy(library, db_path, tmp_path):
    writer = store.open_db(db_path)
    text = store.get_article(writer, 1).text
    stop = threading.Event()

    def keep_writing():
        while not stop.is_set():
            store.add_claim(writer, 1, 0, 4, ["模糊"])

    thread = threading.Thread(target=keep_writing)
    thread.start()
    try:
        targets = [backup_db(library, tmp_path / f"copy{n}.db") for n in range(3)]
    finally:
        stop.set()
        thread.join()
    for target in targets:
        assert check_backup(target) == store.schema_version(library)
        quotes = claims_in(target)
        assert set(quotes) == {"全县地区生产总值增长百分之六，位居全市第一", text[0:4]} or quotes == [
            "全县地区生产总值增长百分之六，位居全市第一"
        ]
        conn = sqlite3.connect(target)
        counts = [
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claims", "claim_tags", "claim_history")
        ]
        conn.close()
        assert counts[0] == counts[1] == counts[2]  # one snapshot: every claim with its tag and its history
    writer.close()


def test_backup_default_goes_to_the_backups_folder(library, db_path):
    target = backup_db(library)
    assert target.parent == db_path.parent / "backups" and target.name.startswith("hecha-")
    assert claims_in(target) == claims_in(db_path)


def test_restore_checks_first_and_keeps_the_replaced_library(library, db_path, tmp_path):
    saved = backup_db(library, tmp_path / "saved.db")
    store.delete_claim(library, store.list_claims(library)[0].id)
    assert store.list_claims(library) == []
    kept = restore_db(saved, db_path)
    assert [c.quote for c in store.list_claims(library)] == [
        "全县地区生产总值增长百分之六，位居全市第一"
    ]  # the open app sees it
    assert kept.parent.name == "backups" and claims_in(kept) == []


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "not a hecha library"),
        (b"this is not a database at all" * 100, "not a readable SQLite database"),
    ],
)
def test_restore_refuses_a_bad_file_and_changes_nothing(library, db_path, tmp_path, content, reason):
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    before = claims_in(db_path)
    with pytest.raises(store.DatabaseError, match=reason):
        restore_db(bad, db_path)
    assert claims_in(db_path) == before


def test_restore_refuses_another_sqlite_database(library, db_path, tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE notes (x)").connection.commit()
    with pytest.raises(store.DatabaseError, match=r"not a hecha library .no sources, articles"):
        restore_db(other, db_path)


def test_restore_refuses_a_damaged_file(library, db_path, tmp_path):
    copy = backup_db(library, tmp_path / "copy.db")
    data = bytearray(copy.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a page of the copy
    copy.write_bytes(bytes(data))
    with pytest.raises(store.DatabaseError):
        restore_db(copy, db_path)
    assert claims_in(db_path) == ["全县地区生产总值增长百分之六，位居全市第一"]


def test_restore_replaces_a_damaged_library_keeping_its_bytes(library, db_path, tmp_path):
    saved = backup_db(library, tmp_path / "saved.db")
    library.close()
    db_path.write_bytes(b"garbage" * 1000)
    kept = restore_db(saved, db_path)
    assert kept.read_bytes() == b"garbage" * 1000
    assert claims_in(db_path) == ["全县地区生产总值增长百分之六，位居全市第一"]


def test_backup_and_restore_commands(cli, library, db_path, tmp_path):
    code, out, _ = cli("backup", str(tmp_path / "b.db"))
    assert code == 0 and out.strip() == f"Backed up the library to {tmp_path / 'b.db'}."
    code, out, err = cli("restore", str(tmp_path / "b.db"))
    assert code == 0 and out.startswith(f"Restored {db_path} from ") and "Kept the library it replaced in" in err
    code, _, err = cli("restore", str(tmp_path / "missing.db"))
    assert code == 2 and err.strip() == f"hecha: {tmp_path / 'missing.db'}: no such file"
