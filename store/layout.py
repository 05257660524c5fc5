"""Layout analysis: block kinds and the split of a page into articles.

Two kinds of page text reach hecha. Some are pulled out of a laid-out page:
an empty line between every two lines, paragraphs cut by columns and photos.
`store.spaced` reads those top to bottom by the shape of short lines. Others
print a whole paragraph per line, with empty lines between articles, between
all lines, or none at all: `store.lines` reads those by line shape,
datelines and author lines (on a page that spaces every line, only the wider
gaps count). Both start from the
kinds a line shows by itself (`store.forms`: credits, bylines, jump lines),
and both hand over to `store.joins` to re-join what the layout cut. Every
block keeps the name of the rule that decided its kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from .blocks import Block, fixed_kind, is_photo_credit, split_lines
from .forms import dateline_end
from .heads import DATE_RULES
from .joins import rejoin, rejoin_lines
from .lines import BULLETS, HEAD_MAX, LineWalk, is_final
from .spaced import classify_spaced

__all__ = ["BULLETS", "Article", "split_page", "mark_fixed", "spaced_paragraphs"]


@dataclass
class Article:
    """An article found on a page: its blocks in reading order."""

    blocks: list[Block]
    order: int = 0
    spans: list[tuple[int, int]] = field(default_factory=list)

    def first(self, kind: str) -> str:
        """The text of the first block of `kind`, or ''."""
        return next((b.text for b in self.blocks if b.kind == kind), "")

    @property
    def title(self) -> str:
        """The title, or for a page without one, the start of its first sentence."""
        title = self.first("title")
        if title:
            return title
        text = next((b.text for b in self.blocks if b.kind not in ("kicker", "byline", "credit")), "")
        text = text[dateline_end(text) :].lstrip(" ") or text  # `本报讯 …`: the news starts after it
        head = text[: max(1, _first_stop(text))]
        return head if len(head) <= 30 else head[:30] + "…"

    @property
    def text(self) -> str:
        """The cleaned text: blocks separated by a blank line."""
        return "\n\n".join(b.text for b in self.blocks)

    def block_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each block inside `text`."""
        spans, pos = [], 0
        for block in self.blocks:
            spans.append((pos, pos + len(block.text)))
            pos += len(block.text) + 2
        return spans


def _first_stop(text: str) -> int:
    """Index of the first sentence or clause end in `text`, or its length."""
    for index, char in enumerate(text):
        if char in "。！？!?；，":
            return index
    return len(text)


def split_page(text: str) -> list[Article]:
    """Split normalised page text into articles with classified blocks."""
    blocks = split_lines(text)
    if not blocks:
        return []
    mark_fixed(blocks)
    spaced = spaced_paragraphs(blocks)
    if spaced and not whole_lines(blocks):
        owners = classify_spaced(blocks)
        blocks, owners = rejoin(blocks, owners)
    else:
        gaps = [b.gap for b in blocks]
        if spaced:  # a paragraph per line with an empty line after each: the wider gaps part articles
            for block in blocks:
                block.gap = max(0, block.gap - 1)
        owners = LineWalk(blocks, spaced=any(b.gap for b in blocks[1:])).run()
        for block, gap in zip(blocks, gaps):
            block.gap = gap
        blocks, owners = rejoin_lines(blocks, owners)
    for block in blocks:
        block.rule = block.rule or _DEFAULT_RULES.get(block.kind, "page layout")
    articles: dict[int, list[Block]] = {}
    for block, owner in zip(blocks, owners):
        articles.setdefault(owner, []).append(block)
    return [Article(group, order) for order, group in enumerate(articles[k] for k in sorted(articles))]


_DEFAULT_RULES = {
    "fragment": "unfinished sentence that no other block continues",
    "paragraph": "text between empty lines",
}
SENTENCE_MIN = 20  # lines longer than this are text, and on a page of whole paragraphs they end a sentence
WHOLE_SHARE = 0.95  # share of long lines ending a sentence on a page of whole paragraphs
SPACED_SHARE = 0.6  # share of lines after an empty line on a page that spaces its paragraphs


def spaced_paragraphs(blocks: list[Block]) -> bool:
    """Whether the page puts an empty line between paragraphs (else a paragraph is a line)."""
    if len(blocks) < 2:
        return True
    return sum(1 for b in blocks[1:] if b.gap) >= SPACED_SHARE * (len(blocks) - 1)


def whole_lines(blocks: list[Block]) -> bool:
    """Whether lines are whole paragraphs (they end their sentences), not cut by a page layout.

    Short lines that do not end a sentence may be headlines or captions; a
    long one is text the layout cut. On a page of whole paragraphs almost
    none are.
    """
    whole = sum(1 for b in blocks if len(b.text) > SENTENCE_MIN and is_final(b.text))
    cut = sum(
        1 for b in blocks if len(b.text) > HEAD_MAX and not is_final(b.text) and b.kind not in ("credit", "byline")
    )
    return whole >= 3 and whole >= WHOLE_SHARE * (whole + cut)


def mark_fixed(blocks: list[Block]) -> None:
    """Kinds that a line shows by itself: credits, bylines, photo captions."""
    for block in blocks:
        if block.rule:
            continue  # split off a longer line, already known
        found = fixed_kind(block)
        if found:
            block.set(*found)
        else:
            block.kind = ""
    for block, after in pairwise(blocks):
        if not block.kind and after.kind == "credit" and is_photo_credit(after):
            block.set("caption", "line above a photo credit")
    mark_signers(blocks)


SIGNERS_MAX = 3  # `中共中央` / `国 务 院` over the date of a letter or a statement
SIGNER_CHARS = 16


def mark_signers(blocks: list[Block]) -> None:
    """The names over the date that closes a letter or a statement, after its last sentence, sign it."""
    for index, block in enumerate(blocks):
        if block.kind != "credit" or block.rule not in DATE_RULES or block.gap or block.text[:1] in "(（":
            continue  # `（一九九九年二月三日）` in brackets dates a speech under its title
        start = index
        while start > 0 and index - start < SIGNERS_MAX and _signer(blocks[start - 1]) and blocks[start].gap == 0:
            start -= 1
        above = blocks[start - 1] if start > 0 else None
        if start < index and above is not None and not above.kind and is_final(above.text):
            for signer in blocks[start:index]:
                signer.set("byline", "signer over the date of a letter")


def _signer(block: Block) -> bool:
    """A short line of words with no punctuation that no rule has read yet."""
    text = block.text
    return not block.kind and len(text) <= SIGNER_CHARS and not any(c in _PUNCT for c in text)


_PUNCT = "，,。、；;：:！!？?（）()《》“”\"'"
