"""A claim is committed before its dialog closes: kill -9 right after saving loses nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap

from conftest import SEEDS

from hecha import store

SCRIPT = textwrap.dedent(
    """
    import asyncio, os, signal, sys
    from hecha.tui.app import HechaApp
    from hecha.tui.screens.reader import ReaderScreen
    from hecha.tui.screens.dialogs.tag import TagDialog

    async def main(path):
        app = HechaApp(path)
        async with app.run_test(size=(100, 32)) as pilot:
            table = app.screen.query_one("#library")
            while table.row_count == 0:
                await pilot.pause(0.02)
            await pilot.press("enter")
            while not isinstance(app.screen, ReaderScreen):
                await pilot.pause(0.02)
            await pilot.press("j", "j", "t")
            while not isinstance(app.screen, TagDialog):
                await pilot.pause(0.02)
            await pilot.press("1", "enter")
            while isinstance(app.screen, TagDialog):
                await pilot.pause(0)
            os.kill(os.getpid(), signal.SIGKILL)

    asyncio.run(main(sys.argv[1]))
    """
)


def test_kill_9_right_after_saving_loses_nothing(db_path, tmp_path):
    db = store.open_db(db_path)
    store.import_paths(db, [SEEDS])
    db.close()
    script = tmp_path / "tag_and_die.py"
    script.write_text(SCRIPT, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(db_path)], capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    (claim,) = store.list_claims(store.open_db(db_path))
    assert claim.tags == ("数据",) and claim.quote.startswith("近日，一则好消息")


async def test_two_copies_of_the_app_see_each_others_claims(db_path, tmp_path):
    """One copy stays open on the review screen while a second process tags a sentence."""
    import asyncio

    from textual.widgets import DataTable

    from hecha.tui.app import HechaApp
    from hecha.tui.screens.library import LibraryScreen
    from hecha.tui.screens.review import ReviewScreen

    db = store.open_db(db_path)
    store.import_paths(db, [SEEDS])
    db.close()
    script = tmp_path / "tag_and_die.py"
    script.write_text(SCRIPT, encoding="utf-8")
    app = HechaApp(db_path)
    async with app.run_test(size=(100, 32)) as pilot:
        while not app.screen.query("#library") or app.screen.query_one("#library").row_count == 0:
            await pilot.pause(0.02)
        await pilot.press("c")
        while not isinstance(app.screen, ReviewScreen):
            await pilot.pause(0.02)
        assert app.screen.query_one(DataTable).row_count == 0
        other = await asyncio.create_subprocess_exec(sys.executable, str(script), str(db_path))
        assert await asyncio.wait_for(other.wait(), 120) == -signal.SIGKILL
        await pilot.press("escape")
        while not isinstance(app.screen, LibraryScreen):
            await pilot.pause(0.02)
        await pilot.press("c")
        while not isinstance(app.screen, ReviewScreen):
            await pilot.pause(0.02)
        assert app.screen.query_one(DataTable).row_count == 1
        assert app.screen.claims[0].tags == ("数据",)
