"""A hostile-file corpus and pathological text runs, generated at test time (no binary blobs).

`build_corpus(folder)` writes what real archives and attackers hold: empty
and binary files, byte noise, every Unicode encoding with and without a BOM,
legacy Chinese code pages, terminal escapes and markup in text and in file
names, names that are not UTF-8, FIFOs, device links, dangling and looping
links, a folder named like a file, a sparse file over the size limit, and long
runs of numerals, marks and brackets. `RUNS` are the runs the linearity test
and `bench/robust.py` feed to every text function.
"""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

ARTICLE = (
    "省统计局发布前三季度数据\n\n"
    "本报讯（记者 林晓）前三季度，全省地区生产总值同比增长5.2%，"
    "其中规模以上工业增加值增长百分之六点一。\n\n"
    "“总体平稳。”统计局负责人说。\n"
)
ENGLISH = "Port traffic rises\n\nContainer volume rose 4.5% in the third quarter, the authority said.\n"

# name → the repeated unit (100 KB of each is fed to every text function).
RUNS = {
    "yi": "一",
    "er": "二",
    "shi": "十",
    "numerals": "一二三四五六七八九十百千万亿",
    "digits": "1234567890",
    "full-width digits": "１２３４５",
    "decimal": "3.5",
    "thousands": "1,",
    "percent": "5%",
    "dots": ".",
    "full stops": "。",
    "ellipsis": "…",
    "end marks": "？！",
    "quote end": '。"',
    "open quotes": "“",
    "close quotes": "”",
    "open brackets": "（",
    "close brackets": "）",
    "crossed brackets": "《）",
    "han dot": "中.",
    "han comma": "中,",
    "spaced comma": " , ",
    "escape": "\x1b[",
    "osc": "\x1b]",
    "cr": "\r",
    "newlines": "\n",
    "latin": "a",
    "apostrophes": "'",
}


def run_text(name: str, size: int) -> str:
    """`size` characters of the run `name` (nested brackets for 'nested')."""
    if name == "nested":
        return "（" * (size // 2) + "）" * (size - size // 2)
    unit = RUNS[name]
    return (unit * (size // len(unit) + 1))[:size]


RUN_NAMES = (*RUNS, "nested")


def _bytes_files() -> dict[str, bytes]:
    """File name → content for the byte-level cases."""
    noise = random.Random(9)
    files = {
        "empty.txt": b"",
        "blank.txt": b" \n\t\r\n",
        "bom-only.txt": codecs.BOM_UTF8,
        "png.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "nul-middle.txt": ARTICLE.encode() + b"\x00" + ARTICLE.encode(),
        "overlong-utf8.txt": b"\xc0\xaf\xe0\x80\xaf" * 50,
        "lone-continuation.txt": b"\x80\x81\x82" * 100,
        "utf16le-bom.txt": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        "utf16be-bom.txt": codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
        "utf16le.txt": ARTICLE.encode("utf-16-le"),
        "utf16be.txt": ARTICLE.encode("utf-16-be"),
        "utf16-english.txt": ENGLISH.encode("utf-16-le"),
        "utf32-bom.txt": ARTICLE.encode("utf-32"),
        "utf16-odd-length.txt": ARTICLE.encode("utf-16-le")[:-1],
        "gbk.txt": ARTICLE.encode("gbk"),
        "gb18030.txt": (ARTICLE + "𠀀").encode("gb18030"),
        "big5.txt": "縣府公告：本週六全區停水，請民眾提前儲水。\n".encode("big5"),
        "cp1252.txt": "Caf\xe9 owners protest new rent rules in the old town.\n".encode("cp1252"),
        "crlf.txt": ARTICLE.replace("\n", "\r\n").encode(),
        "cr-only.txt": ARTICLE.replace("\n", "\r").encode(),
    }
    for seed in range(6):
        files[f"noise-{seed}.txt"] = noise.randbytes(2000 + 500 * seed).replace(b"\x00", b"\x01")
    return files


def _text_files() -> dict[str, str]:
    """File name → text for the character-level cases (written as UTF-8)."""
    files = {
        "escapes-in-text.txt": "标题\x1b[31m红\x1b[0m\n\n正文\x1b]52;c;ZWNobyBvd25lZA==\x07复制\x07。\u202e反向\n",
        "markup.txt": "[bold]标题[/bold][/]\n\n正文[@click=app.quit]x[/]，增长7.7%。\n",
        "zero-width.txt": "标\u200b题\ufeff\n\n正\u200d文\u2060。\n",
        "emoji-combining.txt": "👍🏽 标题 e\u0301\n\n正文😀，同比增长5%。\n",
        "only-punctuation.txt": "，。！？、；：" * 50,
        "only-digits.txt": "1234567890" * 100,
        "one-long-line.txt": ARTICLE.replace("\n", " ") * 400,
        "long-number.txt": "全年收入" + "9" * 5000 + "元。\n",
        "english.txt": ENGLISH,
        "short.txt": "短讯：雨。\n",
        "headline-only.txt": "标题\n",
        "big-figures.txt": "罚款9223372036854775808元。\n\n预算9999亿亿元，另有"
        + "五" * 30
        + "元和12345678901234567890亿元。\n",
    }
    for name in RUN_NAMES:  # small runs here: extract's speed on long ones is the bench's business
        files[f"run-{name}.txt"] = "标题\n\n" + run_text(name, 1000) + "\n"
    return files


HOSTILE_NAMES = (
    "csi-\x1b[31mred.txt",
    "osc-title-\x1b]0;owned\x07.txt",
    "osc52-\x1b]52;c;cm0gLXJm\x07.txt",
    "bel-\x07.txt",
    "bidi-\u202etxt.exe.txt",
    "cr-\rspoof.txt",
    "newline-\nname.txt",
    "markup-[bold]x[@click=app.quit].txt",
)


def build_corpus(folder: Path) -> int:
    """Write the corpus into `folder`; return how many entries (files, links, FIFOs…) it made."""
    made = 0
    for name, data in _bytes_files().items():
        (folder / name).write_bytes(data)
        made += 1
    for name, text in _text_files().items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
        made += 1
    for name in HOSTILE_NAMES:
        (folder / name).write_text(ARTICLE.replace("省", f"第{made}省"), encoding="utf-8")
        made += 1
    raw = os.fsencode(folder)
    for name in (b"latin1-\xe9t\xe9.txt", b"bad-\xff\xfe.txt", b"gbk-\xb1\xa8\xb5\xc0.txt"):
        with open(os.path.join(raw, name), "wb") as handle:
            handle.write(ARTICLE.replace("省", f"第{made}省").encode())
        made += 1
    return made + _odd_entries(folder)


def _odd_entries(folder: Path) -> int:
    """FIFO, device link, dangling and looping links, a folder named .txt, deep nesting, a sparse giant."""
    os.mkfifo(folder / "fifo.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "urandom.md").symlink_to("/dev/urandom")
    (folder / "dangling.txt").symlink_to(folder / "missing-target.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "folder.txt").mkdir()
    (folder / "dir-loop").symlink_to(folder)
    deep = folder.joinpath(*["d"] * 40)
    deep.mkdir(parents=True)
    (deep / "deep.txt").write_text(ARTICLE.replace("省", "深省"), encoding="utf-8")
    (folder / ("长" * 80 + ".txt")).write_text(ARTICLE.replace("省", "长省"), encoding="utf-8")
    with open(folder / "sparse-giant.txt", "wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    return 12
