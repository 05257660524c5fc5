"""`hecha checks`, `hecha indicators` and `hecha suggest`: help checking from the command line.

`checks` prints the relations each article states between its figures with
the verdict and arithmetic; `indicators` the indicator, place and period of
each figure across the library (conflicts first, or only them); `suggest` the
sentences of an article worth marking as claims, most checkable first.
Tables on a terminal, tab-separated rows in a pipe (store.cli_output).
"""

from __future__ import annotations

import json

from rich.text import Text

from .. import store
from .cli_output import print_table

COMMANDS = ("checks", "indicators", "suggest")
VERDICT_STYLES = {"consistent": "green", "rounding": "yellow", "inconsistent": "bold red", "cannot tell": "dim"}


def add_parsers(sub) -> None:
    """Register the `checks`, `indicators` and `suggest` subcommands."""
    chk = sub.add_parser("checks", help="arithmetic the articles state about their figures, computed and judged")
    chk.add_argument("--article", type=int, metavar="ID", help="only this article")
    chk.add_argument("--json", action="store_true", help="print a JSON array")
    ind = sub.add_parser("indicators", help="what each figure measures, where and when, across the library")
    ind.add_argument("--conflicts", action="store_true", help="only indicators two articles give differently")
    ind.add_argument("--json", action="store_true", help="print a JSON array")
    sug = sub.add_parser("suggest", help="sentences of an article worth marking as claims, ranked")
    sug.add_argument("--article", type=int, metavar="ID", required=True, help="the article")
    sug.add_argument("--json", action="store_true", help="print a JSON array")


def run(db, args, fail) -> int:
    """Run one of this module's subcommands."""
    handlers = {"checks": cmd_checks, "indicators": cmd_indicators, "suggest": cmd_suggest}
    return handlers[args.command](db, args, fail)


def _missing(db, article_id: int | None, fail) -> int | None:
    """An exit code when `article_id` names no article, else None."""
    if article_id is not None and store.get_article(db, article_id) is None:
        return fail(f"no article with id {article_id} (see `hecha list`)", 1)
    return None


def _dump(rows: list[dict]) -> int:
    """Print rows as a JSON array."""
    print(json.dumps(rows, ensure_ascii=False, indent=1))
    return 0


def cmd_checks(db, args, fail) -> int:
    """`hecha checks [--article ID] [--json]`"""
    if (code := _missing(db, args.article, fail)) is not None:
        return code
    checks = store.list_checks(db, args.article)
    if args.json:
        return _dump([c.to_dict() for c in checks])
    rows = [
        (
            str(c.article_id),
            c.kind,
            Text(c.verdict, style=VERDICT_STYLES[c.verdict]),
            Text(" ".join(f[2] for f in c.figures)),
            Text(c.explanation),
        )
        for c in checks
    ]
    print_table(("article", "kind", "verdict", "figures", "explanation"), rows, right=("article",))
    return 0


def cmd_indicators(db, args, fail) -> int:
    """`hecha indicators [--conflicts] [--json]`"""
    items = store.list_indicators(db, only_conflicts=args.conflicts)
    if args.json:
        return _dump([i.to_dict() for i in items])
    clashing = {(i.article_id, i.start) for i in store.list_indicators(db, only_conflicts=True)}
    rows = [
        (
            Text(i.indicator),
            Text(i.place or ""),
            i.period or "",
            i.base or "",
            Text(i.text),
            str(i.article_id),
            Text("conflict", style="bold red") if (i.article_id, i.start) in clashing else Text(""),
        )
        for i in items
    ]
    print_table(("indicator", "place", "period", "base", "value", "article", "note"), rows, right=("value", "article"))
    return 0


def cmd_suggest(db, args, fail) -> int:
    """`hecha suggest --article ID [--json]`"""
    if (code := _missing(db, args.article, fail)) is not None:
        return code
    suggestions = store.article_suggestions(db, args.article)
    if args.json:
        return _dump([s.to_dict() for s in suggestions])
    article = store.get_article(db, args.article)
    text = article.text if article else ""
    rows = [(f"{s.score:g}", Text(text[s.start : s.end])) for s in suggestions]
    print_table(("score", "sentence"), rows, right=("score",))
    return 0
