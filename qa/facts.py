"""Reading figures out of the store with the parametrised queries: every answer's numbers come
from here, each with the source that a journalist can cite."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal

from kg.graph.vocab import SPARQL_PREFIXES
from kg.store.embedded import OxigraphStore
from kg.store.remote import bind_values
from kg.template import load_template
from qa import queries
from qa.answer import Source
from qa.index import FactIndex


@dataclass
class Fact:
    value: Decimal
    unit: str
    doc: str
    label: str  # what the figure is of, as printed
    table: int | None  # 表N, or None for 第三部分 figures
    table_title: str
    column: str | None
    line: int | None
    kind: str = "item"  # item | total | unit | project | figure | goal
    code: str | None = None
    row: str | None = None
    row_index: int | None = None
    parent_row: str | None = None
    side: str | None = None
    item: str | None = None
    unit_name: str | None = None
    section: str | None = None
    iri: str | None = None  # the figure/goal/project itself
    page: int | None = None  # the PDF page, for a document read from a PDF

    @property
    def first_column(self) -> bool:
        if self.table is None:
            return True
        spec = load_template().table(self.table)
        return spec is None or not spec.columns or self.column == spec.columns[0]

    def where(self) -> str:
        if self.table is None:
            return f"第三部分{self.section or ''}"
        return f"表{self.table} {self.table_title}"


class FactReader:
    """Runs the queries and records them, so each answer can show the SPARQL behind it."""

    def __init__(self, store: OxigraphStore, titles: dict[str, str], index: FactIndex | None = None) -> None:
        self.store = store
        self.index = index  # answers the queries when given (qa.index); else each runs on the store
        self.titles = titles
        # column label → IRI, for this question only: a cache shared across questions would leave
        # the lookup out of later answers' shown query, so the same question would show another query
        self.measures: dict[str, str | None] = {}
        self.log: list[str] = []  # each query run, its bound values inlined (runnable as it stands)
        self.ran: list[str] = []  # every run in order, repeats kept: what one reading looked up, though a reading before it ran the same
        self._tables: dict[tuple[str, int], list[Fact]] = {}

    def run(self, query: str, **bindings) -> list[dict]:
        entry = bind_values(query.strip(), bindings)
        self.ran.append(entry)
        if entry not in self.log:
            self.log.append(entry)
        rows = self.index.select(query, bindings) if self.index is not None else None
        return self.store.select(query, bindings) if rows is None else rows

    def shown_query(self) -> str:
        """One runnable query for the answer: the queries run, as a UNION of sub-SELECTs (the
        rows behind the answer are among its rows), with the prefixes declared."""
        if not self.log:
            return ""
        if len(self.log) == 1:
            return SPARQL_PREFIXES + self.log[0]
        parts = "\n  UNION\n".join("  {\n" + textwrap.indent(entry, "    ") + "\n  }" for entry in self.log)
        return f"{SPARQL_PREFIXES}SELECT * WHERE {{\n{parts}\n}}"

    def source(self, fact: Fact) -> Source:
        row = fact.label if fact.column is None or fact.first_column else f"{fact.label}（{fact.column}）"
        if fact.unit_name and fact.kind == "item" and fact.table in load_template().per_unit:
            row = f"{fact.unit_name}·{row}"
        return Source(self.titles.get(fact.doc, fact.doc), fact.where(), row, fact.line, fact.page)

    # -- table figures --------------------------------------------------------------------------
    @staticmethod
    def _table_fact(r: dict) -> Fact:
        return Fact(
            value=r["value"], unit="万元", doc=r["doc"], label=r["rowLabel"], table=int(r["tableNo"]),
            table_title=r["tableTitle"], column=r["column"], line=r["line"], kind=r["kind"], code=r.get("code"),
            row=r["row"], row_index=r["rowIndex"], parent_row=r.get("parentRow"), side=r.get("side"),
            item=r.get("item"), unit_name=r.get("unitName"), iri=r.get("obs"), page=r.get("page"),
        )

    def item_facts(self, item: str, doc: str | None = None) -> list[Fact]:
        """Every figure of an item (a code, a project, a unit …), in one document when given."""
        bindings = {"item": node(item)} | ({"doc": node(doc)} if doc else {})
        return [self._table_fact(r) for r in self.run(queries.FACTS_OF_ITEM, **bindings)]

    def table_facts(self, doc: str, table: int) -> list[Fact]:
        key = (doc, table)
        if key not in self._tables:
            rows = self.run(queries.TABLE_FACTS, doc=node(doc), tableNo=table)
            facts = [self._table_fact(r) for r in rows]
            facts.sort(key=lambda f: (f.row_index or 0, _column_order(f)))
            self._tables[key] = facts
        return self._tables[key]

    def row_facts(self, doc: str, table: int, label: str) -> list[Fact]:
        """The cells of the row with this label (e.g. 表1 本年支出合计)."""
        rows = self.run(queries.TABLE_FACTS, doc=node(doc), tableNo=table, rowLabel=_zh(label))
        return sorted((self._table_fact(r) for r in rows), key=_column_order)

    def total_facts(self, doc: str, table: int) -> list[Fact]:
        """The cells of the table's total (合计) row."""
        rows = self.run(queries.TABLE_FACTS, doc=node(doc), tableNo=table, kind="total")
        return sorted((self._table_fact(r) for r in rows), key=_column_order)

    # -- 第三部分 -------------------------------------------------------------------------------
    def figure(self, iri: str) -> Fact | None:
        rows = self.run(queries.FIGURE, fig=node(iri))
        return self._figure_fact(rows[0]) if rows else None

    def figures(self, doc: str) -> list[Fact]:
        facts = [self._figure_fact(r) for r in self.run(queries.FIGURE, doc=node(doc))]
        return sorted(facts, key=lambda f: f.row_index or 0)

    def _figure_fact(self, r: dict) -> Fact:
        fact = Fact(
            value=r["value"], unit=r["unit"], doc=r["doc"], label=r["label"], table=None, table_title="",
            column=None, line=r["line"], kind="figure", section=r["section"], iri=r["fig"], row_index=r["index"],
            parent_row=r.get("parent"), page=r.get("page"),
        )
        fact.extra = r  # change, rate, reason, detail, source text
        return fact

    def goals(self, doc: str) -> list[Fact]:
        facts = []
        for r in self.run(queries.GOALS, doc=node(doc)):
            fact = Fact(
                value=r["value"], unit="万元", doc=r["doc"], label=r["label"], table=None, table_title="",
                column=None, line=r["line"], kind="goal", section="六", iri=r["goal"], row_index=r["index"],
                item=r.get("project"), page=r.get("page"),
            )
            fact.extra = r
            facts.append(fact)
        return facts

    def measure(self, label: str) -> str | None:
        """The IRI of a table column (bound into queries so they start from it)."""
        if label not in self.measures:
            rows = self.run(queries.MEASURE, label=_zh(label))
            self.measures[label] = rows[0]["measure"] if rows else None
        return self.measures[label]

    def projects(self, doc: str) -> list[Fact]:
        facts = []
        table = load_template().by_layout("projects")
        total = self.measure(table.columns[0])
        for r in self.run(queries.PROJECTS, doc=node(doc), total=node(total)) if total else []:
            fact = Fact(
                value=r["value"], unit="万元", doc=r["doc"], label=r["label"], table=table.number,
                table_title=table.title, column=table.columns[0], line=r["line"], kind="project",
                iri=r["project"], row_index=r["rowIndex"], unit_name=r["unitName"], page=r.get("page"),
            )
            fact.extra = r
            facts.append(fact)
        return facts


def _column_order(fact: Fact) -> int:
    spec = load_template().table(fact.table) if fact.table else None
    return spec.columns.index(fact.column) if spec and fact.column in spec.columns else 99


def _zh(text: str):
    import pyoxigraph as ox

    return ox.Literal(text, language="zh")


def node(value: str):
    """An IRI as the term a query binds (never pasted into the query's text)."""
    import pyoxigraph as ox

    return ox.NamedNode(value)
