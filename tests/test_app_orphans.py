"""Orphan claims in the app: the review's orphans filter lists them; the reader does not highlight them."""

from __future__ import annotations

from test_app_flows import SIZE, library, open_review, until  # noqa: F401  (the fixture)
from textual.widgets import DataTable

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.screens.reader import ReaderScreen
from hecha.tui.screens.review import ReviewScreen


async def test_review_lists_orphans_under_their_filter_and_opens_their_article(library):
    db = store.open_db(library)
    kept = store.add_claim(db, 1, 30, 40, ["数据"])
    lost = store.add_claim(db, 2, 30, 40, ["排名"])
    text = store.get_article(db, 2).text
    store.reanchor_article(db, 2, text[:25] + "（此段已删除）" + text[45:])
    assert store.get_claim(db, lost.id).anchor == "orphan"
    db.close()
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("O")
        await until(pilot, lambda: table.row_count == 1, "orphans only")
        assert app.screen.claims[0].id == lost.id
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        assert [mark.id for mark in app.screen.doc.marks] == []  # nothing highlighted at the lost place
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "review")
        await pilot.press("O")
        await until(pilot, lambda: app.screen.query_one(DataTable).row_count == 2, "all claims again")
    assert kept.id in {c.id for c in store.list_claims(store.open_db(library))}
