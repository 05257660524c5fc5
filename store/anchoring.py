"""Re-anchoring: putting claims back on an article whose cleaned text has changed.

A claim keeps its offsets, its exact quote and 32 characters of context on each
side. When the text changes (better cleaning rules, a newer version of its
file) each claim is placed again, trying in turn:

1. ``exact``  — the quote is still at its old offsets (with its context, or it
   occurs only once);
2. ``moved``  — the exact quote elsewhere; among several places the one whose
   surroundings agree most with the stored context, then the nearest;
3. ``fuzzy``  — an approximate match of the quote (difflib) near places that
   share short runs of characters with it, scored on the quote and its
   context, accepted at FUZZY_THRESHOLD or above;
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

from sqlite_utils import Database

from .db import immediate

ANCHORS = ("exact", "moved", "fuzzy", "orphan")
CONTEXT = 32
FUZZY_THRESHOLD = 0.8  # similarity of the quote (0–1) a fuzzy match needs
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
    if places:
        best = max(places, key=lambda at: (_context(prefix, suffix, text, at, at + len(quote)), -abs(at - start)))
        return Placement(best, best + len(quote), "exact" if best == start else "moved")
    found = _fuzzy(quote, prefix, suffix, start, text)
    return found or Placement(start, end, "orphan")


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
    """The best approximate place of `quote` in `text`, if its similarity reaches FUZZY_THRESHOLD."""
    best: tuple | None = None
    chosen = (0, 0, 0.0)
    for guess in _candidates(quote, text):
        span = _align(quote, text, guess)
        for s, e in _nudged(span, len(text)) if span else ():
            similarity = _ratio(quote, text[s:e])
            score = (round(similarity, 3), _context(prefix, suffix, text, s, e), -abs(s - old_start))
            if best is None or score > best:
                best, chosen = score, (s, e, similarity)
    if chosen[2] < FUZZY_THRESHOLD:
        return None
    return Placement(chosen[0], chosen[1], "fuzzy")


def _candidates(quote: str, text: str) -> list[int]:
    """Likely start offsets of the quote in text: where most of its character pairs vote."""
    votes: Counter[int] = Counter()
    index: dict[str, list[int]] = {}
    for i in range(len(text) - _SEED + 1):
        index.setdefault(text[i : i + _SEED], []).append(i)
    for offset in range(len(quote) - _SEED + 1):
        for at in index.get(quote[offset : offset + _SEED], ()):
            votes[(at - offset) // 4] += 1
    return [bucket * 4 for bucket, _ in votes.most_common(_CANDIDATES)]


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


def _nudged(span: tuple[int, int], length: int) -> list[tuple[int, int]]:
    """The span with each end moved by up to _WIGGLE characters (kept inside the text, non-empty)."""
    s0, e0 = span
    return [
        (s, e)
        for s in range(max(0, s0 - _WIGGLE), min(length, s0 + _WIGGLE) + 1)
        for e in range(max(0, e0 - _WIGGLE), min(length, e0 + _WIGGLE) + 1)
        if s < e
    ]


def _ratio(a: str, b: str) -> float:
    """difflib's similarity of two strings (0–1)."""
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _hash(text: str) -> str:
    """The short text hash articles and claims keep (as store.ingest.text_hash)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- writing
_CLAIMS = "SELECT id, start, [end], quote, prefix, suffix FROM claims WHERE article_id = ? ORDER BY start, id"


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
        for claim_id, start, end, quote, prefix, suffix in db.execute(_CLAIMS, [article_id]).fetchall():
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
        [article_id, s, e, text[s:e], text[max(0, s - CONTEXT) : s], text[e : e + CONTEXT], _hash(text),
         found.anchor, claim_id],
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
