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

from .blocks import Block
from .forms import bare_names, dateline_end, starts_with
from .heads import LABEL_RULE, byline_in, column_label, dated_head, head_run_end, under_picture_label
from .script import fold
from .shapes import (
    BULLETS,
    CAPTION_MAX,
    CLOSERS,
    CONTINUES,
    EXCLAIMED_MAX,
    HEAD_MAX,
    SUBTITLE_MAX,
    bigrams,
    caption_cue,
    cut_halves,
    head_line,
    headish,
    is_final,
    long_intro,
    pairs,
)

__all__ = ["BULLETS", "CAPTION_MAX", "HEAD_MAX", "LineWalk", "cut_halves", "headish", "is_final"]

SHORT_STORY = 4  # a story this short so far is read together with the one above it
# `…（图片）`, `…（附图片2张）`, `图片报道`: the headline of a picture story.
PICTURE_HEAD = re.compile(
    r"\((?:附)?(?:图片|照片)(?:\s*[0-9一二三四五六七八九十]+\s*张)?\)$|^(?:图片|摄影)(?:报道|新闻|故事)$"
)
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
NUMBERED = re.compile(r"(?:[①-⑳]|[0-9]{1,2}\s*[、.:]|\([0-9]{1,2}\))\s*[^\s0-9]")  # `1:…`, `②…`
WINDOW = 3  # lines after a possible headline that show whether the story goes on
CARRIED_MIN = 0.08  # share of their character pairs already seen in the story above
CARRIED_MAX = 0.15  # past this share the lines below go on with the story, whatever the line's own words
SECTION_MAX = 5  # `欧盟`, `澳大利亚`: a label over one part of a round-up names what its report is about
OWN_WORDS_MIN = 4  # pairs of a headline that its first lines repeat and the story above never used
NAMED_RUN = 4  # a run of this many characters of the story's title (a name) that the text below repeats


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
            elif headish(block, SUBTITLE_MAX if self.in_head else HEAD_MAX) and not long_intro(block.text):
                self._short(index, block)
            elif self._exclaimed_headline(index, block):
                self._new_article(index, block, "headline ending in ! or ? over a report")
            else:
                self._body(index, block)
            self.owners[index] = max(self.article, 0)
            if not self.spaced:
                self.story |= bigrams(block.text)
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
        elif self._section_label(index, block):
            block.set("heading", "label naming the subject of the report below it")
        elif under_picture_label(self.blocks, index):
            block.set("caption", "line under a picture label")
        elif self.in_head:
            block.set(*head_line(block, self.title))
        elif caption_cue(block.text):
            block.set("caption", caption_cue(block.text))
        elif self._inside_cut_sentence(index):
            block.set("caption", "short line inside a cut sentence")
        elif block.text[:1] in BULLETS:
            block.set("heading", "bullet line in a story")
        else:
            block.set("heading", "short line in a story")

    def _starts_article(self, index: int, block: Block) -> str:
        """The rule by which this headline-shaped line starts an article, or ''.

        The line may head a run of short lines (subtitle, author line) before
        the text: what follows the run decides.
        """
        if self.article < 0:
            return "first headline of the page"
        if (self.in_head and not self._signed_head_over(index)) or block.text[:1] in BULLETS:
            return ""  # a bullet line belongs to the story it stands in
        if caption_cue(block.text) == LABEL_RULE:
            return ""  # `图片：` names the pictures of the article above
        if PICTURE_HEAD.search(fold(block.text)):
            return "headline of a picture story"
        if dated_head(self.blocks, index):
            return "headline over the date of a speech"
        if self._section_label(index, block):
            return ""
        end = head_run_end(self.blocks, index, self.spaced)
        after = self.blocks[end] if end < len(self.blocks) else None
        if after is not None and not after.kind and starts_with("dateline", after.text):
            return "headline over a dateline"
        if byline_in(self.blocks, index + 1, end) and after is not None and not after.kind:
            return "headline over an author line"
        if self.spaced:
            return "headline after an empty line" if block.gap else ""
        return self._new_topic(index, block, end)

    def _signed_head_over(self, index: int) -> bool:
        """An empty line after the author line of a head: the head is over (`一元复始（篆刻）`, `（韦耀中）`)."""
        return self.spaced and self.blocks[index].gap > 0 and self.blocks[index - 1].kind == "byline"

    def _exclaimed_headline(self, index: int, block: Block) -> bool:
        """`春天来了！` or `谁来管管？` over a report: a headline that ends like a sentence."""
        if len(block.text) > EXCLAIMED_MAX:
            return False
        text = fold(block.text).rstrip(CLOSERS)
        if not text.endswith(("!", "?")) or any(c in text[:-1] for c in "。!?"):
            return False
        after = self._next_text(index)
        if after is not None and headish(after) and bare_names(after.text.strip()):
            after = self._next_text(index + 1)  # `如何给医院打分？` over an author's bare name
        if after is None or after.kind or headish(after) or len(after.text) <= len(block.text):
            return False
        opens = self.article < 0 or (self.spaced and block.gap > 0 and not self.in_head)
        return opens or starts_with("dateline", after.text) is not None

    def _new_topic(self, index: int, block: Block, end: int) -> str:
        """On a page without empty lines: a headline after a finished sentence, on a new topic.

        A sub-head sums up what follows in the same story, so the lines after
        it go on using the story's words (`CARRIED_MIN` of their character
        pairs were seen above), or it repeats the story's words and none of
        the next lines'. A new headline opens a story that shares little.
        A headline always names its story, so a line none of whose words the
        next lines say is a sub-head; one whose words the story above never
        used and the next lines repeat opens a story, even on a page whose
        stories share a field's words (sport, markets), unless the next lines
        carry on the story's words as much as a section of it does and leave
        some of the line's words unsaid (a box of voices from the street under
        the report: `某某每朝…`).
        `end` is where the text after the headline (and its subtitle) starts.
        """
        before = self.blocks[index - 1]
        after = self.blocks[end] if end < len(self.blocks) else None
        if after is None or after.kind not in ("", "caption") or not (before.kind or is_final(before.text)):
            return ""
        if column_label(block.text) and not under_picture_label(self.blocks, index):
            return "headline with a column label after a finished sentence"
        if CONTINUES.match(fold(after.text[:10])) or self._names_story(block, end):
            return ""
        ours = bigrams(block.text)
        window = pairs(self.blocks[end : end + WINDOW])
        seen = self._seen_in_story(index)
        carried = sum(1 for pair in window if seen(pair)) / max(1, len(window))
        if not ours & window:
            return ""  # a headline names what its story is about: the lines under it say some of its words
        own = not any(seen(pair) for pair in ours) and len(ours & window) >= OWN_WORDS_MIN
        if own and (carried < CARRIED_MAX or ours <= window):
            return "headline in words new to the page's story that the lines below repeat"
        if carried >= CARRIED_MIN:
            return ""
        return "headline after a finished sentence, on a new topic"

    def _names_story(self, block: Block, end: int) -> bool:
        """The text below names the story's subject (a run of its title) that the line leaves out.

        A sub-head drops the subject it shares with the title (`马龙白兰度`)
        and the paragraphs under it name it again; a new headline names its own.
        """
        title = fold(self.title)
        below = fold("".join(b.text for b in self.blocks[end : end + WINDOW]))
        line = fold(block.text)
        return any(
            run.isalnum() and run in below and run not in line
            for run in (title[i : i + NAMED_RUN] for i in range(len(title) - NAMED_RUN + 1))
        )

    def _section_label(self, index: int, block: Block) -> bool:
        """`欧盟` over `本报布鲁塞尔…电…欧盟决定…`: a label inside an article over a report about it."""
        text = block.text.strip()
        after = self._next_text(index)
        if self.article < 0 or len(text) > SECTION_MAX or not _HAN_ONLY.fullmatch(text) or after is None:
            return False
        end = dateline_end(after.text)
        return after.kind == "" and end > 0 and text in after.text[end : end + 2 * HEAD_MAX]

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
        if PICTURE_HEAD.search(fold(self.title)) and NUMBERED.match(fold(block.text)):
            block.set("caption", "numbered line under the headline of a picture story")
            self.in_head = False
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
