"""The `hecha` command line: import, list, show, and its errors."""

import json
import subprocess
import sys

from conftest import SEEDS

from hecha.tui.cli import build_parser, main


def test_import_prints_a_summary(cli):
    code, out, _err = cli("import", str(SEEDS))
    assert code == 0
    assert out.strip() == "Imported 20 articles from 5 files; 0 already stored; 0 refused."
    code, out, _ = cli("import", str(SEEDS))
    assert "0 articles from 0 files; 5 already stored" in out


def test_import_refusals_name_file_and_reason_and_exit_nonzero(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("标题\n\n正文。", encoding="utf-8")
    code, out, err = cli("import", str(tmp_path), str(tmp_path / "missing.txt"))
    assert code == 1
    assert f"{tmp_path / 'empty.txt'}: refused: empty file" in err
    assert "missing.txt: refused: no such file or folder" in err
    assert "Traceback" not in err
    assert "1 article from 1 file; 0 already stored; 2 refused." in out


def test_import_says_which_encoding_when_not_utf8(cli, tmp_path):
    path = tmp_path / "gb.txt"
    path.write_bytes("标题\n\n今年全区新增企业23家，增长百分之十二。".encode("gb18030"))
    code, _, err = cli("import", str(path))
    assert code == 0 and f"{path}: read as gb18030" in err


def test_list_json(cli):
    cli("import", str(SEEDS))
    code, out, _ = cli("list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 20
    assert set(rows[0]) == {"id", "title", "source", "kicker", "byline", "chars"}
    assert rows[0]["title"] == "铆足干劲不放松 融合发展向前冲"
    assert rows[0]["kicker"] == "赣江新区经开组团"
    assert rows[0]["source"].startswith("000_")
    assert rows[1]["byline"] == "（刘磊文/图）"


def test_list_table(cli):
    cli("import", str(SEEDS))
    code, out, _ = cli("list")
    assert code == 0 and "图片新闻" in out and "002_90ed7785fb2bd148.txt" in out


def test_show_json(cli):
    cli("import", str(SEEDS))
    _code, out, _ = cli("show", "1", "--json")
    article = json.loads(out)
    assert set(article) == {"id", "title", "kicker", "subtitle", "byline", "source", "blocks"}
    assert article["blocks"][0] == {"kind": "kicker", "text": "赣江新区经开组团"}
    assert any(b["kind"] == "caption" for b in article["blocks"])


def test_show_prints_cleaned_text_and_raw(cli):
    cli("import", str(SEEDS))
    _, out, _ = cli("show", "1")
    assert "铆足干劲不放松" in out and "近日，一则好消息" in out
    _, raw, _ = cli("show", "1", "--raw")
    assert "近日,一则好消息" in raw


def test_show_markup_is_printed_literally(cli, tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("标题[bold]x[/bold]\n\n正文[/]与[link=file:///etc/passwd]y[@click=app.quit]z。", encoding="utf-8")
    cli("import", str(path))
    _, out, _ = cli("show", "1")
    assert "[bold]x[/bold]" in out and "[/]" in out and "[link=file:///etc/passwd]y[@click=app.quit]z" in out


def test_show_unknown_id(cli):
    code, _, err = cli("show", "99")
    assert code == 1 and "no article with id 99" in err


def test_bad_database_is_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 200)
    assert main(["--db", str(bad), "list"]) == 2
    err = capsys.readouterr().err
    assert "bad.db" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_every_subcommand_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, action in sub.choices.items():
        assert action.format_help(), name
        assert any(c.dest == name for c in sub._choices_actions), f"{name} has no help line"


def test_console_script_runs(db_path):
    result = subprocess.run(
        [sys.executable, "-m", "hecha", "--db", str(db_path), "import", str(SEEDS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Imported 20 articles" in result.stdout
