"""Parse documents in worker processes with a time limit, a memory limit and no network.

    with ParsePool(workers=2, limits=ParseLimits.from_env()) as pool:
        for doc, triples in pool.map([(name, data), …]):   # in input order
            …

A document is hostile until parsed: a 300-byte PDF with a reference loop sends pdfminer into an
endless loop, a flate bomb asks for gigabytes, a text-operator bomb keeps a core busy for a
minute. Each document is therefore parsed in a worker process that the caller stops at
`limits.seconds` (SIGKILL, then a fresh worker), under an address-space cap (`limits.memory_mb`
beyond what the worker holds when it starts),
cut off the network and killed with its parent (kg.isolation). A refusal is a ParseError naming
the document and the limit that was hit. PDF page counts are capped in kg.parsing.pdf.

Workers are forked while the process has one thread (the CLI: no interpreter start-up to pay) and
spawned otherwise (the server: forking a threaded process is unsafe) from one long-lived thread of
the pool, because the kernel's parent-death signal follows the thread that started the worker.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from kg.errors import ParseError
from kg.graph.build import DocumentTriples
from kg.isolation import address_space_mb, deny_network, die_with_parent, limit_memory
from kg.records import BudgetDocument
from kg.settings import positive_env

__all__ = ["ParseLimits", "ParsePool"]

WORKER_NICENESS = 5  # the server's readers come first


@dataclass(frozen=True)
class ParseLimits:
    seconds: float = 30.0
    memory_mb: int = 1024

    @classmethod
    def from_env(cls) -> ParseLimits:
        """BUDGETKG_PARSE_TIMEOUT (seconds) and BUDGETKG_PARSE_MEMORY_MB override the defaults."""
        return cls(seconds=positive_env("BUDGETKG_PARSE_TIMEOUT", cls.seconds, float),
                   memory_mb=positive_env("BUDGETKG_PARSE_MEMORY_MB", cls.memory_mb, int))


def _serve(conn: Any, parent_pid: int, memory_mb: int) -> None:
    """The worker: isolate itself, then parse one (name, bytes, partial) per message until the pipe closes."""
    deny_network()
    die_with_parent(parent_pid)
    limit_memory(address_space_mb() + memory_mb)  # the limit is what parsing may add (a fork starts big)
    os.nice(WORKER_NICENESS)
    from kg.pipeline import load_document

    conn.send(("ready", None))
    while True:
        try:
            name, data, partial = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            return
        try:
            reply: tuple[str, Any] = ("ok", load_document(name, data, partial))
        except ParseError as exc:
            reply = ("error", exc)
        except MemoryError:
            reply = ("memory", None)
        except RecursionError:
            reply = ("error", ParseError(name, None, "文档结构嵌套过深 (the document is nested too deeply)"))
        except Exception as exc:  # noqa: BLE001 - a library failing on odd input: reported, never a traceback
            reply = ("error", ParseError(name, None, f"无法解析 (cannot parse): {type(exc).__name__}: {str(exc)[:200]}"))
        try:
            conn.send(reply)
        except MemoryError:
            conn.send(("memory", None))


class _Worker:
    def __init__(self, ctx: Any, limits: ParseLimits, starter: ThreadPoolExecutor | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, os.getpid(), limits.memory_mb), daemon=True,
                                   name="budgetkg-parse")
        if starter is None:
            self.process.start()
        else:
            starter.submit(self.process.start).result()
        child.close()
        self.task: tuple[int, str] | None = None
        self.deadline = 0.0
        self.ready = False

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class ParsePool:
    """Up to `workers` parse workers, started on demand and reused; stopped by close()."""

    def __init__(self, workers: int = 1, limits: ParseLimits | None = None) -> None:
        self.workers = max(1, int(workers))
        self.limits = limits or ParseLimits.from_env()
        self._starter: ThreadPoolExecutor | None = None
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()  # one map at a time

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for worker in self._idle:
            worker.kill()
        self._idle = []
        if self._starter is not None:
            self._starter.shutdown(wait=False)

    def warm(self) -> None:
        """Start one worker now, so the first document does not wait for an interpreter."""
        with self._lock:
            if not self._idle:
                self._idle.append(self._start())

    def _start(self) -> _Worker:
        """A new worker: forked while this process has one thread (cheap and safe: the CLI), else
        spawned from the pool's own long-lived thread (the server)."""
        if os.name == "posix" and threading.active_count() == 1 and threading.current_thread() is threading.main_thread():
            return _Worker(multiprocessing.get_context("fork"), self.limits, None)
        if self._starter is None:
            self._starter = ThreadPoolExecutor(1, thread_name_prefix="budgetkg-parse-start")
        return _Worker(multiprocessing.get_context("spawn"), self.limits, self._starter)

    def _take(self) -> _Worker:
        """An idle worker still alive, or a new one."""
        while self._idle:
            worker = self._idle.pop()
            if worker.process.is_alive():
                return worker
            worker.kill()
        return self._start()

    def map(self, items: Iterable[tuple[str, bytes]], partial: bool = False) -> Iterator[tuple[BudgetDocument, DocumentTriples]]:
        """(document, its triples) for each (name, bytes), in input order; the first failure is raised.
        `partial`: build what could be read (kg.pipeline.parse_document)."""
        with self._lock:
            yield from self._map([(name, data, partial) for name, data in items])

    def _map(self, items: list[tuple[str, bytes, bool]]) -> Iterator[tuple[BudgetDocument, DocumentTriples]]:
        pending = deque(enumerate(items))
        busy: list[_Worker] = []
        done: dict[int, tuple[BudgetDocument, DocumentTriples]] = {}
        following = 0
        try:
            while following < len(items):
                if following in done:
                    yield done.pop(following)
                    following += 1
                    continue
                while pending and len(busy) < self.workers and len(done) < 2 * self.workers:
                    busy.append(self._send(*pending.popleft()))
                self._collect(busy, done)
        finally:
            for worker in busy:  # an error or an abandoned iteration: a worker mid-document is not reused
                worker.kill()

    def _send(self, index: int, item: tuple[str, bytes, bool]) -> _Worker:
        worker = self._take()
        worker.task = (index, item[0])
        try:
            worker.conn.send(item)
        except OSError:
            worker.kill()
            raise ParseError(item[0], None, "解析进程意外退出 (the parse worker exited)") from None
        worker.deadline = time.monotonic() + self.limits.seconds
        return worker

    def _collect(self, busy: list[_Worker], done: dict[int, tuple[BudgetDocument, DocumentTriples]]) -> None:
        """Wait for the next answer or deadline; store results, raise the first refusal."""
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        for conn in wait([w.conn for w in busy], timeout):
            worker = next(w for w in busy if w.conn is conn)
            try:
                kind, value = conn.recv()
            except (EOFError, OSError):
                kind, value = "died", None
            if kind == "ready":  # a new worker is up: the document's time starts now
                worker.deadline = time.monotonic() + self.limits.seconds
                continue
            index, name = worker.task or (0, "")
            busy.remove(worker)
            if kind == "ok":
                self._idle.append(worker)
                done[index] = value
                continue
            worker.kill()
            if kind == "error":
                raise value
            why = "解析超出内存上限" if kind == "memory" else "解析进程意外退出，可能超出内存上限"
            raise ParseError(name, None, f"{why} {self.limits.memory_mb} MB，已停止 (parsing exceeded the memory limit)")
        now = time.monotonic()
        for worker in [w for w in busy if w.deadline <= now]:
            busy.remove(worker)
            worker.kill()
            name = worker.task[1] if worker.task else ""
            raise ParseError(name, None, f"解析超过时间限制 {self.limits.seconds:g} 秒，已停止 (parsing exceeded the time limit)")
