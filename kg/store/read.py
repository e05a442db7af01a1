"""The store read back as typed records: documents, their tables (rows with their cells) and the figures
of 第三部分. One read layer for everything that shows or checks the tables: the 预算表 tab
(ui/tables.py), the CSV export and the audit read these records instead of writing their own queries.

    docs = read_documents(store)                 # every document, tables and figures
    [doc] = read_documents(store, doc_iri, 6)    # one document, only its 表6 (no figures)

Three SELECTs (rows, cells, figures) with the document and table bound as terms when given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pyoxigraph as ox

from kg.store.embedded import Store

__all__ = ["TO_WANYUAN", "Cell", "Document", "Figure", "Row", "Table", "read_documents"]

TO_WANYUAN = {"万元": Decimal(1), "亿元": Decimal(10000), "元": Decimal("0.0001")}

_DOCUMENTS = """
SELECT ?doc ?title ?year ?department WHERE {
  ?doc a bkg:BudgetDocument ; dcterms:title ?title .
  OPTIONAL { ?doc bkg:fiscalYear ?year }
  OPTIONAL { ?doc bkg:department ?dept . ?dept a bkg:Department ; rdfs:label ?department }
}
"""

_TABLES = """
SELECT ?doc ?tn ?ttitle WHERE { ?doc bkg:hasTable ?table . ?table bkg:tableNumber ?tn ; dcterms:title ?ttitle }
"""

_ROWS = """
SELECT ?doc ?tn ?ttitle ?row ?ri ?label ?kind ?code ?side ?parent ?depth ?unit ?ls ?le ?ps ?pe WHERE {
  ?doc bkg:hasTable ?table . ?table bkg:tableNumber ?tn ; dcterms:title ?ttitle .
  ?row bkg:inTable ?table ; bkg:rowIndex ?ri ; rdfs:label ?label ; bkg:rowKind ?kind .
  OPTIONAL { ?row bkg:code ?code }
  OPTIONAL { ?row bkg:side ?side }
  OPTIONAL { ?row bkg:parentRow ?parent }
  OPTIONAL { ?row bkg:depth ?depth }
  OPTIONAL { ?row bkg:budgetUnit ?u . ?u a bkg:BudgetUnit ; rdfs:label ?unit }
  OPTIONAL { ?row bkg:lineStart ?ls }
  OPTIONAL { ?row bkg:lineEnd ?le }
  OPTIONAL { ?row bkg:pageStart ?ps ; bkg:pageEnd ?pe }
}
"""

_CELLS = """
SELECT ?doc ?tn ?row ?obs ?column ?amount ?text ?unit WHERE {
  ?doc bkg:hasTable ?table . ?table bkg:tableNumber ?tn . ?row bkg:inTable ?table .
  ?obs bkg:row ?row ; bkg:measure ?m ; bkg:amount ?amount . ?m a bkg:Measure ; rdfs:label ?column .
  OPTIONAL { ?obs bkg:amountText ?text }
  OPTIONAL { ?obs bkg:unit ?unit }
}
"""

_FIGURES = """
SELECT ?doc ?fig ?idx ?label ?amount ?unit ?change ?rate ?parent ?sec ?stitle ?ls ?le ?ps ?pe WHERE {
  ?fig a bkg:StatedFigure ; bkg:document ?doc ; bkg:figureIndex ?idx ; rdfs:label ?label ; bkg:amount ?amount .
  OPTIONAL { ?fig bkg:unit ?unit }
  OPTIONAL { ?fig bkg:changeAmount ?change }
  OPTIONAL { ?fig bkg:changeRate ?rate }
  OPTIONAL { ?fig bkg:parentFigure/bkg:figureIndex ?parent }
  OPTIONAL { ?fig bkg:section ?s . ?s bkg:sectionNumber ?sec . OPTIONAL { ?s dcterms:title ?stitle } }
  OPTIONAL { ?fig bkg:lineStart ?ls }
  OPTIONAL { ?fig bkg:lineEnd ?le }
  OPTIONAL { ?fig bkg:pageStart ?ps ; bkg:pageEnd ?pe }
}
"""


def _at_line(line: int | None) -> str:
    """Where in the text, as a citation says it: 「（第12行）」."""
    return f"（第{line}行）" if line else ""


@dataclass(frozen=True)
class Cell:
    """One amount of a row: an observation of the graph."""

    iri: str
    column: str
    amount: Decimal
    text: str | None  # as printed (may carry thousands separators)
    unit: str | None

    @property
    def order(self) -> int:
        """The column's position in its table (the observation IRI ends in /cN)."""
        match = re.search(r"/c(\d+)$", self.iri)
        return int(match.group(1)) if match else 0


@dataclass
class Row:
    iri: str
    table: int
    index: int
    label: str
    kind: str
    code: str | None
    side: str | None
    parent: str | None
    depth: int | None
    budget_unit: str | None
    line: int | None
    line_end: int | None
    page: int | None
    page_end: int | None
    observations: list[Cell] = field(default_factory=list)  # in column order
    cells: dict[str, Decimal] = field(default_factory=dict)  # column → amount, in column order

    @property
    def name(self) -> str:
        return f"[{self.code}]{self.label}" if self.code else self.label

    def where(self) -> str:
        return f"表{self.table} {self.name} 行{_at_line(self.line)}"


@dataclass
class Table:
    number: int
    title: str
    rows: list[Row] = field(default_factory=list)  # in printed order
    columns: list[str] = field(default_factory=list)  # in printed order

    def children(self, row: Row) -> list[Row]:
        return [r for r in self.rows if r.parent == row.iri]

    def total(self) -> Row | None:
        """The table's 合计 row (the first parentless total row)."""
        return next((r for r in self.rows if r.kind == "total" and r.parent is None), None)

    def labelled(self, label: str, side: str | None = None) -> Row | None:
        return next((r for r in self.rows if r.label == label and (side is None or r.side == side)), None)


@dataclass
class Figure:
    """A figure stated in 第三部分's prose."""

    iri: str
    index: int
    label: str
    value: Decimal  # in its own unit
    unit: str | None
    change: Decimal | None
    rate: Decimal | None
    parent: int | None  # the parent figure's index
    section: str | None
    section_title: str | None
    line: int | None
    line_end: int | None
    page: int | None
    page_end: int | None

    @property
    def wanyuan(self) -> Decimal | None:
        factor = TO_WANYUAN.get(self.unit or "")
        return None if factor is None else self.value * factor

    @property
    def half_unit(self) -> Decimal:
        """Half the last printed digit, in 万元 (0.05 for "0.4万元"); a printed 0 is taken as exact."""
        if self.value == 0:
            return Decimal(0)
        exponent = self.value.as_tuple().exponent
        step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
        return step / 2 * TO_WANYUAN.get(self.unit or "", Decimal(1))

    def where(self) -> str:
        section = f"{self.section}、" if self.section else ""
        return f"第三部分{section}{self.label}{_at_line(self.line)}"


@dataclass
class Document:
    iri: str
    title: str
    year: int | None
    department: str | None
    tables: dict[int, Table] = field(default_factory=dict)  # by number, ascending
    figures: list[Figure] = field(default_factory=list)  # by index

    def table(self, number: int) -> Table | None:
        return self.tables.get(number)


def read_documents(store: Store, doc: str | None = None, table: int | None = None, *,
                   rows: bool = True) -> list[Document]:
    """The store's documents by title (or only `doc`), each with its tables (or only `table`) and,
    unless one table is asked for, its stated figures. `rows=False`: the tables' numbers and titles
    only."""
    bindings: dict[str, Any] = {} if doc is None else {"doc": ox.NamedNode(doc)}
    docs = {r["doc"]: Document(r["doc"], r["title"], r["year"], r["department"])
            for r in store.select(_DOCUMENTS, bindings)}
    if table is not None:
        bindings["tn"] = int(table)
    for r in store.select(_TABLES, bindings):
        if r["doc"] in docs:
            docs[r["doc"]].tables.setdefault(r["tn"], Table(r["tn"], r["ttitle"]))
    for document in docs.values():
        document.tables = dict(sorted(document.tables.items()))
    if not rows:
        return sorted(docs.values(), key=lambda d: d.title)
    _cells(store, bindings, _rows(store, bindings, docs))
    for document in docs.values():
        for each in document.tables.values():
            each.rows.sort(key=lambda row: row.index)
            order: dict[str, int] = {}
            for row in each.rows:
                for cell in row.observations:
                    order[cell.column] = min(order.get(cell.column, cell.order), cell.order)
            each.columns = sorted(order, key=lambda column: (order[column], column))
    if table is None:
        _figures(store, bindings, docs)
    return sorted(docs.values(), key=lambda d: d.title)


def _rows(store: Store, bindings: dict[str, Any], docs: dict[str, Document]) -> dict[str, Row]:
    rows: dict[str, Row] = {}
    for r in store.select(_ROWS, bindings):
        document = docs.get(r["doc"])
        if document is None or r["row"] in rows or r["tn"] not in document.tables:
            continue
        table = document.tables[r["tn"]]
        row = Row(r["row"], r["tn"], r["ri"], r["label"], r["kind"], r["code"], r["side"], r["parent"], r["depth"],
                  r["unit"], r["ls"], r["le"], r["ps"], r["pe"])
        rows[row.iri] = row
        table.rows.append(row)
    return rows


def _cells(store: Store, bindings: dict[str, Any], rows: dict[str, Row]) -> None:
    seen: set[str] = set()
    for r in store.select(_CELLS, bindings):
        row = rows.get(r["row"])
        if row is not None and r["obs"] not in seen:
            seen.add(r["obs"])
            row.observations.append(Cell(r["obs"], r["column"], r["amount"], r["text"], r["unit"]))
    for row in rows.values():
        row.observations.sort(key=lambda c: (c.order, c.column, c.amount))
        row.cells = {c.column: c.amount for c in row.observations}


def _figures(store: Store, bindings: dict[str, Any], docs: dict[str, Document]) -> None:
    seen: set[tuple[str, int]] = set()
    for r in store.select(_FIGURES, bindings):
        document = docs.get(r["doc"])
        if document is None or (r["doc"], r["idx"]) in seen:
            continue
        seen.add((r["doc"], r["idx"]))
        document.figures.append(Figure(r["fig"], r["idx"], r["label"], r["amount"], r["unit"], r["change"], r["rate"],
                                       r["parent"], r["sec"], r["stitle"], r["ls"], r["le"], r["ps"], r["pe"]))
    for document in docs.values():
        document.figures.sort(key=lambda f: f.index)
