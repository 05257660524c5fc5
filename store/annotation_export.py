"""Exports for annotation tools: doccano (JSONL) and Label Studio (JSON tasks).

Fact-checking teams often move marked passages into an annotation tool to
share or adjudicate them. Both formats carry each article's whole cleaned
text once, with every claim as a labelled span (character offsets into that
text, the tags as labels, `claim` when a claim has no tag). Offsets count
Unicode code points, as Python and doccano do; Label Studio in a browser
counts UTF-16 units, which differ only for characters outside the BMP.
"""

from __future__ import annotations

import json

UNTAGGED = "claim"


def _by_article(records: list[dict]) -> dict[int, list[dict]]:
    """Claim records grouped by article, in export order."""
    groups: dict[int, list[dict]] = {}
    for record in records:
        groups.setdefault(record["article_id"], []).append(record)
    return groups


def to_doccano(records: list[dict], texts: dict[int, str]) -> str:
    """One JSON line per article: {"id", "text", "label": [[start, end, tag], …], "meta"}."""
    lines = []
    for article_id, claims in _by_article(records).items():
        labels = [[c["start"], c["end"], tag] for c in claims for tag in (c["tags"] or [UNTAGGED])]
        meta = {"title": claims[0]["article_title"], "source": claims[0]["source"],
                "claims": [{"id": c["id"], "status": c["status"], "note": c["note"]} for c in claims]}
        line = {"id": article_id, "text": texts[article_id], "label": labels, "meta": meta}
        lines.append(json.dumps(line, ensure_ascii=False) + "\n")
    return "".join(lines)


def to_label_studio(records: list[dict], texts: dict[int, str]) -> str:
    """A JSON array of Label Studio tasks with the claims as `labels` results on `text`."""
    tasks = []
    for article_id, claims in _by_article(records).items():
        result = [
            {
                "id": c["id"][:12], "from_name": "label", "to_name": "text", "type": "labels",
                "value": {"start": c["start"], "end": c["end"], "text": c["quote"], "labels": c["tags"] or [UNTAGGED]},
                "meta": {"text": [c["note"]] if c["note"] else [], "status": c["status"]},
            }
            for c in claims
        ]
        data = {"text": texts[article_id], "title": claims[0]["article_title"], "source": claims[0]["source"],
                "article_id": article_id}
        tasks.append({"data": data, "annotations": [{"result": result}]})
    return json.dumps(tasks, ensure_ascii=False, indent=2) + "\n"
