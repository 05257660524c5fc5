"""Finding the files to import and reading them as text.

Users point hecha at folders of pages saved by many tools: UTF-8 with or
without a BOM, GB18030/GBK from older Chinese software, Big5, UTF-16. We read
the bytes, detect the encoding (charset-normalizer, not a guess of ours), and
refuse what is not text with a reason a user can act on.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .names import display_name
from .prose import common_han_share, prose_problem

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
        super().__init__(f"{display_name(str(path))}: {reason}")
        self.path = display_name(str(path))
        self.reason = reason


@dataclass(frozen=True)
class SourceText:
    """The text of one file and how it was decoded."""

    path: Path
    data: bytes
    text: str
    encoding: str


def find_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[Refused]]:
    """Expand files and folders (recursively, .txt and .md) into a sorted file list.

    Entries that cannot be imported (devices, FIFOs, dangling or looping
    links) come back as refusals with their real reason, never silently dropped.
    """
    found: list[Path] = []
    missing: list[Refused] = []
    for raw in paths:
        path = Path(raw)
        kind = entry_kind(path)
        if kind == "folder":
            _scan_folder(path, found, missing)
        elif kind == "file":
            found.append(path)
        else:
            missing.append(Refused(path, kind))
    unique = list(dict.fromkeys(p.resolve() for p in found))
    return unique, missing


def _scan_folder(folder: Path, found: list[Path], missing: list[Refused]) -> None:
    """The importable files under `folder`, and refusals for its odd .txt/.md entries."""
    for entry in sorted(folder.rglob("*")):
        if entry.suffix.lower() not in SUFFIXES:
            continue
        kind = entry_kind(entry)
        if kind == "file":
            found.append(entry)
        elif kind != "folder":
            missing.append(Refused(entry, kind))


_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def entry_kind(path: Path) -> str:
    """'file', 'folder', or the reason the entry cannot be imported."""
    try:
        link = os.lstat(path)
    except OSError as error:
        return _os_reason(error)
    try:
        info = os.stat(path)
    except OSError as error:
        if not stat.S_ISLNK(link.st_mode):
            return _os_reason(error)
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if error.errno == errno.ENOENT:
            return f"dangling symbolic link (to {display_name(os.readlink(path))}, which does not exist)"
        return _os_reason(error)
    if stat.S_ISDIR(info.st_mode):
        return "folder"
    if stat.S_ISREG(info.st_mode):
        return "file"
    what = next((name for test, name in _SPECIAL if test(info.st_mode)), "not a regular file")
    via = " (through a symbolic link)" if stat.S_ISLNK(link.st_mode) else ""
    return f"not a regular file: {what}{via}"


def _os_reason(error: OSError) -> str:
    """A short reason for an OS error on a path."""
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read it ({error.strerror or error})"


def read_source(path: Path, max_bytes: int = MAX_BYTES) -> SourceText:
    """Read and decode one file, or raise `Refused`."""
    data = _read_bytes(path, max_bytes)
    text, encoding = decode(data, path)
    if not text.strip():
        raise Refused(path, "empty file")
    return SourceText(path, data, text, encoding)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; never blocks on a FIFO nor reads a device without end."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as error:
        raise Refused(path, _os_reason(error)) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = entry_kind(path)
            raise Refused(path, kind if kind not in ("file", "folder") else "not a regular file")
        if info.st_size > max_bytes:
            raise Refused(path, _too_large(info.st_size, max_bytes))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise Refused(path, _os_reason(error)) from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise Refused(path, _too_large(len(data), max_bytes))
    return data


def _too_large(size: int, max_bytes: int) -> str:
    """The reason for a file over the size limit."""
    return f"too large ({size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB)"


def decode(data: bytes, path: Path | str = "<bytes>") -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding name)."""
    if not data.strip():
        raise Refused(path, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _strict(data, codec, path), codec.replace("-sig", " with BOM")
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    refusal = Refused(path, "not text in any encoding we can detect")
    if best is not None and best.encoding is not None:
        codec = _SUPERSETS.get(best.encoding, best.encoding)
        with contextlib.suppress(LookupError):
            codec = codecs.lookup(codec).name  # utf_16_le → utf-16-le, as we name it elsewhere
        if not _plausible_codec(codec):
            return _chinese_decoding(data) or _refuse_codec(path, codec)
        try:
            text = _checked(_strict(data, codec, path), codec, path)
        except Refused as error:
            refusal = error
        else:  # GBK or Big5? Short texts fool the detector; the commoner characters decide
            return (_chinese_decoding(data) if codec in _CHINESE_CODECS else None) or (text, codec)
    chinese = _chinese_decoding(data)
    if chinese is None:
        raise refusal
    return chinese


# Code pages Chinese and English news is saved in; the detector's other guesses
# (EBCDIC, Cyrillic, Greek, Korean, Thai, Arabic…) only ever fit byte noise here.
_PLAUSIBLE = frozenset(
    {
        "ascii",
        "utf-8",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "gb2312",
        "gbk",
        "gb18030",
        "hz",
        "big5",
        "big5hkscs",
        "cp950",
        "iso8859-1",
        "iso8859-15",
        "cp1252",
        "cp1250",
        "iso8859-2",
        "mac-roman",
        "cp437",
        "cp850",
    }
)


def _plausible_codec(codec: str) -> bool:
    """Whether `codec` is one Chinese or English text is plausibly saved in."""
    try:
        return codecs.lookup(codec).name in _PLAUSIBLE
    except LookupError:
        return False


def _refuse_codec(path: Path | str, codec: str) -> tuple[str, str]:
    """Refuse bytes that only decode in a code page foreign to Chinese and English news."""
    raise Refused(path, f"not Chinese or English text (it only decodes as {codec})")


# Chinese codecs tried when the detector finds nothing or a wrong code page
# (short GBK and Big5 texts are too short for it to judge).
_CHINESE_CODECS = ("gb18030", "big5hkscs")
MIN_COMMON_FALLBACK = 0.9


def _chinese_decoding(data: bytes) -> tuple[str, str] | None:
    """(text, codec) for the Chinese codec under which the bytes read as common Han prose, or None."""
    best: tuple[float, str, str] | None = None
    for codec in _CHINESE_CODECS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        han, common = common_han_share(text)
        fits = han and common >= MIN_COMMON_FALLBACK and _looks_like_text(text) and not prose_problem(text)
        if fits and (best is None or common > best[0]):
            best = (common, text, codec)
    return (best[1], best[2]) if best else None


def _decode_utf16_without_bom(data: bytes, path: Path | str) -> tuple[str, str]:
    """Text with NUL bytes: UTF-16 without a BOM when it decodes to prose, else binary.

    In UTF-16 every ASCII character (spaces, newlines, digits) has a zero high
    byte: at odd offsets in little-endian, even ones in big-endian; only a few
    Han characters (U+4E00 一, U+5200 刀…) have a zero low byte. The order with
    more NULs on the high side is tried first; either must decode strictly to
    text without NUL characters that reads as prose.
    """
    if len(data) % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        orders = ("utf-16-le", "utf-16-be") if odd >= even else ("utf-16-be", "utf-16-le")
        for codec in orders:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and _looks_like_text(text) and not prose_problem(text):
                return text, codec
    raise Refused(path, "binary file (contains NUL bytes)")


def _checked(text: str, codec: str, path: Path | str) -> str:
    """`text` when it reads as text and as prose; `Refused` with the reason otherwise."""
    if not _looks_like_text(text):
        raise Refused(path, f"not readable text (closest guess: {codec})")
    problem = prose_problem(text)
    if problem:
        raise Refused(path, f"not Chinese or English prose: {problem} (closest guess: {codec})")
    return text


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
