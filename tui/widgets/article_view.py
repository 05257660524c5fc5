"""The article view: cleaned text drawn line by line, with a sentence cursor and a selection.

A `ScrollView` with the line API: the text is laid out once per width
(`ArticleDoc.layout`), and only the lines a key press changes are redrawn, so
moving the cursor stays fast on long articles. Each line is built as Rich
`Text` (never markup) with block styles, figure highlights, claim underlines,
the cursor sentence and the selection.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from hecha import store

from ..styles import block_style, figure_style
from .article_doc import ArticleDoc, Line
from .wrap import offset_at_cell

GUTTER = 2
CURSOR = Style(bgcolor="grey27")
SELECTION = Style(bgcolor="#005f87", color="white")
CURRENT_FIGURE = Style(reverse=True, bold=True)
FOUND = Style(bgcolor="#5f5f00", color="#ffff87", bold=True)  # words a library search matched


class ArticleView(ScrollView, can_focus=True):
    """Draws an `ArticleDoc` and moves a cursor over its sentences."""

    BINDINGS = [
        Binding("j,down", "move(1)", "Next sentence", show=False),
        Binding("k,up", "move(-1)", "Previous sentence", show=False),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", show=False),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", show=False),
        Binding("n", "figure(1)", "Next figure"),
        Binding("N", "figure(-1)", "Previous figure", key_display="N", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(-1)", "Start", show=False),
        Binding("end", "edge(1)", "End", show=False),
        Binding("v", "select", "Select"),
        Binding("w", "word(1)", "Selection end +1 word", show=False),
        Binding("b", "word(-1)", "Selection end -1 word", show=False),
    ]

    @dataclass
    class Moved(Message):
        """The cursor, the selection or the current figure changed."""

        view: ArticleView

    def __init__(self, doc: ArticleDoc, *, id: str | None = None):
        super().__init__(id=id)
        self.doc = doc
        self.cursor = 0
        self.sel_anchor: tuple[int, int] | None = None
        self.selection: tuple[int, int] | None = None
        self.figure: store.Figure | None = None
        self._block_text: dict[int, Text] = {}
        self._dragging: int | None = None

    # --- model -----------------------------------------------------------

    def set_doc(self, doc: ArticleDoc) -> None:
        """Show another state of the article (e.g. after claims changed), keeping the cursor."""
        offset = self.doc.units[self.cursor].start if self.doc.units else 0
        self.doc = doc
        self._block_text.clear()
        self._relayout()
        self.cursor = doc.unit_at(offset) if doc.units else 0
        self.refresh()

    @property
    def span(self) -> tuple[int, int]:
        """The selection, or the cursor sentence when nothing is selected."""
        if self.selection:
            return self.selection
        unit = self.doc.units[self.cursor]
        return unit.start, unit.end

    def go_to(self, start: int, end: int | None = None, select: bool = False) -> None:
        """Put the cursor on the sentence at `start`; select [start, end) if asked."""
        self._set_cursor(self.doc.unit_at(start))
        if select and end is not None:
            self.sel_anchor = (start, end)
            self._set_selection((start, end))
        self._show_span(start, end or self.doc.units[self.cursor].end, center=True)

    def show_figure(self, start: int) -> None:
        """Make the figure that starts at `start` the current one, with the cursor on its sentence."""
        figure = next((f for f in self.doc.figures if f.start == start), None)
        if figure is not None:
            self._set_cursor(self.doc.unit_at(figure.start))
            self._set_figure(figure)
            self._show_span(figure.start, figure.end, center=True)
            self.post_message(self.Moved(self))

    def clear_selection(self) -> bool:
        """Drop the selection; return whether there was one."""
        had = self.selection is not None
        self.sel_anchor = None
        self._set_selection(None)
        return had

    # --- layout and drawing ---------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Lay the text out again for the new width."""
        self._relayout()

    def _relayout(self) -> None:
        width = max(self.scrollable_content_region.width - GUTTER, 10)
        self.doc.layout(width)
        self.virtual_size = Size(width + GUTTER, len(self.doc.lines))
        self.refresh()

    def _styled_block(self, index: int) -> Text:
        """A block's text with its kind's style, claim underlines and figure highlights."""
        if index in self._block_text:
            return self._block_text[index]
        block = self.doc.article.blocks[index]
        text = Text(block.text, style=block_style(block.kind), end="")
        for mark in self.doc.marks_at(block.start, block.end):
            text.stylize(Style(underline=True, color=mark.color), *self._local(block, mark.start, mark.end))
        for figure in self.doc.figures:
            if figure.start < block.end and figure.end > block.start:
                text.stylize(figure_style(figure.kind), *self._local(block, figure.start, figure.end))
        for start, end in self.doc.found:
            if start < block.end and end > block.start:
                text.stylize(FOUND, *self._local(block, start, end))
        self._block_text[index] = text
        return text

    @staticmethod
    def _local(block: store.BlockView, start: int, end: int) -> tuple[int, int]:
        """Article offsets made relative to a block, clipped to it."""
        return max(start, block.start) - block.start, min(end, block.end) - block.start

    def render_line(self, y: int) -> Strip:
        """Draw screen line `y`."""
        number = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if number >= len(self.doc.lines) or self.doc.lines[number].block < 0:
            return Strip.blank(width, self.rich_style)
        line = self.doc.lines[number]
        text = self._gutter(line) + self._line_text(line)
        segments = [Segment(s.text, s.style) for s in text.render(self.app.console)]
        return Strip(segments).extend_cell_length(width).crop(0, width).apply_style(self.rich_style)

    def _line_text(self, line: Line) -> Text:
        """The text of one line with the cursor, selection and current figure shown."""
        block = self.doc.article.blocks[line.block]
        text = self._styled_block(line.block)[line.start - block.start : line.end - block.start]
        unit = self.doc.units[self.cursor] if self.doc.units else None
        for span, style in (
            ((unit.start, unit.end) if unit else None, CURSOR),
            (self.selection, SELECTION),
            ((self.figure.start, self.figure.end) if self.figure else None, CURRENT_FIGURE),
        ):
            if span and span[0] < line.end and span[1] > line.start:
                text.stylize(style, max(span[0], line.start) - line.start, min(span[1], line.end) - line.start)
        return text

    def _gutter(self, line: Line) -> Text:
        """A claim bar in its tag's colour, then a cursor pointer."""
        marks = self.doc.marks_at(line.start, line.end)
        bar = Text("▌", style=Style(color=marks[0].color)) if marks else Text(" ")
        unit = self.doc.units[self.cursor] if self.doc.units else None
        on_cursor = unit is not None and unit.start < line.end and unit.end > line.start
        return bar + Text("›" if on_cursor else " ", style="bold")

    def _refresh_span(self, span: tuple[int, int] | None) -> None:
        """Redraw the lines a range covers."""
        if span and self.doc.lines:
            first, last = self.doc.lines_of(*span)
            self.refresh_lines(first, last - first + 1)

    # --- cursor and selection ------------------------------------------

    def _set_cursor(self, unit: int) -> None:
        if not self.doc.units:
            return
        unit = min(max(unit, 0), len(self.doc.units) - 1)
        old = self.doc.units[self.cursor]
        self.cursor = unit
        new = self.doc.units[unit]
        self._refresh_span((old.start, old.end))
        self._refresh_span((new.start, new.end))
        if self.figure and not (new.start <= self.figure.start < new.end):
            self._set_figure(None)
        if self.sel_anchor is not None:
            self._set_selection((min(self.sel_anchor[0], new.start), max(self.sel_anchor[1], new.end)))
        self._show_span(new.start, new.end)
        self.post_message(self.Moved(self))

    def _set_selection(self, selection: tuple[int, int] | None) -> None:
        old, self.selection = self.selection, selection
        self._refresh_span(old)
        self._refresh_span(selection)
        self.post_message(self.Moved(self))

    def _set_figure(self, figure: store.Figure | None) -> None:
        old, self.figure = self.figure, figure
        for f in (old, figure):
            if f:
                self._refresh_span((f.start, f.end))

    def _show_span(self, start: int, end: int, center: bool = False) -> None:
        if not self.doc.lines:
            return
        first, last = self.doc.lines_of(start, end)
        region = Region(0, first, 1, last - first + 1)
        self.scroll_to_region(region, animate=False, center=center, immediate=True, x_axis=False)

    def action_move(self, step: int) -> None:
        """Next or previous sentence."""
        self._set_cursor(self.cursor + step)

    def action_paragraph(self, step: int) -> None:
        """First sentence of the next or previous block."""
        units = self.doc.units
        block = units[self.cursor].block
        index = self.cursor
        if step > 0:
            while index < len(units) - 1 and units[index].block == block:
                index += 1
        else:
            while index > 0 and units[index - 1].block == block:
                index -= 1
            if index == self.cursor and index > 0:
                index -= 1
                while index > 0 and units[index - 1].block == units[index].block:
                    index -= 1
        self._set_cursor(index)

    def action_figure(self, step: int) -> None:
        """Move to the next or previous figure and make it current."""
        figures = self.doc.figures
        if not figures:
            return
        here = self.figure.start if self.figure else self.doc.units[self.cursor].start - (1 if step > 0 else 0)
        if step > 0:
            later = [f for f in figures if f.start > here]
            target = later[0] if later else figures[0]
        else:
            earlier = [f for f in figures if f.start < here]
            target = earlier[-1] if earlier else figures[-1]
        self._set_cursor(self.doc.unit_at(target.start))
        self._set_figure(target)
        self._show_span(target.start, target.end)
        self.post_message(self.Moved(self))

    def action_page(self, step: int) -> None:
        """Move the cursor a screen up or down."""
        line = self.doc.line_of(self.doc.units[self.cursor].start) + step * max(self.size.height - 2, 1)
        line = min(max(line, 0), len(self.doc.lines) - 1)
        while self.doc.lines[line].block < 0 and line > 0:
            line -= 1
        self._set_cursor(self.doc.unit_at(self.doc.lines[line].start))

    def action_edge(self, step: int) -> None:
        """First or last sentence."""
        self._set_cursor(0 if step < 0 else len(self.doc.units) - 1)

    def action_select(self) -> None:
        """Start a selection at the cursor sentence, or drop the one there is."""
        if self.sel_anchor is not None or self.selection:
            self.clear_selection()
            return
        unit = self.doc.units[self.cursor]
        self.sel_anchor = (unit.start, unit.end)
        self._set_selection((unit.start, unit.end))

    def action_word(self, step: int) -> None:
        """Move the end of the selection by one word (starting a selection if needed)."""
        if self.selection is None:
            self.action_select()
        start, end = self.selection
        block = self.doc.block_of_unit(self.doc.unit_at(max(start, end - 1)))
        bounds = [block.start + b for b in store.word_bounds(block.text)]
        if step > 0:
            later = [b for b in bounds if b > end]
            new_end = later[0] if later else end
        else:
            earlier = [b for b in bounds if start < b < end]
            new_end = earlier[-1] if earlier else end
        self.sel_anchor = (start, start)
        self._set_selection((start, new_end))
        self._show_span(start, new_end)

    # --- mouse -----------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under a point of the widget, or None."""
        number = y + int(self.scroll_offset.y)
        if not 0 <= number < len(self.doc.lines) or self.doc.lines[number].block < 0:
            return None
        line = self.doc.lines[number]
        text = self.doc.article.text
        return offset_at_cell(text, line.start, line.end, max(x - GUTTER, 0))

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
