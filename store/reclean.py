"""Stored sources read again with the current layout rules, and why each block is what it is.

Articles are cut from their file when it is imported. When the layout rules
improve, `reclean` re-reads every stored source with them and rewrites the
articles whose cut changed, keeping article ids where it can. An article that
carries claims is left as it is, since a claim points at characters of the
text it was made on: that source is skipped with a message until claims can
be re-anchored.

`block_rules` shows, for one stored article, each block with its kind and the
rule that decided it, computed on demand from the stored source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlite_utils import Database

from .clean import clean_text
from .dating import publication_date
from .db import immediate
from .figure_store import save_figures
from .ingest import _insert_article, text_hash
from .layout import Article, split_page

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

    def summary(self) -> str:
        """One line for the command line."""
        return (
            f"Re-cleaned {self.rewritten} source{'s' * (self.rewritten != 1)} "
            f"({self.articles} article{'s' * (self.articles != 1)}); {self.unchanged} unchanged; "
            f"{len(self.skipped)} skipped."
        )


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
        claimed = sum(1 for _, _, claims in stored if claims)
        if claimed:
            reason = f"{claimed} article{'s' * (claimed != 1)} carry claims; kept until claims can be re-anchored"
            report.skipped.append((name, reason))
            return
        _rewrite(db, source_id, name, [row[0] for row in stored], articles)
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


def _rewrite(db: Database, source_id: int, name: str, ids: list[int], articles: list[Article]) -> None:
    """Update articles in place by order, insert new ones, delete those left over."""
    for order, article in enumerate(articles):
        published = publication_date(name, (b.text for b in article.blocks))
        if order < len(ids):
            _update_article(db, ids[order], article, published)
        else:
            _insert_article(db, source_id, article, published)
    for article_id in ids[len(articles) :]:
        for table in ("blocks", "figures"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM articles WHERE id = ?", [article_id])


def _update_article(db: Database, article_id: int, article: Article, published: str | None) -> None:
    """Give a stored article the text, fields, blocks and figures of `article`."""
    text = article.text
    fields = {
        "title": article.title, "kicker": article.first("kicker"), "subtitle": article.first("subtitle"),
        "byline": article.first("byline"), "text": text, "chars": len(text), "text_hash": text_hash(text),
        "date": published,
    }
    assignments = ", ".join(f"{name} = ?" for name in fields)
    db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*fields.values(), article_id])
    db.execute("DELETE FROM blocks WHERE article_id = ?", [article_id])
    rows = [
        {"article_id": article_id, "ord": n, "kind": block.kind, "start": start, "end": end}
        for n, (block, (start, end)) in enumerate(zip(article.blocks, article.block_spans()))
    ]
    db["blocks"].insert_all(rows)
    save_figures(db, article_id, text)
