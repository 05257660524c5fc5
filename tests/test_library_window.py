"""The library a window at a time: orders, counts kept by triggers, hidden older versions."""

from __future__ import annotations

from test_search import PAGES, write_pages

from hecha import store


def test_windows_in_every_order_match_a_full_sort(db, tmp_path):
    store.import_paths(db, [write_pages(tmp_path / "pages", PAGES)])
    store.mark_read(db, 2)
    for sort in store.SORTS:
        everything = [a.id for a in store.library_window(db, sort, 0, 100)]
        paged = [a.id for start in range(0, 4, 3) for a in store.library_window(db, sort, start, 3)]
        assert paged == everything == store.library_ids(db, sort)
        assert sorted(everything) == [1, 2, 3, 4]
    assert store.library_ids(db, "unread")[-1] == 2
    assert [a.date for a in store.library_window(db, "date", 0, 4)] == ["2024-06-11", "2024-03-20", "2024-03-05", None]
    lengths = [a.chars for a in store.library_window(db, "length", 0, 4)]
    assert lengths == sorted(lengths, reverse=True)
    assert store.library_count(db) == 4 and store.library_has_dates(db)


def test_counts_follow_figures_and_claims(db, tmp_path):
    store.import_paths(db, [write_pages(tmp_path / "pages", PAGES)])
    (first,) = store.articles_by_ids(db, [1])
    assert first.figures == len(store.article_figures(db, 1)) > 0 and first.claims == 0
    claim = store.add_claim(db, 1, 0, 5)
    assert store.articles_by_ids(db, [1])[0].claims == 1
    assert store.library_ids(db, "claims")[0] == 1
    store.delete_claim(db, claim.id)
    assert store.articles_by_ids(db, [1])[0].claims == 0


def test_older_versions_show_only_while_they_carry_claims(db, tmp_path):
    folder = write_pages(tmp_path / "pages", PAGES)
    store.import_paths(db, [folder])
    bakery = next(a.id for a in store.list_articles(db) if a.title.startswith("老街"))
    claim = store.add_claim(db, bakery, 0, 4)
    # the new version no longer holds the claimed words, so the claim stays on the old one
    (folder / "notes_bakery.txt").write_text("新开书店迎客\n\n书店今日开张。", encoding="utf-8")
    store.import_paths(db, [folder])
    assert store.library_count(db) == 5 and bakery in store.library_ids(db, "source")
    assert [a.current for a in store.articles_by_ids(db, [bakery])] == [False]
    store.delete_claim(db, claim.id)
    assert store.library_count(db) == 4 and bakery not in store.library_ids(db, "source")


def test_sort_ids_and_titles_in_pinyin(db, tmp_path):
    pages = {"a.txt": "重庆开通新航线\n\n正文。", "b.txt": "安徽秋粮丰收\n\n正文。", "c.txt": "北京车展开幕\n\n正文。"}
    store.import_paths(db, [write_pages(tmp_path / "p", pages)])
    titles = [a.title for a in store.library_window(db, "title", 0, 3)]
    assert titles == ["安徽秋粮丰收", "北京车展开幕", "重庆开通新航线"]  # 重庆 is chóngqìng
    assert store.sort_ids(db, [1, 2, 3], "title") == [2, 3, 1]
    assert store.sort_ids(db, [3, 1], "relevance") == [3, 1]


def test_windows_from_the_far_end_match_windows_from_the_start(db, tmp_path):
    pages = {f"{n:02}.txt": f"简报{n:02}号\n\n今日无事。" for n in range(30)}
    store.import_paths(db, [write_pages(tmp_path / "p", pages)])
    store.mark_read(db, 7)
    for sort in store.SORTS:
        order = store.library_ids(db, sort)
        for offset in (0, 5, 14, 16, 25, 28, 30):
            window = [a.id for a in store.library_window(db, sort, offset, 4, total=30)]
            assert window == order[offset : offset + 4], (sort, offset)


def test_library_order_reads_ids_a_page_at_a_time(db, tmp_path, monkeypatch):
    pages = {f"{n:02}.txt": f"简报{n:02}号\n\n今日无事。" for n in range(30)}
    store.import_paths(db, [write_pages(tmp_path / "p", pages)])
    monkeypatch.setattr(store.LibraryOrder, "PAGE", 4)
    for sort in ("source", "title", "date"):
        order = store.LibraryOrder(db, sort)
        assert len(order) == 30 and list(order) == store.library_ids(db, sort)
        assert order[-1] == order[29] and order[3:6] == store.library_ids(db, sort)[3:6]
        assert 7 in order and order.index(order[17]) == 17
