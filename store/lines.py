"""Pages whose paragraphs are lines: block roles from line shape and position.

Many page texts print one paragraph per line. Some leave an empty line only
between articles (archives, e-paper scrapes), some none at all (corpora that
keep one sentence per line). On such pages an empty line is a strong cue that
an article ends, and where there is none, the shape of a line decides:

* a *headline* is short and has no final punctuation (`…增长5.8%` is one);
* it starts an article at the top of the page, after an empty line, when a
  dateline (`本报北京1月31日电`, `新华社…电`, `本报讯`) or an author line follows
  it, or, on a page with no empty lines, when it follows a finished sentence
  and shares few words with the story above it (else it is a sub-head);
* under a title, short lines are a subtitle, an author line or a label;
* a line that starts `图为…`, that names who stands where (`（左）`), that a
  photo credit ends or follows, or that sits inside a cut sentence is a caption.

Each block gets its kind and the name of the rule that decided it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .blocks import Block, ends_sentence
from .forms import bare_names, starts_with
from .clean import is_han
from .script import fold

HEAD_MAX = 50  # a headline is rarely longer than this
SUBTITLE_MAX = 80
EXCLAIMED_MAX = 24  # a headline that ends in ! or ? is short  # a subtitle under it may run longer
SHORT_STORY = 4  # a story this short so far is read together with the one above it
WINDOW = 3  # lines after a possible headline that show whether the story goes on
CARRIED_MIN = 0.08  # share of their character pairs already seen in the story above
CAPTION_MAX = 60  # a caption between two halves of a sentence is short
LABEL_MAX = 12  # `编辑点评：` and other labels over a part of a story
BULLETS = "●■▲◆★☆○◎□▶►•"
_FINAL = "。！？!?…"
_CLOSERS = "”’」』）)》 "
_CONTINUES = re.compile(
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


def is_final(text: str) -> bool:
    """Whether `text` ends a sentence with a final mark (。！？…), quotes closed after it.

    A bracketed tag after the mark (`…谢谢！（新华社北京12月31日电）`) does not count.
    """
    stripped = _TAIL_GROUP.sub("", fold(text).rstrip()).rstrip(_CLOSERS)
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
        and not fold(text).rstrip(_CLOSERS).endswith((";", ",", "、"))
        and starts_with("dateline", text) is None
    )


def cut_halves(before: Block | None, after: Block | None) -> bool:
    """Whether `before` ends a sentence that `after` finishes, so a line between them is a caption.

    `before` must stop short (no final mark, no colon) and `after` must start
    where no sentence starts, or finish a word that `before` began.
    """
    if before is None or after is None or is_final(before.text):
        return False
    if fold(before.text).rstrip().endswith(":") or starts_with("dateline", after.text):
        return False
    if _CANNOT_START.match(fold(after.text)):
        return True
    from .segment import crosses

    return crosses(before.text[-6:], after.text[:6]) is not None and is_han(after.text[0])


def caption_cue(text: str) -> str:
    """The rule that reads `text` as a photo caption by its words alone, or ''."""
    form = starts_with("caption", text)
    if form is None or (form.rule != "photo cue" and len(text) > 100):
        return ""
    return form.rule


class LineWalk:
    """Classify the blocks of a line-structured page; `owners` gives each block's article."""

    def __init__(self, blocks: list[Block], spaced: bool):
        self.blocks = blocks
        self.spaced = spaced  # some empty lines on the page: they part articles
        self.owners = [0] * len(blocks)
        self.article = -1
        self.in_head = False
        self.has_body = False
        self.title = ""
        self.starts: list[int] = [0]
        self.story: set[str] = set()  # character pairs of the story so far (pages without empty lines)
        self.previous: set[str] = set()

    def run(self) -> list[int]:
        """Walk the page top to bottom."""
        for index, block in enumerate(self.blocks):
            if block.kind:
                self._fixed(block)
            elif headish(block, SUBTITLE_MAX if self.in_head else HEAD_MAX) and not _long_intro(block.text):
                self._short(index, block)
            elif self._exclaimed_headline(index, block):
                self._new_article(index, block, "headline ending in ! or ? over a report")
            else:
                self._body(index, block)
            self.owners[index] = max(self.article, 0)
            if not self.spaced:
                self.story |= _bigrams(block.text)
        return self.owners

    def _fixed(self, block: Block) -> None:
        """Credits, bylines and captions known by their form stay as they are."""
        if block.kind == "caption":
            self.in_head = False

    def _short(self, index: int, block: Block) -> None:
        """A headline-shaped line: a new title, a line of the head, a caption or a sub-head."""
        rule = self._starts_article(index, block)
        if rule:
            self._new_article(index, block, rule)
        elif self.in_head:
            block.set(*_head_line(block, self.title))
        elif caption_cue(block.text):
            block.set("caption", caption_cue(block.text))
        elif self._inside_cut_sentence(index):
            block.set("caption", "short line inside a cut sentence")
        elif block.text[:1] in BULLETS:
            block.set("heading", "bullet line in a story")
        else:
            block.set("heading", "short line in a story")

    def _starts_article(self, index: int, block: Block) -> str:
        """The rule by which this headline-shaped line starts an article, or ''."""
        if self.article < 0:
            return "first headline of the page"
        if self.in_head:
            return ""
        after = self._next_text(index)
        if after is not None and starts_with("dateline", after.text):
            return "headline over a dateline"
        if self._byline_follows(index):
            return "headline over an author line"
        if self.spaced:
            return "headline after an empty line" if block.gap else ""
        return self._new_topic(index, block)

    def _exclaimed_headline(self, index: int, block: Block) -> bool:
        """`春天来了！` or `谁来管管？` over a report: a headline that ends like a sentence."""
        text = fold(block.text).rstrip(_CLOSERS)
        if len(block.text) > EXCLAIMED_MAX or not text.endswith(("!", "?")) or any(c in text[:-1] for c in "。!?"):
            return False
        after = self._next_text(index)
        if after is None or after.kind or headish(after) or len(after.text) <= len(block.text):
            return False
        opens = self.article < 0 or (self.spaced and block.gap > 0 and not self.in_head)
        return opens or starts_with("dateline", after.text) is not None

    def _new_topic(self, index: int, block: Block) -> str:
        """On a page without empty lines: a headline after a finished sentence, on a new topic.

        A sub-head sums up what follows in the same story, so the lines after
        it go on using the story's words (`CARRIED_MIN` of their character
        pairs were seen above), or it repeats the story's words and none of
        the next lines'. A new headline opens a story that shares little.
        """
        before = self.blocks[index - 1]
        after = self._next_text(index)
        if after is None or headish(after) or not (before.kind or is_final(before.text)):
            return ""
        if _CONTINUES.match(fold(after.text)):
            return ""
        ours = _bigrams(block.text)
        window = _pairs(self.blocks[index + 1 : index + 1 + WINDOW])
        seen = self._seen_in_story(index)
        carried = sum(1 for pair in window if seen(pair)) / max(1, len(window))
        if carried >= CARRIED_MIN or (sum(1 for pair in ours if seen(pair)) >= 2 and not ours & window):
            return ""
        return "headline after a finished sentence, on a new topic"

    def _seen_in_story(self, index: int):
        """A test for character pairs of the story above `index` (and the one before, if it is short)."""
        story, previous = self.story, self.previous
        if len(self.starts) > 1 and index - self.starts[-1] < SHORT_STORY:
            return lambda pair: pair in story or pair in previous
        return story.__contains__

    def _new_article(self, index: int, block: Block, rule: str) -> None:
        """Start the next article with `block` as its title (with no title when `rule` is empty)."""
        self.article += 1
        self.has_body = False
        self.starts.append(index)
        self.previous, self.story = self.story, set()
        self.in_head = bool(rule)
        self.title = block.text if rule else ""
        if rule:
            block.set("title", rule)

    def _body(self, index: int, block: Block) -> None:
        """A line that reads as text: a paragraph, or a caption by its words or its place."""
        cue = caption_cue(block.text)
        dateline = starts_with("dateline", block.text)
        if self.article < 0:
            self.article = 0
        if cue and dateline is None:
            block.set("caption", cue)
            return
        if dateline is None and len(block.text) <= CAPTION_MAX and self._between_halves(index):
            block.set("caption", "line between the halves of a cut sentence")
            return
        if dateline is not None and self.spaced and block.gap and self.has_body:
            self._new_article(index, block, "")  # a brief without a headline: `本报讯…` after an empty line
            block.set("paragraph", "dateline after an empty line opens a report without a headline")
        else:
            block.set("paragraph", "dateline opens the report" if dateline else "line of text")
        self.in_head = False
        self.has_body = True

    def _between_halves(self, index: int) -> bool:
        """The line stands between a sentence cut short and the line that finishes it."""
        after = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        return after is not None and not after.kind and cut_halves(self._previous_paragraph(index), after)

    def _inside_cut_sentence(self, index: int) -> bool:
        """The line stands between the two halves of a sentence the page cut."""
        before = self._previous_paragraph(index)
        after = self._next_text(index)
        return (
            before is not None
            and after is not None
            and not is_final(before.text)
            and not headish(after)
            and starts_with("dateline", after.text) is None
            and len(before.text) > HEAD_MAX
        )

    def _previous_paragraph(self, index: int) -> Block | None:
        """The nearest paragraph above, past captions and credits."""
        for block in reversed(self.blocks[:index]):
            if block.kind == "paragraph":
                return block
            if block.kind not in ("caption", "credit"):
                return None
        return None

    def _next_text(self, index: int) -> Block | None:
        """The next block that is not a credit or byline."""
        for block in self.blocks[index + 1 : index + 4]:
            if block.kind not in ("credit", "byline"):
                return block
        return None

    def _byline_follows(self, index: int) -> bool:
        """An author line comes next, then text."""
        nxt = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        after = self.blocks[index + 2] if index + 2 < len(self.blocks) else None
        return (
            nxt is not None
            and nxt.kind == "byline"
            and nxt.rule != "author's name after the last sentence"
            and after is not None
            and not after.kind
            and not headish(after)
        )


def _long_intro(text: str) -> bool:
    """`同胞们、朋友们：` or `…采取了以下措施：`: a line that introduces what follows, not a label."""
    return fold(text).rstrip().endswith(":") and len(text) > LABEL_MAX


def _head_line(block: Block, title: str) -> tuple[str, str]:
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


def _pairs(blocks: list[Block]) -> set[str]:
    """The character pairs of some blocks."""
    return set().union(*(_bigrams(b.text) for b in blocks))


@lru_cache(maxsize=1024)
def _bigrams(text: str) -> frozenset[str]:
    """Pairs of adjacent Han characters (folded), the words a story keeps repeating."""
    folded = fold(text)
    return frozenset(run[i : i + 2] for run in _HAN.findall(folded) for i in range(len(run) - 1))
