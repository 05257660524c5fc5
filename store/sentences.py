"""Sentence and word boundaries in Chinese text, for selecting what a claim quotes.

The reader selects a sentence with one key and then grows or shrinks the
selection word by word; both need offsets into the article text that are
right for Chinese news: ASCII and full-width digits, decimals, Latin words and
quotations inside sentences.

Rules of `sentence_spans` (pure, no jieba):

- A sentence ends after 。！？!? or an ellipsis (a run of …, or of three or
  more ASCII dots), together with any end marks and closing quotes or brackets
  that follow at once: `好。”`, `真的？！`, `（完。）`.
- A `.` or `．` ends a sentence only after a Han character (or %, a closing
  quote or bracket) and before a space, the end of the text or a Han
  character: never between digits (`3.5`, `３．５`) nor in `U.S.`.
- ；and ：do not end sentences: in Chinese they join clauses of one sentence.
- A matched pair of quotes or brackets (“” ‘’ 「」 『』 （） () 【】 《》) is kept
  whole: end marks inside it do not split, except when the pair closes right
  after them (`他说：“走。”然后…` splits after `”`). A quote or bracket that is
  never closed (or never opened) is ignored, so it cannot swallow the rest of
  the paragraph.
- A newline is a hard boundary: no sentence crosses it.
- Spans cover all non-space text; spaces before and after a sentence are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from .clean import is_cjk
from .segment import word_spans

ENDS = frozenset("。！？!?")
ELLIPSIS = "…"
DOTS = frozenset(".．")
PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "《": "》"}
CLOSERS = frozenset(PAIRS.values())
_OPENER_OF = {close: open_ for open_, close in PAIRS.items()}
_DOT_AFTER = frozenset("%％”’」』）)】》")
_CANDIDATE = re.compile(r"[。！？!?….．]")  # where a sentence end can begin


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of `text`, in order (see the module rules)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if line and not line.isspace():  # blank lines hold no sentence
            spans.extend((pos + s, pos + e) for s, e in _line_spans(line))
        pos += len(line) + 1
    return spans


def sentence_at(text: str, offset: int) -> tuple[int, int] | None:
    """The sentence containing `offset` (or the next one after it), None past the last."""
    for start, end in sentence_spans(text):
        if offset < end:
            return start, end
    return None


def _line_spans(line: str) -> list[tuple[int, int]]:
    """The sentences of one line (no newlines in it); linear in its length."""
    enclosed = _enclosed_boundaries(line)
    quotes = _QuoteParity(line)
    spans, start, i = [], 0, 0
    for match in _CANDIDATE.finditer(line):
        at = match.start()
        if at < i:
            continue  # inside an end run already taken
        run = _end_run(line, at, quotes)
        if run and not enclosed[at + run]:
            spans.append((start, at + run))
            start = at + run
        i = at + (run or 1)
    spans.append((start, len(line)))
    return [span for span in (_trim(line, s, e) for s, e in spans) if span]


class _QuoteParity:
    """How many ASCII quotes of each kind come before an offset (counted once per line)."""

    def __init__(self, line: str):
        self.line = line
        self.counts: dict[str, list[int]] = {}

    def odd_before(self, char: str, j: int) -> bool:
        """Whether an odd number of `char` stand before offset `j`."""
        if char not in self.counts:
            running, counts = 0, [0]
            for c in self.line:
                running += c == char
                counts.append(running)
            self.counts[char] = counts
        return self.counts[char][j] % 2 == 1


def _trim(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without its leading and trailing spaces, None if nothing is left."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _end_run(line: str, i: int, quotes: _QuoteParity) -> int:
    """The length of the sentence end starting at `i` (mark, more marks, closers), 0 if none."""
    j = i + _mark_length(line, i)
    if j == i:
        return 0
    while j < len(line):
        step = _mark_length(line, j) or (1 if _closes(line, j, quotes) else 0)
        if not step:
            break
        j += step
    return j - i


def _closes(line: str, j: int, quotes: _QuoteParity) -> bool:
    """Whether the character at `j` closes a quote or bracket (an ASCII quote closes after an odd count)."""
    char = line[j]
    if char in "\"'":
        return quotes.odd_before(char, j)
    return char in CLOSERS


def _mark_length(line: str, i: int) -> int:
    """The length of the end mark at `i`: 1 for 。！？!?, the run for an ellipsis, 0 for none."""
    char = line[i]
    if char in ENDS:
        return 1
    if char == ELLIPSIS:
        return _run(line, i, ELLIPSIS)
    if char == "." and _run(line, i, ".") >= 3:
        return _run(line, i, ".")
    if char in DOTS and _is_full_stop(line, i):
        return 1
    return 0


def _run(line: str, i: int, char: str) -> int:
    """How many times `char` repeats from `i`."""
    j = i
    while j < len(line) and line[j] == char:
        j += 1
    return j - i


def _is_full_stop(line: str, i: int) -> bool:
    """Whether the dot at `i` ends a sentence (after Chinese, before space/end/Chinese)."""
    if i == 0:
        return False
    before = line[i - 1]
    after = line[i + 1] if i + 1 < len(line) else ""
    before_ok = before in _DOT_AFTER or (is_cjk(before) and not before.isdigit() and before not in DOTS)
    after_ok = not after or after.isspace() or (is_cjk(after) and not after.isdigit() and after not in DOTS)
    return before_ok and after_ok


def _enclosed_boundaries(line: str) -> bytearray:
    """enclosed[k] is 1 where a matched pair (open at o, close at c) has o < k <= c.

    Marked with a difference array over the pairs, so nested brackets cost
    no more than flat ones.
    """
    depth = [0] * (len(line) + 2)
    for open_at, close_at in _matched_pairs(line):
        depth[open_at + 1] += 1
        depth[close_at + 1] -= 1
    enclosed = bytearray(len(line) + 1)
    running = 0
    for k in range(len(line) + 1):
        running += depth[k]
        enclosed[k] = running > 0
    return enclosed


def _matched_pairs(line: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotes and brackets that are closed; strays are ignored.

    Besides the stack of open marks, each kind of opener keeps the stack
    depths where it stands, so a closer finds its opener at once.
    """
    stack: list[tuple[str, int]] = []
    depths: dict[str, list[int]] = {opener: [] for opener in PAIRS}
    pairs = []
    for i, char in enumerate(line):
        if char in PAIRS:
            depths[char].append(len(stack))
            stack.append((char, i))
        elif char in _OPENER_OF and depths[_OPENER_OF[char]]:
            depth = depths[_OPENER_OF[char]][-1]
            pairs.append((stack[depth][1], i))
            for opener, _ in reversed(stack[depth:]):
                depths[opener].pop()
            del stack[depth:]
    return pairs


def word_bounds(text: str, whole: Iterable[tuple[int, int]] | None = None) -> list[int]:
    """Sorted offsets where jieba puts word boundaries (0 and len(text) included).

    Numbers stay whole: no boundary inside `7.7%`, `１２．５％` or `1,500`,
    although jieba cuts them into digits and marks. Spans in `whole` (offsets
    into `text`) are one word each: no boundary inside them, one at each end.
    With `whole` None, the figures found in `text` are the spans kept whole,
    so `16.5亿元` is one word, not `16.5` and `亿元`.
    """
    spans = _figure_spans(text) if whole is None else list(whole)
    bounds = {0, len(text)} | {end for _, end in word_spans(text)}
    inside = [0] * (len(text) + 2)  # difference array: +1 after a span's start, -1 at its end
    for start, end in spans:
        if 0 <= start < end <= len(text):
            inside[start + 1] += 1
            inside[end] -= 1
            bounds |= {start, end}
    covered, depth = set(), 0
    for offset in range(len(text) + 1):
        depth += inside[offset]
        if depth > 0:
            covered.add(offset)
    return sorted(b for b in bounds if b in (0, len(text)) or (b not in covered and not _inside_number(text, b)))


def word_at(text: str, offset: int, whole: Iterable[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The word of `text` that holds `offset` (a figure counts as one word), as (start, end)."""
    bounds = word_bounds(text, whole)
    offset = min(max(offset, 0), max(len(text) - 1, 0))
    index = bisect.bisect_right(bounds, offset)
    return bounds[max(index - 1, 0)], bounds[min(index, len(bounds) - 1)]


def _figure_spans(text: str) -> list[tuple[int, int]]:
    """Where the figures of `text` are."""
    from .figures import extract

    return [(f.start, f.end) for f in extract(text)]


def _inside_number(text: str, b: int) -> bool:
    """Whether offset `b` falls inside a number such as 7.7%, 1,500 or １２％."""
    left, right = text[b - 1], text[b]
    if left.isdigit() and (right.isdigit() or right in "%％"):
        return True
    after = text[b + 1] if b + 1 < len(text) else ""
    before = text[b - 2] if b >= 2 else ""
    if left.isdigit() and right in ".．," and after.isdigit():
        return True
    return left in ".．," and right.isdigit() and before.isdigit()
