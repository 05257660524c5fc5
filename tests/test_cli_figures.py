"""`hecha figures`, `hecha reindex` and the figure highlights of `hecha show`."""

import csv
import io
import json

import pytest
from conftest import SEEDS
from rich.text import Text

from hecha import store
from hecha.tui.cli import main
from hecha.tui.cli_figures import batch
from hecha.tui.render import block_text, legend
from hecha.tui.styles import FIGURE_STYLES, figure_style

TEXT = "今年1至11月，全区规模以上工业增加值增长7.7%，总投资24亿元。"


@pytest.fixture
def cli(db_path, capsys, monkeypatch):
    """Run `hecha --db DB ARGS...` with optional stdin; return (code, out, err)."""

    def run(*args: str, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_figures_of_a_file_as_jsonl_index_the_file_text(cli, tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, _ = cli("figures", str(path), "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["text"] for r in rows] == ["1至11月", "7.7%", "24亿元"]
    for row in rows:
        assert TEXT[row["start"] : row["end"]] == row["text"]


def test_figures_from_stdin_as_csv(cli):
    code, out, _ = cli("figures", "-", "--format", "csv", stdin=TEXT)
    lines = out.splitlines()
    assert code == 0 and lines[0] == "\ufefftext,start,end,kind,value,unit,low,high,qualifier,iso"
    assert any(line.startswith("24亿元,") and ",money,2400000000," in line for line in lines)


def test_figures_csv_has_the_claims_csv_bom_and_formula_guard(capsys):
    from hecha.tui.cli_figures import emit

    figures = [store.Figure(0, 5, "-3.5%", "percent", -3.5, "%"), store.Figure(6, 10, "=1+1", "number", 2, None)]
    assert emit(figures, "csv") == 0
    out = capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    assert out.startswith("\ufeff") and "\r\n" in out
    assert [row[0] for row in rows[1:]] == ["'-3.5%", "'=1+1"] and rows[1][4] == "-3.5"


def test_figures_table(cli):
    code, out, _ = cli("figures", "-", stdin=TEXT)
    assert code == 0 and "7.7%" in out and "percent" in out and "money" in out


def test_figures_of_a_stored_article(cli):
    cli("import", str(SEEDS))
    code, out, _ = cli("figures", "--article", "1", "--format", "jsonl")
    assert code == 0 and any(json.loads(line)["text"] == "7.7%" for line in out.splitlines())
    code, _, err = cli("figures", "--article", "999")
    assert code == 1 and "no article with id 999" in err


def test_figures_missing_file_is_one_line(cli, tmp_path):
    code, _, err = cli("figures", str(tmp_path / "nope.txt"))
    assert code == 1 and "nope.txt" in err and "Traceback" not in err


def test_figures_needs_an_input(cli):
    code, _, err = cli("figures")
    assert code == 2 and "--batch" in err


def test_batch_one_line_out_per_line_in(cli):
    lines = [
        json.dumps({"id": "a", "text": "增长7.7%"}, ensure_ascii=False),
        "not json",
        json.dumps({"id": 3}),
        json.dumps({"id": 4, "text": "５Ｇ基站１２％"}, ensure_ascii=False),
    ]
    code, out, err = cli("figures", "--batch", stdin="\n".join(lines) + "\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(rows) == 4
    assert rows[0]["id"] == "a" and rows[0]["figures"][0]["start"] == 2
    assert set(rows[0]["figures"][0]) == {
        "text",
        "start",
        "end",
        "kind",
        "value",
        "unit",
        "low",
        "high",
        "qualifier",
        "iso",
    }
    assert rows[1] == {"id": None, "error": "not JSON (Expecting value)"}
    assert rows[2] == {"id": 3, "error": 'no "text" string'}
    assert rows[3]["figures"][0]["text"] == "１２％"
    assert "stdin line 2: not JSON" in err and "stdin line 3" in err


def test_batch_offsets_are_into_the_text_as_given():
    out = io.StringIO()
    text = "近日,增长7.7%"  # half-width comma stays: no cleaning in batch mode
    assert batch([json.dumps({"id": 1, "text": text})], out, lambda *a: 1) == 0
    (figure,) = json.loads(out.getvalue())["figures"]
    assert text[figure["start"] : figure["end"]] == "7.7%"


def test_reindex_command(cli):
    cli("import", str(SEEDS))
    code, out, _ = cli("reindex", "--all")
    assert code == 0 and "Recomputed figures of 20 articles" in out


def test_show_highlights_each_kind_in_its_style():
    block = store.BlockView("paragraph", 10, 10 + len(TEXT), TEXT)
    figures = [f for f in store.extract(TEXT)]
    shifted = [store.Figure(**{**f.to_dict(), "start": f.start + 10, "end": f.end + 10}) for f in figures]
    rendered = block_text(block, shifted)
    assert rendered.plain == TEXT
    styled = {rendered.plain[s.start : s.end]: s.style for s in rendered.spans}
    assert styled["7.7%"] == figure_style("percent")
    assert styled["24亿元"] == figure_style("money")


def test_styles_are_distinct_per_kind_and_legend_names_them():
    assert len({str(s) for s in FIGURE_STYLES.values()}) == len(store.KINDS) == len(FIGURE_STYLES)
    line = legend()
    assert isinstance(line, Text) and all(kind in line.plain for kind in store.KINDS)


def test_show_prints_a_legend_on_a_terminal(cli, monkeypatch):
    monkeypatch.setattr("hecha.tui.cli.stdout_is_terminal", lambda: True)
    cli("import", str(SEEDS))
    _, out, _ = cli("show", "1")
    assert "percent" in out and "money" in out
