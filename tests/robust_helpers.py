"""Helpers for the robustness tests: a small library on disk, the CLI in a child process.

Some faults can only be shown from outside: a read-only file is writable for
root, so the child drops to an unprivileged user when the tests run as root;
a file-size limit (the stand-in for a full disk) must not hit pytest itself.
Root drops the capabilities that override file modes instead of changing user.
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import resource
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from hecha import store

ARTICLE = (
    "市场监管总局发布质量报告\n\n"
    "本报讯 今年前三季度，全市共抽检食品样品一万二千批次，合格率为百分之九十八点六，"
    "比去年同期提高零点四个百分点。\n\n"
    "监管部门表示，下一步将加大对网络销售食品的抽检力度。\n"
)


def make_library(folder: Path, articles: int = 1) -> Path:
    """A library with `articles` imported files and one claim, closed cleanly; return its path."""
    path = folder / "library.db"
    sources = folder / "in"
    sources.mkdir()
    for n in range(articles):
        (sources / f"a{n}.txt").write_text(ARTICLE.replace("一万二千", f"{n + 1}万"), encoding="utf-8")
    db = store.open_db(path)
    store.import_paths(db, [sources])
    article = store.list_articles(db)[0]
    store.add_claim(db, article.id, 0, 5, ["数据"], "核对抽检数字", "open")
    db.close()
    return path


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes (to prove a command left it alone)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def public_dir() -> Path:
    """A new folder under /tmp that an unprivileged user can enter."""
    folder = Path(tempfile.mkdtemp(prefix="hecha-robust-", dir="/tmp"))
    folder.chmod(0o755)
    return folder


def _drop_privileges() -> None:
    """In the child: when root, give up the capabilities that let root ignore file modes.

    They are dropped from the bounding set, so the program the child runs
    never gets them back: without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH
    root is held to a file's mode bits, and a 0444 file is read-only to it.
    """
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def modes_enforceable() -> bool:
    """Whether a child can be held to file modes (not root, or root able to drop its capabilities)."""
    try:
        subprocess.run([sys.executable, "-c", "pass"], preexec_fn=_drop_privileges, check=True, timeout=60)
    except (subprocess.SubprocessError, OSError):
        return False
    return True


def run_cli(*args: str, unprivileged: bool = False, fsize: int | None = None, env: dict | None = None):
    """Run `python -m hecha ARGS` in a child; return (exit code, stdout, stderr)."""

    def prepare() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if unprivileged:
            _drop_privileges()

    child_env = {**os.environ, "HECHA_BUSY_TIMEOUT_MS": "200", "HOME": "/tmp", **(env or {})}
    child_env.pop("HECHA_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "hecha", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=prepare,
        env=child_env,
        cwd="/tmp",
    )
    return done.returncode, done.stdout, done.stderr


def assert_one_error_line(err: str, *words: str) -> None:
    """stderr ends in one `hecha: …` line containing every word, and there is no traceback."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("hecha: ")]
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], (word, err)
