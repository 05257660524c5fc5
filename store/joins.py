"""Re-joining paragraphs that the page layout cut in two.

A column break or a photo can cut a paragraph mid-sentence: `“从正式签约到拿地、开`
· caption · `工，仅用了…`. A paragraph that does not end a sentence is joined to
its continuation:

1. the next paragraph of the same article, when only captions and credits
   stand between them (the common case: the text flows around a photo);
2. otherwise a paragraph elsewhere on the page that starts mid-word: jieba
   finds a word across the joint (`…研究院江` + `西分院…` → 江西) and the
   continuation, read alone, starts with a lone character (`西`).

What cannot be re-joined keeps its complete sentences as a paragraph and its
unfinished tail becomes a `fragment` block. No character is dropped.
"""

from __future__ import annotations

from .blocks import Block, ends_sentence, last_sentence_end
from .clean import is_han
from .forms import starts_with
from .lines import BULLETS, is_final
from .segment import crosses, first_word, frequency

_PASSABLE = ("caption", "credit")
_EDGE = 6  # characters on each side of a joint that jieba looks at
# A sentence may well start with a common one-character word (为, 在, 对, 我);
# a lone character rarer than this reads as the second half of a cut word.
_COMMON_ALONE = 50_000


def rejoin(blocks: list[Block], owners: list[int]) -> tuple[list[Block], list[int]]:
    """Join cut paragraphs; return the surviving blocks and their article numbers."""
    pairs = list(zip(blocks, owners))
    index = 0
    while index < len(pairs):
        block, owner = pairs[index]
        if block.kind == "paragraph":
            _extend(pairs, index)
            if not ends_sentence(block.text):
                pairs[index + 1 : index + 1] = _fragment(block, owner)
        index += 1
    return [b for b, _ in pairs], [o for _, o in pairs]


def _extend(pairs: list[tuple[Block, int]], index: int) -> None:
    """Append continuations to the paragraph at `index` while it ends mid-sentence."""
    block = pairs[index][0]
    while not ends_sentence(block.text):
        found = _adjacent(pairs, index)
        if found is None:
            found = _distant(pairs, index)
        if found is None:
            return
        other = pairs.pop(found)[0]
        if found < index:
            index -= 1
        block.text = _glue(block.text, other.text)
        block.parts.extend(other.parts)
        block.rule = "paragraph re-joined where the layout cut it"


def _opens_anew(text: str) -> bool:
    """A paragraph that starts something of its own: a dateline (`本报讯…`) or a bullet (`■…`)."""
    return text[:1] in BULLETS or starts_with("dateline", text) is not None


def _glue(left: str, right: str) -> str:
    """Join two pieces of a sentence; a space only between two Latin words."""
    if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum():
        return left + " " + right
    return left + right


def _adjacent(pairs: list[tuple[Block, int]], index: int) -> int | None:
    """The next paragraph of the same article past captions and credits."""
    owner = pairs[index][1]
    for later in range(index + 1, len(pairs)):
        block, their_owner = pairs[later]
        if block.kind in _PASSABLE:
            continue
        if block.kind == "paragraph" and their_owner == owner and not _opens_anew(block.text):
            return later
        return None
    return None


def _distant(pairs: list[tuple[Block, int]], index: int) -> int | None:
    """A paragraph elsewhere on the page that continues this one mid-word, nearest first."""
    tail = pairs[index][0].text[-_EDGE:]
    order = sorted(range(len(pairs)), key=lambda other: (abs(other - index), other < index))
    for other in order:
        block = pairs[other][0]
        if (
            other != index
            and block.kind == "paragraph"
            and _continues(tail, block.text)
            and not starts_with("dateline", block.text)
        ):
            return other
    return None


def _continues(tail: str, text: str) -> bool:
    """Whether `text` reads as the rest of a word that `tail` began."""
    head = text[:_EDGE]
    if not head or not is_han(head[0]):
        return False
    word = first_word(head)
    if len(word) != 1 or frequency(word) >= _COMMON_ALONE:
        return False
    return crosses(tail, head) is not None


def _fragment(block: Block, owner: int) -> list[tuple[Block, int]]:
    """Split the unfinished tail of a paragraph off as a fragment block."""
    cut = last_sentence_end(block.text)
    if cut == 0:
        block.kind = "fragment"
        return []
    tail = block.text[cut:].lstrip(" ")
    block.text = block.text[:cut]
    return [(Block(tail, 0, "fragment", block.line, list(block.parts)), owner)]


def rejoin_lines(blocks: list[Block], owners: list[int]) -> tuple[list[Block], list[int]]:
    """On a page of one paragraph per line, join lines the layout cut: conservatively.

    A paragraph is joined to the next paragraph of its article (past captions
    and credits) only when it cannot end where it does: no final mark
    (`，`, `；`, `、` or nothing), or a quotation it opened is still open and
    the next line does not open one of its own. Linear in the page's length.
    """
    pairs = list(zip(blocks, owners))
    used = [False] * len(pairs)
    for index, (block, owner) in enumerate(pairs):
        if used[index] or block.kind != "paragraph":
            continue
        pieces, tail, balance, at = [block.text], block.text, _balance(block.text), index
        while (found := _next_paragraph(pairs, used, at, owner, tail, balance > 0)) is not None:
            other = pairs[found][0]
            used[found] = True
            pieces.append(_glue(tail[-1:], other.text)[len(tail[-1:]) :])
            block.parts.extend(other.parts)
            tail, balance, at = other.text, balance + _balance(other.text), found
        if len(pieces) > 1:
            block.text = "".join(pieces)
            block.rule = "line joined with the next (sentence cut by the layout)"
    kept = [pair for pair, gone in zip(pairs, used) if not gone]
    return [b for b, _ in kept], [o for _, o in kept]


_OPENS, _CLOSES = "“「『", "”」』"


def _balance(text: str) -> int:
    """Quotation marks opened minus those closed in `text`."""
    return sum(text.count(c) for c in _OPENS) - sum(text.count(c) for c in _CLOSES)


def _next_paragraph(
    pairs: list[tuple[Block, int]], used: list[bool], at: int, owner: int, tail: str, quote: bool
) -> int | None:
    """The paragraph that continues the text ending in `tail` (the block at `at`), or None."""
    cut = not is_final(tail) and not tail.rstrip(" ”’」』）)").endswith(("：", ":"))
    if not cut and not quote:
        return None
    for later in range(at + 1, len(pairs)):
        block, their_owner = pairs[later]
        if used[later] or (cut and block.kind in _PASSABLE):
            continue
        if block.kind != "paragraph" or their_owner != owner or _opens_anew(block.text):
            return None
        if not cut and block.text[:1] in _OPENS:
            return None
        return later
    return None
