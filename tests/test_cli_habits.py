"""The command line behaves like the tools its users know: pipes get plain text, --db anywhere, --csv/--nl."""

import csv
import io
import json
import subprocess
import sys

import pytest
from conftest import SEEDS

from hecha import store
from hecha.tui.cli import main

NEWS = "港口集团年报\n\n集团全年营收达到16.5亿元，较上年多出4,860,000元，利润率为百分之十二点五，员工人数增至3.2万人。"


@pytest.fixture
def news(cli, tmp_path):
    """A library with one article full of figures; returns its raw file text."""
    path = tmp_path / "port.txt"
    path.write_text(NEWS, encoding="utf-8")
    cli("import", str(path))
    return NEWS


def test_show_raw_into_a_file_is_the_file_text_exactly(cli, news):
    code, out, _ = cli("show", "1", "--raw")
    assert code == 0 and out == news


def test_show_into_a_pipe_is_plain_unwrapped_text(cli, news):
    _code, out, _ = cli("show", "1")
    paragraph = NEWS.split("\n\n")[1]
    assert paragraph in out.splitlines() and "\x1b[" not in out  # one line, as long as it is


def terminal(monkeypatch, columns: int) -> None:
    """Make the CLI believe stdout is a terminal `columns` cells wide."""
    for module in ("hecha.tui.cli", "hecha.tui.cli_output"):
        monkeypatch.setattr(f"{module}.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", str(columns))


@pytest.mark.parametrize("columns", [30, 37, 44, 51])
def test_show_on_a_terminal_never_splits_a_figure_nor_starts_a_line_with_a_comma(cli, news, monkeypatch, columns):
    terminal(monkeypatch, columns)
    _, out, _ = cli("show", "1")
    lines = out.splitlines()
    for figure in ("16.5亿元", "4,860,000元"):
        assert any(figure in line for line in lines), (figure, lines)
    assert not any(line.lstrip().startswith(("，", "。")) for line in lines)


@pytest.mark.parametrize("columns", [40, 60])
def test_figures_table_never_splits_a_figure(cli, news, monkeypatch, columns):
    terminal(monkeypatch, columns)
    _, out, _ = cli("figures", "--article", "1")
    assert not any(line.split("│")[1].strip() in ("元", ",000", "亿元") for line in out.splitlines()[2:] if "│" in line)
    assert "16.5亿元" in out or "16.5亿…" in out or "16.5…" in out


def test_tables_into_a_pipe_are_tab_separated_rows(cli, news):
    _, out, _ = cli("figures", "--article", "1")
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0][:3] == ["start", "text", "kind"] and rows[1][1:3] == ["16.5亿元", "money"]


def test_db_is_accepted_after_the_subcommand(db_path, capsys):
    assert main(["import", str(SEEDS), "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db_path), "--nl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 20
    assert main(["tags", "add", "来源", "--db", str(db_path)]) == 0


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("hecha ")


def test_status_and_export_help_list_their_choices(capsys):
    with pytest.raises(SystemExit):
        main(["claims", "--help"])
    out = capsys.readouterr().out
    assert all(status in out for status in store.STATUSES)
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert all(fmt in out for fmt in store.EXPORT_FORMATS)


def test_list_and_claims_take_csv_and_nl(cli, news):
    code, out, _ = cli("list", "--csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and row["title"] == "港口集团年报"
    code, out, _ = cli("list", "--nl")
    assert json.loads(out.splitlines()[0])["title"] == "港口集团年报"
    code, out, _ = cli("claims", "--csv")
    assert code == 0 and out.startswith("id,")
    code, out, _ = cli("claims", "--nl")
    assert code == 0 and out == ""


def test_bare_hecha_without_a_terminal_refuses_in_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "hecha", "--db", str(tmp_path / "x.db")],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "needs a terminal" in done.stderr


def test_show_speaks_one_language(cli, news):
    _, out, _ = cli("show", "1")
    assert out.splitlines()[-1] == "— port.txt · article 1 · " + out.splitlines()[-1].split(" · ")[-1]
    assert out.splitlines()[-1].endswith("figures") and "个数字" not in out and "文章" not in out
