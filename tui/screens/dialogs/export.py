"""Exporting claims to a file from the app."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from .... import store
from .confirm import ConfirmDialog

AROUND_FORMATS = 14  # the dialog's lines besides the format list: title, path, hint, borders and margins


class ExportDialog(ModalScreen):
    """Choose a format and a path; the export runs in a worker and the dialog says where it wrote."""

    BINDINGS = [Binding("escape", "cancel", "Close")]

    def __init__(self, db_path: str, status: str | None = None, tag: str | None = None):
        super().__init__()
        self.db_path = db_path
        self.status = status
        self.tag = tag

    def compose(self) -> ComposeResult:
        """Format list, path, result line."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        filters = ", ".join(f for f in (self.status, self.tag) if f) or "all claims"
        with Vertical(id="dialog"):
            yield Label(Text(f"Export claims ({filters})", style="bold"))
            yield OptionList(*(Option(Text(fmt), id=fmt) for fmt in store.EXPORT_FORMATS), id="formats")
            yield Input(value=str(store.default_export_dir() / f"hecha-claims-{stamp}"), id="path")
            yield Static(
                Text(
                    "Enter (on a format or in the path) writes PATH with the format's ending · Esc closes", style="dim"
                ),
                id="result",
            )

    def on_mount(self) -> None:
        """Start on the format list."""
        self.query_one(OptionList).focus()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """On a short screen the format list scrolls, so that the path and the hint below it stay in view."""
        self.query_one(OptionList).styles.max_height = max(4, int(self.app.size.height * 0.9) - AROUND_FORMATS)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Write the chosen format."""
        self.export(event.option.id or "csv")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the path field writes the highlighted format."""
        formats = self.query_one(OptionList)
        option = formats.get_option_at_index(formats.highlighted or 0)
        self.export(option.id or "csv")

    def export(self, fmt: str) -> None:
        """Write `fmt` to the path with its ending, asking first if the file exists."""
        base = Path(self.query_one("#path", Input).value).expanduser()
        suffix = store.EXPORT_SUFFIXES[fmt]
        target = base if base.name.endswith(suffix) else base.with_name(base.name + suffix)
        if not target.exists():
            self.write(fmt, target)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(fmt, target)
            else:
                self._show(f"Not written: {target} exists", "bold")

        self.app.push_screen(ConfirmDialog("Replace the existing file?", str(target)), answered)

    @work(thread=True, exclusive=True)
    def write(self, fmt: str, target: Path) -> None:
        """Export in a worker thread (its own connection)."""
        db = store.open_db(self.db_path)
        try:
            count = store.write_export(db, fmt, target, status=self.status, tag=self.tag)
            message, style = f"Wrote {count} claim{'s' * (count != 1)} to {target}", "bold green"
        except OSError as error:
            message, style = f"{target}: cannot write ({error.strerror or error})", "bold red"
        except store.DatabaseError as error:
            message, style = str(error), "bold red"
        finally:
            db.close()
        self.app.call_from_thread(self._show, message, style)

    def _show(self, message: str, style: str) -> None:
        self.query_one("#result", Static).update(Text(message, style=style))
        self.notify(message, severity="error" if "cannot" in message else "information", markup=False)

    def action_cancel(self) -> None:
        """Close."""
        self.dismiss(None)
