"""What a generated document states: the truth the parser must rebuild from its text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class TruthRow:
    """One table row as the parser should rebuild it."""

    label: str
    amounts: tuple[Decimal, ...]
    code: str | None = None
    kind: str = "item"  # total | item | unit | project
    side: str | None = None  # 收入 / 支出 (表1, 表4)
    ordinal: str | None = None  # 一、 / （一） / 1.
    unit: str | None = None  # 表11/表12: the budget unit


@dataclass(frozen=True)
class TruthTable:
    number: int
    title: str
    columns: tuple[str, ...]
    rows: tuple[TruthRow, ...]
    note: str


@dataclass(frozen=True)
class TruthCitation:
    """A cited document: canonical 文号 (〔YYYY〕N号 with its issuer) and/or 《title》."""

    number: str | None
    issuer: str | None
    title: str | None


@dataclass(frozen=True)
class TruthTarget:
    comparator: str  # <=, >=, <, >, =
    value: Decimal
    unit: str


@dataclass(frozen=True)
class TruthProject:
    unit: str
    name: str
    amounts: tuple[Decimal, ...]  # the 表12 columns
    purpose: str
    citations: tuple[TruthCitation, ...]
    targets: tuple[TruthTarget, ...]
    code: str  # functional 项
    fund: str  # 一般公共预算 | 政府性基金预算
    economic: tuple[tuple[str, Decimal], ...]  # 经济分类款 → amount


@dataclass(frozen=True)
class TruthFigure:
    """A figure stated in 第三部分, with its stated change against last year."""

    section: str
    label: str
    value: Decimal
    unit: str
    change: Decimal | None = None
    rate: Decimal | None = None
    parent: str | None = None  # label of the enclosing figure
    reason: str | None = None  # the reason the document gives for the change, as written (主要原因是…)


@dataclass(frozen=True)
class TruthGoal:
    project: str
    amount: Decimal
    text: str
    targets: tuple[TruthTarget, ...]


@dataclass(frozen=True)
class Truth:
    """Everything one generated document states."""

    seed: int
    department: str
    year: int
    kind: str  # department kind (the core of its name, e.g. 教育局)
    region: str  # e.g. 云川市棠溪区
    duties: tuple[str, ...]
    units: tuple[tuple[str, str], ...]  # internal units: (name, duty)
    subordinate_units: tuple[str, ...]
    tables: tuple[TruthTable, ...]
    projects: tuple[TruthProject, ...]
    figures: tuple[TruthFigure, ...]
    goals: tuple[TruthGoal, ...]
    glossary: tuple[tuple[str, str], ...]
    staff: tuple[tuple[str, int, int, str], ...]  # per budget unit: (name, headcount, cars, run code)

    def table(self, number: int) -> TruthTable:
        return next(t for t in self.tables if t.number == number)

    def figure(self, label: str) -> TruthFigure | None:
        return next((f for f in self.figures if f.label == label), None)

