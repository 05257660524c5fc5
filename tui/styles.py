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


def _luminance(rgb: tuple[int, ...]) -> float:
    """Relative luminance (WCAG) of an sRGB colour."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def readable(color: str, dark: bool) -> str:
    """`color` made readable as text on a dark (or light) background: lightened or darkened as needed.

    Tag colours and block colours are chosen for a dark terminal; on a light
    theme a pale colour would all but vanish, so it is darkened until it has
    about 4.5:1 contrast with a light grey background (and a dark colour is
    lightened on a dark theme).
    """
    from rich.color import Color, ColorParseError

    try:
        rgb = tuple(Color.parse(color).get_truecolor())
    except ColorParseError:
        return color
    start = rgb
    for _ in range(30):
        luminance = _luminance(rgb)
        if (not dark and luminance <= 0.12) or (dark and luminance >= 0.2):
            break
        rgb = tuple(round(c * 0.9) for c in rgb) if not dark else tuple(round(c + (255 - c) * 0.15) for c in rgb)
    if rgb == start:
        return color
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def themed(style: Style, dark: bool) -> Style:
    """A style whose text colour is kept readable on the theme's background (see `readable`)."""
    if style.color is None or style.bgcolor is not None:
        return style
    return style + Style(color=readable(style.color.name if not style.color.triplet else style.color.triplet.hex, dark))
