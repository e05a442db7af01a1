"""The 12 budget tables of a document, read back from the graph, and the data behind the charts.

    docs = document_choices(store)                 # [(title, document IRI)…]
    frame = table_frame(store, doc_iri, number)    # pandas DataFrame as the table prints it
    functional_chart(store, doc_iri)               # expenditure by functional class (类)
    economic_chart(store, doc_iri)                 # basic vs project by economic class (类)
    project_chart(store, doc_iri)                  # projects ranked by amount
The tables behind the charts are the template's (kg/data/template.json `views`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd

from kg.store.embedded import OxigraphStore
from kg.store.read import Row, read_documents
from kg.template import load_template

_DOCUMENTS = "SELECT DISTINCT ?doc ?title WHERE { ?doc a bkg:BudgetDocument ; dcterms:title ?title } ORDER BY ?title"
SIDES = {"收入": "收入 income", "支出": "支出 expenditure"}


def document_choices(store: OxigraphStore) -> list[tuple[str, str]]:
    return [(r["title"], r["doc"]) for r in store.select(_DOCUMENTS)]


def table_choices(store: OxigraphStore, doc: str) -> list[tuple[str, int]]:
    return [(f"表{t.number} {t.title}", t.number) for d in read_documents(store, doc, rows=False)
            for t in d.tables.values()]


def table_rows(store: OxigraphStore, doc: str, number: int) -> tuple[list[Row], list[str]]:
    """The table's rows (in printed order) with their cells by column, and the columns in order."""
    table = next((d.table(number) for d in read_documents(store, doc, number)), None)
    return ([], []) if table is None else (table.rows, table.columns)


def table_frame(store: OxigraphStore, doc: str, number: int) -> pd.DataFrame:
    """The table as printed: row label (indented by level), code, side, one column per amount column."""
    rows, columns = table_rows(store, doc, number)
    two_sided = any(r.side for r in rows)
    records = []
    for r in rows:
        record: dict[str, Any] = {}
        if two_sided:
            record["收/支 side"] = SIDES.get(r.side, r.side or "")
        record["科目编码 code"] = r.code or ""
        record["项目 item"] = "\u3000" * int(r.depth or 0) + str(r.label)
        for column in columns:
            value = r.cells.get(column)
            record[f"{column}（万元）"] = f"{value:,.2f}" if isinstance(value, Decimal) else ("" if value is None else value)
        record["原文行号 line"] = r.line if r.line is not None else ""
        if r.page is not None:  # read from a PDF: the page its reader can turn to
            record["页码 page"] = r.page
        records.append(record)
    if not records:
        return pd.DataFrame({"说明": ["这张表没有数据行 (no rows)"]})
    return pd.DataFrame.from_records(records)


def _class_rows(store: OxigraphStore, doc: str, number: int, column: str | None = None) -> list[tuple[str, str, float]]:
    """(code, label, amount) of the 类-level rows (3-digit codes) of a table, in printed order."""
    rows, columns = table_rows(store, doc, number)
    if not columns:
        return []
    col = column if column in columns else columns[0]
    out = []
    for r in rows:
        code = str(r.code or "")
        if len(code) == 3 and col in r.cells:
            out.append((code, str(r.label), float(r.cells[col])))
    return out


ENGLISH = {"基本支出": "basic", "项目支出": "project", "小计": "total"}  # the charts' bilingual legend


def _kind(name: str) -> str:
    return f"{name} {ENGLISH[name]}" if name in ENGLISH else name


def chart_titles() -> tuple[str, str, str]:
    """The three charts' titles, naming the template's tables behind them."""
    template = load_template()
    views = template.views
    functional = template.table(views.functional)
    economic = [template.table(n) for n in views.economic]
    return (f"{functional.fund if functional else ''}支出（按功能分类，表{views.functional}）",
            f"{'与'.join(t.expenditure or '' for t in economic if t)}（按经济分类，{'/'.join(f'表{n}' for n in views.economic)}）",
            f"项目支出排行（表{views.projects} {views.projects_column}）")


def functional_chart(store: OxigraphStore, doc: str) -> pd.DataFrame:
    """The functional table (表5) by 功能分类 类: 基本支出 and 项目支出 (stacked), or the 小计 when those are missing."""
    views = load_template().views
    records = []
    for column in views.functional_stack:
        for code, label, amount in _class_rows(store, doc, views.functional, column):
            records.append({"功能分类 functional class": f"{code} {label}", "金额（万元）": amount, "类型 type": _kind(column)})
    if not records:
        for code, label, amount in _class_rows(store, doc, views.functional, views.functional_fallback):
            records.append({"功能分类 functional class": f"{code} {label}", "金额（万元）": amount,
                            "类型 type": _kind(views.functional_fallback)})
    return pd.DataFrame.from_records(records, columns=["功能分类 functional class", "金额（万元）", "类型 type"])


def economic_chart(store: OxigraphStore, doc: str) -> pd.DataFrame:
    """The economic tables (表6 basic, 表7 project) by 经济分类 类."""
    template = load_template()
    records = []
    for number in template.views.economic:
        spec = template.table(number)
        kind = _kind(spec.expenditure or "") if spec else ""
        for code, label, amount in _class_rows(store, doc, number):
            records.append({"经济分类 economic class": f"{code} {label}", "金额（万元）": amount, "类型 type": kind})
    return pd.DataFrame.from_records(records, columns=["经济分类 economic class", "金额（万元）", "类型 type"])


def project_chart(store: OxigraphStore, doc: str, top: int = 15) -> pd.DataFrame:
    """The projects table's (表12) projects ranked by their total (总计, else the first column)."""
    views = load_template().views
    rows, columns = table_rows(store, doc, views.projects)
    col = views.projects_column if views.projects_column in columns else (columns[0] if columns else None)
    projects = [(float(r.cells[col]), str(r.label)) for r in rows if r.kind == "project" and col in r.cells]
    projects.sort(key=lambda p: -p[0])
    records = [{"项目 project": label if len(label) <= 24 else label[:23] + "…", "金额（万元）": amount}
               for amount, label in projects[:top]]
    return pd.DataFrame.from_records(records, columns=["项目 project", "金额（万元）"])
