"""The hecha Textual app: its screens, styles and global keys."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

import store
from store.segment import quiet_jieba

from .screens.library import LibraryScreen


class HechaApp(App):
    """Browse the library of articles from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "hecha 核查"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit")]

    def __init__(self, db_path: str | Path | None = None):
        super().__init__()
        self.db_path = str(db_path) if db_path else str(store.default_db_path())

    def on_mount(self) -> None:
        """Open on the library."""
        self.push_screen(LibraryScreen(self.db_path))


def run_app(db_path: str | None = None) -> int:
    """Run the app; return the process exit code."""
    quiet_jieba()
    try:
        store.open_db(db_path).close()
    except store.DatabaseError as error:
        print(f"hecha: {error}")
        return 2
    HechaApp(db_path).run()
    return 0
