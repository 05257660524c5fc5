"""A list of tags toggled by their number keys."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from hecha import store


class TagPicker(Widget, can_focus=True):
    """Shows every tag with its hotkey; pressing the key toggles it."""

    DEFAULT_CSS = """
    TagPicker { height: auto; padding: 0 1; }
    TagPicker:focus { background: $boost; }
    """

    @dataclass
    class Changed(Message):
        """The set of chosen tags changed."""

        picker: TagPicker

    def __init__(self, tags: list[store.Tag], chosen: set[str] | None = None, *, id: str | None = None):
        super().__init__(id=id)
        self.tags = tags
        self.chosen: set[str] = set(chosen or ())

    def render(self) -> Text:
        """One line per tag: key, box, name, label."""
        lines = Text(end="")
        for n, tag in enumerate(self.tags):
            if n:
                lines.append("\n")
            on = tag.name in self.chosen
            lines.append(f"[{tag.key or ' '}] ", style="bold")
            lines.append("■ " if on else "□ ", style=Style(color=tag.color, bold=on))
            lines.append(tag.name, style=Style(color=tag.color, bold=on))
            lines.append(f"  {tag.label}", style="dim")
        return lines

    def toggle(self, name: str) -> None:
        """Choose a tag, or un-choose it."""
        self.chosen ^= {name}
        self.refresh(layout=True)
        self.post_message(self.Changed(self))

    def on_key(self, event: events.Key) -> None:
        """A tag's hotkey toggles it."""
        tag = next((t for t in self.tags if t.key and t.key == event.character), None)
        if tag is not None:
            event.stop()
            event.prevent_default()
            self.toggle(tag.name)
