"""The tag dialog: quote, tags by number key, a note and a status; Enter saves, Esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .... import store
from ...widgets.status_picker import StatusPicker
from ...widgets.tag_picker import TagPicker


@dataclass(frozen=True)
class TagChoice:
    """What the user chose in the dialog."""

    tags: tuple[str, ...]
    note: str
    status: str


class TagDialog(ModalScreen):
    """Tag a passage as a claim, or edit a claim's tags, note and status.

    `save` is called with the choice before the dialog closes, so the claim is
    stored (committed) by the time the dialog is gone; the dialog dismisses
    with what `save` returned. It fits an 80×24 terminal: the quote is
    shortened in the middle, and the parts sit close together.
    """

    AUTO_FOCUS = "TagPicker"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        # Not a priority binding: Enter then waits its turn behind tag keys typed just before it
        # (`t 1 Enter` in one burst), instead of saving before they are seen.
        Binding("enter", "save", "Save"),
    ]

    def __init__(
        self,
        quote: str,
        tags: list[store.Tag],
        save: Callable[[TagChoice], object],
        *,
        chosen: tuple[str, ...] = (),
        note: str = "",
        status: str = "open",
        title: str = "Tag as a claim",
    ):
        super().__init__()
        self.quote = quote
        self.tags = tags
        self.save = save
        self.chosen = chosen
        self.note = note
        self.status = status
        self.dialog_title = title
        self.early: list[tuple[str, str | None]] = []

    def compose(self) -> ComposeResult:
        """Title, quote, tag picker, note, status, key hints."""
        with VerticalScroll(id="dialog"):
            yield Label(Text(self.dialog_title, style="bold"))
            yield Static(Text(_shorten(self.quote, self.app.size.height), style="italic"), id="quote")
            yield TagPicker(self.tags, set(self.chosen), id="tags")
            yield Input(value=self.note, placeholder="Note (Tab to reach, Enter saves)", id="note")
            yield StatusPicker(store.STATUSES, self.status, id="status")
            yield Static(
                Text("key or Space: toggle · ↑↓ move · Tab: note, status (←→) · Enter save · Esc cancel", style="dim"),
                id="tag-hint",
            )

    def on_mount(self) -> None:
        """Focus the tags, so `t 1 Enter` tags a sentence; take keys typed before the dialog was up."""
        self.query_one(TagPicker).focus()
        early, self.early = self.early, []
        for key, character in early:
            self.early_key(key, character)

    def early_key(self, key: str, character: str | None) -> None:
        """A key typed so soon after `t` that it reached the screen below: replay it here, in order.

        Before the dialog is composed the key is kept and replayed on mount;
        after, it is sent to the app again, which now gives it to this dialog.
        """
        if not self.query(TagPicker):
            self.early.append((key, character))
        else:  # made by the app itself, so the key bubbles back to the app's bindings like a typed one
            self.app.call_later(lambda: self.app.post_message(events.Key(key, character)))

    def on_key(self, event: events.Key) -> None:
        """A tag key typed before the tag list had focus still toggles its tag."""
        picker = self.query_one(TagPicker)
        if not isinstance(self.focused, Input) and self.focused is not picker:
            tag = next((t for t in self.tags if t.key and t.key == event.character), None)
            if tag is not None:
                event.stop()
                picker.toggle(tag.name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the note saves too."""
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Store the claim through `save`, then close."""
        choice = TagChoice(
            tuple(t.name for t in self.tags if t.name in self.query_one(TagPicker).chosen),
            self.query_one("#note", Input).value.strip(),
            self.query_one(StatusPicker).value,
        )
        try:
            result = self.save(choice)
        except (ValueError, store.DatabaseError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)


_RUN = set("0123456789０１２３４５６７８９.．,，%％")


def _shorten(quote: str, height: int = 24) -> str:
    """The quote on one line, cut in the middle (with …) to two lines of the dialog (three when tall).

    The cuts move off digits, so a number such as `7.7%` is never shown in part.
    """
    limit = 66 if height < 30 else 99  # Han characters: two (three) lines of a 70-cell dialog
    quote = " ".join(quote.split())
    if len(quote) <= limit:
        return quote
    head, tail = limit // 2 - 1, len(quote) - (limit // 2 - 1)
    while head > 1 and quote[head - 1] in _RUN and quote[head] in _RUN:
        head -= 1
    while tail < len(quote) - 1 and quote[tail - 1] in _RUN and quote[tail] in _RUN:
        tail += 1
    return quote[:head] + " … " + quote[tail:]
