"""What the library and review screens share: a table fitted to the width, j/k and Home/End."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input

from ..widgets.columns import Columns, set_columns


class TableScreen(Screen):
    """A screen built around one DataTable; subclasses set COLUMNS and implement `fill`."""

    COLUMNS: Columns = ()
    BINDINGS = [
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("home", "edge(-1)", "First row", show=False, priority=True),
        Binding("end", "edge(1)", "Last row", show=False, priority=True),
    ]
    table_width = 0

    def fill(self) -> None:
        """Put the rows into the table (again)."""
        raise NotImplementedError

    def fit_columns(self, width: int) -> None:
        """Set the table's columns for a screen `width` cells wide."""
        set_columns(self.query_one(DataTable), self.COLUMNS, width)
        self.table_width = width

    def on_resize(self) -> None:
        """Give the flexible column the width there is."""
        if self.size.width != self.table_width:
            self.fit_columns(self.size.width)
            self.fill()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Home/End belong to a text box while it has focus."""
        return not (action == "edge" and isinstance(self.focused, Input))

    def action_edge(self, step: int) -> None:
        """Home/End: first or last row."""
        table = self.query_one(DataTable)
        table.move_cursor(row=0 if step < 0 else table.row_count - 1, animate=False)

    def action_cursor(self, step: int) -> None:
        """j/k: move through the table."""
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()
