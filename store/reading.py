"""Finding the files to import and reading them as text.

Users point hecha at folders of pages saved by many tools: UTF-8 with or
without a BOM, GB18030/GBK from older Chinese software, Big5, UTF-16. We read
the bytes, detect the encoding (charset-normalizer, not a guess of ours), and
refuse what is not text with a reason a user can act on.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SUFFIXES = (".txt", ".md")
MAX_BYTES = 16 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detected names mapped to the codec that decodes them best.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}


class Refused(Exception):
    """A file that cannot be imported, with the reason."""

    def __init__(self, path: Path | str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    """The text of one file and how it was decoded."""

    path: Path
    data: bytes
    text: str
    encoding: str


def find_files(paths: list[str | Path]) -> tuple[list[Path], list[Refused]]:
    """Expand files and folders (recursively, .txt and .md) into a sorted file list."""
    found: list[Path] = []
    missing: list[Refused] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            missing.append(Refused(path, "no such file or folder"))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, missing


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read and decode one file, or raise `Refused`."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise Refused(path, f"too large ({size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise Refused(path, f"cannot read it ({error.strerror or error})") from None
    text, encoding = decode(data, path)
    if not text.strip():
        raise Refused(path, "empty file")
    return SourceText(path, data, text, encoding)


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding name)."""
    if not data.strip():
        raise Refused(path, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, path), codec.replace("-sig", " with BOM")
    if b"\x00" in data:
        raise Refused(path, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise Refused(path, "not text in any encoding we can detect")
    codec = _SUPERSETS.get(best.encoding, best.encoding)
    text = _strict(data, codec, path)
    if not _looks_like_text(text):
        raise Refused(path, f"not readable text (closest guess: {best.encoding})")
    return text, codec


def _strict(data: bytes, codec: str, path: Path | str) -> str:
    """Decode with `codec`, refusing the file when the bytes do not fit."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise Refused(path, f"not valid {codec} text") from None


def _looks_like_text(text: str) -> bool:
    """Reject decodings that are mostly control characters or symbols."""
    if not text:
        return False
    printable = sum(1 for c in text if c.isprintable() or c in "\n\r\t")
    return printable / len(text) > 0.95
