"""No user text is ever read as markup: tags, notes, file names in toasts and dialogs.

A tag named `[/]` used to crash the app when "Claim saved: …" was shown, and
`[@click=app.quit]x[/]` became an action. Each place that shows user text in
a notification or a dialog is driven here with hostile names; the app must
keep running and show the text literally.
"""

from __future__ import annotations

import sqlite3

from test_app_flows import SIZE, open_first_article, open_review, until
from textual.widgets import Input, OptionList, Static

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.screens.dialogs.ask import AskDialog
from hecha.tui.screens.dialogs.export import ExportDialog
from hecha.tui.screens.dialogs.tag import TagDialog

CLOSE_ALL = "[/]"
ACTION = "[@click=app.quit]x[/]"
IN_PATH = "[@click=app.quit]x[bold]"  # markup that fits in one file name (no slash)
PAGE = "通报[/]标题\n\n今年一季度，全县新增市场主体三千二百户，同比增长百分之十一。\n"


def toasts(app) -> list[str]:
    """The text of every notification on screen."""
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def hostile_library(folder) -> object:
    """A library in a folder whose name is markup, with one article and two hostile tags."""
    home = folder / IN_PATH
    home.mkdir()
    page = home / f"{IN_PATH}页.txt"
    page.write_text(PAGE, encoding="utf-8")
    path = home / "hecha.db"
    db = store.open_db(path)
    store.import_paths(db, [page])
    store.add_tag(db, CLOSE_ALL, key="7")
    store.add_tag(db, ACTION, key="8")
    db.close()
    return path


async def test_claim_saved_toast_shows_hostile_tags_literally(tmp_path):
    app = HechaApp(hostile_library(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first_article(pilot)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TagDialog), "tag dialog")
        app.screen.query_one("#note", Input).value = ACTION
        await pilot.press("7", "8", "enter")
        await until(pilot, lambda: any("Claim saved" in t for t in toasts(app)), "toast")
        assert app.is_running
        (toast,) = [t for t in toasts(app) if "Claim saved" in t]
        assert CLOSE_ALL in toast and ACTION in toast
    (claim,) = store.list_claims(store.open_db(app.db_path))
    assert set(claim.tags) == {CLOSE_ALL, ACTION} and claim.note == ACTION


async def test_database_error_in_tag_dialog_is_a_literal_toast(tmp_path, monkeypatch):
    monkeypatch.setenv("HECHA_BUSY_TIMEOUT_MS", "50")
    path = hostile_library(tmp_path)
    app = HechaApp(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first_article(pilot)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("t")
            await until(pilot, lambda: isinstance(app.screen, TagDialog), "tag dialog")
            await pilot.press("7", "enter")
            await until(pilot, lambda: any("locked" in t for t in toasts(app)), "locked toast")
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert app.is_running and isinstance(app.screen, TagDialog)  # the dialog stays: nothing lost
        assert any(str(path) in t for t in toasts(app))


async def test_export_error_with_markup_in_the_path_is_literal(tmp_path):
    path = hostile_library(tmp_path)
    db = store.open_db(path)
    store.add_claim(db, 1, 0, 4, [CLOSE_ALL], note=ACTION)
    db.close()
    app = HechaApp(path)
    target = tmp_path / "missing[bold]folder" / IN_PATH
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(pilot)
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog), "export dialog")
        app.screen.query_one("#path", Input).value = str(target)
        app.screen.query_one(OptionList).focus()
        await pilot.press("enter")
        await until(pilot, lambda: any("cannot write" in t for t in toasts(app)), "error toast")
        assert app.is_running
        assert any(str(target) in t for t in toasts(app))


async def test_tag_name_errors_in_the_ask_dialog_are_literal(tmp_path):
    app = HechaApp(hostile_library(tmp_path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: app.screen.query("#library"), "library")
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AskDialog), "ask dialog")
        app.screen.query_one(Input).value = ACTION
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, AskDialog)
        assert ACTION in str(app.screen.query_one("#hint", Static).render())


async def test_locked_library_on_first_run_is_shown_not_a_crash(tmp_path, monkeypatch):
    monkeypatch.setenv("HECHA_BUSY_TIMEOUT_MS", "50")
    path = tmp_path / IN_PATH / "hecha.db"
    store.open_db(path).close()  # an empty library: the app imports the samples first
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        app = HechaApp(path)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await until(pilot, lambda: any("locked" in t for t in toasts(app)), "locked toast")
            assert app.is_running
            assert any(str(path) in t and "another program" in t for t in toasts(app))
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_app_refuses_a_foreign_database_with_one_line(tmp_path, capsys):
    from hecha.tui.app import run_app

    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE notes (body TEXT)")
    other.commit()
    other.close()
    assert run_app(str(path)) == 2
    err = capsys.readouterr().err
    assert err.startswith("hecha: ") and "not a hecha database" in err and "Traceback" not in err


async def test_locked_library_in_review_and_note_is_shown_not_a_crash(tmp_path, monkeypatch):
    from hecha.tui.screens.dialogs.note import NoteDialog
    from hecha.tui.screens.review import ReviewScreen

    monkeypatch.setenv("HECHA_BUSY_TIMEOUT_MS", "50")
    path = hostile_library(tmp_path)
    db = store.open_db(path)
    claim = store.add_claim(db, 1, 0, 4, [CLOSE_ALL], note="原注")
    db.close()
    app = HechaApp(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(pilot)
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            await pilot.press("y")
            await until(pilot, lambda: any("locked" in t for t in toasts(app)), "locked toast")
            assert app.is_running and isinstance(app.screen, ReviewScreen)
            await pilot.press("e")
            await until(pilot, lambda: isinstance(app.screen, NoteDialog), "note dialog")
            app.screen.query_one(Input).value = ACTION
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert app.is_running and isinstance(app.screen, NoteDialog)  # nothing lost: the note is still there
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    saved = store.get_claim(store.open_db(path), claim.id)
    assert (saved.status, saved.note) == ("open", "原注")


async def test_escape_sequences_in_file_names_are_visible_in_the_app(tmp_path):
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    name = "clip\x1b]52;c;cm0gLXJm\x07\u202eevil.txt"
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "w", encoding="utf-8") as handle:
        handle.write(PAGE)
    path = tmp_path / "hecha.db"
    db = store.open_db(path)
    store.import_paths(db, [folder])
    db.close()
    app = HechaApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count > 0, "library rows")
        cells = " ".join(str(c) for c in app.screen.query_one("#library").row(0)[1].values())
        assert "clip\\x1b]52;c;cm0gLXJm\\x07\\u202eevil.txt" in cells
        assert not any(c in cells for c in "\x1b\x07\u202e")
        await open_first_article(pilot)
        bar = str(app.screen.query_one("#title-bar", Static).render())
        assert "\\x1b]52" in bar and "\x1b" not in bar
