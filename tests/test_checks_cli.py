"""`hecha checks`, `hecha indicators` and `hecha suggest`."""

import json

import pytest
from conftest import SEEDS

PAGE = (
    "青石县经济简报\n\n"
    "1至11月，全县规模以上工业增加值达到120.5亿元，同比增长6.3%。\n\n"
    "全年计划造林3.3万亩，实际完成造林4.4万亩，完成年度计划的140%。\n\n"
    "会上还通报了其他工作。\n"
)


@pytest.fixture
def page(cli, tmp_path):
    """A library with one dated article."""
    path = tmp_path / "2023-12-05_qs.txt"
    path.write_text(PAGE, encoding="utf-8")
    assert cli("import", str(path))[0] == 0
    _code, out, _ = cli("list", "--json")
    return json.loads(out)[0]["id"]


def test_checks_json_fields(cli, page):
    code, out, _ = cli("checks", "--article", str(page), "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 1
    row = rows[0]
    assert list(row) == ["article_id", "kind", "figures", "stated", "computed", "verdict", "explanation"]
    assert (row["article_id"], row["kind"], row["verdict"]) == (page, "plan", "inconsistent")
    assert [list(f) for f in row["figures"]] == [["start", "end", "text"]] * 3
    assert row["stated"] == 140 and row["computed"] == pytest.approx(133.333, rel=1e-4)
    assert "4.4万亩 ÷ 3.3万亩" in row["explanation"]


def test_checks_table_of_the_library(cli, page):
    code, out, _ = cli("checks")
    assert code == 0 and "inconsistent" in out and "plan" in out


def test_indicators_json_fields(cli, page):
    _, out, _ = cli("indicators", "--json")
    rows = json.loads(out)
    assert list(rows[0]) == ["indicator", "place", "period", "base", "value", "unit", "article_id", "start", "end"]
    first = rows[0]
    assert (first["indicator"], first["place"], first["period"]) == ("规模以上工业增加值", "青石县", "2023-01/2023-11")
    _code, out, _ = cli("indicators", "--conflicts", "--json")
    assert json.loads(out) == []


def test_indicators_table_marks_conflicts(cli, page, tmp_path):
    other = tmp_path / "2023-12-09_other.txt"
    other.write_text(PAGE.replace("120.5亿元", "118.2亿元"), encoding="utf-8")
    cli("import", str(other))
    code, out, _ = cli("indicators", "--conflicts")
    assert code == 0 and out.count("\tconflict") == 2 and "118.2亿元" in out


def test_suggest_ranks_sentences_with_figures_and_predicates(cli, page):
    code, out, _ = cli("suggest", "--article", str(page), "--json")
    rows = json.loads(out)
    assert code == 0 and list(rows[0]) == ["start", "end", "score", "figures"]
    assert len(rows) == 2 and rows[0]["score"] >= rows[1]["score"]
    texts = [f["text"] for row in rows for f in row["figures"]]
    assert "6.3%" in texts and "140%" in texts


def test_unknown_article_is_one_line(cli, page):
    for args in (("checks", "--article", "999"), ("suggest", "--article", "999")):
        code, _, err = cli(*args)
        assert code == 1 and err.strip() == "hecha: no article with id 999 (see `hecha list`)"


def test_seed_pages_checks(cli):
    cli("import", str(SEEDS))
    _code, out, _ = cli("checks", "--json")
    rows = json.loads(out)
    kinds = sorted((r["kind"], r["verdict"]) for r in rows)
    assert ("plan", "rounding") in kinds and ("plan", "consistent") in kinds
    assert kinds.count(("sum", "consistent")) == 3


def test_tables_in_a_pipe_are_tab_separated_rows_one_per_line(cli, page):
    _code, out, _ = cli("checks")
    header, *rows = out.splitlines()
    assert header.split("\t") == ["article", "kind", "verdict", "figures", "explanation"]
    assert len(rows) == 1 and rows[0].split("\t")[:3] == [str(page), "plan", "inconsistent"]
    _code, out, _ = cli("suggest", "--article", str(page))
    header, *rows = out.splitlines()
    assert header == "score\tsentence" and len(rows) == 2
    assert all(len(r.split("\t")) == 2 and r.split("\t")[1].endswith("。") for r in rows)
    _code, out, _ = cli("indicators")
    assert all(len(line.split("\t")) == 7 for line in out.splitlines())
