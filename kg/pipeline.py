"""The whole build: document files → parsed records → RDF → the store, in one atomic step."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, is_dataclass
from importlib import resources
from pathlib import Path

from kg.checks.completeness import refuse_incomplete_replacement
from kg.errors import BudgetKGError, ParseError, StoreError
from kg.graph.build import DocumentTriples, build_triples, document_iri
from kg.parsing.document import parse_text
from kg.parsing.pdf import MAX_PDF_BYTES
from kg.parsing.source import decode
from kg.parsing.worker import ParsePool
from kg.records import BudgetDocument, Span
from kg.store.embedded import FORMAT_VERSION, OxigraphStore, Store, StoredDocument, sha256

BUNDLED = "qingcheng_bigdata_center_2025.txt"
MAX_TEXT_CHARS = 20_000  # one paragraph, definition or cell; the corpus's longest is under 400


@dataclass
class BuildReport:
    documents: list[BudgetDocument]
    triples: int
    warnings: list[str]


def bundled_document() -> Path:
    """The bundled default document (shipped as package data)."""
    return Path(str(resources.files("kg").joinpath(f"data/{BUNDLED}")))


def parse_document(name: str, data: bytes, partial: bool = False) -> BudgetDocument:
    """One document's records from its bytes: text, or a PDF read by kg.parsing.pdf (tables from their ruling lines)."""
    if data.startswith(b"%PDF"):
        from kg.parsing.pdf import parse_pdf  # imported here: pdfplumber loads only for PDF input

        doc = parse_pdf(data, name, partial)
    else:
        doc = parse_text(decode(data, name), name, partial)
    _check_text_lengths(doc, doc.source)
    return doc


def load_document(name: str, data: bytes, partial: bool = False) -> tuple[BudgetDocument, DocumentTriples]:
    """Parse one document's bytes; returns the records and their triples."""
    doc = parse_document(name, data, partial)
    return doc, build_triples(doc)


def _check_text_lengths(record: object, source: str, line: int | None = None) -> None:
    """Refuse a text field longer than MAX_TEXT_CHARS (naming its first line): junk run into the
    last paragraph would otherwise become one multi-megabyte literal every reader has to carry."""
    if isinstance(record, (list, tuple)):
        for item in record:
            _check_text_lengths(item, source, line)
        return
    if not is_dataclass(record):
        return
    span = getattr(record, "span", None)
    line = span.start if isinstance(span, Span) else line
    for item in fields(record):
        value = getattr(record, item.name)
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            raise ParseError(source, line, f"一段文字过长：{len(value):,} 字，上限 {MAX_TEXT_CHARS:,} 字 "
                                           f"(a text of {len(value):,} characters; the limit is {MAX_TEXT_CHARS:,})")
        if isinstance(value, (list, tuple)) or is_dataclass(value):
            _check_text_lengths(value, source, line)


def read_documents(paths: list[Path]) -> list[tuple[str, bytes]]:
    """(file name, bytes) of each document; an unreadable file is a ParseError naming it."""
    loaded = []
    for path in paths:
        try:
            if not path.is_file():  # a folder, a device (/dev/zero) or a pipe would be read without end
                raise ParseError(str(path), None, "不是普通文件 (not a regular file)")
            size = path.stat().st_size
            if size > MAX_PDF_BYTES:
                raise ParseError(str(path), None, f"文件过大：{size} 字节，上限 {MAX_PDF_BYTES} (file too large)")
            with open(path, "rb") as handle:
                loaded.append((path.name, handle.read(MAX_PDF_BYTES + 1)))
        except OSError as exc:
            raise ParseError(str(path), None, f"无法读取文件 (cannot read): {exc.strerror}") from exc
    return loaded


def build_store(paths: list[Path], store: OxigraphStore, partial: bool = False, force: bool = False) -> BuildReport:
    """Parse every document first; only if all parse does the store switch to the new content.

    `partial`: build what could be read of a document (missing tables listed in its warnings);
    `force`: let an incomplete document replace a complete one of the same department and year.
    """
    return replace_documents(read_documents(paths), store, partial, force)


def prepare(items: list[tuple[str, bytes]], workers: int | None = None, partial: bool = False,
            pool: ParsePool | None = None) -> list[tuple[BudgetDocument, StoredDocument, bytes, DocumentTriples]]:
    """Parse and build each document (in parallel when there are many); all must succeed."""
    return list(prepare_iter(items, workers, partial, pool))


def prepare_iter(items: list[tuple[str, bytes]], workers: int | None = None, partial: bool = False,
                 pool: ParsePool | None = None):
    """Like prepare, yielding each document as soon as it is built, so a large build never
    holds every document's triples in memory at once. Every document is parsed in a worker
    process with a time and a memory limit (kg.parsing.worker); `pool` reuses the caller's workers."""
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if len(items) >= 8 else 1
    seen: dict[str, str] = {}
    own = pool is None
    pool = pool or ParsePool(workers)
    try:
        for (name, data), (doc, ntriples) in zip(items, pool.map(items, partial), strict=True):
            if doc.doc_id in seen:
                raise ParseError(doc.source, None, f"与 {seen[doc.doc_id]} 是同一部门同一年度 (same department and year as {seen[doc.doc_id]})")
            seen[doc.doc_id] = doc.source
            yield doc, _record(doc, name, data), data, ntriples
    finally:
        if own:
            pool.close()


def _record(doc: BudgetDocument, name: str, data: bytes) -> StoredDocument:
    digest = sha256(data)
    return StoredDocument(
        doc_id=doc.doc_id,
        department=doc.department,
        year=doc.year,
        source=name,
        sha256=digest,
        graph=document_iri(doc),
        text_file=f"{digest[:16]}{'.pdf' if data.startswith(b'%PDF') else '.txt'}",
    )


def replace_documents(items: list[tuple[str, bytes]], store: OxigraphStore, partial: bool = False, force: bool = False) -> BuildReport:
    """Make the store hold exactly these documents (streamed: parsed, built and loaded one by one;
    any failure discards the new generation)."""
    docs: list[BudgetDocument] = []
    counts = [0]
    stored = _stored(store)

    def entries():
        for doc, record, data, nt in prepare_iter(items, partial=partial):
            refuse_incomplete_replacement(doc, stored, lambda old: parse_document(old.source, store.document_text(old), partial=True), force)
            docs.append(_light(doc))
            counts[0] += len(nt)
            yield record, data, nt

    store.replace(entries())
    return BuildReport(docs, counts[0], [w for d in docs for w in d.warnings])


def _light(doc: BudgetDocument) -> BudgetDocument:
    """What a build report keeps of a document (not its tables), to bound memory on big builds."""
    from dataclasses import replace

    tables = [replace(t, rows=[]) for t in doc.tables]
    return replace(doc, tables=tables, figures=[], sections=[], glossary=[], duties=[], units=[])


def _stored(store: OxigraphStore) -> dict:
    """The store's documents by doc id (none for a store not built yet or not readable: the build
    itself then says what is wrong with the store)."""
    try:
        return {d.doc_id: d for d in store.documents()} if store.exists() else {}
    except (OSError, BudgetKGError):
        return {}


def add_documents(items: list[tuple[str, bytes]], store: OxigraphStore, partial: bool = False, force: bool = False) -> BuildReport:
    """Add documents (replacing any of the same department and year) without touching the rest."""
    built = prepare(items, partial=partial)
    refuse_incomplete(built, store, force)
    store.apply([(record, data, nt) for _, record, data, nt in built])
    return build_report(built)


def refuse_incomplete(built: list[tuple[BudgetDocument, StoredDocument, bytes, DocumentTriples]], store: OxigraphStore, force: bool = False) -> None:
    """Before documents are added: none that is incomplete may replace a complete one (kg.checks.completeness)."""
    stored = _stored(store)
    for doc, *_ in built:
        refuse_incomplete_replacement(doc, stored, lambda old: parse_document(old.source, store.document_text(old), partial=True), force)


def add_document(name: str, data: bytes, store: OxigraphStore, partial: bool = False, force: bool = False) -> BuildReport:
    return add_documents([(name, data)], store, partial, force)


def remove_documents(names: list[str], store: OxigraphStore) -> list[StoredDocument]:
    """Remove documents named by file name, doc id or department (all its years)."""
    documents = store.documents()
    chosen = [d for d in documents if {d.source, d.doc_id, d.department} & set(names)]
    missing = [n for n in names if not any(n in (d.source, d.doc_id, d.department) for d in documents)]
    if missing:
        raise StoreError(f"存储中没有这些文件：{'、'.join(missing)} (not in the store)")
    store.apply([], {d.doc_id for d in chosen})
    return chosen


def build_report(built) -> BuildReport:
    """What a caller is told about prepared documents: the documents, their triples, their warnings."""
    docs = [doc for doc, _, _, _ in built]
    return BuildReport(docs, sum(len(nt) for _, _, _, nt in built), [w for d in docs for w in d.warnings])


def open_store(path: str | Path | None = None, endpoint: str | None = None) -> Store:
    """Open a store; the default one is built from the bundled document on first use.

    With an endpoint (the argument, BUDGETKG_ENDPOINT or a config file: kg.store.remote.settings) the
    graphs live on that SPARQL server and `path` holds the store's manifest and source texts.
    """
    from kg.store.remote import make_store

    store = make_store(path, endpoint)
    if path is None and (not store.exists() or store.format_version() != FORMAT_VERSION):
        if store.exists():  # built by another version of BudgetKG: rebuild from its own documents
            replace_documents([(d.source, store.document_text(d)) for d in store.documents()], store, partial=True)
        else:
            build_store([bundled_document()], store)
    return store
