"""Pages that put an empty line between paragraphs: the walk that reads their layout.

Text pulled out of a laid-out page (PDF, e-paper) often spaces every line,
so an empty line says nothing about where an article ends. The page is read
top to bottom instead. At the start of an article (the top of the page, or
after an author line) a run of short lines is its head: kicker, title,
subtitle. In the body, short lines are headings or photo captions (captions
follow the wide gap an image leaves), longer ones are paragraphs. A new
article starts after a byline, at a section label over a title, at a
headline over a dateline, or at a title shaped like its neighbour's in a
column of news briefs.
"""

from __future__ import annotations

from .blocks import Block, ends_sentence, is_captionish, is_line, is_photo_credit, two_phrase
from .forms import starts_with
from .lines import BULLETS, CAPTION_MAX, HEAD_MAX, cut_halves, headish

STAFF_RULES = ("staff byline", "bracketed byline", "writer credit", "commentator")
KICKER_MAX = 12  # a section label above a title is short
LABEL_MAX = 8  # a section label in the middle of a page is shorter still


class _Walk:
    """State while walking a page's blocks top to bottom."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.owners = [0] * len(blocks)
        self.article = 0
        self.title = ""
        self.has_text = False
        self.at_start = True
        self.page_start = True

    def is_text(self, index: int) -> bool:
        """Whether the block at `index` is paragraph material."""
        if index >= len(self.blocks):
            return False
        block = self.blocks[index]
        return block.kind == "" and not is_line(block) and not is_captionish(block)

    def head_run(self, index: int) -> int:
        """End index of the run of short unclassified lines starting at `index`."""
        end = index
        while (
            end < len(self.blocks)
            and self.blocks[end].kind == ""
            and (is_line(self.blocks[end]) or is_captionish(self.blocks[end]))
        ):
            end += 1
        if end == index and self.over_dateline(index):
            end += 1  # `…，…增长5.8%` over `本报讯…`: a headline, punctuation and all
        return end

    def over_dateline(self, index: int) -> bool:
        """A headline-shaped line right above the dateline that opens a report."""
        nxt = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        return (
            nxt is not None
            and len(self.blocks[index].text) <= HEAD_MAX
            and not nxt.kind
            and headish(self.blocks[index])
            and starts_with("dateline", nxt.text) is not None
        )

    def over_byline(self, index: int) -> bool:
        """A headline-shaped line over an author line (`本报记者 X`) with text after it."""
        blocks = self.blocks
        if index + 2 >= len(blocks) or len(blocks[index].text) > HEAD_MAX or not headish(blocks[index]):
            return False
        byline, text = blocks[index + 1], blocks[index + 2]
        return byline.kind == "byline" and byline.rule in STAFF_RULES and not text.kind and not headish(text)

    def new_article(self) -> None:
        """Start the next article."""
        if not self.page_start:
            self.article += 1
        self.page_start = False
        self.at_start = False
        self.has_text = False
        self.title = ""


def classify_spaced(blocks: list[Block]) -> list[int]:
    """Give every block a kind; return the article number of each block (fixed kinds already marked)."""
    walk = _Walk(blocks)
    index = 0
    while index < len(blocks):
        if walk.page_start and blocks[index].kind == "credit":
            index += 1  # a dateline or credit above the first title belongs to the first article
            continue
        head_end = _try_head(walk, index) if walk.at_start else 0
        if head_end:
            index = head_end
            continue
        walk.page_start = False
        index = _body_block(walk, index)
    return walk.owners


def _try_head(walk: _Walk, index: int) -> int:
    """At an article start, read a head (kicker, title, subtitle) if there is one.

    Returns the index after the head, or 0 when there is none.
    """
    block = walk.blocks[index]
    if block.kind:
        return 0
    end = walk.head_run(index)
    if end == index:
        walk.at_start = False
        return 0
    after = walk.blocks[end] if end < len(walk.blocks) else None
    text_follows = after is not None and (walk.is_text(end) or (after.kind == "caption" and not is_line(after)))
    if not walk.page_start and block.gap >= 2 and not text_follows:
        walk.at_start = False  # captions after a byline belong to the article above
        return 0
    walk.new_article()
    _assign_head(walk, index, end, after)
    return end


def _assign_head(walk: _Walk, start: int, end: int, after: Block | None) -> None:
    """Kinds for a head run `blocks[start:end]` of a new article."""
    run = walk.blocks[start:end]
    for offset in range(end - start):
        walk.owners[start + offset] = walk.article
    if (
        after is None
        or after.kind in ("credit", "caption")
        or (after.kind == "byline" and after.rule not in STAFF_RULES)
    ):
        run[0].set("title", "head of a photo story")  # a title over captions
        for block in run[1:]:
            block.set("caption", "line of a photo story")
        walk.title = run[0].text
        return
    first = 0
    if len(run) >= 2 and _kicker_over(run[0], run[1]):
        run[0].set("kicker", "short label over a title")
        first = 1
    run[first].set("title", "short line at the start of an article")
    walk.title = run[first].text
    rest = first + 1
    if rest < len(run) and (run[rest].text.startswith("——") or not is_captionish(run[rest])):
        run[rest].set("subtitle", "line under a title")
        rest += 1
    for offset in range(rest, len(run)):
        _short_body_kind(walk, start + offset)


def _kicker_over(label: Block, title: Block) -> bool:
    """Whether `label` reads as a section label above `title`."""
    return len(label.text) <= KICKER_MAX and len(label.text) < len(title.text) and not title.text.startswith("——")


def _body_block(walk: _Walk, index: int) -> int:
    """Kind and article of a block in an article's body; return the next index."""
    block = walk.blocks[index]
    walk.owners[index] = walk.article
    if block.kind == "byline":
        walk.at_start = True
    elif block.kind == "credit":
        walk.at_start = walk.at_start or (is_photo_credit(block) and not walk.has_text)
    elif block.kind == "caption":
        pass
    elif walk.has_text and (walk.over_dateline(index) or walk.over_byline(index)):
        walk.new_article()
        walk.owners[index] = walk.article
        walk.title = block.text
        block.set("title", "headline over a dateline" if walk.over_dateline(index) else "headline over an author line")
    elif is_line(block) or is_captionish(block):
        return _starts_article(walk, index) or _short_body_kind(walk, index)
    elif _between_halves(walk, index):
        block.set("caption", "line between the halves of a cut sentence")
    else:
        block.set("paragraph", "text between empty lines")
        walk.has_text = True
    return index + 1


def _between_halves(walk: _Walk, index: int) -> bool:
    """A short sentence between a paragraph cut short and the text that finishes it: a caption."""
    blocks = walk.blocks
    if index == 0 or index + 1 >= len(blocks) or len(blocks[index].text) > CAPTION_MAX:
        return False
    before, after = blocks[index - 1], blocks[index + 1]
    return before.kind == "paragraph" and not after.kind and cut_halves(before, after)


def _starts_article(walk: _Walk, index: int) -> int:
    """A label over a title, or a sibling brief title, starts a new article mid-page.

    Returns the index after the new head, or 0 when no article starts here.
    """
    blocks = walk.blocks
    block = blocks[index]
    if block.gap >= 2 or not is_line(block):
        return 0
    nxt = blocks[index + 1] if index + 1 < len(blocks) else None
    labelled = (
        nxt is not None
        and not nxt.kind
        and nxt.gap < 2
        and is_line(nxt)
        and " " not in block.text
        and len(block.text) <= LABEL_MAX
        and len(nxt.text) > len(block.text)
        and walk.is_text(index + 2)
    )
    if labelled:
        walk.new_article()
        _assign_head(walk, index, index + 2, blocks[index + 2])
        return index + 2
    if _sibling_title(walk.title, block.text) and walk.is_text(index + 1):
        walk.new_article()
        _assign_head(walk, index, index + 1, nxt)
        return index + 1
    return 0


def _sibling_title(title: str, text: str) -> bool:
    """`经开组团 加快…` after `临空组团 服务…`: titles of a column of briefs."""
    ours, theirs = two_phrase(text), two_phrase(title)
    if not ours or not theirs:
        return False
    a, b = ours[0], theirs[0]
    return 2 <= len(a) <= 6 and 2 <= len(b) <= 6 and a[-1] == b[-1]


def _short_body_kind(walk: _Walk, index: int) -> int:
    """A short line in a body: a caption after an image gap or in a caption stack, else a heading."""
    block = walk.blocks[index]
    walk.owners[index] = walk.article
    previous = walk.blocks[index - 1] if index else None
    stacked = previous is not None and previous.kind == "caption" and " " not in block.text and is_line(block)
    if is_line(block) and (block.text[0] in BULLETS or two_phrase(block.text)):
        block.set("heading", "bullet or two-phrase line in a body")  # headings, even after a photo
    elif is_captionish(block) or stacked:
        block.set("caption", "short line after an image gap" if not stacked else "line of a caption stack")
    elif not ends_sentence(block.text) or is_line(block):
        block.set("heading", "short line in a body")
    else:
        block.set("paragraph", "text between empty lines")
        walk.has_text = True
    return index + 1
