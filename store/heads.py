"""The run of short lines under a headline, and the captions under a picture label.

A headline may stand over a few short lines before its text: a subtitle, an
author line, a credit. What follows that run tells whether the headline opens
an article (a dateline, an author line). The run never reaches past a closing
source tag, which ends the article above, nor, on a page that parts articles
with empty lines, past a short line after an empty line, which starts
something new. A headline over a date in brackets heads a speech, and one
that ends in a column label (`（现场·代表通道）`, `（深阅读）`) opens an article. A label `图片：` (`图：`, `附图：`) over the names of the
pictures of an article makes the short lines under it captions.
"""

from __future__ import annotations

import re

from .blocks import Block
from .forms import bare_names, line_form
from .script import fold
from .shapes import SUBTITLE_MAX, headish

HEAD_RUN = 4  # short lines under a headline before its text: subtitles, author lines
CLOSING_RULES = ("closing source tag",)
LABEL_RULE = "picture label"
DATE_RULES = ("page date", "date line")
SIGNATURE_RULE = "author's name after the last sentence"


def head_run_end(blocks: list[Block], index: int, spaced: bool) -> int:
    """Index just past the short lines, author lines and credits that follow `index` (a few at most)."""
    end = index + 1
    while end < min(len(blocks), index + 1 + HEAD_RUN):
        block = blocks[end]
        if block.rule in CLOSING_RULES or (spaced and block.gap and headish(block)):
            break  # the article above ends, or something new starts after the empty line
        if not (block.kind in ("byline", "credit") or headish(block, SUBTITLE_MAX)):
            break
        end += 1
    return end


def byline_in(blocks: list[Block], start: int, end: int) -> bool:
    """An author line (not a signature after a last sentence) among blocks[start:end]."""
    return any(b.kind == "byline" and b.rule != SIGNATURE_RULE for b in blocks[start:end])


def under_picture_label(blocks: list[Block], index: int) -> bool:
    """The line follows a picture label, or captions under one, with no empty line between."""
    if blocks[index].gap:
        return False
    for block in reversed(blocks[max(0, index - 12) : index]):
        if block.kind != "caption":
            return False
        if block.rule == LABEL_RULE:
            return True
        if block.gap:
            return False
    return False


def dated_head(blocks: list[Block], index: int) -> bool:
    """A headline over a date in brackets (`（一九九九年二月三日）`): the head of a speech or a document."""
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    return after is not None and after.kind == "credit" and after.rule in DATE_RULES and after.text[:1] in "(（"


_LABEL = re.compile(r".{4,}?\(([\u4e00-\u9fff·]{2,12})\)$")
_TAGS = ("credit", "source", "jump", "notname")


def column_label(text: str) -> bool:
    """`…干（现场·代表通道）`: a headline that ends in the label of the column it runs in."""
    match = _LABEL.fullmatch(fold(text.strip()))
    if match is None:
        return False
    label = match.group(1)
    return not bare_names(label) and line_form(f"({label})", _TAGS) is None
