"""Everything import derives from a file, computed without the database.

Reading, cleaning, the split into articles, figures, checks, indicators,
search words, keywords and the title's sort key are pure text work: they
take nearly all of an import's time and need nothing stored. This module
does them for one file and hands back plain rows, so that import can do
them in other processes (store.workers) while one process writes, and so
that import and re-clean store exactly the same things.

Nothing here imports the database layer: a worker process loads only what
text work needs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .checks import Check, find_checks
from .clean import clean_text, strip_controls
from .dating import publication_date
from .figures import EXTRACTOR_VERSION, FIELDS, Figure, extract
from .indicators import Indicator, find_indicators
from .keywords import keywords
from .layout import Article, split_page
from .reading import Refused, read_source
from .script import fold
from .segment import search_words
from .sortkeys import title_key
from .userdict import fingerprint

RULES_VERSION = "3"  # of checks and indicators; bump whenever a rule change alters any output
ANALYSIS_VERSION = f"{RULES_VERSION}.{EXTRACTOR_VERSION}"
HEAD_CHARS = 200
IND_FIELDS = ("indicator", "place", "period", "base", "value", "unit", "start", "end", "text", "step")

_INT64 = (-(2**63), 2**63 - 1)
_NUMBERS = ("value", "low", "high")


@dataclass
class PreparedArticle:
    """One article's row and every row derived from its text, ready to store."""

    order: int
    fields: dict[str, object]  # the article row's text-derived columns
    blocks: list[tuple[int, str, int, int]]  # (ord, kind, start, end)
    figures: list[tuple]  # figure rows in `FIELDS` order
    checks: list[tuple]  # (kind, figures JSON, stated, computed, verdict, explanation, start, end)
    indicators: list[tuple]  # in `IND_FIELDS` order
    index_title: str  # search-mode words, space-separated, for the full-text index
    index_body: str

    @property
    def text(self) -> str:
        """The cleaned text."""
        return str(self.fields["text"])

    @property
    def title(self) -> str:
        """The title (or the start of the first sentence)."""
        return str(self.fields["title"])


@dataclass
class PreparedFile:
    """One file read and prepared: its source row's values and its articles, or why it was refused."""

    path: Path
    digest: str = ""
    encoding: str = ""
    size: int = 0
    raw: str = ""
    articles: list[PreparedArticle] = field(default_factory=list)
    refusal: str | None = None  # the reason the file cannot be imported
    known: bool = False  # its bytes are stored already: nothing else was prepared


def text_hash(text: str) -> str:
    """A short hash of an article's cleaned text (claims keep it to detect edits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_head(title: str | None, kicker: str | None, subtitle: str | None, text: str) -> str:
    """What names the place an article is about: its title lines and first characters."""
    return "\n".join(p for p in (title, kicker, subtitle, text[:HEAD_CHARS]) if p)


def storable(number: object) -> object:
    """An integer too large for SQLite's INTEGER becomes REAL (9223372036854775808元 still shows, rounded)."""
    if isinstance(number, int) and not _INT64[0] <= number <= _INT64[1]:
        return float(number)
    return number


def figure_row(figure: Figure) -> tuple:
    """The values of one figure's row, in `FIELDS` order."""
    return tuple(storable(getattr(figure, c)) if c in _NUMBERS else getattr(figure, c) for c in FIELDS)


def check_row(check: Check) -> tuple:
    """The values of one check's row: kind, figures (JSON), stated, computed, verdict, explanation, start, end."""
    figures = json.dumps(check.figures, ensure_ascii=False)
    return (check.kind, figures, check.stated, check.computed, check.verdict, check.explanation, check.start, check.end)


def indicator_row(indicator: Indicator) -> tuple:
    """The values of one indicator's row, in `IND_FIELDS` order."""
    return tuple(getattr(indicator, k) for k in IND_FIELDS)


def index_words(text: str, user_words: tuple[str, ...]) -> str:
    """The index form of a text: folded, search-mode words joined by spaces."""
    return " ".join(search_words(fold(text), user_words))


def analysis_rows(
    text: str, figures: list[Figure], published: str | None, head: str, folded: str
) -> tuple[list[tuple], list[tuple]]:
    """The check rows and indicator rows of an article (import and a refresh after a rules change share them)."""
    checks = [check_row(c) for c in find_checks(text, figures, folded)]
    return checks, [indicator_row(i) for i in find_indicators(text, figures, published, head, folded)]


@dataclass(frozen=True)
class SearchFields:
    """What search keeps of an article: its index forms and the row's title key, keywords and dictionary stamp."""

    index_title: str
    index_body: str
    title_key: str
    keywords: str
    indexed_with: str


def search_fields(title: str, folded_text: str, user_words: tuple[str, ...]) -> SearchFields:
    """The search fields of an article (its text folded), the text cut once for the index and the keywords."""
    body_words = search_words(folded_text, user_words)
    return SearchFields(
        index_title=index_words(title, user_words),
        index_body=" ".join(body_words),
        title_key=title_key(title),
        keywords=" ".join(keywords(folded_text, user_words, search_words=body_words)),
        indexed_with=fingerprint(user_words),
    )


def prepare_article(article: Article, published: str | None, user_words: tuple[str, ...]) -> PreparedArticle:
    """Everything stored for one article, from its text alone."""
    text = article.text
    title, kicker, subtitle = article.title, article.first("kicker"), article.first("subtitle")
    folded = fold(text)
    figures = extract(text, folded)
    search = search_fields(title, folded, user_words)
    checks, indicators = analysis_rows(text, figures, published, article_head(title, kicker, subtitle, text), folded)
    fields: dict[str, object] = {
        "title": title,
        "kicker": kicker,
        "subtitle": subtitle,
        "byline": article.first("byline"),
        "text": text,
        "chars": len(text),
        "text_hash": text_hash(text),
        "date": published,
        "title_key": search.title_key,
        "keywords": search.keywords,
        "n_figures": len(figures),
        "figures_version": EXTRACTOR_VERSION,
        "checks_version": ANALYSIS_VERSION,
        "indexed_with": search.indexed_with,
    }
    return PreparedArticle(
        order=article.order,
        fields=fields,
        blocks=[
            (n, block.kind, start, end)
            for n, (block, (start, end)) in enumerate(zip(article.blocks, article.block_spans()))
        ],
        figures=[figure_row(f) for f in figures],
        checks=checks,
        indicators=indicators,
        index_title=search.index_title,
        index_body=search.index_body,
    )


def prepare_articles(path: Path, text: str, user_words: tuple[str, ...]) -> list[PreparedArticle]:
    """Clean a page's text, split it into articles and prepare each (dated from its dateline or the file name)."""
    return [
        prepare_article(article, publication_date(path.name, (b.text for b in article.blocks)), user_words)
        for article in split_page(clean_text(text))
    ]


def prepare_file(path: Path, user_words: tuple[str, ...], known: Callable[[str], bool] | None = None) -> PreparedFile:
    """Read and prepare one file; never raises for a bad file (the refusal says why).

    `known` tells whether bytes with this SHA-256 are stored already; such a
    file is only read, not prepared.
    """
    try:
        source = read_source(path)
    except Refused as refusal:
        return PreparedFile(path, refusal=refusal.reason)
    digest = hashlib.sha256(source.data).hexdigest()
    if known is not None and known(digest):
        return PreparedFile(path, digest=digest, known=True)
    try:
        articles = prepare_articles(path, source.text, user_words)
    except Exception as error:  # a fault of ours on one file must not stop the rest of the folder
        return PreparedFile(path, digest=digest, refusal=f"could not be imported ({type(error).__name__}: {error})")
    if not articles:
        return PreparedFile(path, digest=digest, refusal="no text left after cleaning")
    return PreparedFile(
        path,
        digest=digest,
        encoding=source.encoding,
        size=len(source.data),
        raw=strip_controls(source.text),
        articles=articles,
    )
