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


FIGURE_STYLES: dict[str, Style] = {
    "percent": Style(color="black", bgcolor="#ffaf00", bold=True),
    "money": Style(color="black", bgcolor="#87d75f", bold=True),
    "quantity": Style(color="black", bgcolor="#5fafff", bold=True),
    "measure": Style(color="black", bgcolor="#5fd7d7", bold=True),
    "date": Style(color="black", bgcolor="#d7afff"),
    "duration": Style(color="black", bgcolor="#ffd7af"),
    "rank": Style(color="black", bgcolor="#ff87af", bold=True),
    "multiple": Style(color="black", bgcolor="#d7d75f", bold=True),
    "number": Style(color="black", bgcolor="#bcbcbc"),
}

FIGURE_LABELS: dict[str, str] = {
    "percent": "百分比",
    "money": "金额",
    "quantity": "数量",
    "measure": "度量",
    "date": "日期",
    "duration": "时长",
    "rank": "排名",
    "multiple": "倍数",
    "number": "数字",
}


def figure_style(kind: str) -> Style:
    """The highlight of a figure kind."""
    return FIGURE_STYLES.get(kind, FIGURE_STYLES["number"])
