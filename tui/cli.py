"""The `hecha` command: with no arguments it opens the app; subcommands script the store.

Every subcommand opens the database (`--db`, else HECHA_DB, else the user data
directory), calls store's public functions and prints with Rich. Errors are one
line on stderr naming the file or article and the reason, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from rich.console import Console
from rich.text import Text

from .. import store
from .cli_checks import COMMANDS as CHECK_COMMANDS
from .cli_checks import add_parsers as add_check_parsers
from .cli_checks import run as run_check_command
from .cli_claims import COMMANDS as CLAIM_COMMANDS
from .cli_claims import add_parsers as add_claim_parsers
from .cli_claims import run as run_claim_command
from .cli_exchange import COMMANDS as EXCHANGE_COMMANDS
from .cli_exchange import add_parsers as add_exchange_parsers
from .cli_exchange import run as run_exchange_command
from .cli_figures import add_parsers as add_figure_parsers
from .cli_figures import cmd_figures
from .cli_output import add_format_options, print_records, stdout_is_terminal
from .cli_search import COMMANDS as SEARCH_COMMANDS
from .cli_search import add_parsers as add_search_parsers
from .cli_search import cmd_reindex
from .cli_search import run as run_search_command
from .render import article_plain, article_renderable, blocks_plain, blocks_renderable

EXIT_REFUSED = 1
EXIT_ERROR = 2
PROGRESS_EVERY = 0.1  # seconds between redraws of the import progress bar


def article_id(text: str) -> int:
    """An article id: a whole number that fits the database (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not -(2**63) <= value < 2**63:
        raise argparse.ArgumentTypeError(f"too large to be an article id: {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="hecha", description="Read, check and annotate Chinese news.")
    parser.add_argument("--db", metavar="PATH", help="database file (default: $HECHA_DB or the user data dir)")
    parser.add_argument("--version", action="version", version=f"hecha {package_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    imp = sub.add_parser("import", help="import .txt/.md files and folders")
    imp.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    lst = sub.add_parser("list", help="list the articles in the library")
    add_format_options(lst)
    show = sub.add_parser("show", help="print one article, cleaned")
    show.add_argument("id", type=article_id, metavar="ID", help="article id (see `hecha list`)")
    fmt = show.add_mutually_exclusive_group()
    fmt.add_argument("--raw", action="store_true", help="print the original text of its file")
    fmt.add_argument("--json", action="store_true", help="print the article as JSON")
    fmt.add_argument(
        "--blocks", action="store_true", help="print each block with its kind and the rule that decided it"
    )
    add_figure_parsers(sub)
    add_claim_parsers(sub)
    add_exchange_parsers(sub)
    add_check_parsers(sub)
    add_search_parsers(sub)
    sub.add_parser("app", help="open the app (the default)")
    accept_db_anywhere(sub)
    return parser


def accept_db_anywhere(sub) -> None:
    """Every subcommand (and sub-subcommand) also takes --db after its name: `hecha list --db x.db`."""
    for parser in sub.choices.values():
        if not any("--db" in action.option_strings for action in parser._actions):
            parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="database file")
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                accept_db_anywhere(action)


def package_version() -> str:
    """The installed version of hecha."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("hecha")
    except PackageNotFoundError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `hecha` console script."""
    args = build_parser().parse_args(argv)
    if args.command in (None, "app"):
        from .app import run_app

        return run_app(args.db)
    try:
        code = _run(args)
        store.remember_sound(args.db or store.default_db_path())  # done with it: the next open skips the page check
        return code
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return _fail("interrupted; everything imported before this file is stored")
    except store.DatabaseError as error:
        return _fail(str(error))
    except Exception as error:  # never a traceback: one line naming the file and the problem
        if os.environ.get("HECHA_DEBUG"):
            raise
        return _fail(_describe(args, error))


def _run(args) -> int:
    """Open the database (read-only for reading commands) and run the subcommand."""
    readonly = _reads_only(args)
    if args.command == "figures":
        return cmd_figures(lambda: _open_or_exit(args.db, readonly), args, _fail)
    if args.command in EXCHANGE_COMMANDS:
        return run_exchange_command(args, _fail)
    db = store.open_db(args.db, readonly=readonly)
    try:
        if args.command in CLAIM_COMMANDS:
            return run_claim_command(db, args, _fail)
        if args.command in CHECK_COMMANDS:
            return run_check_command(db, args, _fail)
        if args.command in SEARCH_COMMANDS:
            return run_search_command(db, args, _fail)
        handler = {"import": cmd_import, "list": cmd_list, "show": cmd_show, "reindex": cmd_reindex}[args.command]
        return handler(db, args)
    finally:
        db.close()


def _reads_only(args) -> bool:
    """Whether the subcommand only reads the library (so a read-only file will do)."""
    if args.command == "tags":
        return not args.tags_command
    return args.command in ("list", "show", "claims", "export", "figures")


def _db_target(args) -> str:
    """The database file a command works on."""
    return str(args.db or store.default_db_path())


def _describe(args, error: Exception) -> str:
    """One line for an unexpected error: a database fault names the database file."""
    if isinstance(error, store.DB_ERRORS):
        return store.fault_message(_db_target(args), error)
    if isinstance(error, OverflowError):
        return f"a number is too large for the database ({error})"
    if isinstance(error, OSError):
        where = store.display_name(str(error.filename)) + ": " if error.filename else ""
        return f"{where}{error.strerror or error}"
    return f"{type(error).__name__}: {error} (this is a bug in hecha; please report it)"


def _open_or_exit(path: str | None, readonly: bool = False):
    """Open the database, or print the reason and exit with status 2."""
    try:
        return store.open_db(path, readonly=readonly)
    except store.DatabaseError as error:
        sys.exit(_fail(str(error)))


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    """Print `hecha: message` on stderr (on one line, nothing a terminal would act on); return the code."""
    line = store.display_name(" ".join(message.splitlines()))
    Console(stderr=True, highlight=False, soft_wrap=True).print(Text(f"hecha: {line}", style="red"))
    return code


def cmd_import(db, args) -> int:
    """`hecha import PATH...`"""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    report = _import_with_progress(db, args.paths, err)
    for path, encoding in report.encodings:
        err.print(Text(f"{path}: read as {encoding}"))
    for refusal in report.refused:
        err.print(Text(f"{refusal.path}: refused: {refusal.reason}", style="red"))
    for name in report.not_imported:
        err.print(Text(f"{name}: not imported", style="red"))
    Console(highlight=False, soft_wrap=True).print(Text(report.summary()))
    if report.stopped is not None:
        return _fail(report.stopped)
    return EXIT_REFUSED if report.refused else 0


def _import_with_progress(db, paths: list[str], err: Console) -> store.ImportReport:
    """Import, with a progress bar on stderr when it is a terminal and there are many files."""
    files, _ = store.find_files(paths)
    if not err.is_terminal or len(files) < 20:
        return store.import_paths(db, paths)
    from rich.progress import Progress

    # Redrawn from the import's own calls, not by a thread: from a process with one thread the
    # import's workers can be forked, ready at once, instead of started afresh.
    with Progress(console=err, transient=True, auto_refresh=False) as progress:
        task = progress.add_task("importing", total=len(files))
        drawn = [0.0]

        def advance(_path) -> None:
            progress.advance(task)
            if time.monotonic() - drawn[0] >= PROGRESS_EVERY:
                drawn[0] = time.monotonic()
                progress.refresh()

        return store.import_paths(db, paths, progress=advance)


def cmd_list(db, args) -> int:
    """`hecha list [--json | --csv | --nl]`"""
    articles = store.list_articles(db)
    print_records(
        args,
        [a.to_dict() for a in articles],
        ("id", "title", "source", "chars"),
        lambda r: (
            str(r["id"]),
            Text(store.display_name(r["title"])),
            Text(store.display_name(r["source"])),
            str(r["chars"]),
        ),
    )
    return 0


def cmd_show(db, args) -> int:
    """`hecha show ID [--raw | --json | --blocks]`"""
    article = store.get_article(db, args.id)
    if article is None:
        return _fail(f"no article with id {args.id} (see `hecha list`)", EXIT_REFUSED)
    if args.json:
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=1))
        return 0
    if args.blocks:
        blocks = store.block_rules(db, args.id) or []
        if not stdout_is_terminal():
            sys.stdout.write(blocks_plain(blocks))  # lines as they are, never re-wrapped
            return 0
        Console(highlight=False).print(blocks_renderable(blocks))
        return 0
    if args.raw:
        sys.stdout.write(store.source_text(db, args.id) or "")  # the file's text exactly, never re-wrapped
        return 0
    figures = store.article_figures(db, args.id)
    if not stdout_is_terminal():
        sys.stdout.write(article_plain(article, figures))
        return 0
    console = Console(highlight=False)
    console.print(article_renderable(article, figures, console.width))
    return 0


if __name__ == "__main__":
    sys.exit(main())
