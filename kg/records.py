"""Typed records the parser produces: one per thing the document states, each with its line span.

These dataclasses are the contract between parsing (kg.parsing.document) and graph building (kg.graph.build):
nothing downstream reads the text again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.template import load_template


@dataclass(frozen=True)
class Span:
    """1-based, inclusive line numbers in the source text."""

    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"


@dataclass(frozen=True)
class Citation:
    """A reference to another document: a 文号, a 《title》, or both."""

    number: str | None  # canonical 文号, e.g. 穗天财发〔2020〕1号
    title: str | None
    issuer: str | None
    year: int | None
    serial: int | None
    variants: tuple[str, ...]  # the number with other bracket styles
    text: str  # as printed
    span: Span

    @property
    def key(self) -> str:
        return self.number or self.title or self.text


@dataclass
class Duty:
    ordinal: int
    text: str
    span: Span
    citations: list[Citation] = field(default_factory=list)


@dataclass
class InternalUnit:
    ordinal: int
    name: str
    duty: str
    span: Span
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Composition:
    """第一部分三 部门预算构成: the budget's own unit and any subordinate units."""

    text: str
    subordinate_units: list[str]
    span: Span


@dataclass
class Cell:
    column: str
    value: Decimal
    text: str  # as printed, e.g. "2,345.67"


@dataclass
class Row:
    label: str
    cells: list[Cell]
    span: Span
    index: int  # position in its table, from 0
    code: str | None = None  # classification code, e.g. 2013750
    ordinal: str | None = None  # 一、 / （一） / 1. as printed
    depth: int = 0  # nesting level within the table
    parent: int | None = None  # index of the parent row
    side: str | None = None  # 收入 / 支出 for two-sided tables
    kind: str = "item"  # total | item | unit | project
    unit: str | None = None  # for 表11/表12 rows: the budget unit the row belongs to

    def value(self, column: str) -> Decimal | None:
        for cell in self.cells:
            if cell.column == column:
                return cell.value
        return None


@dataclass
class Table:
    number: int
    title: str
    columns: list[str]
    rows: list[Row]
    note: str | None
    span: Span
    classification: str | None = None  # functional | economic


@dataclass
class Target:
    """A measurable target inside a goal text, e.g. 不超过30分钟."""

    text: str  # the clause it stands in
    comparator: str  # <=, >=, <, >, =
    cue: str | None  # the words as printed: 不超过, 以上 …
    value: Decimal
    unit: str


@dataclass
class Project:
    name: str
    unit: str  # budget unit (资金使用单位)
    row: Row
    purpose: str
    purpose_span: Span | None
    citations: list[Citation] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


@dataclass
class Figure:
    """A figure stated in the prose of 第三部分, with its stated change against last year."""

    section: str  # 一 … 六
    label: str
    value: Decimal
    unit: str
    text: str
    span: Span
    change: Decimal | None = None  # signed, in the same unit
    change_rate: Decimal | None = None  # signed percent as printed
    change_text: str | None = None
    reason: str | None = None  # 主要原因是…
    detail: str | None = None  # 主要是…
    parent: int | None = None  # index of the enclosing figure (其中 / 分布构成 / brackets)
    as_of: str | None = None  # 截至…日


@dataclass
class PerformanceGoal:
    project: str
    amount: Decimal
    amount_text: str
    goal: str
    span: Span
    targets: list[Target] = field(default_factory=list)


@dataclass
class Section:
    """A 第三部分 section kept as prose too, for describe questions."""

    number: str
    title: str
    text: str
    span: Span


@dataclass
class GlossaryTerm:
    ordinal: int
    term: str
    definition: str
    span: Span


@dataclass
class BudgetDocument:
    """Everything one document states."""

    source: str  # file name
    doc_id: str  # stable identifier, from the department and year
    department: str
    year: int
    duties: list[Duty]
    units: list[InternalUnit]
    composition: Composition | None
    tables: list[Table]
    projects: list[Project]
    figures: list[Figure]
    sections: list[Section]
    goals: list[PerformanceGoal]
    glossary: list[GlossaryTerm]
    warnings: list[str] = field(default_factory=list)
    line_count: int = 0
    missing: list[str] = field(default_factory=list)  # parts and tables of the template this document lacks
    line_pages: list[int] = field(default_factory=list)  # for a PDF: the page of each line of its extracted text

    def pages(self, span: Span | None) -> tuple[int, int] | None:
        """The first and last page of a span, for a document read from a PDF."""
        if span is None or not self.line_pages or not 0 < span.start <= span.end <= len(self.line_pages):
            return None
        return self.line_pages[span.start - 1], self.line_pages[span.end - 1]

    def table(self, number: int) -> Table | None:
        return next((t for t in self.tables if t.number == number), None)

    @property
    def budget_units(self) -> list[str]:
        """The units with their own rows in 表11/表12: the department itself first."""
        names: list[str] = []
        for number in load_template().per_unit:
            table = self.table(number)
            for row in table.rows if table else []:
                if row.kind == "unit" and row.label not in names:
                    names.append(row.label)
        return names or [self.department]

    @property
    def citations(self) -> list[Citation]:
        found: list[Citation] = []
        for holder in [*self.duties, *self.units, *self.projects]:
            found.extend(holder.citations)
        return found
