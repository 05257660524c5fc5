"""The Indicators screen: what the library's figures measure, across articles, conflicts first.

Each row is one figure read as an indicator for a place and period. Rows whose
indicator, place and period other articles give with another value come first,
marked ≠. Below the table, the indicator under the cursor is drawn over its
periods: a sparkline of its values, then one bar per value, conflicting
values in red so they stand apart. Enter opens the article at the figure.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from ... import store
from .reader import ReaderScreen
from .table_screen import TableScreen

COLUMNS = (
    ("", "mark", 1),
    ("Indicator", "indicator", 0),
    ("Place", "place", 10),
    ("Period", "period", 15),
    ("Base", "base", 6),
    ("Value", "value", 12),
    ("Article", "article", -16),
)
CONFLICT = Style(color="red", bold=True)
BAR_CELLS = 30
MAX_ROWS = 5000  # conflicts come first, so a large library still shows every conflict
PERIOD_CELLS = 16


def series_key(item: store.Indicator) -> tuple:
    """What makes figures one series to chart: indicator, place, base and unit."""
    return (item.indicator, item.place, item.base, item.unit)


def chart(points: list[store.Indicator], clashing: set[tuple[int | None, int]]) -> Text:
    """One line per value, by period: period, a bar in proportion to the largest value, the figure, the article."""
    top = max((abs(p.value) for p in points if p.value is not None), default=0) or 1
    out = Text()
    for p in points:
        conflict = (p.article_id, p.start) in clashing
        style = CONFLICT if conflict else Style(color="cyan")
        cells = max(1, round(abs(p.value or 0) / top * BAR_CELLS))
        out.append((p.period or "no period").ljust(PERIOD_CELLS)[:PERIOD_CELLS] + " ", style="dim")
        out.append("█" * cells + " " * (BAR_CELLS - cells), style=style)
        out.append(f" {p.text}", style=style)
        note = f"  #{p.article_id}" + ("  ≠ conflict" if conflict else "") + "\n"
        out.append(note, style=style if conflict else "dim")
    return out + spread(points, clashing)


def spread(points: list[store.Indicator], clashing: set[tuple[int | None, int]]) -> Text:
    """How far apart the conflicting values are: `118.2亿元 to 120.5亿元, 1.9% apart`."""
    clash = [(p.value, p) for p in points if (p.article_id, p.start) in clashing and p.value is not None]
    if len(clash) < 2:
        return Text()
    (low_value, low), (high_value, high) = min(clash, key=lambda vp: vp[0]), max(clash, key=lambda vp: vp[0])
    gap = (high_value - low_value) / abs(low_value) * 100 if low_value else 0
    words = f"conflicting values: {low.text} to {high.text}, {gap:.1f}% apart"
    if low_value and 10**3.5 <= high_value / low_value <= 10**4.5:
        words += " (10,000× apart: 万 written for 亿, or back?)"
    return Text(words, style=CONFLICT)


class IndicatorsScreen(TableScreen):
    """Indicators across the library with conflicts first, and the chosen one over its periods."""

    COLUMNS = COLUMNS
    DEFAULT_CSS = """
    IndicatorsScreen #indicators { height: 1fr; }
    IndicatorsScreen #indicator-spark { height: 2; margin: 0 1; }
    IndicatorsScreen #indicator-chart { height: auto; max-height: 8; padding: 0 1; border-top: solid $primary; }
    IndicatorsScreen #indicators-status { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("enter", "open", "Open", priority=True),
        Binding("f", "only_conflicts", "Conflicts only"),
    ]

    def __init__(self, db_path: str):
        super().__init__()
        self.db_path = db_path
        self.items: list[store.Indicator] = []
        self.clashing: set[tuple[int | None, int]] = set()
        self.titles: dict[int, str] = {}
        self.only = False
        self.rows: list[store.Indicator] = []
        self.series: dict[tuple, list[store.Indicator]] = {}

    def compose(self) -> ComposeResult:
        """Header, the table, the chart of the row's indicator, a status line, keys."""
        yield Header()
        yield DataTable(id="indicators", cursor_type="row", zebra_stripes=True)
        yield Sparkline([], id="indicator-spark")
        yield Static(id="indicator-chart")
        yield Static(Text("Reading indicators…"), id="indicators-status")
        yield Footer()

    def on_mount(self) -> None:
        """Columns, then the indicators (read in a worker)."""
        self.fit_columns(self.app.size.width)
        self.query_one(DataTable).focus()
        self.load()

    @work(thread=True, exclusive=True, group="indicators")
    def load(self) -> None:
        """Read every indicator, the conflicts and the article titles."""
        db = store.open_db(self.db_path)
        try:
            items = store.list_indicators(db)
            groups = store.indicator_conflicts(db)
            titles = {a.id: a.title for a in store.list_articles(db)}
        finally:
            db.close()
        self.app.call_from_thread(self.show, items, groups, titles)

    def show(self, items: list[store.Indicator], groups: list[list[store.Indicator]], titles: dict[int, str]) -> None:
        """Keep what was read and fill the table."""
        self.items, self.titles = items, titles
        self.series = {}
        for item in items:
            self.series.setdefault(series_key(item), []).append(item)
        self.clashing = {(i.article_id, i.start) for group in groups for i in group}
        status = Text(f"{len(items)} figures with an indicator · {len(groups)} conflict{'s' * (len(groups) != 1)}")
        if len(items) > MAX_ROWS:
            status.append(f" · the first {MAX_ROWS} shown")
        self.query_one("#indicators-status", Static).update(status)
        self.fill()

    def shown(self) -> list[store.Indicator]:
        """The rows on screen: all, or only those in conflict (at most MAX_ROWS)."""
        return [i for i in self.items if not self.only or (i.article_id, i.start) in self.clashing][:MAX_ROWS]

    def fill(self) -> None:
        """Rows: conflict mark, indicator, place, period, base, value as printed, article title."""
        table = self.query_one(DataTable)
        table.clear()
        keys = [str(key.value) for key in table.columns]  # a narrow screen leaves the Article column out
        self.rows = self.shown()
        for n, item in enumerate(self.rows):
            conflict = (item.article_id, item.start) in self.clashing
            style = CONFLICT if conflict else Style()
            title = self.titles.get(item.article_id, "") if item.article_id is not None else ""
            cells = {
                "mark": Text("≠" if conflict else "", style=CONFLICT),
                "indicator": Text(item.indicator, style=style),
                "place": Text(item.place or "—"),
                "period": Text(item.period or "—"),
                "base": Text(item.base or ""),
                "value": Text(item.text, style=style, justify="right"),
                "article": Text(title),
            }
            table.add_row(*(cells[key] for key in keys), key=str(n))
        self._draw_chart()

    def _current(self) -> store.Indicator | None:
        """The indicator under the cursor."""
        table = self.query_one(DataTable)
        return self.rows[table.cursor_row] if 0 <= table.cursor_row < len(self.rows) else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Chart the indicator under the cursor."""
        self._draw_chart()

    def _draw_chart(self) -> None:
        """The sparkline and bars of the current row's series, by period."""
        current = self._current()
        points = (
            []
            if current is None
            else sorted(self.series.get(series_key(current), []), key=lambda i: (i.period or "", i.value or 0))
        )
        self.query_one(Sparkline).data = [p.value or 0 for p in points]
        heading = Text()
        if current is not None:
            heading.append(f"{current.indicator} · {current.place or '—'}", style="bold")
            heading.append(f" · {current.base or 'level'} · {len(points)} value{'s' * (len(points) != 1)}\n")
        self.query_one("#indicator-chart", Static).update(heading + chart(points, self.clashing))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter opens the article at the figure."""
        self.action_open()

    def action_open(self) -> None:
        """Open the row's article in the reader with the figure selected."""
        current = self._current()
        if current is not None and current.article_id is not None:
            focus = (current.start, current.end)
            self.app.push_screen(ReaderScreen(self.db_path, [current.article_id], 0, focus))

    def action_only_conflicts(self) -> None:
        """Show only the rows in conflict, or all again."""
        self.only = not self.only
        self.fill()

    def action_back(self) -> None:
        """Back to the library."""
        self.dismiss()
