"""Reading files: encodings, refusals with reasons, folder expansion."""

import codecs

import pytest
from conftest import seed_path, seed_text

from hecha.store.clean import clean_text
from hecha.store.layout import split_page
from hecha.store.reading import Refused, decode, find_files, read_source

TRADITIONAL = "近日，一則好消息從南昌傳來：今年一月至八月，全區規模以上工業增加值增長百分之七點七。"


def test_gb18030_copy_cleans_exactly_like_utf8(tmp_path):
    original = seed_text("000")
    copy = tmp_path / "gb.txt"
    copy.write_bytes(original.encode("gb18030"))
    source = read_source(copy)
    assert source.encoding == "gb18030"
    ours = [(b.kind, b.text) for a in split_page(clean_text(source.text)) for b in a.blocks]
    theirs = [(b.kind, b.text) for a in split_page(clean_text(original)) for b in a.blocks]
    assert ours == theirs


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [("utf-8-sig", "utf-8 with BOM"), ("utf-16", "utf-16"), ("big5", "big5hkscs"), ("gbk", "gb18030")],
)
def test_encodings_are_detected(tmp_path, encoding, expected):
    path = tmp_path / "a.txt"
    text = TRADITIONAL * 3 if encoding == "big5" else seed_text("002")[:600]
    path.write_bytes(text.encode(encoding))
    source = read_source(path)
    assert source.encoding == expected
    assert source.text.lstrip("\ufeff") == text


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(Refused, match="empty file") as caught:
        read_source(path)
    assert caught.value.path == str(path)


def test_whitespace_only_file_is_refused(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n \r\n\t\n")
    with pytest.raises(Refused, match="empty file"):
        read_source(path)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(Refused, match="binary"):
        read_source(path)


def test_undecodable_bytes_are_refused():
    with pytest.raises(Refused, match="not"):
        decode(bytes(range(128, 256)) * 4, "x.txt")


def test_file_over_the_size_limit_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("数据" * 100, encoding="utf-8")
    with pytest.raises(Refused, match="too large"):
        read_source(path, max_bytes=100)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "Budget talks resume on Monday.\n",
        "十月份，全市新增就业岗位 1.2 万个。\n二〇二五年目标不变。",
        "一月至八月全区规模以上工业增加值增长百分之七点七全省经济运行总体平稳一季度居民消费价格上涨",
        "近日好消息从南昌传来今年全区规模以上工业增加值增长百分之七点七全省经济运行总体平稳",  # no NUL byte at all
    ],
)
def test_utf16_without_bom_is_read(tmp_path, codec, text):
    path = tmp_path / "no-bom.txt"
    path.write_bytes(text.encode(codec))
    source = read_source(path)
    assert (source.text, source.encoding) == (text, codec)


def test_nul_bytes_on_both_parities_are_binary():
    with pytest.raises(Refused, match="binary"):
        decode(b"ab\x00c\x00\x00de\x00f\x00")


def test_find_files_recurses_and_keeps_txt_and_md(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/one.txt", "a/b/two.md", "a/b/skip.pdf", "three.TXT"):
        (tmp_path / name).write_text("文", encoding="utf-8")
    files, missing = find_files([tmp_path, tmp_path / "nope"])
    assert sorted(p.name for p in files) == ["one.txt", "three.TXT", "two.md"]
    assert [m.reason for m in missing] == ["no such file or folder"]


def test_explicit_file_is_taken_whatever_its_suffix(tmp_path):
    path = tmp_path / "page.text"
    path.write_text("文", encoding="utf-8")
    assert find_files([path])[0] == [path.resolve()]


def test_bom_constants_cover_utf8(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + "标题\n\n正文。".encode())
    assert read_source(path).text == "标题\n\n正文。"


def test_seed_paths_exist():
    assert seed_path("004").exists()
