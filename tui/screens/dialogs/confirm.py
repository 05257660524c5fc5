"""A yes/no question."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class ConfirmDialog(ModalScreen[bool]):
    """Ask a question; y/Enter answers yes, n/Esc no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, detail: str = ""):
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        """The question, what it is about, and the keys."""
        with Vertical(id="dialog"):
            yield Label(Text(self.question, style="bold"))
            if self.detail:
                yield Static(Text(self.detail, style="italic"))
            yield Static(Text("y: yes   n/Esc: no", style="dim"))

    def action_answer(self, yes: bool) -> None:
        """Close with the answer."""
        self.dismiss(yes)
