"""The hecha Textual app: its screens, styles, global keys and command palette."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .. import store
from ..store.segment import quiet_jieba
from .commands import ArticleCommands, TagCommands
from .keys import screen_commands, screen_keys
from .screens.dialogs.export import ExportDialog
from .screens.dialogs.import_dialog import ImportDialog
from .screens.help import HelpScreen
from .screens.library import LibraryScreen


class HechaApp(App):
    """Read articles, tag claims, review and export them."""

    CSS_PATH = "app.tcss"
    TITLE = "hecha 核查"
    COMMANDS = App.COMMANDS | {ArticleCommands, TagCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
    ]

    def __init__(self, db_path: str | Path | None = None):
        super().__init__()
        self.db_path = str(db_path) if db_path else str(store.default_db_path())
        self.animation_level = "none"

    def on_mount(self) -> None:
        """Use the theme chosen last time; open on the library."""
        theme = store.load_settings().get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, lambda theme: store.save_setting("theme", theme.name))
        self.push_screen(LibraryScreen(self.db_path))

    def notify(self, message, *, title: str = "", severity="information", timeout=None, markup: bool = False) -> None:
        """One message at a time: a new one replaces the last.

        Messages are never read as markup, whatever the caller says: screens'
        and widgets' `notify` pass markup=True by default, and a message may
        hold tag names, notes or file names.
        """
        self.clear_notifications()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # --- keys --------------------------------------------------------------

    def screen_keys(self, screen: Screen) -> list[tuple[str, str]]:
        """(keys, description) for every binding of `screen`: its own first, then the app's, Textual's last."""
        return screen_keys(self, screen)

    def action_help(self) -> None:
        """Show every key of the current screen."""
        if isinstance(self.screen, HelpScreen):
            return
        name = type(self.screen).__name__.removesuffix("Screen") or "App"
        self.push_screen(HelpScreen(name, self.screen_keys(self.screen), getattr(self.screen, "HELP_NOTES", "")))

    # --- command palette ---------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's commands, then the current screen's keys, then Textual's own commands."""
        yield SystemCommand("Import files…", "import .txt/.md files or a folder into the library", self.action_import)
        yield SystemCommand("Export claims…", "write the claims to CSV, JSON, Markdown…", self.action_export)
        for title, help_text, node, action in screen_commands(self, screen):
            yield SystemCommand(title, help_text, lambda node=node, action=action: self.run_action(action, node))
        yield from super().get_system_commands(screen)

    def action_import(self) -> None:
        """Ask for files or folders to import, then import them with progress."""
        self.push_screen(ImportDialog(self.db_path))

    def action_export(self) -> None:
        """Export every claim."""
        self.push_screen(ExportDialog(self.db_path))


def run_app(db_path: str | None = None) -> int:
    """Run the app; return the process exit code. Refuses a bad library, and runs only in a terminal."""
    quiet_jieba()
    try:
        store.open_db(db_path).close()
    except store.DatabaseError as error:
        print(f"hecha: {store.display_name(str(error))}", file=sys.stderr)
        return 2
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("hecha: the app needs a terminal; use a subcommand (hecha --help) in scripts and pipes", file=sys.stderr)
        return 2
    HechaApp(db_path).run()
    store.remember_sound(db_path or store.default_db_path())  # the next start skips the page check
    return 0
