"""The library screen: every article in a table, navigable from the keyboard."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

import store


class LibraryScreen(Screen):
    """A table of articles: title, source file, length."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, db_path: str):
        super().__init__()
        self.db_path = db_path
        self.articles: list[store.ArticleSummary] = []

    def compose(self) -> ComposeResult:
        """Header, the article table, a status line, the key footer."""
        yield Header()
        yield DataTable(id="library", cursor_type="row", zebra_stripes=True)
        yield Static(Content("Loading the library…"), id="status")
        yield Footer()

    def on_mount(self) -> None:
        """Set up the columns and load the articles in a worker."""
        table = self.query_one(DataTable)
        table.add_column("Title", key="title")
        table.add_column("Source", key="source")
        table.add_column("Chars", key="chars")
        table.focus()
        self.load_library()

    @work(thread=True, exclusive=True)
    def load_library(self) -> None:
        """Import the bundled articles into an empty library, then read the list."""
        db = store.open_db(self.db_path)
        try:
            report = store.import_seeds_if_empty(db)
            articles = store.list_articles(db)
        finally:
            db.close()
        self.app.call_from_thread(self.show_articles, articles, report)

    def show_articles(self, articles: list[store.ArticleSummary], report: store.ImportReport | None) -> None:
        """Fill the table; say so when the sample articles were just imported."""
        self.articles = articles
        table = self.query_one(DataTable)
        table.clear()
        for article in articles:
            table.add_row(
                Text(article.title), Text(article.source), Text(f"{article.chars:,}", justify="right"),
                key=str(article.id),
            )
        status = f"{len(articles)} articles"
        if report is not None:
            status = f"First run: imported the {report.articles} bundled sample articles. " + status
            self.notify(f"Imported {report.articles} sample articles from {report.files} files.")
        self.query_one("#status", Static).update(Content(status))

    def action_cursor_down(self) -> None:
        """Move to the next article."""
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Move to the previous article."""
        self.query_one(DataTable).action_cursor_up()
