"""The hecha Textual app: its screens, styles, global keys and command palette."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterable
from pathlib import Path

from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.binding import Binding
from textual.screen import Screen

from hecha import store
from hecha.store.segment import quiet_jieba

from .commands import ArticleCommands, TagCommands
from .screens.dialogs.export import ExportDialog
from .screens.dialogs.import_dialog import ImportDialog
from .screens.help import HelpScreen
from .screens.library import LibraryScreen

# Bindings Textual adds everywhere (scrolling, copying); listed after the screen's own keys.
GENERIC_RANK = 3


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
        """One message at a time: a new one replaces the last (never markup unless asked)."""
        self.clear_notifications()
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    # --- keys --------------------------------------------------------------

    def _rank(self, node: object, binding: Binding) -> int:
        """0 for the screen's own keys shown in the footer, 1 for its others, 2 the app's, 3 Textual's."""
        if not _defined_by_hecha(node, binding):
            return GENERIC_RANK
        if node is self:
            return 2
        return 0 if binding.show else 1

    def _own_bindings(self, screen: Screen) -> list[tuple[DOMNode, Binding]]:
        """The screen's class bindings (most derived first) that apply now, even those a widget shadows."""
        found: list[tuple[DOMNode, Binding]] = []
        for cls in type(screen).__mro__:
            if not cls.__module__.startswith("hecha"):
                continue
            for binding in vars(cls).get("BINDINGS", ()):
                if isinstance(binding, Binding):
                    _, name, params = parse_action(binding.action)
                    if screen.check_action(name, params) is not False:
                        found.append((screen, binding))
        return found

    def _ordered_bindings(self, screen: Screen) -> list[tuple[DOMNode, Binding, str]]:
        """(node, binding, key) for each key that does something on `screen`, the screen's own first."""
        active = [(a.node, a.binding, key) for key, a in screen.active_bindings.items()]
        own = [(node, binding, key) for node, binding in self._own_bindings(screen) for key in binding.key.split(",")]
        found, taken = [], set()
        for node, binding, key in sorted(own + active, key=lambda item: self._rank(item[0], item[1])):
            if binding.description and binding.action != "help" and key not in taken:
                taken.add(key)
                found.append((node, binding, key))
        return found

    def screen_keys(self, screen: Screen) -> list[tuple[str, str]]:
        """(keys, description) for every binding of `screen`: its own first, then the app's, Textual's last."""
        groups: dict[tuple[int, str], list] = {}
        for node, binding, key in self._ordered_bindings(screen):
            shown = self.get_key_display(dataclasses.replace(binding, key=key, key_display=None))
            if binding.key_display and key == binding.key.split(",")[0]:
                shown = binding.key_display
            group = groups.setdefault((id(node), binding.action), [[], binding.tooltip or binding.description])
            group[0].append(shown)
        return [(" ".join(keys), description) for keys, description in groups.values()] + [("?", "Help: this list")]

    def action_help(self) -> None:
        """Show every key of the current screen."""
        if isinstance(self.screen, HelpScreen):
            return
        name = type(self.screen).__name__.removesuffix("Screen") or "App"
        self.push_screen(HelpScreen(name, self.screen_keys(self.screen)))

    # --- command palette ---------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's commands, then the current screen's keys, then Textual's own commands."""
        yield SystemCommand("Import files…", "import .txt/.md files or a folder into the library", self.action_import)
        yield SystemCommand("Export claims…", "write the claims to CSV, JSON, Markdown…", self.action_export)
        seen = set()
        for node, binding, _ in self._ordered_bindings(screen):
            if binding.action not in seen and binding.action != "quit" and self._rank(node, binding) < GENERIC_RANK:
                seen.add(binding.action)
                yield SystemCommand(
                    binding.tooltip or binding.description,
                    f"key: {binding.key_display or self.get_key_display(binding)}",
                    lambda node=node, action=binding.action: self.run_action(action, node),
                )
        yield from super().get_system_commands(screen)

    def action_import(self) -> None:
        """Ask for files or folders to import, then import them with progress."""
        self.push_screen(ImportDialog(self.db_path))

    def action_export(self) -> None:
        """Export every claim."""
        self.push_screen(ExportDialog(self.db_path))


def _defined_by_hecha(node: object, binding: Binding) -> bool:
    """Whether one of hecha's own classes (not Textual's) declares this binding."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("hecha"):
            for declared in vars(cls).get("BINDINGS", ()):
                if isinstance(declared, Binding) and (declared.action, declared.description) == (
                    binding.action, binding.description
                ):
                    return True
    return False


def run_app(db_path: str | None = None) -> int:
    """Run the app; return the process exit code. Refuses without a terminal."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print("hecha: the app needs a terminal; use a subcommand (hecha --help) in scripts and pipes", file=sys.stderr)
        return 2
    quiet_jieba()
    try:
        store.open_db(db_path).close()
    except store.DatabaseError as error:
        print(f"hecha: {error}", file=sys.stderr)
        return 2
    HechaApp(db_path).run()
    return 0
