"""A one-line choice of claim status: ←/→ (or h/l, space) cycle through the statuses."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget


class StatusPicker(Widget, can_focus=True):
    """Shows every status with the chosen one highlighted."""

    DEFAULT_CSS = """
    StatusPicker { height: 1; padding: 0 1; }
    StatusPicker:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("right,l,space", "step(1)", "Next status", show=False),
        Binding("left,h", "step(-1)", "Previous status", show=False),
    ]

    def __init__(self, statuses: tuple[str, ...], value: str, *, id: str | None = None):
        super().__init__(id=id)
        self.statuses = statuses
        self.value = value if value in statuses else statuses[0]

    def render(self) -> Text:
        """`Status: open  checking  true …` with the current one reversed."""
        line = Text("Status: ", style="bold")
        for status in self.statuses:
            line.append(f" {status} ", style="reverse bold" if status == self.value else "dim")
        return line

    def action_step(self, step: int) -> None:
        """Choose the next or previous status."""
        index = (self.statuses.index(self.value) + step) % len(self.statuses)
        self.value = self.statuses[index]
        self.refresh()
