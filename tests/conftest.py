"""Shared fixtures: seed texts and fresh databases."""

from __future__ import annotations

from pathlib import Path

import pytest

from hecha import store
from hecha.tui.cli import main
from hecha.store.clean import clean_text
from hecha.store.layout import split_page

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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
