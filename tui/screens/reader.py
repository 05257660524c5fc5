"""The reader: one article with highlighted figures, a sentence cursor, claims, find and the raw text."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TextArea
from textual.widgets.option_list import Option

from ... import store
from ..render import legend
from ..widgets.article_doc import ArticleDoc, Mark
from ..widgets.article_view import ArticleView
from ..widgets.check_panel import check_options, open_suggestions, suggestion_at
from ..widgets.claim_panel import ClaimPanel
from .reader_claims import ClaimActions
from .reader_status import status_text

POLL_SECONDS = 1.0  # how often an open article looks for claims made elsewhere


class ReaderScreen(ClaimActions, Screen):
    """Read an article by sentence; tag passages as claims; find words.

    Dismisses with the id of the article being read, so the screen below can
    put its cursor there.
    """

    BINDINGS = [
        Binding("escape,q", "back", "Library", tooltip="Back to the library"),
        Binding("escape,q", "back_review", "Review", tooltip="Back to the review"),
        Binding("t", "tag", "Tag", tooltip="Tag the sentence or selection as a claim"),
        Binding("enter", "edit_claim", "Open claim", show=False),
        Binding("d", "delete_claim", "Delete claim", show=False),
        Binding("u", "undo", "Undo delete", show=False),
        Binding("slash", "find", "Find", key_display="/", tooltip="Find words in this article"),
        Binding("r", "toggle_raw", "Raw", tooltip="Show the original file at this article"),
        Binding("p", "toggle_panel", "Panel", tooltip="List of claims, figures, checks and suggested claims"),
        Binding("a", "accept_suggestion", "Accept suggestion", show=False),
        Binding("right_square_bracket", "article(1)", "Next article", key_display="]", show=False),
        Binding("left_square_bracket", "article(-1)", "Previous article", key_display="[", show=False),
    ]

    def __init__(
        self,
        db_path: str,
        article_ids: Sequence[int],
        index: int,
        focus: tuple[int, int] | None = None,
        back_to: str = "library",
        find: tuple[str, ...] = (),
    ):
        super().__init__()
        self.find_words = find  # a library search's words, highlighted in each article
        self.db_path = db_path
        self.article_ids = article_ids
        self.index = index
        self.focus_span = focus
        self.back_to = back_to
        self.db = store.open_db(db_path)
        self.deleted: list[store.DeletedClaim] = []
        self.opening = None  # a tag dialog pushed and not yet closed
        self.early_keys: list[tuple[str, str | None]] | None = None  # keys typed between `t` and its dialog
        self.doc = self._load()

    # --- loading -----------------------------------------------------------

    def _load(self) -> ArticleDoc:
        """Read the current article, its figures and claims from the store."""
        article_id = self.article_ids[self.index]
        article = store.get_article(self.db, article_id)
        if article is None:
            raise LookupError(f"article {article_id} is not in the library")
        colors = store.tag_colors(self.db)
        self.stamp = store.claims_stamp(self.db, article_id)
        claims = store.article_claims(self.db, article_id)
        marks = [
            Mark(c.id, c.start, c.end, colors.get(c.tags[0], "white") if c.tags else "white", c.tags) for c in claims
        ]
        store.mark_read(self.db, article_id)
        figures = store.article_figures(self.db, article_id)
        self.checks = store.list_checks(self.db, article_id)
        found = store.article_suggestions(self.db, article_id, figures, self.checks)
        self.suggestions = open_suggestions(found, claims)
        suggested = [(s.start, s.end) for s in self.suggestions]
        return ArticleDoc(article, figures, marks, suggested=suggested)

    def on_unmount(self) -> None:
        """Close this screen's database connection."""
        self.db.close()

    def compose(self) -> ComposeResult:
        """Title bar, legend, the text (with raw pane and side panel), find box, status, keys."""
        yield Static(id="title-bar")
        yield Static(id="legend")
        with Horizontal(id="reader-body"):
            yield ArticleView(self.doc, id="article")
            yield TextArea(id="raw", read_only=True, soft_wrap=True, show_cursor=False)
            yield ClaimPanel(id="panel")
        yield Input(placeholder="Find in this article (Enter: find · Esc: close)", id="find")
        yield Static(id="reader-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Fill the bars, focus the text, go to the requested claim if any; watch for claims made elsewhere."""
        self.query_one("#find", Input).display = False
        self._show_doc()
        view = self.query_one(ArticleView)
        view.focus()
        if self.focus_span:
            self.call_after_refresh(view.go_to, *self.focus_span, True)
        elif self.find_words:
            self.call_after_refresh(self._find_search_words)
        self.set_interval(POLL_SECONDS, self._poll_claims)

    def _find_search_words(self) -> None:
        """A library search opened this reader: its words are the find, n/N step through them."""
        matches = store.find_words(self.doc.article.text, list(self.find_words))
        if matches:
            self.query_one("#find", Input).value = " ".join(self.find_words)
            self.query_one(ArticleView).set_matches(matches)
            self.refresh_bindings()

    def _poll_claims(self) -> None:
        """Redraw the claims when they changed in another screen or another copy of the app."""
        if store.claims_stamp(self.db, self.doc.article.id) != self.stamp:
            self._reload_marks()

    def on_screen_resume(self) -> None:
        """Claims may have changed elsewhere (another screen, another copy of the app)."""
        self._poll_claims()

    def _show_doc(self) -> None:
        article = self.doc.article
        bar = Text(f" {self.index + 1}/{len(self.article_ids)} ", style="bold")
        bar.append(f" {article.title} ", style="bold")
        bar.append(f"  {article.source}")
        self.query_one("#title-bar", Static).update(bar)
        self._show_legend()
        self._fill_raw()
        self._fill_panel()
        self._update_status()

    def _show_legend(self) -> None:
        """The legend of the figure kinds in this article, packed to the screen width."""
        kinds = sorted({f.kind for f in self.doc.figures}, key=list(store.KINDS).index)
        width = max(self.size.width - 2, 20)
        self.query_one("#legend", Static).update(legend(kinds, width) if kinds else Text("no figures", style="dim"))

    def on_resize(self) -> None:
        """Re-pack the legend."""
        self._show_legend()

    def _fill_raw(self) -> None:
        """The original file text, read only while the raw pane is shown, at this article's part of it."""
        pane = self.query_one("#raw", TextArea)
        if not pane.display:
            return
        raw = store.source_text(self.db, self.doc.article.id) or ""
        pane.load_text(raw)
        span = store.raw_span(raw, self.doc.article.text)
        if span is not None:
            pane.selection = _selection(raw, *span)
            self.call_after_refresh(self._scroll_raw, pane.selection.end)

    def _scroll_raw(self, location: tuple[int, int], tries: int = 10) -> None:
        """Scroll the raw pane so `location` is near its top (once the pane is laid out: else try again soon)."""
        pane = self.query_one("#raw", TextArea)
        y = max(pane.wrapped_document.location_to_offset(location).y - 2, 0)
        pane.scroll_to(y=y, animate=False, immediate=True)
        if tries and pane.display and pane.scroll_y < y:  # not laid out yet (or the end is nearer than y)
            self.set_timer(0.05, lambda: self._scroll_raw(location, tries - 1))

    def _reload_marks(self) -> None:
        """Re-read the claims of this article and redraw."""
        self.doc = self._load()
        self.query_one(ArticleView).set_doc(self.doc)
        self._fill_panel()
        self._update_status()
        self.refresh_bindings()

    # --- status and panel -----------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Keys typed in a burst after `t` arrive here before the tag dialog is up: keep them for it, in order."""
        if self.opening is not None:
            self.opening.early_key(event.key, event.character)
        elif self.early_keys is not None:
            self.early_keys.append((event.key, event.character))
        else:
            binding = self.active_bindings.get(event.key)
            if binding is not None and binding.binding.action == "tag":
                self.early_keys = []  # the tag action runs after this handler; keys until then wait
            return
        event.stop()
        event.prevent_default()

    def on_article_view_moved(self, message: ArticleView.Moved) -> None:
        """Keep the status line in step with the cursor, and the keys when a claim comes or goes."""
        self._update_status()
        on_claim = bool(self.doc.marks_at(*message.view.span))
        if on_claim != getattr(self, "on_claim", False):
            self.on_claim = on_claim
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Esc is named after the screen it goes back to; Undo shows only when there is a delete to undo."""
        if action in ("back", "back_review"):
            return (action == "back_review") == (self.back_to == "review")
        if action == "undo":
            return bool(self.deleted) or None
        return True

    def _update_status(self) -> None:
        view = self.query_one(ArticleView)
        query = self.query_one("#find", Input).value.strip() if view.matches else ""
        self.query_one("#reader-status", Static).update(status_text(view, self.doc, query))

    def _fill_panel(self) -> None:
        panel = self.query_one(ClaimPanel)
        if panel.display:
            claims = store.article_claims(self.db, self.doc.article.id)
            extra = check_options(self.checks, self.suggestions, self.doc.article.text)
            keywords = store.article_keywords(self.db, self.doc.article.id)
            extra.append(Option(Text("Keywords (Enter searches the library)", style="bold"), disabled=True))
            extra += [Option(Text(word, style="green"), id=f"keyword:{n}:{word}") for n, word in enumerate(keywords)]
            panel.fill(claims, self.doc.figures, store.tag_colors(self.db), extra)

    def on_option_list_option_selected(self, event: ClaimPanel.OptionSelected) -> None:
        """Jump to the chosen claim or figure."""
        kind, start, end = (event.option.id or "::").split(":", 2)
        if kind == "keyword":  # back to the library, searching for the keyword
            self.dismiss(end)
            return
        view = self.query_one(ArticleView)
        if kind == "figure":
            view.show_figure(int(start))
        else:
            view.go_to(int(start), int(end), select=True)
        view.focus()

    # --- actions -------------------------------------------------------------

    def action_back(self) -> None:
        """Close the find, drop the selection, or go back to the screen below."""
        view = self.query_one(ArticleView)
        box = self.query_one("#find", Input)
        if box.display or view.matches:
            self._close_find()
        elif not view.clear_selection():
            if self.back_to != "library":
                self.notify(f"Back to the {self.back_to}.")
            self.dismiss(self.doc.article.id)

    def action_back_review(self) -> None:
        """Esc in a reader opened from review: the same as back."""
        self.action_back()

    def action_find(self) -> None:
        """Open the find box."""
        box = self.query_one("#find", Input)
        box.display = True
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Find the words in the article; n/N then step through the matches."""
        query = event.value.strip()
        matches = store.find_matches(self.doc.article.text, query) if query else []
        view = self.query_one(ArticleView)
        view.set_matches(matches)
        event.input.display = False
        view.focus()
        if query and not matches:
            self.notify(Text(f"No match for {query}").plain, markup=False)
        self.refresh_bindings()

    def _close_find(self) -> None:
        box = self.query_one("#find", Input)
        box.display = False
        view = self.query_one(ArticleView)
        view.set_matches([])
        view.focus()
        self.refresh_bindings()

    def action_accept_suggestion(self) -> None:
        """Mark the suggested claim at the cursor as a claim; its figures and checks come with it."""
        found = suggestion_at(self.suggestions, *self.query_one(ArticleView).span)
        if found is None:
            self.notify("No suggested claim here.")
            return
        claim = store.add_claim(self.db, self.doc.article.id, found.start, found.end, [], "")
        self.query_one(ArticleView).clear_selection()
        self._reload_marks()
        carried = store.checks_within(self.checks, claim.start, claim.end)
        figures, checks = len(found.figures), len(carried)
        self.notify(f"Claim added with {figures} figure{'s' * (figures != 1)} and {checks} check{'s' * (checks != 1)}.")

    def action_toggle_raw(self) -> None:
        """Show the original text of the file beside (or, when narrow, instead of) the cleaned text."""
        raw = self.query_one("#raw", TextArea)
        raw.display = not raw.display
        self._fill_raw()
        self.query_one(ArticleView).display = not (raw.display and self.size.width < 100)

    def action_toggle_panel(self) -> None:
        """Show or hide the list of claims and figures."""
        panel = self.query_one(ClaimPanel)
        panel.display = not panel.display
        self._fill_panel()
        (panel if panel.display else self.query_one(ArticleView)).focus()

    def action_article(self, step: int) -> None:
        """Open the next or previous article of the list this reader was opened from."""
        index = self.index + step
        if not 0 <= index < len(self.article_ids):
            self.notify("This is the last article." if step > 0 else "This is the first article.")
            return
        self.index = index
        self.doc = self._load()
        view = self.query_one(ArticleView)
        view.clear_selection()
        view.set_matches([])
        view.cursor = 0
        view.figure = None
        view.set_doc(self.doc)
        view.scroll_home(animate=False)
        self._show_doc()
        if self.find_words:
            self._find_search_words()


def _row(text: str, offset: int) -> int:
    """The line number (from 0) of `offset` in `text`."""
    return text.count("\n", 0, offset)


def _selection(text: str, start: int, end: int):
    """A TextArea selection of text[start:end], its cursor at the start (so scrolling shows the start)."""
    from textual.widgets.text_area import Selection

    def location(offset: int) -> tuple[int, int]:
        return _row(text, offset), offset - (text.rfind("\n", 0, offset) + 1)

    return Selection(location(end), location(start))
