"""Importing your own files from inside the app: a path prompt, progress, and what was refused."""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from .... import store

HINT = "Enter imports · Esc closes · several paths: separate with spaces, quote paths with spaces"


def split_paths(answer: str) -> list[str]:
    """The paths typed: the whole answer if it names something that exists, else shell-style words."""
    answer = answer.strip()
    if not answer:
        return []
    if Path(answer).expanduser().exists():
        return [str(Path(answer).expanduser())]
    try:
        words = shlex.split(answer)
    except ValueError:
        words = answer.split()
    return [str(Path(word).expanduser()) for word in words]


class ImportDialog(ModalScreen):
    """Ask for files or folders; import them in a worker, showing each file as it is read.

    Dismisses with the import report (None if nothing was imported).
    """

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, db_path: str):
        super().__init__()
        self.db_path = db_path
        self.report: store.ImportReport | None = None

    def compose(self) -> ComposeResult:
        """Title, path field, progress line, hint."""
        with Vertical(id="dialog"):
            yield Label(Text("Import .txt / .md files or folders", style="bold"))
            yield Input(placeholder="e.g. ~/news or ~/Downloads/报道.txt", id="paths")
            yield Static(Text(""), id="progress")
            yield Static(Text(HINT, style="dim"), id="hint")

    def on_mount(self) -> None:
        """Type the path at once."""
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Start importing what was typed."""
        paths = split_paths(event.value)
        if not paths:
            self._progress(Text("Type a file or folder first.", style="bold red"))
            return
        event.input.disabled = True
        self._progress(Text("Importing…"))
        self.run_import(paths)

    @work(thread=True, exclusive=True)
    def run_import(self, paths: list[str]) -> None:
        """Import in a worker thread with its own connection; report each file as it goes."""
        count = 0

        def progress(path: Path) -> None:
            nonlocal count
            count += 1
            self.app.call_from_thread(self._progress, Text(f"Reading file {count}: {Path(path).name}"))

        db = store.open_db(self.db_path)
        try:
            report = store.import_paths(db, paths, progress=progress)
        finally:
            db.close()
        self.app.call_from_thread(self._finished, report)

    def _progress(self, message: Text) -> None:
        self.query_one("#progress", Static).update(message)

    def _finished(self, report: store.ImportReport) -> None:
        """Say what was imported and what was refused, and why."""
        self.report = report
        result = Text(report.summary(), style="bold green" if not report.refused else "bold")
        for path, encoding in report.encodings[:3]:
            result.append(f"\n{Path(path).name}: read as {encoding}", style="dim")
        for refusal in report.refused[:5]:
            result.append(f"\n{refusal.path}: {refusal.reason}", style="red")
        if len(report.refused) > 5:
            result.append(f"\n… and {len(report.refused) - 5} more refused", style="red")
        self._progress(result)
        box = self.query_one(Input)
        box.disabled = False
        box.value = ""
        box.focus()
        self.notify(report.summary())

    def action_close(self) -> None:
        """Close; the library reads the new articles as it comes back."""
        self.dismiss(self.report)
