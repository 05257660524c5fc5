"""Claims follow a file to its newer version: the import of a changed file takes them along.

When a changed file is imported, its old version stays in the library. Each
older article that carries claims is matched to an article of the new
version, and its claims are re-placed there with store.anchoring. The rules
are in `carry_claims`.
"""

from __future__ import annotations

from sqlite_utils import Database

from .anchoring import ANCHORS, CLAIMS_OF_ARTICLE, place, write_placement

_OLD_ARTICLES = """
SELECT DISTINCT a.id, a.ord, a.title FROM articles a JOIN sources s ON s.id = a.source_id
JOIN claims c ON c.article_id = a.id WHERE s.replaced_by = ? ORDER BY a.ord
"""


def carry_claims(db: Database, source_id: int) -> dict[str, int]:
    """Move the claims of the version(s) that source `source_id` replaced onto its articles.

    Each older article is matched to a new one by title (when exactly one new
    article has it), else by position in the file, else to the new article
    holding most of its quotes. A claim moves only if it lands there (exact,
    moved or fuzzy), or lands exactly in another new article; the others stay
    on the older version, still right in its text (which the library keeps
    listed while it carries claims). Call inside the import's transaction.
    """
    new = db.execute(
        "SELECT id, ord, title, text FROM articles WHERE source_id = ? ORDER BY ord", [source_id]
    ).fetchall()
    counts = dict.fromkeys((*ANCHORS, "kept"), 0)
    for old_id, ord_, title in db.execute(_OLD_ARTICLES, [source_id]).fetchall():
        claims = db.execute(CLAIMS_OF_ARTICLE, [old_id]).fetchall()
        match = _matching_article(new, ord_, title, [c[3] for c in claims])
        for claim_id, start, end, quote, prefix, suffix in claims:
            target, found = _landing(new, match, quote, prefix or "", suffix or "", start, end)
            if found is None:
                counts["kept"] += 1
                continue
            write_placement(db, claim_id, target[0], found, target[3])
            counts[found.anchor] += 1
    return counts


def _matching_article(new: list[tuple], ord_: int, title: str, quotes: list[str]) -> tuple:
    """The new article an older one became: same title, else same position, else most quotes."""
    titled = [a for a in new if title and a[2] == title]
    if len(titled) == 1:
        return titled[0]
    placed = [a for a in new if a[1] == ord_]
    if placed:
        return placed[0]
    return max(new, key=lambda a: sum(q in a[3] for q in quotes))


def _landing(new: list[tuple], match: tuple, quote: str, prefix: str, suffix: str, start: int, end: int):
    """(article, placement) where a claim lands in the new version, or (None, None)."""
    found = place(quote, prefix, suffix, start, end, match[3])
    if found.anchor != "orphan":
        return match, found
    for article in new:
        if article is not match and quote and quote in article[3]:
            return article, place(quote, prefix, suffix, start, end, article[3])
    return None, None
