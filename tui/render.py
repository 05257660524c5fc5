"""Turning an article into Rich `Text` for `hecha show` (never through markup)."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from store import ArticleView

from store.layout import BULLETS

from .styles import block_style

_PREFIX = {"caption": "▣ ", "credit": "", "fragment": "… "}


def article_renderable(article: ArticleView) -> Group:
    """Title, head and body blocks, each its own paragraph, styled by kind."""
    parts: list[Text] = []
    for block in article.blocks:
        text = Text(_PREFIX.get(block.kind, ""), style=block_style(block.kind))
        text.append(block.text)
        if block.kind == "heading" and block.text[:1] not in BULLETS:
            text = Text("■ ", style=block_style("heading")) + text
        parts.append(text)
        parts.append(Text(""))
    source = Text(f"— {article.source} · 文章 {article.id}", style="dim")
    return Group(*parts, source)


def raw_renderable(raw: str) -> Text:
    """The original text of a file, shown as plain text."""
    return Text(raw)
