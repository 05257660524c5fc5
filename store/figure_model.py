"""The figure record: one number the article states, where it is, what kind, and its value.

Kept apart from the rules (`figures`, `figure_rules`) so both can build figures
without importing each other.
"""

from __future__ import annotations

from typing import NamedTuple

from .numerals import Number

EXTRACTOR_VERSION = "5"  # bump whenever a rule change alters any output
KINDS = ("percent", "money", "quantity", "measure", "date", "duration", "rank", "multiple", "number")

# The fields of a figure, in the order scripts see them (`hecha figures --batch`, CSV).
FIELDS = ("text", "start", "end", "kind", "value", "unit", "low", "high", "qualifier", "iso")


class Figure(NamedTuple):
    """One figure: its span in the text, what it is, and its value. Immutable.

    A named tuple rather than a frozen dataclass: the extractor makes thousands
    per article and a tuple is built five times faster.
    """

    start: int
    end: int
    text: str
    kind: str
    value: Number | None = None
    unit: str | None = None
    low: Number | None = None
    high: Number | None = None
    qualifier: str | None = None
    iso: str | None = None

    def to_dict(self) -> dict:
        """The figure as a plain dict, keys in the order text, start, end, kind, value, … iso."""
        data = self._asdict()
        return {key: data[key] for key in FIELDS}
