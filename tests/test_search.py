"""Search: the index kept in step with the library, hostile queries, ranking, snippets, scripts."""

from __future__ import annotations

from pathlib import Path

import pytest

from hecha import store
from hecha.store.query import parse, split_terms

PAGES = {
    "2024-03-05_auto.txt": "新能源汽车产销两旺\n\n本市新能源汽车产量同比增长12.5%，项目总投资达到15亿元。",
    "2024-03-20_port.txt": "港口吞吐量稳步回升\n\n一季度港口货物吞吐量增长3.1%，新能源汽车出口占比提高，码头扩建投资8000万元。",
    "2024-06-11_farm.txt": "夏粮丰收在望\n\n全县小麦种植面积稳定，预计总产增长2%，农机投入1.2亿元，项目-投资进度过半。",
    "notes_bakery.txt": "老街面包店开张\n\n店主说，新店装修花了半年，开业当天排起长队。",
}


def write_pages(folder: Path, pages: dict[str, str]) -> Path:
    """Write pages as UTF-8 files; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def lib(db, tmp_path):
    """A library of four short articles, three of them dated by their file names."""
    store.import_paths(db, [write_pages(tmp_path / "pages", PAGES)])
    return db


def titles(db, query: str, limit: int = 20) -> list[str]:
    return [hit.title for hit in store.search(db, query, limit)]


HOSTILE = [
    "项目-投资",
    "C++ 项目",
    '"',
    '"新能源',
    "AND",
    "OR OR",
    "NOT",
    "*",
    "()",
    "NEAR(",
    "NEAR(项目",
    "^项目",
    "项目*",
    "{title}: x",
    "'; DROP TABLE articles; --",
    "\x00",
    "-",
    "新能源 AND",
    "a" * 5000,
    "“新能源汽车”",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_search_or_say_why_in_one_line(lib, query):
    try:
        hits = store.search(lib, query)
    except store.QueryError as error:
        assert "\n" not in str(error) and str(error)
    else:
        assert isinstance(hits, list)
    assert store.count_articles(lib) == 4


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        "*",
        "()",
        "—",
        "value>=abc",
        "date:2024-13",
        "kind:gold",
        "status:maybe",
        "has:nothing",
        "tag:",
        "colour:red",
    ],
)
def test_queries_with_nothing_to_search_or_a_wrong_filter_are_refused(lib, query):
    with pytest.raises(store.QueryError):
        store.search(lib, query)


def test_punctuation_inside_a_term_is_not_syntax(lib):
    assert set(titles(lib, "项目-投资")) == {"夏粮丰收在望", "新能源汽车产销两旺"}  # 项目总投资: near enough
    assert titles(lib, "NEAR(新能源") == []  # NEAR is a word to find, not an operator
    assert titles(lib, "(新能源)") == titles(lib, "新能源*") == titles(lib, "新能源")


def test_each_word_is_quoted_in_the_match_expression():
    assert parse("新能源汽车 AND").match() == 'NEAR("新能源" "汽车", 4) AND "and"'
    assert split_terms('kind:money "港口 货物" 增长') == ["kind:money", "港口 货物", "增长"]


def test_title_hits_rank_above_text_hits(lib):
    assert titles(lib, "新能源汽车") == ["新能源汽车产销两旺", "港口吞吐量稳步回升"]
    assert titles(lib, "吞吐量")[0] == "港口吞吐量稳步回升"


def test_limit(lib):
    assert len(store.search(lib, "增长", limit=2)) == 2


def test_snippet_marks_the_matched_words(lib):
    (hit,) = store.search(lib, "码头扩建")
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["码头", "扩建"]
    assert hit.to_dict().keys() == {"id", "title", "snippet", "marks", "score"}


def test_traditional_query_finds_simplified_text_and_back(lib, tmp_path):
    assert titles(lib, "新能源汽車") == titles(lib, "新能源汽车")
    assert titles(lib, "碼頭") == ["港口吞吐量稳步回升"]
    store.import_paths(lib, [write_pages(tmp_path / "trad", {"tw.txt": "機場擴建開工\n\n機場擴建工程今日開工。"})])
    assert titles(lib, "机场扩建") == ["機場擴建開工"]
    assert titles(lib, "機場擴建") == ["機場擴建開工"]
    (hit,) = store.search(lib, "机场")
    assert [hit.snippet[s:e] for s, e in hit.marks][:1] == ["機場"]


def test_full_width_query(lib):
    assert titles(lib, "ｋｉｎｄ：ｍｏｎｅｙ 面积") == ["夏粮丰收在望"]


def test_filter_kind_and_value(lib):
    assert set(titles(lib, "kind:money value>=10亿")) == {"新能源汽车产销两旺"}
    assert set(titles(lib, "kind:money value>=1e8")) == {"新能源汽车产销两旺", "夏粮丰收在望"}
    assert set(titles(lib, "kind:money value<1亿")) == {"港口吞吐量稳步回升"}
    assert set(titles(lib, "value>=5%")) == {"新能源汽车产销两旺"}
    assert set(titles(lib, "kind:percent")) == {"新能源汽车产销两旺", "港口吞吐量稳步回升", "夏粮丰收在望"}
    assert titles(lib, "kind:money value>=10亿 港口") == []


def test_filter_date_month_and_range(lib):
    assert set(titles(lib, "date:2024-03")) == {"新能源汽车产销两旺", "港口吞吐量稳步回升"}
    assert set(titles(lib, "date:2024-03-20")) == {"港口吞吐量稳步回升"}
    assert set(titles(lib, "date:2024-04..2024-06")) == {"夏粮丰收在望"}
    assert titles(lib, "date:2024-01..2024-06 增长") and titles(lib, "date:2023") == []


def test_filter_source(lib):
    assert titles(lib, "source:BAKERY") == ["老街面包店开张"]


def test_filter_tags_status_and_claims(lib):
    port = next(a.id for a in store.list_articles(lib) if a.title.startswith("港口"))
    farm = next(a.id for a in store.list_articles(lib) if a.title.startswith("夏粮"))
    store.add_claim(lib, port, 10, 20, ["数据"], status="false")
    store.add_claim(lib, farm, 10, 20, ["目标"])
    assert titles(lib, "tag:数据") == ["港口吞吐量稳步回升"]
    assert titles(lib, "tag:數據") == ["港口吞吐量稳步回升"]
    assert titles(lib, "status:false") == ["港口吞吐量稳步回升"]
    assert set(titles(lib, "has:claims")) == {"港口吞吐量稳步回升", "夏粮丰收在望"}
    assert titles(lib, "has:claims 小麦") == ["夏粮丰收在望"]


def test_index_follows_reimport_of_a_changed_file(lib, tmp_path):
    folder = tmp_path / "pages"
    (folder / "notes_bakery.txt").write_text("老街面包店歇业\n\n店主决定转行做咖啡。", encoding="utf-8")
    store.import_paths(lib, [folder])
    assert titles(lib, "咖啡") == ["老街面包店歇业"]
    assert titles(lib, "排起长队") == []  # the older version carries no claim: hidden, not found
    store.import_paths(lib, [folder])  # the same bytes again: nothing new, nothing twice
    assert titles(lib, "咖啡") == ["老街面包店歇业"]


def test_older_version_with_a_claim_stays_searchable(lib, tmp_path):
    bakery = next(a.id for a in store.list_articles(lib) if a.title.startswith("老街"))
    at = store.get_article(lib, bakery).text.index("排起长队")
    store.add_claim(lib, bakery, at, at + 4)  # words the new version no longer has: the claim stays
    folder = tmp_path / "pages"
    (folder / "notes_bakery.txt").write_text("老街面包店歇业\n\n店主决定转行。", encoding="utf-8")
    store.import_paths(lib, [folder])
    assert titles(lib, "排起长队") == ["老街面包店开张"]


def test_deleted_article_leaves_the_index(lib):
    from hecha.store.fulltext import unindex_article

    bakery = next(a.id for a in store.list_articles(lib) if a.title.startswith("老街"))
    with lib.atomic():
        unindex_article(lib, bakery)
        lib.execute("DELETE FROM blocks WHERE article_id = ?", [bakery])
        lib.execute("DELETE FROM figures WHERE article_id = ?", [bakery])
        lib.execute("DELETE FROM articles WHERE id = ?", [bakery])
    assert titles(lib, "面包店") == []
    rows = lib.execute("SELECT count(*) FROM search_index WHERE search_index MATCH '\"面包店\"'").fetchone()[0]
    assert rows == 0


def test_reindex_rebuilds_the_same_results(lib):
    before = {q: titles(lib, q) for q in ("新能源汽车", "增长", "项目")}
    assert store.reindex_search(lib, force=True) == 4
    assert {q: titles(lib, q) for q in before} == before
    assert store.search_pending(lib) == 0


def test_user_dictionary_word_changes_results(db, tmp_path):
    pages = {"a.txt": "园区动态\n\n今年经开组团引进项目十个。", "b.txt": "周末出游\n\n组团去经开转了一圈。"}
    store.import_paths(db, [write_pages(tmp_path / "p", pages)])
    assert set(titles(db, "经开组团")) == {"园区动态", "周末出游"}  # 经 开 组团 near each other in both
    assert store.add_dictionary_words(["经开组团"]) == ["经开组团"]
    assert store.search_pending(db) == 2
    assert store.reindex_search(db) == 2
    assert titles(db, "经开组团") == ["园区动态"]  # now one word, found where it is written
    assert titles(db, "經開組團") == ["园区动态"]


def test_dictionary_file_and_bad_words(user_dictionary):
    assert store.add_dictionary_words(["赣江新区", "红谷滩区", "赣江新区"]) == ["赣江新区", "红谷滩区"]
    assert store.add_dictionary_words(["紅谷灘區"]) == []  # folded: already there
    assert store.dictionary_words() == ("赣江新区", "红谷滩区")
    assert user_dictionary.read_text(encoding="utf-8") == "赣江新区\n红谷滩区\n"
    for bad in ("", "两 个", "#注释", "，，"):
        with pytest.raises(store.DictionaryError):
            store.add_dictionary_words([bad])


def test_keywords_leave_out_numbers_and_stop_words(lib):
    words = store.article_keywords(lib, 1)
    assert words and "新能源" in words
    assert not any(ch.isdigit() for w in words for ch in w) and "我们" not in words


def test_batch_timing_returns_ids(lib):
    ids, ms = store.timed_search(lib, "增长", 2)
    assert len(ids) == 2 and ms >= 0


def test_a_library_from_before_search_is_migrated_and_indexed(db_path):
    import sqlite3

    from sqlite_utils import Database

    from hecha.store import db as schema

    old = Database(sqlite3.connect(str(db_path), isolation_level=None))
    schema.migrations.apply(old, stop_before="m007_search_index")
    old.execute("PRAGMA user_version = 2")
    old["sources"].insert({"id": 1, "path": "/x/old.txt", "name": "old.txt", "sha256": "ab", "size": 1, "version": 1})
    old["articles"].insert(
        {
            "id": 1,
            "source_id": 1,
            "ord": 0,
            "title": "旧馆藏文章",
            "text": "旧馆藏文章\n\n水库蓄水量增长5%。",
            "chars": 16,
        }
    )
    old["figures"].insert({"article_id": 1, "start": 13, "end": 15, "text": "5%", "kind": "percent", "value": 5})
    old.close()
    db = store.open_db(db_path)
    (row,) = store.library_window(db, "source", 0, 10)
    assert (row.title, row.figures, row.claims) == ("旧馆藏文章", 1, 0)
    assert store.search_pending(db) == 1
    assert store.reindex_search(db) == 1
    assert titles(db, "水库 kind:percent") == ["旧馆藏文章"]


def test_random_queries_never_raise_anything_but_query_errors(lib):
    import random

    rng = random.Random(5)
    pool = [
        chr(c) for c in [*range(0x20, 0x180), *range(0x2000, 0x2070), *range(0x3000, 0x3040), *range(0xFF00, 0xFF70)]
    ]
    pool += ["AND", "OR", "NOT", "NEAR", '"', "*", "(", ")", ":", "kind:", "value>=", "date:", "项目", "新能源", " "]
    for _ in range(400):
        query = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        try:
            store.search(lib, query, 5)
            store.filter_claims(lib, store.list_claims(lib), query)
        except store.QueryError:
            pass


def test_filter_only_snippet_marks_the_figure_asked_for(lib):
    (hit,) = store.search(lib, "kind:money value>=10亿")
    assert [hit.snippet[s:e] for s, e in hit.marks] == ["15亿元"] and hit.score == 0.0
