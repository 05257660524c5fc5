"""The reader's status line: the current figure, find match, selection or sentence, and the claim there."""

from __future__ import annotations

from rich.text import Text

from ...store import Figure
from ..render import format_value
from ..widgets.article_doc import ArticleDoc
from ..widgets.article_view import ArticleView


def figure_status(view: ArticleView, f: Figure) -> Text:
    """`figure 3/17 · percent 7.7%  value 7.7  unit %` for the view's current figure `f`."""
    number, total = view.figure_number or (0, 0)
    status = Text(f" figure {number}/{total} · ")
    status.append(f.kind, style="bold")
    status.append(f"  {f.text}")
    for label, value in (
        ("value", format_value(f.value) if f.value is not None else ""),
        ("unit", f.unit or ""),
        ("range", f"{format_value(f.low)}–{format_value(f.high)}" if f.low is not None else ""),
        ("qualifier", f.qualifier or ""),
        ("ISO", f.iso or ""),
    ):
        if value:
            status.append(f"  {label} {value}")
    return status


def status_text(view: ArticleView, doc: ArticleDoc, query: str = "") -> Text:
    """What the status line says for the view's state."""
    if view.figure and not view.selection and not view.matches:
        return figure_status(view, view.figure)
    status = Text(" ")
    if view.matches:
        status.append(f"match {(view.match or 0) + 1}/{len(view.matches)}", style="bold")
        status.append(f" for {query} · n/N next/previous · Esc ends the find  ")
    else:
        status.append(f"sentence {view.cursor + 1}/{len(doc.units)}")
    if view.selection:
        start, end = view.selection
        moving = "start" if view.move_start else "end"
        status.append(f"  selected {end - start} characters (w/b move the {moving}, o swaps)")
    marks = doc.marks_at(*view.span)
    if marks and not view.matches:
        status.append(f"  claim: {', '.join(marks[0].tags) or 'untagged'} (Enter open, d delete)")
    return status
