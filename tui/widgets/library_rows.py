"""What the library table shows: its columns for a screen width, and the cells of one article."""

from __future__ import annotations

from rich.text import Text

from ... import store
from .columns import Columns
from .library_table import Row

WIDE = 120  # the Keywords column shows from this width on


def columns(width: int, dates: bool) -> Columns:
    """The library's columns for a screen `width` cells wide (Date only when some article has one)."""
    cols: list[tuple[str, str, int]] = [("", "unread", 1), ("Title", "title", 0)]
    if width >= WIDE:
        cols.append(("Keywords", "keywords", 22))
    cols.append(("Source", "source", -24))
    if dates:
        cols.append(("Date", "date", -10))
    cols += [("Chars", "chars", 7), ("Figures", "figures", 7), ("Claims", "claims", 6)]
    return tuple(cols)


def cells(a: store.ArticleSummary) -> Row:
    """The article id and its table cells by column key (Text, never markup)."""
    older = Text("  (older version)", style="dim italic")
    return a.id, {
        "unread": Text("●" if not a.read else "", style="bold cyan"),
        "title": Text(a.title) if a.current else Text(a.title) + older,
        "keywords": Text(" ".join(a.keywords.split()[:4]), style="green"),
        "source": Text(a.source, style="dim"),
        "date": Text(a.date or "", style="dim"),
        "chars": Text(f"{a.chars:,}", justify="right"),
        "figures": Text(str(a.figures), justify="right"),
        "claims": Text(str(a.claims) if a.claims else "", justify="right"),
    }
