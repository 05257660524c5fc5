"""One SVG snapshot per screen at 100×32: library, reader with figures and a claim, tag dialog, review, help.

Regenerate after an intended change of the screens with
`.venv/bin/pytest tests/test_snapshots.py --snapshot-update` and look at the report.
"""

from __future__ import annotations

import pytest
from conftest import SEEDS

from hecha import store
from hecha.tui.app import HechaApp

SIZE = (100, 32)
FIXED_TIME = "2026-01-02T03:04:05+00:00"


@pytest.fixture
def app(db_path):
    """The app on the seed articles with one claim on the first article, all times fixed."""
    db = store.open_db(db_path)
    store.import_paths(db, [SEEDS])
    text = store.get_article(db, 1).text
    start = text.index("今年1月至8月，经开组团")
    end = text.index("。", start) + 1
    store.add_claim(db, 1, start, end, ["数据", "排名"], "核对增幅排名")
    with db.atomic():
        db.execute("UPDATE claims SET created_at = ?, updated_at = ?", [FIXED_TIME, FIXED_TIME])
        db.execute("UPDATE claim_history SET at = ?", [FIXED_TIME])
    db.close()
    return HechaApp(db_path)


async def settle(pilot) -> None:
    """Let the library's worker fill the table before keys are pressed."""
    for _ in range(200):
        if pilot.app.screen.query("#library") and pilot.app.screen.query_one("#library").row_count:
            break
        await pilot.pause(0.02)
    await pilot.pause()


def test_library(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_reader_with_figures_and_a_claim(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n", "n", "n", "n")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_tag_dialog(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("j", "j", "t", "1")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_review(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_help(app, snap_compare):
    async def run_before(pilot):
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
