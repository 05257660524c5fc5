"""Which keys a screen has, in the order a person wants them: the screen's own first, Textual's last.

Help (`?`) and the command palette both list them. A screen's own binding
counts even where a focused widget shadows its key (the library's Enter is
"Open", though the table underneath calls it "Select"); bindings Textual adds
everywhere (scrolling, focus, copying) come after the app's own.
"""

from __future__ import annotations

import dataclasses

from textual.actions import parse as parse_action
from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

GENERIC_RANK = 3  # Textual's own bindings


def defined_by_hecha(node: object, binding: Binding) -> bool:
    """Whether one of hecha's own classes (not Textual's) declares this binding."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("hecha"):
            for declared in vars(cls).get("BINDINGS", ()):
                if isinstance(declared, Binding) and (declared.action, declared.description) == (
                    binding.action,
                    binding.description,
                ):
                    return True
    return False


def rank(app: App, node: object, binding: Binding) -> int:
    """0 for the screen's own keys shown in the footer, 1 for its others, 2 the app's, 3 Textual's."""
    if not defined_by_hecha(node, binding):
        return GENERIC_RANK
    if node is app:
        return 2
    return 0 if binding.show else 1


def own_bindings(screen: Screen) -> list[tuple[DOMNode, Binding]]:
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


def ordered_bindings(app: App, screen: Screen) -> list[tuple[DOMNode, Binding, str]]:
    """(node, binding, key) for each key that does something on `screen`, the screen's own first."""
    active = [(a.node, a.binding, key) for key, a in screen.active_bindings.items()]
    own = [(node, binding, key) for node, binding in own_bindings(screen) for key in binding.key.split(",")]
    found, taken = [], set()
    for node, binding, key in sorted(own + active, key=lambda item: rank(app, item[0], item[1])):
        if binding.description and binding.action != "help" and key not in taken:
            taken.add(key)
            found.append((node, binding, key))
    return found


def screen_keys(app: App, screen: Screen) -> list[tuple[str, str]]:
    """(keys, description) rows for help: keys of one action together, the longer description if any."""
    groups: dict[tuple[int, str], list] = {}
    for node, binding, key in ordered_bindings(app, screen):
        shown = app.get_key_display(dataclasses.replace(binding, key=key, key_display=None))
        if binding.key_display and key == binding.key.split(",")[0]:
            shown = binding.key_display
        group = groups.setdefault((id(node), binding.action), [[], binding.tooltip or binding.description])
        group[0].append(shown)
    return [(" ".join(keys), description) for keys, description in groups.values()] + [("?", "Help: this list")]


def screen_commands(app: App, screen: Screen) -> list[tuple[str, str, DOMNode, str]]:
    """(title, help, node, action) for the palette: each of the screen's and the app's own actions once."""
    commands, seen = [], set()
    for node, binding, _ in ordered_bindings(app, screen):
        if binding.action not in seen and binding.action != "quit" and rank(app, node, binding) < GENERIC_RANK:
            seen.add(binding.action)
            key = binding.key_display or app.get_key_display(binding)
            commands.append((binding.tooltip or binding.description, f"key: {key}", node, binding.action))
    return commands
