"""The review screen: every claim across articles, filtered, worked through as a queue."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Static

from ... import store
from ..search_help import QUERY_HELP
from .dialogs.export import ExportDialog
from .dialogs.note import NoteDialog
from .table_screen import TableScreen

COLUMNS = (
    ("Status", "status", 12),
    ("Tags", "tags", 12),
    ("Quote", "quote", 0),
    ("Article", "article", -22),
    ("Changed", "changed", 11),
)
STATUS_KEYS = {"o": "open", "h": "checking", "y": "true", "f": "false", "m": "misleading", "u": "unverifiable"}
STATUS_STYLES = {
    "open": Style(bold=True),
    "checking": Style(color="yellow"),
    "true": Style(color="green"),
    "false": Style(color="red", bold=True),
    "misleading": Style(color="magenta"),
    "unverifiable": Style(color="bright_black"),
}


class ReviewScreen(TableScreen):
    """A table of claims: status, tags, quote, article, last change."""

    HELP_NOTES = QUERY_HELP

    COLUMNS = COLUMNS

    BINDINGS = [
        Binding("escape,q", "back", "Back"),
        Binding("enter", "open", "Open", priority=True),
        Binding("s", "filter_status", "Status"),
        Binding("g", "filter_tag", "Tag"),
        Binding("slash", "filter_text", "Search", key_display="/"),
        Binding("O", "filter_orphans", "Orphans", show=False),
        Binding("x", "export", "Export"),
        Binding("e", "note", "Note"),
        *(Binding(key, f"set_status('{status}')", f"Set {status}", show=False) for key, status in STATUS_KEYS.items()),
    ]

    def __init__(self, db_path: str, tag: str | None = None):
        super().__init__()
        self.db_path = db_path
        self.db = store.open_db(db_path)
        self.claims: list[store.Claim] = []
        self.status: str | None = None
        self.tag = tag
        self.orphans = False

    def on_unmount(self) -> None:
        """Close this screen's database connection."""
        self.db.close()

    def compose(self) -> ComposeResult:
        """Header, search box, the claims table, a status line, keys."""
        yield Header()
        yield Input(
            placeholder="Search quotes, notes, tags and titles: words, tag:数据, status:false, kind:money …",
            id="search",
        )
        yield DataTable(id="claims", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield Static(id="review-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Columns, then the claims."""
        self.fit_columns(self.app.size.width)
        self.query_one("#search", Input).display = False
        self.query_one(DataTable).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        """Claims change in the reader and in other copies of the app."""
        self.reload()

    def reload(self, keep: str | None = None) -> None:
        """Read the claims with the current filters and fill the table."""
        keep = keep or self._current_id()
        text = self.query_one("#search", Input).value.strip() or None
        self.claims = store.list_claims(
            self.db, status=self.status, tag=self.tag, anchor="orphan" if self.orphans else None
        )
        if text:  # the library's query language over quotes, notes, tags and titles
            try:
                self.claims = store.filter_claims(self.db, self.claims, text)
            except store.QueryError as error:
                text = f"{text} ({error})"
        table = self.query_one(DataTable)
        table.clear()
        keys = [str(key.value) for key in table.columns]
        for c in self.claims:
            cells = {
                "status": Text(c.status, style=STATUS_STYLES.get(c.status, Style())),
                "tags": Text(", ".join(c.tags)),
                "quote": Text(c.quote.replace("\n", " ")),
                "article": Text(c.article_title, style="dim"),
                "changed": Text(c.updated_at.replace("T", " ")[5:16], style="dim"),
            }
            table.add_row(*(cells[key] for key in keys), key=c.id)
        ids = [c.id for c in self.claims]
        if keep in ids:
            table.move_cursor(row=ids.index(keep), animate=False)
        self._update_status(text)
        self._show_detail()

    def _update_status(self, text: str | None) -> None:
        open_count = sum(c.status == "open" for c in self.claims)
        parts = [f"{len(self.claims)} claim{'s' * (len(self.claims) != 1)}", f"{open_count} open"]
        parts += [f"status: {self.status}"] if self.status else []
        parts += [f"tag: {self.tag}"] if self.tag else []
        parts += [f"search: {text}"] if text else []
        parts += ["orphans: quotes no longer in their article"] if self.orphans else []
        keys = " · o h y f m u: set status, go to the next open"
        self.query_one("#review-status", Static).update(Text(" · ".join(parts) + keys))

    def _current(self) -> store.Claim | None:
        row = self.query_one(DataTable).cursor_row
        return self.claims[row] if self.claims and 0 <= row < len(self.claims) else None

    def _current_id(self) -> str | None:
        claim = self._current()
        return claim.id if claim else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter opens a claim unless the search box has focus (there it ends the search)."""
        if action == "open":
            return not isinstance(self.focused, Input)
        return super().check_action(action, parameters)

    def action_set_status(self, status: str) -> None:
        """Set the status of the claim under the cursor and move to the next open one."""
        claim = self._current()
        if claim is None:
            return
        try:
            store.update_claim(self.db, claim.id, status=status)
        except store.DatabaseError as error:  # locked, read-only, damaged: say so, keep the screen
            self.notify(str(error), severity="error", markup=False)
            return
        following = store.next_open_claim(self.claims, claim.id)
        self.reload(keep=following.id if following else claim.id)
        if following is None or following.id == claim.id:
            self.notify("No open claims left in this list.")

    def action_note(self) -> None:
        """Edit the note of the claim under the cursor."""
        claim = self._current()
        if claim is None:
            return

        def save(note: str) -> store.Claim:
            return store.update_claim(self.db, claim.id, note=note)

        self.app.push_screen(NoteDialog(claim.quote, claim.note, save), lambda _: self.reload())

    def action_open(self) -> None:
        """Open the claim's article scrolled to the claim, with the claim selected."""
        from .reader import ReaderScreen

        claim = self._current()
        if claim is not None and claim.anchor == "orphan":
            self.notify("This claim's quote is no longer in the article's text; it is kept here with its quote.")
            self.app.push_screen(ReaderScreen(self.db_path, [claim.article_id], 0, back_to="review"))
        elif claim is not None:
            self.app.push_screen(
                ReaderScreen(self.db_path, [claim.article_id], 0, focus=(claim.start, claim.end), back_to="review")
            )

    def action_filter_status(self) -> None:
        """Cycle the status filter: all, then each status."""
        choices = [None, *store.STATUSES]
        self.status = choices[(choices.index(self.status) + 1) % len(choices)]
        self.reload()

    def action_filter_tag(self) -> None:
        """Cycle the tag filter: all, then each tag."""
        choices = [None, *(t.name for t in store.list_tags(self.db))]
        self.tag = choices[(choices.index(self.tag) + 1) % len(choices)] if self.tag in choices else None
        self.reload()

    def action_filter_orphans(self) -> None:
        """Show only orphans (claims whose quote was lost when the text changed), or all claims again."""
        self.orphans = not self.orphans
        self.reload()

    def action_filter_text(self) -> None:
        """Show the search box."""
        box = self.query_one("#search", Input)
        box.display = True
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search as the user types."""
        self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Back to the table."""
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row opens the claim."""
        self.action_open()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the note and history of the claim under the cursor."""
        self._show_detail()

    def _show_detail(self) -> None:
        claim = self._current()
        detail = Text()
        if claim is not None:
            detail.append(f"{claim.article_title} · {claim.source} · {claim.start}–{claim.end}\n", style="dim")
            detail.append("Note: ", style="bold")
            detail.append((claim.note or "—") + "\n")
            for check in store.claim_checks(self.db, claim.article_id, claim.start, claim.end):
                detail.append(f"{check.kind} {check.verdict}: ", style="bold")
                detail.append(check.explanation + "\n")
            for entry in store.claim_history(self.db, claim.id)[-3:]:
                change = f"{entry.old or '—'} → {entry.new or '—'}" if entry.field != "created" else entry.new or ""
                detail.append(f"{entry.at.replace('T', ' ')[:16]}  {entry.field}: {change}\n", style="dim")
        self.query_one("#detail", Static).update(detail)

    def action_export(self) -> None:
        """Export the claims shown (same filters) to a file."""
        self.app.push_screen(ExportDialog(self.db_path, self.status, self.tag))

    def action_back(self) -> None:
        """Close the search box, or go back."""
        box = self.query_one("#search", Input)
        if box.display:
            box.value = ""
            box.display = False
            self.query_one(DataTable).focus()
            return
        self.dismiss()

    def fill(self) -> None:
        """Rows again, after a resize."""
        self.reload()
