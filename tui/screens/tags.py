"""Managing tags in the app: add, rename, recolour, re-key, delete."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ... import store
from .dialogs.ask import AskDialog
from .dialogs.confirm import ConfirmDialog


class TagsScreen(Screen):
    """A table of tags with their colour, key and how many claims carry them."""

    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("j", "cursor(1)", "Down", show=False),
        Binding("k", "cursor(-1)", "Up", show=False),
        Binding("a", "add", "Add"),
        Binding("r", "rename", "Rename"),
        Binding("c", "recolour", "Colour"),
        Binding("K", "rekey", "Key", key_display="K"),
        Binding("l", "relabel", "Label"),
        Binding("d", "delete", "Delete"),
    ]

    def __init__(self, db_path: str):
        super().__init__()
        self.db = store.open_db(db_path)
        self.tags: list[store.Tag] = []

    def on_unmount(self) -> None:
        """Close this screen's database connection."""
        self.db.close()

    def compose(self) -> ComposeResult:
        """Header, tag table, hint, keys."""
        yield Header()
        yield DataTable(id="tag-table", cursor_type="row")
        yield Static(
            Text("In the tag dialog a tag is toggled by its key, or by Space on it.", style="dim"), id="status"
        )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns, then the tags."""
        table = self.query_one(DataTable)
        for label in ("Key", "Tag", "Label", "Colour", "Claims"):
            table.add_column(label, key=label.lower())
        table.focus()
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        """Read the tags and their counts again."""
        table = self.query_one(DataTable)
        keep = keep or (self.tags[table.cursor_row].name if self.tags and table.cursor_row < len(self.tags) else None)
        self.tags = store.list_tags(self.db)
        counts = store.tag_counts(self.db)
        table.clear()
        for tag in self.tags:
            table.add_row(
                Text(tag.key or ""),
                Text(tag.name, style=Style(color=tag.color, bold=True)),
                Text(tag.label),
                Text(tag.color, style=Style(color=tag.color)),
                Text(str(counts.get(tag.name, 0)), justify="right"),
            )
        names = [t.name for t in self.tags]
        if keep in names:
            table.move_cursor(row=names.index(keep), animate=False)

    def _current(self) -> store.Tag | None:
        row = self.query_one(DataTable).cursor_row
        return self.tags[row] if self.tags and 0 <= row < len(self.tags) else None

    def _ask(self, question: str, value: str, save, hint: str = "") -> None:
        self.app.push_screen(AskDialog(question, value, save, hint), self._reload_at)

    def _reload_at(self, tag: store.Tag | None) -> None:
        """After a dialog: read the tags again, on the tag it saved (none: it was cancelled)."""
        if tag:
            self.reload(tag.name)

    def action_add(self) -> None:
        """Add a tag (name; colour and key can be set after)."""
        self._ask("New tag name", "", lambda name: store.add_tag(self.db, name))

    def action_rename(self) -> None:
        """Rename the tag under the cursor (its claims keep it)."""
        tag = self._current()
        if tag:
            self._ask(f"Rename {tag.name}", tag.name, lambda name: store.update_tag(self.db, tag.name, new_name=name))

    def action_recolour(self) -> None:
        """Change the colour of the tag under the cursor."""
        tag = self._current()
        if tag:
            self._ask(
                f"Colour of {tag.name}",
                tag.color,
                lambda color: store.update_tag(self.db, tag.name, color=color),
                "#rrggbb, e.g. #5fafff · Enter save · Esc cancel",
            )

    def action_rekey(self) -> None:
        """Change the hotkey of the tag under the cursor (empty: no key)."""
        tag = self._current()
        if tag:
            self._ask(
                f"Key of {tag.name}",
                tag.key or "",
                lambda key: store.update_tag(self.db, tag.name, key=key),
                "one character, empty for none · Enter save · Esc cancel",
            )

    def action_relabel(self) -> None:
        """Change the label (the longer name) of the tag under the cursor."""
        tag = self._current()
        if tag:
            self._ask(f"Label of {tag.name}", tag.label, lambda label: store.update_tag(self.db, tag.name, label=label))

    def action_delete(self) -> None:
        """Delete the tag under the cursor (claims lose it), after asking."""
        tag = self._current()
        if tag is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    store.delete_tag(self.db, tag.name)
                except store.DatabaseError as error:
                    self.notify(str(error), severity="error", markup=False)
                self.reload()

        self.app.push_screen(ConfirmDialog(f"Delete the tag {tag.name}?", "Claims that carry it lose it."), answered)

    def action_cursor(self, step: int) -> None:
        """j/k: move through the tags."""
        table = self.query_one(DataTable)
        table.action_cursor_down() if step > 0 else table.action_cursor_up()

    def action_back(self) -> None:
        """Back to where the user came from."""
        self.dismiss()
