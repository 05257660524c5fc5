"""Figures stored with their articles, and recomputed when the extractor changes."""

from conftest import SEEDS

from hecha import store
from hecha.store import figure_store


def test_import_stores_figures_at_offsets_into_the_cleaned_text(db):
    store.import_paths(db, [SEEDS])
    total = 0
    for summary in store.list_articles(db):
        article = store.get_article(db, summary.id)
        figures = store.article_figures(db, summary.id)
        total += len(figures)
        for figure in figures:
            assert article.text[figure.start : figure.end] == figure.text
    assert total > 100
    assert store.stale_articles(db) == 0


def test_figures_from_an_older_extractor_are_never_shown(db):
    store.import_paths(db, [SEEDS])
    first = store.list_articles(db)[0].id
    fresh = store.article_figures(db, first)
    db.execute("DELETE FROM figures WHERE article_id = ?", [first])
    db["figures"].insert({"article_id": first, "start": 0, "end": 2, "text": "赣江", "kind": "number"})
    db.execute("UPDATE articles SET figures_version = 'old' WHERE id = ?", [first])
    db.conn.commit()
    assert store.stale_articles(db) == 1
    assert store.article_figures(db, first) == fresh
    assert store.stale_articles(db) == 0


def test_reindex_recomputes_only_stale_articles_unless_forced(db):
    store.import_paths(db, [SEEDS])
    db.execute("UPDATE articles SET figures_version = 'old' WHERE id IN (1, 2)")
    db.conn.commit()
    assert store.reindex(db) == 2
    assert store.reindex(db) == 0
    assert store.reindex(db, force=True) == store.count_articles(db)


def test_values_come_back_as_stored(db, tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("标题\n\n总投资2900亿元，增长7.7%。", encoding="utf-8")
    store.import_paths(db, [page])
    figures = store.article_figures(db, store.list_articles(db)[0].id)
    assert [(f.text, f.value, f.unit) for f in figures] == [("2900亿元", 290000000000, "元"), ("7.7%", 7.7, "%")]
    assert figures == store.extract(store.get_article(db, 1).text)


def test_unknown_article_has_no_figures(db):
    assert figure_store.article_figures(db, 12345) == []


def test_values_too_large_for_an_integer_are_stored_as_real_and_shown(db, tmp_path):
    huge = [
        "共计9223372036854775808元",
        "损失" + "五" * 30 + "元",
        "规模12345678901234567890亿元",
        "差额-9223372036854775809元",
    ]
    page = tmp_path / "huge.txt"
    page.write_text("标题\n\n" + "。".join(huge) + "。", encoding="utf-8")
    store.import_paths(db, [page])
    article = store.list_articles(db)[0].id
    figures = store.article_figures(db, article)
    values = [f.value for f in figures]
    assert len(values) == 4
    assert values[0] == float(2**63) and values[3] == -float(2**63 + 1)
    assert values[1] > 5.5e29 and values[2] > 1.2e27
    for figure in figures:
        assert store.get_article(db, article).text[figure.start : figure.end] == figure.text


def test_save_figures_never_raises_on_huge_values(db):
    from hecha.store.prepare import storable as _storable

    assert _storable(2**63) == float(2**63)
    assert _storable(-(2**63)) == -(2**63)
    assert _storable(12) == 12 and _storable(None) is None and _storable(1.5) == 1.5
