"""The library screen: every article in a table, filtered as you type, sorted by key."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Static

from hecha import store

from .indicators import IndicatorsScreen
from .reader import ReaderScreen
from .review import ReviewScreen
from .table_screen import TableScreen
from .tags import TagsScreen

COLUMNS = (("", "unread", 1), ("Title", "title", 0), ("Source", "source", -26), ("Date", "date", -10),
           ("Chars", "chars", 7), ("Figures", "figures", 7), ("Claims", "claims", 6))


FIRST_ROWS = 120
MORE_ROWS = 1500


def _cells(a: store.ArticleSummary) -> dict[str, Text]:
    """The table cells of one article by column key (Text, never markup)."""
    return {
        "unread": Text("●" if not a.read else "", style="bold cyan"),
        "title": Text(a.title) if a.current else Text(a.title) + Text("  (older version)", style="dim italic"),
        "source": Text(a.source, style="dim"),
        "date": Text(a.date or "", style="dim"),
        "chars": Text(f"{a.chars:,}", justify="right"),
        "figures": Text(str(a.figures), justify="right"),
        "claims": Text(str(a.claims) if a.claims else "", justify="right"),
    }


class LibraryScreen(TableScreen):
    """A table of articles: unread marker, title, source file, length, figures, claims."""

    COLUMNS = COLUMNS

    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("s", "sort", "Sort"),
        Binding("c", "review", "Claims"),
        Binding("T", "tags", "Tags", key_display="T"),
        Binding("i", "import_files", "Import"),
        Binding("I", "indicators", "Indicators", key_display="I", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, db_path: str):
        super().__init__()
        self.db_path = db_path
        self.articles: list[store.ArticleSummary] = []
        self.shown: list[store.ArticleSummary] = []
        self.sort = store.SORTS[0]
        self.first_run_note = ""

    def compose(self) -> ComposeResult:
        """Header, filter box, the article table, a status line, the key footer."""
        yield Header()
        yield Input(placeholder="Filter: words in the title, source, kicker or byline", id="filter")
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Static(Text("Loading the library…"), id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the columns and load the articles in a worker."""
        self.fit_columns(self.app.size.width)
        self.query_one("#filter", Input).display = False
        self.query_one(DataTable).focus()
        self.load_library()

    def on_screen_resume(self) -> None:
        """Counts and read markers change while reading; other copies may add claims."""
        if self.articles:
            self.load_library()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide Clear filter when there is none; Home/End belong to the filter box while it has focus."""
        if action == "clear_filter":
            return bool(self.query_one("#filter", Input).value) or None
        return super().check_action(action, parameters)

    def fill(self) -> None:
        """Rows again, after a resize."""
        self.refill()

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        """Import the bundled articles into an empty library, then read the list."""
        try:
            db = store.open_db(self.db_path)
            try:
                report = store.import_seeds_if_empty(db)
                articles = store.list_articles(db)
            finally:
                db.close()
        except store.DatabaseError as error:  # locked, read-only, damaged: say so, do not crash
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=30, markup=False)
            return
        self.app.call_from_thread(self.show_articles, articles, report)

    def show_articles(self, articles: list[store.ArticleSummary], report: store.ImportReport | None) -> None:
        """Keep the loaded list; say so when the sample articles were just imported."""
        self.articles = articles
        if report is not None:
            self.first_run_note = f"first run: imported the {report.articles} bundled sample articles · i: import yours"
            self.notify(f"Imported {report.articles} sample articles. Press i to import your own .txt/.md files.",
                        timeout=15)
        self.refill()

    def refill(self) -> None:
        """Fill the table with the filtered, sorted articles, keeping the cursor's article.

        The first screenful goes in at once; the rest follows in chunks after
        each refresh, so a library of thousands paints at once and typing in
        the filter stays responsive.
        """
        current = self._current_id()
        query = self.query_one("#filter", Input).value
        self.shown = store.sort_articles(store.filter_articles(self.articles, query), self.sort)
        self.generation = getattr(self, "generation", 0) + 1
        self.query_one(DataTable).clear()
        ids = [a.id for a in self.shown]
        self._add_rows(self.generation, 0, ids.index(current) if current in ids else 0)
        self._update_status(query)

    def _add_rows(self, generation: int, start: int, cursor: int) -> None:
        """Add the next chunk of rows, unless a newer refill has begun."""
        if generation != self.generation:
            return
        table = self.query_one(DataTable)
        chunk = FIRST_ROWS if start == 0 else MORE_ROWS
        keys = [key.value for key in table.columns]
        for a in self.shown[start : start + chunk]:
            cells = _cells(a)
            table.add_row(*(cells[key] for key in keys), key=str(a.id))
        end = start + chunk
        if start <= cursor < end and cursor:
            table.move_cursor(row=cursor, animate=False)
        if end < len(self.shown):
            self.call_after_refresh(self._add_rows, generation, end, cursor)

    def _update_status(self, query: str) -> None:
        unread = sum(not a.read for a in self.shown)
        status = f"{len(self.shown)} of {len(self.articles)} articles · {unread} unread · sorted by {self.sort}"
        if query:
            status += f" · filter: {query}"
        status += f" · {self.first_run_note}" if self.first_run_note else ""
        self.query_one("#status", Static).update(Text(status))

    def _current_id(self) -> int | None:
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row].id

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self.refill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter box goes back to the table."""
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row opens it."""
        self.action_open()

    def action_open(self) -> None:
        """Open the article under the cursor in the reader."""
        current = self._current_id()
        if current is None:
            return
        ids = [a.id for a in self.shown]
        self.app.push_screen(ReaderScreen(self.db_path, ids, ids.index(current)))

    def action_filter(self) -> None:
        """Show the filter box and type into it."""
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    def action_clear_filter(self) -> None:
        """Empty and hide the filter box."""
        box = self.query_one("#filter", Input)
        box.value = ""
        box.display = False
        self.query_one(DataTable).focus()

    def action_sort(self) -> None:
        """Cycle through the sort orders."""
        self.sort = store.SORTS[(store.SORTS.index(self.sort) + 1) % len(store.SORTS)]
        self.refill()

    def action_review(self) -> None:
        """Open the review screen over every claim."""
        self.app.push_screen(ReviewScreen(self.db_path))

    def action_indicators(self) -> None:
        """Open the indicators found across the library."""
        self.app.push_screen(IndicatorsScreen(self.db_path))

    def action_tags(self) -> None:
        """Manage the tags."""
        self.app.push_screen(TagsScreen(self.db_path))

    def action_import_files(self) -> None:
        """Import files or folders of the user's own (a path prompt with progress)."""
        from .dialogs.import_dialog import ImportDialog

        self.app.push_screen(ImportDialog(self.db_path))
