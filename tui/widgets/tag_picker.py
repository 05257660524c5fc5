"""A list of tags: a tag's key toggles it; ↑/↓ (j/k) move a visible cursor and Space toggles the tag there."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from ... import store


class TagPicker(Widget, can_focus=True):
    """Shows every tag with its hotkey; the key, or Space on the cursor row, toggles it."""

    DEFAULT_CSS = """
    TagPicker { height: auto; padding: 0 1; }
    TagPicker:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Next tag", show=False),
        Binding("up,k", "move(-1)", "Previous tag", show=False),
        Binding("space", "toggle_here", "Toggle tag", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The set of chosen tags changed."""

        picker: TagPicker

    def __init__(self, tags: list[store.Tag], chosen: set[str] | None = None, *, id: str | None = None):
        super().__init__(id=id)
        self.tags = tags
        self.chosen: set[str] = set(chosen or ())
        self.cursor = 0

    def render(self) -> Text:
        """One line per tag: cursor, key, box, name, label."""
        lines = Text(end="")
        for n, tag in enumerate(self.tags):
            if n:
                lines.append("\n")
            on = tag.name in self.chosen
            here = n == self.cursor and self.has_focus
            lines.append("› " if here else "  ", style="bold")
            lines.append(f"[{tag.key or ' '}] ", style="bold")
            lines.append("■ " if on else "□ ", style=Style(color=tag.color, bold=on))
            lines.append(tag.name, style=Style(color=tag.color, bold=on, reverse=here))
            lines.append(f"  {tag.label}", style="dim")
        return lines

    def on_focus(self) -> None:
        """Show the cursor."""
        self.refresh()

    def on_blur(self) -> None:
        """Hide the cursor."""
        self.refresh()

    def toggle(self, name: str) -> None:
        """Choose a tag, or un-choose it."""
        self.chosen ^= {name}
        self.refresh(layout=True)
        self.post_message(self.Changed(self))

    def action_move(self, step: int) -> None:
        """Move the cursor to the next or previous tag."""
        if self.tags:
            self.cursor = (self.cursor + step) % len(self.tags)
            self.refresh()

    def action_toggle_here(self) -> None:
        """Toggle the tag under the cursor (also the tags that have no key)."""
        if self.tags:
            self.toggle(self.tags[self.cursor].name)

    def on_key(self, event: events.Key) -> None:
        """A tag's hotkey toggles it."""
        tag = next((t for t in self.tags if t.key and t.key == event.character), None)
        if tag is not None:
            event.stop()
            event.prevent_default()
            self.toggle(tag.name)
