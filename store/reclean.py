"""Stored sources read again with the current layout rules, and why each block is what it is.

Articles are cut from their file when it is imported. When the layout rules
improve, `reclean` re-reads every stored source with them and rewrites the
articles whose cut changed, keeping article ids where it can. Claims follow
the text: each claim of a rewritten article is placed again in its new text
(`store.anchoring`: exact, moved, fuzzy, or an orphan kept with its quote),
and a claim of an article the new cut no longer has goes to the new article
where its quote lands, or stays an orphan on the nearest one. The search
index, checks and indicators of every rewritten article are made anew.

`block_rules` shows, for one stored article, each block with its kind and the
rule that decided it, computed on demand from the stored source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from .anchoring import ANCHORS, place, reanchor_article, write_placement
from .clean import clean_text
from .dating import publication_date
from .db import immediate
from .fulltext import unindex_article
from .ingest import _insert_article, store_parts
from .layout import Article, split_page
from .prepare import PreparedArticle, prepare_article
from .userdict import current_words

STALE_RULE = "stored by earlier layout rules (run `hecha reindex --clean`)"


@dataclass(frozen=True)
class BlockRule:
    """One block of an article: its kind, the rule that decided it, its text."""

    kind: str
    rule: str
    text: str


@dataclass
class RecleanReport:
    """What `reclean` did: sources rewritten, unchanged, and skipped with the reason."""

    rewritten: int = 0
    unchanged: int = 0
    articles: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ANCHORS, 0))

    def summary(self) -> str:
        """One line for the command line."""
        line = (
            f"Re-cleaned {self.rewritten} source{'s' * (self.rewritten != 1)} "
            f"({self.articles} article{'s' * (self.articles != 1)}); {self.unchanged} unchanged; "
            f"{len(self.skipped)} skipped."
        )
        if any(self.anchors.values()):
            a = self.anchors
            line += (
                f" Claims re-anchored: {a['exact']} exactly, {a['moved']} moved, "
                f"{a['fuzzy']} matched fuzzily, {a['orphan']} orphaned."
            )
        return line

    def count(self, counts: dict[str, int]) -> None:
        """Add one article's re-anchoring counts."""
        for anchor, n in counts.items():
            self.anchors[anchor] += n


def block_rules(db: Database, article_id: int) -> list[BlockRule] | None:
    """Each block of a stored article with the rule that decided it; None if there is no such article."""
    row = db.execute(
        "SELECT a.ord, a.text, s.raw FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    order, text, raw = row
    articles = split_page(clean_text(raw or ""))
    if order < len(articles) and articles[order].text == text:
        return [BlockRule(b.kind, b.rule, b.text) for b in articles[order].blocks]
    stored = db.execute("SELECT kind, start, end FROM blocks WHERE article_id = ? ORDER BY ord", [article_id])
    return [BlockRule(kind, STALE_RULE, text[start:end]) for kind, start, end in stored.fetchall()]


def reclean(db: Database) -> RecleanReport:
    """Re-read every current source with the current rules; rewrite the articles whose cut changed."""
    report = RecleanReport()
    sources = db.execute("SELECT id, name, raw FROM sources WHERE replaced_by IS NULL ORDER BY id").fetchall()
    for source_id, name, raw in sources:
        _reclean_source(db, source_id, name, raw or "", report)
    return report


def _reclean_source(db: Database, source_id: int, name: str, raw: str, report: RecleanReport) -> None:
    """Re-clean one source, or count it unchanged, or skip it (claims)."""
    articles = split_page(clean_text(raw))
    if not articles:
        report.skipped.append((name, "no text left after cleaning; kept as stored"))
        return
    with immediate(db):
        stored = db.execute(
            "SELECT id, text, (SELECT count(*) FROM claims c WHERE c.article_id = a.id) "
            "FROM articles a WHERE source_id = ? ORDER BY ord",
            [source_id],
        ).fetchall()
        if _same_cut(db, stored, articles):
            report.unchanged += 1
            return
        _rewrite(db, source_id, name, [row[0] for row in stored], articles, report)
    report.rewritten += 1
    report.articles += len(articles)


def _same_cut(db: Database, stored: list[tuple], articles: list[Article]) -> bool:
    """Whether the stored articles have the texts and block kinds the current rules give."""
    if len(stored) != len(articles):
        return False
    for (article_id, text, _), article in zip(stored, articles):
        kinds = [r[0] for r in db.execute("SELECT kind FROM blocks WHERE article_id = ? ORDER BY ord", [article_id])]
        if text != article.text or kinds != [b.kind for b in article.blocks]:
            return False
    return True


def _rewrite(
    db: Database, source_id: int, name: str, ids: list[int], articles: list[Article], report: RecleanReport
) -> None:
    """Update articles in place by order, insert new ones, delete those left over; claims follow their words."""
    words = current_words()
    claims = [
        row[0]
        for row in db.execute(
            "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.source_id = ?", [source_id]
        )
    ]
    for order, article in enumerate(articles):
        prepared = prepare_article(article, publication_date(name, (b.text for b in article.blocks)), words)
        if order < len(ids):
            reanchor_article(db, ids[order], article.text)
            _update_article(db, ids[order], prepared)
        else:
            _insert_article(db, source_id, name, prepared)
    gone = ids[len(articles) :]
    kept = [
        row
        for row in db.execute("SELECT id, text FROM articles WHERE source_id = ? ORDER BY ord", [source_id])
        if row[0] not in gone
    ]
    for article_id in gone:  # its claims wait as orphans on the page's last article, then look for their words
        db.execute(
            "UPDATE claims SET article_id = ?, anchor = 'orphan' WHERE article_id = ?", [kept[-1][0], article_id]
        )
        unindex_article(db, article_id)
        for table in ("blocks", "figures", "checks", "indicators"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])
    _place_orphans(db, claims, kept)
    for claim_id in claims:
        report.anchors[db.execute("SELECT anchor FROM claims WHERE id = ?", [claim_id]).fetchone()[0]] += 1


def _place_orphans(db: Database, claim_ids: list[str], kept: list[tuple[int, str]]) -> None:
    """Claims whose words left their article: to the article of the page where the quote lands best."""
    for claim_id in claim_ids:
        row = db.execute(
            "SELECT start, [end], quote, prefix, suffix, anchor FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        if row is None or row[5] != "orphan":
            continue
        start, end, quote, prefix, suffix, _ = row
        found = [(place(quote, prefix or "", suffix or "", start, end, text), target, text) for target, text in kept]
        landed = [f for f in found if f[0].anchor != "orphan"]
        if landed:
            placement, target, text = min(landed, key=lambda f: ANCHORS.index(f[0].anchor))
            write_placement(db, claim_id, target, placement, text)


def _update_article(db: Database, article_id: int, article: PreparedArticle) -> None:
    """Give a stored article the text, fields, blocks, figures, checks and index entry of `article`."""
    fields = article.fields
    assignments = ", ".join(f"{name} = ?" for name in fields)
    unindex_article(db, article_id)  # before the text changes: the index forgets the words it was given
    db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*fields.values(), article_id])
    store_parts(db, article_id, article)
