"""Column widths for the tables: fixed ones as given, one flexible column takes the rest."""

from __future__ import annotations

from textual.widgets import DataTable

Columns = tuple[tuple[str, str, int], ...]


NARROW = 100  # below this many cells, columns marked narrow=-1 are left out


def column_widths(columns: Columns, total: int) -> list[tuple[str, str, int]]:
    """Fixed widths as given; the column of width 0 takes what is left of `total` cells.

    A negative width -N is a column of N cells that is left out on a narrow screen.
    """
    columns = tuple((label, key, abs(w)) for label, key, w in columns if w >= 0 or total >= NARROW)
    fixed = sum(w for _, _, w in columns) + 2 * len(columns) + 2
    return [(label, key, w or max(total - fixed, 16)) for label, key, w in columns]


def set_columns(table: DataTable, columns: Columns, total: int) -> None:
    """Replace the table's columns with `columns` fitted to `total` cells (rows are cleared)."""
    table.clear(columns=True)
    for label, key, cells in column_widths(columns, total):
        table.add_column(label, key=key, width=cells)
