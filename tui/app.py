"""The hecha Textual app: its screens, styles and global keys."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from hecha import store
from hecha.store.segment import quiet_jieba

from .screens.help import HelpScreen
from .screens.library import LibraryScreen


class HechaApp(App):
    """Read articles, tag claims, review and export them."""

    CSS_PATH = "app.tcss"
    TITLE = "hecha 核查"
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
    ]

    def __init__(self, db_path: str | Path | None = None):
        super().__init__()
        self.db_path = str(db_path) if db_path else str(store.default_db_path())
        self.animation_level = "none"

    def on_mount(self) -> None:
        """Open on the library."""
        self.push_screen(LibraryScreen(self.db_path))

    def screen_keys(self, screen: Screen) -> list[tuple[str, str]]:
        """(key, description) for every binding active on `screen`, hidden ones included."""
        keys: dict[str, tuple[str, str]] = {}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.description and binding.action not in ("help",):
                keys.setdefault(key, (binding.key_display or self.get_key_display(binding), binding.description))
        keys["?"] = ("?", "Help: this list")
        return list(keys.values())

    def action_help(self) -> None:
        """Show every key of the current screen."""
        if isinstance(self.screen, HelpScreen):
            return
        name = type(self.screen).__name__.removesuffix("Screen") or "App"
        self.push_screen(HelpScreen(name, self.screen_keys(self.screen), getattr(self.screen, "HELP_NOTES", "")))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action of the current screen is also in the command palette."""
        yield from super().get_system_commands(screen)
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.description and binding.action not in seen and binding.action != "quit":
                seen.add(binding.action)
                yield SystemCommand(
                    binding.description,
                    f"key: {binding.key_display or self.get_key_display(binding)}",
                    lambda node=active.node, action=binding.action: self.run_action(action, node),
                )


def run_app(db_path: str | None = None) -> int:
    """Run the app; return the process exit code."""
    quiet_jieba()
    try:
        store.open_db(db_path).close()
    except store.DatabaseError as error:
        print(f"hecha: {error}")
        return 2
    HechaApp(db_path).run()
    return 0
