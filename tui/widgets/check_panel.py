"""The reader panel's checks and suggested claims, as OptionList options.

Kept apart from the reader so the panel's other sections stay as they are:
the reader adds these options after its claims and figures. An option's id is
`check:START:END` or `suggest:START:END`, so choosing it moves the reader there.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widgets.option_list import Option

from ... import store

VERDICT_STYLES = {
    "consistent": Style(color="green"),
    "rounding": Style(color="yellow"),
    "inconsistent": Style(color="red", bold=True),
    "cannot tell": Style(dim=True),
}
VERDICT_MARKS = {"consistent": "✓", "rounding": "≈", "inconsistent": "✗", "cannot tell": "?"}
SUGGESTION_STYLE = Style(bgcolor="#262626")  # faint: a suggested claim under the text
QUOTE_CHARS = 36


def check_label(check: store.Check) -> Text:
    """`✗ plan inconsistent` on one line, the arithmetic on the next."""
    label = Text(f"{VERDICT_MARKS[check.verdict]} {check.kind} {check.verdict}", style=VERDICT_STYLES[check.verdict])
    label.append("\n")
    label.append(check.explanation, style="dim")
    return label


def check_options(checks: list[store.Check], suggestions: list[store.Suggestion], text: str) -> list[Option]:
    """A heading and one option per check, then per suggested claim (with its score)."""
    options = [Option(Text(f"Checks ({len(checks)})", style="bold"), disabled=True)]
    options += [Option(check_label(c), id=f"check:{c.start}:{c.end}") for c in checks]
    options.append(Option(Text(f"Suggested claims ({len(suggestions)}) · a accepts", style="bold"), disabled=True))
    for s in suggestions:
        label = Text(f"{s.score:g} ", style="bold")
        quote = text[s.start : s.end]
        label.append(quote[:QUOTE_CHARS] + ("…" if len(quote) > QUOTE_CHARS else ""), style="italic")
        options.append(Option(label, id=f"suggest:{s.start}:{s.end}"))
    return options


def open_suggestions(suggestions: list[store.Suggestion], claims: list[store.Claim]) -> list[store.Suggestion]:
    """The suggestions no claim covers yet."""
    return [s for s in suggestions if not any(c.start < s.end and c.end > s.start for c in claims)]


def suggestion_at(suggestions: list[store.Suggestion], start: int, end: int) -> store.Suggestion | None:
    """The suggestion overlapping [start, end), if any."""
    return next((s for s in suggestions if s.start < end and s.end > start), None)
