"""The shape of a line: what headlines, sub-heads, captions and cut sentences look like.

Shared by the two page readers (`store.lines`, `store.spaced`): a headline is
short and has no final punctuation; a sentence ends in 。！？ (a bracketed tag
after the mark does not count); a caption starts `图为…`, names who stands
where, or sits between the halves of a sentence the page cut; a line under a
title is a subtitle, an author line or a label by its shape. Character pairs
(`bigrams`) let a page without empty lines tell a sub-head from a headline.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .blocks import Block
from .clean import is_han
from .forms import bare_names, starts_with
from .script import fold

TAIL = 40  # characters at a line's end (or start) that show how it ends (or starts)
HEAD_MAX = 50  # a headline is rarely longer than this
SUBTITLE_MAX = 80  # a subtitle under it may run longer
EXCLAIMED_MAX = 24  # a headline that ends in ! or ? is short
CAPTION_MAX = 60  # a caption between two halves of a sentence is short
LABEL_MAX = 12  # `编辑点评：` and other labels over a part of a story
BULLETS = "●■▲◆★☆○◎□▶►•"
_FINAL = "。！？!?…"
_FINAL_FAST = "。！？…"
_SLOW_ENDS = "”’」』）》﹗﹖︕︖！？"  # closers and forms that fold to a final mark
CLOSERS = "”’」』）)》 "
CONTINUES = re.compile(
    r"^(?:此外|另外|同时|与此同时|但|而|不过|然而|因此|所以|对此|他们|她们|他|她|它|该|这|此|其|并|且|也"
    r"|报道(?:称|指|说)|文章(?:称|指|说)|声明(?:称|指|说)|消息(?:称|指|说))"
)
# How the second half of a cut sentence starts: punctuation, a figure, or a word that needs
# the words before it (`同比增长…`, `的…`, `也…`). No sentence starts like this.
_CANNOT_START = re.compile(
    r"^(?:[，,。、；;：:！!？?）)》”’%]|[0-9.]|同比|环比|比上年|比去年|增长|下降|增加|减少|达到|的|地|得|了|着"
    r"|和|与|及|以及|并且|并|等|占|分别|也|都|就|才|又|还|则|即|或者|或)"
)
_TAIL_GROUP = re.compile(r"(?<=[。！？!?…”」』])\s*\([^()]{1,30}\)$")
_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
# `同志们、朋友们：`, `各位代表：`, `尊敬的来宾：`: a speech or a letter speaks to its hearers.
SALUTATION = re.compile(r"(?:(?:尊敬的|亲爱的|各位)[^:]{1,20}|[\u4e00-\u9fff、 ]{0,20}们):")


def is_final(text: str) -> bool:
    """Whether `text` ends a sentence with a final mark (。！？…), quotes closed after it.

    A bracketed tag after the mark (`…谢谢！（新华社北京12月31日电）`) does not count,
    and a line wholly in brackets (`（问责：督导不力）`) is a note complete in itself.
    """
    if not text:
        return False
    last = text[-1]
    if last in _FINAL_FAST:
        return True
    if last not in _SLOW_ENDS and not last.isascii():
        return False  # ends in a character: no final mark, quote or bracket to look behind
    if text[:1] in "(（" and text.rstrip()[-1:] in ")）":
        return True
    stripped = _TAIL_GROUP.sub("", fold(text[-TAIL:]).rstrip()).rstrip(CLOSERS)
    if stripped.endswith(".") and stripped[-2:-1].isascii():
        return True
    return bool(stripped) and stripped[-1] in _FINAL


def headish(block: Block, limit: int = HEAD_MAX) -> bool:
    """Short, no final punctuation, no full stop inside: what headlines and sub-heads look like."""
    text = block.text
    return (
        not block.kind
        and len(text) <= limit
        and not is_final(text)
        and "。" not in text
        and not (text[:1] in "(（" and text[-1:] in ")）")
        and not fold(text).rstrip(CLOSERS).endswith((";", ",", "、"))
        and starts_with("dateline", text) is None
    )


def cut_halves(before: Block | None, after: Block | None) -> bool:
    """Whether `before` ends a sentence that `after` finishes, so a line between them is a caption.

    `before` must stop short (no final mark, no colon) and `after` must start
    where no sentence starts, or finish a word that `before` began.
    """
    if before is None or after is None or is_final(before.text):
        return False
    if fold(before.text[-TAIL:]).rstrip().endswith(":") or starts_with("dateline", after.text):
        return False
    if _CANNOT_START.match(fold(after.text[:TAIL])):
        return True
    from .segment import crosses

    return crosses(before.text[-6:], after.text[:6]) is not None and is_han(after.text[0])


def caption_cue(text: str) -> str:
    """The rule that reads `text` as a photo caption by its words alone, or ''."""
    form = starts_with("caption", text)
    if form is None or (form.rule != "photo cue" and len(text) > 100):
        return ""
    return form.rule


def long_intro(text: str) -> bool:
    """`同胞们、朋友们：` or `…采取了以下措施：`: a line that introduces what follows, not a label."""
    folded = fold(text[-TAIL:]).rstrip()
    return folded.endswith(":") and (len(text) > LABEL_MAX or SALUTATION.fullmatch(fold(text.strip())) is not None)


def head_line(block: Block, title: str) -> tuple[str, str]:
    """Kind and rule of a short line under a title, before the first paragraph."""
    text = block.text
    if text[:1] in BULLETS or text.startswith(("——", "--")):
        return "subtitle", "bullet or dash line under a title"
    if text.rstrip().endswith(("：", ":")) and len(text) <= LABEL_MAX:
        return "heading", "label ending in a colon"
    if bare_names(text) or (len(text) <= 3 and _HAN.fullmatch(text)):
        return "byline", "names alone under a title"
    if caption_cue(text):
        return "caption", caption_cue(text)
    if len(text) <= 8 and len(text) * 2 <= len(title):
        return "heading", "short label under a long title"
    return "subtitle", "second line of a headline"


def pairs(blocks: list[Block]) -> set[str]:
    """The character pairs of some blocks."""
    return set().union(*(bigrams(b.text) for b in blocks))


@lru_cache(maxsize=1024)
def bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent Han characters (folded), the words a story keeps repeating."""
    folded = fold(text)
    return frozenset(run[i : i + 2] for run in _HAN.findall(folded) for i in range(len(run) - 1))
