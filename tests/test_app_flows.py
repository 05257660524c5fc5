"""The app's flows, driven by keys with Pilot, checked against what the database stored."""

from __future__ import annotations

import csv
import json

import pytest
from conftest import SEEDS
from textual.widgets import DataTable, Static

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.screens.dialogs.export import ExportDialog
from hecha.tui.screens.dialogs.tag import TagDialog
from hecha.tui.screens.help import HelpScreen
from hecha.tui.screens.library import LibraryScreen
from hecha.tui.screens.reader import ReaderScreen
from hecha.tui.screens.review import ReviewScreen
from hecha.tui.widgets.article_view import ArticleView

SIZE = (100, 32)


@pytest.fixture
def library(db_path):
    """A database with the seed articles imported; yields its path."""
    db = store.open_db(db_path)
    store.import_paths(db, [SEEDS])
    db.close()
    return db_path


async def until(pilot, condition, what: str = "condition"):
    """Pause until `condition()` is true (workers and screens settle)."""
    for _ in range(1500):  # up to about 30 s on a busy machine
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def open_first_article(pilot) -> ArticleView:
    """From the library, open the first article."""
    await until(pilot, lambda: pilot.app.screen.query_one("#library").row_count > 0, "library rows")
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ReaderScreen), "reader")
    await pilot.pause()
    return pilot.app.screen.query_one(ArticleView)


async def open_review(pilot) -> None:
    """From the library, open the review screen."""
    await until(pilot, lambda: pilot.app.screen.query_one("#library").row_count > 0, "library rows")
    await pilot.press("c")
    await until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen), "review")


def status_line(app) -> str:
    return str(app.screen.query_one("#reader-status", Static).render())


async def test_open_article_marks_it_read(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        assert view.doc.article.title == "铆足干劲不放松 融合发展向前冲"
    db = store.open_db(library)
    assert store.list_articles(db)[0].read


async def test_move_to_a_figure_shows_its_kind_value_and_unit(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("n", "n", "n", "n")
        assert view.figure is not None and view.figure.text == "7.7%"
        line = status_line(app)
        assert "percent" in line and "7.7" in line and "unit %" in line
        await pilot.press("N")
        assert view.figure.text == "1月至8月"


async def test_sentence_and_paragraph_keys(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("j", "j")
        assert view.doc.text(*view.span).startswith("近日，一则好消息")
        await pilot.press("right_curly_bracket")
        assert view.doc.text(*view.span).startswith("作风建设是党的建设的不变主题。")
        await pilot.press("left_curly_bracket")
        assert view.doc.text(*view.span).startswith("近日")
        await pilot.press("end")
        assert view.cursor == len(view.doc.units) - 1
        await pilot.press("home")
        assert view.cursor == 0


async def test_tag_two_sentences_with_two_tags_and_a_note(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("j", "j", "v", "j")
        start, end = view.span
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, TagDialog), "tag dialog")
        await pilot.press("1", "2", "tab", *"check this", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader again")
        db = store.open_db(library)
        (claim,) = store.list_claims(db)
        assert (claim.start, claim.end) == (start, end)
        assert claim.quote.startswith("近日，一则好消息") and claim.quote.endswith("增幅列江西省南昌市前茅。")
        assert claim.tags == ("数据", "排名") and claim.note == "check this" and claim.status == "open"
        assert view.doc.marks and view.doc.marks[0].id == claim.id


async def test_t_1_enter_tags_the_current_sentence_in_three_keys(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("j", "j")
        sentence = view.doc.text(*view.span)
        await pilot.press("t", "1", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader again")
    (claim,) = store.list_claims(store.open_db(library))
    assert claim.quote == sentence and claim.tags == ("数据",)


async def test_escape_cancels_the_tag_dialog(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(pilot)
        await pilot.press("t", "1", "escape")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader again")
    assert store.list_claims(store.open_db(library)) == []


async def test_word_keys_move_the_selection_end(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("j", "j", "v")
        start, end = view.selection
        await pilot.press("b")
        assert view.selection[0] == start and view.selection[1] < end
        shorter = view.selection[1]
        await pilot.press("w")
        assert view.selection[1] > shorter


async def test_edit_and_delete_a_claim(library):
    db = store.open_db(library)
    article = store.get_article(db, 1)
    para = next(b for b in article.blocks if b.kind == "paragraph")
    claim = store.add_claim(db, 1, para.start, para.start + 10, ["数据"])
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        view.go_to(claim.start)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TagDialog), "edit dialog")
        await pilot.press("3", "tab", *"edited", "tab", "right", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader again")
        edited = store.get_claim(db, claim.id)
        assert edited.tags == ("数据", "目标") and edited.note == "edited" and edited.status == "checking"
        fields = [h.field for h in store.claim_history(db, claim.id)]
        assert "status" in fields and "note" in fields
        await pilot.press("d", "y")
        await pilot.pause()
        assert store.get_claim(db, claim.id) is None


async def test_review_set_status_open_from_review_and_export(library, tmp_path):
    db = store.open_db(library)
    text = store.get_article(db, 1).text
    at = text.index("增长7.7%")
    first = store.add_claim(db, 1, at, at + 6, ["数据"], "note one")
    second = store.add_claim(db, 1, at + 10, at + 20, ["排名"])
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("y")
        assert store.get_claim(db, first.id).status == "true"
        assert app.screen.claims[table.cursor_row].id == second.id  # the queue moved on
        await pilot.press("k", "enter")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader from review")
        view = app.screen.query_one(ArticleView)
        await pilot.pause()
        assert view.selection == (first.start, first.end)
        await pilot.press("escape", "escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "back to review")
        for fmt in store.EXPORT_FORMATS:
            await pilot.press("x")
            await until(pilot, lambda: isinstance(app.screen, ExportDialog), "export dialog")
            path_box = app.screen.query_one("#path")
            path_box.value = str(tmp_path / "out")
            app.screen.query_one("#formats").focus()
            await pilot.press(*(["down"] * store.EXPORT_FORMATS.index(fmt)), "enter")
            target = tmp_path / f"out{store.EXPORT_SUFFIXES[fmt]}"
            await until(pilot, target.exists, f"{fmt} export")
            await until(pilot, lambda: "Wrote 2 claims" in str(app.screen.query_one("#result").render()), "result")
            await pilot.press("escape")
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8-sig")))
    assert {r["quote"] for r in rows} == {first.quote, second.quote}
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    exported = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert exported[0]["figures"][0]["text"] == "7.7%"
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) == 2
    assert "铆足干劲不放松" in (tmp_path / "out.md").read_text(encoding="utf-8")
    (task,) = json.loads((tmp_path / "out.label-studio.json").read_text(encoding="utf-8"))
    spans = {(r["value"]["start"], r["value"]["end"]) for r in task["predictions"][0]["result"]}
    assert spans == {(first.start, first.end), (second.start, second.end)}


async def test_review_filters(library):
    db = store.open_db(library)
    store.add_claim(db, 1, 30, 40, ["数据"])
    store.add_claim(db, 2, 30, 40, ["排名"], status="false")
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        table = app.screen.query_one(DataTable)
        await pilot.press("s")  # status: open
        assert table.row_count == 1
        await pilot.press("s", "s", "s")  # checking, true, false
        assert table.row_count == 1 and app.screen.claims[0].status == "false"
        await pilot.press("s", "s", "s")  # misleading, unverifiable, all
        await pilot.press("g", "g")  # tag: 排名
        assert [c.tags for c in app.screen.claims] == [("排名",)]
        await pilot.press("g", "g", "g", "g", "g")  # back to all tags
        await pilot.press("slash", *"春风")
        assert [c.article_id for c in app.screen.claims] == [2] or all(
            "春风" in c.article_title for c in app.screen.claims
        )


async def test_library_filter_and_sort(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count == 20, "library rows")
        await pilot.press("slash", *"临空")
        table = app.screen.query_one("#library")
        await until(pilot, lambda: table.row_count == 3, "three articles mention 临空")
        assert str(table.row(0)[1]["title"]) == "临空组团 服务春秋航空在赣完成注册"  # the title hit first
        await pilot.press("enter", "escape")
        assert table.row_count == 20
        await pilot.press("s")
        assert app.screen.sort == "date"


async def test_next_and_previous_article(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(pilot)
        await pilot.press("right_square_bracket")
        assert app.screen.query_one(ArticleView).doc.article.title == "项目建设“跑”起来 发展势头“热”起来"
        await pilot.press("left_square_bracket")
        assert app.screen.query_one(ArticleView).doc.article.id == 1


async def test_raw_text_and_side_panel(library):
    app = HechaApp(library)
    async with app.run_test(size=(120, 32)) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("r")
        raw = app.screen.query_one("#raw")
        assert raw.display and "近日,一则好消息" in raw.text
        await pilot.press("r", "p")
        panel = app.screen.query_one("#panel")
        assert panel.display and panel.has_focus
        await pilot.press("j", "enter")
        assert view.figure == view.doc.figures[1]  # the chosen figure becomes the current one
        await pilot.pause()
        assert view.has_focus


async def test_help_lists_every_key_of_the_screen(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_article(pilot)
        keys = dict(app.screen_keys(app.screen))
        for key in ("t", "n", "v", "w", "b", "r", "p", "esc", "j", "{", "]"):
            assert any(key == k or key in k for k in keys), key
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader again")


async def test_markup_in_text_tags_and_notes_is_literal(db_path, tmp_path):
    page = tmp_path / "evil.txt"
    page.write_text(
        "标题[bold]x[/bold]\n\n正文[/]与[link=file:///etc/passwd]y[@click=app.quit]z，增长7.7%。", encoding="utf-8"
    )
    db = store.open_db(db_path)
    store.import_paths(db, [page])
    store.add_tag(db, "[red]t[/]", color="#ff0000", key="7")
    claim = store.add_claim(db, 1, 0, 5, ["[red]t[/]"], note="[@click=app.quit]n[/]")
    app = HechaApp(db_path)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        lines = [view.render_line(y).text for y in range(6)]
        assert any("[link=file:///etc/passwd]y[@click=app.quit]z" in line for line in lines)
        assert any("标题[bold]x[/bold]" in line for line in lines)
        await pilot.click(ArticleView, offset=(20, 2))
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape", "c")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "review")
        cells = [str(c) for c in app.screen.query_one(DataTable).get_row_at(0)]
        assert "[red]t[/]" in cells[1]
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#note")
        assert app.is_running
    assert store.get_claim(store.open_db(db_path), claim.id).note == "[@click=app.quit]n[/]"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_chinese_text_wraps_within_the_width(library, size):
    app = HechaApp(library)
    async with app.run_test(size=size) as pilot:
        view = await open_first_article(pilot)
        width = view.scrollable_content_region.width
        for y in range(view.size.height):
            strip = view.render_line(y)
            assert strip.cell_length == width
        text = view.doc.article.text
        for line in view.doc.lines:
            if line.block >= 0:
                assert line.end - line.start > 0 and text[line.start : line.end].strip()
        covered = "".join(text[line.start : line.end] for line in view.doc.lines if line.block >= 0)
        assert covered.replace(" ", "") == "".join(b.text for b in view.doc.article.blocks).replace(" ", "")


async def test_claims_from_another_connection_show_when_a_screen_is_shown_again(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(pilot)
        assert app.screen.query_one(DataTable).row_count == 0
        other = store.open_db(library)  # another copy of the app writing to the same file
        store.add_claim(other, 2, 30, 40, ["数据"])
        other.close()
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, LibraryScreen), "library")
        table = app.screen.query_one("#library")
        await until(pilot, lambda: any(str(table.row(i)[1]["claims"]) for i in range(20)), "claim count in library")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "review")
        assert app.screen.query_one(DataTable).row_count == 1


async def test_tags_can_be_added_renamed_recoloured_and_rekeyed_in_the_app(library):
    from hecha.tui.screens.dialogs.ask import AskDialog
    from hecha.tui.screens.tags import TagsScreen

    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count > 0, "library rows")
        await pilot.press("T")
        await until(pilot, lambda: isinstance(app.screen, TagsScreen), "tags screen")

        async def answer(key: str, text: str) -> None:
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, AskDialog), "ask dialog")
            app.screen.query_one("#answer").value = text
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, TagsScreen), "tags screen again")

        await answer("a", "来源")
        await answer("r", "出处")
        await answer("c", "#123456")
        await answer("K", "9")
        await pilot.press("K")
        await until(pilot, lambda: isinstance(app.screen, AskDialog), "ask dialog")
        app.screen.query_one("#answer").value = "1"  # taken by 数据: refused, dialog stays
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AskDialog) and "1" in str(app.screen.query_one("#hint").render())
        await pilot.press("escape")
    tag = next(t for t in store.list_tags(store.open_db(library)) if t.name == "出处")
    assert (tag.color, tag.key) == ("#123456", "9")


async def test_mouse_drag_selects_text(library):
    app = HechaApp(library)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        line = next(
            n
            for n, ln in enumerate(view.doc.lines)
            if ln.block >= 0 and view.doc.article.blocks[ln.block].kind == "paragraph"
        )
        await pilot.mouse_down(ArticleView, offset=(2, line))
        await pilot.hover(ArticleView, offset=(12, line))
        await pilot.mouse_up(ArticleView, offset=(12, line))
        assert view.selection is not None
        start, end = view.selection
        assert view.doc.text(start, end) == view.doc.article.text[view.doc.lines[line].start :][: end - start]
        assert 4 <= end - start <= 6  # ten cells of Han text
