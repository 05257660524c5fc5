"""Help: every key of the screen it was opened from."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen):
    """A table of keys and what they do; any of ?, Esc, q closes it."""

    BINDINGS = [Binding("escape,question_mark,q", "close", "Close")]

    def __init__(self, title: str, keys: list[tuple[str, str]], notes: str = ""):
        super().__init__()
        self.help_title = title
        self.keys = keys
        self.notes = notes  # more help from the screen (e.g. its search language), plain text

    def compose(self) -> ComposeResult:
        """The screen's name and its keys."""
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for key, description in self.keys:
            table.add_row(Text(key), Text(description))
        with VerticalScroll(id="dialog"):
            yield Label(Text(f"Keys: {self.help_title}", style="bold"))
            yield Static(table)
            if self.notes:
                yield Static(Text(self.notes))
            yield Static(Text("? or Esc closes · Ctrl+P: command palette", style="dim"))

    def action_close(self) -> None:
        """Close help."""
        self.dismiss(None)
