"""Blocks: the lines of a page, with what layout analysis needs to know of each.

A newspaper page pulled out as text is a run of lines separated by blank
lines. Each non-empty line becomes a `Block`; the number of blank lines before
it (`gap`) matters, since an image leaves a wider gap than a paragraph break.
This module also holds the patterns that recognise bylines and credits, and
the features (short line, sentence end) the classifier in `layout` uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dating import DATELINE
from .forms import CREDIT_ENDS, LINE_MAX, end_signature, inline_credit, line_form

KINDS = ("kicker", "title", "subtitle", "heading", "paragraph", "caption", "byline", "credit", "fragment")

SHORT = 40  # a line this short with no sentence end is a title, heading or caption
_NAME = r"[\u4e00-\u9fff·]{1,4}"
_NAMES = rf"{_NAME}(?: {{1,2}}{_NAME})*"
BYLINE = re.compile(
    rf"^(?:[（(](?:本报)?(?:记者|通讯员)? ?{_NAMES} ?(?:文/图|文／图|/文|文|/图|图)?[)）]"
    rf"|(?:本报)?(?:记者|通讯员)? ?{_NAMES} ?(?:/文|／文|文/图|/图))$"
)
CREDIT = re.compile(
    rf"^(?:[（(]?{_NAMES} ?摄[)）]?"
    r"|[（(](?:本版|本文)?图片由.{1,30}提供[)）]"
    r"|[（(](?:数据|资料|信息)来源[:：].{1,40}[)）]"
    r"|[（(]?(?:图片|图|数据|资料)来源[:：].{1,40}[)）]?)$"
)
TRAILING_BYLINE = re.compile(rf"(?:(?<=[。！？!?…])|(?<=[。！？!?…][”」』]))\s*([（(]{_NAMES}[)）])$")
_CLOSERS = "”’」』）)》"
_SENTENCE_ENDS = ("。", "！", "？", "…", "；", "，")
_TAIL_ENDS = (")", "）", *CREDIT_ENDS)  # how a line ends that carries a credit or signature
_ENDS = "。！？!?…；;：:—"
_INNER_PUNCT = re.compile(r"[，,。、；;：:！!？?]")


@dataclass
class Block:
    """One block of a page: a paragraph, title, caption and so on."""

    text: str
    gap: int = 1
    kind: str = "paragraph"
    line: int = 0
    parts: list[int] = field(default_factory=list)
    rule: str = ""

    def set(self, kind: str, rule: str) -> None:
        """Give the block its kind and name the rule that decided it."""
        self.kind, self.rule = kind, rule


def split_lines(text: str) -> list[Block]:
    """Non-empty lines of normalised text as blocks, each with its blank-line gap."""
    blocks, gap = [], 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip(" ")
        if not stripped:
            gap += 1
            continue
        blocks.extend(_split_trailing_byline(stripped, gap, number))
        gap = 0
    return blocks


def _split_trailing_byline(text: str, gap: int, number: int) -> list[Block]:
    """`…。(赣 轩)` is a paragraph and a byline; `…。（新华社记者X摄）` a caption and its credit."""
    if not text.endswith(_TAIL_ENDS):
        return [Block(text, gap, line=number, parts=[number])]
    cut = inline_credit(text)
    if cut is not None:
        head, tail = "caption", ("credit", "photo credit at the end of a caption line")
        rule = "line ends in a photo credit"
    else:
        match = TRAILING_BYLINE.search(text) if text.endswith((")", "）")) else None
        cut = match.start(1) if match and match.start() > 0 else end_signature(text)
        head, tail, rule = "", ("byline", "author's name after the last sentence"), ""
    if cut is None or cut == 0:
        return [Block(text, gap, line=number, parts=[number])]
    body = Block(text[:cut].rstrip(" "), gap, head, number, [number], rule)
    return [body, Block(text[cut:].lstrip(" "), 0, tail[0], number, [number], tail[1])]


def ends_sentence(text: str) -> bool:
    """Whether the text ends where a sentence may end."""
    stripped = text.rstrip(" " + _CLOSERS)
    return not stripped or stripped[-1] in _ENDS


def last_sentence_end(text: str) -> int:
    """Index just past the last sentence end inside `text` (with closing quotes), or 0."""
    for index in range(len(text) - 1, -1, -1):
        if text[index] in "。！？!?…；;":
            end = index + 1
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            return end
    return 0


def is_line(block: Block) -> bool:
    """A short line with no punctuation inside: title, heading or caption material."""
    text = block.text
    return len(text) <= SHORT and not _INNER_PUNCT.search(text) and not text.endswith("…")


def is_captionish(block: Block) -> bool:
    """A short unfinished line after an image gap: what photo captions look like."""
    return block.gap >= 2 and len(block.text) <= SHORT and not ends_sentence(block.text)


def fixed_kind(block: Block) -> tuple[str, str] | None:
    """(kind, rule) of a line whose form alone says what it is: credit, byline, jump line."""
    if len(block.text) > LINE_MAX or block.text.endswith(_SENTENCE_ENDS):
        return None  # text: no credit, author or jump line is this long or ends like a sentence
    if CREDIT.match(block.text):
        return "credit", "photo or data credit"
    if DATELINE.match(block.text):
        return "credit", "page date"
    form = line_form(block.text)
    if form is not None:
        return ("byline" if form.role == "byline" else "credit"), form.rule
    if BYLINE.match(block.text):
        return "byline", "author line"
    return None


def is_credit(block: Block) -> bool:
    """A photo or data credit line, or a dateline (`2024年3月18日 星期一`)."""
    found = fixed_kind(block)
    return found is not None and found[0] == "credit"


def is_byline(block: Block) -> bool:
    """An author line."""
    if block.kind == "byline":
        return True
    found = fixed_kind(block)
    return found is not None and found[0] == "byline"


PHOTO_RULES = ("photo credit", "agency photo", "photo note")


def is_photo_credit(block: Block) -> bool:
    """A credit that names a photographer (`徐玉婷摄`, `（新华社发美联社照片）`)."""
    found = (block.kind, block.rule) if block.rule else fixed_kind(block)
    if found is None or found[0] != "credit":
        return False
    return found[1] in PHOTO_RULES or (found[1] == "photo or data credit" and block.text.rstrip("）)").endswith("摄"))


def two_phrase(text: str) -> tuple[str, str] | None:
    """`经开组团 加快标准化厂房建设` → (`经开组团`, `加快标准化厂房建设`)."""
    head, sep, tail = text.partition(" ")
    return (head, tail) if sep and tail and " " not in tail.strip() else None
