"""How the `hecha` command prints: tables on a terminal, plain text in a pipe, CSV and JSON lines on request.

On a terminal, tables never wrap a cell (so a figure such as `16.5亿元` or
`4,860,000` is never split over two lines, and no line starts with `，`):
a cell too long for its column ends in `…`. When standard output is a file
or a pipe, rows are printed as tab-separated plain text with no wrapping and
no colour, as `cut`, `sort` and spreadsheets expect. `--csv` and `--nl`
(newline-delimited JSON) give the formats sqlite-utils users know.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

MIN_CELLS = 10  # a column keeps at least this many cells (or its widest cell) when the table is squeezed


def stdout_is_terminal() -> bool:
    """Whether standard output is a terminal."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def add_format_options(parser, json_help: str = "print a JSON array") -> None:
    """--json, --csv and --nl (one JSON object per line), one at most."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help=json_help)
    group.add_argument("--csv", action="store_true", help="print CSV with a header row")
    group.add_argument("--nl", action="store_true", help="print one JSON object per line")


def print_records(args, records: list[dict], columns: Sequence[str], cells) -> None:
    """Print `records` as --json, --csv or --nl if asked, else as a table (terminal) or plain rows.

    `cells(record)` gives the table's cells for a record, in `columns` order.
    """
    if getattr(args, "json", False):
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif getattr(args, "csv", False):
        fields = list(records[0]) if records else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _flat(v) for k, v in r.items()} for r in records)
    elif getattr(args, "nl", False):
        for record in records:
            print(json.dumps(record, ensure_ascii=False))
    else:
        print_table(columns, [cells(r) for r in records])


def _flat(value: object) -> object:
    """A CSV cell: lists joined with ', '."""
    return ", ".join(map(str, value)) if isinstance(value, (list, tuple)) else value


def print_table(columns: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[str] = ()) -> None:
    """A table on a terminal (cells never wrap), tab-separated plain rows otherwise."""
    if not stdout_is_terminal():
        print("\t".join(columns))
        for row in rows:
            print("\t".join(_plain(cell) for cell in row))
        return
    cells = [[cell if isinstance(cell, Text) else Text(str(cell)) for cell in row] for row in rows]
    console = Console(highlight=False)
    widths = fit_widths(
        [max([len(name)] + [row[n].cell_len for row in cells]) for n, name in enumerate(columns)],
        console.width - 3 * (len(columns) - 1),
    )
    table = Table(show_edge=False, header_style="bold")
    for name, width in zip(columns, widths):
        table.add_column(
            name, justify="right" if name in right else "left", no_wrap=True, overflow="ellipsis", width=width
        )
    for row in cells:
        table.add_row(*row)
    console.print(table)


def fit_widths(widths: list[int], total: int) -> list[int]:
    """Column widths that fit `total` cells: the widest column gives up a cell at a time, none below MIN_CELLS."""
    widths = list(widths)
    while sum(widths) > total:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= MIN_CELLS:
            break
        widths[widest] -= 1
    return widths


def _plain(cell: object) -> str:
    """A cell as one line of plain text."""
    text = cell.plain if isinstance(cell, Text) else str(cell)
    return " ".join(text.split()) if ("\t" in text or "\n" in text) else text
