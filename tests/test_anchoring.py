"""Re-anchoring claims when an article's text changes (store.anchoring).

The big test marks every sentence (and a clause of each) of two seed
articles, changes the text in six ways — a paragraph inserted before the
claims, punctuation normalised, a caption removed, quoted sentences edited
slightly, a sentence moved, a sentence deleted — and checks each claim lands
where its characters went, or becomes an orphan when they are gone; none is
lost and none is put in a wrong place.
"""

from __future__ import annotations

import pytest
from conftest import seed_path

from hecha import store
from hecha.store.anchoring import Placement, place
from hecha.store.sentences import sentence_spans

TOLERANCE = 2  # characters either end of a fuzzy span may differ from where its text went


class Tracked:
    """A text being edited that remembers, for each character, where it was in the original (None if new)."""

    def __init__(self, text: str):
        self.chars = list(text)
        self.origin: list[int | None] = list(range(len(text)))

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def find(self, needle: str) -> int:
        at = self.text.find(needle)
        assert at >= 0, needle
        return at

    def insert(self, at: int, new: str) -> None:
        self.chars[at:at] = list(new)
        self.origin[at:at] = [None] * len(new)

    def delete(self, start: int, end: int) -> tuple[list[str], list[int | None]]:
        cut = self.chars[start:end], self.origin[start:end]
        del self.chars[start:end], self.origin[start:end]
        return cut

    def replace_char(self, old: str, new: str) -> None:
        """Swap one character for another everywhere (origins kept: the same place, another mark)."""
        self.chars = [new if c == old else c for c in self.chars]

    def move(self, start: int, end: int, to: int) -> None:
        chars, origin = self.delete(start, end)
        to = to if to < start else to - (end - start)
        self.chars[to:to] = chars
        self.origin[to:to] = origin

    def expected(self, start: int, end: int) -> tuple[int, int] | None:
        """Where original start–end went: the span of its surviving characters, None if most are gone."""
        kept = [i for i, o in enumerate(self.origin) if o is not None and start <= o < end]
        if len(kept) < (end - start) / 2:
            return None
        return kept[0], kept[-1] + 1


def claim_spans(text: str) -> list[tuple[int, int]]:
    """Every sentence of 6+ characters, and the first clause of each that has a comma."""
    spans = []
    for start, end in sentence_spans(text):
        if end - start >= 6:
            spans.append((start, end))
            comma = text.find("，", start, end)
            if comma - start >= 6:
                spans.append((start, comma))
    return spans


def sentences_with_claims(text: str, spans) -> list[tuple[int, int]]:
    """Sentences (as spans) that hold a claim."""
    return [s for s in sentence_spans(text) if s in spans]


def change_six_ways(text: str, captions: list[tuple[int, int]]) -> Tracked:
    """Apply the six kinds of change to an article's text."""
    spans = claim_spans(text)
    sentences = sentences_with_claims(text, spans)
    doc = Tracked(text)
    original = text
    # 3. a caption removed (with its line end)
    touched = [sentences[i] for i in (5, 9, 12, 18, 24)]
    start, end = next(c for c in captions if all(c[1] <= s or e <= c[0] for s, e in touched))
    doc.delete(start, end + (original[end : end + 1] == "\n"))
    # 5. a sentence moved to the end of the text; 6. a sentence deleted
    moved = original[slice(*sentences[5])]
    doc.move(doc.find(moved), doc.find(moved) + len(moved), len(doc.chars))
    deleted = original[slice(*sentences[9])]
    at = doc.find(deleted)
    doc.delete(at, at + len(deleted))
    # 4. quoted sentences edited slightly: a figure changed, a word inserted, a character dropped
    for n, (start, end) in enumerate(sentences[12:30:6]):
        sentence = original[start:end]
        at = doc.find(sentence) + len(sentence) // 2
        if n == 0:
            doc.insert(at, "约")
        elif n == 1:
            doc.delete(at, at + 1)
        else:
            doc.chars[at] = "某" if doc.chars[at] != "某" else "甲"
    # 2. punctuation normalised (same places, other marks)
    for old, new in (("，", ","), ("：", ":"), ("；", ";"), ("“", '"'), ("”", '"')):
        doc.replace_char(old, new)
    # 1. a paragraph inserted before the claims
    doc.insert(0, "编者按：本文于今日更新，补充了部分数据来源。\n")
    return doc


def claimed_db(db, prefix: str) -> tuple[int, str, list[tuple[int, int]]]:
    """Import a seed and mark its claims; (article id, text, caption spans)."""
    store.import_paths(db, [seed_path(prefix)])
    article = store.list_articles(db)[-1]
    view = store.get_article(db, article.id)
    for start, end in claim_spans(view.text):
        store.add_claim(db, article.id, start, end, ["数据"])
    captions = [(b.start, b.end) for b in view.blocks if b.kind == "caption"]
    return article.id, view.text, captions


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_claims_follow_a_seed_article_changed_six_ways(db, prefix):
    article_id, text, captions = claimed_db(db, prefix)
    before = {c.id: c for c in store.list_claims(db)}
    doc = change_six_ways(text, captions)
    counts = store.reanchor_article(db, article_id, doc.text)
    after = {c.id: c for c in store.list_claims(db)}
    assert set(after) == set(before) and sum(counts.values()) == len(before)  # none lost
    right, wrong = 0, []
    for claim_id, old in before.items():
        new, expected = after[claim_id], doc.expected(old.start, old.end)
        if expected is None or new.anchor == "orphan":
            right += expected is None and new.anchor == "orphan"
            if new.anchor == "orphan":
                assert (new.quote, new.start, new.end) == (old.quote, old.start, old.end)  # kept as it was
            continue
        if abs(new.start - expected[0]) <= TOLERANCE and abs(new.end - expected[1]) <= TOLERANCE:
            right += 1
            assert new.quote == doc.text[new.start : new.end]
        else:
            wrong.append(
                (
                    old.quote,
                    new.quote,
                    new.anchor,
                    (old.start, old.end),
                    (new.start, new.end),
                    expected,
                    doc.text[expected[0] : expected[1]],
                )
            )
    assert wrong == []  # what does not land right is an orphan, never put in a wrong place
    assert right / len(before) >= 0.95, (right, len(before), counts)
    assert counts["moved"] > 0 and counts["fuzzy"] > 0 and counts["orphan"] > 0
    assert len(store.article_claims(db, article_id)) == len(before) - counts["orphan"]  # reader hides orphans
    assert len(store.list_claims(db, anchor="orphan")) == counts["orphan"]


def test_a_repeated_quote_goes_to_the_place_whose_context_agrees():
    text = "去年增长5%。今年增长5%。"
    assert place("增长5%", "今年", "。", 9, 13, "前言。" + text) == Placement(12, 16, "moved")
    assert place("增长5%", "去年", "。", 2, 6, "前言。" + text) == Placement(5, 9, "moved")


@pytest.mark.parametrize(
    "old, new, anchor",
    [
        ("全镇完成植树造林三千亩，超额完成任务。", "全镇完成植树造林三千亩，超额完成任务。", "exact"),
        ("全镇完成植树造林三千亩，超额完成任务。", "另起一段。全镇完成植树造林三千亩，超额完成任务。", "moved"),
        ("全镇完成植树造林三千亩，超额完成任务。", "全镇完成植树造林三千五百亩,超额完成任务。", "fuzzy"),
        ("全镇完成植树造林三千亩，超额完成任务。", "今年天气晴好，游客众多。", "orphan"),
    ],
)
def test_place_says_how_it_found_the_claim(old, new, anchor):
    quote = "植树造林三千亩，超额完成"
    start = old.index(quote)
    found = place(quote, old[:start], old[start + len(quote) :], start, start + len(quote), new)
    assert found.anchor == anchor
    if anchor != "orphan":
        assert "超额完成" in new[found.start : found.end] and new[found.start : found.end].startswith("植树造林")


def test_claims_json_shows_the_anchor(cli, db):
    store.import_paths(db, [seed_path("001")])
    text = store.get_article(db, 1).text
    store.add_claim(db, 1, 10, 30)
    store.reanchor_article(db, 1, "插入的一段话。" + text)
    code, out, _ = cli("claims", "--json")
    assert code == 0 and '"anchor": "moved"' in out
    store.reanchor_article(db, 1, "全部改写了。")
    assert '"anchor": "orphan"' in cli("claims", "--json", "--orphans")[1]


def test_a_newer_version_of_a_file_takes_the_claims_that_still_fit(db, tmp_path):
    path = tmp_path / "通报.txt"
    first = "全县经济运行通报\n\n今年一季度，全县地区生产总值增长百分之六。\n\n工业投资增长较快，服务业稳步回升。\n"
    path.write_text(first, encoding="utf-8")
    store.import_paths(db, [path])
    text = store.get_article(db, 1).text
    kept = store.add_claim(db, 1, text.index("全县地区"), text.index("百分之六") + 4, ["数据"])
    lost = store.add_claim(db, 1, text.index("工业投资"), text.index("较快") + 2)
    path.write_text(
        first.replace("\n\n今年", "\n\n本报讯 今年").replace("工业投资增长较快，服务业稳步回升。", "另有消息待发布。"),
        encoding="utf-8",
    )
    store.import_paths(db, [path])
    moved = store.get_claim(db, kept.id)
    new_text = store.get_article(db, moved.article_id).text
    assert moved.article_id == 2 and moved.anchor == "moved" and new_text[moved.start : moved.end] == kept.quote
    stays = store.get_claim(db, lost.id)
    assert stays.article_id == 1 and stays.anchor == "exact"  # still right on the older version, which stays listed
    assert {(a.id, a.current) for a in store.list_articles(db)} == {(1, False), (2, True)}
