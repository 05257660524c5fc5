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


def readable(color: str, dark: bool) -> str:
    """`color` made readable as text on a dark (or light) background: lightened or darkened as needed.

    Tag colours and block colours are chosen for a dark terminal; on a light
    theme a pale colour would all but vanish, so it is darkened until it stands out.
    """
    from rich.color import Color, ColorParseError

    try:
        red, green, blue = Color.parse(color).get_truecolor()
    except ColorParseError:
        return color
    brightness = (299 * red + 587 * green + 114 * blue) / 255_000
    if not dark and brightness > 0.45:
        factor = 0.45 / brightness
    elif dark and brightness < 0.4:
        factor = -1.0
    else:
        return color
    if factor < 0:  # lighten towards white
        red, green, blue = (round(c + (255 - c) * 0.5) for c in (red, green, blue))
    else:
        red, green, blue = (round(c * factor) for c in (red, green, blue))
    return f"#{red:02x}{green:02x}{blue:02x}"


def themed(style: Style, dark: bool) -> Style:
    """A style whose text colour is kept readable on the theme's background (see `readable`)."""
    if style.color is None or style.bgcolor is not None:
        return style
    return style + Style(color=readable(style.color.name if not style.color.triplet else style.color.triplet.hex, dark))
