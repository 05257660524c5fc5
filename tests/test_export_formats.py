"""Exports for other tools: each places every span right in the tool's own unit, with emoji and 𠮷.

doccano counts UTF-16 code units, Label Studio, W3C TextPositionSelector and
brat count code points; each test slices the exported text the way the
target does. The W3C export is checked against the MUST rules of the Web
Annotation Data Model by a small validator written from the spec.
Regenerate golden files with `HECHA_UPDATE_GOLDEN=1 pytest tests/test_export_formats.py`.
"""

import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime

from test_export import FIRST, SECOND, claims_db  # noqa: F401  (the fixture)

from hecha import store
from hecha.store.annotation_export import utf16_offset
from hecha.store.export import claim_records, export_files, label_studio_config_path

GOLDEN = os.path.join(os.path.dirname(__file__), "golden")
QUOTES = {"前三季度国内生产总值同比增长5.2%", "-3.5%的降幅有所收窄", "全市新建5G基站1.2万个📶，位居全省第一。"}


def golden(name: str, data: str) -> None:
    """Compare with (or, with HECHA_UPDATE_GOLDEN=1, write) a golden file."""
    path = os.path.join(GOLDEN, name)
    if os.environ.get("HECHA_UPDATE_GOLDEN") == "1":
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(data)
    with open(path, encoding="utf-8", newline="") as handle:
        assert data == handle.read(), f"{name} changed; rerun with HECHA_UPDATE_GOLDEN=1 and review the diff"


def test_golden_texts_hold_emoji_and_a_character_outside_the_bmp():
    assert "📊" in FIRST and "📶" in SECOND and "𠮷" in SECOND and max(map(ord, SECOND)) > 0xFFFF


# ---------------------------------------------------------------- doccano
def utf16_slice(text: str, start: int, end: int) -> str:
    """What doccano's editor shows for start–end: a slice of the UTF-16 code units."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_doccano_spans_are_utf16_units_one_per_claim(claims_db):
    lines = [json.loads(line) for line in store.export_claims(claims_db, "doccano").splitlines()]
    assert [line["article_id"] for line in lines] == [1, 2] and all("id" not in line for line in lines)
    found = {utf16_slice(line["text"], s, e): label for line in lines for s, e, label in line["label"]}
    assert found == {
        "前三季度国内生产总值同比增长5.2%": "数据,待核实",
        "-3.5%的降幅有所收窄": "模糊",
        "全市新建5G基站1.2万个📶，位居全省第一。": "排名,引语",
    }
    second = lines[1]
    assert second["label"][0][0] == SECOND.index("全市") + 1  # 𠮷 is two UTF-16 units


def test_doccano_split_tags_gives_one_span_per_tag(claims_db):
    lines = [json.loads(line) for line in store.export_claims(claims_db, "doccano", split_tags=True).splitlines()]
    labels = [(utf16_slice(line["text"], s, e), label) for line in lines for s, e, label in line["label"]]
    assert [label for _, label in labels] == ["数据", "待核实", "模糊", "排名", "引语"]
    assert {quote for quote, _ in labels} == QUOTES


def test_utf16_offset():
    assert [utf16_offset("a𠮷b😀c", i) for i in range(6)] == [0, 1, 3, 4, 6, 7]


def test_cli_split_tags_reminds_to_enable_overlapping_entities(cli, db):
    code, _, err = cli("export", "--format", "doccano", "--split-tags")
    assert code == 0 and "overlapping entit" in err


# ---------------------------------------------------------------- Label Studio
def test_label_studio_predictions_in_code_points_with_status_and_note_per_region(claims_db):
    tasks = json.loads(store.export_claims(claims_db, "label-studio"))
    assert all(set(task) == {"data", "predictions"} for task in tasks)
    results = [r for task in tasks for r in task["predictions"][0]["result"]]
    regions = {r["id"]: r for r in results if r["type"] == "labels"}
    for task in tasks:
        for r in task["predictions"][0]["result"]:
            assert task["data"]["text"][r["value"]["start"] : r["value"]["end"]] == regions[r["id"]]["value"]["text"]
    assert {r["value"]["text"] for r in regions.values()} == QUOTES
    status = {r["id"]: r["value"]["choices"] for r in results if r["from_name"] == "status"}
    assert set(status) == set(regions) and sorted(map(tuple, status.values())) == [
        ("misleading",),
        ("open",),
        ("true",),
    ]
    notes = [r for r in results if r["type"] == "textarea"]
    assert all(n["id"] in regions for n in notes) and len(notes) == 3


def test_label_studio_as_annotations(claims_db):
    tasks = json.loads(store.export_claims(claims_db, "label-studio", as_annotations=True))
    assert all(set(task) == {"data", "annotations"} and task["annotations"][0]["result"] for task in tasks)


def test_label_studio_config_lists_every_tag_and_the_region_controls(claims_db, tmp_path):
    target = tmp_path / "out.label-studio.json"
    store.write_export(claims_db, "label-studio", target)
    config_path = label_studio_config_path(target)
    assert config_path.name == "out.label-studio.config.xml"
    config = config_path.read_text(encoding="utf-8")
    golden("claims.label-studio.config.xml", config)
    root = ET.fromstring(config)
    labels = root.find("Labels")
    assert labels.get("choice") == "multiple" and labels.get("toName") == "text"
    assert [label.get("value") for label in labels] == [t.name for t in store.list_tags(claims_db)] + ["claim"]
    status = root.find(".//Choices")
    assert status.get("perRegion") == "true" and [c.get("value") for c in status] == list(store.STATUSES)
    names = {el.get("name") for el in root.iter() if el.get("name")}
    used = {
        r["from_name"] for t in json.loads(target.read_text(encoding="utf-8")) for r in t["predictions"][0]["result"]
    }
    assert used <= names


# ---------------------------------------------------------------- W3C Web Annotation
MOTIVATIONS = {
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "tagging",
}
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def w3c_errors(anno: dict) -> list[str]:
    """Violations of the Web Annotation Data Model's MUST rules (sections 3.1–4.2) by one annotation."""
    errors = []
    context = anno.get("@context")
    if not (context == ANNO_CONTEXT or (isinstance(context, list) and ANNO_CONTEXT in context)):
        errors.append("@context must be (or include) the anno.jsonld context")
    if not isinstance(anno.get("id"), str) or not IRI.match(anno["id"]):
        errors.append("an annotation must have exactly one IRI id")
    types = anno.get("type") if isinstance(anno.get("type"), list) else [anno.get("type")]
    if "Annotation" not in types:
        errors.append("type must include Annotation")
    if anno.get("motivation") is not None and anno["motivation"] not in MOTIVATIONS:
        errors.append("motivation must be one of the defined motivations")
    for key in ("created", "modified"):
        if key in anno and not _datetime_with_zone(anno[key]):
            errors.append(f"{key} must be an xsd:dateTime")
    bodies = anno.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        errors += _body_errors(body)
    targets = anno.get("target")
    if not targets:
        errors.append("an annotation must have one or more targets")
    for target in targets if isinstance(targets, list) else [targets]:
        errors += _target_errors(target)
    return errors


def _datetime_with_zone(value: object) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None and "T" in value
    except ValueError:
        return False


def _body_errors(body: object) -> list[str]:
    if isinstance(body, str):
        return [] if IRI.match(body) else ["a body given as a string must be an IRI"]
    errors = []
    if body.get("type") == "TextualBody" and not isinstance(body.get("value"), str):
        errors.append("a TextualBody must have exactly one value")
    if "purpose" in body and body["purpose"] not in MOTIVATIONS:
        errors.append("a purpose must be a motivation")
    return errors


def _target_errors(target: object) -> list[str]:
    if isinstance(target, str):
        return [] if IRI.match(target) else ["a target given as a string must be an IRI"]
    errors = []
    if "selector" in target and not (isinstance(target.get("source"), str) and IRI.match(target["source"])):
        errors.append("a SpecificResource must have exactly one source IRI")
    selectors = target.get("selector", [])
    for selector in selectors if isinstance(selectors, list) else [selectors]:
        if selector.get("type") == "TextQuoteSelector":
            if not isinstance(selector.get("exact"), str):
                errors.append("a TextQuoteSelector must have exactly one exact")
            errors += [
                f"{k} must be a string"
                for k in ("prefix", "suffix")
                if k in selector and not isinstance(selector[k], str)
            ]
        elif selector.get("type") == "TextPositionSelector":
            start, end = selector.get("start"), selector.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
                errors.append("a TextPositionSelector must have non-negative integer start <= end")
    return errors


def test_validator_catches_broken_annotations():
    assert (
        len(
            w3c_errors(
                {
                    "id": "no iri",
                    "type": "Note",
                    "body": {"type": "TextualBody", "purpose": "x"},
                    "target": {"selector": {"type": "TextPositionSelector", "start": -1, "end": 2}},
                }
            )
        )
        == 7
    )


def test_w3c_annotations_are_valid_and_select_the_quote_in_code_points(claims_db):
    annotations = json.loads(store.export_claims(claims_db, "w3c"))
    texts = {store.export_w3c.article_urn(t): t for t in (FIRST, SECOND)}
    assert len(annotations) == 3
    for anno in annotations:
        assert w3c_errors(anno) == []
        assert anno["id"].startswith("urn:uuid:") and anno["created"].endswith("Z") and anno["modified"].endswith("Z")
        text = texts[anno["target"]["source"]]
        quote, position = anno["target"]["selector"]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote["prefix"]) and text[position["end"] :].startswith(
            quote["suffix"]
        )
        purposes = [b["purpose"] for b in anno["body"]]
        assert purposes.count("assessing") == 1 and purposes.count("commenting") == 1
    assert [b["value"] for b in annotations[2]["body"] if b["purpose"] == "tagging"] == ["排名", "引语"]


# ---------------------------------------------------------------- brat and CoNLL
def test_brat_folder_matches_golden_files_and_offsets_slice_the_txt(claims_db, tmp_path):
    out = tmp_path / "export.brat"
    assert store.write_export(claims_db, "brat", out) == 3
    names = sorted(p.name for p in out.iterdir())
    assert names == ["1.ann", "1.txt", "2.ann", "2.txt", "annotation.conf"]
    for name in names:
        golden(f"brat/{name}", (out / name).read_text(encoding="utf-8"))
    for article in ("1", "2"):
        text = (out / f"{article}.txt").read_text(encoding="utf-8")
        for line in (out / f"{article}.ann").read_text(encoding="utf-8").splitlines():
            if line.startswith("T"):
                _, where, shown = line.split("\t")
                start, end = map(int, where.split(" ")[1:])
                assert text[start:end] == shown and shown in QUOTES
    assert "#1\tAnnotatorNotes T1\t与统计局公报一致。 # 不是标题" in (out / "1.ann").read_text(encoding="utf-8")


def test_brat_to_standard_output_is_refused(cli, db):
    code, out, err = cli("export", "--format", "brat")
    assert code == 1 and out == "" and "give -o FOLDER" in err


def test_conll_bio_runs_spell_the_claims(claims_db):
    text = store.export_claims(claims_db, "conll")
    runs, current = [], None
    for line in text.splitlines():
        token, _, label = line.rpartition(" ")
        if label.startswith("B-"):
            current = [token, label[2:]]
            runs.append(current)
        elif label.startswith("I-"):
            assert current and current[1] == label[2:]
            current[0] += token
        else:
            current = None
    assert {quote: label for quote, label in runs} == {
        "前三季度国内生产总值同比增长5.2%": "数据,待核实",
        "-3.5%的降幅有所收窄": "模糊",
        "全市新建5G基站1.2万个📶，位居全省第一。": "排名,引语",
    }
    assert text.count("-DOCSTART- -X- O O\n") == 2


# ---------------------------------------------------------------- orphans and the dialog's list
def test_orphans_are_listed_in_every_export_but_have_no_span(claims_db):
    gone = SECOND.replace("全市新建5G基站1.2万个📶，位居全省第一。", "")
    counts = store.reanchor_article(claims_db, 2, gone)
    assert counts["orphan"] == 1
    (record,) = [r for r in claim_records(claims_db) if r["anchor"] == "orphan"]
    assert record["quote"] in QUOTES
    doccano = json.loads(store.export_claims(claims_db, "doccano").splitlines()[1])
    assert doccano["label"] == [] and doccano["orphans"][0]["quote"] == record["quote"]
    task = json.loads(store.export_claims(claims_db, "label-studio"))[1]
    assert task["predictions"][0]["result"] == [] and task["data"]["orphans"][0]["id"] == record["id"]
    (anno,) = [a for a in json.loads(store.export_claims(claims_db, "w3c")) if a["id"].endswith(record["id"])]
    assert [s["type"] for s in anno["target"]["selector"]] == ["TextQuoteSelector"] and w3c_errors(anno) == []
    assert "Anchor: orphan" in store.export_claims(claims_db, "md")
    assert store.export_claims(claims_db, "csv").splitlines()[-1].endswith(",orphan")


def test_every_format_has_a_suffix_and_writes(claims_db, tmp_path):
    for fmt in store.EXPORT_FORMATS:
        files = export_files(claims_db, fmt, tmp_path / f"x{store.EXPORT_SUFFIXES[fmt]}", claim_records(claims_db), {})
        assert files and all(content for content in files.values())


def test_export_command_writes_label_studio_with_its_config_and_brat_as_a_folder(cli, claims_db, tmp_path):
    target = tmp_path / "ls.json"
    code, out, err = cli("export", "--format", "label-studio", "--as-annotations", "-o", str(target))
    assert code == 0 and out == "" and f"Labeling config: {tmp_path / 'ls.config.xml'}" in err
    assert "annotations" in json.loads(target.read_text(encoding="utf-8"))[0]
    assert (tmp_path / "ls.config.xml").read_text(encoding="utf-8").startswith("<View>")
    code, _, err = cli("export", "--format", "brat", "-o", str(tmp_path / "brat"))
    assert code == 0 and sorted(p.name for p in (tmp_path / "brat").iterdir())[0] == "1.ann"
    code, out, err = cli("export", "--format", "label-studio")
    assert code == 0 and json.loads(out) and "only with -o FILE" in err
