"""The reader's claim keys: tag, open, delete and undo a delete (a mix-in for `ReaderScreen`).

Tagging a passage that already is a claim opens that claim instead of
making a second, identical one. Deleting asks first, showing the claim's
tags, status and note; `u` puts the last deleted claim back, history and all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from ... import store
from ..widgets.article_doc import ArticleDoc
from ..widgets.article_view import ArticleView
from .dialogs.confirm import ConfirmDialog
from .dialogs.tag import TagChoice, TagDialog


def claim_summary(claim: store.Claim) -> str:
    """Tags, status, note and quote of a claim, for a confirmation."""
    quote = " ".join(claim.quote.split())
    quote = quote if len(quote) <= 120 else quote[:60] + " … " + quote[-58:]
    return f"Tags: {', '.join(claim.tags) or 'none'}\nStatus: {claim.status}\nNote: {claim.note or '—'}\nQuote: {quote}"


if TYPE_CHECKING:  # for the type checker the mix-in is the screen it is mixed into
    from sqlite_utils import Database
    from textual.screen import Screen as _Host
else:
    _Host = object


class ClaimActions(_Host):
    """Tag, edit, delete and undo for the reader."""

    # What the mix-in uses of `ReaderScreen`.
    db: Database
    doc: ArticleDoc
    deleted: list[store.DeletedClaim]
    opening: TagDialog | None
    early_keys: list[tuple[str, str | None]] | None

    if TYPE_CHECKING:

        def _reload_marks(self) -> None:
            """Re-read the claims of this article and redraw."""

    def action_tag(self) -> None:
        """Tag the selection (or the cursor sentence) as a claim; an existing claim there opens instead."""
        view = self.query_one(ArticleView)
        start, end = view.span
        article_id = self.doc.article.id
        existing = store.claim_at(self.db, article_id, start, end)
        if existing is not None:
            self.notify("This passage is already a claim: editing it.")
            self._edit(existing)
            return

        def save(choice: TagChoice) -> store.Claim:
            return store.add_claim(self.db, article_id, start, end, choice.tags, choice.note, choice.status)

        self._open_dialog(TagDialog(self.doc.text(start, end), store.list_tags(self.db), save))

    def _open_dialog(self, dialog: TagDialog) -> None:
        """Push a tag dialog; keys typed before it is shown are handed to it (see ReaderScreen.on_key)."""
        self.opening = dialog
        early, self.early_keys = self.early_keys or [], None
        for key, character in early:
            dialog.early_key(key, character)

        def closed(claim: store.Claim | None) -> None:
            self.opening = None
            self._saved(claim)

        self.app.push_screen(dialog, closed)

    def _claim_here(self) -> store.Claim | None:
        """The claim under the cursor (the one exactly selected first), or None."""
        view = self.query_one(ArticleView)
        exact = store.claim_at(self.db, self.doc.article.id, *view.span)
        if exact is not None:
            return exact
        marks = self.doc.marks_at(*view.span)
        return store.get_claim(self.db, marks[0].id) if marks else None

    def action_edit_claim(self) -> None:
        """Open the claim under the cursor for editing."""
        claim = self._claim_here()
        if claim is None:
            self.notify("No claim here: press t to tag this sentence.")
            return
        self._edit(claim)

    def _edit(self, claim: store.Claim) -> None:
        def save(choice: TagChoice) -> store.Claim:
            return store.update_claim(self.db, claim.id, tags=choice.tags, note=choice.note, status=choice.status)

        dialog = TagDialog(
            claim.quote,
            store.list_tags(self.db),
            save,
            chosen=claim.tags,
            note=claim.note,
            status=claim.status,
            title="Edit claim",
        )
        self._open_dialog(dialog)

    def _saved(self, claim: store.Claim | None) -> None:
        if claim is not None:
            self.query_one(ArticleView).clear_selection()
            self._reload_marks()
            self.notify(f"Claim saved: {', '.join(claim.tags) or 'no tags'} · {claim.status}")

    def action_delete_claim(self) -> None:
        """Delete the claim under the cursor, after asking; u undoes it."""
        claim = self._claim_here()
        if claim is None:
            self.notify("No claim here to delete.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    deleted = store.delete_claim_for_undo(self.db, claim.id)
                except store.DatabaseError as error:  # the claim stays; say why
                    self.notify(str(error), severity="error")
                    return
                if deleted is not None:
                    self.deleted.append(deleted)
                self._reload_marks()
                self.notify("Claim deleted · u undoes")

        self.app.push_screen(ConfirmDialog("Delete this claim?", claim_summary(claim)), answered)

    def action_undo(self) -> None:
        """Put back the claim deleted last in this reader."""
        if not self.deleted:
            self.notify("Nothing to undo.")
            return
        claim = store.restore_claim(self.db, self.deleted.pop())
        self._reload_marks()
        self.refresh_bindings()
        self.notify(Text(f"Claim restored: {', '.join(claim.tags) or 'no tags'} · {claim.status}").plain)
