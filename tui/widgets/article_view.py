"""The article view: cleaned text drawn line by line, with a sentence cursor and a selection.

A `ScrollView` with the line API: the text is laid out once per width
(`ArticleDoc.layout`, at most MAX_WIDTH cells, about 40 Han characters, so
lines stay readable on a wide terminal), and only the lines a key press
changes are redrawn. Each line is built as Rich `Text` (never markup): block
styles, claim underlines, then the cursor sentence, the selection and find
matches as backgrounds from the theme, and the figure highlights on top, so a
figure keeps its colour in the sentence being read.
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

from ... import store
from ..styles import block_style, figure_style, themed
from .article_doc import ArticleDoc, Line
from .article_find import FindMixin
from .article_select import GUTTER, SelectionMixin
from .check_panel import SUGGESTION_STYLE

MAX_WIDTH = 80  # cells of text per line: about 40 Han characters
CURRENT_FIGURE = Style(bold=True, underline=True)


class ArticleView(FindMixin, SelectionMixin, ScrollView, can_focus=True):
    """Draws an `ArticleDoc` and moves a cursor over its sentences."""

    COMPONENT_CLASSES = {
        "article-view--cursor",
        "article-view--selection",
        "article-view--match",
        "article-view--current-match",
    }
    DEFAULT_CSS = """
    ArticleView > .article-view--cursor { background: $foreground 14%; }
    ArticleView > .article-view--selection { background: $primary 45%; }
    ArticleView > .article-view--match { background: $warning 35%; }
    ArticleView > .article-view--current-match { background: $warning 80%; text-style: bold; }
    """

    BINDINGS = [
        Binding("j,down", "move(1)", "Next sentence", show=False),
        Binding("k,up", "move(-1)", "Previous sentence", show=False),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", key_display="}", show=False),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", key_display="{", show=False),
        Binding("n", "find_step(1)", "Match", tooltip="Next match of the find"),
        Binding("N", "find_step(-1)", "Previous match", key_display="N", show=False),
        Binding("n", "figure(1)", "Figure", tooltip="Next figure"),
        Binding("N", "figure(-1)", "Previous figure", key_display="N", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(-1)", "First sentence", show=False),
        Binding("end", "edge(1)", "Last sentence", show=False),
        *SelectionMixin.SELECTION_BINDINGS,
    ]

    @dataclass
    class Moved(Message):
        """The cursor, the selection, the current figure or the find matches changed."""

        view: ArticleView

    def __init__(self, doc: ArticleDoc, *, id: str | None = None):
        super().__init__(id=id)
        self.doc = doc
        self.cursor = 0
        self.sel_anchor: tuple[int, int] | None = None
        self.selection: tuple[int, int] | None = None
        self.figure: store.Figure | None = None
        self.matches: list[tuple[int, int]] = []
        self.match: int | None = None
        self._block_text: dict[int, Text] = {}
        self._dragging: int | None = None

    def on_mount(self) -> None:
        """Redraw in the new colours when the theme changes."""
        self.watch(self.app, "theme", self._theme_changed, init=False)

    def _theme_changed(self) -> None:
        self._block_text.clear()
        self.refresh()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n/N step through find matches while a find is active, else through figures."""
        if action == "find_step":
            return bool(self.matches)
        if action == "figure":
            return not self.matches
        return True

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
        width = min(max(self.scrollable_content_region.width - GUTTER, 10), MAX_WIDTH)
        self.doc.layout(width)
        self.virtual_size = Size(width + GUTTER, len(self.doc.lines))
        self.refresh()

    def _styled_block(self, index: int) -> Text:
        """A block's text in its kind's style (fitted to the theme) with claims underlined in their tag's colour."""
        if index in self._block_text:
            return self._block_text[index]
        dark = self.app.current_theme.dark
        block = self.doc.article.blocks[index]
        text = Text(block.text, style=themed(block_style(block.kind), dark), end="")
        for start, end in self.doc.suggested:
            if start < block.end and end > block.start:
                text.stylize(themed(SUGGESTION_STYLE, dark), *self._local(block, start, end))
        for mark in self.doc.marks_at(block.start, block.end):
            style = themed(Style(underline=True, color=mark.color), dark)
            text.stylize(style, *self._local(block, mark.start, mark.end))
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

    def _background(self, name: str) -> Style:
        """Only the background of a component style (text keeps its own colour)."""
        style = self.get_component_rich_style(f"article-view--{name}")
        return Style(bgcolor=style.bgcolor, bold=style.bold)

    def _overlays(self, start: int = 0, end: int | None = None) -> list[tuple[tuple[int, int] | None, Style]]:
        """Spans drawn over the text, lowest first: cursor, selection, matches, figures, current figure.

        Figures are those that reach into [start, end) (all without `end`).
        """
        unit = self.doc.units[self.cursor] if self.doc.units else None
        spans: list[tuple[tuple[int, int] | None, Style]] = [
            ((unit.start, unit.end) if unit else None, self._background("cursor")),
            (self.selection, self._background("selection")),
        ]
        spans += [(m, self._background("match")) for m in self.matches]
        if self.match is not None:
            spans.append((self.matches[self.match], self._background("current-match")))
        spans += [
            ((f.start, f.end), figure_style(f.kind))
            for f in self.doc.figures
            if end is None or (f.start < end and f.end > start)
        ]
        if self.figure:
            spans.append(((self.figure.start, self.figure.end), CURRENT_FIGURE))
        return spans

    def _line_text(self, line: Line) -> Text:
        """The text of one line with the cursor, selection, matches and figures shown."""
        block = self.doc.article.blocks[line.block]
        text = self._styled_block(line.block)[line.start - block.start : line.end - block.start]
        for span, style in self._overlays(line.start, line.end):
            if span and span[0] < line.end and span[1] > line.start:
                text.stylize(style, max(span[0], line.start) - line.start, min(span[1], line.end) - line.start)
        return text

    def _gutter(self, line: Line) -> Text:
        """A claim bar in its tag's colour, then a cursor pointer.

        Built by appending styled pieces to an unstyled Text: a Text made with
        a style would lend that style (the tag's colour) to the whole line.
        """
        marks = self.doc.marks_at(line.start, line.end)
        unit = self.doc.units[self.cursor] if self.doc.units else None
        on_cursor = unit is not None and unit.start < line.end and unit.end > line.start
        gutter = Text()
        if marks:
            gutter.append("▌", style=themed(Style(color=marks[0].color), self.app.current_theme.dark))
        else:
            gutter.append(" ")
        gutter.append("›" if on_cursor else " ", style="bold")
        return gutter

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
        """Move to the next or previous figure and make it current; say so when it wraps around."""
        figures = self.doc.figures
        if not figures:
            self.notify("No figures in this article.")
            return
        here = self.figure.start if self.figure else self.doc.units[self.cursor].start - (1 if step > 0 else 0)
        ahead = [f for f in figures if f.start > here] if step > 0 else [f for f in figures if f.start < here]
        if ahead:
            target = ahead[0] if step > 0 else ahead[-1]
        else:
            target = figures[0] if step > 0 else figures[-1]
            self.notify(f"Wrapped to the {'first' if step > 0 else 'last'} figure.")
        self._set_cursor(self.doc.unit_at(target.start))
        self._set_figure(target)
        self._show_span(target.start, target.end)
        self.post_message(self.Moved(self))

    @property
    def figure_number(self) -> tuple[int, int] | None:
        """(n, of) for the current figure: 'figure 3/17'."""
        if self.figure is None or self.figure not in self.doc.figures:
            return None
        return self.doc.figures.index(self.figure) + 1, len(self.doc.figures)

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
