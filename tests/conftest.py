"""Shared fixtures: seed texts and fresh databases."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from hecha import store
from hecha.store.clean import clean_text
from hecha.store.layout import split_page
from hecha.tui.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Property tests: derandomized (the same examples every run) and with no example
# database on disk. "ci" (selected when CI=true) keeps the robustness suite
# well under two minutes; "dev" tries more examples; HYPOTHESIS_PROFILE overrides.
_PROFILE = {"derandomize": True, "database": None, "deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
settings.register_profile("ci", max_examples=60, **_PROFILE)
settings.register_profile("dev", max_examples=200, **_PROFILE)
settings.register_profile("thorough", max_examples=2000, **_PROFILE)
settings.register_profile("fuzz", parent=settings.get_profile("thorough"), derandomize=False)  # new examples each run
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") == "true" else "dev"))


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with `prefix` (e.g. '000')."""
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def seed_text(prefix: str) -> str:
    """The raw text of a seed file."""
    return seed_path(prefix).read_text(encoding="utf-8")


def seed_articles(prefix: str):
    """The articles the layout finds in a seed file."""
    return split_page(clean_text(seed_text(prefix)))


@pytest.fixture(autouse=True)
def user_dictionary(tmp_path_factory, monkeypatch) -> Path:
    """Each test gets its own (empty) user dictionary, never the user's real one."""
    path = tmp_path_factory.mktemp("dict") / "userdict.txt"
    monkeypatch.setenv("HECHA_DICT", str(path))
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a new database file."""
    return tmp_path / "hecha.db"


@pytest.fixture
def db(db_path: Path):
    """A new, empty database on disk."""
    database = store.open_db(db_path)
    yield database
    database.close()


@pytest.fixture
def cli(db_path, capsys):
    """Run `hecha --db DB ARGS...`; return (exit code, stdout, stderr)."""

    def run(*args: str):
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    """Every test gets its own empty settings folder (the app remembers the theme there)."""
    monkeypatch.setenv("HECHA_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "config"
