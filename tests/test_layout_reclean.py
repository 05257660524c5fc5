"""`hecha show ID --blocks` and `hecha reindex --clean`: the rule behind each block, re-cutting stored pages."""

from pathlib import Path

import pytest

from hecha import store
from hecha.store.reclean import STALE_RULE

PAGE = """河道清淤工程完工
本报记者 许文
本报江城３月２日电　历时两个月的城区河道清淤工程日前完工，共清理淤泥５万立方米。
沿河居民说，河水清了，晚上散步的人也多了。

社区食堂开门迎客
本报讯　３月１日，东街社区食堂正式开业，六十岁以上老人用餐可享受优惠。
"""


@pytest.fixture
def page_file(tmp_path: Path) -> Path:
    """A two-article page on disk."""
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


def imported(db, page_file):
    """Import the page; return the ids of its articles in page order."""
    store.import_paths(db, [page_file])
    return [a.id for a in store.list_articles(db)]


def cut_as_one_article(db, article_ids):
    """Make the stored page look cut by older rules: one article holding all the text in one block."""
    first, *rest = article_ids
    text = "\n\n".join(db.execute("SELECT text FROM articles WHERE id = ?", [i]).fetchone()[0] for i in article_ids)
    with db.atomic():
        for article_id in rest:
            db.execute("DELETE FROM blocks WHERE article_id = ?", [article_id])
            db.execute("DELETE FROM figures WHERE article_id = ?", [article_id])
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])
        db.execute("UPDATE articles SET text = ?, title = 'old' WHERE id = ?", [text, first])
        db.execute("DELETE FROM blocks WHERE article_id = ?", [first])
        db.execute(
            "INSERT INTO blocks (article_id, ord, kind, start, [end]) VALUES (?, 0, 'paragraph', 0, ?)",
            [first, len(text)],
        )
    return first


def test_block_rules_name_kind_and_rule_of_each_block(db, page_file):
    first, _ = imported(db, page_file)
    rules = store.block_rules(db, first)
    assert [(r.kind, r.text) for r in rules[:2]] == [("title", "河道清淤工程完工"), ("byline", "本报记者 许文")]
    assert all(r.rule and r.rule != STALE_RULE for r in rules)
    assert store.block_rules(db, 999) is None


def test_block_rules_of_an_article_cut_by_older_rules_say_so(db, page_file):
    first = cut_as_one_article(db, imported(db, page_file))
    (rule,) = store.block_rules(db, first)
    assert rule.rule == STALE_RULE


def test_reclean_leaves_pages_cut_by_the_current_rules_alone(db, page_file):
    imported(db, page_file)
    report = store.reclean(db)
    assert (report.rewritten, report.unchanged, report.skipped) == (0, 1, [])


def test_reclean_recuts_a_page_and_keeps_the_first_article_id(db, page_file):
    first = cut_as_one_article(db, imported(db, page_file))
    report = store.reclean(db)
    assert (report.rewritten, report.articles) == (1, 2)
    articles = store.list_articles(db)
    assert [a.title for a in articles] == ["河道清淤工程完工", "社区食堂开门迎客"]
    assert articles[0].id == first
    view = store.get_article(db, first)
    assert view.byline == "本报记者 许文"
    assert all(view.text[b.start : b.end] == b.text for b in view.blocks)
    assert store.article_figures(db, first)


def test_reclean_moves_claims_with_their_words(db, page_file):
    first = cut_as_one_article(db, imported(db, page_file))
    old = store.get_article(db, first).text
    at = old.index("共清理淤泥")
    in_first = store.add_claim(db, first, at, at + 10, note="check the volume")
    at = old.index("东街社区食堂正式开业")
    in_second = store.add_claim(db, first, at, at + 10, note="check the date")
    report = store.reclean(db)
    assert report.rewritten == 1 and report.skipped == []
    assert report.anchors["orphan"] == 0 and sum(report.anchors.values()) == 2
    articles = store.list_articles(db)
    for claim, article in ((in_first, articles[0]), (in_second, articles[1])):
        moved = store.get_claim(db, claim.id)
        text = store.get_article(db, moved.article_id).text
        assert moved.article_id == article.id and text[moved.start : moved.end] == claim.quote
        assert moved.note == claim.note and moved.anchor in ("exact", "moved")
    assert "re-anchored" in report.summary()
    assert [a.claims for a in store.list_articles(db)] == [1, 1]  # counts follow the claims


def test_show_blocks_prints_kinds_and_rules(cli, page_file):
    cli("import", str(page_file))
    code, out, _ = cli("show", "1", "--blocks")
    assert code == 0
    assert "title" in out and "byline" in out and "河道清淤工程完工" in out
    assert "dateline" in out  # the rule that kept the first sentence a paragraph
    lines = out.splitlines()  # in a pipe: a head line per block, its text unwrapped, an empty line
    heads = [line for line in lines if line[:3].strip().isdigit() and line[3:4] == " "]
    assert heads[0].split()[:2] == ["1", "title"] and lines[1] == "河道清淤工程完工"
    assert len(lines) == 3 * len(heads)


def test_show_blocks_of_a_missing_article_is_one_line(cli):
    code, _, err = cli("show", "42", "--blocks")
    assert code == 1 and "no article with id 42" in err


def test_reindex_clean_says_how_claims_landed(cli, page_file, db_path):
    cli("import", str(page_file))
    database = store.open_db(db_path)
    first = cut_as_one_article(database, [a.id for a in store.list_articles(database)])
    store.add_claim(database, first, 0, 2)
    database.close()
    code, out, err = cli("reindex", "--clean")
    assert code == 0 and err == ""
    assert "1 source" in out and "Claims re-anchored: 1 exactly" in out
