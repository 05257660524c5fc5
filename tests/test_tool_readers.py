"""The exports read by the real tools' own code, when those tools are installed.

These run only where the readers are installed (they are not dependencies):
`pip install label-studio-sdk bratly-io-fs spacy`. Label Studio's SDK checks
the labeling config and every prediction and annotation against it; bratly
parses the brat folder and checks each span against its .txt; spaCy's
CoNLL-2003 converter reads the BIO file back into entities.
"""

from __future__ import annotations

import json

import pytest
from test_export import claims_db  # noqa: F401  (the fixture)

from hecha import store

CLAIMED = {"前三季度国内生产总值同比增长5.2%", "-3.5%的降幅有所收窄", "全市新建5G基站1.2万个📶，位居全省第一。"}


@pytest.mark.parametrize("as_annotations", [False, True])
def test_label_studio_sdk_accepts_the_config_and_every_region(claims_db, tmp_path, as_annotations):
    interface = pytest.importorskip("label_studio_sdk.label_interface")
    target = tmp_path / "ls.json"
    store.write_export(claims_db, "label-studio", target, as_annotations=as_annotations)
    labels = interface.LabelInterface(store.label_studio_config_path(target).read_text(encoding="utf-8"))
    labels.validate()
    key = "annotations" if as_annotations else "predictions"
    for task in json.loads(target.read_text(encoding="utf-8")):
        assert labels.validate_task({"data": task["data"]})
        assert labels.validate_prediction(task[key][0], return_errors=True) == []


def test_bratly_reads_the_brat_folder_and_every_span_matches_the_text(claims_db, tmp_path):
    brat_io = pytest.importorskip("bratly.io")
    from bratly import EntityAnnotation

    store.write_export(claims_db, "brat", tmp_path / "brat")
    collection = brat_io.read_document_collection_from_folder(str(tmp_path / "brat"))
    entities = []
    for document in collection.documents:
        assert document.check_ann_compatibility_with_txt()
        entities += document.annotation_collections[0].get_annotations(descendant_type=EntityAnnotation)
    assert {e.content for e in entities} == CLAIMED and len(entities) == 5


def test_spacy_reads_the_conll_file_back_into_the_claims(claims_db):
    converters = pytest.importorskip("spacy.training.converters")
    docs = list(converters.conll_ner_to_docs(store.export_claims(claims_db, "conll"), n_sents=0, no_print=True))
    assert len(docs) == 2
    found = {ent.text.replace(" ", ""): ent.label_ for doc in docs for ent in doc.ents}
    assert found == {
        "前三季度国内生产总值同比增长5.2%": "数据,待核实",
        "-3.5%的降幅有所收窄": "模糊",
        "全市新建5G基站1.2万个📶，位居全省第一。": "排名,引语",
    }
