"""The reader in a new user's first hour: figures stay visible, the theme is followed, keys say what they did."""

from __future__ import annotations

import pytest
from test_app_flows import open_first_article, until
from textual.widgets import Static

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.screens.reader import ReaderScreen
from hecha.tui.styles import figure_style
from hecha.tui.widgets.article_view import MAX_WIDTH, ArticleView
from hecha.tui.widgets.wrap import cell_width

SIZE = (100, 32)
PAGE = (
    "港口2025年吞吐量增长12%\n\n"
    "港务局周二公布，全年集装箱吞吐量达到16.5亿吨，比上年多出4,860,000吨。局长表示明年还要再增8%。\n\n"
    "另据统计，码头工人增至3.2万人。"
)


@pytest.fixture
def port(db_path, tmp_path):
    """A library of one article with figures in its title and body; yields the db path."""
    path = tmp_path / "port.txt"
    path.write_text(PAGE, encoding="utf-8")
    db = store.open_db(db_path)
    store.import_paths(db, [path])
    db.close()
    return db_path


def line_segments(view: ArticleView, offset: int):
    """The rendered segments of the screen line that shows `offset`."""
    number = view.doc.line_of(offset)
    return list(view.render_line(number - int(view.scroll_offset.y)))


def style_at(view: ArticleView, offset: int):
    """The style drawn on the character at `offset` (after the two gutter characters)."""
    index = offset - view.doc.lines[view.doc.line_of(offset)].start + 2
    for segment in line_segments(view, offset):
        if index < len(segment.text):
            assert segment.text[index] == view.doc.article.text[offset]
            return segment.style
        index -= len(segment.text)
    raise AssertionError(f"offset {offset} not drawn")


def toasts(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_figure_in_the_cursor_sentence_keeps_its_colour(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        assert view.cursor == 0  # the title, which holds 12%
        at = view.doc.article.text.index("12%")
        assert style_at(view, at).bgcolor == figure_style("percent").bgcolor
        await pilot.press("n", "n")  # 12% becomes the current figure
        assert view.figure.text == "12%"
        assert style_at(view, at).bgcolor == figure_style("percent").bgcolor


async def test_the_reader_follows_a_light_theme_and_remembers_it(port, config_dir):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        dark_cursor = style_at(view, view.doc.article.text.index("港口")).bgcolor
        app.theme = "textual-light"
        await pilot.pause()
        light_cursor = style_at(view, view.doc.article.text.index("港口")).bgcolor
        assert light_cursor != dark_cursor and sum(light_cursor.get_truecolor()) > 3 * 160
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"


async def test_claim_colours_are_readable_on_a_light_theme_and_stop_where_the_claim_ends(port):
    db = store.open_db(port)
    text = store.get_article(db, 1).text
    start = text.index("港务局")
    end = text.index("。", start) + 1
    store.add_claim(db, 1, start, end, ["模糊"])  # a pale yellow tag
    db.close()
    app = HechaApp(port)
    async with app.run_test(size=(120, 32)) as pilot:
        view = await open_first_article(pilot)
        app.theme = "textual-light"
        await pilot.pause()
        claimed = style_at(view, start + 1)
        red, green, blue = claimed.color.get_truecolor()
        assert claimed.underline and (299 * red + 587 * green + 114 * blue) / 255_000 < 0.5
        after = style_at(view, end)  # 局长…, the next sentence on the same line
        assert not after.underline and after.color != claimed.color


async def test_raw_view_opens_at_the_article_and_highlights_it(db_path):
    from conftest import SEEDS

    db = store.open_db(db_path)
    store.import_paths(db, [SEEDS])
    articles = store.list_articles(db)
    db.close()
    # the last article of a file that holds several: far down its raw text
    later = max((a for a in articles if sum(b.source == a.source for b in articles) > 2), key=lambda a: a.ord)
    app = HechaApp(db_path)
    async with app.run_test(size=(120, 32)) as pilot:
        await until(pilot, lambda: app.screen.query_one("#library").row_count > 0, "rows")
        app.push_screen(ReaderScreen(str(db_path), [later.id], 0))
        await until(pilot, lambda: isinstance(app.screen, ReaderScreen), "reader")
        await pilot.press("r")
        raw = app.screen.query_one("#raw")
        await until(pilot, lambda: raw.scroll_y > 0, "raw pane scrolled to the article")
        assert raw.selected_text.replace(" ", "").startswith(later.title.replace(" ", "")[:4])


async def test_panel_starts_highlighted_moves_with_jk_and_shows_tags(port):
    db = store.open_db(port)
    text = store.get_article(db, 1).text
    start = text.index("港务局")
    store.add_claim(db, 1, start, text.index("。", start) + 1, ["数据", "排名"])
    db.close()
    app = HechaApp(port)
    async with app.run_test(size=(120, 32)) as pilot:
        await open_first_article(pilot)
        await pilot.press("p")
        panel = app.screen.query_one("#panel")
        assert panel.has_focus and panel.highlighted == 1
        label = panel.get_option_at_index(1).prompt.plain
        assert "#数据" in label and "#排名" in label and label.endswith("…")
        assert "16.5亿吨" in label or "16.5" not in label  # never cut inside a figure
        await pilot.press("j")
        assert panel.highlighted == 3
        await pilot.press("k")
        assert panel.highlighted == 1


async def test_w_takes_a_whole_figure_and_o_moves_the_start(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("j", "v")
        text = view.doc.article.text
        sentence_start, sentence_end = view.selection
        await pilot.press("o", "w", "w")  # the start moves: 港务局 | 周二 | 公布
        assert view.doc.text(*view.selection).startswith("公布")
        await pilot.press("o")  # now the end moves
        ends = []
        for _ in range(12):
            await pilot.press("b")
            ends.append(text[view.selection[1] - 4 : view.selection[1]])
        assert "6.5亿吨"[-4:] in [e[-4:] for e in ends] or any(e.endswith("亿吨") for e in ends)
        assert not any(e.endswith(("16.5", "6.5", ".5")) for e in ends)
        assert view.selection[0] > sentence_start and view.selection[1] < sentence_end  # a clause inside


async def test_feedback_on_keys_that_find_nothing_or_wrap(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("enter")
        assert any("No claim here" in t for t in toasts(app))
        await pilot.press("d")
        assert any("No claim here" in t for t in toasts(app))
        await pilot.press("right_square_bracket")
        assert any("last article" in t for t in toasts(app))
        await pilot.press("n")
        assert "figure 1/" in str(app.screen.query_one("#reader-status", Static).render())
        await pilot.press("N")
        assert any("Wrapped to the last figure" in t for t in toasts(app))
        total = len(view.doc.figures)
        assert f"figure {total}/{total}" in str(app.screen.query_one("#reader-status", Static).render())


async def test_an_open_reader_shows_a_claim_made_by_another_copy(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        other = store.open_db(port)
        store.add_claim(other, 1, 20, 30, ["数据"])
        other.close()
        await until(pilot, lambda: len(view.doc.marks) == 1, "claim from another copy")


async def test_lines_are_at_most_forty_han_characters_wide(port):
    app = HechaApp(port)
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_first_article(pilot)
        text = view.doc.article.text
        widest = max(sum(cell_width(c) for c in text[ln.start : ln.end]) for ln in view.doc.lines if ln.block >= 0)
        assert widest <= MAX_WIDTH


async def test_find_in_the_article_steps_with_n_and_says_match_k_of_n(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("slash", *"吞吐量", "enter")
        status = lambda: str(app.screen.query_one("#reader-status", Static).render())  # noqa: E731
        assert len(view.matches) == 2 and "match 1/2" in status()
        await pilot.press("n")
        assert "match 2/2" in status()
        await pilot.press("n")
        assert "match 1/2" in status() and any("Wrapped" in t for t in toasts(app))
        keys = dict(app.screen_keys(app.screen))
        assert keys.get("n") == "Next match of the find"
        await pilot.press("escape", "n")
        assert not view.matches and view.figure is not None


async def test_find_matches_traditional_and_full_width(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        await pilot.press("slash", *"噸", "enter")
        assert len(view.matches) == 2
        await pilot.press("escape", "slash")
        app.screen.query_one("#find").value = "１２％"
        await pilot.press("enter")
        assert len(view.matches) == 1


async def test_double_click_selects_a_word_and_a_figure_whole(port):
    app = HechaApp(port)
    async with app.run_test(size=SIZE) as pilot:
        view = await open_first_article(pilot)
        text = view.doc.article.text
        at = text.index("6.5亿吨")
        line = view.doc.line_of(at)
        x = 2 + sum(cell_width(c) for c in text[view.doc.lines[line].start : at])
        await pilot.click(ArticleView, offset=(x, line - int(view.scroll_offset.y)), times=2)
        assert view.doc.text(*view.selection) == "16.5亿吨"
