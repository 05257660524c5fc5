"""Small user settings kept between runs (the theme), and where exports go by default.

Settings are one JSON object in `settings.json` in the user's config
directory (HECHA_CONFIG_DIR overrides it). A missing or unreadable file means
defaults: a setting is a convenience, never a reason to refuse to start.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import platformdirs


def config_dir() -> Path:
    """HECHA_CONFIG_DIR if set, else hecha's folder in the user config directory."""
    env = os.environ.get("HECHA_CONFIG_DIR")
    return Path(env).expanduser() if env else Path(platformdirs.user_config_dir("hecha", appauthor=False))


def settings_path() -> Path:
    """The settings file."""
    return config_dir() / "settings.json"


def load_settings() -> dict:
    """The stored settings ({} when there are none or the file cannot be read)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_setting(name: str, value: object) -> bool:
    """Store one setting (written to a temporary file, then renamed); False if it cannot be written."""
    data = load_settings()
    data[name] = value
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        return False
    return True


def default_export_dir() -> Path:
    """Where exports go unless the user says otherwise: the documents folder, else downloads, else home.

    Never the current directory, which is often a project checkout.
    """
    for folder in (platformdirs.user_documents_dir(), platformdirs.user_downloads_dir()):
        path = Path(folder)
        if path.is_dir():
            return path
    return Path.home()
