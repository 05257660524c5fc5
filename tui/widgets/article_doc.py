"""The reader's model of an article: blocks, cursor units, figures, claims and screen lines.

It knows nothing of Textual. `ArticleDoc` holds what the store returned and
lays the blocks out into screen lines for a width; `ArticleView` draws it.
Offsets everywhere are character offsets into the article's cleaned text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ... import store
from .wrap import wrap

# Blocks whose sentences are cursor stops; other blocks are one stop each.
SENTENCE_KINDS = ("paragraph", "caption", "fragment")


@dataclass(frozen=True)
class Line:
    """One screen line: a range of a block, or a blank separator (block = -1)."""

    block: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Unit:
    """A cursor stop: a sentence, or a whole short block."""

    start: int
    end: int
    block: int


@dataclass(frozen=True)
class Mark:
    """A claim as drawn: its span and the colour of its first tag."""

    id: str
    start: int
    end: int
    color: str
    tags: tuple[str, ...] = ()


@dataclass
class ArticleDoc:
    """An article ready to draw and navigate."""

    article: store.ArticleView
    figures: list[store.Figure] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    width: int = 0
    suggested: list[tuple[int, int]] = field(default_factory=list)  # suggested claims, drawn faintly

    def __post_init__(self) -> None:
        self.units = self._units()
        self._unit_starts = [u.start for u in self.units]
        self._text_lines: list[int] = []
        self._line_starts: list[int] = []

    def _units(self) -> list[Unit]:
        """Cursor stops in reading order."""
        units: list[Unit] = []
        for index, block in enumerate(self.article.blocks):
            if block.kind in SENTENCE_KINDS:
                for start, end in store.sentence_spans(block.text):
                    units.append(Unit(block.start + start, block.start + end, index))
            else:
                units.append(Unit(block.start, block.end, index))
        return units

    def layout(self, width: int) -> None:
        """Break every block into screen lines `width` cells wide."""
        self.width = width
        lines: list[Line] = []
        figures = sorted(self.figures, key=lambda f: f.start)
        starts = [f.start for f in figures]
        for index, block in enumerate(self.article.blocks):
            if index:
                lines.append(Line(-1))
            near = figures[bisect.bisect_left(starts, block.start) : bisect.bisect_right(starts, block.end)]
            keep = [
                (f.start - block.start, f.end - block.start)
                for f in near
                if f.start >= block.start and f.end <= block.end
            ]
            for start, end in wrap(block.text, width, keep):
                lines.append(Line(index, block.start + start, block.start + end))
        self.lines = lines
        self._text_lines = [n for n, line in enumerate(lines) if line.block >= 0]
        self._line_starts = [lines[n].start for n in self._text_lines]

    def line_of(self, offset: int) -> int:
        """The screen line that shows the character at `offset`."""
        position = bisect.bisect_right(self._line_starts, offset) - 1
        return self._text_lines[max(position, 0)]

    def lines_of(self, start: int, end: int) -> tuple[int, int]:
        """First and last screen line of the range [start, end)."""
        return self.line_of(start), self.line_of(max(start, end - 1))

    def unit_at(self, offset: int) -> int:
        """Index of the cursor unit that holds `offset` (or the nearest before it)."""
        return max(bisect.bisect_right(self._unit_starts, offset) - 1, 0)

    def block_of_unit(self, unit: int) -> store.BlockView:
        """The block a cursor unit belongs to."""
        return self.article.blocks[self.units[unit].block]

    def figure_at(self, start: int, end: int) -> store.Figure | None:
        """The first figure inside [start, end)."""
        return next((f for f in self.figures if f.start < end and f.end > start), None)

    def marks_at(self, start: int, end: int) -> list[Mark]:
        """The claims that overlap [start, end)."""
        return [m for m in self.marks if m.start < end and m.end > start]

    def text(self, start: int, end: int) -> str:
        """The article text in [start, end)."""
        return self.article.text[start:end]
