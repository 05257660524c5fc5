"""Styles shared by `hecha show` and the app, so both show an article the same way."""

from __future__ import annotations

from rich.style import Style

BLOCK_STYLES: dict[str, Style] = {
    "kicker": Style(color="cyan", italic=True),
    "title": Style(bold=True, color="bright_white"),
    "subtitle": Style(bold=True, color="white"),
    "heading": Style(bold=True, color="yellow"),
    "paragraph": Style(),
    "caption": Style(dim=True, italic=True),
    "byline": Style(color="green"),
    "credit": Style(dim=True),
    "fragment": Style(color="magenta", dim=True),
}

BLOCK_LABELS: dict[str, str] = {
    "kicker": "栏目",
    "title": "标题",
    "subtitle": "副题",
    "heading": "小标题",
    "paragraph": "正文",
    "caption": "图片说明",
    "byline": "作者",
    "credit": "来源",
    "fragment": "残句",
}


def block_style(kind: str) -> Style:
    """The style of a block kind (plain for kinds we do not know)."""
    return BLOCK_STYLES.get(kind, Style())
