"""Claims, tags and history (store.claims) against a database on disk."""

import itertools
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hecha import store
from hecha.store.claims import CONTEXT, DEFAULT_COLOR
from hecha.store.db import DEFAULT_TAGS
from hecha.store.prepare import text_hash

BODY = "今年1至11月，全区规模以上工业增加值增长7.7%，总投资24亿元。专家认为，这一增速“领先全省”。"


@pytest.fixture
def clock(monkeypatch):
    """A fake clock: each call of store.claims.now() is one second later."""
    ticks = itertools.count()
    monkeypatch.setattr("hecha.store.claims.now", lambda: f"2024-01-01T00:00:{next(ticks):02d}+00:00")


def import_text(db, tmp_path: Path, name: str, text: str) -> store.ArticleView:
    """Import one file and return its (first) article."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    store.import_paths(db, [path])
    article_id = db.execute("SELECT max(id) FROM articles").fetchone()[0]
    return store.get_article(db, article_id)


@pytest.fixture
def article(db, tmp_path):
    """A stored article whose text ends with BODY."""
    return import_text(db, tmp_path, "news.txt", f"经济运行稳中向好\n\n{BODY}")


def span_of(article, quote: str) -> tuple[int, int]:
    """The offsets of `quote` in the article text."""
    start = article.text.index(quote)
    return start, start + len(quote)


# ---------------------------------------------------------------- adding claims
def test_add_claim_stores_quote_context_hash_and_history(db, article, clock):
    start, end = span_of(article, "全区规模以上")
    claim = store.add_claim(db, article.id, start, end, tags=["数据", "待核实"], note="  核对统计公报  ")
    text = article.text
    assert claim.quote == "全区规模以上" == text[claim.start : claim.end]
    assert claim.prefix == text[:start] and claim.suffix == text[end : end + CONTEXT]
    assert len(claim.suffix) == CONTEXT and claim.suffix.startswith("工业增加值")
    late = store.add_claim(db, article.id, len(text) - 4, len(text))
    assert late.prefix == text[-4 - CONTEXT : -4] and late.suffix == ""
    assert claim.text_hash == text_hash(text)
    assert claim.tags == ("数据", "待核实") and claim.note == "核对统计公报" and claim.status == "open"
    assert claim.created_at == claim.updated_at == "2024-01-01T00:00:00+00:00"
    assert claim.article_title == "经济运行稳中向好" and claim.source == "news.txt"
    assert len(claim.id) == 36 and claim.id.count("-") == 4
    assert store.claim_history(db, claim.id) == [
        store.HistoryEntry("2024-01-01T00:00:00+00:00", "created", None, "open")
    ]


def test_claim_ids_are_unique(db, article):
    ids = {store.add_claim(db, article.id, 0, 4).id for _ in range(5)}
    assert len(ids) == 5


def test_tags_come_back_in_tag_order(db, article):
    claim = store.add_claim(db, article.id, 0, 4, tags=["待核实", "数据"])
    assert claim.tags == ("数据", "待核实")


def test_a_claim_is_committed_when_add_claim_returns(db, db_path, article):
    claim = store.add_claim(db, article.id, 0, 4, note="笔记")
    assert not db.conn.in_transaction
    other = store.open_db(db_path)
    try:
        assert other.execute("SELECT note FROM claims WHERE id = ?", [claim.id]).fetchone() == ("笔记",)
        assert store.get_claim(other, claim.id) == claim
    finally:
        other.close()


def test_a_claim_survives_kill_9_right_after_add(db, db_path, article):
    script = (
        "import os, signal, sys, store\n"
        "db = store.open_db(sys.argv[1])\n"
        "claim = store.add_claim(db, int(sys.argv[2]), 0, 4, note='kill')\n"
        "print(claim.id, flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(db_path), str(article.id)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=60,
    )
    assert result.returncode == -9
    claim = store.get_claim(store.open_db(db_path), result.stdout.strip())
    assert claim is not None and claim.note == "kill"


@pytest.mark.parametrize(
    "start, end, message",
    [
        (-1, 3, "outside"),
        (3, 3, "outside"),
        (5, 2, "outside"),
        (0, 10_000, "outside"),
        (0.0, 3, "integers"),
        (True, 3, "integers"),
    ],
)
def test_add_claim_refuses_bad_offsets(db, article, start, end, message):
    with pytest.raises(ValueError, match=message):
        store.add_claim(db, article.id, start, end)
    assert store.list_claims(db) == []


def test_add_claim_accepts_the_whole_text(db, article):
    claim = store.add_claim(db, article.id, 0, len(article.text))
    assert claim.quote == article.text and claim.prefix == "" and claim.suffix == ""


def test_add_claim_refuses_unknown_tag_status_and_article(db, article):
    with pytest.raises(ValueError, match="unknown tag: 不存在"):
        store.add_claim(db, article.id, 0, 4, tags=["数据", "不存在"])
    with pytest.raises(ValueError, match="unknown status 'done'"):
        store.add_claim(db, article.id, 0, 4, status="done")
    with pytest.raises(ValueError, match="no article with id 999"):
        store.add_claim(db, 999, 0, 4)
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    assert not db.conn.in_transaction


def test_note_loses_terminal_control_characters(db, article):
    claim = store.add_claim(db, article.id, 0, 4, note="a\x1b[31mred\x07\n第二行")
    assert claim.note == "ared\n第二行"


# ---------------------------------------------------------------- updating and deleting
def test_each_status_and_note_change_is_recorded(db, article, clock):
    claim = store.add_claim(db, article.id, 0, 4)
    store.update_claim(db, claim.id, status="checking")
    store.update_claim(db, claim.id, note="查统计局公报")
    updated = store.update_claim(db, claim.id, status="false", note="数字有误")
    assert updated.status == "false" and updated.note == "数字有误"
    assert updated.updated_at == "2024-01-01T00:00:03+00:00" and updated.created_at.endswith(":00+00:00")
    assert [(h.at[-8:-6], h.field, h.old, h.new) for h in store.claim_history(db, claim.id)] == [
        ("00", "created", None, "open"),
        ("01", "status", "open", "checking"),
        ("02", "note", "", "查统计局公报"),
        ("03", "status", "checking", "false"),
        ("03", "note", "查统计局公报", "数字有误"),
    ]


def test_an_update_that_changes_nothing_records_nothing(db, article, clock):
    claim = store.add_claim(db, article.id, 0, 4, tags=["数据"], note="n")
    same = store.update_claim(db, claim.id, status="open", note="n", tags=["数据"])
    assert same == claim
    assert len(store.claim_history(db, claim.id)) == 1


def test_tag_changes_are_recorded(db, article):
    claim = store.add_claim(db, article.id, 0, 4, tags=["数据"])
    updated = store.update_claim(db, claim.id, tags=["排名", "数据"])
    assert updated.tags == ("数据", "排名")
    entry = store.claim_history(db, claim.id)[-1]
    assert (entry.field, entry.old, entry.new) == ("tags", "数据", "数据, 排名")
    assert store.update_claim(db, claim.id, tags=[]).tags == ()
    assert store.update_claim(db, claim.id, tags="模糊").tags == ("模糊",)


def test_update_refuses_bad_input_and_changes_nothing(db, article):
    claim = store.add_claim(db, article.id, 0, 4, tags=["数据"])
    with pytest.raises(ValueError, match="unknown status"):
        store.update_claim(db, claim.id, status="wrong", note="x")
    with pytest.raises(ValueError, match="unknown tag"):
        store.update_claim(db, claim.id, note="x", tags=["无此标签"])
    with pytest.raises(ValueError, match="no claim with id nope"):
        store.update_claim(db, "nope", note="x")
    assert store.get_claim(db, claim.id) == claim
    assert not db.conn.in_transaction


def test_delete_claim_removes_history_and_tag_links(db, article):
    claim = store.add_claim(db, article.id, 0, 4, tags=["数据"])
    keep = store.add_claim(db, article.id, 4, 8, tags=["数据"])
    assert store.delete_claim(db, claim.id) is True
    assert store.get_claim(db, claim.id) is None and store.claim_history(db, claim.id) == []
    assert db.execute("SELECT count(*) FROM claim_tags WHERE claim_id = ?", [claim.id]).fetchone()[0] == 0
    assert store.delete_claim(db, claim.id) is False
    assert [c.id for c in store.list_claims(db)] == [keep.id]


def test_get_claim_of_unknown_id_is_none(db):
    assert store.get_claim(db, "0000") is None


def test_to_dict_has_every_field_with_tags_as_a_list(db, article):
    data = store.add_claim(db, article.id, 0, 4, tags=["数据"]).to_dict()
    assert data["tags"] == ["数据"] and data["article_id"] == article.id
    assert set(data) >= {"id", "quote", "prefix", "suffix", "text_hash", "status", "note", "source", "article_title"}


# ---------------------------------------------------------------- listing
@pytest.fixture
def library(db, tmp_path):
    """Two articles with four claims: (article, claims by name)."""
    first = import_text(db, tmp_path, "a.txt", f"经济运行稳中向好\n\n{BODY}")
    second = import_text(db, tmp_path, "b.txt", "Apple新品发布\n\n苹果公司发布了新款iPhone。销量增长三成。")
    claims = {
        "late": store.add_claim(db, first.id, *span_of(first, "总投资24亿元"), tags=["数据"], status="checking"),
        "early": store.add_claim(db, first.id, *span_of(first, "今年1至11月"), note="Check the BUREAU report"),
        "iphone": store.add_claim(db, second.id, *span_of(second, "新款iPhone"), tags=["数据", "模糊"]),
        "rate": store.add_claim(db, second.id, *span_of(second, "销量增长三成"), status="true"),
    }
    return (first, second), claims


def ids(claims) -> list[str]:
    """The ids of claims, in order."""
    return [c.id for c in claims]


def test_list_claims_orders_by_article_then_start(db, library):
    _, c = library
    assert ids(store.list_claims(db)) == ids([c["early"], c["late"], c["iphone"], c["rate"]])


def test_list_claims_filters(db, library):
    (_first, second), c = library
    assert ids(store.list_claims(db, status="open")) == ids([c["early"], c["iphone"]])
    assert ids(store.list_claims(db, tag="数据")) == ids([c["late"], c["iphone"]])
    assert ids(store.list_claims(db, tag="数据", status="checking")) == ids([c["late"]])
    assert store.list_claims(db, tag="排名") == [] and store.list_claims(db, tag="无此标签") == []
    assert ids(store.list_claims(db, article_id=second.id)) == ids([c["iphone"], c["rate"]])
    with pytest.raises(ValueError, match="unknown status"):
        store.list_claims(db, status="bogus")


def test_text_filter_matches_quote_note_or_title_in_any_case(db, library):
    _, c = library
    assert ids(store.list_claims(db, text="iphone")) == ids([c["iphone"]])
    assert ids(store.list_claims(db, text="bureau")) == ids([c["early"]])
    assert ids(store.list_claims(db, text="apple")) == ids([c["iphone"], c["rate"]])
    assert ids(store.list_claims(db, text="稳中向好", status="checking")) == ids([c["late"]])
    assert store.list_claims(db, text="没有这样的文字") == []


def test_list_claims_keeps_each_claims_own_tags(db, library):
    _, c = library
    tags = {claim.id: claim.tags for claim in store.list_claims(db, status="open")}
    assert tags == {c["early"].id: (), c["iphone"].id: ("数据", "模糊")}


def test_article_claims_by_start(db, library):
    (first, _), c = library
    assert ids(store.article_claims(db, first.id)) == ids([c["early"], c["late"]])
    assert store.article_claims(db, 999) == []


def test_ten_thousand_claims_list_fast_in_two_queries(db, article):
    rows = [
        {
            "id": f"c{n:05d}",
            "article_id": article.id,
            "start": n % 40,
            "end": n % 40 + 3,
            "quote": "q",
            "prefix": "",
            "suffix": "",
            "text_hash": "",
            "note": f"note {n}",
            "status": "open",
            "created_at": "",
            "updated_at": "",
        }
        for n in range(10_000)
    ]
    with db.conn:
        db["claims"].insert_all(rows)
        db["claim_tags"].insert_all({"claim_id": r["id"], "tag_id": 1} for r in rows)
    statements = []
    db.conn.set_trace_callback(statements.append)
    began = time.perf_counter()
    claims = store.list_claims(db, text="NOTE 9999")
    elapsed = time.perf_counter() - began
    db.conn.set_trace_callback(None)
    assert [c.id for c in claims] == ["c09999"] and claims[0].tags == ("数据",)
    assert len(store.list_claims(db, tag="数据")) == 10_000
    assert len(statements) == 2 and elapsed < 2.0


# ---------------------------------------------------------------- review queue
def fake(claim_id: str, status: str) -> store.Claim:
    """A Claim with only an id and a status that matter."""
    return store.Claim(claim_id, 1, 0, 1, "", "", "", "", "", status, (), "", "", "", "")


def test_next_open_claim_wraps_around():
    claims = [fake("a", "open"), fake("b", "true"), fake("c", "open"), fake("d", "false")]
    assert store.next_open_claim(claims, "a").id == "c"
    assert store.next_open_claim(claims, "c").id == "a"
    assert store.next_open_claim(claims, "d").id == "a"
    assert store.next_open_claim(claims, None).id == "a"
    assert store.next_open_claim(claims, "gone").id == "a"


def test_next_open_claim_returns_itself_only_when_alone_and_none_when_all_done():
    assert store.next_open_claim([fake("a", "open"), fake("b", "true")], "a").id == "a"
    assert store.next_open_claim([fake("a", "true"), fake("b", "checking")], "a") is None
    assert store.next_open_claim([], None) is None


# ---------------------------------------------------------------- anchors
def test_anchor_keeps_offsets_when_text_is_unchanged(db, article):
    claim = store.add_claim(db, article.id, *span_of(article, "增长7.7%"))
    assert store.anchor(claim, article.text) == (claim.start, claim.end)


def test_anchor_follows_text_inserted_before(db, article):
    claim = store.add_claim(db, article.id, *span_of(article, "增长7.7%"))
    changed = "（本报讯）" + article.text
    start, end = store.anchor(claim, changed)
    assert changed[start:end] == "增长7.7%" and start == claim.start + 5


def test_anchor_uses_context_to_choose_among_repeats(db, tmp_path):
    article = import_text(db, tmp_path, "r.txt", "标题\n\n甲地增长7.7%。乙地增长7.7%。丙地增长7.7%。")
    start = article.text.index("乙地增长7.7%") + 2
    claim = store.add_claim(db, article.id, start, start + 6)
    changed = article.text.replace("甲地增长7.7%。", "甲地增长7.7%。丁地增长7.7%。")
    found = store.anchor(claim, changed)
    assert found is not None and changed[found[0] - 2 : found[0]] == "乙地"


def test_anchor_does_not_trust_old_offsets_when_another_repeat_moved_there(db, tmp_path):
    article = import_text(db, tmp_path, "m.txt", "标题\n\n甲地增长7.7%。乙地增长7.7%。")
    start = article.text.index("乙地增长7.7%") + 2
    claim = store.add_claim(db, article.id, start, start + 6)
    changed = article.text.replace("甲地", "丁地增长7.7%。甲地")
    assert changed[start : start + 6] == claim.quote and changed[start - 2 : start] == "甲地"
    found = store.anchor(claim, changed)
    assert found == (start + 9, start + 15) and changed[found[0] - 2 : found[0]] == "乙地"


def test_anchor_is_none_when_the_quote_is_gone(db, article):
    claim = store.add_claim(db, article.id, *span_of(article, "增长7.7%"))
    assert store.anchor(claim, article.text.replace("7.7%", "7.8%")) is None


# ---------------------------------------------------------------- tags
def test_list_tags_starts_with_the_defaults(db):
    tags = store.list_tags(db)
    assert [(t.name, t.label, t.key) for t in tags] == [(n, label, key) for n, label, _, key in DEFAULT_TAGS]
    assert [t.ord for t in tags] == sorted(t.ord for t in tags)
    assert store.tag_colors(db)["数据"] == "#af5fff"


def test_add_tag_goes_last_with_normalised_colour(db):
    tag = store.add_tag(db, " 来源 ", label="source", color="#ABCDEF", key="s")
    assert (tag.name, tag.label, tag.color, tag.key) == ("来源", "source", "#abcdef", "s")
    assert store.list_tags(db)[-1] == tag and tag.ord == len(DEFAULT_TAGS)
    plain = store.add_tag(db, "其他")
    assert plain.color == DEFAULT_COLOR and plain.key is None and plain.label == ""


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"name": ""}, "cannot be empty"),
        ({"name": "   "}, "cannot be empty"),
        ({"name": "数据"}, "already a tag named '数据'"),
        ({"name": "a,b"}, "no spaces, commas"),
        ({"name": "两 字"}, "no spaces, commas"),
        ({"name": "x" * 41}, "at most 40"),
        ({"name": "新", "color": "red"}, "bad colour 'red'"),
        ({"name": "新", "color": "#12345"}, "bad colour"),
        ({"name": "新", "color": "#12345g"}, "bad colour"),
        ({"name": "新", "key": "ab"}, "one visible character"),
        ({"name": "新", "key": " "}, "one visible character"),
        ({"name": "新", "key": "1"}, "key '1' is already used by tag '数据'"),
    ],
)
def test_add_tag_validation(db, kwargs, message):
    with pytest.raises(ValueError, match=message):
        store.add_tag(db, **kwargs)
    assert len(store.list_tags(db)) == len(DEFAULT_TAGS)


def test_update_tag_renames_and_claims_follow(db, article):
    claim = store.add_claim(db, article.id, 0, 4, tags=["数据"])
    tag = store.update_tag(db, "数据", new_name="统计", label="stats", color="#000000", key="0")
    assert (tag.name, tag.label, tag.color, tag.key) == ("统计", "stats", "#000000", "0")
    assert store.get_claim(db, claim.id).tags == ("统计",)
    assert ids(store.list_claims(db, tag="统计")) == [claim.id]


def test_update_tag_can_remove_a_key_and_keep_its_own(db):
    assert store.update_tag(db, "数据", key="").key is None
    assert store.update_tag(db, "排名", key="2").key == "2"
    assert store.update_tag(db, "目标", key="1").key == "1"


def test_update_tag_validation(db):
    with pytest.raises(ValueError, match="no tag named '无'"):
        store.update_tag(db, "无", label="x")
    with pytest.raises(ValueError, match="already a tag named '排名'"):
        store.update_tag(db, "数据", new_name="排名")
    with pytest.raises(ValueError, match="key '2' is already used"):
        store.update_tag(db, "数据", key="2")
    with pytest.raises(ValueError, match="bad colour"):
        store.update_tag(db, "数据", color="blue")
    assert store.list_tags(db)[0].name == "数据" and store.list_tags(db)[0].key == "1"


def test_delete_tag_takes_it_off_claims_and_records_it(db, article):
    claim = store.add_claim(db, article.id, 0, 4, tags=["数据", "模糊"])
    store.delete_tag(db, "数据")
    assert "数据" not in store.tag_colors(db)
    assert store.get_claim(db, claim.id).tags == ("模糊",)
    entry = store.claim_history(db, claim.id)[-1]
    assert (entry.field, entry.old, entry.new) == ("tags", "数据, 模糊", "模糊")
    with pytest.raises(ValueError, match="no tag named '数据'"):
        store.delete_tag(db, "数据")


def test_tag_counts(db, article):
    store.add_claim(db, article.id, 0, 4, tags=["数据"])
    store.add_claim(db, article.id, 4, 8, tags=["数据", "模糊"])
    counts = store.tag_counts(db)
    assert counts["数据"] == 2 and counts["模糊"] == 1 and counts["排名"] == 0


def test_two_connections_both_see_each_others_tags(db, db_path):
    other = store.open_db(db_path)
    try:
        store.add_tag(other, "外部", key="w")
        with pytest.raises(ValueError, match="key 'w' is already used"):
            store.add_tag(db, "内部", key="w")
    finally:
        other.close()
