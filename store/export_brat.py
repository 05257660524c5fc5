"""brat standoff export: per article a `.txt` with its cleaned text and an `.ann` with the claims.

brat (https://brat.nlplab.org/standoff.html) reads a folder of `.txt`/`.ann`
pairs plus an `annotation.conf` declaring the entity types. Each tag of a
claim is a text-bound annotation `T<n>\tTAG START END\tTEXT` (brat allows
overlapping spans, so a claim with two tags is two annotations on one span;
an untagged claim is `claim`); the status is an attribute `A<n>\tStatus T<n> VALUE`
and the note an `#<n>\tAnnotatorNotes T<n>\tNOTE` line. Offsets count
characters (code points) of the `.txt`, which is written as UTF-8 exactly as
stored. A span crossing a line break is split into fragments, as brat wants.
Orphan claims have no span and are left out.
"""

from __future__ import annotations

from .annotation_export import UNTAGGED, by_article, placed


def to_brat(records: list[dict], texts: dict[int, str], tags: list[str], statuses: tuple[str, ...]) -> dict[str, str]:
    """File name → content: `<article id>.txt`, `<article id>.ann` per article, and `annotation.conf`."""
    files = {}
    for article_id, claims in by_article(records).items():
        text = texts[article_id]
        files[f"{article_id}.txt"] = text
        files[f"{article_id}.ann"] = _ann(placed(claims), text)
    files["annotation.conf"] = annotation_conf(tags, statuses)
    return files


def _ann(claims: list[dict], text: str) -> str:
    """The .ann lines of one article's claims."""
    lines, number, note_number = [], 0, 0
    for claim in claims:
        fragments = _fragments(text, claim["start"], claim["end"])
        where = ";".join(f"{s} {e}" for s, e in fragments)
        shown = " ".join(text[s:e] for s, e in fragments)
        for tag in claim["tags"] or [UNTAGGED]:
            number += 1
            lines.append(f"T{number}\t{tag} {where}\t{shown}")
            lines.append(f"A{number}\tStatus T{number} {claim['status']}")
            if claim["note"]:
                note_number += 1
                lines.append(f"#{note_number}\tAnnotatorNotes T{number}\t{_one_line(claim['note'])}")
    return "".join(line + "\n" for line in lines)


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """start–end cut at line breaks into non-empty pieces."""
    pieces, at = [], start
    for part in text[start:end].split("\n"):
        if part.strip():
            pieces.append((at, at + len(part)))
        at += len(part) + 1
    return pieces or [(start, end)]


def _one_line(note: str) -> str:
    """A note on one line (brat notes end at the line end)."""
    return " ".join(note.split())


def annotation_conf(tags: list[str], statuses: tuple[str, ...]) -> str:
    """brat's annotation.conf: the tags as entity types, the status attribute."""
    entities = [*tags, *([UNTAGGED] if UNTAGGED not in tags else [])]
    return (
        "[entities]\n"
        + "".join(f"{name}\n" for name in entities)
        + "\n[relations]\n\n[events]\n\n[attributes]\n"
        + f"Status\tArg:<ENTITY>, Value:{'|'.join(statuses)}\n"
    )
