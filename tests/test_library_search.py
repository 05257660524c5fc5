"""The library and review screens at work: search as you type, open with highlights, back to the article read."""

from __future__ import annotations

import pytest
from test_app_flows import until
from test_search import PAGES, write_pages

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.screens.library import LibraryScreen
from hecha.tui.screens.reader import ReaderScreen
from hecha.tui.screens.review import ReviewScreen
from hecha.tui.widgets.article_view import ArticleView
from hecha.tui.widgets.library_rows import columns
from hecha.tui.widgets.library_table import LibraryTable

SIZE = (100, 32)


@pytest.fixture
def pages_db(db_path, tmp_path):
    """The four short test articles imported; yields the database path."""
    db = store.open_db(db_path)
    store.import_paths(db, [write_pages(tmp_path / "pages", PAGES)])
    db.close()
    return db_path


def shown_titles(table: LibraryTable) -> list[str]:
    return [str(table.row(i)[1]["title"]) for i in range(table.row_count)]


async def library_table(pilot) -> LibraryTable:
    table = pilot.app.screen.query_one(LibraryTable)
    await until(pilot, lambda: table.row_count > 0, "library rows")
    return table


async def test_slash_searches_text_as_you_type_and_enter_opens_with_highlights(pages_db):
    app = HechaApp(pages_db)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        assert table.row_count == 4
        await pilot.press("slash", *"码头扩建")
        await until(pilot, lambda: table.row_count == 1, "one match")
        assert shown_titles(table) == ["港口吞吐量稳步回升"] and app.screen.sort == "relevance"
        await pilot.press("enter", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        view = app.screen.query_one(ArticleView)
        await until(pilot, lambda: view.matches, "matches highlighted")
        assert [view.doc.article.text[s:e] for s, e in view.matches] == ["码头", "扩建"]
        await pilot.press("n")  # the search's words are the find: n steps through them
        assert view.match == 1


async def test_a_wrong_filter_is_said_on_the_status_line(pages_db):
    app = HechaApp(pages_db)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        await pilot.press("slash", *"kind:gold")
        status = app.screen.query_one("#status")
        await until(pilot, lambda: "unknown kind" in str(status.render()), "message")
        assert table.row_count == 4


async def test_filters_and_escape_in_the_library(pages_db):
    app = HechaApp(pages_db)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        await pilot.press("slash", *"date:2024-03")
        await until(pilot, lambda: table.row_count == 2, "March articles")
        await pilot.press("enter", "escape")
        assert table.row_count == 4 and app.screen.sort == "source"


async def test_title_sort_is_pinyin_and_dates_show_when_known(pages_db):
    app = HechaApp(pages_db)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        assert "date" in [key for _, key, _ in table.columns]
        await pilot.press("s", "s")
        assert app.screen.sort == "title"
        # 港 gǎng, 老 lǎo, 夏 xià, 新 xīn
        assert shown_titles(table) == ["港口吞吐量稳步回升", "老街面包店开张", "夏粮丰收在望", "新能源汽车产销两旺"]


def test_date_column_only_when_some_article_has_a_date():
    assert "date" not in [key for _, key, _ in columns(100, False)]
    assert "date" in [key for _, key, _ in columns(100, True)]
    assert "keywords" in [key for _, key, _ in columns(120, True)]


async def test_back_from_the_reader_the_cursor_is_on_the_article_read_last(pages_db):
    app = HechaApp(pages_db)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        await pilot.press("right_square_bracket", "right_square_bracket")
        read = app.screen.query_one(ArticleView).doc.article.id
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "library")
        assert table.row_key(table.cursor_row) == read and table.cursor_row == 2


async def test_choosing_a_keyword_in_the_reader_searches_the_library(pages_db):
    app = HechaApp(pages_db)
    async with app.run_test(size=(120, 32)) as pilot:
        table = await library_table(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        word = store.article_keywords(app.screen.db, app.screen.doc.article.id)[0]
        await pilot.press("p")
        panel = app.screen.query_one("#panel")
        keyword = next(i for i, o in enumerate(panel.options) if (o.id or "").startswith("keyword:"))
        panel.highlighted = keyword
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "library")
        await until(pilot, lambda: app.screen.found is not None, "search")
        assert app.screen.query_text == word and table.row_count >= 1


async def test_review_search_uses_the_query_language(pages_db):
    db = store.open_db(pages_db)
    port = next(a.id for a in store.list_articles(db) if a.title.startswith("港口"))
    text = store.get_article(db, port).text
    start = text.index("一季度")
    store.add_claim(db, port, start, text.index("，", start), ["数据"], "吞吐量待核")
    start = text.index("码头")
    store.add_claim(db, port, start, len(text), ["目标"], status="false")
    db.close()
    app = HechaApp(pages_db)
    async with app.run_test(size=SIZE) as pilot:
        await library_table(pilot)
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "review")
        await pilot.press("slash", *"kind:percent")
        await until(pilot, lambda: [c.tags for c in app.screen.claims] == [("数据",)], "percent claim")
        box = app.screen.query_one("#search")
        box.value = "status:false 碼頭"
        await until(pilot, lambda: [c.tags for c in app.screen.claims] == [("目标",)], "false claim")
        box.value = "待核"
        await until(pilot, lambda: [c.note for c in app.screen.claims] == ["吞吐量待核"], "note match")
        box.value = "kind:gold"
        await until(pilot, lambda: "unknown kind" in str(app.screen.query_one("#review-status").render()), "error")


def test_filter_claims_on_tags_status_and_figures(db, tmp_path):
    store.import_paths(db, [write_pages(tmp_path / "pages", PAGES)])
    text = store.get_article(db, 1).text
    start = text.index("本市")
    store.add_claim(db, 1, start, text.index("，", start), ["数据"])
    store.add_claim(db, 1, text.index("项目"), len(text), ["目标"], status="checking")
    claims = store.list_claims(db)
    assert [c.tags for c in store.filter_claims(db, claims, "kind:money value>=10亿")] == [("目标",)]
    assert [c.tags for c in store.filter_claims(db, claims, "tag:数据 增长")] == [("数据",)]
    assert [c.tags for c in store.filter_claims(db, claims, "status:checking")] == [("目标",)]
    assert len(store.filter_claims(db, claims, "date:2024-03 新能源")) == 2
    assert store.filter_claims(db, claims, "date:2025") == []
    with pytest.raises(store.QueryError):
        store.filter_claims(db, claims, "status:maybe")


async def test_help_in_the_library_explains_the_query_language(pages_db):
    from hecha.tui.screens.help import HelpScreen

    app = HechaApp(pages_db)
    async with app.run_test(size=(100, 40)) as pilot:
        await library_table(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        assert "kind:money value>=10亿" in app.screen.notes and "date:2024-01..2024-06" in app.screen.notes


async def test_a_long_library_pages_and_scrolls_with_the_cursor(db_path, tmp_path):
    pages = {f"{n:03}.txt": f"第{n:03}号简报\n\n今日天气晴，市场平稳。" for n in range(150)}
    db = store.open_db(db_path)
    store.import_paths(db, [write_pages(tmp_path / "many", pages)])
    db.close()
    app = HechaApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        assert table.row_count == 150
        await pilot.press("end")
        assert table.cursor_row == 149 and table.scroll_offset.y > 100
        assert str(table.row(149)[1]["title"]) == "第149号简报"
        await pilot.press("home", "pagedown")
        assert table.cursor_row > 20 and table.scroll_offset.y >= 0
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        assert app.screen.doc.article.title == str(table.row(table.cursor_row)[1]["title"])


async def test_the_library_resegments_after_the_dictionary_changed(db_path, tmp_path):
    pages = {"a.txt": "园区动态\n\n今年经开组团引进项目十个。", "b.txt": "周末出游\n\n组团去经开转了一圈。"}
    db = store.open_db(db_path)
    store.import_paths(db, [write_pages(tmp_path / "p", pages)])
    store.add_dictionary_words(["经开组团"])
    assert store.search_pending(db) == 2
    db.close()
    app = HechaApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        await until(pilot, lambda: store.search_pending(app.screen.db) == 0, "re-segmented")
        await pilot.press("slash", *"经开组团")
        await until(pilot, lambda: app.screen.found is not None, "search")
        assert shown_titles(table) == ["园区动态"]


async def test_clearing_a_search_brings_back_the_order_the_library_had(pages_db):
    app = HechaApp(pages_db)
    async with app.run_test(size=SIZE) as pilot:
        table = await library_table(pilot)
        while app.screen.sort != "title":
            await pilot.press("s")
        before = shown_titles(table)
        await pilot.press("slash", *"码头")
        await until(pilot, lambda: table.row_count == 1, "one match")
        assert app.screen.sort == "relevance"
        await pilot.press("enter", "escape")
        await until(pilot, lambda: table.row_count == 4, "the whole library")
        assert app.screen.sort == "title" and shown_titles(table) == before
        assert "sorted by title" in str(app.screen.query_one("#status").render())
