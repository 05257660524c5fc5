"""W3C Web Annotation export (JSON-LD) and reading it back.

Each claim is one Annotation (https://www.w3.org/TR/annotation-model/):
`id` is `urn:uuid:<claim id>`; the target's source is the article, named by
a URN made from the SHA-256 of its cleaned text (so two libraries holding the
same text agree on it); the target is selected by a TextQuoteSelector (exact
quote, prefix, suffix) and, for a placed claim, a TextPositionSelector
counting code points, as the model requires. Tags, status and note are
TextualBody bodies with purposes `tagging`, `assessing` and `commenting`.
The file is a JSON array of annotations, each with its own @context, the
shape annotation clients such as RecogitoJS load.
"""

from __future__ import annotations

import hashlib
import json

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
ARTICLE_URN = "urn:hecha:article:sha256:"
CLAIM_URN = "urn:uuid:"
UTC = "+00:00"
PURPOSES = {"tagging": "tags", "assessing": "status", "commenting": "note"}


def article_urn(text: str) -> str:
    """The URN naming an article by the SHA-256 of its cleaned text."""
    return ARTICLE_URN + hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_w3c(records: list[dict], texts: dict[int, str], **_options) -> str:
    """A JSON array of Web Annotations, one per claim."""
    return json.dumps([annotation(r, texts[r["article_id"]]) for r in records], ensure_ascii=False, indent=2) + "\n"


def annotation(record: dict, text: str) -> dict:
    """One claim record as a Web Annotation."""
    selectors: list[dict] = [
        {"type": "TextQuoteSelector", "exact": record["quote"], "prefix": record["prefix"], "suffix": record["suffix"]}
    ]
    if record.get("anchor") != "orphan":
        selectors.append({"type": "TextPositionSelector", "start": record["start"], "end": record["end"]})
    bodies = [_body("tagging", tag) for tag in record["tags"]]
    bodies.append(_body("assessing", record["status"]))
    if record["note"]:
        bodies.append(_body("commenting", record["note"]))
    return {
        "@context": CONTEXT,
        "id": CLAIM_URN + record["id"],
        "type": "Annotation",
        "motivation": "assessing",
        "created": _utc_z(record["created_at"]),
        "modified": _utc_z(record["updated_at"]),
        "body": bodies,
        "target": {"source": article_urn(text), "selector": selectors},
    }


def _utc_z(stamp: str) -> str:
    """A UTC timestamp written with Z, as the model recommends (ours end in +00:00)."""
    return stamp[: -len(UTC)] + "Z" if stamp.endswith(UTC) else stamp


def _from_z(stamp: object) -> object:
    """A timestamp back in our form (+00:00 for UTC)."""
    return stamp[:-1] + UTC if isinstance(stamp, str) and stamp.endswith("Z") else (stamp or "")


def _body(purpose: str, value: str) -> dict:
    """A plain-text TextualBody with a purpose."""
    return {"type": "TextualBody", "purpose": purpose, "value": value, "format": "text/plain"}


# ---------------------------------------------------------------- reading back
def is_w3c(data: object) -> bool:
    """True if parsed JSON looks like Web Annotations (one, an array, or a collection page)."""
    items = annotations_in(data)
    return bool(items) and all(isinstance(i, dict) and i.get("type") == "Annotation" for i in items)


def annotations_in(data: object) -> list:
    """The annotations in a parsed file: an array, one annotation, or an AnnotationPage/Collection."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if data.get("type") == "Annotation":
            return [data]
        page = data.get("first") if data.get("type") == "AnnotationCollection" else data
        if isinstance(page, dict) and isinstance(page.get("items"), list):
            return page["items"]
    return []


def from_w3c(item: dict) -> dict:
    """A Web Annotation made by `annotation` back as a partial claim record (ValueError if it is not one)."""
    ident = item.get("id", "")
    if not isinstance(ident, str) or not ident.startswith(CLAIM_URN):
        raise ValueError(f"annotation id {ident!r} is not a urn:uuid")
    target = item.get("target")
    if not isinstance(target, dict):
        target = {}
    selectors = target.get("selector", [])
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None)
    if quote is None or not isinstance(quote.get("exact"), str):
        raise ValueError(f"annotation {ident} has no TextQuoteSelector")
    position = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), None)
    record = {
        "id": ident[len(CLAIM_URN) :],
        "quote": quote["exact"],
        "prefix": quote.get("prefix", ""),
        "suffix": quote.get("suffix", ""),
        "start": (position or {}).get("start", 0),
        "end": (position or {}).get("end", 0),
        "anchor": "exact" if position else "orphan",
        "created_at": _from_z(item.get("created")),
        "updated_at": _from_z(item.get("modified") or item.get("created")),
        "tags": [],
        "status": "open",
        "note": "",
        "source_urn": target.get("source", ""),
    }
    _read_bodies(item.get("body", []), record)
    return record


def _read_bodies(bodies: object, record: dict) -> None:
    """Fill tags, status and note from the bodies' purposes."""
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        field = PURPOSES.get(body.get("purpose", ""))
        if field == "tags":
            record["tags"].append(body["value"])
        elif field:
            record[field] = body["value"]
