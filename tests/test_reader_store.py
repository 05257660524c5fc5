"""Store functions the reader needs: find in an article, the raw span, undoing a delete, settings."""

from pathlib import Path

import pytest

from hecha import store
from hecha.store.find import query_words


def test_find_folds_traditional_and_full_width():
    text = "去年本地生產總值升了２．５％，生产总值的增幅为2.5%。"
    found = [text[a:b] for a, b in store.find_matches(text, "生产总值")]
    assert found == ["生產總值", "生产总值"]
    assert [text[a:b] for a, b in store.find_matches(text, "2.5%")] == ["２．５％", "2.5%"]


def test_find_allows_spaces_between_the_words_of_the_query():
    text = "大会讨论 数字 经济 与数字经济的前景"
    assert len(store.find_matches(text, "数字经济")) == 2
    assert query_words("数字 经济") == ["数字", "经济"]


def test_find_ignores_case_and_blank_queries():
    text = "The GDP grew; gdp again."
    assert len(store.find_matches(text, "gdp")) == 2
    assert store.find_matches(text, "   ") == [] and store.find_matches("", "gdp") == []


def test_raw_span_finds_the_article_in_a_spaced_out_file():
    raw = "网站导航 首页\n\n  港口 吞吐量 再创新高\n\n全港货物吞吐量达到１２亿吨。\n码头工人加班加点。\n\n版权所有"
    text = "港口吞吐量再创新高\n全港货物吞吐量达到12亿吨。\n码头工人加班加点。"
    start, end = store.raw_span(raw, text)
    assert raw[start:].startswith("港口") and raw[:end].endswith("加班加点。")


def test_raw_span_is_none_when_the_text_is_not_there():
    assert store.raw_span("完全不同的文字", "港口吞吐量") is None


@pytest.fixture
def claim(db, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("标题在此\n\n市里说新增岗位三千个。另一句话。", encoding="utf-8")
    store.import_paths(db, [path])
    text = store.get_article(db, 1).text
    start = text.index("市里")
    made = store.add_claim(db, 1, start, text.index("。") + 1, ["数据"], "问人社局", "checking")
    return made


def test_claim_at_finds_the_claim_on_exactly_that_span(db, claim):
    assert store.claim_at(db, 1, claim.start, claim.end).id == claim.id
    assert store.claim_at(db, 1, claim.start, claim.end - 1) is None


def test_a_deleted_claim_comes_back_with_its_tags_note_status_and_history(db, claim):
    store.update_claim(db, claim.id, status="false")
    deleted = store.delete_claim_for_undo(db, claim.id)
    assert store.get_claim(db, claim.id) is None
    back = store.restore_claim(db, deleted)
    assert (back.id, back.tags, back.note, back.status) == (claim.id, ("数据",), "问人社局", "false")
    fields = [entry.field for entry in store.claim_history(db, claim.id)]
    assert fields == ["created", "status", "deleted", "restored"]


def test_claims_stamp_changes_when_a_claim_comes_or_goes(db, claim):
    before = store.claims_stamp(db, 1)
    store.delete_claim(db, claim.id)
    assert store.claims_stamp(db, 1) != before


def test_settings_are_kept_between_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("HECHA_CONFIG_DIR", str(tmp_path / "conf"))
    assert store.load_settings() == {}
    assert store.save_setting("theme", "textual-light")
    assert store.load_settings() == {"theme": "textual-light"}


def test_a_broken_settings_file_means_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("HECHA_CONFIG_DIR", str(tmp_path))
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert store.load_settings() == {}


def test_exports_default_to_a_folder_that_is_not_the_current_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert store.default_export_dir() != Path.cwd()


def test_no_tag_is_coloured_like_a_figure_kind(db):
    from hecha.tui.styles import FIGURE_STYLES

    figure_colours = {style.bgcolor.triplet.hex for style in FIGURE_STYLES.values()}
    tag_colours = {tag.color for tag in store.list_tags(db)} | {store.add_tag(db, "新标签").color}
    assert not tag_colours & figure_colours
