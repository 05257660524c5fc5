"""`hecha import-claims`: merging exports from another machine (store.import_claims)."""

from __future__ import annotations

import json

import pytest
from test_export import FIRST, SECOND, claims_db, insert_article  # noqa: F401  (the fixture)

from hecha import store
from hecha.store.db import open_db


@pytest.fixture
def fresh(tmp_path):
    """A second library holding the same two articles and no claims."""
    other = open_db(tmp_path / "other.db")
    insert_article(other, 1, "统计公报.txt", "前三季度经济运行*稳中向好*", FIRST)
    insert_article(other, 2, "采访[2024].md", "5G建设提速", SECOND)
    yield other
    other.close()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "w3c"])
def test_round_trip_into_a_fresh_library_is_byte_identical(claims_db, fresh, tmp_path, fmt):
    exported = store.export_claims(claims_db, fmt)
    path = tmp_path / f"claims.{fmt}"
    path.write_text(exported, encoding="utf-8")
    report = store.import_claims(fresh, store.read_claim_file(path))
    assert (report.added, report.updated, report.missing, report.refused) == (3, 0, [], [])
    assert store.export_claims(fresh, fmt) == exported
    same = (
        "id",
        "article_id",
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
        "anchor",
    )
    assert [[getattr(c, f) for f in same] for c in store.list_claims(fresh)] == [
        [getattr(c, f) for f in same] for c in store.list_claims(claims_db)
    ]
    if fmt == "json":
        for other in ("csv", "md", "doccano", "label-studio"):
            assert store.export_claims(fresh, other) == store.export_claims(claims_db, other)


def test_importing_twice_changes_nothing(claims_db, fresh, tmp_path):
    path = tmp_path / "claims.json"
    path.write_text(store.export_claims(claims_db, "json"), encoding="utf-8")
    store.import_claims(fresh, store.read_claim_file(path))
    before = store.export_claims(fresh, "json")
    history_rows = fresh.execute("SELECT count(*) FROM claim_history").fetchone()[0]
    report = store.import_claims(fresh, store.read_claim_file(path))
    assert (report.added, report.updated, report.unchanged) == (0, 0, 3)
    assert store.export_claims(fresh, "json") == before
    assert fresh.execute("SELECT count(*) FROM claim_history").fetchone()[0] == history_rows


def test_the_newer_side_wins_and_histories_merge(claims_db, fresh, tmp_path, monkeypatch):
    path = tmp_path / "claims.json"
    path.write_text(store.export_claims(claims_db, "json"), encoding="utf-8")
    store.import_claims(fresh, store.read_claim_file(path))
    claim_id = "00000000-0000-4000-8000-000000000002"
    monkeypatch.setattr("hecha.store.claims.now", lambda: "2024-03-02T09:00:00+00:00")
    store.update_claim(fresh, claim_id, status="false", note="核实：降幅实为-3.2%")  # the colleague's later change
    path.write_text(store.export_claims(fresh, "json"), encoding="utf-8")
    monkeypatch.setattr("hecha.store.claims.now", lambda: "2024-03-01T10:00:00+00:00")
    store.update_claim(claims_db, "00000000-0000-4000-8000-000000000003", status="true")  # ours, not theirs
    report = store.import_claims(claims_db, store.read_claim_file(path))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 2)
    merged = store.get_claim(claims_db, claim_id)
    assert (merged.status, merged.note, merged.updated_at) == (
        "false",
        "核实：降幅实为-3.2%",
        "2024-03-02T09:00:00+00:00",
    )
    assert [h.field for h in store.claim_history(claims_db, claim_id)] == ["created", "status", "note"]
    assert store.get_claim(claims_db, "00000000-0000-4000-8000-000000000003").status == "true"  # older import lost


def test_a_claim_whose_article_is_missing_is_reported_and_kept(claims_db, tmp_path, cli, db_path):
    path = tmp_path / "claims.jsonl"
    path.write_text(store.export_claims(claims_db, "jsonl"), encoding="utf-8")
    claims_db.close()
    other = tmp_path / "other.db"
    lib = open_db(other)
    insert_article(lib, 1, "统计公报.txt", "前三季度经济运行*稳中向好*", FIRST)
    lib.close()
    from hecha.tui.cli import main

    code = main(["--db", str(other), "import-claims", str(path)])
    assert code == 1
    kept = tmp_path / "claims.jsonl.missing.jsonl"
    (waiting,) = [json.loads(line) for line in kept.read_text(encoding="utf-8").splitlines()]
    assert waiting["quote"] == "全市新建5G基站1.2万个📶，位居全省第一。"
    lib = open_db(other)
    assert len(store.list_claims(lib)) == 2
    insert_article(lib, 2, "采访[2024].md", "5G建设提速", SECOND)
    lib.close()
    assert main(["--db", str(other), "import-claims", str(kept)]) == 0
    assert len(store.list_claims(open_db(other))) == 3


def test_claims_land_even_if_the_other_library_cleaned_the_text_differently(claims_db, tmp_path):
    path = tmp_path / "claims.json"
    path.write_text(store.export_claims(claims_db, "json"), encoding="utf-8")
    other = open_db(tmp_path / "other.db")
    insert_article(other, 1, "统计公报.txt", "前三季度经济运行*稳中向好*", "【快讯】" + FIRST)
    report = store.import_claims(other, store.read_claim_file(path))
    assert report.added == 2 and len(report.missing) == 1
    for claim in store.list_claims(other):
        assert claim.anchor == "moved" and store.get_article(other, 1).text[claim.start : claim.end] == claim.quote


@pytest.mark.parametrize(
    "content, message",
    [
        ("not json at all\n", "line 1 is not JSON"),
        ('{"a": 1}\n[1, 2]\n', "not a hecha claims export"),
        ('"text"', "not a hecha claims export"),
    ],
)
def test_bad_files_are_refused_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        store.read_claim_file(path)
    assert str(path) in str(error.value)


def test_bad_records_are_refused_one_line_each(claims_db, fresh, cli):
    records = json.loads(store.export_claims(claims_db, "json"))
    records[0]["status"] = "maybe"
    records[1]["start"] = "3"
    del records[2]["quote"]
    report = store.import_claims(fresh, records)
    assert report.added == 0 and len(report.refused) == 3
    assert "unknown status 'maybe'" in report.refused[0] and "no quote" in report.refused[2]


def test_import_claims_command_reports(cli, claims_db, tmp_path):
    path = tmp_path / "c.w3c.jsonld"
    path.write_text(store.export_claims(claims_db, "w3c"), encoding="utf-8")
    code, out, _ = cli("import-claims", str(path))
    assert code == 0 and out.strip() == "Added 0, updated 0, unchanged 3; 0 without their article; 0 refused."
    code, _, err = cli("import-claims", str(tmp_path / "nope.json"))
    assert code == 1 and err.startswith("hecha: ") and "nope.json: cannot read" in err and err.count("\n") == 1


def test_missing_context_and_note_are_taken_as_empty(claims_db, fresh):
    records = json.loads(store.export_claims(claims_db, "json"))
    for record in records:
        record["prefix"] = record["suffix"] = record["note"] = None
    report = store.import_claims(fresh, records)
    assert report.added == 3 and all(c.anchor == "exact" and c.note == "" for c in store.list_claims(fresh))
