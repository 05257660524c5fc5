"""Import into the database: idempotence, versions, refusals, atomicity, the schema."""

import sqlite3

import pytest
from conftest import SEEDS, seed_text

from hecha import store
from hecha.store import ingest
from hecha.store.db import MIGRATION_NAMES, DatabaseError, open_db, schema_version


def test_import_seeds_counts_articles(db):
    report = store.import_paths(db, [SEEDS])
    assert (report.files, report.articles, report.already, report.refused) == (5, 20, 0, [])
    assert store.count_articles(db) == 20
    assert report.summary() == "Imported 20 articles from 5 files; 0 already stored; 0 refused."


def test_importing_twice_stores_nothing_new(db):
    store.import_paths(db, [SEEDS])
    again = store.import_paths(db, [SEEDS])
    assert (again.files, again.articles, again.already) == (0, 0, 5)
    assert store.count_articles(db) == 20
    assert db["sources"].count == 5


def test_changed_file_becomes_a_new_version(db, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("标题\n\n第一版的正文。", encoding="utf-8")
    store.import_paths(db, [path])
    path.write_text("标题\n\n第二版的正文，改了。", encoding="utf-8")
    report = store.import_paths(db, [path])
    assert report.files == 1
    versions = list(db.query("SELECT version, replaced_by FROM sources ORDER BY id"))
    assert versions[0]["version"] == 1 and versions[0]["replaced_by"] is not None
    assert versions[1] == {"version": 2, "replaced_by": None}
    (current,) = store.list_articles(db)
    assert "第二版" in store.get_article(db, current.id).text
    assert store.count_articles(db) == 2  # the old version stays for claims made on it


def test_refused_files_do_not_stop_the_others(db, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "good.txt").write_text("标题\n\n正文。", encoding="utf-8")
    report = store.import_paths(db, [tmp_path])
    assert report.files == 1 and report.articles == 1
    assert sorted(r.reason.split(" ")[0] for r in report.refused) == ["binary", "empty"]


def test_control_characters_never_reach_the_store(db, tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text("标题\x1b[2J\x1b]0;pwned\x07\n\n正文\x07含\u202e控制符。\x1b[31m", encoding="utf-8")
    store.import_paths(db, [path])
    (article,) = store.list_articles(db)
    view = store.get_article(db, article.id)
    for text in [view.text, view.title, store.source_text(db, article.id)]:
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
        assert "\u202e" not in text and "\x1b" not in text
    assert view.title == "标题" and "正文含控制符。" in view.text


def test_file_of_only_control_characters_is_refused(db, tmp_path):
    path = tmp_path / "ctl.txt"
    path.write_bytes(b"\x1b[2J\x07\x1b[0m")
    report = store.import_paths(db, [path])
    assert report.articles == 0 and "no text" in report.refused[0].reason


def test_failure_half_way_leaves_nothing_of_that_file(db, monkeypatch):
    calls = {"n": 0}
    original = ingest._insert_article

    def flaky(*args):
        calls["n"] += 1
        if calls["n"] == 3:
            raise sqlite3.OperationalError("disk I/O error")
        original(*args)

    monkeypatch.setattr(ingest, "_insert_article", flaky)
    report = store.import_paths(db, [SEEDS / next(p.name for p in SEEDS.glob("001_*"))])
    assert "disk I/O error" in report.stopped and len(report.not_imported) == 1
    assert db["sources"].count == 0 and db["articles"].count == 0 and db["blocks"].count == 0
    monkeypatch.setattr(ingest, "_insert_article", original)
    assert store.import_paths(db, [SEEDS]).articles == 20


def test_schema_is_versioned_and_pragmas_set(db_path):
    db = open_db(db_path)
    assert schema_version(db) == len(MIGRATION_NAMES) >= 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert {"sources", "articles", "blocks", "figures", "tags", "claims", "claim_tags", "claim_history"} <= set(
        db.table_names()
    )
    db.close()
    assert schema_version(open_db(db_path)) == len(MIGRATION_NAMES)  # reopening applies nothing twice


def test_database_from_a_newer_hecha_is_refused(db_path):
    open_db(db_path).execute("PRAGMA user_version = 999")
    with pytest.raises(DatabaseError, match="newer hecha"):
        open_db(db_path)


def test_not_a_database_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(DatabaseError, match=r"junk\.db"):
        open_db(path)


def test_default_db_path_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("HECHA_DB", str(tmp_path / "x.db"))
    assert store.default_db_path() == tmp_path / "x.db"


def test_first_run_imports_seeds_once(db):
    assert store.import_seeds_if_empty(db).articles == 20
    assert store.import_seeds_if_empty(db) is None


def test_article_blocks_round_trip(db):
    store.import_paths(db, [SEEDS])
    first = store.list_articles(db)[0]
    view = store.get_article(db, first.id)
    assert view.blocks[0].kind == "kicker" and view.blocks[1].kind == "title"
    for block in view.blocks:
        assert view.text[block.start : block.end] == block.text
    assert store.source_text(db, first.id) == seed_text("000")


def test_mark_read(db):
    store.import_paths(db, [SEEDS])
    first = store.list_articles(db)[0]
    store.mark_read(db, first.id)
    assert store.list_articles(db)[0].read


def test_default_tags_come_with_a_new_library(db):
    names = [r["name"] for r in db.query("SELECT name FROM tags ORDER BY ord")]
    assert names == ["数据", "排名", "目标", "引语", "模糊", "待核实"]


def test_list_counts_figures_and_filters_and_sorts(db):
    store.import_paths(db, [SEEDS])
    articles = store.list_articles(db)
    assert all(a.figures >= 0 and a.claims == 0 for a in articles)
    assert max(a.figures for a in articles) > 20
    assert [a.title for a in store.filter_articles(articles, "组团 临空")] == ["临空组团 服务春秋航空在赣完成注册"]
    assert len(store.filter_articles(articles, "002_")) == 9
    assert store.filter_articles(articles, "  ") == articles
    by_length = store.sort_articles(articles, "length")
    assert by_length[0].chars == max(a.chars for a in articles)
    assert store.sort_articles(articles, "figures")[0].figures == max(a.figures for a in articles)
    assert set(store.SORTS) >= {"source", "title", "length"}


def test_two_connections_creating_the_database_at_once_do_not_collide(db_path):
    """Two copies of the app starting on a new library both get a working database."""
    from concurrent.futures import ThreadPoolExecutor

    def open_and_import(_):
        database = open_db(db_path)
        report = store.import_paths(database, [SEEDS])
        database.close()
        return report.articles + report.already

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(open_and_import, range(4)))
    assert all(r > 0 for r in results)
    assert store.count_articles(open_db(db_path)) == 20


def test_publication_date_from_dateline_or_file_name(db, tmp_path):
    (tmp_path / "2024-03-18_要闻.txt").write_text("标题甲\n\n正文。", encoding="utf-8")
    (tmp_path / "page.txt").write_text(
        "2023年10月9日 星期一\n\n标题乙很长很长\n\n正文说2021年5月22日开工。", encoding="utf-8"
    )
    (tmp_path / "other.txt").write_text("标题丙\n\n正文说2021年5月22日开工。", encoding="utf-8")
    store.import_paths(db, [tmp_path])
    dates = {a.title: a.date for a in store.list_articles(db)}
    assert dates == {"标题甲": "2024-03-18", "标题乙很长很长": "2023-10-09", "标题丙": None}
    assert [a.title for a in store.sort_articles(store.list_articles(db), "date")] == [
        "标题甲",
        "标题乙很长很长",
        "标题丙",
    ]


def test_older_version_with_claims_stays_listed_and_marked(db, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("标题\n\n第一版的正文。", encoding="utf-8")
    store.import_paths(db, [path])
    store.add_claim(db, 1, 4, 8, ["数据"])
    path.write_text("标题\n\n第二版的正文，改了。", encoding="utf-8")
    store.import_paths(db, [path])
    listed = {(a.id, a.current) for a in store.list_articles(db)}
    assert listed == {(1, False), (2, True)}


def test_a_file_failing_inside_a_batch_leaves_nothing_and_the_others_go_in(db, tmp_path, monkeypatch):
    for name, body in (
        ("a.txt", "甲篇标题\n\n第一段说明了湖边的新路今年春天修好。"),
        ("b.txt", "乙篇标题\n\n第二段写到桥下的集市每逢周六开放。"),
        ("c.txt", "丙篇标题\n\n第三段提到山里的学校添了一座图书室。"),
    ):
        (tmp_path / name).write_text(body, encoding="utf-8")
    original = ingest._insert_article

    def failing(db_, source_id, source_name, article):
        original(db_, source_id, source_name, article)  # stored first, so the savepoint has something to undo
        if article.title == "乙篇标题":
            raise ValueError("bad article")

    monkeypatch.setattr(ingest, "_insert_article", failing)
    report = store.import_paths(db, [tmp_path])
    assert report.files == 2 and [r.path.endswith("b.txt") for r in report.refused] == [True]
    assert "ValueError" in report.refused[0].reason and report.stopped is None
    titles = {row[0] for row in db.execute("SELECT title FROM articles")}
    assert titles == {"甲篇标题", "丙篇标题"}
    assert [row[0] for row in db.execute("SELECT name FROM sources ORDER BY name")] == ["a.txt", "c.txt"]
    assert not db.execute("SELECT 1 FROM blocks WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()
    assert store.search(db, "集市") == [] and len(store.search(db, "图书室")) == 1
