"""The whole build: document files → parsed records → RDF → the store, in one atomic step."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from kg.build import build_graph, document_iri
from kg.errors import ParseError
from kg.parser import parse_text
from kg.records import BudgetDocument
from kg.source import decode
from kg.store import FORMAT_VERSION, OxigraphStore, StoredDocument, default_store_dir, sha256

BUNDLED = "qingcheng_bigdata_center_2025.txt"


@dataclass
class BuildReport:
    documents: list[BudgetDocument]
    triples: int
    warnings: list[str]


def bundled_document() -> Path:
    """The bundled default document (shipped as package data)."""
    return Path(str(resources.files("kg").joinpath(f"data/{BUNDLED}")))


def load_document(name: str, data: bytes) -> tuple[BudgetDocument, str]:
    """Parse one document's bytes; returns the records and their N-Triples."""
    doc = parse_text(decode(data, name), name)
    return doc, build_graph(doc).serialize(format="nt")


def build_store(paths: list[Path], store: OxigraphStore) -> BuildReport:
    """Parse every document first; only if all parse does the store switch to the new content."""
    loaded = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ParseError(str(path), None, f"无法读取文件 (cannot read): {exc.strerror}") from exc
        loaded.append((path.name, data))
    return replace_documents(loaded, store)


def replace_documents(items: list[tuple[str, bytes]], store: OxigraphStore) -> BuildReport:
    entries = []
    docs: list[BudgetDocument] = []
    triples = 0
    seen: dict[str, str] = {}
    for name, data in items:
        doc, ntriples = load_document(name, data)
        if doc.doc_id in seen:
            raise ParseError(name, None, f"与 {seen[doc.doc_id]} 是同一部门同一年度 (same department and year as {seen[doc.doc_id]})")
        seen[doc.doc_id] = name
        record = StoredDocument(
            doc_id=doc.doc_id,
            department=doc.department,
            year=doc.year,
            source=name,
            sha256=sha256(data),
            graph=str(document_iri(doc)),
            text_file=f"{sha256(data)[:16]}.txt",
        )
        entries.append((record, data, ntriples))
        docs.append(doc)
        triples += ntriples.count("\n")
    store.replace(entries)
    return BuildReport(docs, triples, [w for d in docs for w in d.warnings])


def add_document(name: str, data: bytes, store: OxigraphStore) -> BuildReport:
    """Add (or replace: same department and year) one document, keeping the others."""
    doc, _ = load_document(name, data)
    kept = [(d.source, store.document_text(d)) for d in store.documents() if d.doc_id != doc.doc_id]
    return replace_documents([*kept, (name, data)], store)


def open_store(path: str | Path | None = None) -> OxigraphStore:
    """Open a store; the default one is built from the bundled document on first use."""
    store = OxigraphStore(Path(path) if path else default_store_dir())
    if path is None and (not store.exists() or store.format_version() != FORMAT_VERSION):
        if store.exists():  # built by another version of BudgetKG: rebuild from its own documents
            replace_documents([(d.source, store.document_text(d)) for d in store.documents()], store)
        else:
            build_store([bundled_document()], store)
    return store
