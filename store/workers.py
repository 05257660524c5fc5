"""Preparing files for import on every core, handed back in file order.

The text work of an import (store.prepare) takes most of its time and needs
no database, so a large import runs it in worker processes while this
process writes. Files go out in small chunks, in order, to the workers that
are ready; whenever the chunk this process must write next is not back yet,
it prepares the next unassigned chunk itself (at the start, while the
workers are still loading, and whenever the writer is ahead), so no core
waits and the library keeps the order of the files. At most `WINDOW` chunks
are out beyond the one being written, which bounds memory however large the
import.

A worker is forked from this process or is a fresh `python` running `serve`
(store.worker_start says which); either speaks pickles over a pair of pipes
(both ends are this program) and writes nothing to the terminal the app
draws on. Unlike `multiprocessing`, it never imports the caller's main
script. A worker that fails or dies costs nothing but time: its chunks are
prepared here. A small import, or a machine with one core, is prepared here
alone.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database

from .prepare import PreparedFile, prepare_file
from .worker_start import fork, spawn, start_method

PARALLEL_FILES = 64  # fewer files than this are prepared here: starting a worker costs more
CHUNK = 8  # files per task
WINDOW = 32  # chunks out beyond the one being written, at most
QUEUED = 4  # chunks a worker holds: it never waits for the writer to hand it more
MAX_WORKERS = 7
WAIT = 0.5  # seconds between looks at the workers while waiting for a chunk
_SIZE = struct.Struct("<Q")


def worker_count() -> int:
    """Worker processes for a large import: one fewer than the cores this process may use (HECHA_IMPORT_WORKERS)."""
    setting = os.environ.get("HECHA_IMPORT_WORKERS", "").strip()
    if setting.isdigit():
        return min(int(setting), MAX_WORKERS)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(0, min(cores - 1, MAX_WORKERS))


@contextlib.contextmanager
def prepared_files(db: Database, files: list[Path], words: tuple[str, ...]) -> Iterator[Iterator[PreparedFile]]:
    """The prepared files, one for each of `files`, in order; workers are stopped on leaving.

    A file whose bytes are stored already is only read (`PreparedFile.known`).
    """

    def known(digest: str) -> bool:
        return db.execute("SELECT 1 FROM sources WHERE sha256 = ?", [digest]).fetchone() is not None

    count = worker_count()
    if not count or len(files) < PARALLEL_FILES:
        yield (prepare_file(path, words, known) for path in files)
        return
    digests = frozenset(row[0] for row in db.execute("SELECT sha256 FROM sources"))
    pool = _Pool(files, words, digests, count)
    try:
        yield pool.results()
    finally:
        pool.close()


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_SIZE.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    """The next message, or EOFError when the other end is gone."""
    head = stream.read(_SIZE.size)
    if len(head) < _SIZE.size:
        raise EOFError
    size = _SIZE.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


class _Worker:
    """One worker process and the chunks it holds; a thread reads what it sends and keeps it fed."""

    def __init__(self, pool: _Pool, seat: int, started: tuple[Any, IO[bytes], IO[bytes]]):
        self.pool, self.seat = pool, seat
        self.process, self.input, self.output = started
        self.held: list[int] = []
        self.ready = False
        self.alive = True

    def start(self, setup: tuple | None) -> None:
        """Send the setup (a fresh interpreter needs it) and start reading."""
        if setup is not None:
            self.give(setup)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        """Pass each finished chunk to the writer and give the worker the next one at once."""
        try:
            while True:
                message = _receive(self.output)
                with self.pool.lock:
                    if message == "ready":
                        self.ready = True
                    else:
                        number, prepared = message
                        if number in self.held:
                            self.held.remove(number)
                        self.pool.inbox.put((number, prepared))
                    self.refill()
        except Exception:  # EOF, or a message cut short: the worker is gone
            with self.pool.lock:
                self.alive = False
            self.pool.inbox.put((-1, None))

    def refill(self) -> None:
        """Give the worker chunks until it holds `QUEUED`. Call with the pool's lock held."""
        while self.alive and self.ready and len(self.held) < QUEUED:
            number = self.pool.claim()
            if number is None:
                return
            self.held.append(number)
            if not self.give((number, self.pool.chunks[number])):
                return

    def give(self, message: object) -> bool:
        """Send a message; False (and the worker counts as gone) if it cannot be sent."""
        try:
            _send(self.input, message)
        except (OSError, ValueError):
            self.alive = False
            return False
        return True

    def hang_up(self) -> None:
        """Close its input: a worker ends when its input does."""
        with contextlib.suppress(OSError, ValueError):
            self.input.close()

    def stop(self) -> None:
        """Wait a moment for it to end, else end it; close its output."""
        self.hang_up()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=2)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        with contextlib.suppress(OSError, ValueError):
            self.output.close()


class _Pool:
    """Worker processes and this process sharing the chunks of one import."""

    def __init__(self, files: list[Path], words: tuple[str, ...], digests: frozenset[str], count: int):
        self.words = words
        self.known = digests.__contains__
        self.chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
        self.lock = threading.Lock()
        self.assigned = 0  # chunks below this number have been given out (or prepared here)
        self.writing = 0  # the chunk the writer waits for
        self.ready: dict[int, list[PreparedFile]] = {}
        self.inbox: queue.SimpleQueue = queue.SimpleQueue()  # (chunk number, prepared) from the workers
        self.workers: list[_Worker] = []
        method = start_method()
        if method == "fork":  # load every table here first: the workers inherit them
            self.assigned = 1
            self.ready[0] = self._prepare(0)
        with contextlib.suppress(OSError):  # cannot start processes here: those started help, the rest is done here
            for seat in range(count):
                if method == "fork":
                    inherited = [fd for w in self.workers for fd in (w.input.fileno(), w.output.fileno())]
                    started = fork(lambda inp, out: _serve_on(inp, out, words, self.known), inherited)
                else:
                    started = spawn()
                self.workers.append(_Worker(self, seat, started))
        for worker in self.workers:  # reading threads only once every fork is done
            worker.start(None if method == "fork" else (words, digests))

    def claim(self) -> int | None:
        """The next chunk to prepare, if any is left within the window. Call with the lock held."""
        if self.assigned >= len(self.chunks) or self.assigned > self.writing + WINDOW:
            return None
        self.assigned += 1
        return self.assigned - 1

    def results(self) -> Iterator[PreparedFile]:
        """Every chunk's files in order, from the workers or prepared here."""
        for number in range(len(self.chunks)):
            with self.lock:
                self.writing = number
                for worker in self.workers:
                    worker.refill()
            while number not in self.ready:
                if self._take(block=False):
                    continue
                with self.lock:
                    mine = self.claim()
                if mine is not None:
                    self.ready[mine] = self._prepare(mine)
                elif not self._take(block=True):
                    self._rescue()
            yield from self.ready.pop(number)

    def _take(self, block: bool) -> bool:
        """Take one finished chunk (or news of a worker gone); False if none came."""
        try:
            number, prepared = self.inbox.get(block, WAIT)
        except queue.Empty:
            return False
        if prepared is None:
            self._rescue()
        else:
            self.ready.setdefault(number, prepared)
        return True

    def _rescue(self) -> None:
        """Prepare here the chunks of workers that are gone."""
        with self.lock:
            lost = []
            for worker in self.workers:
                if worker.alive and worker.process.poll() is not None:
                    worker.alive = False
                if not worker.alive:
                    lost += worker.held
                    worker.held.clear()
        for number in lost:
            if number not in self.ready:
                self.ready[number] = self._prepare(number)

    def _prepare(self, number: int) -> list[PreparedFile]:
        return [prepare_file(path, self.words, self.known) for path in self.chunks[number]]

    def close(self) -> None:
        """Stop every worker, finished or not (all are told at once, then waited for)."""
        for worker in self.workers:
            worker.hang_up()
        for worker in self.workers:
            worker.stop()


def serve() -> None:
    """A fresh interpreter's life as a worker: read the setup from standard input, then serve."""
    stdin = sys.stdin.buffer
    stdout = os.fdopen(os.dup(1), "wb")  # the pipe, kept for messages only:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # anything else written to descriptor 1 goes nowhere
    sys.stdout = sys.stderr
    with contextlib.suppress(EOFError, KeyboardInterrupt, BrokenPipeError):
        words, digests = _receive(stdin)
        _serve_on(stdin, stdout, words, digests.__contains__)


def _serve_on(inp: IO[bytes], out: IO[bytes], words: tuple[str, ...], known: Callable[[str], bool]) -> None:
    """Say ready, then prepare each chunk that comes until the input closes."""
    with contextlib.suppress(EOFError, KeyboardInterrupt, BrokenPipeError):
        _send(out, "ready")
        while True:
            number, paths = _receive(inp)
            _send(out, (number, [prepare_file(path, words, known) for path in paths]))
