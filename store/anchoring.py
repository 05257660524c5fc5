"""Re-anchoring: putting claims back on an article whose cleaned text has changed.

A claim keeps its offsets, its exact quote and 32 characters of context on each
side. When the text changes (better cleaning rules, a newer version of its
file) each claim is placed again, trying in turn:

1. ``exact``  — the quote is still at its old offsets (with its context, or it
   occurs only once);
2. ``moved``  — the exact quote elsewhere; among several places the one whose
   surroundings agree most with the stored context, then the nearest (a
   short quote needs some agreeing context);
3. ``fuzzy``  — the quote with script, width and punctuation folded (offsets
   do not move), else an approximate match (difflib) near places that share
   short runs of characters with it, scored on the quote and its context,
   accepted at FUZZY_THRESHOLD or above with agreeing context;
4. ``orphan`` — nowhere: the claim keeps its quote and old offsets, is hidden
   from the reader's highlights, and is listed under the orphans filter.

Nothing here deletes a claim. `place` is pure; `reanchor_article` writes.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from sqlite_utils import Database

from .db import immediate
from .script import fold

ANCHORS = ("exact", "moved", "fuzzy", "orphan")
CONTEXT = 32
FUZZY_THRESHOLD = 0.8  # similarity of the quote (0–1) a fuzzy match needs
SHORT_QUOTE = 12  # quotes shorter than this need some agreeing context to be placed
MIN_SHORT_CONTEXT = 0.5  # how similar (0–1) a short quote's surroundings must be
MIN_FUZZY_CONTEXT = 0.5  # a fuzzy match below SURE_QUOTE needs surroundings at least this similar
SURE_QUOTE = 0.95  # quote similarity that needs no agreeing context
_MARKS = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "‘": "'",
        "’": "'",
        "、": ",",
        "。": ".",
        "—": "-",
        "–": "-",
        "…": ".",
    }
)
QUOTE_WEIGHT = 0.7  # weight of the quote's similarity against its context's in choosing a fuzzy span
_SEED = 2  # length of the character runs that propose candidate places
_CANDIDATES = 8  # candidate places examined per claim
_WIGGLE = 3  # how far each end of a fuzzy span may be nudged


@dataclass(frozen=True)
class Placement:
    """Where a claim lands in a text: span and how it was found (one of ANCHORS)."""

    start: int
    end: int
    anchor: str


def place(quote: str, prefix: str, suffix: str, start: int, end: int, text: str) -> Placement:
    """Place a claim (its quote, context and old offsets) in `text`; see the module docstring."""
    if not quote:
        return Placement(start, end, "orphan")
    places = _occurrences(text, quote)
    if start in places and (len(places) == 1 or _context(prefix, suffix, text, start, end) == 1.0):
        return Placement(start, end, "exact")
    at = _best_occurrence(places, quote, prefix, suffix, start, text)
    if at is not None:
        return Placement(at, at + len(quote), "exact" if at == start else "moved")
    folded = _best_occurrence(_occurrences(_folded(text), _fold(quote)), quote, prefix, suffix, start, text)
    if folded is not None:
        return Placement(folded, folded + len(quote), "fuzzy")
    found = _fuzzy(quote, prefix, suffix, start, text)
    return found or Placement(start, end, "orphan")


def _best_occurrence(places: list[int], quote: str, prefix: str, suffix: str, old: int, text: str) -> int | None:
    """Of the places the quote occurs, the one whose surroundings are most like its context, then the nearest.

    A short quote is common: it is taken only where its surroundings agree
    at least a little (MIN_SHORT_CONTEXT), so a deleted sentence's phrase
    does not jump to the same words elsewhere.
    """
    scored = [(_similar_context(prefix, suffix, text, at, at + len(quote)), -abs(at - old), at) for at in places]
    if len(quote) < SHORT_QUOTE:
        scored = [item for item in scored if item[0] >= MIN_SHORT_CONTEXT]
    return max(scored)[2] if scored else None


def _fold(text: str) -> str:
    """Text with script, width and quotation marks folded, one character for one (offsets do not move)."""
    return fold(text).translate(_MARKS)


@lru_cache(maxsize=2)
def _folded(text: str) -> str:
    """`_fold` of the text being re-anchored, kept while its claims are placed."""
    return _fold(text)


def _occurrences(text: str, quote: str) -> list[int]:
    """Every offset where `quote` starts in `text`."""
    places, at = [], text.find(quote)
    while at >= 0:
        places.append(at)
        at = text.find(quote, at + 1)
    return places


def _context(prefix: str, suffix: str, text: str, start: int, end: int) -> float:
    """How well the text around start–end agrees with the stored prefix and suffix (0–1)."""
    total = len(prefix) + len(suffix)
    if not total:
        return 1.0
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    agree = _common_suffix(before, prefix) + _common_prefix(after, suffix)
    return agree / total


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start of a and b."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    """Length of the common end of a and b."""
    return _common_prefix(a[::-1], b[::-1])


def _fuzzy(quote: str, prefix: str, suffix: str, old_start: int, text: str) -> Placement | None:
    """The best approximate place of `quote` in `text`, if its similarity reaches FUZZY_THRESHOLD.

    Spans are scored on the quote's similarity and, with less weight, on how
    similar their surroundings are to the stored context, so that of two
    places alike in the quote the one in the right paragraph wins.
    """
    best: tuple | None = None
    chosen = (0, 0)
    for guess in _candidates(quote, text):
        span = _align(quote, text, guess)
        if span is None:
            continue
        s, e = _tightened(quote, text, *span)
        similarity = _ratio(quote, text[s:e])
        if similarity < FUZZY_THRESHOLD:
            continue
        context = _similar_context(prefix, suffix, text, s, e)
        if context < MIN_FUZZY_CONTEXT and (similarity < SURE_QUOTE or len(quote) < SHORT_QUOTE):
            continue
        score = (round(QUOTE_WEIGHT * similarity + (1 - QUOTE_WEIGHT) * context, 4), -abs(s - old_start))
        if best is None or score > best:
            best, chosen = score, (s, e)
    return Placement(*chosen, "fuzzy") if best else None


def _tightened(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Move each end of start–end by up to _WIGGLE characters to where the quote is most similar."""
    starts = range(max(0, start - _WIGGLE), min(end - 1, start + _WIGGLE) + 1)
    start = max(starts, key=lambda s: (_ratio(quote, text[s:end]), -abs(s - start)))
    ends = range(max(start + 1, end - _WIGGLE), min(len(text), end + _WIGGLE) + 1)
    end = max(ends, key=lambda e: (_ratio(quote, text[start:e]), -abs(e - end)))
    return start, end


def _similar_context(prefix: str, suffix: str, text: str, start: int, end: int) -> float:
    """How similar the text around start–end is to the stored prefix and suffix (0–1, difflib)."""
    total = len(prefix) + len(suffix)
    if not total:
        return 1.0
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return (_ratio(prefix, before) * len(prefix) + _ratio(suffix, after) * len(suffix)) / total


def _candidates(quote: str, text: str) -> list[int]:
    """Likely start offsets of the quote in text: where most of its character pairs vote."""
    votes: Counter[int] = Counter()
    index = _pair_index(text)
    for offset in range(len(quote) - _SEED + 1):
        for at in index.get(quote[offset : offset + _SEED], ()):
            votes[(at - offset) // 4] += 1
    ranked = votes.most_common(_CANDIDATES)
    return [bucket * 4 for bucket, count in ranked if count * 2 >= ranked[0][1]]


@lru_cache(maxsize=2)
def _pair_index(text: str) -> dict[str, list[int]]:
    """Where each pair of characters occurs in `text` (kept for the text being re-anchored)."""
    index: dict[str, list[int]] = {}
    for i in range(len(text) - _SEED + 1):
        index.setdefault(text[i : i + _SEED], []).append(i)
    return index


def _align(quote: str, text: str, guess: int) -> tuple[int, int] | None:
    """The span of text around `guess` that lines up with the quote (matching blocks, ends extended)."""
    lo = max(0, guess - len(quote) // 2 - _WIGGLE)
    hi = min(len(text), guess + len(quote) + len(quote) // 2 + _WIGGLE)
    blocks = [b for b in SequenceMatcher(None, quote, text[lo:hi], autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return None
    first, last = blocks[0], blocks[-1]
    start = max(0, lo + first.b - first.a)
    end = min(len(text), lo + last.b + last.size + (len(quote) - last.a - last.size))
    return (start, end) if start < end else None


def _ratio(a: str, b: str) -> float:
    """difflib's similarity of two strings (0–1)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _hash(text: str) -> str:
    """The short text hash articles and claims keep (as store.prepare.text_hash)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- writing
CLAIMS_OF_ARTICLE = "SELECT id, start, [end], quote, prefix, suffix FROM claims WHERE article_id = ? ORDER BY start, id"


def reanchor_article(db: Database, article_id: int, new_text: str) -> dict[str, int]:
    """Place every claim of an article in its new cleaned text; return counts by anchor kind.

    Call it when an article's text is replaced (before or after the article row
    is updated: only `claims` rows are written). Placed claims get new offsets,
    quote, context and text hash; a fuzzy match records the old quote in the
    claim's history; orphans keep everything but their anchor. Runs in its own
    transaction, or inside the caller's if one is open.
    """
    counts = dict.fromkeys(ANCHORS, 0)
    with _writing(db):
        for claim_id, start, end, quote, prefix, suffix in db.execute(CLAIMS_OF_ARTICLE, [article_id]).fetchall():
            found = place(quote, prefix or "", suffix or "", start, end, new_text)
            write_placement(db, claim_id, article_id, found, new_text)
            counts[found.anchor] += 1
    return counts


def write_placement(db: Database, claim_id: str, article_id: int, found: Placement, text: str) -> None:
    """Store a claim's new placement in `text` of article `article_id` (an orphan keeps its place)."""
    if found.anchor == "orphan":
        db.execute("UPDATE claims SET anchor = 'orphan' WHERE id = ?", [claim_id])
        return
    s, e = found.start, found.end
    old_quote = db.execute("SELECT quote FROM claims WHERE id = ?", [claim_id]).fetchone()[0]
    db.execute(
        "UPDATE claims SET article_id = ?, start = ?, [end] = ?, quote = ?, prefix = ?, suffix = ?, text_hash = ?, "
        "anchor = ? WHERE id = ?",
        [
            article_id,
            s,
            e,
            text[s:e],
            text[max(0, s - CONTEXT) : s],
            text[e : e + CONTEXT],
            _hash(text),
            found.anchor,
            claim_id,
        ],
    )
    if text[s:e] != old_quote:
        from .ingest import now
        from .tags import log_change

        log_change(db, claim_id, now(), "quote", old_quote, text[s:e])


@contextlib.contextmanager
def _writing(db: Database) -> Iterator[None]:
    """A write transaction of our own, or a savepoint inside the caller's."""
    if db.conn.in_transaction:
        with db.atomic():
            yield
    else:
        with immediate(db):
            yield
