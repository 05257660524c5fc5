"""Import in worker processes stores exactly what a serial import stores, whatever the workers do.

A folder of 86 files written for this test (simplified and traditional
script, full-width digits, money, percentages, dates, sums right and wrong,
pages of two articles, a GBK page, a name that is not UTF-8, an empty file, a
binary one, one of only control characters and a duplicate) is imported once
with no workers; every other import is compared with that one, row by row and
id by id, and by what searches find. Before it prepares a chunk itself the
writer waits until every worker is ready (so holds chunks) or gone: the workers
always prepare some of the files, however fast they start, and no test asserts
a time. Workers that die, exit at once or cannot start, and a database fault
half-way, are made to happen through the `Popen` that `store.workers` calls.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hecha import store
from hecha.store import ingest, worker_start, workers
from hecha.store.reading import find_files

PAGES = 80
FILES = PAGES + 6
SERVE = "from hecha.store.workers import serve; serve()"
DIE_AT = """
import os
import hecha.store.workers as w
real, calls = w.prepare_file, [0]
def dying(*args, **kwargs):
    calls[0] += 1
    if calls[0] == {n}:
        os._exit(9)
    return real(*args, **kwargs)
w.prepare_file = dying
w.serve()
"""
EXIT_AT_ONCE = "import sys; sys.exit(3)"
NOISY = """
import os
import hecha.store.workers as w
real = w.prepare_file
def noisy(*args, **kwargs):
    os.write(1, b"\\xff" * 64)  # below Python: straight to the descriptor the messages once used
    print("chatter")
    return real(*args, **kwargs)
w.prepare_file = noisy
w.serve()
"""
QUERIES = ["增长", "亿元", "旅客", "東嶺縣", "合计", "kind:money", "value>=10亿", "date:2024-03", "source:p0"]

PLACES = ["河阳市", "东岭县", "青石镇", "南港区", "西川市", "北湾县", "柳溪镇"]
THINGS = ["快递业务量", "新能源汽车销售额", "农产品出口额", "旅游收入", "社会消费品零售总额"]
TRAD_PLACES = ["東嶺縣", "南港區", "北灣縣"]


def report_page(i: int) -> str:
    """A local report: a headline, a dateline, money, a growth rate, two quarters and their (sometimes wrong) sum."""
    place, thing = PLACES[i % len(PLACES)], THINGS[i % len(THINGS)]
    q1, q2 = 1 + i % 9 + (i % 4) / 10, 2 + i % 5 + (i % 3) / 10
    total = round(q1 + q2 + (0.4 if i % 5 == 0 else 0), 1)
    return (
        f"{place}{thing}同比增长{5 + i % 17}.{i % 10}%\n"
        f"本报{place}{1 + i % 12}月{1 + i % 28}日电　记者从{place}统计局获悉，今年上半年，"
        f"{place}{thing}达到{total}亿元，同比增长{5 + i % 17}.{i % 10}%，比上年同期提高{i % 4}.5个百分点。\n"
        f"其中，第一季度完成{q1}亿元，第二季度完成{q2}亿元，两季合计{total}亿元。\n"
        f"{place}有关负责人表示，下半年将新增项目{10 + i}个，计划投资{(i % 7) * 3 + 2}.5亿元。\n"
    )


def traditional_page(i: int) -> str:
    """A report in traditional script with full-width digits."""
    place = TRAD_PLACES[i % len(TRAD_PLACES)]
    wide = str(30 + i).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return (
        f"{place}去年接待旅客逾{wide}萬人次\n"
        f"{place}旅遊局昨日公佈，去年全縣共接待旅客{wide}萬人次，較前年增加{i % 9 + 1}.{i % 7}%，"
        f"旅遊收入達{i % 6 + 2}.{i % 5}億元。\n"
        f"局長表示，今年將在{place}新建停車位{200 + i * 3}個，並於{2024 + i % 2}年{1 + i % 12}月前完工。\n"
    )


def two_article_page(i: int) -> str:
    """A page of two reports, each under its own headline."""
    return report_page(i) + "\n\n" + report_page(i + 3).replace("统计局", "发展改革委")


def write_pages(folder: Path) -> list[Path]:
    """The test folder: pages of every kind and the files import must refuse or skip."""
    folder.mkdir()
    for i in range(PAGES):
        kind = i % 4
        text = traditional_page(i) if kind == 1 else two_article_page(i) if kind == 3 else report_page(i)
        name = (
            f"2024-03-{1 + i % 28:02d}_p{i:03d}.txt" if kind == 2 else f"p{i:03d}.md" if i % 9 == 0 else f"p{i:03d}.txt"
        )
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "p500_gbk.txt").write_bytes(report_page(500).encode("gbk"))
    (folder / "p501_empty.txt").write_bytes(b"")
    (folder / "p502_binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary \x00" * 40)
    (folder / "p503_controls.txt").write_bytes(b"\x1b[2J\x07\x1b[0m\x07")
    shutil.copyfile(folder / "p007.txt", folder / "p504_copy.txt")
    with open(bytes(folder) + b"/p505_\xff\xfe.txt", "wb") as odd:  # a name that is not UTF-8
        odd.write(traditional_page(505).encode("utf-8"))
    files, missing = find_files([folder])
    assert not missing and len(files) == FILES >= workers.PARALLEL_FILES
    return files


def report_of(report: store.ImportReport) -> dict:
    """What a report says, with refusals named by file."""
    return {
        "files": report.files,
        "articles": report.articles,
        "already": report.already,
        "chars": report.chars,
        "encodings": report.encodings,
        "refused": [(Path(r.path).name, r.reason) for r in report.refused],
        "stopped": report.stopped,
        "not_imported": report.not_imported,
    }


def _rows(db, sql: str, params: list) -> list[tuple]:
    return [tuple(row) for row in db.execute(sql, params)]


def library(db) -> dict:
    """Everything an import stores (but the times it stored it), by id, and what searches find."""
    sources = _rows(
        db, "SELECT id, path, name, sha256, encoding, size, raw, version, replaced_by FROM sources ORDER BY id", []
    )
    articles = {}
    for row in db.query(
        "SELECT a.*, s.name AS source FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.id"
    ):
        row = {k: v for k, v in row.items() if k not in ("created_at", "read_at")}
        for table in ("blocks", "figures", "checks", "indicators"):
            row[table] = _rows(db, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY id", [row["id"]])
        articles[row["id"]] = row
    searches = {q: [hit.to_dict() for hit in store.search(db, q, limit=None)] for q in QUERIES}
    return {"sources": sources, "articles": articles, "searches": searches}


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    """The folder of test pages (shared: no test changes it)."""
    folder = tmp_path_factory.mktemp("workers") / "pages"
    write_pages(folder)
    return folder


@pytest.fixture(scope="module")
def serial(pages, tmp_path_factory) -> tuple[dict, dict, Path]:
    """The report and library of a serial import of `pages` (what every import must give), and its file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HECHA_DICT", str(tmp_path_factory.mktemp("dict") / "userdict.txt"))
        patch.setenv("HECHA_IMPORT_WORKERS", "0")
        patch.setattr(workers.subprocess, "Popen", _no_process)
        path = tmp_path_factory.mktemp("serial") / "serial.db"
        db = store.open_db(path)
        report = store.import_paths(db, [pages])
        stored = library(db)
        db.close()
    return report_of(report), stored, path


def _no_process(*args, **kwargs):
    raise AssertionError("a serial import started a process")


class Started:
    """Wraps `subprocess.Popen` as `store.workers` sees it: records each process, may change its code."""

    def __init__(self, codes: list[str] | None = None, fail: bool = False, prepared_here: list[int] | None = None):
        self.codes, self.fail = list(codes or []), fail
        self.processes: list[subprocess.Popen] = []
        self.prepared_here = prepared_here if prepared_here is not None else []  # chunks the writer prepared
        self.real = subprocess.Popen

    def __call__(self, command, *args, **kwargs):
        if self.fail:
            raise OSError("cannot start a process here")
        code = command.index("-c") + 1  # interpreter options may come before it
        assert command[0] == sys.executable and command[code] == SERVE
        if self.codes:
            command = [*command[:code], self.codes.pop(0), *command[code + 1 :]]
        process = self.real(command, *args, **kwargs)
        self.processes.append(process)
        return process


@pytest.fixture
def started(monkeypatch):
    """Import with two fresh-interpreter workers through a recording `Popen`; the writer waits for the workers
    before it prepares."""
    monkeypatch.setenv("HECHA_IMPORT_WORKERS", "2")
    monkeypatch.setenv("HECHA_IMPORT_START", "spawn")
    prepared_here = writer_waits_for_the_workers(monkeypatch)

    def use(codes: list[str] | None = None, fail: bool = False) -> Started:
        recorder = Started(codes, fail, prepared_here)
        monkeypatch.setattr(workers.subprocess, "Popen", recorder)
        return recorder

    return use


def writer_waits_for_the_workers(monkeypatch) -> list[int]:
    """Make the writer wait for the workers before it prepares a chunk; return the chunks it prepared."""
    prepared_here: list[int] = []
    real_prepare = workers._Pool._prepare

    def prepare_when_the_workers_are_up(pool, number):
        wait_for_the_workers(pool)
        prepared_here.append(number)
        return real_prepare(pool, number)

    monkeypatch.setattr(workers._Pool, "_prepare", prepare_when_the_workers_are_up)
    return prepared_here


def wait_for_the_workers(pool) -> None:
    """Block until every worker is ready (so it holds chunks) or gone; no time is asserted."""
    while True:
        with pool.lock:
            if all(w.ready or not w.alive for w in pool.workers):
                return
        time.sleep(0.01)


def chunks_of(files: int) -> int:
    """How many chunks the pool cuts `files` files into."""
    return -(-files // workers.CHUNK)


def import_into(path: Path, pages: Path) -> tuple[dict, dict]:
    """Import `pages` into the database at `path`; return what the report says and what is stored."""
    db = store.open_db(path)
    try:
        report = store.import_paths(db, [pages])
        return report_of(report), library(db)
    finally:
        db.close()


def assert_all_stopped(recorder: Started) -> None:
    """Workers were started, and every one of them has ended."""
    assert recorder.processes, "no worker was started"
    assert all(p.poll() is not None for p in recorder.processes)


def test_the_serial_import_stores_every_kind_of_page(serial):
    report, stored, _ = serial
    assert (report["files"], report["already"]) == (FILES - 4, 1)
    assert report["articles"] == report["files"] + PAGES // 4  # every fourth page holds two articles
    assert [name for name, _ in report["refused"]] == ["p501_empty.txt", "p502_binary.txt", "p503_controls.txt"]
    assert [(Path(name).name, codec) for name, codec in report["encodings"]] == [("p500_gbk.txt", "gb18030")]
    assert "p505_\\xff\\xfe.txt" in {row[2] for row in stored["sources"]}
    articles = list(stored["articles"].values())
    assert all(a["n_figures"] > 0 for a in articles)
    assert sum(len(a["checks"]) for a in articles) > PAGES // 2
    assert sum(len(a["indicators"]) for a in articles) > PAGES
    assert any(a["date"] and a["date"].startswith("2024-03") for a in articles)
    assert all(stored["searches"][q] for q in QUERIES)


def test_parallel_import_stores_what_a_serial_import_stores(serial, pages, tmp_path, started, capfd):
    recorder = started()
    assert import_into(tmp_path / "parallel.db", pages) == serial[:2]
    assert len(recorder.processes) == 2
    assert len(recorder.prepared_here) < chunks_of(FILES)  # the workers prepared the rest
    assert [p.returncode for p in recorder.processes] == [0, 0]
    assert capfd.readouterr() == ("", "")  # workers write nothing to the terminal


def test_importing_again_in_parallel_stores_nothing_new(serial, pages, tmp_path, started):
    first, before, serial_db = serial
    path = tmp_path / "again.db"
    shutil.copyfile(serial_db, path)
    recorder = started()
    report, stored = import_into(path, pages)
    assert (report["files"], report["articles"], report["already"]) == (0, 0, first["files"] + first["already"])
    assert report["refused"] == first["refused"]
    assert stored == before
    assert_all_stopped(recorder)


def test_a_worker_that_dies_costs_nothing_but_time(serial, pages, tmp_path, started):
    recorder = started([DIE_AT.format(n=5), SERVE])
    assert import_into(tmp_path / "dying.db", pages) == serial[:2]
    assert [p.returncode for p in recorder.processes] == [9, 0]


def test_what_a_worker_writes_to_its_standard_output_never_reaches_the_messages(serial, pages, tmp_path, started):
    recorder = started([NOISY, NOISY])
    assert import_into(tmp_path / "noisy.db", pages) == serial[:2]
    assert [p.returncode for p in recorder.processes] == [0, 0]


def test_workers_that_both_die_leave_the_work_to_the_writer(serial, pages, tmp_path, started):
    recorder = started([DIE_AT.format(n=3), DIE_AT.format(n=2 * workers.CHUNK + 3)])  # the second after two chunks
    assert import_into(tmp_path / "both.db", pages) == serial[:2]
    assert [p.returncode for p in recorder.processes] == [9, 9]


def test_workers_that_exit_at_once_leave_the_work_to_the_writer(serial, pages, tmp_path, started):
    recorder = started([EXIT_AT_ONCE, EXIT_AT_ONCE])
    assert import_into(tmp_path / "exit.db", pages) == serial[:2]
    assert [p.returncode for p in recorder.processes] == [3, 3]
    assert sorted(recorder.prepared_here) == list(range(chunks_of(FILES)))


def test_processes_that_cannot_start_leave_the_work_to_the_writer(serial, pages, tmp_path, started):
    recorder = started(fail=True)
    assert import_into(tmp_path / "nostart.db", pages) == serial[:2]
    assert recorder.processes == []
    assert sorted(recorder.prepared_here) == list(range(chunks_of(FILES)))


def test_a_database_fault_half_way_stops_cleanly_and_stops_the_workers(serial, pages, tmp_path, started, monkeypatch):
    recorder = started()
    calls = [0]
    real_insert = ingest._insert_article

    def failing(*args):
        calls[0] += 1
        if calls[0] > 40:
            raise sqlite3.OperationalError("disk I/O error")
        return real_insert(*args)

    monkeypatch.setattr(ingest, "_insert_article", failing)
    db = store.open_db(tmp_path / "fault.db")
    report = store.import_paths(db, [pages])
    assert_all_stopped(recorder)
    assert report.stopped and "disk I/O error" in report.stopped
    stored = library(db)
    db.close()
    every = serial[1]["articles"]
    assert len(stored["articles"]) <= 40 and report.not_imported
    assert all(every[i] == article for i, article in stored["articles"].items())  # a prefix, each file whole
    assert stored["sources"] == serial[1]["sources"][: len(stored["sources"])]
    assert len(stored["articles"]) == sum(a["source_id"] <= len(stored["sources"]) for a in every.values())
    names = {row[2] for row in stored["sources"]} | {Path(n).name for n in report.not_imported}
    names |= {Path(r.path).name for r in report.refused} | {"p504_copy.txt"}
    assert names == {store.display_name(p.name) for p in pages.iterdir()}
    monkeypatch.setattr(ingest, "_insert_article", real_insert)  # the disk is back: importing again completes
    monkeypatch.setenv("HECHA_IMPORT_WORKERS", "0")
    report, stored = import_into(tmp_path / "fault.db", pages)
    assert not report["stopped"] and stored == serial[1]


def test_worker_count_follows_the_setting(monkeypatch):
    for setting, count in [("0", 0), ("3", 3), (" 2 ", 2), ("99", workers.MAX_WORKERS)]:
        monkeypatch.setenv("HECHA_IMPORT_WORKERS", setting)
        assert workers.worker_count() == count
    monkeypatch.setenv("HECHA_IMPORT_WORKERS", "many")
    assert 0 <= workers.worker_count() <= workers.MAX_WORKERS


def test_only_a_large_import_starts_workers(pages, db, monkeypatch):
    monkeypatch.setenv("HECHA_IMPORT_WORKERS", "2")
    monkeypatch.setenv("HECHA_IMPORT_START", "spawn")
    recorder = Started(fail=True)
    calls = []
    monkeypatch.setattr(workers.subprocess, "Popen", lambda *a, **k: calls.append(a) or recorder(*a, **k))
    files, _ = find_files([pages])
    with workers.prepared_files(db, files[: workers.PARALLEL_FILES - 1], ()) as stream:
        assert calls == []
        assert [f.path for f in stream] == files[: workers.PARALLEL_FILES - 1]
    with workers.prepared_files(db, files[: workers.PARALLEL_FILES], ()) as stream:
        assert len(calls) == 1  # the first process that cannot start ends the trying
        assert [f.path for f in stream] == files[: workers.PARALLEL_FILES]


def test_one_file_chunks_and_a_narrow_window_keep_the_order(serial, pages, tmp_path, started, monkeypatch):
    monkeypatch.setattr(workers, "CHUNK", 1)
    monkeypatch.setattr(workers, "WINDOW", 2)
    monkeypatch.setattr(workers, "QUEUED", 1)
    recorder = started()
    assert import_into(tmp_path / "narrow.db", pages) == serial[:2]
    assert len(recorder.prepared_here) < FILES  # the workers prepared the rest
    assert [p.returncode for p in recorder.processes] == [0, 0]


def test_workers_never_run_code_from_the_current_folder(pages, tmp_path, started, monkeypatch):
    here, marker = tmp_path / "downloads", tmp_path / "ran"
    here.mkdir()
    (here / "pickle.py").write_text(f"open({str(marker)!r}, 'w').close()\nraise ImportError('not pickle')\n")
    monkeypatch.chdir(here)
    recorder = started()
    db = store.open_db(tmp_path / "cwd.db")
    report = store.import_paths(db, [pages])
    db.close()
    assert report.articles > 0 and recorder.processes
    assert not marker.exists()


def files_not_known(serial, pages, tmp_path, monkeypatch, setting: str) -> list[str]:
    """The stored files that `prepared_files` prepared in full again (with no worker process able to start)."""
    monkeypatch.setenv("HECHA_IMPORT_WORKERS", setting)
    monkeypatch.setattr(workers.subprocess, "Popen", Started(fail=True))
    shutil.copyfile(serial[2], tmp_path / "known.db")
    db = store.open_db(tmp_path / "known.db")
    files, _ = find_files([pages])
    with workers.prepared_files(db, files, ()) as stream:
        prepared = list(stream)
    db.close()
    assert [p.path for p in prepared] == files
    return [p.path.name for p in prepared if p.refusal is None and not p.known]


def test_a_small_import_only_reads_files_stored_already(serial, pages, tmp_path, monkeypatch):
    assert files_not_known(serial, pages, tmp_path, monkeypatch, "0") == []


def test_a_large_import_only_reads_files_stored_already(serial, pages, tmp_path, monkeypatch):
    assert files_not_known(serial, pages, tmp_path, monkeypatch, "2") == []


def test_stopped_workers_leave_no_pipe_open(serial, pages, tmp_path, started):
    recorder = started([EXIT_AT_ONCE, EXIT_AT_ONCE])
    assert import_into(tmp_path / "pipes.db", pages) == serial[:2]
    assert_all_stopped(recorder)
    assert all(p.stdin.closed and p.stdout.closed for p in recorder.processes)


@pytest.fixture
def forking(monkeypatch):
    """Import with two forked workers; returns the chunks the writer prepared itself (after the workers are up)."""
    monkeypatch.setenv("HECHA_IMPORT_WORKERS", "2")
    monkeypatch.setenv("HECHA_IMPORT_START", "fork")
    monkeypatch.setattr(workers.subprocess, "Popen", _no_process)
    return writer_waits_for_the_workers(monkeypatch)


def test_forked_workers_store_what_a_serial_import_stores(serial, pages, tmp_path, forking, capfd):
    assert import_into(tmp_path / "forked.db", pages) == serial[:2]
    assert forking[0] == 0 and len(forking) < chunks_of(FILES)  # the first chunk here, most in the workers
    assert capfd.readouterr() == ("", "")


def test_a_forked_worker_that_dies_costs_nothing_but_time(serial, pages, tmp_path, forking, monkeypatch):
    writer, real, calls = os.getpid(), workers.prepare_file, [0]

    def dying(*args, **kwargs):  # the forked workers inherit it; the writer's own calls pass
        if os.getpid() != writer:
            calls[0] += 1
            if calls[0] == 5:
                os._exit(9)
        return real(*args, **kwargs)

    monkeypatch.setattr(workers, "prepare_file", dying)
    assert import_into(tmp_path / "forked-dying.db", pages) == serial[:2]


def test_forking_only_from_a_process_with_one_thread(monkeypatch):
    monkeypatch.delenv("HECHA_IMPORT_START", raising=False)
    expected = "fork" if sys.platform == "linux" else "spawn"
    assert worker_start.start_method() == expected
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert worker_start.start_method() == "spawn"
        monkeypatch.setenv("HECHA_IMPORT_START", "fork")
        assert worker_start.start_method() == "fork"
    finally:
        stop.set()
        other.join()
