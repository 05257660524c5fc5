"""Database faults: one `hecha: FILE: problem` line, a non-zero exit, no traceback, nothing overwritten.

Each test makes the fault for real: a read-only file or folder (root gives up
the capabilities that ignore file modes), another connection holding the
write lock, a file-size limit standing in for a full disk, garbage written
over pages behind an intact header, another program's SQLite file.
"""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from robust_helpers import (
    ARTICLE,
    assert_one_error_line,
    digest,
    make_library,
    modes_enforceable,
    public_dir,
    run_cli,
)

from hecha import store
from hecha.tui.cli import main

WRITING = (("tags", "add", "新标签"), ("import", "{in}"), ("reindex", "--all"))
READING = (("list",), ("show", "1"), ("claims",), ("export", "--format", "md"), ("tags",))


def _args(command: tuple[str, ...], folder) -> list[str]:
    return [part.replace("{in}", str(folder / "in")) for part in command]


needs_modes = pytest.mark.skipif(not modes_enforceable(), reason="root that cannot drop CAP_DAC_OVERRIDE")


@pytest.fixture
def library():
    """A library in a folder an unprivileged child can enter; (folder, database path)."""
    folder = public_dir()
    yield folder, make_library(folder)
    folder.chmod(0o755)
    shutil.rmtree(folder)


@needs_modes
def test_read_only_file_reads_work_and_writes_say_read_only(library):
    folder, path = library
    path.chmod(0o444)
    before = digest(path)
    for command in READING:
        code, out, err = run_cli("--db", str(path), *command, unprivileged=True)
        assert code == 0 and "Traceback" not in err, (command, err)
    code, out, _ = run_cli("--db", str(path), "list", unprivileged=True)
    assert "市场监管总局" in out
    for command in WRITING:
        code, out, err = run_cli("--db", str(path), *_args(command, folder), unprivileged=True)
        assert code == 2, (command, err)
        assert_one_error_line(err, str(path), "read-only")
    assert digest(path) == before


@needs_modes
def test_read_only_file_in_read_only_folder_can_be_listed(library):
    folder, path = library
    path.chmod(0o444)
    folder.chmod(0o555)
    code, out, err = run_cli("--db", str(path), "list", unprivileged=True)
    assert code == 0 and "市场监管总局" in out, err
    code, out, err = run_cli("--db", str(path), "claims", unprivileged=True)
    assert code == 0 and "核对" not in err
    code, _, err = run_cli("--db", str(path), "tags", "add", "新标签", unprivileged=True)
    assert code == 2
    assert_one_error_line(err, "read-only")


def test_read_only_connection_says_read_only_when_written(library):
    _, path = library
    db = store.open_db(path, readonly=True)
    with pytest.raises(store.DatabaseError, match="read-only") as caught:
        store.add_tag(db, "新标签")
    assert str(path) in str(caught.value)
    db.close()


def test_locked_database_names_the_file_and_the_holder(library, monkeypatch, cli_at):
    _, path = library
    monkeypatch.setenv("HECHA_BUSY_TIMEOUT_MS", "100")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for command in (*WRITING[:1], ("import", str(path.parent / "in"))):
            code, out, err = cli_at(path, *command)
            assert code == 2, err
            assert_one_error_line(err, str(path), "locked", "another program")
        code, out, err = cli_at(path, "list")  # WAL: readers are not blocked
        assert code == 0 and "市场监管总局" in out
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert cli_at(path, "tags", "add", "新标签")[0] == 0


def test_disk_full_keeps_what_was_committed_and_names_the_rest(library):
    folder, path = library
    many = folder / "many"
    many.mkdir()
    for n in range(30):
        (many / f"b{n:02}.txt").write_text(ARTICLE * 20 + f"第{n}号。", encoding="utf-8")
    code, out, err = run_cli("--db", str(path), "import", str(many), fsize=path.stat().st_size + 40_000)
    assert code == 2
    assert_one_error_line(err, str(path), "disk full")
    not_imported = [line for line in err.splitlines() if line.endswith(": not imported")]
    assert not_imported and "not imported." in out
    code, listed, _ = run_cli("--db", str(path), "list", "--json")
    stored = len({article["source"] for article in json.loads(listed)})  # files, whatever their articles
    assert code == 0 and stored + len(not_imported) == 31  # the first library file + 30 files
    code, _, err = run_cli("--db", str(path), "import", str(many))
    assert code == 0, err  # room again: the rest goes in, nothing twice
    assert len({article["source"] for article in json.loads(run_cli("--db", str(path), "list", "--json")[1])}) == 31


def _corrupt(path) -> None:
    """Write garbage over every page after the first (the header stays intact)."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data)):
        data[offset] = (offset * 151 + 7) % 256
    path.write_bytes(bytes(data))


def test_damaged_file_is_read_with_a_reason_and_never_written(library, cli_at):
    folder, path = library
    _corrupt(path)
    before = digest(path)
    for command in (*READING, *WRITING):
        code, _out, err = cli_at(path, *_args(command, folder))
        assert code != 0, command
        assert_one_error_line(err, str(path), "damaged")
    assert digest(path) == before
    _, _, err = cli_at(path, "tags", "add", "新标签")
    assert ".recover" in err and "hecha backup" in err


def test_another_programs_sqlite_file_is_never_changed(tmp_path, cli_at):
    path = tmp_path / "other.sqlite"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    other.execute("INSERT INTO invoices (total) VALUES (12.5)")
    other.commit()
    other.close()
    before = digest(path)
    for command in (("list",), ("tags", "add", "新标签"), ("import", str(tmp_path))):
        code, _, err = cli_at(path, *command)
        assert code == 2
        assert_one_error_line(err, str(path), "not a hecha database", "invoices")
    assert digest(path) == before
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_file_that_is_not_sqlite_is_left_alone(tmp_path, cli_at):
    path = tmp_path / "notes.db"
    path.write_bytes("这不是数据库，只是一段文字。\n".encode() * 200)
    before = digest(path)
    for command in (("list",), ("tags", "add", "新标签")):
        code, _, err = cli_at(path, *command)
        assert code == 2
        assert_one_error_line(err, str(path), "not a database")
    assert digest(path) == before


def test_empty_file_becomes_a_library(tmp_path, cli_at):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    assert cli_at(path, "tags", "add", "新标签")[0] == 0


@pytest.fixture
def cli_at(capsys):
    """Run the CLI in this process against a given database: (code, stdout, stderr)."""

    def run(path, *args):
        code = main(["--db", str(path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_refused_opens_leave_no_file_descriptors_behind(tmp_path):
    import os

    foreign = tmp_path / "foreign.db"
    other = sqlite3.connect(foreign)
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not sqlite at all " * 100)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(30):
        for path, readonly in ((foreign, False), (foreign, True), (garbage, False), (garbage, True)):
            with pytest.raises(store.DatabaseError):
                store.open_db(path, readonly=readonly)
    assert len(os.listdir("/proc/self/fd")) <= before


def test_stale_figures_are_shown_from_a_read_only_library(library):
    _, path = library
    db = store.open_db(path)
    db.execute("UPDATE articles SET figures_version = 'older'")
    fresh = store.article_figures(db, 1)
    db.execute("UPDATE articles SET figures_version = 'older'")
    db.close()
    reader = store.open_db(path, readonly=True)
    assert store.article_figures(reader, 1) == fresh  # computed, not stored
    assert reader.execute("SELECT figures_version FROM articles").fetchone()[0] == "older"
    reader.close()


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "dangling"])
def test_database_path_that_is_not_a_file_is_refused_without_hanging(tmp_path, kind):
    import os

    path = tmp_path / "odd.db"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/null")
    else:
        path.symlink_to(tmp_path / "gone.db")
    for command in (("list",), ("tags", "add", "新标签")):
        code, _, err = run_cli("--db", str(path), *command)  # a child, so a hang would time out
        assert code == 2
        assert_one_error_line(err, str(path), "not a database file")


def _page_checks(monkeypatch) -> list[str]:
    """Record every `PRAGMA quick_check` run from now on; forget what this process found sound."""
    from hecha.store import db_faults

    monkeypatch.setattr(db_faults, "_checked", set())
    seen: list[str] = []
    real = db_faults.Database.execute

    def execute(self, sql, *args, **kwargs):
        if "quick_check" in sql:
            seen.append(sql)
        return real(self, sql, *args, **kwargs)

    monkeypatch.setattr(db_faults.Database, "execute", execute)
    return seen


def test_a_library_left_sound_is_not_read_through_again_until_it_changes(library, cli_at, monkeypatch):
    _folder, path = library
    assert cli_at(path, "tags", "add", "复核")[0] == 0  # a write, then hecha is done with the file
    checks = _page_checks(monkeypatch)
    store.open_db(path).close()  # as a new process would: the file is as hecha left it
    assert checks == []
    other = sqlite3.connect(path)  # another program changes it
    other.execute("UPDATE tags SET name = name")
    other.commit()
    other.close()
    monkeypatch.setattr("hecha.store.db_faults._checked", set())
    store.open_db(path).close()
    assert len(checks) == 1


def test_a_library_damaged_after_hecha_left_it_sound_is_still_refused(library, cli_at):
    _folder, path = library
    assert cli_at(path, "list")[0] == 0
    _corrupt(path)
    before = digest(path)
    code, _out, err = cli_at(path, "tags", "add", "新标签")
    assert code != 0 and "damaged" in err and digest(path) == before
