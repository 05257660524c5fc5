"""Column widths for the tables: fixed ones as given, one flexible column takes the rest."""

from __future__ import annotations


def column_widths(columns: tuple[tuple[str, str, int], ...], total: int) -> list[tuple[str, str, int]]:
    """Fixed widths as given; the column of width 0 takes what is left of `total` cells."""
    fixed = sum(w for _, _, w in columns) + 2 * len(columns) + 2
    return [(label, key, w or max(total - fixed, 16)) for label, key, w in columns]
