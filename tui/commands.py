"""Command palette providers: go to an article by its title, go to a tag's claims.

Typing `go 港口` in the palette (Ctrl+P) finds the article whose title has
those words; `tag 数据` opens the review of that tag's claims. The lists are
read once each time the palette opens, in a thread, with their own connection.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .. import store

if TYPE_CHECKING:
    from .app import HechaApp


def _articles(db_path: str) -> list[tuple[int, str]]:
    db = store.open_db(db_path)
    try:
        return [(a.id, a.title) for a in store.list_articles(db)]
    finally:
        db.close()


def _tags(db_path: str) -> list[str]:
    db = store.open_db(db_path)
    try:
        return [tag.name for tag in store.list_tags(db)]
    finally:
        db.close()


class _LibraryProvider(Provider):
    """A provider that reads the library the app has open."""

    @property
    def db_path(self) -> str:
        """The path of the app's library."""
        return cast("HechaApp", self.app).db_path


class ArticleCommands(_LibraryProvider):
    """`Go to article: TITLE` for every article."""

    async def startup(self) -> None:
        """Read the titles."""
        self.articles = await asyncio.to_thread(_articles, self.db_path)

    def _open(self, article_id: int) -> None:
        from .screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(self.db_path, [article_id], 0))

    async def search(self, query: str) -> Hits:
        """Articles whose `Go to article: title` matches the query."""
        matcher = self.matcher(query)
        for article_id, title in self.articles:
            text = f"Go to article: {title}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._open, article_id), text=text)

    async def discover(self) -> Hits:
        """Nothing until the user types (there may be thousands of articles)."""
        return
        yield DiscoveryHit("", lambda: None)


class TagCommands(_LibraryProvider):
    """`Go to tag: NAME`, opening the review of that tag's claims."""

    async def startup(self) -> None:
        """Read the tag names."""
        self.tags = await asyncio.to_thread(_tags, self.db_path)

    def _open(self, name: str) -> None:
        from .screens.review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.db_path, tag=name))

    async def search(self, query: str) -> Hits:
        """Tags whose `Go to tag: name` matches the query."""
        matcher = self.matcher(query)
        for name in self.tags:
            text = f"Go to tag: {name}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._open, name), text=text)
