"""Import survives what real archives hold: odd names, odd entries, byte noise, a failing file."""

from __future__ import annotations

import os
import random

import pytest

from hecha import store
from hecha.store import ingest
from hecha.store.reading import Refused, decode, find_files

ARTICLE = "县教育局召开会议\n\n本报讯 会议通报，今年全县新建校舍四万平方米，新增学位二千四百个。\n"
ENGLISH = "City council approves budget\n\nThe council voted 7 to 2 on Tuesday to approve a budget of $1.2 billion.\n"
HOSTILE_NAMES = {
    "csi": "a\x1b[31mred.txt",
    "osc-title": "b\x1b]0;owned\x07.txt",
    "osc52-clipboard": "c\x1b]52;c;cm0gLXJmIH4=\x07.txt",
    "bel": "d\x07.txt",
    "bidi": "e\u202etxt.exe.txt",
    "cr": "f\rspoof.txt",
}


def _write(folder, name: str, text: str = ARTICLE) -> None:
    with open(os.path.join(os.fsencode(folder), os.fsencode(name)), "wb") as handle:
        handle.write(text.encode("utf-8"))


def test_name_that_is_not_utf8_is_imported_and_kept_exactly(db, tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"bad\xff\xfe.txt")
    with open(raw, "wb") as handle:
        handle.write(ARTICLE.encode())
    report = store.import_paths(db, [tmp_path])
    assert (report.files, report.refused) == (1, [])
    name, path, exact = db.execute("SELECT name, path, path_bytes FROM sources").fetchone()
    assert name == "bad\\xff\\xfe.txt" and path.endswith(name)
    assert exact == os.fsencode(os.path.realpath(raw))
    assert store.import_paths(db, [tmp_path]).already == 1  # found again by its exact bytes


@pytest.mark.parametrize("kind", sorted(HOSTILE_NAMES))
def test_control_characters_in_names_never_reach_store_or_output(db_path, tmp_path, cli, kind):
    _write(tmp_path, HOSTILE_NAMES[kind])
    code, out, err = cli("import", str(tmp_path))
    assert code == 0, err
    for command in (("list",), ("show", "1"), ("show", "1", "--raw"), ("claims",)):
        code, out, err = cli(*command)
        assert code == 0
        for text in (out, err):
            assert not any(c in text for c in "\x1b\x07\r\u202e"), (command, text)
    db = store.open_db(db_path)
    stored = " ".join(db.execute("SELECT name || path FROM sources").fetchone())
    assert not any(c in stored for c in "\x1b\x07\r\u202e")
    assert "\\x1b" in stored or "\\x07" in stored or "\\u202e" in stored or "\\r" in stored


def test_hostile_name_in_a_refusal_is_escaped(tmp_path, cli):
    _write(tmp_path, "g\x1b]52;c;eA==\x07.txt", "")
    code, _out, err = cli("import", str(tmp_path))
    assert code == 1 and "empty file" in err
    assert "\x1b" not in err and "\\x1b]52" in err


def _odd_entries(folder) -> dict[str, str]:
    """A FIFO, a link to /dev/zero, a dangling link and a loop; name → expected reason."""
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    return {
        "pipe.txt": "a FIFO",
        "zero.txt": "a character device (through a symbolic link)",
        "gone.txt": "dangling symbolic link",
        "loop.txt": "symbolic link loop",
    }


def test_odd_entries_in_a_folder_are_reported_with_their_reasons(db, tmp_path):
    expected = _odd_entries(tmp_path)
    _write(tmp_path, "good.txt")
    report = store.import_paths(db, [tmp_path])
    assert report.files == 1
    reasons = {os.path.basename(r.path): r.reason for r in report.refused}
    assert set(reasons) == set(expected)
    for name, words in expected.items():
        assert words in reasons[name], (name, reasons[name])


def test_odd_entries_passed_by_name_are_reported_with_their_reasons(tmp_path):
    expected = _odd_entries(tmp_path)
    files, refused = find_files([tmp_path / name for name in expected] + [tmp_path / "absent.txt"])
    assert files == []
    reasons = [r.reason for r in refused]
    for words, reason in zip([*expected.values(), "no such file or folder"], reasons):
        assert words in reason


def test_one_failing_file_never_stops_the_folder(tmp_path, monkeypatch, cli):
    for n in range(3):
        _write(tmp_path, f"{n}.txt", ARTICLE.replace("四万", f"{n + 4}万"))
    original = ingest.insert_figures

    def overflowing(db, article_id, rows):
        if any("5万" in row[0] for row in rows):
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        return original(db, article_id, rows)

    monkeypatch.setattr(ingest, "insert_figures", overflowing)
    code, out, err = cli("import", str(tmp_path))
    assert code == 1 and "Traceback" not in err
    assert "Imported 2 articles from 2 files" in out and "1 refused" in out
    assert "1.txt: refused: could not be imported (OverflowError" in err


@pytest.mark.parametrize("codec", ["cp775", "johab", "cp1251", "gb18030", "big5", "shift_jis", "latin-1"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_bytes_are_not_stored_as_articles(codec, seed):
    noise = random.Random(seed).randbytes(3000).replace(b"\x00", b"\x01")
    try:
        text, used = decode(noise, "noise.txt")
    except Refused as refusal:
        assert refusal.reason
        return
    pytest.fail(f"byte noise accepted as {used}: {text[:40]!r}")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (ARTICLE, "gb18030"),
        (ARTICLE, "big5"),
        ("短讯：雨。", "gb18030"),
        ("縣府公告：本週六停水，請民眾儲水備用。", "big5"),
        (ENGLISH, "cp1252"),
        (ENGLISH + "Résumé of the café debate in Zürich.\n", "latin-1"),
        ("全市GDP增长5.2%，CPI上涨0.3%；PMI为50.1（前值49.8）。" * 3, "gb18030"),
    ],
)
def test_real_prose_in_legacy_encodings_is_accepted(text, codec):
    if codec == "big5":
        text = text.replace("县", "縣").replace("召开会议", "召開會議").replace("会议通报", "會議通報")
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        data = text.encode(codec, errors="ignore")
        text = data.decode(codec)
    decoded, _ = decode(data, "real.txt")
    assert decoded == text


def test_symbol_soup_in_utf16_is_refused_with_a_reason():
    soup = "".join(chr(0x2500 + (i * 7) % 120) for i in range(400))
    with pytest.raises(Refused, match=r"binary|prose"):
        decode(soup.encode("utf-16-le"), "soup.txt")


def test_names_stored_before_escaping_are_escaped_when_read(db, tmp_path):
    _write(tmp_path, "plain.txt")
    store.import_paths(db, [tmp_path])
    db.execute("UPDATE sources SET name = 'x\x1b]52;c;eA==\x07.txt', path = '/t/\u202eevil.txt'")
    (summary,) = store.list_articles(db)
    article = store.get_article(db, summary.id)
    assert summary.source == article.source == "x\\x1b]52;c;eA==\\x07.txt"
    assert article.source_path == "/t/\\u202eevil.txt"


def test_read_only_library_does_not_record_reading(tmp_path):
    path = tmp_path / "lib.db"
    db = store.open_db(path)
    _write(tmp_path, "plain.txt")
    store.import_paths(db, [tmp_path / "plain.txt"])
    db.close()
    reader = store.open_db(path, readonly=True)
    store.mark_read(reader, 1)  # nothing to record into, and no error
    assert not store.list_articles(reader)[0].read


@pytest.mark.parametrize(
    "args",
    [
        ("show", "99999999999999999999"),
        ("figures", "--article", "99999999999999999999"),
        ("figures", "/dev/zero"),
        ("import", "/dev/null"),
        ("export", "-o", "/"),
    ],
)
def test_odd_command_arguments_end_in_one_line(cli, args):
    try:
        code, _out, err = cli(*args)
    except SystemExit as exit_:  # argparse's usage error
        code, err = exit_.code, ""
    assert code != 0 and "Traceback" not in err
    assert "bug in hecha" not in err
