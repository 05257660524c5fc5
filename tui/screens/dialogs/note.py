"""Editing a claim's note."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .... import store


class NoteDialog(ModalScreen):
    """A note field; Enter saves through `save` (before closing), Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, quote: str, note: str, save: Callable[[str], object]):
        super().__init__()
        self.quote = quote
        self.note = note
        self.save = save

    def compose(self) -> ComposeResult:
        """The quote and the note."""
        with Vertical(id="dialog"):
            yield Label(Text("Note", style="bold"))
            yield Static(Text(self.quote[:300], style="italic"))
            yield Input(value=self.note, id="note")
            yield Static(Text("Enter save · Esc cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save, then close; when the library cannot be written, say why and stay."""
        try:
            self.dismiss(self.save(event.value.strip()))
        except (ValueError, store.DatabaseError) as error:
            self.notify(str(error), severity="error", markup=False)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
