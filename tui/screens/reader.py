"""The reader: one article with highlighted figures, a sentence cursor, claims and the raw text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from hecha import store

from ..render import format_value, legend
from ..styles import FIGURE_LABELS
from ..widgets.article_doc import ArticleDoc, Mark
from ..widgets.article_view import ArticleView
from .dialogs.confirm import ConfirmDialog
from .dialogs.tag import TagChoice, TagDialog


class ReaderScreen(Screen):
    """Read an article by sentence; tag passages as claims."""

    BINDINGS = [
        Binding("escape", "back", "Library"),
        Binding("t", "tag", "Tag claim"),
        Binding("enter", "edit_claim", "Edit claim", show=False),
        Binding("d", "delete_claim", "Delete claim", show=False),
        Binding("r", "toggle_raw", "Raw text"),
        Binding("p", "toggle_panel", "Panel"),
        Binding("right_square_bracket", "article(1)", "Next article", key_display="]", show=False),
        Binding("left_square_bracket", "article(-1)", "Prev article", key_display="[", show=False),
    ]

    def __init__(
        self, db_path: str, article_ids: list[int], index: int, focus: tuple[int, int] | None = None,
        find: tuple[str, ...] = (),
    ):
        super().__init__()
        self.find_words = find  # a library search's words, highlighted in each article
        self.db_path = db_path
        self.article_ids = article_ids
        self.index = index
        self.focus_span = focus
        self.db = store.open_db(db_path)
        self.doc = self._load()

    # --- loading -----------------------------------------------------------

    def _load(self) -> ArticleDoc:
        """Read the current article, its figures and claims from the store."""
        article_id = self.article_ids[self.index]
        article = store.get_article(self.db, article_id)
        colors = store.tag_colors(self.db)
        claims = store.article_claims(self.db, article_id)
        marks = [
            Mark(c.id, c.start, c.end, colors.get(c.tags[0], "white") if c.tags else "white", c.tags)
            for c in claims
        ]
        store.mark_read(self.db, article_id)
        found = store.find_words(article.text, list(self.find_words)) if self.find_words else []
        return ArticleDoc(article, store.article_figures(self.db, article_id), marks, found=found)

    def on_unmount(self) -> None:
        """Close this screen's database connection."""
        self.db.close()

    def compose(self) -> ComposeResult:
        """Title bar, legend, the text (with raw pane and side panel), status, keys."""
        yield Static(id="title-bar")
        yield Static(id="legend")
        with Horizontal(id="reader-body"):
            yield ArticleView(self.doc, id="article")
            with VerticalScroll(id="raw"):
                yield Static(id="raw-text")
            yield OptionList(id="panel")
        yield Static(id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the bars, focus the text, go to the requested claim if any."""
        self._show_doc()
        view = self.query_one(ArticleView)
        view.focus()
        if self.focus_span:
            self.call_after_refresh(view.go_to, *self.focus_span, True)
        elif self.doc.found:
            self.call_after_refresh(view.go_to, self.doc.found[0][0])

    def on_screen_suspend(self) -> None:
        """Remember to re-read claims when this screen is shown again."""
        self.suspended = True

    def on_screen_resume(self) -> None:
        """Claims may have changed elsewhere (another screen, another copy of the app)."""
        if getattr(self, "suspended", False):
            self._reload_marks()

    def _show_doc(self) -> None:
        article = self.doc.article
        bar = Text(f" {self.index + 1}/{len(self.article_ids)}  ", style="bold reverse")
        bar.append(f" {article.title} ", style="bold")
        bar.append(f"  {article.source}", style="dim")
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
        """The original file text, read only while the raw pane is shown."""
        if self.query_one("#raw").display:
            raw = store.source_text(self.db, self.doc.article.id) or ""
            self.query_one("#raw-text", Static).update(Text(raw))

    def _reload_marks(self) -> None:
        """Re-read the claims of this article and redraw."""
        self.doc = self._load()
        self.query_one(ArticleView).set_doc(self.doc)
        self._fill_panel()
        self._update_status()
        self.refresh_bindings()

    # --- status and panel -----------------------------------------------

    def on_article_view_moved(self, message: ArticleView.Moved) -> None:
        """Keep the status line in step with the cursor, and the keys when a claim comes or goes."""
        self._update_status()
        on_claim = bool(self.doc.marks_at(*message.view.span))
        if on_claim != getattr(self, "on_claim", False):
            self.on_claim = on_claim
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and Delete apply only on a claim; [ and ] only when there is an article that way."""
        if action in ("edit_claim", "delete_claim"):
            view = self.query_one(ArticleView) if self.is_mounted else None
            return bool(view and self.doc.marks_at(*view.span)) or None
        if action == "article":
            return 0 <= self.index + int(parameters[0]) < len(self.article_ids) or None
        return True

    def _update_status(self) -> None:
        view = self.query_one(ArticleView)
        status = Text(" ")
        if view.figure and not view.selection:
            f = view.figure
            status.append(f"{FIGURE_LABELS[f.kind]} {f.kind}", style="bold")
            status.append(f"  {f.text}")
            if f.value is not None:
                status.append(f"  value {format_value(f.value)}")
            if f.unit:
                status.append(f"  unit {f.unit}")
            if f.low is not None:
                status.append(f"  range {format_value(f.low)}–{format_value(f.high)}")
            if f.qualifier:
                status.append(f"  qualifier {f.qualifier}")
            if f.iso:
                status.append(f"  ISO {f.iso}")
        else:
            status.append(f"sentence {view.cursor + 1}/{len(self.doc.units)}")
            if view.selection:
                start, end = view.selection
                status.append(f"  selected {end - start} characters")
            marks = self.doc.marks_at(*view.span)
            if marks:
                status.append(f"  claim: {', '.join(marks[0].tags) or 'untagged'} (Enter edit, d delete)")
        self.query_one("#reader-status", Static).update(status)

    def _fill_panel(self) -> None:
        panel = self.query_one(OptionList)
        if not panel.display:
            return
        panel.clear_options()
        claims = store.article_claims(self.db, self.doc.article.id)
        options: list[Option] = [Option(Text(f"Claims ({len(claims)})", style="bold"), disabled=True)]
        for claim in claims:
            label = Text(f"[{claim.status}] ", style="bold")
            label.append(claim.quote[:40])
            options.append(Option(label, id=f"claim:{claim.start}:{claim.end}"))
        options.append(Option(Text(f"Figures ({len(self.doc.figures)})", style="bold"), disabled=True))
        for f in self.doc.figures:
            options.append(Option(Text(f"{f.text}  {f.kind}"), id=f"figure:{f.start}:{f.end}"))
        keywords = store.article_keywords(self.db, self.doc.article.id)
        options.append(Option(Text("Keywords (Enter searches the library)", style="bold"), disabled=True))
        options += [Option(Text(word, style="green"), id=f"keyword:{n}:{word}") for n, word in enumerate(keywords)]
        panel.add_options(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
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
        """Drop the selection, or go back to the library."""
        if not self.query_one(ArticleView).clear_selection():
            self.dismiss()

    def action_tag(self) -> None:
        """Tag the selection (or the cursor sentence) as a claim."""
        view = self.query_one(ArticleView)
        start, end = view.span
        article_id = self.doc.article.id

        def save(choice: TagChoice) -> store.Claim:
            return store.add_claim(self.db, article_id, start, end, choice.tags, choice.note, choice.status)

        self.app.push_screen(TagDialog(self.doc.text(start, end), store.list_tags(self.db), save), self._saved)

    def _claim_here(self) -> store.Claim | None:
        marks = self.doc.marks_at(*self.query_one(ArticleView).span)
        return store.get_claim(self.db, marks[0].id) if marks else None

    def action_edit_claim(self) -> None:
        """Edit the claim under the cursor."""
        claim = self._claim_here()
        if claim is None:
            self.notify("No claim here: press t to tag this sentence.")
            return

        def save(choice: TagChoice) -> store.Claim:
            return store.update_claim(self.db, claim.id, tags=choice.tags, note=choice.note, status=choice.status)

        dialog = TagDialog(
            claim.quote, store.list_tags(self.db), save,
            chosen=claim.tags, note=claim.note, status=claim.status, title="Edit claim",
        )
        self.app.push_screen(dialog, self._saved)

    def _saved(self, claim: store.Claim | None) -> None:
        if claim is not None:
            self.query_one(ArticleView).clear_selection()
            self._reload_marks()
            self.notify(f"Claim saved: {', '.join(claim.tags) or 'no tags'} · {claim.status}")

    def action_delete_claim(self) -> None:
        """Delete the claim under the cursor, after asking."""
        claim = self._claim_here()
        if claim is None:
            self.notify("No claim here.")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                store.delete_claim(self.db, claim.id)
                self._reload_marks()
                self.notify("Claim deleted.")

        self.app.push_screen(ConfirmDialog("Delete this claim?", claim.quote[:200]), answered)

    def action_toggle_raw(self) -> None:
        """Show the original text of the file beside (or, when narrow, instead of) the cleaned text."""
        raw = self.query_one("#raw")
        raw.display = not raw.display
        self._fill_raw()
        self.query_one(ArticleView).display = not (raw.display and self.size.width < 100)

    def action_toggle_panel(self) -> None:
        """Show or hide the list of claims and figures."""
        panel = self.query_one(OptionList)
        panel.display = not panel.display
        self._fill_panel()
        (panel if panel.display else self.query_one(ArticleView)).focus()

    def action_article(self, step: int) -> None:
        """Open the next or previous article of the library's order."""
        index = self.index + step
        if not 0 <= index < len(self.article_ids):
            self.notify("No more articles this way.")
            return
        self.index = index
        self.doc = self._load()
        view = self.query_one(ArticleView)
        view.clear_selection()
        view.cursor = 0
        view.figure = None
        view.set_doc(self.doc)
        view.scroll_home(animate=False)
        self._show_doc()

