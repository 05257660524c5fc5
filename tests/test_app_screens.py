"""Claims are never lost, and the screens and keys behave as a new user expects (Pilot)."""

from __future__ import annotations

from test_app_flows import library, open_first_article, open_review, until  # noqa: F401
from test_app_reader import port, toasts  # noqa: F401
from textual.widgets import DataTable, Static

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.screens.dialogs.confirm import ConfirmDialog
from hecha.tui.screens.dialogs.export import ExportDialog
from hecha.tui.screens.dialogs.import_dialog import ImportDialog
from hecha.tui.screens.dialogs.tag import TagDialog
from hecha.tui.screens.library import LibraryScreen
from hecha.tui.screens.reader import ReaderScreen
from hecha.tui.screens.review import ReviewScreen
from hecha.tui.screens.tags import TagsScreen
from hecha.tui.widgets.tag_picker import TagPicker

SIZE = (100, 32)


async def tag_sentence(pilot, *keys: str) -> None:
    """t, the keys, Enter: tag the cursor sentence."""
    await pilot.press("t")
    await until(pilot, lambda: isinstance(pilot.app.screen, TagDialog), "tag dialog")
    await pilot.press(*keys, "enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen), "reader again")


async def test_tagging_a_claimed_span_opens_that_claim(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(pilot)
        await pilot.press("j")
        await tag_sentence(pilot, "1")
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TagDialog), "tag dialog")
        assert app.screen.dialog_title == "Edit claim"
        await pilot.press("2", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader again")
    (claim,) = store.list_claims(store.open_db(port))
    assert claim.tags == ("数据", "排名")


async def test_delete_shows_tags_status_and_note_and_u_undoes_it(port):
    db = store.open_db(port)
    text = store.get_article(db, 1).text
    start = text.index("港务局")
    claim = store.add_claim(db, 1, start, text.index("。", start) + 1, ["排名"], "问港务局要原始数据", "checking")
    db.close()
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("j", "d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "confirmation")
        shown = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "排名" in shown and "checking" in shown and "问港务局要原始数据" in shown
        await pilot.press("y")
        await until(pilot, lambda: not view.doc.marks, "claim gone")
        assert dict(app.screen_keys(app.screen)).get("u") == "Undo delete"
        await pilot.press("u")
        await until(pilot, lambda: len(view.doc.marks) == 1, "claim back")
    db = store.open_db(port)
    back = store.get_claim(db, claim.id)
    assert (back.tags, back.status, back.note) == (("排名",), "checking", "问港务局要原始数据")
    assert [e.field for e in store.claim_history(db, claim.id)][-2:] == ["deleted", "restored"]


async def open_export(pilot) -> ExportDialog:
    await open_review(pilot)
    await pilot.press("x")
    await until(pilot, lambda: isinstance(pilot.app.screen, ExportDialog), "export dialog")
    return pilot.app.screen


async def test_export_defaults_away_from_the_current_folder_and_asks_before_overwriting(library, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_export(pilot)
        assert not dialog.query_one("#path").value.startswith(str(tmp_path))
        target = tmp_path / "out.csv"
        target.write_text("keep me", encoding="utf-8")
        dialog.query_one("#path").value = str(tmp_path / "out")
        dialog.query_one("#path").focus()
        await pilot.press("enter")  # Enter in the path field exports the highlighted format (csv)
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "overwrite question")
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "keep me"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "overwrite question")
        await pilot.press("y")
        await until(pilot, lambda: target.read_text(encoding="utf-8-sig").startswith("id,"), "written")


async def test_tag_dialog_fits_80_by_24_with_its_heading_and_a_shortened_quote(library):
    app = HechaApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_article(pilot)
        await pilot.press("j", "j", "v", "j", "j", "j", "t")
        await until(pilot, lambda: isinstance(app.screen, TagDialog), "tag dialog")
        await pilot.pause()
        dialog = app.screen.query_one("#dialog")
        assert dialog.max_scroll_y == 0 and dialog.region.bottom <= 24
        assert "…" in str(app.screen.query_one("#quote").render())


async def test_tag_list_has_a_cursor_and_space_toggles_a_tag_without_a_key(port):
    db = store.open_db(port)
    store.add_tag(db, "无键")
    db.close()
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(pilot)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TagDialog), "tag dialog")
        picker = app.screen.query_one(TagPicker)
        await pilot.press(*(["down"] * (len(picker.tags) - 1)))
        assert "› [ ] □ 无键" in picker.render().plain
        await pilot.press("space", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader again")
    (claim,) = store.list_claims(store.open_db(port))
    assert claim.tags == ("无键",)


async def test_tags_screen_j_and_k_move(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count > 0, "library rows")
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TagsScreen), "tags")
        table = app.screen.query_one(DataTable)
        await pilot.press("j", "j", "k")
        assert table.cursor_row == 1 and isinstance(app.screen, TagsScreen)


async def test_q_goes_back_one_level_and_quits_only_from_the_library(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(pilot)
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "library")
        assert app.is_running
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "review")
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "library")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_escape_from_a_reader_opened_from_review_says_review(port):
    db = store.open_db(port)
    store.add_claim(db, 1, 20, 30, ["数据"])
    db.close()
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        keys = {key: desc for key, desc in app.screen_keys(app.screen)}
        assert keys.get("esc q") == "Back to the review"
        assert app.screen.active_bindings["escape"].binding.description == "Review"
        await pilot.press("escape", "escape")  # the first drops the claim's selection
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "review")
        assert any("review" in t for t in toasts(app))


async def test_help_and_palette_list_the_screens_own_keys_first(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count > 0, "library rows")
        keys = app.screen_keys(app.screen)
        assert keys[0][1] == "Open"
        generic = [n for n, (_, desc) in enumerate(keys) if desc.startswith(("Scroll", "Page", "Copy"))]
        own = [n for n, (key, _) in enumerate(keys) if key in ("s", "c", "/")]
        assert all(n > max(own) for n in generic)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[:2] == ["Import files…", "Export claims…"]
        assert titles.index("Open") < titles.index("Keys")


async def test_footers_fit_80_columns(port):
    from textual.widgets._footer import FooterKey

    db = store.open_db(port)
    store.add_claim(db, 1, 20, 30, ["数据"])
    db.close()
    app = HechaApp(port)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_review(pilot)
        await pilot.pause()
        shown = {key.key for key in app.screen.query(FooterKey) if key.region.right <= 80 and key.region.width}
        assert {"s", "g", "x", "enter"} <= shown
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        await pilot.pause()
        shown = {key.key for key in app.screen.query(FooterKey) if key.region.right <= 80 and key.region.width}
        assert {"t", "n", "question_mark", "escape"} <= shown


async def test_one_toast_at_a_time(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_review(pilot)
        for n in range(5):
            app.notify(f"message {n}")
        await pilot.pause()
        await pilot.pause()
        await pilot.pause(0.1)
        holders = app.screen.query("ToastHolder")
        shown = [holder for holder in holders if holder.display]
        assert len(shown) == 1 and "message 4" in str(shown[0].query_one("Toast").render())
        assert shown[0].region.y < 3  # at the top, away from the status line


async def test_import_from_inside_the_app(library, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "one.txt").write_text("自家稿件一\n\n今年产量增长5%。", encoding="utf-8")
    (folder / "two.txt").write_bytes("自家稿件二\n\n去年收入3亿元。".encode("gb18030"))
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count == 20, "library rows")
        await pilot.press("i")
        await until(pilot, lambda: isinstance(app.screen, ImportDialog), "import dialog")
        app.screen.query_one("#paths").value = str(folder)
        await pilot.press("enter")
        await until(pilot, lambda: app.screen.report is not None, "import done")
        progress = str(app.screen.query_one("#progress").render())
        assert "Imported 2 articles from 2 files" in progress and "two.txt: read as gb18030" in progress
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "library")
        await until(pilot, lambda: app.screen.query_one("#library").row_count == 22, "new rows")


async def test_first_run_says_how_to_import_your_own_files(db_path):
    app = HechaApp(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count == 20, "library rows")
        assert "i: import yours" in str(app.screen.query_one("#status").render())
        assert any("Press i to import your own" in t for t in toasts(app))
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Import files…" in titles


async def test_keys_typed_in_a_burst_after_t_reach_the_tag_dialog_in_order(port):
    from textual import events

    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(pilot)
        for key, character in (("j", "j"), ("t", "t"), ("1", "1"), ("2", "2"), ("enter", "\r")):
            app.post_message(events.Key(key, character))  # all at once, as a terminal delivers a burst
        await until(pilot, lambda: bool(store.list_claims(store.open_db(port))), "claim saved")
    (claim,) = store.list_claims(store.open_db(port))
    assert claim.tags == ("数据", "排名") and claim.quote.startswith("港务局")


async def test_palette_goes_to_an_article_or_a_tag_by_name(port):
    from textual.command import CommandPalette

    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count == 1, "library rows")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        await pilot.press(*"go to tag 排名")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "review of the tag")
        assert app.screen.tag == "排名"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "library")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        await pilot.press(*"go to article 港口")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        assert app.screen.doc.article.title.startswith("港口")


async def test_export_dialog_fits_80_by_24_with_its_hint_in_view(library):
    app = HechaApp(library)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_export(pilot)
        await pilot.pause()
        hint, box = dialog.query_one("#result"), dialog.query_one("#dialog")
        assert box.max_scroll_y == 0 and 0 < hint.region.bottom <= box.region.bottom <= 24
        assert "Esc closes" in str(hint.render())
