"""Claim exports (store.export): golden files per format, CSV safety, Markdown escaping, atomic writes.

Regenerate the golden files after an intended change of format with
`HECHA_UPDATE_GOLDEN=1 pytest tests/test_export.py`, then review the diff.
"""

import csv
import io
import itertools
import json
import os
from pathlib import Path

import pytest

from hecha import store
from hecha.store.export import csv_cell, md_escape, to_csv, to_markdown
from hecha.store.figures import Figure

GOLDEN = Path(__file__).resolve().parent / "golden"
FIRST = "国家统计局📊发布数据：前三季度国内生产总值同比增长5.2%，其中第三季度增长4.9%。出口同比-3.5%的降幅有所收窄。"
SECOND = "𠮷市市长表示：“全市新建5G基站1.2万个📶，位居全省第一。”专家认为这一说法有待核实。"


def insert_article(db, article_id: int, source: str, title: str, text: str) -> None:
    """An article stored directly (not through the layout), so the golden files depend only on export."""
    db["sources"].insert(
        {
            "id": article_id,
            "path": f"/news/{source}",
            "name": source,
            "sha256": source,
            "encoding": "utf-8",
            "size": 0,
            "raw": text,
            "imported_at": "",
            "version": 1,
            "replaced_by": None,
        }
    )
    db["articles"].insert(
        {
            "id": article_id,
            "source_id": article_id,
            "ord": 0,
            "title": title,
            "kicker": "",
            "subtitle": "",
            "byline": "",
            "text": text,
            "chars": len(text),
            "text_hash": store.prepare.text_hash(text),
            "created_at": "",
        }
    )
    db.conn.commit()


def fixed_figures(db, article_id: int) -> list[Figure]:
    """Fixed figures, so the golden files do not change with the figure rules."""
    text = FIRST if article_id == 1 else SECOND
    found = []
    for figure_text, kind, value, unit in (
        ("5.2%", "percent", 5.2, "%"),
        ("4.9%", "percent", 4.9, "%"),
        ("-3.5%", "percent", -3.5, "%"),
        ("1.2万个", "quantity", 12000, "个"),
        ("第一", "rank", 1, None),
    ):
        at = text.find(figure_text)
        if at >= 0:
            found.append(Figure(at, at + len(figure_text), figure_text, kind, value, unit))
    return found


def fixed_checks(db, article_id: int) -> list[store.Check]:
    """A fixed check inside the first claim, so the golden files do not change with the check rules."""
    if article_id != 1:
        return []
    at = FIRST.index("5.2%")
    return [
        store.Check(
            "growth",
            ((at, at + 4, "5.2%"),),
            5.2,
            5.25,
            "rounding",
            "(126万亿元 − 120万亿元) ÷ 120万亿元 × 100 = 5.25%",
            1,
        )
    ]


def span(text: str, quote: str) -> tuple[int, int]:
    """The offsets of `quote` in `text`."""
    return text.index(quote), text.index(quote) + len(quote)


@pytest.fixture
def claims_db(db, monkeypatch):
    """A database with two articles and three claims, fixed ids, times and figures."""
    ticks, ids = itertools.count(), itertools.count(1)
    monkeypatch.setattr("hecha.store.claims.now", lambda: f"2024-03-01T08:00:{next(ticks):02d}+00:00")
    monkeypatch.setattr("hecha.store.claims.new_claim_id", lambda: f"00000000-0000-4000-8000-{next(ids):012d}")
    monkeypatch.setattr("hecha.store.export.article_figures", fixed_figures)
    monkeypatch.setattr("hecha.store.export.list_checks", fixed_checks)
    insert_article(db, 1, "统计公报.txt", "前三季度经济运行*稳中向好*", FIRST)
    insert_article(db, 2, "采访[2024].md", "5G建设提速", SECOND)
    gdp = store.add_claim(db, 1, *span(FIRST, "前三季度国内生产总值同比增长5.2%"), tags=["数据", "待核实"])
    store.update_claim(db, gdp.id, status="checking", note='=HYPERLINK("http://evil.example")')
    store.update_claim(
        db, gdp.id, status="true", note="与统计局公报一致。\n# 不是标题 [链接](http://evil.example) <b>粗</b>"
    )
    store.add_claim(db, 1, *span(FIRST, "-3.5%的降幅有所收窄"), tags=["模糊"], note="+ 降幅？@记者")
    rank = store.add_claim(db, 2, *span(SECOND, "全市新建5G基站1.2万个📶，位居全省第一。"), tags=["排名", "引语"])
    store.update_claim(db, rank.id, status="misleading", note="全省第一：仅指**地级市**_排名_")
    return db


@pytest.mark.parametrize(
    "fmt, name",
    [
        ("csv", "claims.csv"),
        ("json", "claims.json"),
        ("jsonl", "claims.jsonl"),
        ("md", "claims.md"),
        ("doccano", "claims.doccano.jsonl"),
        ("label-studio", "claims.label-studio.json"),
        ("w3c", "claims.w3c.jsonld"),
        ("conll", "claims.bio.conll"),
    ],
)
def test_export_matches_golden_file(claims_db, fmt, name):
    data = store.export_claims(claims_db, fmt).encode("utf-8")
    golden = GOLDEN / name
    if os.environ.get("HECHA_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(data)
    assert data == golden.read_bytes(), f"{name} changed; rerun with HECHA_UPDATE_GOLDEN=1 and review the diff"


def test_json_record_has_every_field_history_and_figures_inside_the_quote(claims_db):
    records = json.loads(store.export_claims(claims_db, "json"))
    assert [r["id"][-1] for r in records] == ["1", "2", "3"]
    first = records[0]
    assert set(first) == {
        "id",
        "article_id",
        "article_title",
        "source",
        "start",
        "end",
        "quote",
        "prefix",
        "suffix",
        "tags",
        "status",
        "note",
        "created_at",
        "updated_at",
        "history",
        "figures",
        "anchor",
        "text_hash",
        "checks",
    }
    assert [(c["kind"], c["verdict"]) for c in first["checks"]] == [("growth", "rounding")]
    assert records[1]["checks"] == [] and records[2]["checks"] == []
    assert first["tags"] == ["数据", "待核实"] and first["status"] == "true"
    assert [f["text"] for f in first["figures"]] == ["5.2%"]
    assert [(h["field"], h["old"], h["new"]) for h in first["history"]][:3] == [
        ("created", None, "open"),
        ("status", "open", "checking"),
        ("note", "", '=HYPERLINK("http://evil.example")'),
    ]
    assert [f["text"] for f in records[2]["figures"]] == ["1.2万个", "第一"]


def test_jsonl_is_one_claim_per_line(claims_db):
    lines = store.export_claims(claims_db, "jsonl").splitlines()
    assert len(lines) == 3 and all(json.loads(line)["quote"] for line in lines)
    assert "全市新建5G基站" in lines[2]


def test_exports_filter_by_status_and_tag(claims_db):
    assert [r["status"] for r in json.loads(store.export_claims(claims_db, "json", status="true"))] == ["true"]
    assert [r["tags"] for r in json.loads(store.export_claims(claims_db, "json", tag="模糊"))] == [["模糊"]]
    assert store.export_claims(claims_db, "jsonl", tag="目标") == ""
    assert json.loads(store.export_claims(claims_db, "json", status="false")) == []


def test_unknown_format_is_refused(claims_db):
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        store.export_claims(claims_db, "xml")


# ---------------------------------------------------------------- CSV
def test_csv_starts_with_a_bom_and_reads_back(claims_db):
    text = store.export_claims(claims_db, "csv")
    assert text.startswith("\ufeffid,article_id,") and "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert len(rows) == 3 and rows[0]["tags"] == "数据; 待核实" and rows[2]["article_title"] == "5G建设提速"
    assert rows[0]["figures"] == "5.2% (percent 5.2 %)"
    assert rows[0]["history"].splitlines()[1] == "2024-03-01T08:00:01+00:00 status: open → checking"


def test_csv_neutralises_formula_cells(claims_db):
    rows = list(csv.DictReader(io.StringIO(store.export_claims(claims_db, "csv").removeprefix("\ufeff"), newline="")))
    assert rows[1]["quote"] == "'-3.5%的降幅有所收窄" and rows[1]["note"] == "'+ 降幅？@记者"
    assert rows[0]["history"].splitlines()[2].startswith("2024-03-01T08:00:01+00:00 note:  → =HYPERLINK")
    assert rows[1]["figures"] == "'-3.5% (percent -3.5 %)" and rows[1]["start"] == str(FIRST.index("-3.5%"))


@pytest.mark.parametrize(
    "value, expected",
    [
        ("=1+1", "'=1+1"),
        ("+86", "'+86"),
        ("-5", "'-5"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("增长=5", "增长=5"),
        ("", ""),
        (-5, -5),
        (12, 12),
    ],
)
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected


def test_csv_of_a_record_with_a_formula_in_every_text_field():
    record = {
        "id": "=a",
        "article_id": 1,
        "article_title": "@t",
        "source": "+s",
        "start": 0,
        "end": 1,
        "quote": "-q",
        "prefix": "=p",
        "suffix": "\ts",
        "tags": ["=x"],
        "status": "open",
        "note": "=n",
        "created_at": "",
        "updated_at": "",
        "history": [],
        "figures": [],
    }
    row = next(csv.reader(io.StringIO(to_csv([record]).splitlines()[1])))
    assert [cell[0] for cell in row if cell] == ["'", "1", "'", "'", "0", "1", "'", "'", "'", "'", "o", "'"]


# ---------------------------------------------------------------- Markdown
def test_markdown_groups_by_article_and_escapes_user_text(claims_db):
    text = store.export_claims(claims_db, "md")
    assert text.count("\n## ") == 2 and "## 前三季度经济运行\\*稳中向好\\*" in text
    assert "Source: 采访\\[2024\\].md · article 2" in text
    assert "[链接](" not in text and "\\[链接\\](http\\://evil.example)" in text
    assert "<b>" not in text and "\\<b\\>" in text
    assert "\n  \\# 不是标题" in text and "\n# 不是标题" not in text
    assert "\\*\\*地级市\\*\\*\\_排名\\_" in text
    assert "> 前三季度国内生产总值同比增长5.2%" in text


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("[x](http://e.com)", "\\[x\\](http\\://e.com)"),
        ("![img](a)", "!\\[img\\](a)"),
        ("增长7.7%，列第2.", "增长7.7%，列第2."),
        ("---", "\\---"),
        ("<script>", "\\<script\\>"),
        ("`code`", "\\`code\\`"),
        ("a|b", "a\\|b"),
        ("&amp;", "\\&amp;"),
        ("1. 第一", "1\\. 第一"),
        ("- 项", "\\- 项"),
        ("\\", "\\\\"),
        ("  缩进\n    代码", "缩进\n代码"),
        ("中文，没有特殊字符。", "中文，没有特殊字符。"),
        ("a\x1b[2Jb", "ab"),
    ],
)
def test_md_escape(raw, escaped):
    assert md_escape(raw) == escaped


def test_markdown_of_no_claims():
    assert to_markdown([]) == "# hecha claims\n\n0 claims in 0 articles.\n"


def test_figures_from_the_real_extractor_lie_inside_the_quote(db, tmp_path):
    path = tmp_path / "n.txt"
    path.write_text("标题\n\n今年1至11月，全区规模以上工业增加值增长7.7%，总投资24亿元。", encoding="utf-8")
    store.import_paths(db, [path])
    text = store.get_article(db, 1).text
    store.add_claim(db, 1, *span(text, "工业增加值增长7.7%"))
    record = json.loads(store.export_claims(db, "json"))[0]
    assert [(f["text"], f["kind"], f["value"], f["unit"]) for f in record["figures"]] == [("7.7%", "percent", 7.7, "%")]


# ---------------------------------------------------------------- writing files
def test_write_export_writes_the_same_content_and_counts(claims_db, tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    assert store.write_export(claims_db, "csv", target, status="true") == 1
    assert target.read_bytes() == store.export_claims(claims_db, "csv", status="true").encode("utf-8")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != "config")  # config: the test's HECHA_CONFIG_DIR
    assert written == ["hecha.db", "hecha.db-shm", "hecha.db-wal", "out.csv"]


def test_write_export_leaves_the_old_file_when_it_fails(claims_db, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("hecha.store.export.os.replace", broken_replace)
    with pytest.raises(OSError):
        store.write_export(claims_db, "json", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []


def test_write_export_refuses_unknown_format_before_writing(claims_db, tmp_path):
    with pytest.raises(ValueError):
        store.write_export(claims_db, "xls", tmp_path / "x.xls")
    assert not (tmp_path / "x.xls").exists()
