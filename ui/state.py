"""What the web app shares between requests: the store, the QA service, the SPARQL runner, sessions.

Reads (questions, tables, graph, SPARQL) run concurrently under the read side of a lock; adding a
document parses it in a worker process with limits (kg.parsing.worker) and builds the new store
generation with no lock held, then takes the write side only to switch to that generation, so no
reader sees a generation disappear under it, and the QA lexicon is reloaded before readers come back.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import unicodedata
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import BudgetKGError, ParseError
from kg.parsing.worker import ParsePool
from kg.pipeline import BuildReport, build_report, build_store, bundled_document, open_store, prepare, refuse_incomplete
from kg.sparql.runner import SparqlRunner
from kg.store.embedded import Store
from qa.answer import Answer
from qa.service import QAService, Session

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_QUESTION_CHARS = 500
MAX_SESSIONS = 1024
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class RWLock:
    """Many readers or one writer; a waiting writer stops new readers from starving it.

    A thread that already reads may read again (nested) without waiting.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._waiting = 0
        self._local = threading.local()

    @contextmanager
    def reading(self) -> Iterator[None]:
        depth = getattr(self._local, "depth", 0)
        with self._cond:
            while depth == 0 and (self._writer or self._waiting):
                self._cond.wait()
            self._readers += 1
        self._local.depth = depth + 1
        try:
            yield
        finally:
            self._local.depth = depth
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            try:
                while self._writer or self._readers:
                    self._cond.wait()
            finally:
                self._waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class UploadRefused(BudgetKGError):
    """An upload refused before parsing (size, type)."""


def safe_source_name(name: str | None) -> str:
    """The uploaded file's name as a label only (never a path): base name, printable, bounded."""
    base = re.split(r"[\\/]", str(name or ""))[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] not in ("C", "Z") or ch == " ").strip(" .")
    return (base or "upload.txt")[:120]


class AppState:
    def __init__(self, store_path: str | Path | Store | None = None, *, query_timeout: float = 10.0,
                 row_cap: int = 10_000, workers: int = 2) -> None:
        # a folder (or None: the default, embedded or configured external store), or an opened store
        self.store: Store = store_path if isinstance(store_path, Store) else open_store(store_path)
        if not self.store.exists():  # a new --store folder starts with the bundled document too
            build_store([bundled_document()], self.store)
        self.lock = RWLock()
        self.service = QAService(self.store, serving=True)
        self.runner = SparqlRunner(self.store, timeout=query_timeout, row_cap=row_cap, workers=workers,
                                   reading=self.lock.reading)
        self._changing = threading.Lock()
        self.parser = ParsePool(1)  # uploads are parsed one at a time, in a worker with limits
        self.version = 0  # bumped after every added document
        self._sessions: OrderedDict[str, Session] = OrderedDict()
        self._sessions_lock = threading.Lock()
        self.work_dir = Path(tempfile.mkdtemp(prefix="budgetkg-ui-"))

    # -- questions ---------------------------------------------------------------------------------
    def session(self, session_id: str | None) -> tuple[str, Session]:
        """The session with this id (created if new); an invalid or missing id gets a fresh one."""
        if not session_id or not _SESSION_ID.match(session_id):
            session_id = uuid.uuid4().hex
        with self._sessions_lock:
            session = self._sessions.get(session_id)
            if session is None:
                session = self._sessions[session_id] = self.service.new_session()
            self._sessions.move_to_end(session_id)
            while len(self._sessions) > MAX_SESSIONS:
                self._sessions.popitem(last=False)
        return session_id, session

    def ask(self, question: str, session: Session | None = None) -> Answer:
        with self.lock.reading():
            return self.service.ask(str(question)[:MAX_QUESTION_CHARS], session)

    # -- documents ---------------------------------------------------------------------------------
    def add_document(self, name: str | None, data: bytes) -> BuildReport:
        """Add one document (.txt or .pdf, ≤ 5 MB); on any error nothing changes."""
        source = safe_source_name(name)
        if not source.lower().endswith((".txt", ".pdf")):
            raise UploadRefused(f"{source}: 只接受 .txt 文本或 .pdf 文件 (only .txt text or .pdf files are accepted)")
        if source.lower().endswith(".pdf") != data.startswith(b"%PDF"):
            raise UploadRefused(f"{source}: 文件内容与扩展名不符 (the content does not match the file extension)")
        if len(data) > MAX_UPLOAD_BYTES:
            raise UploadRefused(f"{source}: 文件过大：{len(data)} 字节，上限 {MAX_UPLOAD_BYTES} 字节 (file too large)")
        with self._changing:  # one change at a time; readers go on meanwhile
            built = prepare([(source, data)], pool=self.parser)  # in a worker with limits
            refuse_incomplete(built, self.store)  # a truncated file does not replace a complete document
            self.store.apply([(record, raw, nt) for _, record, raw, nt in built], switching=self._switch)
        return build_report(built)

    @contextmanager
    def _switch(self) -> Iterator[None]:
        """The write lock, held only while the store switches generation. The QA service then reads
        the new generation's fact index and lexicon outside it and swaps them in at once: until
        then questions are answered from the previous generation's index, never half of each."""
        with self.lock.writing():
            yield
        self.service.reload()
        self.version += 1

    def documents(self):
        with self.lock.reading():
            return self.store.documents()

    def triple_count(self) -> int:
        with self.lock.reading():
            return self.store.triple_count()

    def new_file(self, name: str) -> Path:
        """A fresh path for a generated download (in this app's own temporary folder)."""
        folder = Path(tempfile.mkdtemp(dir=self.work_dir))
        return folder / name

    def close(self) -> None:
        self.runner.close()
        self.parser.close()
        shutil.rmtree(self.work_dir, ignore_errors=True)


__all__ = ["AppState", "MAX_UPLOAD_BYTES", "ParseError", "RWLock", "UploadRefused", "safe_source_name"]
