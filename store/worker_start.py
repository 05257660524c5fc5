"""Starting an import worker: forked from this process when that is safe, else a fresh interpreter.

A forked worker starts at once with every table this process has loaded
(figure rules, dictionaries, pinyin); a fresh `python` takes about a second
of CPU to load them. Forking is only safe from a process running one thread
(another thread may hold a lock the child would wait on forever), so the
command line forks and the app, which imports beside its own threads,
starts fresh interpreters. HECHA_IMPORT_START=fork|spawn overrides.

Both kinds are driven the same way: a process handle (`poll`, `wait`,
`kill`, `returncode`), a binary stream to it and one from it.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import IO, Any

SPAWN_COMMAND = "from hecha.store.workers import serve; serve()"


def start_method() -> str:
    """'fork' on Linux from a process with one thread, else 'spawn' (HECHA_IMPORT_START overrides)."""
    setting = os.environ.get("HECHA_IMPORT_START", "").strip()
    if setting in ("fork", "spawn"):
        return setting
    return "fork" if sys.platform == "linux" and threading.active_count() == 1 else "spawn"


def spawn() -> tuple[Any, IO[bytes], IO[bytes]]:
    """A fresh interpreter running `serve` (-P: never a module from the current folder)."""
    process = subprocess.Popen(
        [sys.executable, "-P", "-c", SPAWN_COMMAND],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert process.stdin is not None and process.stdout is not None
    return process, process.stdin, process.stdout


class Forked:
    """A forked child, with the part of `subprocess.Popen`'s interface the pool uses."""

    def __init__(self, pid: int):
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere
                self.returncode = -1
            else:
                if pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"worker {self.pid}", timeout or 0)
            time.sleep(0.005)
        assert self.returncode is not None
        return self.returncode

    def kill(self) -> None:
        if self.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)


def fork(
    serve_on: Callable[[IO[bytes], IO[bytes]], None], inherited: Sequence[int]
) -> tuple[Forked, IO[bytes], IO[bytes]]:
    """Fork a child that runs `serve_on(its input, its output)` and then ends without cleaning up after us.

    `inherited`: descriptors of earlier workers the child must close, so that
    each worker sees the end of its input when the writer closes it.
    """
    to_child, to_us = os.pipe(), os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: nothing of this process's state is touched, and it exits without cleanup
        code = 1
        try:
            for fd in (to_child[1], to_us[0], *inherited):
                os.close(fd)
            quiet = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(quiet, fd)
            serve_on(os.fdopen(to_child[0], "rb"), os.fdopen(to_us[1], "wb"))
            code = 0
        finally:
            os._exit(code)
    os.close(to_child[0])
    os.close(to_us[1])
    return Forked(pid), os.fdopen(to_child[1], "wb"), os.fdopen(to_us[0], "rb")
