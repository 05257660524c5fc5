"""Turning an article into Rich `Text` for `hecha show` (never through markup)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.style import Style
from rich.text import Text

from ..store import ArticleView, BlockRule, BlockView, Figure
from ..store.layout import BULLETS
from .styles import FIGURE_STYLES, block_style, figure_style

_PREFIX = {"caption": "▣ ", "fragment": "… "}


def _prefix(block: BlockView) -> str:
    """The mark before a caption, fragment or heading."""
    if block.kind == "heading" and block.text[:1] not in BULLETS:
        return "■ "
    return _PREFIX.get(block.kind, "")


def block_text(block: BlockView, figures: Sequence[Figure] = (), width: int | None = None) -> Text:
    """One block styled by its kind, with the figures inside it highlighted.

    With `width`, the block is broken into lines of that many cells here, never
    inside a figure and never before closing punctuation, so Rich does not
    cut `16.5亿元` or start a line with `，`.
    """
    prefix = _prefix(block)
    text = Text(prefix, style=block_style(block.kind))
    body = Text(block.text, style=block_style(block.kind))
    keep = []
    for figure in figures:
        start, end = max(figure.start, block.start), min(figure.end, block.end)
        if start < end:
            body.stylize(figure_style(figure.kind), start - block.start, end - block.start)
            keep.append((start - block.start, end - block.start))
    if width:
        from .widgets.wrap import wrap

        lines = wrap(prefix + block.text, width, [(a + len(prefix), b + len(prefix)) for a, b in keep])
        whole = text + body
        return Text("\n").join(whole[a:b] for a, b in lines)
    return text + body


def legend(kinds: Sequence[str] | None = None, width: int | None = None) -> Text:
    """Each figure kind named in its own style; with `width`, chips never split across lines."""
    line, used = Text(""), 0
    for kind in kinds or FIGURE_STYLES:
        chip = Text(f" {kind} ", style=figure_style(kind))
        if used and width and used + 2 + chip.cell_len > width:
            line.append("\n")
            used = 0
        elif used:
            line.append("  ")
            used += 2
        line.append_text(chip)
        used += chip.cell_len
    return line


def footer_line(article: ArticleView, figures: Sequence[Figure]) -> str:
    """`— source · article 3 · 17 figures` (the interface speaks English)."""
    return f"— {article.source} · article {article.id} · {len(figures)} figure{'s' * (len(figures) != 1)}"


def article_renderable(article: ArticleView, figures: Sequence[Figure] = (), width: int | None = None) -> Group:
    """Legend, then title, head and body blocks, each its own paragraph, lines broken at `width` if given."""
    parts: list[Text] = []
    if figures:
        kinds = sorted({f.kind for f in figures}, key=list(FIGURE_STYLES).index)
        parts += [legend(kinds, width), Text("")]
    for block in article.blocks:
        parts += [block_text(block, figures, width), Text("")]
    parts.append(Text(footer_line(article, figures), style="dim"))
    return Group(*parts)


def article_plain(article: ArticleView, figures: Sequence[Figure] = ()) -> str:
    """The article as plain text: one line per block, blank lines between, no wrapping, no colour."""
    blocks = [_prefix(block) + block.text for block in article.blocks]
    return "\n\n".join([*blocks, footer_line(article, figures)]) + "\n"


def blocks_renderable(blocks: Sequence[BlockRule]) -> Group:
    """Each block under a line naming its kind and the rule that decided it, for reporting a misread page."""
    parts: list[Text] = []
    for number, block in enumerate(blocks, 1):
        head = Text(f"{number:>3} ", style="dim")
        head.append(block.kind, style=block_style(block.kind) + Style(bold=True))
        head.append(f"  {block.rule}", style="dim")
        parts += [head, Text(block.text, style=block_style(block.kind)), Text("")]
    return Group(*parts)


def blocks_plain(blocks: Sequence[BlockRule]) -> str:
    """The same as `blocks_renderable` as plain text: `  3 kind  rule`, the block's lines, an empty line."""
    return "".join(f"{n:>3} {b.kind}  {b.rule}\n{b.text}\n\n" for n, b in enumerate(blocks, 1))


def format_value(value: float | int | None) -> str:
    """A figure's value as plain decimal text with thousands separators ('' for None)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.6g}"


def raw_renderable(raw: str) -> Text:
    """The original text of a file, shown as plain text."""
    return Text(raw)
