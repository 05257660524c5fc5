"""A snapshot of the library showing search results (100×32, the seed articles)."""

from __future__ import annotations

from conftest import SEEDS

from hecha import store
from hecha.tui.app import HechaApp


def test_library_search_results(db_path, snap_compare):
    db = store.open_db(db_path)
    store.import_paths(db, [SEEDS])
    db.close()

    async def run_before(pilot):
        table = pilot.app.screen.query_one("#library")
        for _ in range(200):
            if table.row_count:
                break
            await pilot.pause(0.02)
        await pilot.press("slash", *"组团 kind:money")
        for _ in range(200):
            if pilot.app.screen.found is not None:
                break
            await pilot.pause(0.02)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(HechaApp(db_path), terminal_size=(100, 32), run_before=run_before)
