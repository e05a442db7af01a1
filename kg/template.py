"""The standard template, loaded from kg/data/template.json (headings and columns are data)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class TableSpec:
    number: int
    title: str
    layout: str
    columns: tuple[str, ...]
    classification: str | None = None
    fund: str | None = None
    expenditure: str | None = None
    scope: str | None = None  # what a reader calls the money the table holds: 财政拨款 (财政拨款口径 → 表4)

    @property
    def name(self) -> str:
        """「表12 部门预算项目支出及其他支出预算表」, as a source is cited."""
        return f"表{self.number} {self.title}"


CellRef = tuple[int, str, str | None, str | None]  # table, column, row label (None: the 合计 row), side


@dataclass(frozen=True)
class ColumnIdentity:
    """In every row of a table, the `whole` column = the sum of the `parts` columns."""

    whole: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class Identity:
    """One accounting identity between tables; `check` names how kg/checks/audit.py compares."""

    check: str  # equal | columns_of_total | when_no_other_income | fund_tables | classes | economic_classes
    a: CellRef | None = None
    b: CellRef | None = None
    minus: tuple[str, ...] = ()
    table: int | None = None
    columns: tuple[str, ...] = ()
    name: str = ""
    column: str = ""
    sources: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StatedTotal:
    """A 第三部分 figure that restates a side's total of a table."""

    figure: str
    side: str
    table: int
    column: str


@dataclass(frozen=True)
class FigureRows:
    """第三部分 figures restating the rows of a table (by the row's name, or its alias there)."""

    table: int
    column: str
    aliases: dict[str, str]


@dataclass(frozen=True)
class Identities:
    columns: dict[int, tuple[ColumnIdentity, ...]]
    across: tuple[Identity, ...]
    stated_totals: tuple[StatedTotal, ...]
    figure_rows: FigureRows
    summed_figures: tuple[str, ...]


@dataclass(frozen=True)
class MeasureSpec:
    """A measure a question may ask for: a column of the tables, standing for a fund or an expenditure
    type where it is one, with the table and column of its 合计."""

    column: str
    total: tuple[int, str]
    expenditure: str | None = None
    fund: str | None = None


@dataclass(frozen=True)
class Views:
    """The tables the app opens on and charts (kg/data/template.json `views`)."""

    default_table: int
    functional: int
    functional_stack: tuple[str, ...]
    functional_fallback: str
    economic: tuple[int, ...]
    projects: int
    projects_column: str


@dataclass(frozen=True)
class Template:
    tables: tuple[TableSpec, ...]
    parts: dict[str, str]
    part_titles: dict[str, str]
    overview_sections: dict[str, str]
    explanation_sections: dict[str, str]
    sections: dict[str, str]  # how a source names a part's section: duties → 第一部分一 主要职责
    no_subordinate_cue: str
    header_prefixes: tuple[str, ...]
    title_shortenings: tuple[tuple[str, str], ...]  # how a reader shortens a title: 总体情况表 → 总表
    figure_units: tuple[str, ...]
    figure_label_prefixes: tuple[str, ...]
    figure_label_suffixes: tuple[str, ...]
    detail_cues: tuple[str, ...]
    target_comparators: dict[str, str]
    target_units: tuple[str, ...]
    goal_header: tuple[str, ...]  # the words of 第三部分's key performance goals' header line
    identities: Identities
    measures: dict[str, MeasureSpec]
    column_lookup: tuple[int, ...]  # where a column named alone is looked up, in this order
    class_lookup: tuple[int, int]  # where a functional class is looked up: the whole budget, with a measure
    named_totals: dict[str, tuple[int, str]]  # a total a question may name → (table, row label)
    whole_budget: str  # the named total a department's 「预算」 alone asks for
    views: Views
    all_funds: dict  # said: the words asking for every source of funds; expenditure, income: the tables holding them

    def table(self, number: int) -> TableSpec | None:
        return next((t for t in self.tables if t.number == number), None)

    def layout(self, number: int | None) -> str | None:
        spec = self.table(number) if number is not None else None
        return spec.layout if spec else None

    @property
    def per_unit(self) -> tuple[int, ...]:
        """The tables with a block of rows per budget unit (units, projects: 表11, 表12)."""
        return tuple(t.number for t in self.tables if t.layout in ("units", "projects"))

    def economic(self, expenditure: str | None) -> TableSpec:
        """The economic-classification table of an expenditure type (基本支出: 表6, 项目支出: 表7); the first one
        when it names none of them."""
        tables = [t for t in self.tables if t.classification == "economic"]
        return next((t for t in tables if t.expenditure == expenditure), tables[0])

    def fund_table(self, fund: str, column: str) -> TableSpec | None:
        """The table of one fund that has the column (一般公共预算 × 项目支出 → 表5): its 合计 row is
        that fund's part of the column."""
        return next((t for t in self.tables if t.fund == fund and column in t.columns), None)

    def named_in(self, text: str) -> TableSpec | None:
        """The table a text names by its title (支出总体情况表; 一般公共预算支出情况表 without its
        bracketed part), the longest title written; None when none is."""
        found = self.title_in(text)
        return found[0] if found else None

    def title_in(self, text: str) -> tuple[TableSpec, int, int] | None:
        """The longest table title written in the text, with where it stands."""
        found = [(len(form), spec, text.find(form)) for spec, form in _title_forms(self.tables, self.title_shortenings) if form in text]
        if not found:
            return None
        length, spec, at = max(found, key=lambda f: f[0])
        return spec, at, at + length

    def scoped_in(self, text: str) -> tuple[TableSpec, int, int] | None:
        """The table whose money a text names as a scope (「财政拨款口径下的X」「只看财政拨款的话」 → 表4), with where it is said."""
        for spec in self.tables:
            scope = re.escape(spec.scope or "")
            said = re.search(rf"(?:按照?)?{scope}(?:的)?口径|(?:只|仅|光|单)(?:看|算){scope}", text) if spec.scope else None
            if said:
                return spec, said.start(), said.end()
        return None

    def all_funds_in(self, text: str) -> tuple[TableSpec, int, int] | None:
        """The table of every source of funds when a text asks for them (「支出合计（含其他资金）」 → 表3; 收入 → 表2),
        with where it is said."""
        said = re.search(self.all_funds["said"], text)
        if said is None:
            return None
        spec = self.table(self.all_funds["income" if "收入" in text else "expenditure"])
        return (spec, said.start(), said.end()) if spec else None

    def by_layout(self, layout: str) -> TableSpec:
        """The one table of a layout (projects: 表12, units: 表11)."""
        return next(t for t in self.tables if t.layout == layout)


@lru_cache(maxsize=4)
def _title_forms(tables: tuple[TableSpec, ...], shortenings: tuple[tuple[str, str], ...]) -> tuple[tuple[TableSpec, str], ...]:
    """Each table's title as a question may write it: whole, without its bracketed part, with
    half-width brackets, shortened as readers do (支出总体情况表 → 支出总表, 一般公共预算支出情况表 →
    一般公共预算支出表), and each without 的 (a question's match form drops it). Made once."""
    out = []
    for spec in tables:
        title = spec.title.replace("“", "").replace("”", "")
        written = [title, re.sub(r"（.*?）|\(.*?\)", "", title), title.replace("（", "(").replace("）", ")")]
        short = next((re.sub(r"（.*?）", "", title).replace(long, brief) for long, brief in shortenings if long in title), None)
        written += [short] if short else []
        out += [(spec, form) for form in dict.fromkeys(written + [w.replace("的", "") for w in written])]
    return tuple(out)


@lru_cache(maxsize=1)
def load_template() -> Template:
    raw = json.loads(resources.files("kg").joinpath("data/template.json").read_text("utf-8"))
    tables = tuple(
        TableSpec(
            number=t["number"],
            title=t["title"],
            layout=t["layout"],
            columns=tuple(t["columns"]),
            classification=t.get("classification"),
            fund=t.get("fund"),
            expenditure=t.get("expenditure"),
            scope=t.get("scope"),
        )
        for t in raw["tables"]
    )
    return Template(
        tables=tables,
        parts=raw["parts"],
        part_titles=raw["part_titles"],
        overview_sections=raw["overview_sections"],
        explanation_sections=raw["explanation_sections"],
        sections=raw["sections"],
        no_subordinate_cue=raw["no_subordinate_cue"],
        header_prefixes=tuple(raw.get("header_prefixes", ())),
        title_shortenings=tuple((long, brief) for long, brief in raw["title_shortenings"]),
        figure_units=tuple(raw["figure_units"]),
        figure_label_prefixes=tuple(raw["figure_label_prefixes"]),
        figure_label_suffixes=tuple(raw["figure_label_suffixes"]),
        detail_cues=tuple(raw["detail_cues"]),
        target_comparators=raw["target_comparators"],
        target_units=tuple(raw["target_units"]),
        goal_header=tuple(raw["goal_header"]),
        identities=_identities(raw["identities"]),
        measures={name: MeasureSpec(m["column"], (int(m["total"][0]), m["total"][1]), m.get("expenditure"), m.get("fund"))
                  for name, m in raw["measures"].items()},
        column_lookup=tuple(raw["column_lookup"]),
        class_lookup=(raw["class_lookup"][0], raw["class_lookup"][1]),
        named_totals={name: (int(t[0]), t[1]) for name, t in raw["named_totals"].items()},
        whole_budget=raw["whole_budget"],
        views=_views(raw["views"]),
        all_funds=raw["all_funds"],
    )


def _views(raw: dict) -> Views:
    functional, projects = raw["functional"], raw["projects"]
    return Views(raw["default_table"], functional["table"], tuple(functional["stack"]), functional["fallback"],
                 tuple(raw["economic"]), projects["table"], projects["column"])


def _cell(raw: list | None) -> CellRef | None:
    return None if raw is None else (int(raw[0]), raw[1], *(list(raw[2:]) + [None, None])[:2])


def _identities(raw: dict) -> Identities:
    across = tuple(
        Identity(check=i["check"], a=_cell(i.get("a")), b=_cell(i.get("b")), minus=tuple(i.get("minus", ())),
                 table=i.get("table"), columns=tuple(i.get("columns", ())), name=i.get("name", ""),
                 column=i.get("column", ""), sources={int(k): v for k, v in i.get("sources", {}).items()})
        for i in raw["across"]
    )
    return Identities(
        columns={int(n): tuple(ColumnIdentity(c["whole"], tuple(c["parts"])) for c in found)
                 for n, found in raw["columns"].items()},
        across=across,
        stated_totals=tuple(StatedTotal(**t) for t in raw["stated_totals"]),
        figure_rows=FigureRows(**raw["figure_rows"]),
        summed_figures=tuple(raw["summed_figures"]),
    )
