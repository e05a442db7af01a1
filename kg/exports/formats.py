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
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO

import networkx as nx
import pyoxigraph as ox

from kg.graph.vocab import BKG, PREFIXES
from kg.store.embedded import Store

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

DOCS_QUERY = """
SELECT ?doc ?title ?year ?dept WHERE {
  ?doc a bkg:BudgetDocument ; dcterms:title ?title ; bkg:fiscalYear ?year ; bkg:department ?dept .
}
"""

NAMES_QUERY = """
SELECT DISTINCT ?x ?label WHERE {
  { ?x a bkg:Measure } UNION { ?x a bkg:BudgetUnit } UNION { ?x a bkg:Department }
  ?x rdfs:label ?label .
}
"""

TABLE_FIGURES_QUERY = """
SELECT ?obs ?doc ?tn ?ttitle ?ri ?rowlabel ?code ?m ?amt ?text ?unit ?bu ?ls ?le ?ps ?pe WHERE {
  ?obs a qb:Observation ; bkg:row ?row ; qb:dataSet ?t ; bkg:measure ?m ; bkg:amount ?amt ; bkg:document ?doc .
  ?t bkg:tableNumber ?tn ; dcterms:title ?ttitle .
  ?row rdfs:label ?rowlabel ; bkg:rowIndex ?ri .
  OPTIONAL { ?obs bkg:amountText ?text }
  OPTIONAL { ?obs bkg:unit ?unit }
  OPTIONAL { ?row bkg:code ?code }
  OPTIONAL { ?row bkg:budgetUnit ?bu }
  OPTIONAL { ?row bkg:lineStart ?ls }
  OPTIONAL { ?row bkg:lineEnd ?le }
  OPTIONAL { ?row bkg:pageStart ?ps ; bkg:pageEnd ?pe }
}
"""

STATED_FIGURES_QUERY = """
SELECT ?obs ?doc ?idx ?label ?amt ?unit ?sec ?stitle ?ls ?le ?ps ?pe WHERE {
  ?obs a bkg:StatedFigure ; bkg:document ?doc ; bkg:figureIndex ?idx ; rdfs:label ?label ; bkg:amount ?amt .
  OPTIONAL { ?obs bkg:unit ?unit }
  OPTIONAL { ?obs bkg:section ?s . ?s bkg:sectionNumber ?sec . OPTIONAL { ?s dcterms:title ?stitle } }
  OPTIONAL { ?obs bkg:lineStart ?ls }
  OPTIONAL { ?obs bkg:lineEnd ?le }
  OPTIONAL { ?obs bkg:pageStart ?ps ; bkg:pageEnd ?pe }
}
"""

EXPLANATION = 10_000  # sorts 第三部分 figures after the tables


def _column_index(iri: str) -> int:
    match = re.search(r"/c(\d+)$", iri)
    return int(match.group(1)) if match else 0


def _decimal_text(value) -> str:
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def csv_rows(store: Store) -> list[dict[str, object]]:
    """The CSV's rows as dicts (keys CSV_COLUMNS), in document, table, row, column order."""
    docs = {r["doc"]: r for r in store.select(DOCS_QUERY)}
    names = {r["x"]: r["label"] for r in store.select(NAMES_QUERY)}
    found: dict[str, tuple[tuple, dict[str, object]]] = {}
    for r in store.select(TABLE_FIGURES_QUERY):
        doc = docs.get(r["doc"])
        if doc is None or r["obs"] in found:
            continue
        printed = (r["text"] or "").replace(",", "").strip() or _decimal_text(r["amt"])
        row = {
            "document": doc["title"], "department": names.get(doc["dept"], ""), "year": doc["year"],
            "table": f"表{r['tn']}", "table_title": r["ttitle"], "row_label": r["rowlabel"], "code": r["code"] or "",
            "column": names.get(r["m"], ""), "amount": printed, "unit": r["unit"] or "",
            "budget_unit": names.get(r["bu"], "") if r["bu"] else "", "line_start": r["ls"] or "",
            "line_end": r["le"] or "", "page_start": r["ps"] or "", "page_end": r["pe"] or "", "observation": r["obs"],
        }
        found[r["obs"]] = ((doc["title"], r["tn"], r["ri"], _column_index(r["obs"])), row)
    for r in store.select(STATED_FIGURES_QUERY):
        doc = docs.get(r["doc"])
        if doc is None or r["obs"] in found:
            continue
        section = f"{r['sec']}、{r['stitle'] or ''}" if r["sec"] else ""
        row = {
            "document": doc["title"], "department": names.get(doc["dept"], ""), "year": doc["year"],
            "table": "第三部分", "table_title": section, "row_label": r["label"], "code": "", "column": "",
            "amount": _decimal_text(r["amt"]), "unit": r["unit"] or "", "budget_unit": "",
            "line_start": r["ls"] or "", "line_end": r["le"] or "", "page_start": r["ps"] or "", "page_end": r["pe"] or "",
            "observation": r["obs"],
        }
        found[r["obs"]] = ((doc["title"], EXPLANATION, r["idx"], 0), row)
    return [row for _, row in sorted(found.values(), key=lambda item: item[0])]


def _csv(store: Store, out: BinaryIO) -> None:
    text = io.StringIO(newline="")
    writer = csv.DictWriter(text, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(store))
    out.write(text.getvalue().encode("utf-8-sig"))
