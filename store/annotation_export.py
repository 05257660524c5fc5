"""Exports for annotation tools: doccano (JSONL) and Label Studio (JSON tasks + labeling config).

Fact-checking teams often move marked passages into an annotation tool to
share or adjudicate them. Both formats carry each article's whole cleaned
text once, with its placed claims as labelled spans, in the unit each tool
counts offsets in:

- doccano's editor counts UTF-16 code units (JavaScript strings), so a span
  after an emoji or a character like 𠮷 is shifted by one per such character;
  `utf16_offset` converts. A default doccano project keeps one label per span,
  so each claim is one span whose label joins its tags (TAG_JOINER); with
  `split_tags` each tag is its own span and the project needs "Allow
  overlapping entity" switched on. doccano replaces `id`, so the article id
  travels as `article_id`.
- Label Studio stores offsets in code points, as Python does. Claims come as
  `predictions` (suggestions an annotator accepts) unless `as_annotations`;
  each region has its labels, its status as a per-region choice and its note
  as a per-region text area, matching `label_studio_config`.

Orphan claims (whose quote is no longer in the text) have no span; they are
listed with their quote in each task's data.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import quoteattr

UNTAGGED = "claim"
TAG_JOINER = ","  # tag names never contain commas


def by_article(records: list[dict]) -> dict[int, list[dict]]:
    """Claim records grouped by article, in export order."""
    groups: dict[int, list[dict]] = {}
    for record in records:
        groups.setdefault(record["article_id"], []).append(record)
    return groups


def placed(claims: list[dict]) -> list[dict]:
    """The claims that have a span in the text (not orphans)."""
    return [c for c in claims if c.get("anchor") != "orphan"]


def orphans(claims: list[dict]) -> list[dict]:
    """The orphan claims, as {id, quote, status, note, tags}."""
    return [{k: c[k] for k in ("id", "quote", "status", "note", "tags")} for c in claims if c.get("anchor") == "orphan"]


def joined_label(tags: list[str]) -> str:
    """One label for a claim: its tags joined by TAG_JOINER, or UNTAGGED."""
    return TAG_JOINER.join(tags) or UNTAGGED


def utf16_offset(text: str, index: int) -> int:
    """The UTF-16 code unit offset of code point `index` in `text`."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


# ---------------------------------------------------------------- doccano
def to_doccano(records: list[dict], texts: dict[int, str], *, split_tags: bool = False, **_options) -> str:
    """One JSON line per article: {"text", "label": [[start, end, label], …], "article_id", …} in UTF-16 units."""
    lines = []
    for article_id, claims in by_article(records).items():
        text = texts[article_id]
        spans = [
            [utf16_offset(text, c["start"]), utf16_offset(text, c["end"]), label]
            for c in placed(claims)
            for label in ((c["tags"] or [UNTAGGED]) if split_tags else [joined_label(c["tags"])])
        ]
        line = {
            "text": text,
            "label": spans,
            "article_id": article_id,
            "title": claims[0]["article_title"],
            "source": claims[0]["source"],
            "claims": [
                {"id": c["id"], "tags": c["tags"], "status": c["status"], "note": c["note"]} for c in placed(claims)
            ],
            "orphans": orphans(claims),
        }
        lines.append(json.dumps(line, ensure_ascii=False) + "\n")
    return "".join(lines)


# ---------------------------------------------------------------- Label Studio
def to_label_studio(records: list[dict], texts: dict[int, str], *, as_annotations: bool = False, **_options) -> str:
    """A JSON array of Label Studio tasks, claims as predictions (or annotations) on `text`."""
    tasks = []
    for article_id, claims in by_article(records).items():
        result = [item for c in placed(claims) for item in _regions(c)]
        data = {
            "text": texts[article_id],
            "title": claims[0]["article_title"],
            "source": claims[0]["source"],
            "article_id": article_id,
            "orphans": orphans(claims),
        }
        key, entry = (
            ("annotations", {"result": result})
            if as_annotations
            else ("predictions", {"model_version": "hecha", "result": result})
        )
        tasks.append({"data": data, key: [entry]})
    return json.dumps(tasks, ensure_ascii=False, indent=2) + "\n"


def _regions(claim: dict) -> list[dict]:
    """A claim as a labels region with its status choice and note, sharing the region id."""
    span = {"start": claim["start"], "end": claim["end"], "text": claim["quote"]}
    common = {"id": claim["id"], "to_name": "text"}
    items = [
        {**common, "from_name": "label", "type": "labels", "value": {**span, "labels": claim["tags"] or [UNTAGGED]}},
        {**common, "from_name": "status", "type": "choices", "value": {**span, "choices": [claim["status"]]}},
    ]
    if claim["note"]:
        items.append({**common, "from_name": "note", "type": "textarea", "value": {**span, "text": [claim["note"]]}})
    return items


def label_studio_config(tags: list[tuple[str, str]], statuses: tuple[str, ...]) -> str:
    """The labeling config XML for the tasks: every tag (name, colour), per-region status and note."""
    if UNTAGGED not in {name for name, _ in tags}:
        tags = [*tags, (UNTAGGED, "#bcbcbc")]
    labels = "\n".join(f"    <Label value={quoteattr(name)} background={quoteattr(color)}/>" for name, color in tags)
    choices = "\n".join(f"      <Choice value={quoteattr(status)}/>" for status in statuses)
    return (
        "<View>\n"
        '  <Header value="$title"/>\n'
        '  <Labels name="label" toName="text" choice="multiple">\n'
        f"{labels}\n"
        "  </Labels>\n"
        '  <Text name="text" value="$text" granularity="symbol"/>\n'
        '  <View visibleWhen="region-selected">\n'
        '    <Choices name="status" toName="text" perRegion="true" choice="single" showInline="true">\n'
        f"{choices}\n"
        "    </Choices>\n"
        '    <TextArea name="note" toName="text" perRegion="true" editable="true" maxSubmissions="1"/>\n'
        "  </View>\n"
        "</View>\n"
    )
