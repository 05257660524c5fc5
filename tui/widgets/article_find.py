"""Find in the article view: matches drawn over the text, n/N step through them (a mix-in for `ArticleView`).

The matching itself is the store's (`store.find_matches`, folded and
segmented); this only shows the matches and moves the cursor between them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for the type checker the mix-in is the view it is mixed into
    from textual.message import Message
    from textual.scroll_view import ScrollView as _Host

    from .article_doc import ArticleDoc
else:
    _Host = object


class FindMixin(_Host):
    """Find matches and the keys that step through them."""

    matches: list[tuple[int, int]]
    match: int | None

    if TYPE_CHECKING:  # what the mix-in uses of `ArticleView`
        doc: ArticleDoc
        cursor: int
        Moved: Callable[[Any], Message]

        def _set_cursor(self, unit: int) -> None: ...
        def _refresh_span(self, span: tuple[int, int] | None) -> None: ...
        def _show_span(self, start: int, end: int, center: bool = False) -> None: ...

    def set_matches(self, matches: list[tuple[int, int]]) -> None:
        """Show find matches and go to the first at or after the cursor (none: the find ends)."""
        self.matches = matches
        self.match = None
        self.refresh()
        if matches:
            here = self.doc.units[self.cursor].start if self.doc.units else 0
            later = [n for n, (start, _) in enumerate(matches) if start >= here]
            self._go_to_match(later[0] if later else 0)
        self.post_message(self.Moved(self))

    def action_find_step(self, step: int) -> None:
        """The next or previous find match; say so when it wraps around."""
        if not self.matches:
            return
        index = (self.match if self.match is not None else -1 if step > 0 else 0) + step
        if not 0 <= index < len(self.matches):
            index %= len(self.matches)
            self.notify(f"Wrapped to the {'first' if step > 0 else 'last'} match.")
        self._go_to_match(index)

    def _go_to_match(self, index: int) -> None:
        self.match = index
        start, end = self.matches[index]
        self._set_cursor(self.doc.unit_at(start))
        self._refresh_span((start, end))
        self._show_span(start, end, center=True)
        self.post_message(self.Moved(self))
