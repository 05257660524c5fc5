"""The hostile-file corpus through the whole CLI: import, list, show, export — no traceback, no escapes."""

from __future__ import annotations

import json
import re

import pytest
from hostile import build_corpus

from hecha.tui.cli import main

TERMINAL_ACTORS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EXPECTED_REASONS = {
    "fifo.txt": "FIFO",
    "zero.txt": "character device",
    "urandom.md": "character device",
    "dangling.txt": "dangling symbolic link",
    "loop-a.txt": "loop",
    "self.txt": "loop",
    "sparse-giant.txt": "too large",
    "png.txt": "binary",
    "empty.txt": "empty",
    "blank.txt": "empty",
    "bom-only.txt": "empty",
    "nul-middle.txt": "binary",
    "utf16-odd-length.txt": "binary",
    "lone-continuation.txt": "not",
    "overlong-utf8.txt": "not",
    **{f"noise-{n}.txt": "not" for n in range(6)},
}
IMPORTED = (
    "utf16le.txt",
    "utf16be.txt",
    "utf16-english.txt",
    "utf16le-bom.txt",
    "gbk.txt",
    "gb18030.txt",
    "big5.txt",
    "cp1252.txt",
    "english.txt",
    "short.txt",
    "crlf.txt",
    "deep.txt",
    "escapes-in-text.txt",
    "markup.txt",
    "bad-\\xff\\xfe.txt",
    "csi-\\x1b[31mred.txt",
    "bidi-\\u202etxt.exe.txt",
    "cr-\\rspoof.txt",
)


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The corpus imported once: (database path, entries made, exit code, stdout, stderr)."""
    folder = tmp_path_factory.mktemp("hostile")
    corpus = folder / "corpus"
    corpus.mkdir()
    made = build_corpus(corpus)
    db = folder / "hecha.db"
    code, out, err = _run(db, "import", str(corpus))
    return db, made, code, out, err


def _run(db, *args):
    """The CLI in this process, its output captured: (code, stdout, stderr)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), *args])
    return code, out.getvalue(), err.getvalue()


def test_import_finishes_with_a_summary_and_reasons(imported):
    _, made, code, out, err = imported
    assert code == 1 and "Traceback" not in err
    summary = re.search(r"Imported (\d+) articles? from (\d+) files?; (\d+) already stored; (\d+) refused\.", out)
    assert summary, out
    files, already, refused = (int(n) for n in summary.groups()[1:])
    assert files + already + refused >= made - 3  # the folder, its self-link and deep nesting are no entries
    refusals = dict(re.findall(r"^.*/([^/]+?): refused: (.*)$", err, flags=re.M))
    for name, words in EXPECTED_REASONS.items():
        assert words in refusals.get(name, ""), (name, refusals.get(name))
    for name in IMPORTED:
        assert name not in refusals, (name, refusals.get(name))
    assert not TERMINAL_ACTORS.search(out + err)


def test_every_stored_article_can_be_listed_shown_and_exported(imported):
    db, *_ = imported
    code, out, err = _run(db, "list", "--json")
    assert code == 0
    articles = json.loads(out)
    names = {a["source"] for a in articles}
    for name in IMPORTED:
        assert name in names, name
    outputs = [out, _run(db, "list")[1]]
    for article in articles:
        for extra in ((), ("--raw",), ("--json",)):
            code, shown, err = _run(db, "show", str(article["id"]), *extra)
            assert code == 0 and "Traceback" not in err, (article, extra)
            outputs.append(shown)
    for fmt in ("csv", "json", "md"):
        code, _exported, err = _run(db, "export", "--format", fmt)
        assert code == 0, err
    assert not any(TERMINAL_ACTORS.search(text) for text in outputs)
