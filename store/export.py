"""Exporting claims to CSV, JSON, JSON lines and a Markdown report.

`claim_records` gathers each claim with its history and the figures inside
its quote into a plain dict; one pure function per format turns those dicts
into text, so each format can be tested byte for byte against a golden file.
Exports are for other programs and people: CSV carries a BOM and neutralises
cells a spreadsheet would run as formulas, Markdown escapes user text so a
note cannot turn into links or markup.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlite_utils import Database

from .analysis import checks_within, list_checks
from .annotation_export import label_studio_config, to_doccano, to_label_studio
from .checks import Check
from .claims import STATUSES, Claim, HistoryEntry, all_histories, list_claims
from .clean import strip_controls
from .export_brat import to_brat
from .export_conll import to_conll
from .export_w3c import to_w3c
from .figure_store import article_figures
from .figures import Figure

FORMATS = ("csv", "json", "jsonl", "md", "doccano", "label-studio", "w3c", "brat", "conll")
# File name endings for each format (annotation tools read JSON Lines and JSON; brat a folder).
SUFFIXES = {
    "csv": ".csv",
    "json": ".json",
    "jsonl": ".jsonl",
    "md": ".md",
    "doccano": ".doccano.jsonl",
    "label-studio": ".label-studio.json",
    "w3c": ".w3c.jsonld",
    "brat": ".brat",
    "conll": ".bio.conll",
}
# Formats whose export is a folder of files rather than one file.
FOLDER_FORMATS = ("brat",)
LABEL_STUDIO_CONFIG_SUFFIX = ".config.xml"
ANCHOR_NOTES = {
    "moved": "moved (the text changed; the quote was found elsewhere)",
    "fuzzy": "fuzzy (the text changed; the nearest similar passage)",
    "orphan": "orphan (the quote is no longer in the article's text)",
}
CSV_COLUMNS = (
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
    "checks",
    "anchor",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets also read full-width and small forms of these as formula starts,
# and skip spaces before them.
_FORMULA_LIKE = re.compile(r"[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\u2212]")
# Markdown characters escaped everywhere in user text: emphasis, code, links, images,
# HTML, entities, tables, strikethrough, autolinks (: and .), headings and lists.
# Escaped anywhere: what can start emphasis, code, links, HTML, tables or autolinks.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&:])")
# Escaped at the start of a line only: list, heading-underline and numbered-list markers.
# GFM extended autolinks that need no colon: `www.` and e-mail addresses (x@y.z).
_MD_AUTOLINK = re.compile(r"(?i)(?<=www)\.|(?<=[a-z0-9._+-])@")
_MD_LINE_START = re.compile(r"^(?:[-+](?=\s)|\d+[.)](?=\s|$)|[-=](?=[-=]*\s*$))")


def claim_records(db: Database, *, status: str | None = None, tag: str | None = None) -> list[dict]:
    """The claims to export, each as a dict with its history and figures."""
    claims = list_claims(db, status=status, tag=tag)
    histories = all_histories(db)
    figures: dict[int, list[Figure]] = {}
    checks: dict[int, list[Check]] = {}
    records = []
    for claim in claims:
        if claim.article_id not in figures:
            figures[claim.article_id] = article_figures(db, claim.article_id)
            checks[claim.article_id] = list_checks(db, claim.article_id)
        record = claim_record(claim, histories.get(claim.id, []), figures[claim.article_id])
        record["checks"] = [check_record(c) for c in checks_within(checks[claim.article_id], claim.start, claim.end)]
        records.append(record)
    return records


def check_record(check: Check) -> dict:
    """A check a claim carries, as exported: kind, figures, stated, computed, verdict, explanation."""
    data = check.to_dict()
    del data["article_id"]
    return data


def check_label(check: dict) -> str:
    """A check as text: `plan rounding: 52.9亿元 ÷ 40.7亿元 × 100 = …`."""
    return f"{check['kind']} {check['verdict']}: {check['explanation']}"


def claim_record(claim: Claim, history: list[HistoryEntry], figures: list[Figure]) -> dict:
    """One claim as exported: its fields, its history, and the figures lying inside its quote."""
    return {
        "id": claim.id,
        "article_id": claim.article_id,
        "article_title": claim.article_title,
        "source": claim.source,
        "start": claim.start,
        "end": claim.end,
        "quote": claim.quote,
        "prefix": claim.prefix,
        "suffix": claim.suffix,
        "tags": list(claim.tags),
        "status": claim.status,
        "note": claim.note,
        "created_at": claim.created_at,
        "updated_at": claim.updated_at,
        "history": [entry.to_dict() for entry in history],
        "figures": [
            {"text": f.text, "kind": f.kind, "value": f.value, "unit": f.unit, "start": f.start, "end": f.end}
            for f in figures
            if claim.start <= f.start and f.end <= claim.end and claim.anchor != "orphan"
        ],
        "anchor": claim.anchor,
        "text_hash": claim.text_hash,
    }


def export_claims(db: Database, fmt: str, *, status: str | None = None, tag: str | None = None, **options: bool) -> str:
    """The content of an export file in format `fmt` (one of FORMATS but the folder formats).

    Options: `split_tags` (doccano: one span per tag), `as_annotations`
    (Label Studio: finished annotations instead of predictions).
    """
    _check_format(fmt)
    if fmt in FOLDER_FORMATS:
        raise ValueError(f"{fmt} export is a folder of files: give an output folder")
    return _render(db, fmt, claim_records(db, status=status, tag=tag), options)


def write_export(
    db: Database, fmt: str, path: str | Path, *, status: str | None = None, tag: str | None = None, **options: bool
) -> int:
    """Write an export to `path` atomically (each file a temporary file renamed over it); return how many claims.

    Label Studio also gets its labeling config beside it (LABEL_STUDIO_CONFIG_SUFFIX);
    brat writes a folder at `path`.
    """
    _check_format(fmt)
    records = claim_records(db, status=status, tag=tag)
    if fmt in FOLDER_FORMATS:
        Path(path).mkdir(exist_ok=True)
    for target, content in export_files(db, fmt, Path(path), records, options).items():
        write_atomic(target, content.encode("utf-8"))
    return len(records)


def export_files(db: Database, fmt: str, path: Path, records: list[dict], options: dict) -> dict[Path, str]:
    """Every file an export to `path` writes, with its text."""
    if fmt == "brat":
        brat = to_brat(records, article_texts(db, records), tag_names_in_order(db), STATUSES)
        return {path / name: text for name, text in brat.items()}
    files = {path: _render(db, fmt, records, options)}
    if fmt == "label-studio":
        files[label_studio_config_path(path)] = label_studio_config(_tag_colours(db), STATUSES)
    return files


def label_studio_config_path(path: Path) -> Path:
    """Where the labeling config of a Label Studio export at `path` goes."""
    return path.with_name(path.name.removesuffix(".json") + LABEL_STUDIO_CONFIG_SUFFIX)


def article_texts(db: Database, records: list[dict]) -> dict[int, str]:
    """The cleaned text of each article the records refer to."""
    return {
        article_id: db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()[0]
        for article_id in {r["article_id"] for r in records}
    }


def tag_names_in_order(db: Database) -> list[str]:
    """Every tag name, in the library's order."""
    return [name for name, _ in _tag_colours(db)]


def _tag_colours(db: Database) -> list[tuple[str, str]]:
    """(name, colour) of every tag, in the library's order."""
    return [tuple(row) for row in db.execute("SELECT name, color FROM tags ORDER BY ord, id")]


def _check_format(fmt: str) -> None:
    """ValueError for a format we do not write."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")


def _render(db: Database, fmt: str, records: list[dict], options: dict | None = None) -> str:
    """The export text; annotation formats also get each article's cleaned text."""
    renderers: dict[str, Callable[[list[dict]], str]] = {
        "csv": to_csv,
        "json": to_json,
        "jsonl": to_jsonl,
        "md": to_markdown,
    }
    if fmt in renderers:
        return renderers[fmt](records)
    span_renderers = {"doccano": to_doccano, "label-studio": to_label_studio, "w3c": to_w3c, "conll": to_conll}
    return span_renderers[fmt](records, article_texts(db, records), **(options or {}))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, sync it, and rename it over `path`."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- JSON
def to_json(records: list[dict]) -> str:
    """A pretty JSON array, Chinese kept as is."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


def to_jsonl(records: list[dict]) -> str:
    """One JSON object per line."""
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


# ---------------------------------------------------------------- CSV
def to_csv(records: list[dict]) -> str:
    """CSV with a BOM (so spreadsheets read UTF-8), one row per claim, CRLF line ends."""
    return csv_text(CSV_COLUMNS, (_csv_row(record) for record in records))


def csv_text(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    """The one CSV writer of every export: a BOM, CRLF line ends, formula-looking cells defused."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(list(header))
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return "\ufeff" + out.getvalue()


def _csv_row(record: dict) -> list:
    """A record's cells: tags joined by '; ', history and figures one per line."""
    cells = {
        **record,
        "tags": "; ".join(record["tags"]),
        "history": "\n".join(history_line(entry) for entry in record["history"]),
        "figures": "\n".join(figure_label(figure) for figure in record["figures"]),
        "checks": "\n".join(check_label(check) for check in record.get("checks", [])),
    }
    return [cells.get(column, "") for column in CSV_COLUMNS]


def csv_cell(value: object) -> object:
    """A cell a spreadsheet will not run: text starting = + - @ (or ＝ ＋ － ＠, after spaces too), tab or CR gets a leading '."""
    if isinstance(value, str) and (value.startswith(_FORMULA_START) or _FORMULA_LIKE.match(value)):
        return "'" + value
    return value


def history_line(entry: dict) -> str:
    """One history entry as text: `AT status: open → true`, `AT created: open`."""
    if entry["old"] is None:
        return f"{entry['at']} {entry['field']}: {entry['new'] or ''}"
    return f"{entry['at']} {entry['field']}: {entry['old']} → {entry['new'] or ''}"


def figure_label(figure: dict) -> str:
    """A figure as text: `7.7% (percent 7.7 %)`."""
    details = " ".join(str(part) for part in (figure["kind"], figure["value"], figure["unit"]) if part is not None)
    return f"{figure['text']} ({details})"


# ---------------------------------------------------------------- Markdown
def to_markdown(records: list[dict]) -> str:
    """A report: one section per article, each claim's quote, tags, status, note and figures."""
    articles = len({record["article_id"] for record in records})
    lines = [
        "# hecha claims",
        "",
        f"{len(records)} claim{'s' * (len(records) != 1)} in {articles} article{'s' * (articles != 1)}.",
        "",
    ]
    current, number = None, 0
    for record in records:
        if record["article_id"] != current:
            current, number = record["article_id"], 0
            lines += _md_article(record)
        number += 1
        lines += _md_claim(record, number)
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_article(record: dict) -> list[str]:
    """The heading of an article's section."""
    title = md_escape(record["article_title"]).replace("\n", " ") or "(untitled)"
    source = md_escape(record["source"]).replace("\n", " ")
    return [f"## {title}", "", f"Source: {source} · article {record['article_id']}", ""]


def _md_claim(record: dict, number: int) -> list[str]:
    """One claim: a heading, the quote as a blockquote, then its details as a list."""
    quote = [f"> {line}".rstrip() for line in md_escape(record["quote"]).split("\n")]
    details = [
        f"- Status: {record['status']}",
        f"- Tags: {md_escape(', '.join(record['tags'])) or '—'}",
        f"- Note: {_md_continued(record['note']) or '—'}",
    ]
    if record["figures"]:
        details.append("- Figures: " + "; ".join(md_escape(figure_label(f)) for f in record["figures"]))
    details += [f"- Check: {md_escape(check_label(c))}" for c in record.get("checks", [])]
    details.append(f"- Offsets: {record['start']}–{record['end']} · id `{record['id']}`")
    if record.get("anchor", "exact") != "exact":
        details.append(f"- Anchor: {ANCHOR_NOTES.get(record['anchor'], record['anchor'])}")
    return [f"### Claim {number}", "", *quote, "", *details, ""]


def _md_continued(text: str) -> str:
    """User text for a list item: escaped, later lines indented to stay in the item."""
    return "\n  ".join(md_escape(text).split("\n"))


def md_escape(text: str) -> str:
    """User text safe to put in Markdown: specials backslash-escaped, controls gone, lines left-trimmed."""
    text = strip_controls(text).replace("\t", " ")
    lines = [line.strip() for line in text.split("\n")]
    escaped = (_MD_AUTOLINK.sub(lambda m: "\\" + m.group(0), _MD_SPECIAL.sub(r"\\\1", line)) for line in lines)
    return "\n".join(_MD_LINE_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], line) for line in escaped)
