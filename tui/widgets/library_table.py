"""A virtual table: it draws only the rows on screen, asking its source for them a page at a time.

The library can hold 100,000 articles; a DataTable that holds every row
takes seconds to fill. This widget knows only the row count and a `fetch`
callable that returns the cells of rows [offset, offset + limit), so painting,
moving and sorting cost the same at 100 rows and at 100,000. Line 0 is the
column header, which stays put while the rows scroll under it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .columns import Columns, column_widths

Cells = dict[str, Text]
Row = tuple[int, Cells]  # (the row's key, e.g. an article id; its cells by column key)
Fetch = Callable[[int, int], Sequence[Row]]
PAGE = 64
GAP = 2


class LibraryTable(ScrollView, can_focus=True):
    """Rows fetched on demand; a row cursor; Enter selects."""

    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(-1)", "First row", show=False),
        Binding("end", "edge(1)", "Last row", show=False),
        Binding("enter", "select", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"library-table--header", "library-table--cursor", "library-table--even"}
    DEFAULT_CSS = """
    LibraryTable { height: 1fr; }
    LibraryTable > .library-table--header { text-style: bold; background: $panel; }
    LibraryTable > .library-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    LibraryTable:blur > .library-table--cursor { background: $block-cursor-blurred-background; text-style: none; }
    LibraryTable > .library-table--even { background: $surface-lighten-1 10%; }
    """

    cursor_row: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Highlighted(Message):
        """The cursor moved to `row`."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    class Selected(Message):
        """Enter (or a click on the cursor row) on `row`."""

        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: Columns = ()
        self._widths: list[tuple[str, str, int]] = []
        self.total = 0
        self._fetch: Fetch = lambda offset, limit: []
        self._pages: dict[int, Sequence[Row]] = {}

    @property
    def row_count(self) -> int:
        """How many rows the source has."""
        return self.total

    def set_columns(self, columns: Columns) -> None:
        """Set the columns (label, key, width: 0 flexible, -N left out when narrow)."""
        self.columns = columns
        self._fit()

    def set_source(self, total: int, fetch: Fetch, cursor: int = 0) -> None:
        """Show `total` rows read through `fetch`, with the cursor on row `cursor`."""
        self.total, self._fetch, self._pages = total, fetch, {}
        self._fit()
        self.cursor_row = max(0, min(cursor, total - 1))
        self._scroll_to_cursor(center=True)
        self.refresh()

    def row_key(self, index: int) -> int | None:
        """The key of row `index` (None past the end)."""
        found = self.row(index)
        return None if found is None else found[0]

    def row(self, index: int) -> Row | None:
        """Row `index`: its key and cells (fetched with its page if needed)."""
        if not 0 <= index < self.total:
            return None
        page = index // PAGE
        if page not in self._pages:
            if len(self._pages) > 64:
                self._pages.clear()
            self._pages[page] = self._fetch(page * PAGE, PAGE)
        rows = self._pages[page]
        return rows[index - page * PAGE] if index - page * PAGE < len(rows) else None

    def _fit(self) -> None:
        width = self.scrollable_content_region.width or self.app.size.width
        self._widths = column_widths(self.columns, width) if self.columns else []
        self.virtual_size = Size(width, self.total + 1)

    def on_resize(self, event: events.Resize) -> None:
        """Give the flexible column the width there is."""
        self._fit()
        self.refresh()

    # --- drawing ---------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """Line 0 is the header; line y > 0 shows row scroll_y + y - 1."""
        width = self.scrollable_content_region.width
        if y == 0:
            header = Text.assemble(*(self._cell(Text(label), w, key) for label, key, w in self._widths))
            return self._strip(header, width, self.get_component_rich_style("library-table--header"))
        index = int(self.scroll_offset.y) + y - 1
        row = self.row(index)
        if row is None:
            return Strip.blank(width, self.rich_style)
        cells = row[1]
        line = Text.assemble(*(self._cell(cells.get(key, Text()), w, key) for _, key, w in self._widths))
        if index == self.cursor_row:
            style = self.get_component_rich_style("library-table--cursor")
        elif index % 2:
            style = self.get_component_rich_style("library-table--even")
        else:
            style = Style()
        return self._strip(line, width, style)

    def _cell(self, text: Text, width: int, key: str) -> Text:
        """A cell cut or padded to `width` cells, then the gap."""
        cell = text.copy()
        cell.no_wrap = True
        cell.truncate(width, overflow="ellipsis")
        justify = cell.justify if cell.justify in ("right", "center") else "left"
        cell.align(justify, width)
        cell.append(" " * GAP)
        return cell

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        segments = [Segment(s.text, s.style) for s in text.render(self.app.console)]
        base = self.rich_style + style
        return Strip(segments).apply_style(base).extend_cell_length(width, base).crop(0, width)

    # --- the cursor --------------------------------------------------------------------------
    def watch_cursor_row(self, old: int, new: int) -> None:
        """Redraw the two rows and say where the cursor is."""
        self._refresh_row(old)
        self._refresh_row(new)
        self.post_message(self.Highlighted(new))

    def _refresh_row(self, index: int) -> None:
        y = index - int(self.scroll_offset.y) + 1
        if 0 < y < self.size.height:
            self.refresh_line(y)

    def move_cursor(self, row: int) -> None:
        """Put the cursor on `row` (clipped) and keep it on screen."""
        if self.total:
            self.cursor_row = max(0, min(row, self.total - 1))
            self._scroll_to_cursor()

    def _scroll_to_cursor(self, center: bool = False) -> None:
        rows = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_offset.y)
        if center and not top <= self.cursor_row < top + rows:
            self.scroll_to(y=max(self.cursor_row - rows // 2, 0), animate=False, immediate=True)
        elif self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows:
            self.scroll_to(y=self.cursor_row - rows + 1, animate=False, immediate=True)

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Scrolling redraws every row (the header stays)."""
        super().watch_scroll_y(old, new)
        self.refresh()

    def action_move(self, step: int) -> None:
        """Up/down (and k/j)."""
        self.move_cursor(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        """Page up/down."""
        self.move_cursor(self.cursor_row + step * max(self.scrollable_content_region.height - 2, 1))

    def action_edge(self, step: int) -> None:
        """Home/End."""
        self.move_cursor(0 if step < 0 else self.total - 1)

    def action_select(self) -> None:
        """Enter: select the cursor row."""
        if self.total:
            self.post_message(self.Selected(self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a click on the cursor row (or a double click) selects it."""
        index = int(self.scroll_offset.y) + event.y - 1
        if event.y < 1 or not 0 <= index < self.total:
            return
        if index == self.cursor_row or event.chain > 1:
            self.post_message(self.Selected(index))
        self.move_cursor(index)
