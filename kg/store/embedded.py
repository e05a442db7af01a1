"""Where graphs live: an embedded Oxigraph store on disk, behind a small interface.

Layout of a store folder:
    CURRENT              name of the live generation (replaced atomically)
    gen-<n>/oxigraph/    the Oxigraph database of that generation
    gen-<n>/documents/   the source texts it was built from, and what each shares (.shared.nt)
    gen-<n>/manifest.json

A build writes a complete new generation and only then switches CURRENT (os.replace), so a
failed or killed build leaves the previous store as it was. Each document's own triples are a
named graph (its document IRI); what documents share (kg.graph.vocab.shared_graph) is one more graph,
the union of the documents/<text>.shared.nt files. Queries see the union, each triple once.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import pyoxigraph as ox

from kg.errors import StoreError
from kg.graph.build import DocumentTriples
from kg.graph.vocab import SPARQL_PREFIXES, shared_graph

FORMAT_VERSION = 2  # bump when the graph's shape changes: default stores are then rebuilt


@dataclass(frozen=True)
class StoredDocument:
    doc_id: str
    department: str
    year: int
    source: str
    sha256: str
    graph: str
    text_file: str


def default_store_dir() -> Path:
    """A per-user data folder (XDG_DATA_HOME or ~/.local/share), overridable by BUDGETKG_STORE."""
    if os.environ.get("BUDGETKG_STORE"):
        return Path(os.environ["BUDGETKG_STORE"])
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "budgetkg" / "store"


def _term(value: Any) -> ox.Literal | ox.NamedNode:
    if isinstance(value, (ox.Literal, ox.NamedNode)):
        return value
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(str(value))


def python_value(term: Any) -> Any:
    """An Oxigraph term as a plain Python value (Decimal for xsd:decimal, int, str)."""
    from decimal import Decimal

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype.endswith("#decimal"):
            return Decimal(term.value)
        if datatype.endswith(("#integer", "#int", "#long")):
            return int(term.value)
        return term.value
    return str(term)


def _rows(names: list[str], solutions: Iterable[Any]) -> list[dict[str, Any]]:
    """Solutions as dicts of plain values, each distinct term converted once per query: a
    document's rows repeat its IRI, its columns' labels and its tables' titles (converting every
    term was a third of reading the fact index)."""
    values: dict[Any, Any] = {None: None}
    rows = []
    for solution in solutions:
        row = {}
        for name, term in zip(names, solution, strict=True):  # a solution's values, in the order of its variables
            try:
                row[name] = values[term]
            except KeyError:
                row[name] = values[term] = python_value(term)
        rows.append(row)
    return rows


@runtime_checkable
class Store(Protocol):
    """What callers use of a store: OxigraphStore (embedded) and kg.store.remote.RemoteStore (a SPARQL server)."""

    path: Path  # the local folder (the embedded database, or the remote store's manifest and texts)

    @property
    def generation(self) -> str | None: ...  # changes on every successful write; None: nothing built

    def exists(self) -> bool: ...

    def documents(self) -> list[StoredDocument]: ...

    def format_version(self) -> int | None: ...

    def document_text(self, doc: StoredDocument) -> bytes: ...

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]: ...

    def quads(self) -> Iterable[ox.Quad]: ...  # every triple: documents' own graphs and the shared graph

    def graph_quads(self, graph: str) -> Iterable[ox.Quad]: ...  # one graph's

    def shared_graph(self) -> str: ...  # the graph of what documents share

    def triple_count(self) -> int: ...

    def replace(self, documents: Iterable[tuple[StoredDocument, bytes, DocumentTriples]]) -> None: ...

    def apply(self, add: list[tuple[StoredDocument, bytes, DocumentTriples]], remove: set[str] = frozenset(),
              switching: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None: ...


class OxigraphStore:
    """The embedded store: read-only queries on the live generation, atomic rebuilds."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreError(f"{self.path} 不是目录：--store 应指向存储目录 (not a folder: --store names the store folder)")
        self._db: ox.Store | None = None
        self._generation: str | None = None
        self._graphs_of: tuple[str | None, frozenset[str]] = (None, frozenset())

    # -- reading ------------------------------------------------------------------------------
    @property
    def generation(self) -> str | None:
        try:
            name = (self.path / "CURRENT").read_text("utf-8").strip()
        except FileNotFoundError:
            return None
        return name if (self.path / name / "manifest.json").exists() else None

    def exists(self) -> bool:
        return self.generation is not None

    def db(self) -> ox.Store:
        generation = self.generation
        if generation is None:
            raise StoreError(f"存储为空：{self.path} (no store here; run `kgqa build` first)")
        if self._db is None or generation != self._generation:
            try:
                self._db = ox.Store.read_only(str(self.path / generation / "oxigraph"))
            except OSError as exc:
                raise StoreError(f"无法打开存储 {self.path}: {exc} (cannot open the store)") from exc
            self._generation = generation
        return self._db

    def documents(self) -> list[StoredDocument]:
        generation = self.generation
        if generation is None:
            return []
        raw = json.loads((self.path / generation / "manifest.json").read_text("utf-8"))
        return [StoredDocument(**d) for d in raw["documents"]]

    def format_version(self) -> int | None:
        generation = self.generation
        if generation is None:
            return None
        return json.loads((self.path / generation / "manifest.json").read_text("utf-8")).get("format")

    def document_text(self, doc: StoredDocument) -> bytes:
        return (self.path / str(self.generation) / "documents" / doc.text_file).read_bytes()

    def select(self, query: str, bindings: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a SELECT with values bound as RDF terms (never spliced into the query text).

        A query with ?doc bound to one of the store's documents reads that document's graph and the
        shared graph only: it finds what it would over the union (a document's triples are all in
        those two graphs) and its joins do not grow with the number of documents."""
        substitutions = {ox.Variable(k): _term(v) for k, v in (bindings or {}).items()}
        doc = (bindings or {}).get("doc")
        doc = doc.value if isinstance(doc, ox.NamedNode) else doc
        if isinstance(doc, str) and doc in self._graphs():
            dataset: dict[str, Any] = {"default_graph": [ox.NamedNode(doc), ox.NamedNode(self.shared_graph())]}
        else:
            dataset = {"use_default_graph_as_union": True}
        result = self.db().query(SPARQL_PREFIXES + query, substitutions=substitutions, **dataset)
        return _rows([v.value for v in result.variables], result)

    def _graphs(self) -> frozenset[str]:
        """The documents' graph names, read once per generation."""
        generation = self.generation
        if self._graphs_of[0] != generation:
            self._graphs_of = (generation, frozenset(d.graph for d in self.documents()))
        return self._graphs_of[1]

    def raw_query(self, query: str, **kwargs: Any):
        return self.db().query(query, use_default_graph_as_union=True, **kwargs)

    def quads(self) -> Iterable[ox.Quad]:
        return self.db().quads_for_pattern(None, None, None, None)

    def graph_quads(self, graph: str) -> Iterable[ox.Quad]:
        return self.db().quads_for_pattern(None, None, None, ox.NamedNode(graph))

    def shared_graph(self) -> str:
        return shared_graph()

    def triple_count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows else 0

    # -- writing ------------------------------------------------------------------------------
    def replace(self, documents: list[tuple[StoredDocument, bytes, DocumentTriples]]) -> None:
        """Make the store hold exactly these documents: (record, source bytes, triples).

        Builds a new generation beside the live one and switches to it atomically.
        """

        def fill(staging: Path) -> list[StoredDocument]:
            db = ox.Store(str(staging / "oxigraph"))
            records, shared = [], set()
            for record, source, triples in documents:  # may be a generator: loaded as they come
                shared.update(_load(db, staging / "documents", record, source, triples))
                records.append(record)
            _load_shared(db, shared)
            db.optimize()  # compacts the bulk loads' many files: queries over the union read ~3× faster
            return records

        self._new_generation(fill)

    def apply(self, add: list[tuple[StoredDocument, bytes, DocumentTriples]], remove: set[str] = frozenset(),
              switching: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
        """Add, replace (same doc_id) or remove documents without rebuilding the others: the new
        generation starts as a checkpoint of the live one (hard links), then changes only them.

        Only the switch to the new generation (and the removal of the old one) runs inside
        `switching()`: a caller's write lock then holds readers back for that moment alone."""
        if not self.exists():
            self.replace(add)
            return
        if self.format_version() != FORMAT_VERSION:
            raise StoreError(f"存储 {self.path} 由旧版本建立，请用 kgqa build 重建 (built by an older BudgetKG: rebuild it)")
        replaced = {record.doc_id for record, _, _ in add} | set(remove)
        current = self.path / str(self.generation)
        existing = self.documents()

        def fill(staging: Path) -> list[StoredDocument]:
            self.db().backup(str(staging / "oxigraph"))
            db = ox.Store(str(staging / "oxigraph"))
            kept = []
            for record in existing:
                if record.doc_id in replaced:
                    db.remove_graph(ox.NamedNode(record.graph))
                else:
                    for name in (record.text_file, shared_file(record)):
                        os.link(current / "documents" / name, staging / "documents" / name)
                    kept.append(record)
            shared = set()
            for record, source, triples in add:
                shared.update(_load(db, staging / "documents", record, source, triples))
            if len(kept) < len(existing):  # a document left: what only it shared leaves with it
                db.remove_graph(ox.NamedNode(shared_graph()))
                for record in kept:
                    shared.update(_lines((staging / "documents" / shared_file(record)).read_text("utf-8")))
            _load_shared(db, shared)
            return kept + [record for record, _, _ in add]

        self._new_generation(fill, switching)

    def _new_generation(self, fill, switching: Callable[[], AbstractContextManager[Any]] = nullcontext) -> None:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"无法创建存储目录 {self.path}: {exc} (cannot create the store folder)") from exc
        number = 1 + max((int(p.name.split("-")[1]) for p in self.path.glob("gen-*") if p.name.split("-")[1].isdigit()), default=0)
        name = f"gen-{number}"
        staging = self.path / f".{name}.tmp"
        shutil.rmtree(staging, ignore_errors=True)
        try:
            (staging / "documents").mkdir(parents=True)
            records = fill(staging)
            manifest = {"format": FORMAT_VERSION, "documents": [asdict(record) for record in records]}
            (staging / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
            _fsync_tree(staging)
            tmp = self.path / "CURRENT.tmp"
            tmp.write_text(name, "utf-8")
            with open(tmp, "rb+") as handle:
                os.fsync(handle.fileno())
            with switching():
                os.replace(staging, self.path / name)
                os.replace(tmp, self.path / "CURRENT")
                self._db = None
                for old in self.path.glob("gen-*"):
                    if old.name != name:
                        shutil.rmtree(old, ignore_errors=True)
        except BaseException as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if isinstance(exc, OSError):
                raise StoreError(f"无法写入存储 {self.path}: {exc} (cannot write the store)") from exc
            raise
        for stale in self.path.glob(".gen-*.tmp"):
            shutil.rmtree(stale, ignore_errors=True)


def shared_file(record: StoredDocument) -> str:
    """The file (beside the document's text) of the shared triples the document states: the shared
    graph is the union of these files, so it can be recomputed when a document leaves."""
    return f"{record.text_file}.shared.nt"


def _load(db: ox.Store, folder: Path, record: StoredDocument, source: bytes, triples: DocumentTriples) -> set[str]:
    """Load a document's own triples into its graph and keep its text and shared triples beside
    it; returns the shared triples (N-Triples lines) for the shared graph."""
    shared = triples.shared
    db.bulk_load(triples.own.encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(record.graph))
    target = folder / record.text_file
    if not target.exists():
        target.write_bytes(source)
    (folder / shared_file(record)).write_text(shared, "utf-8")
    return _lines(shared)


def _lines(ntriples: str) -> set[str]:
    return {line for line in ntriples.splitlines() if line}


def _load_shared(db: ox.Store, lines: set[str]) -> None:
    """Add shared triples to the shared graph (a set: one already there is not stored twice)."""
    db.bulk_load("\n".join(sorted(lines)).encode("utf-8"), ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(shared_graph()))
    db.flush()


def _fsync_tree(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
