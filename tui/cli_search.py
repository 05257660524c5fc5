"""`hecha search`, `hecha dict` and the search half of `hecha reindex`.

`hecha search QUERY [--limit N] [--json]` prints the best articles with a
snippet whose matched words are highlighted; `--batch` reads JSON lines
`{"id", "query"}` on stdin and writes `{"id", "hits", "ms"}` per line for
scripts and benchmarks. `hecha dict add WORD…` / `hecha dict list` keep the
user dictionary; adding words re-segments the library with a progress bar.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from rich.console import Console
from rich.text import Text

from .. import store
from .cli_figures import cmd_reindex as reindex_figures

COMMANDS = ("search", "dict")
Fail = Callable[..., int]


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """The `search` and `dict` subcommands."""
    find = sub.add_parser("search", help="search titles, text, figures and claims (see README: query language)")
    find.add_argument("query", nargs="?", metavar="QUERY", help="words and filters, e.g. '新能源汽车 date:2024-03'")
    find.add_argument("--limit", type=int, default=20, metavar="N", help="at most N articles (default 20)")
    find.add_argument("--json", action="store_true", help="print a JSON array of {id, title, snippet, marks, score}")
    find.add_argument(
        "--batch", action="store_true", help='read JSON lines {"id", "query"} on stdin, write hits per line'
    )
    words = sub.add_parser("dict", help="the user dictionary of words search keeps whole")
    words_sub = words.add_subparsers(dest="dict_command", metavar="ACTION", required=True)
    add = words_sub.add_parser("add", help="add words, then re-segment the library")
    add.add_argument("words", nargs="+", metavar="WORD")
    words_sub.add_parser("list", help="print the words and the dictionary file")


def run(db, args, fail: Fail) -> int:
    """Run `search` or `dict`."""
    if args.command == "dict":
        return cmd_dict(db, args, fail)
    if args.limit < 1:
        return fail(f"--limit must be 1 or more, not {args.limit}")
    if args.batch:
        return cmd_batch(db, args, fail)
    if args.query is None:
        return fail("search needs a QUERY (or --batch)")
    _warn_pending(db)
    try:
        hits = store.search(db, args.query, args.limit)
    except store.QueryError as error:
        return fail(f"search: {error}", 1)
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return 0
    _print_hits(hits)
    return 0


def _print_hits(hits: list[store.Hit]) -> None:
    console = Console(highlight=False, soft_wrap=True)
    if not hits:
        console.print(Text("No articles match.", style="dim"))
    for hit in hits:
        line = Text(f"{hit.id:>6}  ", style="dim")
        line.append(hit.title, style="bold")
        snippet = Text(hit.snippet)
        for start, end in hit.marks:
            snippet.stylize("bold black on yellow", start, end)
        console.print(line)
        console.print(Text("        ") + snippet)


def cmd_batch(db, args, fail: Fail) -> int:
    """One JSON line of hits per JSON line of query on stdin (the segmenter loads before the first is timed)."""
    store.warm_search()
    code = 0
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            query_id, text = request["id"], str(request["query"])
        except (ValueError, KeyError, TypeError):  # one bad line is said and answered; the rest go on
            message = f'stdin line {number}: expected a JSON object with "id" and "query"'
            fail(message)
            print(json.dumps({"id": None, "hits": [], "ms": 0.0, "error": message}), flush=True)
            code = 1
            continue
        try:
            hits, ms = store.timed_search(db, text, args.limit)
            out = {"id": query_id, "hits": hits, "ms": round(ms, 3)}
        except store.QueryError as error:
            out = {"id": query_id, "hits": [], "ms": 0.0, "error": str(error)}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return code


def cmd_dict(db, args, fail: Fail) -> int:
    """`hecha dict add WORD…` and `hecha dict list`."""
    console = Console(highlight=False, soft_wrap=True)
    try:
        if args.dict_command == "list":
            for word in store.dictionary_words():
                console.print(Text(word))
            console.print(Text(f"({store.dict_path()})", style="dim"))
            return 0
        added = store.add_dictionary_words(args.words)
    except store.DictionaryError as error:
        return fail(str(error))
    console.print(Text(f"Added {len(added)} word{'s' * (len(added) != 1)} to {store.dict_path()}."))
    if added:
        count = resegment(db)
        console.print(Text(f"Re-segmented {count} article{'s' * (count != 1)} for search."))
    return 0


def resegment(db) -> int:
    """Bring the search index up to date, with a progress bar on a terminal."""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if not err.is_terminal:
        return store.reindex_search(db)
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("segmenting", total=None)
        return store.reindex_search(db, progress=lambda done, total: progress.update(task, completed=done, total=total))


def _warn_pending(db) -> None:
    pending = store.search_pending(db)
    if pending:
        Console(stderr=True, highlight=False).print(
            Text(
                f"hecha: {pending} article{'s' * (pending != 1)} not indexed for search yet: run `hecha reindex`",
                style="yellow",
            )
        )


def cmd_reindex(db, args) -> int:
    """`hecha reindex [--all]`: figures from the current extractor, then the search index."""
    code = reindex_figures(db, args)
    count = _force(db) if getattr(args, "all", False) else resegment(db)
    Console(highlight=False, soft_wrap=True).print(Text(f"Indexed {count} article{'s' * (count != 1)} for search."))
    return code


def _force(db) -> int:
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    if not err.is_terminal:
        return store.reindex_search(db, force=True)
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("segmenting", total=None)
        return store.reindex_search(
            db, force=True, progress=lambda done, total: progress.update(task, completed=done, total=total)
        )
