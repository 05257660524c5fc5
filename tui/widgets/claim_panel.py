"""The reader's side panel: the article's claims (status, tags, quote) and figures, to jump to."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ... import store

QUOTE_CHARS = 24  # characters of a quote shown in the panel


def short_quote(quote: str, figures: list[tuple[int, int]], limit: int = QUOTE_CHARS) -> str:
    """The quote on one line, cut to about `limit` characters with an ellipsis, never inside a figure.

    `figures` are (start, end) offsets of figures within the quote; a cut that
    would fall inside one moves to the figure's start.
    """
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    cut = limit - 1
    for start, end in figures:
        if start < cut < end:
            cut = start
    return quote[: max(cut, 1)].rstrip() + "…"


class ClaimPanel(OptionList):
    """Claims then figures; Enter jumps to one, j/k move."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def fill(
        self,
        claims: list[store.Claim],
        figures: list[store.Figure],
        colors: dict[str, str],
        extra: list[Option] | None = None,
    ) -> None:
        """List the claims (with tags, quotes cut at figure bounds), the figures, then `extra`; highlight the first."""
        self.clear_options()
        options: list[Option] = [Option(Text(f"Claims ({len(claims)})", style="bold"), disabled=True)]
        for claim in claims:
            inside = [
                (f.start - claim.start, f.end - claim.start) for f in figures if claim.start <= f.start < claim.end
            ]
            label = Text(f"{claim.status} ", style="bold")
            for tag in claim.tags:
                label.append(f"#{tag} ", style=Style(color=colors.get(tag), bold=True))
            label.append(short_quote(claim.quote, inside))
            options.append(Option(label, id=f"claim:{claim.start}:{claim.end}"))
        options.append(Option(Text(f"Figures ({len(figures)})", style="bold"), disabled=True))
        for f in figures:
            options.append(Option(Text(f"{f.text}  {f.kind}"), id=f"figure:{f.start}:{f.end}"))
        options += extra or []
        self.add_options(options)
        first = next((n for n, option in enumerate(options) if not option.disabled), None)
        self.highlighted = first
