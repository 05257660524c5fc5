"""The library screen: a virtual table of articles, searched as you type, sorted by key.

The table asks the store for the rows on screen only (a windowed query per
sort order), so the library opens, sorts and moves as fast at 100,000
articles as at 100. `/` runs the query language (words in titles and text,
filters such as kind:money or date:2024-03) in a worker a moment after the
last keystroke; Enter opens the article with the matched words highlighted.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Static

if TYPE_CHECKING:
    from sqlite_utils import Database

from ... import store
from ..search_help import QUERY_HELP
from ..widgets.library_rows import cells, columns
from ..widgets.library_table import LibraryTable
from .indicators import IndicatorsScreen
from .reader import ReaderScreen
from .review import ReviewScreen
from .tags import TagsScreen

DEBOUNCE = 0.15  # seconds of quiet typing before a search runs
FIRST_RUN_TOAST = 6  # seconds
MOVING_SORTS = ("unread", "claims")  # orders that reading or tagging an article can change


class LibraryScreen(Screen):
    """Every article: unread marker, title, keywords, source, date, length, figures, claims."""

    HELP_NOTES = QUERY_HELP

    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("slash", "filter", "Search", key_display="/"),
        Binding("s", "sort", "Sort"),
        Binding("c", "review", "Claims"),
        Binding("T", "tags", "Tags", key_display="T"),
        Binding("i", "import_files", "Import"),
        Binding("I", "indicators", "Indicators", key_display="I", show=False),
        Binding("escape", "clear_filter", "Clear search", show=False),
    ]

    def __init__(self, db_path: str, query: str = ""):
        super().__init__()
        self.db_path = db_path
        self.db = store.open_db(db_path)
        self.sort = store.SORTS[0]
        self.library_sort = self.sort  # the order to go back to when a search is cleared
        self.first_run_note = ""
        self.note = ""
        self.query_text = query
        self.found: list[int] | None = None  # ids matching the search, in order; None: no search
        self.reader: ReaderScreen | None = None
        self._timer: Timer | None = None
        self._dates = False
        self._total: int | None = None  # rows of the library as last counted
        self._search_lock = threading.Lock()
        self._search_db: Database | None = None  # opened by the first search, in its worker

    def compose(self) -> ComposeResult:
        """Header, search box, the article table, a status line, the key footer."""
        yield Header()
        yield Input(
            self.query_text, placeholder="Search: words, kind:money value>=10亿, date:2024-03, tag:数据 …", id="filter"
        )
        yield LibraryTable(id="library")
        yield Static(Text("Loading the library…"), id="status")
        yield Footer()

    def on_unmount(self) -> None:
        """Close this screen's database connections."""
        self.db.close()
        with self._search_lock:
            if self._search_db is not None:
                self._search_db.close()

    def on_mount(self) -> None:
        """Paint the first rows at once; import the samples or catch up the index in a worker."""
        self.query_one("#filter", Input).display = bool(self.query_text)
        self.query_one(LibraryTable).focus()
        self.run_worker(store.warm_search, thread=True, group="warm")
        if store.library_count(self.db) == 0:
            self.prepare_library()
        else:
            self.show_rows()
            if self.query_text:
                self.run_search(self.query_text, self.sort)
            if store.search_pending(self.db):
                self.prepare_library()

    def on_screen_resume(self) -> None:
        """Back from the reader: counts and read markers changed; the cursor goes to the article read last."""
        reader, self.reader = self.reader, None
        if reader is None:
            self.show_rows()
            return
        article = reader.article_ids[reader.index]
        if self.found is None and self.sort in MOVING_SORTS:  # reading moved it: look it up
            self.show_rows(article)
        else:
            self.show_rows(position=reader.index)

    def on_resize(self) -> None:
        """Columns fitted to the new width."""
        self._set_columns()

    # --- loading ------------------------------------------------------------------------
    @work(thread=True, exclusive=True, group="prepare")
    def prepare_library(self) -> None:
        """Import the bundled articles into an empty library; index articles the search lacks.

        A library that is locked, read-only or damaged is said in a message, never a crash.
        """
        try:
            db = store.open_db(self.db_path)
            try:
                report = store.import_seeds_if_empty(db)
                if report is not None:
                    self.app.call_from_thread(self._imported, report)
                store.reindex_search(
                    db,
                    progress=lambda done, total: self.app.call_from_thread(
                        self._say, f"indexing for search: {done:,} of {total:,} articles"
                    ),
                )
            finally:
                db.close()
        except store.DatabaseError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", timeout=30)
            return
        self.app.call_from_thread(self._prepared)

    def _imported(self, report: store.ImportReport) -> None:
        self.first_run_note = f"first run: imported the {report.articles} bundled sample articles · i: import yours"
        self.notify(  # briefly: the status line keeps saying it, and the toast covers the top rows
            f"Imported {report.articles} sample articles. Press i to import your own .txt/.md files.",
            timeout=FIRST_RUN_TOAST,
        )

    def _say(self, note: str) -> None:
        self.note = note
        self._update_status()

    def _prepared(self) -> None:
        self.note = ""
        self.show_rows()

    def _set_columns(self) -> None:
        self.query_one(LibraryTable).set_columns(columns(self.app.size.width, self._dates))

    def show_rows(self, article: int | None = None, position: int | None = None, recount: bool = True) -> None:
        """Point the table at the library (or the search results) with the cursor on `article`.

        Without an article the cursor stays on the row it was on (`position`
        when given); finding an article's row in a sort order costs a walk of
        the whole order, so only a return from the reader asks for it.
        A new sort order of the same rows (`recount` False) counts nothing again.
        """
        table = self.query_one(LibraryTable)
        current = article
        if recount:
            self._dates = store.library_has_dates(self.db)
            self._set_columns()
        if self.found is None:
            self.sort = self.sort if self.sort in store.SORTS else self.library_sort
            if current is not None:
                cursor = self._position(current)
            else:
                cursor = table.cursor_row if position is None else position
            total = store.library_count(self.db) if recount or self._total is None else self._total
            self._total = total
            table.set_source(total, self._window(self.sort, total), cursor)
        else:
            cursor = self.found.index(current) if current in self.found else position or 0
            table.set_source(len(self.found), self._results(self.found), cursor)
        self._update_status()

    def _window(self, sort: str, total: int):
        """Rows of the library in `sort` order, a window at a time."""
        return lambda offset, limit: [cells(a) for a in store.library_window(self.db, sort, offset, limit, total)]

    def _results(self, found: list[int]):
        """Rows of search results, a window at a time."""
        return lambda offset, limit: [cells(a) for a in store.articles_by_ids(self.db, found[offset : offset + limit])]

    def _position(self, article: int | None) -> int:
        """Where an article stands in the current order (0 when unknown)."""
        if article is None:
            return 0
        ids = store.library_ids(self.db, self.sort)
        return ids.index(article) if article in ids else 0

    def _current_id(self) -> int | None:
        table = self.query_one(LibraryTable)
        return table.row_key(table.cursor_row)

    def _update_status(self) -> None:
        table = self.query_one(LibraryTable)
        parts = [f"{table.row_count:,} article{'s' * (table.row_count != 1)}", f"sorted by {self.sort}"]
        if self.found is not None:
            parts.insert(0, f"search: {self.query_text}")
        parts += [note for note in (self.note, self.first_run_note) if note]
        self.query_one("#status", Static).update(Text(" · ".join(parts)))

    # --- search -------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        """Search a moment after the last keystroke, in a worker."""
        if event.value == self.query_text:
            return
        if self._timer is not None:
            self._timer.stop()
        self.query_text = event.value
        if self.found is None and event.value.strip() and self.sort in store.SORTS:
            self.library_sort, self.sort = self.sort, "relevance"  # the library's order comes back after
        self._timer = self.set_timer(DEBOUNCE, lambda: self.run_search(event.value, self.sort))

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str, sort: str) -> None:
        """Run a query on the search connection and hand the ids back (or the reason it cannot run).

        One connection serves every search, one at a time, so the index's
        pages stay warm between keystrokes; a search for text the box no
        longer holds is skipped.
        """
        if not text.strip():
            self.app.call_from_thread(self._show_found, text, None, "")
            return
        with self._search_lock:
            if text != self.query_text:
                return
            if self._search_db is None:
                self._search_db = store.open_db(self.db_path)
            try:
                ids = store.search_ids(self._search_db, text)
                if sort in store.SORTS:
                    ids = store.sort_ids(self._search_db, ids, sort)
            except store.QueryError as error:
                self.app.call_from_thread(self._show_found, text, None, str(error))
                return
        self.app.call_from_thread(self._show_found, text, ids, "")

    def _show_found(self, text: str, ids: list[int] | None, error: str) -> None:
        """Show the results of the search for `text`, unless the box says something else by now."""
        if text != self.query_text:
            return
        self.note = error
        if ids is None and error:
            self._update_status()
            return
        self.found = ids
        self.show_rows()
        self.query_one(LibraryTable).move_cursor(0)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the search box goes to the table."""
        self.query_one(LibraryTable).focus()

    def on_library_table_selected(self, event: LibraryTable.Selected) -> None:
        """Enter on a row opens it."""
        self.action_open()

    def action_open(self) -> None:
        """Open the article under the cursor, the library's order behind ] and [."""
        table = self.query_one(LibraryTable)
        if not table.row_count:
            return
        ids: Sequence[int]
        if self.found is not None:
            ids = self.found
        elif self.sort in MOVING_SORTS:  # reading changes these orders: keep the one the user saw
            ids = store.library_ids(self.db, self.sort)
        else:
            ids = store.LibraryOrder(self.db, self.sort)
        words = tuple(store.query_words_of(self.query_text)) if self.found is not None else ()
        self.reader = ReaderScreen(self.db_path, ids, min(table.cursor_row, len(ids) - 1), find=words)
        self.app.push_screen(self.reader, self._reader_closed)

    def _reader_closed(self, result: int | str | None) -> None:
        """The reader closes with the article it showed (the cursor goes there, see on_screen_resume)
        or with a keyword chosen in its panel: then search the library for it."""
        if isinstance(result, str) and result:
            keyword = result
            self.action_filter()
            self.query_one("#filter", Input).value = keyword

    def action_filter(self) -> None:
        """Show the search box and type into it."""
        box = self.query_one("#filter", Input)
        box.display = True
        box.focus()

    def action_clear_filter(self) -> None:
        """Empty and hide the search box; the whole library again."""
        box = self.query_one("#filter", Input)
        article = self._current_id() if self.found else None
        self.query_text, self.found, self.note = "", None, ""
        box.value = ""
        box.display = False
        self.sort = self.sort if self.sort in store.SORTS else self.library_sort
        self.show_rows(article, position=0)
        self.query_one(LibraryTable).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Clear search shows only while there is one."""
        if action == "clear_filter":
            return bool(self.query_text or self.found is not None) or None
        return True

    def action_sort(self) -> None:
        """Cycle through the sort orders (search results: relevance first)."""
        sorts = store.SORTS if self.found is None else ("relevance", *store.SORTS)
        self.sort = sorts[(sorts.index(self.sort) + 1) % len(sorts)] if self.sort in sorts else sorts[0]
        if self.found is None:
            self.show_rows(position=0, recount=False)
        else:
            self.run_search(self.query_text, self.sort)

    def action_review(self) -> None:
        """Open the review screen over every claim."""
        self.app.push_screen(ReviewScreen(self.db_path))

    def action_indicators(self) -> None:
        """Open the indicators found across the library."""
        self.app.push_screen(IndicatorsScreen(self.db_path))

    def action_import_files(self) -> None:
        """Import files or folders of the user's own (a path prompt with progress)."""
        from .dialogs.import_dialog import ImportDialog

        self.app.push_screen(ImportDialog(self.db_path))

    def action_tags(self) -> None:
        """Manage the tags."""
        self.app.push_screen(TagsScreen(self.db_path))
