"""Column widths for the tables: fixed ones as given, one flexible column takes the rest."""

from __future__ import annotations

from textual.widgets import DataTable

Columns = tuple[tuple[str, str, int], ...]


def column_widths(columns: Columns, total: int) -> list[tuple[str, str, int]]:
    """Fixed widths as given; the column of width 0 takes what is left of `total` cells."""
    fixed = sum(w for _, _, w in columns) + 2 * len(columns) + 2
    return [(label, key, w or max(total - fixed, 16)) for label, key, w in columns]


def set_columns(table: DataTable, columns: Columns, total: int) -> None:
    """Replace the table's columns with `columns` fitted to `total` cells (rows are cleared)."""
    table.clear(columns=True)
    for label, key, cells in column_widths(columns, total):
        table.add_column(label, key=key, width=cells)
