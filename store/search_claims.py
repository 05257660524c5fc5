"""The query language over claims: review's `/` searches quotes, notes, tags and titles.

Words match a claim when each word of each term appears in its quote, note,
tags or article title (folded, any case). `tag:` and `status:` test the claim
itself, `source:` its file, `kind:`/`value` a figure inside the quoted span,
`date:` and `has:` its article.
"""

from __future__ import annotations

import json

from sqlite_utils import Database

from .claims import Claim
from .query import Query, QueryError, figure_test, parse
from .script import fold
from .userdict import current_words

__all__ = ["filter_claims", "query_words_of", "QueryError"]


def _folded(text: str) -> str:
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in fold(text))


def _words_match(query: Query, claim: Claim) -> bool:
    hay = _folded(" ".join([claim.quote, claim.note or "", " ".join(claim.tags), claim.article_title]))
    return all(word in hay for term in query.terms for word in term)


def _claim_match(query: Query, claim: Claim) -> bool:
    tags = {t.lower() for t in claim.tags}
    return (
        all(t.lower() in tags for t in query.tags)
        and all(s == claim.status for s in query.statuses)
        and all(s in claim.source.lower() for s in query.sources)
        and _words_match(query, claim)
    )


def _allowed(db: Database, query: Query, claims: list[Claim]) -> set[str] | None:
    """Ids of claims passing the article and figure filters (None when there are none)."""
    conditions, params = query.where(skip=("tag", "status", "source", "figure"))
    sql = "SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id IN (SELECT value FROM json_each(?))"
    if query.kinds or query.values:
        test, figure_params = figure_test(query.figure_kinds(), query.values)
        sql += (
            " AND EXISTS (SELECT 1 FROM figures f WHERE f.article_id = c.article_id "
            f"AND f.start >= c.start AND f.end <= c.[end] AND {test})"
        )
        params = [*figure_params, *params]
    elif not conditions:
        return None
    sql += "".join(f" AND {c}" for c in conditions)
    return {r[0] for r in db.execute(sql, [json.dumps([c.id for c in claims]), *params])}


def filter_claims(db: Database, claims: list[Claim], text: str) -> list[Claim]:
    """The claims of `claims` that a query matches, in their order (QueryError for a bad query)."""
    query = parse(text, current_words())
    kept = [c for c in claims if _claim_match(query, c)]
    allowed = _allowed(db, query, kept) if kept else None
    return kept if allowed is None else [c for c in kept if c.id in allowed]


def query_words_of(text: str) -> list[str]:
    """The words a query looks for (what to highlight), or none when it cannot be parsed."""
    try:
        return parse(text, current_words()).words
    except QueryError:
        return []
