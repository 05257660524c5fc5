"""The `hecha` command: with no arguments it opens the app; subcommands script the store.

Every subcommand opens the database (`--db`, else HECHA_DB, else the user data
directory), calls store's public functions and prints with Rich. Errors are one
line on stderr naming the file or article and the reason, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from hecha import store

from .cli_claims import COMMANDS as CLAIM_COMMANDS
from .cli_claims import add_parsers as add_claim_parsers
from .cli_claims import run as run_claim_command
from .cli_figures import add_parsers as add_figure_parsers
from .cli_figures import cmd_figures, cmd_reindex
from .render import article_renderable, blocks_renderable, raw_renderable

EXIT_REFUSED = 1
EXIT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="hecha", description="Read, check and annotate Chinese news.")
    parser.add_argument("--db", metavar="PATH", help="database file (default: $HECHA_DB or the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    imp = sub.add_parser("import", help="import .txt/.md files and folders")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    lst = sub.add_parser("list", help="list the articles in the library")
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    show = sub.add_parser("show", help="print one article, cleaned")
    show.add_argument("id", type=int, metavar="ID", help="article id (see `hecha list`)")
    fmt = show.add_mutually_exclusive_group()
    fmt.add_argument("--raw", action="store_true", help="print the original text of its file")
    fmt.add_argument("--json", action="store_true", help="print the article as JSON")
    fmt.add_argument(
        "--blocks", action="store_true", help="print each block with its kind and the rule that decided it"
    )
    add_figure_parsers(sub)
    add_claim_parsers(sub)
    sub.add_parser("app", help="open the app (the default)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `hecha` console script."""
    args = build_parser().parse_args(argv)
    if args.command in (None, "app"):
        from .app import run_app

        return run_app(args.db)
    if args.command == "figures":
        return cmd_figures(lambda: _open_or_exit(args.db), args, _fail)
    try:
        db = store.open_db(args.db)
    except store.DatabaseError as error:
        return _fail(str(error))
    if args.command in CLAIM_COMMANDS:
        return run_claim_command(db, args, _fail)
    handler = {"import": cmd_import, "list": cmd_list, "show": cmd_show, "reindex": cmd_reindex}[args.command]
    try:
        return handler(db, args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return _fail("interrupted; everything imported before this file is stored")


def _open_or_exit(path: str | None):
    """Open the database, or print the reason and exit with status 2."""
    try:
        return store.open_db(path)
    except store.DatabaseError as error:
        sys.exit(_fail(str(error)))


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    """Print `hecha: message` on stderr and return the exit code."""
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(f"hecha: {message}", style="red"))
    return code


def cmd_import(db, args) -> int:
    """`hecha import PATH...`"""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    report = _import_with_progress(db, args.paths, err)
    for path, encoding in report.encodings:
        err.print(Text(f"{path}: read as {encoding}"))
    for refusal in report.refused:
        err.print(Text(f"{refusal.path}: refused: {refusal.reason}", style="red"))
    Console(highlight=False, soft_wrap=True).print(Text(report.summary()))
    return EXIT_REFUSED if report.refused else 0


def _import_with_progress(db, paths: list[str], err: Console) -> store.ImportReport:
    """Import, with a progress bar on stderr when it is a terminal and there are many files."""
    from hecha.store.reading import find_files

    files, _ = find_files(paths)
    if not err.is_terminal or len(files) < 20:
        return store.import_paths(db, paths)
    from rich.progress import Progress

    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("importing", total=len(files))
        return store.import_paths(db, paths, progress=lambda _path: progress.advance(task))


def cmd_list(db, args) -> int:
    """`hecha list [--json]`"""
    articles = store.list_articles(db)
    if args.json:
        print(json.dumps([a.to_dict() for a in articles], ensure_ascii=False, indent=1))
        return 0
    table = Table(show_edge=False, header_style="bold")
    for name, justify in (("id", "right"), ("title", "left"), ("source", "left"), ("chars", "right")):
        table.add_column(name, justify=justify, overflow="fold")
    for article in articles:
        table.add_row(str(article.id), Text(article.title), Text(article.source), str(article.chars))
    Console(highlight=False).print(table)
    return 0


def cmd_show(db, args) -> int:
    """`hecha show ID [--raw | --json | --blocks]`"""
    article = store.get_article(db, args.id)
    if article is None:
        return _fail(f"no article with id {args.id} (see `hecha list`)", EXIT_REFUSED)
    if args.json:
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=1))
        return 0
    console = Console(highlight=False)
    if args.blocks:
        console.print(blocks_renderable(store.block_rules(db, args.id) or []))
        return 0
    if args.raw:
        console.print(raw_renderable(store.source_text(db, args.id) or ""))
    else:
        console.print(article_renderable(article, store.article_figures(db, args.id)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
