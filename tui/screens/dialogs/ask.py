"""Asking for one line of text (a tag name, a colour, a key)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .... import store


class AskDialog(ModalScreen):
    """One input; Enter calls `save` (its ValueError is shown and the dialog stays), Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str, save: Callable[[str], object], hint: str = ""):
        super().__init__()
        self.question = question
        self.value = value
        self.save = save
        self.hint = hint

    def compose(self) -> ComposeResult:
        """Question, input, hint."""
        with Vertical(id="dialog"):
            yield Label(Text(self.question, style="bold"))
            yield Input(value=self.value, id="answer")
            yield Static(Text(self.hint or "Enter save · Esc cancel", style="dim"), id="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Save through `save`, then close; on a bad answer say why and stay."""
        try:
            result = self.save(event.value.strip())
        except (ValueError, store.DatabaseError) as error:
            self.query_one("#hint", Static).update(Text(str(error), style="bold red"))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
