"""Selecting text in the article view: by sentence, by word, with the mouse.

A mix-in for `ArticleView`. `v` selects the cursor sentence; j/k grow the
selection by sentences; `w`/`b` move one end of it by a word (a figure is one
word, so `16.5亿元` is never cut) and `o` swaps which end moves, as in vim's
visual mode, so a clause inside a sentence can be selected by keyboard. A
double click selects the word under the pointer; dragging selects a range.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding

from ... import store
from .wrap import offset_at_cell

if TYPE_CHECKING:  # for the type checker the mix-in is the view it is mixed into
    from textual.scroll_view import ScrollView as _Host

    from .article_doc import ArticleDoc
else:
    _Host = object

GUTTER = 2


class SelectionMixin(_Host):
    """Selection state and the keys and mouse handlers that change it."""

    SELECTION_BINDINGS = [
        Binding("v", "select", "Select", tooltip="Select the sentence (again: drop the selection)"),
        Binding("o", "swap_end", "Swap selection end", show=False),
        Binding("w", "word(1)", "Move selection end +1 word", show=False),
        Binding("b", "word(-1)", "Move selection end -1 word", show=False),
    ]

    sel_anchor: tuple[int, int] | None
    selection: tuple[int, int] | None
    move_start: bool = False
    _dragging: int | None = None

    if TYPE_CHECKING:  # what the mix-in uses of `ArticleView`
        doc: ArticleDoc
        cursor: int

        def clear_selection(self) -> bool: ...
        def _set_cursor(self, unit: int) -> None: ...
        def _set_selection(self, selection: tuple[int, int] | None) -> None: ...
        def _show_span(self, start: int, end: int, center: bool = False) -> None: ...

    def action_select(self) -> None:
        """Start a selection at the cursor sentence, or drop the one there is."""
        if self.sel_anchor is not None or self.selection:
            self.clear_selection()
            return
        unit = self.doc.units[self.cursor]
        self.move_start = False
        self.sel_anchor = (unit.start, unit.end)
        self._set_selection((unit.start, unit.end))

    def action_swap_end(self) -> None:
        """Make the other end of the selection the one w/b move (vim's `o`)."""
        if self.selection is None:
            self.action_select()
            return
        self.move_start = not self.move_start
        self.notify(f"w/b now move the selection's {'start' if self.move_start else 'end'}.")

    def _word_bounds_near(self, offset: int) -> list[int]:
        """Word boundaries (article offsets) of the block holding `offset`; figures are one word."""
        block = self.doc.block_of_unit(self.doc.unit_at(offset))
        whole = [
            (max(f.start, block.start) - block.start, min(f.end, block.end) - block.start)
            for f in self.doc.figures
            if f.start < block.end and f.end > block.start
        ]
        return [block.start + b for b in store.word_bounds(block.text, whole)]

    def action_word(self, step: int) -> None:
        """Move the moving end of the selection by one word (starting a selection if needed)."""
        if self.selection is None:
            self.action_select()
        if self.selection is None:
            return
        start, end = self.selection
        moving = start if self.move_start else end
        bounds = self._word_bounds_near(max(moving - (0 if self.move_start else 1), 0))
        if step > 0:
            later = [b for b in bounds if b > moving and (not self.move_start or b < end)]
            moved = later[0] if later else moving
        else:
            earlier = [b for b in bounds if b < moving and (self.move_start or b > start)]
            moved = earlier[-1] if earlier else moving
        start, end = (moved, end) if self.move_start else (start, moved)
        self.sel_anchor = (end, end) if self.move_start else (start, start)
        self._set_selection((start, end))
        self._show_span(moved, moved + 1)

    def select_word_at(self, offset: int) -> None:
        """Select the word (or whole figure) at `offset`."""
        bounds = self._word_bounds_near(offset)
        start = max((b for b in bounds if b <= offset), default=offset)
        end = min((b for b in bounds if b > offset), default=offset + 1)
        self.move_start = False
        self.sel_anchor = (start, start)
        self._set_selection((start, end))

    # --- mouse -----------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the widget, or None."""
        number = y + int(self.scroll_offset.y)
        if not 0 <= number < len(self.doc.lines) or self.doc.lines[number].block < 0:
            return None
        line = self.doc.lines[number]
        return offset_at_cell(self.doc.article.text, line.start, line.end, max(x - GUTTER, 0))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Start a mouse selection."""
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        self._dragging = offset
        self.capture_mouse()
        self.sel_anchor = None
        self._set_selection(None)
        self._set_cursor(self.doc.unit_at(offset))

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """Extend the mouse selection."""
        if self._dragging is None:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is not None and offset != self._dragging:
            start, end = sorted((self._dragging, offset))
            self._set_selection((start, end + 1))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """Finish the mouse selection."""
        if self._dragging is not None:
            self._dragging = None
            self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        """A double click selects the word under the pointer."""
        if event.chain >= 2:
            offset = self.offset_at(event.x, event.y)
            if offset is not None:
                self.select_word_at(offset)
