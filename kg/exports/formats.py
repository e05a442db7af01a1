"""Export the store: the union of all document graphs as RDF, a GraphML network, or a CSV of figures.

    export(store, "ttl", out)   # Turtle with the project's prefixes
    export(store, "jsonld", out)  # JSON-LD with an inline @context of the prefixes (nothing fetched)
    export(store, "nt", out)    # N-Triples, sorted
    export(store, "graphml", out)  # nodes and object-property edges, Chinese labels (Gephi, yEd, networkx)
    export(store, "csv", out)   # one row per figure with its dimensions, UTF-8 with BOM (Excel)

The RDF formats hold each distinct triple once: the documents' own graphs and the shared graph
(measures, classification concepts … stated once). Every output is deterministic for the same store.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kg.graph.vocab import BKG, PREFIXES
from kg.store.embedded import Store
from kg.store.read import Cell, Figure, Row, Table, read_documents

__all__ = ["FORMATS", "ExportFormat", "export", "union_triples", "CSV_COLUMNS"]


@dataclass(frozen=True)
class ExportFormat:
    name: str
    extension: str
    media_type: str
    description: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", ".ttl", "text/turtle", "Turtle（全部文档图的并集，带前缀）"),
        ExportFormat("jsonld", ".jsonld", "application/ld+json", "JSON-LD（内联 @context，不取远程上下文）"),
        ExportFormat("nt", ".nt", "application/n-triples", "N-Triples（排序，一行一个三元组）"),
        ExportFormat("graphml", ".graphml", "application/graphml+xml", "GraphML 网络图（Gephi 可直接打开，中文标签）"),
        ExportFormat("csv", ".csv", "text/csv", "CSV 数字明细（每个数字一行，UTF-8 带 BOM，Excel 可直接打开）"),
    )
}

CSV_COLUMNS = [
    "document", "department", "year", "table", "table_title", "row_label", "code", "column", "amount", "unit",
    "budget_unit", "line_start", "line_end", "page_start", "page_end", "observation",
]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
QB_OBSERVATION = "http://purl.org/linked-data/cube#Observation"


def export(store: Store, fmt: str, out: BinaryIO) -> None:
    """Write the whole store to `out` (a binary stream) in one of FORMATS."""
    if fmt not in FORMATS:
        raise ValueError(f"不支持的导出格式 unsupported export format: {fmt!r} (one of {', '.join(FORMATS)})")
    {"ttl": _turtle, "jsonld": _jsonld, "nt": _ntriples, "graphml": _graphml, "csv": _csv}[fmt](store, out)


# -- RDF ------------------------------------------------------------------------------------------------


def union_triples(store: Store) -> list[ox.Triple]:
    """Every distinct triple of the store (documents' graphs and the shared graph), in a stable order."""
    triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()}
    return sorted(triples, key=str)


def _ntriples(store: Store, out: BinaryIO) -> None:
    out.write(ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES))


def _turtle(store: Store, out: BinaryIO) -> None:
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.TURTLE, prefixes=dict(PREFIXES))
    # The prefix block in the order of PREFIXES (stable whatever order the serializer picks).
    lines = data.split(b"\n")
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items()).encode("utf-8")
    out.write(prefixes + b"\n".join(lines[head:]))


def _jsonld(store: Store, out: BinaryIO) -> None:
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    graph.parse(data=ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    # A dict context is written inline; rdflib never fetches it.
    text = graph.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True, ensure_ascii=False)
    # rdflib's node order follows hashing: sort nodes and multi-valued properties for a stable file.
    document = _sorted_jsonld(json.loads(text))
    out.write(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n")


def _sorted_jsonld(value):
    if isinstance(value, dict):
        return {k: _sorted_jsonld(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_sorted_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


# -- GraphML ---------------------------------------------------------------------------------------------


def _short(iri: str) -> str:
    """The local name of an IRI: after '#', else after the last '/'."""
    tail = iri.rsplit("#", 1)[1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]
    return tail or iri


def _node_id(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"


def _graphml(store: Store, out: BinaryIO) -> None:
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, dict[str, tuple[bool, str]]] = defaultdict(dict)  # node → predicate → (is Chinese, label)
    amounts: dict[str, float] = {}
    units: dict[str, str] = {}
    edges: set[tuple[str, str, str]] = set()
    for t in union_triples(store):
        s, p, o = _node_id(t.subject), t.predicate.value, t.object
        if p == RDF_TYPE:
            types[s].add(o.value)
        elif isinstance(o, ox.Literal):
            if p in (RDFS_LABEL, SKOS_PREF_LABEL, DCTERMS_TITLE):
                # A Chinese label wins; otherwise the first one met (the order is stable).
                zh = (o.language or "").startswith("zh")
                if p not in labels[s] or (zh and not labels[s][p][0]):
                    labels[s][p] = (zh, o.value)
            elif p == str(BKG.amount):
                amounts[s] = float(Decimal(o.value))
            elif p == str(BKG.unit):
                units[s] = o.value
        elif isinstance(o, (ox.NamedNode, ox.BlankNode)):
            edges.add((s, _node_id(o), _short(p)))

    def label(node: str) -> str:
        found = labels.get(node, {})
        for p in (RDFS_LABEL, SKOS_PREF_LABEL, DCTERMS_TITLE):
            if p in found:
                return found[p][1]
        return _short(node)

    def type_name(node: str) -> str:
        """The most telling class: the project's own (Department before BudgetUnit), else any."""
        classes = sorted(types.get(node, ()), key=lambda c: (not c.startswith(str(BKG)), _short(c) != "Department", c))
        return _short(classes[0]) if classes else ""

    graph = nx.MultiDiGraph()
    nodes = sorted({n for s, o, _ in edges for n in (s, o)})
    # Observations have no label of their own: name them after their row and column.
    row_of = {s: o for s, o, p in edges if p == "row"}
    measure_of = {s: o for s, o, p in edges if p == "measure"}
    for node in nodes:
        attrs: dict[str, object] = {"type": type_name(node)}
        if QB_OBSERVATION in types.get(node, ()) and RDFS_LABEL not in labels.get(node, {}) and node in row_of:
            text = label(row_of[node])
            if node in measure_of:
                text += f"·{label(measure_of[node])}"
            attrs["label"] = text
        else:
            attrs["label"] = label(node)
        if node in amounts:
            attrs["amount"] = amounts[node]
        if node in units:
            attrs["unit"] = units[node]
        graph.add_node(node, **attrs)
    for s, o, p in sorted(edges):
        graph.add_edge(s, o, key=p, label=p)
    nx.write_graphml(graph, out, encoding="utf-8")


# -- CSV --------------------------------------------------------------------------------------------------

def _decimal_text(value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def csv_rows(store: Store) -> list[dict[str, object]]:
    """The CSV's rows as dicts (keys CSV_COLUMNS), in document, table, row, column order, then each
    document's 第三部分 figures; read through the read layer (kg/store/read.py)."""
    found: list[dict[str, object]] = []
    for doc in read_documents(store):
        if doc.year is None:
            continue
        head = {"document": doc.title, "department": doc.department or "", "year": doc.year}
        for table in doc.tables.values():
            for row in table.rows:
                found.extend(_table_row(head, table, row, cell) for cell in row.observations)
        for figure in doc.figures:
            found.append(_figure_row(head, figure))
    return found


def _table_row(head: dict[str, object], table: Table, row: Row, cell: Cell) -> dict[str, object]:
    printed = (cell.text or "").replace(",", "").strip() or _decimal_text(cell.amount)
    return {
        **head, "table": f"表{table.number}", "table_title": table.title, "row_label": row.label, "code": row.code or "",
        "column": cell.column, "amount": printed, "unit": cell.unit or "", "budget_unit": row.budget_unit or "",
        "line_start": row.line or "", "line_end": row.line_end or "", "page_start": row.page or "",
        "page_end": row.page_end or "", "observation": cell.iri,
    }


def _figure_row(head: dict[str, object], figure: Figure) -> dict[str, object]:
    section = f"{figure.section}、{figure.section_title or ''}" if figure.section else ""
    return {
        **head, "table": "第三部分", "table_title": section, "row_label": figure.label, "code": "", "column": "",
        "amount": _decimal_text(figure.value), "unit": figure.unit or "", "budget_unit": "",
        "line_start": figure.line or "", "line_end": figure.line_end or "", "page_start": figure.page or "",
        "page_end": figure.page_end or "", "observation": figure.iri,
    }


def _csv(store: Store, out: BinaryIO) -> None:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(store))
    out.write(text.getvalue().encode("utf-8-sig"))
