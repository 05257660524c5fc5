"""`hecha figures` and `hecha reindex`: the figure extractor on the command line.

`hecha figures --batch` is the interface scripts use: JSON lines in, one JSON
line out per input line, offsets into the text exactly as given. Keep it stable.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from .. import store
from ..store.clean import strip_controls
from .cli_output import print_table
from .render import format_value
from .styles import figure_style


def add_parsers(sub) -> None:
    """Register the `figures` and `reindex` subcommands."""
    fig = sub.add_parser("figures", help="list the figures of a text, a file or a stored article")
    fig.add_argument("file", nargs="?", metavar="FILE|-", help="a text file, or - for standard input")
    fig.add_argument("--article", type=int, metavar="ID", help="a stored article instead of a file")
    fig.add_argument("--batch", action="store_true", help='JSON lines {"id", "text"} on stdin → {"id", "figures"}')
    fig.add_argument("--format", choices=("table", "jsonl", "csv"), default="table", help="output format")
    reindex = sub.add_parser("reindex", help="recompute stored figures made by an older extractor")
    reindex.add_argument("--all", action="store_true", help="recompute every article's figures")
    reindex.add_argument(
        "--clean",
        action="store_true",
        help="re-clean stored sources with the current layout rules (skips articles with claims)",
    )


def cmd_figures(db_opener, args, fail) -> int:
    """`hecha figures FILE|- | --article ID | --batch`"""
    if args.batch:
        return batch(sys.stdin, sys.stdout, fail)
    if args.article is not None:
        db = db_opener()
        article = store.get_article(db, args.article)
        if article is None:
            return fail(f"no article with id {args.article} (see `hecha list`)", 1)
        return emit(store.article_figures(db, args.article), args.format)
    if not args.file:
        return fail("figures: give a FILE, - for standard input, --article ID or --batch", 2)
    try:
        text = read_text(args.file)
    except store.Refused as refusal:
        return fail(str(refusal), 1)
    return emit(store.extract(text), args.format)


def read_text(name: str) -> str:
    """The text of a file (encoding detected) or of standard input."""
    if name == "-":
        return sys.stdin.read()
    return store.read_source(Path(name)).text


def emit(figures: list[store.Figure], fmt: str) -> int:
    """Print figures as a table, JSON lines or CSV."""
    rows = [f.to_dict() for f in figures]
    if fmt == "jsonl":
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        sys.stdout.write(
            store.csv_text(store.FIGURE_FIELDS, ([row.get(f) for f in store.FIGURE_FIELDS] for row in rows))
        )
    else:
        print_table(TABLE_COLUMNS, [_row(f) for f in figures], right=("start", "value"))
    return 0


TABLE_COLUMNS = ("start", "text", "kind", "value", "unit", "range", "qualifier", "iso")


def _row(f: store.Figure) -> tuple:
    """A figure as table cells, its text in its kind's highlight."""
    span = "" if f.low is None else f"{format_value(f.low)}–{format_value(f.high)}"
    return (
        str(f.start),
        Text(strip_controls(f.text), style=figure_style(f.kind)),
        f.kind,
        format_value(f.value),
        Text(f.unit or ""),
        span,
        Text(f.qualifier or ""),
        f.iso or "",
    )


def batch(lines: Iterable[str], out, fail) -> int:
    """Read {"id", "text"} JSON lines; write {"id", "figures"} lines, one per input line.

    A line that is not such an object gets {"id", "error"} in its place and a
    one-line message on stderr; the exit code is then 1.
    """
    bad = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        ident, text, reason = parse_batch_line(line)
        if reason:
            bad += 1
            out.write(json.dumps({"id": ident, "error": reason}, ensure_ascii=False) + "\n")
            fail(f"stdin line {number}: {reason}", 1)
            continue
        figures = [f.to_dict() for f in store.extract(text)]
        out.write(json.dumps({"id": ident, "figures": figures}, ensure_ascii=False) + "\n")
    return 1 if bad else 0


def parse_batch_line(line: str) -> tuple[object, str, str]:
    """(id, text, '') for a good line, (id or None, '', reason) for a bad one."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return None, "", f"not JSON ({error.msg})"
    if not isinstance(item, dict):
        return None, "", "not a JSON object"
    text = item.get("text")
    if not isinstance(text, str):
        return item.get("id"), "", 'no "text" string'
    return item.get("id"), text, ""


def cmd_reindex(db, args) -> int:
    """`hecha reindex [--all] [--clean]`"""
    if args.clean:
        return _reclean(db)
    count = store.reindex(db, force=args.all)
    Console(highlight=False, soft_wrap=True).print(
        Text(f"Recomputed figures of {count} article{'s' * (count != 1)} (extractor {store.EXTRACTOR_VERSION}).")
    )
    return 0


def _reclean(db) -> int:
    """`hecha reindex --clean`: re-cut stored sources; name each source skipped and why."""
    report = store.reclean(db)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    for name, reason in report.skipped:
        err.print(Text(f"{name}: skipped: {reason}", style="yellow"))
    Console(highlight=False, soft_wrap=True).print(Text(report.summary()))
    return 0
