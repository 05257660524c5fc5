"""The forms of page lines: author lines, credits, datelines, jump lines, captions.

Every newspaper prints the same few kinds of line around its articles, in a
handful of forms: `本报记者 X`, `（新华社记者X摄）`, `本报北京1月31日电`,
`转第3版`. The forms live in a table (`data/layout_forms.tsv`), one pattern
per line with the name of its rule, so a form a paper prints differently is
one more line there. Lines are matched after `script.fold`, so traditional
characters and full-width digits need no patterns of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

from .script import fold

ROLES = ("byline", "credit", "source", "jump", "dateline", "caption", "inline", "signature", "notname")
_MACRO = re.compile(r"\{([A-Z]+)\}")
LINE_MAX = 120  # a credit, author or jump line is never longer
HEAD_CHARS = 160  # a dateline or caption cue is found in a line's first characters
TAIL_CHARS = 60  # a credit or signature is found in a line's last characters


@dataclass(frozen=True)
class Form:
    """One row of the table: what a line that matches is, by which rule."""

    role: str
    rule: str
    pattern: re.Pattern[str]


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace `{NAME}` macros by their (already expanded) patterns."""
    return _MACRO.sub(lambda m: macros[m.group(1)], pattern)


@lru_cache(maxsize=1)
def forms() -> tuple[Form, ...]:
    """The table of forms, in file order (the first match wins)."""
    text = files("hecha.store").joinpath("data/layout_forms.tsv").read_text(encoding="utf-8")
    macros: dict[str, str] = {}
    table = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@"):
            name, pattern = line[1:].split("\t", 1)
            macros[name] = _expand(pattern, macros)
            continue
        role, rule, pattern = line.split("\t", 2)
        table.append(Form(role, rule, re.compile(_expand(pattern, macros))))
    return tuple(table)


@cache
def _of_role(role: str) -> tuple[Form, ...]:
    """The forms of one role, in file order."""
    return tuple(f for f in forms() if f.role == role)


_SENTENCE_ENDS = ("。", "！", "？", "…", "；", "，")
_LINE_ORDER = ("credit", "source", "jump", "notname", "byline")


def line_form(text: str, roles: tuple[str, ...] = _LINE_ORDER) -> Form | None:
    """The form of one of `roles` that the whole line matches, or None.

    Credits, source tags, jump lines and end marks are tried before author
    lines, so `（本报记者X摄）` is a credit and `（本报罗马电）` a source tag.
    """
    text = text.strip()
    if len(text) > LINE_MAX or text.endswith(_SENTENCE_ENDS):
        return None  # no credit, author or jump line ends like a sentence
    return _line_form(fold(text), roles)


@lru_cache(maxsize=4096)
def _line_form(folded: str, roles: tuple[str, ...]) -> Form | None:
    for role in (r for r in _LINE_ORDER if r in roles):
        for form in _of_role(role):
            if form.pattern.search(folded):
                return form
    return _notes_form(folded) if "credit" in roles else None


_NOTES = re.compile(r"(?:\([^()]{1,30}\)\s*){2,4}")
_NOTE = re.compile(r"\([^()]{1,30}\)")


def _notes_form(folded: str) -> Form | None:
    """`（一九九八年一月一日）（附图片１张）`: notes in brackets side by side, each a credit by itself."""
    if not _NOTES.fullmatch(folded):
        return None
    found = [_line_form(note, ("credit",)) for note in _NOTE.findall(folded)]
    return found[0] if all(found) else None


@lru_cache(maxsize=4096)
def starts_with(role: str, text: str) -> Form | None:
    """The form of `role` (dateline, caption) that the start of `text` matches, or None."""
    folded = fold(text[:HEAD_CHARS])
    for form in _of_role(role):
        if form.pattern.search(folded):
            return form
    return None


_REPORTER = re.compile(r"\s*\([^()]{1,30}\)|\s*(?:记者|通讯员)[\u4e00-\u9fff、 ]{1,20}?报道:")
CREDIT_ENDS = ("摄", "攝", "摄影", "攝影", "报道", "報道", "供图", "供圖")


def dateline_end(text: str) -> int:
    """Where the dateline that opens `text` ends, with a reporter in brackets after it (0 if none)."""
    folded = fold(text[:HEAD_CHARS])
    for form in _of_role("dateline"):
        match = form.pattern.search(folded)
        if match:
            after = _REPORTER.match(folded, match.end())
            return after.end() if after else match.end()
    return 0


def inline_credit(text: str) -> int | None:
    """Where a photo credit printed at the end of a caption line starts, or None."""
    tail = _bracket_tail(text)
    if tail is None and text.rstrip().endswith(CREDIT_ENDS):
        tail = text[-TAIL_CHARS:]
    return None if tail is None else _tail_match("inline", text, tail)


def end_signature(text: str) -> int | None:
    """Where an author's bracketed name at the end of a paragraph starts (`…。（赵深田）`), or None."""
    tail = _bracket_tail(text)
    return None if tail is None else _tail_match("signature", text, tail)


def _bracket_tail(text: str) -> str | None:
    """The end of `text` from a little before its last opening bracket, if it ends in a closing one."""
    if not text.endswith((")", "）")):
        return None
    start = max(text.rfind("("), text.rfind("（"))
    return text[max(0, start - 4) :] if start > 0 and len(text) - start <= TAIL_CHARS else None


def _tail_match(role: str, text: str, tail: str) -> int | None:
    """Start (in `text`) of group 1 of the first form of `role` matching the folded `tail`."""
    folded = fold(tail)
    for form in _of_role(role):
        match = form.pattern.search(folded)
        if match and match.start(1) > 0 and not _is_tag(match.group(1)):
            return len(text) - len(tail) + match.start(1)
    return None


def _is_tag(bracketed: str) -> bool:
    """A closing source tag, a jump (`（下转第二版）`) or a note (`（完）`) rather than a name."""
    words = bracketed.strip()
    return any(f.pattern.search(words) for f in _of_role("source") + _of_role("notname") + _of_role("jump"))


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    """Single-character surnames and compound ones."""
    text = files("hecha.store").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    single: set[str] = set()
    compound: list[str] = []
    in_compound = False
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line == "compound":
            in_compound = True
        elif in_compound:
            compound.append(line)
        else:
            single.update(line)
    return frozenset(single), tuple(compound)


def is_name(word: str) -> bool:
    """A personal name: a surname and one or two more characters."""
    single, compound = _surnames()
    if any(word.startswith(c) and 3 <= len(word) <= 4 for c in compound):
        return True
    return 2 <= len(word) <= 3 and word[0] in single


def bare_names(text: str) -> bool:
    """A line of one to four names and nothing else (`张京陈辉`, `李明 王芳`, `王　川`)."""
    folded = fold(text.strip())
    if not folded or len(folded) > 16 or not all("\u4e00" <= c <= "\u9fff" or c in " ·、" for c in folded):
        return False
    parts = [p for p in re.split(r"[ 、]+", folded) if p]
    if len(parts) == 2 and len(parts[0]) == len(parts[1]) == 1:
        parts = ["".join(parts)]  # `王　川`: a name of two characters spaced out to fill the line
    return all(_names_run(p) for p in parts) and len(parts) <= 4


def _names_run(run: str) -> bool:
    """Whether `run` splits into names written together (`张京陈辉` → 张京 + 陈辉)."""
    if not run:
        return True
    if len(run) == 2 and run[0] not in _surnames()[0]:
        return False  # a pen name is told apart by its position, not its letters
    return any(len(run) >= size and is_name(run[:size]) and _names_run(run[size:]) for size in (3, 2, 4))
