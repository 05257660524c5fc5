"""The app, driven by keys with Pilot."""

from conftest import SEEDS
from textual.widgets import Static

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.widgets.library_table import LibraryTable


async def wait_for_rows(pilot, count: int) -> LibraryTable:
    """Wait until the library table has `count` rows (loading runs in a worker)."""
    table = pilot.app.screen.query_one(LibraryTable)
    for _ in range(200):
        if table.row_count == count:
            return table
        await pilot.pause(0.05)
    raise AssertionError(f"library has {table.row_count} rows, expected {count}")


async def test_first_run_imports_the_bundled_articles(db_path):
    app = HechaApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_rows(pilot, 20)
        status = str(app.screen.query_one("#status", Static).render())
        assert "first run: imported the 20 bundled sample articles" in status
    db = store.open_db(db_path)
    assert store.count_articles(db) == 20


async def test_second_run_does_not_import_again(db_path):
    db = store.open_db(db_path)
    store.import_paths(db, [SEEDS])
    db.close()
    app = HechaApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_rows(pilot, 20)
        assert "first run" not in str(app.screen.query_one("#status", Static).render())


async def test_arrows_and_jk_move_through_the_library(db_path):
    app = HechaApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await wait_for_rows(pilot, 20)
        await pilot.press("j", "j", "down")
        assert table.cursor_row == 3
        await pilot.press("k", "up")
        assert table.cursor_row == 1


async def test_q_quits(db_path):
    app = HechaApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_rows(pilot, 20)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_titles_with_markup_are_shown_literally(db_path, tmp_path):
    page = tmp_path / "markup.txt"
    page.write_text("[bold]粗[/bold][/][@click=app.quit]点\n\n正文。", encoding="utf-8")
    db = store.open_db(db_path)
    store.import_paths(db, [page])
    db.close()
    app = HechaApp(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        table = await wait_for_rows(pilot, 1)
        cell = table.row(0)[1]["title"]
        assert str(cell) == "[bold]粗[/bold][/][@click=app.quit]点"
        await pilot.click(LibraryTable, offset=(5, 1))
        await pilot.pause()
        assert app.is_running
