"""`hecha export`, `hecha claims` and `hecha tags`, run through tui.cli.main."""

import csv
import io
import json

import pytest

from hecha import store
from hecha.tui.cli import build_parser

TEXT = "经济运行稳中向好\n\n今年1至11月，全区规模以上工业增加值增长7.7%，总投资24亿元。"


@pytest.fixture
def claims(db, tmp_path):
    """Two claims on one imported article: (open one with 数据, checked one with a note)."""
    path = tmp_path / "news.txt"
    path.write_text(TEXT, encoding="utf-8")
    store.import_paths(db, [path])
    text = store.get_article(db, 1).text
    at = text.index("增长7.7%")
    first = store.add_claim(db, 1, at, at + 6, tags=["数据"])
    at = text.index("总投资24亿元")
    second = store.add_claim(db, 1, at, at + 7, tags=["待核实"], note="=1+1 查一下 Budget", status="false")
    return first, second


def test_claims_table_lists_id_prefix_status_tags_quote_and_article(cli, claims):
    code, out, err = cli("claims")
    assert code == 0 and err == ""
    assert claims[0].id[:8] in out and claims[1].id[:8] in out
    assert "增长7.7%" in out and "总投资24亿元" in out and "数据" in out and "false" in out
    assert "经济运行稳中向好" in out


def test_claims_filters_and_json(cli, claims):
    code, out, _ = cli("claims", "--json", "--status", "false")
    assert code == 0 and [c["id"] for c in json.loads(out)] == [claims[1].id]
    _, out, _ = cli("claims", "--json", "--tag", "数据")
    assert [c["id"] for c in json.loads(out)] == [claims[0].id]
    _, out, _ = cli("claims", "--json", "--text", "budget")
    assert [c["quote"] for c in json.loads(out)] == ["总投资24亿元"]


def test_claims_refuses_unknown_status_and_tag_in_one_line(cli, claims):
    code, out, err = cli("claims", "--status", "done")
    assert code == 1 and out == "" and err.startswith("hecha: unknown status 'done'") and err.count("\n") == 1
    code, _, err = cli("claims", "--tag", "没有")
    assert code == 1 and err == "hecha: unknown tag: 没有 (see `hecha tags`)\n"


def test_claims_of_an_empty_library(cli):
    code, out, _ = cli("claims", "--json")
    assert code == 0 and json.loads(out) == []


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "md"])
def test_export_to_stdout_is_the_store_export(cli, claims, db, fmt):
    code, out, err = cli("export", "--format", fmt)
    assert code == 0 and err == ""
    assert out == store.export_claims(db, fmt)


def test_export_csv_to_stdout_has_the_bom_and_neutralised_note(cli, claims):
    _, out, _ = cli("export", "--format", "csv", "--tag", "待核实")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    assert out.startswith("\ufeffid,") and [r["note"] for r in rows] == ["'=1+1 查一下 Budget"]


def test_export_to_a_file_reports_where_and_how_many(cli, claims, tmp_path):
    target = tmp_path / "out.md"
    code, out, err = cli("export", "--format", "md", "--status", "open", "-o", str(target))
    assert code == 0 and out == ""
    assert err.strip() == f"Wrote 1 claim to {target} (md)."
    assert "> 增长7.7%" in target.read_text(encoding="utf-8")


def test_export_errors_are_one_line(cli, claims, tmp_path):
    code, _, err = cli("export", "--format", "json", "-o", str(tmp_path / "missing" / "x.json"))
    assert (
        code == 2 and err.startswith(f"hecha: {tmp_path / 'missing' / 'x.json'}: cannot write") and err.count("\n") == 1
    )
    code, _, err = cli("export", "--format", "json", "--tag", "无")
    assert code == 1 and err.startswith("hecha: unknown tag: 无")
    code, _, err = cli("export", "--status", "bogus")
    assert code == 1 and err.startswith("hecha: unknown status 'bogus'")


def test_tags_lists_the_tags_with_counts(cli, claims):
    code, out, _ = cli("tags")
    lines = out.splitlines()
    assert code == 0 and "#af5fff" in out and "statistic" in out
    assert any("数据" in line and line.rstrip().endswith("1") for line in lines)
    assert any("排名" in line and line.rstrip().endswith("0") for line in lines)


def test_tags_add_rename_set_delete(cli, db_path):
    assert cli("tags", "add", "来源", "--label", "source", "--color", "#123ABC", "--key", "s")[:2] == (
        0,
        "Added tag 来源.\n",
    )
    assert cli("tags", "rename", "来源", "出处")[:2] == (0, "Renamed tag 来源 to 出处.\n")
    assert cli("tags", "set", "出处", "--color", "#000000", "--key", "")[:2] == (0, "Changed tag 出处.\n")
    db = store.open_db(db_path)
    tag = store.list_tags(db)[-1]
    assert (tag.name, tag.label, tag.color, tag.key) == ("出处", "source", "#000000", None)
    assert cli("tags", "delete", "出处")[:2] == (0, "Deleted tag 出处.\n")
    assert "出处" not in store.tag_colors(db)


@pytest.mark.parametrize(
    "args, message",
    [
        (("tags", "add", "新", "--color", "red"), "hecha: bad colour 'red': write it as #rrggbb, e.g. #5fafff"),
        (("tags", "add", "新", "--key", "1"), "hecha: key '1' is already used by tag '数据'"),
        (("tags", "add", "数据"), "hecha: there is already a tag named '数据'"),
        (("tags", "add", ""), "hecha: a tag name cannot be empty"),
        (("tags", "rename", "无", "有"), "hecha: no tag named '无' (see `hecha tags`)"),
        (("tags", "rename", "数据", "排名"), "hecha: there is already a tag named '排名'"),
        (("tags", "set", "数据", "--key", "xy"), "hecha: bad key 'xy': a tag key is one visible character"),
        (("tags", "delete", "无"), "hecha: no tag named '无' (see `hecha tags`)"),
    ],
)
def test_tag_errors_are_one_line_with_exit_1(cli, args, message):
    code, out, err = cli(*args)
    assert code == 1 and out == "" and err == message + "\n"


def subcommands(parser):
    """The subparsers of a parser, by name."""
    found = [a for a in parser._actions if a.choices and isinstance(a.choices, dict)]
    return found[0].choices if found else {}


def test_every_claim_command_argument_has_help():
    tags = subcommands(build_parser())["tags"]
    parsers = [subcommands(build_parser())[n] for n in ("export", "claims")] + [tags, *subcommands(tags).values()]
    assert len(parsers) == 7
    for parser in parsers:
        for action in parser._actions:
            assert action.help, f"{parser.prog} {action.dest} has no help"
