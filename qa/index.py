"""The fact index: every result of the answerer's parametrised queries (qa.queries), read once per
store generation and kept in memory, so a question is answered by dictionary look-ups instead of
planning and running SPARQL (planning a wide query costs about a millisecond).

Exact by construction: each document's rows are the rows of the query run with ?doc bound to it,
in the order the store returns them, and a look-up keeps the rows whose projected values equal the
bound ones (every bound variable is projected, qa/queries.py), which is what the bound query gives;
tests/test_index.py compares the two on every fixture and generated document. The index is saved
beside the generation it was read from and loaded, not rebuilt, by the next process.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import shutil
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from qa import queries

log = logging.getLogger(__name__)

# Queries read per document (?doc bound); the others are read once over the union of graphs.
PER_DOCUMENT = ("FACTS_OF_ITEM", "TABLE_FACTS", "FIGURE", "GOALS", "TARGETS", "PROJECTS", "PROJECT",
                "ALL_CITATIONS", "DUTIES", "INTERNAL_UNITS", "INTERNAL_UNIT", "COMPOSITION", "BUDGET_UNITS",
                "TERM", "TERMS_OF_DOC", "SECTIONS", "TABLE_NOTES")
# DOCUMENT (a row per document) is read over the whole store: every start reads every title, and
# read per document it would load each document's file (a thousand files for a thousand documents)
WHOLE = ("MEASURE", "CITES", "CITATION", "CITED_BY", "DOCUMENT")
_BY_TEXT = {getattr(queries, name): name for name in PER_DOCUMENT + WHOLE}
VERSION = hashlib.sha1((Path(__file__).read_text("utf-8") + Path(queries.__file__).read_text("utf-8")).encode()).hexdigest()[:12]


def _value(term: Any) -> Any:
    """A bound term as the plain value the rows hold (kg.store.embedded.python_value)."""
    from kg.store.embedded import python_value

    return python_value(term) if isinstance(term, (ox.NamedNode, ox.Literal)) else term


@dataclass
class FactIndex:
    """Rows per document and query name, rows of the queries read over the whole store, and the
    documents' IRIs (a doc-less look-up of a document's own term goes to that document's rows).
    A saved index holds each document's rows in a file of its own (`folder`), each query's rows
    in a part of it loaded on first use: a start with a thousand documents reads only the parts
    of the documents it is asked about; a new generation reuses the files of the documents it keeps."""

    generation: str | None
    documents: list[str]
    whole: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    per_document: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)
    folder: Path | None = None
    shards: dict[str, str] = field(default_factory=dict)  # document → its file in `folder`
    _keyed: dict[tuple, dict[tuple, list[dict[str, Any]]]] = field(default_factory=dict, repr=False)
    _tables: dict[Path, tuple[int, dict[str, tuple[int, int]]]] = field(default_factory=dict, repr=False)
    _document_set: frozenset[str] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        self._document_set = frozenset(self.documents)

    def select(self, query: str, bindings: dict[str, Any]) -> list[dict[str, Any]] | None:
        """The rows the query gives with these bindings; None when the index cannot say (a query it
        does not hold, a doc-less look-up of a shared term in a per-document query)."""
        name = _BY_TEXT.get(query)
        if name is None:
            return None
        wanted = {k: _value(v) for k, v in bindings.items()}
        if name in self.whole:
            return list(self._lookup((name,), self.whole[name], wanted))
        doc = wanted.pop("doc", None) or self._owner(wanted)
        if doc is None:
            return None
        if doc not in self._document_set:
            return []
        rows = self.part(doc, name)
        if rows is None:
            return None
        return list(self._lookup((name, doc), rows, wanted))

    def part(self, doc: str, name: str) -> list[dict[str, Any]] | None:
        """A document's rows of one query (read from its file the first time, that query's part
        alone); None when the file is gone: a newer generation replaced the document while this
        index still answers (the service swaps indexes after the store has switched), so the
        store is asked instead."""
        rows = self.per_document.get(doc, {}).get(name)
        if rows is not None:
            return rows
        if self.folder is None or doc not in self.shards:
            return []
        try:
            rows = _read_part(self.folder / self.shards[doc], name, self._tables)
        except FileNotFoundError:
            return None
        self.per_document.setdefault(doc, {})[name] = rows
        return rows

    def _lookup(self, where: tuple, rows: list[dict[str, Any]], wanted: dict[str, Any]) -> list[dict[str, Any]]:
        if not wanted:
            return rows
        keys = tuple(sorted(wanted))
        table = self._keyed.get(where + keys)
        if table is None:  # grouped on first use: later look-ups by the same variables are one dict get
            table = {}
            for row in rows:
                table.setdefault(tuple(row.get(k) for k in keys), []).append(row)
            self._keyed[where + keys] = table
        return table.get(tuple(wanted[k] for k in keys), [])

    def _owner(self, wanted: dict[str, Any]) -> str | None:
        """The document whose own term (an IRI below the document's) is bound, if any."""
        for value in wanted.values():
            if isinstance(value, str):
                slash = value.find("/", value.find("//") + 2)
                while slash > 0:
                    if value[:slash] in self._document_set:
                        return value[:slash]
                    slash = value.find("/", slash + 1)
        return None


def shard_name(record) -> str:
    """A document's index file: named by its graph and its source's hash, so a generation that
    keeps the document (an upload of another one) reuses it."""
    key = f"{record.graph} {record.sha256}".encode()
    return f"doc-{hashlib.sha1(key).hexdigest()[:20]}.parts"


def _dump_parts(rows: dict[str, list[dict[str, Any]]], path: Path) -> None:
    """A document's rows, each query's pickled in a part of its own behind a table of where each
    part lies (a 4-byte length, then the table): a question over many documents reads the parts
    it asks (a figure's rows are 1 % of the file). Written beside and renamed into place."""
    parts = {name: pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL) for name, value in rows.items()}
    table, offset = {}, 0
    for name, blob in parts.items():
        table[name] = (offset, len(blob))
        offset += len(blob)
    head = pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(struct.pack("<I", len(head)) + head)
        for blob in parts.values():
            handle.write(blob)
    os.replace(tmp, path)


def _read_part(path: Path, name: str, tables: dict[Path, tuple[int, dict[str, tuple[int, int]]]]) -> list[dict[str, Any]]:
    """One query's rows from a document's file (its table of parts kept in `tables` after the first read)."""
    with open(path, "rb") as handle:
        if path not in tables:
            size = struct.unpack("<I", handle.read(4))[0]
            tables[path] = (4 + size, pickle.loads(handle.read(size)))
        base, table = tables[path]
        if name not in table:
            return []
        start, length = table[name]
        handle.seek(base + start)
        return pickle.loads(handle.read(length))


def read_document(store, doc: str) -> dict[str, list[dict[str, Any]]]:
    bound = {"doc": ox.NamedNode(doc)}
    return {name: store.select(getattr(queries, name), bound) for name in PER_DOCUMENT}


def read_index(store) -> FactIndex:
    """Run every indexed query: once per document with ?doc bound, once for the whole store."""
    graphs = [d.graph for d in store.documents()]
    index = FactIndex(store.generation, graphs)
    for doc in graphs:
        index.per_document[doc] = read_document(store, doc)
    for name in WHOLE:
        index.whole[name] = store.select(getattr(queries, name))
    return index


def _dump(value: Any, path: Path) -> None:
    """Written beside and renamed into place: a reader never sees half a file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _save_index(store, path: Path, folder: Path) -> FactIndex:
    """Read what is not saved yet (the documents without a file, the whole-store queries) and save it."""
    records = store.documents()
    index = FactIndex(store.generation, [d.graph for d in records], folder=folder,
                      shards={d.graph: shard_name(d) for d in records})
    folder.mkdir(parents=True, exist_ok=True)
    for record in records:
        if not (folder / index.shards[record.graph]).exists():
            _dump_parts(read_document(store, record.graph), folder / index.shards[record.graph])  # not kept: read on use, like a kept document's (a thousand documents' rows held at once took 3.4 GB)
    index.whole = {name: store.select(getattr(queries, name)) for name in WHOLE}
    kept = set(index.shards.values())
    for stale in folder.glob("doc-*.parts"):  # documents no generation holds any more
        if stale.name not in kept:
            stale.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    _dump({"generation": index.generation, "documents": index.documents, "whole": index.whole, "shards": index.shards}, path)
    _drop_stale(path)
    _drop_stale(folder)
    return index


def _load_index(path: Path, folder: Path) -> FactIndex:
    with open(path, "rb") as handle:
        saved = pickle.load(handle)
    return FactIndex(saved["generation"], saved["documents"], saved["whole"], folder=folder, shards=saved["shards"])


def cache_file(store, name: str, version: str) -> Path | None:
    """Where a cache made from the store's live generation is saved: in the generation's folder
    (removed with it), or beside the state of a remote store; None when nothing is built."""
    generation = store.generation
    if generation is None:
        return None
    folder = store.path / generation if (store.path / generation).is_dir() else store.path / f".cache-{generation}"
    return folder / f"{name}-{version}.pickle"


def load_or_build(store, name: str, version: str, build):
    """The cache saved with the live generation, or `build(store)` saved for the next start (a
    store folder that cannot be written is only not cached)."""
    path = cache_file(store, name, version)
    if path is not None and path.exists():
        try:
            with open(path, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            log.warning("cache %s unreadable: rebuilt", path)
    value = build(store)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            _drop_stale(path)
        except OSError as exc:
            log.warning("cache %s not saved: %s", path, exc)
    return value


def _drop_stale(kept: Path) -> None:
    """Caches of the same name made by other code versions (a code change made them stale)."""
    name = kept.name.rsplit("-", 1)[0]
    for old in kept.parent.glob(f"{name}-*"):
        if old != kept and not old.name.endswith(".tmp"):
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)


def fact_index(store) -> FactIndex:
    """The store generation's fact index: loaded from beside it (documents' rows on first use),
    or read from the store and saved (a folder that cannot be written is only not saved).
    What a generation needs is in its folder; the documents' files are in the store's
    .fact-index-<version> folder, shared by generations."""
    path = cache_file(store, "fact-index", VERSION)
    if path is None:
        return read_index(store)
    folder = store.path / f".fact-index-{VERSION}"
    if path.exists():
        try:
            return _load_index(path, folder)
        except (OSError, pickle.UnpicklingError, EOFError, KeyError):
            log.warning("fact index %s unreadable: read again", path)
    try:
        return _save_index(store, path, folder)
    except OSError as exc:
        log.warning("fact index not saved in %s: %s", store.path, exc)
        return read_index(store)


def prepare(store) -> FactIndex:
    """Make and save the live generation's fact index and lexicon now (after `kgqa build`, `add`,
    `remove`), so the first question after a change loads them instead of reading the store.
    Each is written beside and renamed into place: a crash leaves no half-written file."""
    from qa.lexicon import saved_lexicon

    index = fact_index(store)
    saved_lexicon(store)
    return index

