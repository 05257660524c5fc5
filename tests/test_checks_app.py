"""The app's checking help, driven with Pilot: the reader panel, accepting a suggestion, the Indicators screen."""

from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static

from hecha import store
from hecha.tui.app import HechaApp
from hecha.tui.screens.indicators import IndicatorsScreen
from hecha.tui.screens.reader import ReaderScreen
from hecha.tui.widgets.article_view import ArticleView

PAGE = "青石县经济简报\n\n全年计划造林3.3万亩，实际完成造林4.4万亩，完成年度计划的140%。\n\n会上还通报了其他工作。\n"
COUNTY = "青石县工业简报\n\n1至11月，全县规模以上工业增加值达到{}，同比增长6.3%。\n"
SIZE = (100, 32)


def library(db_path: Path, folder: Path, pages: dict[str, str]) -> None:
    """Import `pages` (file name → text) into the database at `db_path`."""
    folder.mkdir()
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = store.open_db(db_path)
    store.import_paths(db, [folder])
    db.close()


async def settle(pilot, table_id: str = "#library", rows: int = 1) -> DataTable:
    """Wait until a table filled by a worker has `rows` rows."""
    for _ in range(300):
        tables = pilot.app.screen.query(table_id)
        if tables and tables.first().row_count >= rows:
            await pilot.pause()
            return tables.first()
        await pilot.pause(0.02)
    raise AssertionError(f"{table_id} never had {rows} rows")


@pytest.fixture
def plan_app(db_path, tmp_path):
    """The app on one article stating a plan, an actual and a wrong completion rate."""
    library(db_path, tmp_path / "news", {"2023-12-05_qs.txt": PAGE})
    return HechaApp(db_path)


@pytest.fixture
def county_app(db_path, tmp_path):
    """The app on three articles: two disagree on one indicator, one restates a value in 万元."""
    library(
        db_path,
        tmp_path / "news",
        {
            "2023-12-05_a.txt": COUNTY.format("120.5亿元"),
            "2023-12-08_b.txt": COUNTY.format("118.2亿元"),
            "2023-12-09_c.txt": COUNTY.format("1205000万元"),
        },
    )
    return HechaApp(db_path)


async def test_reader_panel_lists_checks_and_suggestions(plan_app):
    async with plan_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "p")
        await pilot.pause()
        panel = pilot.app.screen.query_one(OptionList)
        ids = [panel.get_option_at_index(n).id for n in range(panel.option_count)]
        labels = [str(panel.get_option_at_index(n).prompt) for n in range(panel.option_count)]
        assert "Checks (1)" in labels
        check = next(label for label in labels if label.startswith("✗ plan inconsistent"))
        assert "4.4万亩 ÷ 3.3万亩" in check
        assert any(i and i.startswith("suggest:") for i in ids)


async def test_choosing_a_check_in_the_panel_selects_its_figures(plan_app):
    async with plan_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "p")
        await pilot.pause()
        reader = pilot.app.screen
        panel = reader.query_one(OptionList)
        index = next(
            n for n in range(panel.option_count) if (panel.get_option_at_index(n).id or "").startswith("check:")
        )
        panel.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        check = reader.checks[0]
        assert reader.query_one(ArticleView).selection == (check.start, check.end)


async def test_accepting_a_suggestion_makes_a_claim_carrying_its_checks(plan_app, db_path):
    async with plan_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "p")
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen) and reader.doc.suggested
        panel = reader.query_one(OptionList)
        index = next(
            n for n in range(panel.option_count) if (panel.get_option_at_index(n).id or "").startswith("suggest:")
        )
        panel.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert reader.doc.suggested == []  # the claimed sentence is no longer drawn as a suggestion
        await pilot.press("escape", "c")
        await settle(pilot, "#claims")
        detail = str(pilot.app.screen.query_one("#detail", Static).render())
        assert "plan inconsistent: 4.4万亩 ÷ 3.3万亩" in detail
    db = store.open_db(db_path)
    claims = store.list_claims(db)
    assert len(claims) == 1 and claims[0].quote.startswith("全年计划造林")
    carried = store.claim_checks(db, claims[0].article_id, claims[0].start, claims[0].end)
    assert [(c.kind, c.verdict) for c in carried] == [("plan", "inconsistent")]
    record = store.export_claims(db, "json")
    assert '"verdict": "inconsistent"' in record


async def test_indicators_screen_conflicts_first_chart_and_open(county_app):
    async with county_app.run_test(size=SIZE) as pilot:
        await settle(pilot, rows=3)
        await pilot.press("I")
        table = await settle(pilot, "#indicators", rows=6)
        screen = pilot.app.screen
        assert isinstance(screen, IndicatorsScreen)
        assert str(table.get_cell_at((0, 0))) == "≠" and str(table.get_cell_at((1, 0))) == "≠"
        marks = [str(table.get_cell_at((n, 0))) for n in range(table.row_count)]
        assert marks.count("≠") == 3  # the three levels form one group; the growth rates agree
        values = {round(i.value) for i in screen.rows if (i.article_id, i.start) in screen.clashing}
        assert values == {11820000000, 12050000000}  # 1205000万元 is 120.5亿元: two values, not three
        chart = str(screen.query_one("#indicator-chart", Static).render())
        assert "≠ conflict" in chart and "2023-01/2023-11" in chart
        chosen = screen._current()
        await pilot.press("enter")
        await pilot.pause()
        reader = pilot.app.screen
        assert isinstance(reader, ReaderScreen)
        await pilot.pause()
        assert reader.query_one(ArticleView).selection == (chosen.start, chosen.end)


async def test_indicators_screen_conflicts_only(county_app):
    async with county_app.run_test(size=SIZE) as pilot:
        await settle(pilot, rows=3)
        await pilot.press("I")
        table = await settle(pilot, "#indicators", rows=6)
        await pilot.press("f")
        await pilot.pause()
        assert table.row_count == 3


def test_indicators_screen_snapshot(county_app, snap_compare):
    async def run_before(pilot):
        await settle(pilot, rows=3)
        await pilot.press("I")
        await settle(pilot, "#indicators", rows=6)

    assert snap_compare(county_app, terminal_size=SIZE, run_before=run_before)


async def test_indicators_screen_fits_80_columns_and_q_goes_back(county_app):
    async with county_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, rows=3)
        await pilot.press("I")
        table = await settle(pilot, "#indicators", rows=6)
        assert "article" not in [key.value for key in table.columns]  # left out when narrow, not a crash
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "article" in [key.value for key in pilot.app.screen.query_one(DataTable).columns]
        await pilot.press("q")
        await pilot.pause()
        assert pilot.app.is_running and not isinstance(pilot.app.screen, IndicatorsScreen)


def test_a_suggestion_in_the_panel_never_breaks_inside_a_figure():
    from rich.cells import cell_len

    from hecha.store.figures import extract
    from hecha.tui.widgets.check_panel import suggestion_label

    text = "据统计，全县规模以上工业增加值同比增长7.7%，总投资24.58亿元，列全国第五位。"
    figures = tuple((f.start, f.end, f.text) for f in extract(text))
    for width in range(10, 31):
        lines = suggestion_label(store.Suggestion(4, len(text), 12.5, figures), text, width).plain.split("\n")
        assert all(cell_len(line) <= width for line in lines)
        shown = [f for _, _, f in figures if f in "".join(lines)]
        assert len(shown) >= 2 and all(any(f in line for line in lines) for f in shown)  # each whole on a line
