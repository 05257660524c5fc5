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
from .wrap import wrap

VERDICT_STYLES = {
    "consistent": Style(color="green"),
    "rounding": Style(color="yellow"),
    "inconsistent": Style(color="red", bold=True),
    "cannot tell": Style(dim=True),
}
VERDICT_MARKS = {"consistent": "✓", "rounding": "≈", "inconsistent": "✗", "cannot tell": "?"}
SUGGESTION_STYLE = Style(bgcolor="#262626")  # faint: a suggested claim under the text
QUOTE_CHARS = 36
PANEL_CELLS = 30  # the panel's text width (its 36 cells less border, padding and scroll bar)


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
        options.append(Option(suggestion_label(s, text), id=f"suggest:{s.start}:{s.end}"))
    return options


def suggestion_label(suggestion: store.Suggestion, text: str, width: int = PANEL_CELLS) -> Text:
    """The score and the start of the sentence, broken into lines here, never inside one of its figures."""
    quote = text[suggestion.start : suggestion.end]
    head = f"{suggestion.score:g} "
    plain = head + quote[:QUOTE_CHARS] + ("…" if len(quote) > QUOTE_CHARS else "")
    shift = len(head) - suggestion.start
    keep = [(start + shift, end + shift) for start, end, _ in suggestion.figures]
    label = Text()
    for n, (start, end) in enumerate(wrap(plain, width, keep)):
        label.append("\n" * (n > 0))
        if start < len(head):
            label.append(plain[start : len(head)], style="bold")
            start = len(head)
        label.append(plain[start:end], style="italic")
    return label


def open_suggestions(suggestions: list[store.Suggestion], claims: list[store.Claim]) -> list[store.Suggestion]:
    """The suggestions no claim covers yet."""
    return [s for s in suggestions if not any(c.start < s.end and c.end > s.start for c in claims)]


def suggestion_at(suggestions: list[store.Suggestion], start: int, end: int) -> store.Suggestion | None:
    """The suggestion overlapping [start, end), if any."""
    return next((s for s in suggestions if s.start < end and s.end > start), None)
