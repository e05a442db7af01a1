"""Arithmetic audit of every document in the store, read from the graph (not from the parser).

Each check compares a figure the document states (a total, a parent row, a figure in 第三部分) with
what other figures of the same document imply (the sum of its children, the same total in another
table …). A difference is a rounding difference (尾差) when |difference| ≤ 0.01 万元 × the number of
summands (each printed amount may be off by up to half a cent), otherwise a real gap (缺口).
Figures printed with fewer decimals (e.g. "0.4万元" in 第三部分) may also differ by half their last
printed digit. Every check is reported once, consistent ones with status "ok", so a report shows
what was checked; `problems` keeps the others.

The documents are read as typed records by the read layer (kg/store/read.py: rows, observations,
stated figures of all documents); the checks run in Python with Decimal.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from kg.store.embedded import OxigraphStore
from kg.store.read import Document, Figure, Row, Table, read_documents
from kg.template import CellRef, load_template

__all__ = ["Finding", "audit", "problems", "render", "STATUSES"]

STATUSES = ("ok", "rounding", "gap")
CENT = Decimal("0.01")
ZERO = Decimal("0")
STATUS_NAMES = {"ok": "一致", "rounding": "尾差", "gap": "缺口"}


@dataclass
class Finding:
    document: str  # the document's title, e.g. 广州市天河区财政局2025年部门预算
    check: str  # short Chinese name of the check, unique within a document
    status: str  # ok | rounding | gap
    expected: Decimal  # the figure the document states (a total, a parent row …)
    expected_source: str
    actual: Decimal  # what the other figures imply (a sum, the same total elsewhere …)
    actual_source: str
    difference: Decimal  # actual − expected
    summands: int  # how many printed amounts make up `actual`
    message: str  # one Chinese sentence

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (amounts as decimal strings, exactly as computed)."""
        data = asdict(self)
        for key in ("expected", "actual", "difference"):
            data[key] = format(data[key], "f")
        return data


def _fmt(value: Decimal) -> str:
    """An amount in 万元 as tables print it: thousands separators, at least two decimals."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > -2:
        value = value.quantize(CENT)
    return format(value, ",f")


def _pct(value: Decimal) -> str:
    return format(value, "f")


def _status(difference: Decimal, tolerance: Decimal) -> str:
    if difference == 0:
        return "ok"
    return "rounding" if abs(difference) <= tolerance else "gap"


class _Auditor:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.findings: list[Finding] = []
        self.checks: set[str] = set()

    def claim(self, check: str) -> str:
        """The check's name, made unique within the document (two rows may share a label)."""
        name, k = check, 1
        while name in self.checks:
            k += 1
            name = f"{check}（{k}）"
        self.checks.add(name)
        return name

    def report(self, check: str, expected: Decimal, expected_source: str, actual: Decimal, actual_source: str,
               summands: int, tolerance: Decimal | None = None, note: str = "") -> None:
        check = self.claim(check)
        difference = actual - expected
        if tolerance is None:
            tolerance = CENT * max(summands, 1)
        status = _status(difference, tolerance)
        head = f"{expected_source}为{_fmt(expected)}万元，{actual_source}为{_fmt(actual)}万元"
        if status == "ok":
            message = f"{head}，二者一致{note}。"
        elif status == "rounding":
            message = (f"{head}，相差{_fmt(difference)}万元，未超过{summands}个数的尾数误差范围"
                       f"（±{_fmt(tolerance)}万元），属四舍五入造成的尾差{note}。")
        else:
            message = (f"{head}，相差{_fmt(difference)}万元，超出{summands}个数的尾数误差范围"
                       f"（±{_fmt(tolerance)}万元），是真实的不一致{note}。")
        self.findings.append(Finding(self.doc.title, check, status, expected, expected_source, actual,
                                     actual_source, difference, summands, message))

    def info(self, check: str, expected: Decimal, expected_source: str, actual: Decimal, actual_source: str,
             difference: Decimal, message: str) -> None:
        check = self.claim(check)
        self.findings.append(Finding(self.doc.title, check, "ok", expected, expected_source, actual, actual_source,
                                     difference, 0, message))

    # -- within a table ------------------------------------------------------------------------------
    def sum_rows(self, check: str, table: Table, parent: Row, parts: list[Row], parts_source: str,
                 columns: list[str] | None = None) -> None:
        """parent = Σ parts, in every column; one finding, on the column with the largest difference."""
        columns = [c for c in (columns or table.columns) if c in parent.cells]
        if not columns or not parts:
            return
        sums = {c: sum((p.cells.get(c, ZERO) for p in parts), ZERO) for c in columns}
        diffs = {c: sums[c] - parent.cells[c] for c in columns}
        worst = max(columns, key=lambda c: (abs(diffs[c]), -columns.index(c)))
        others = [c for c in columns if c != worst and diffs[c] != 0]
        note = f"（{'、'.join(others)}列也有差异）" if others else ""
        single = len(table.columns) == 1
        self.report(check, parent.cells[worst], parent.where() + ("" if single else worst), sums[worst],
                    parts_source + ("" if single else f"（{worst}列）"), len(parts), note=note)

    def tables(self) -> None:
        for number in sorted(self.doc.tables):
            table = self.doc.tables[number]
            if any(r.side for r in table.rows):
                self.two_sided(table)
            else:
                self.hierarchy(table)
            self.column_identities(table)

    def hierarchy(self, table: Table) -> None:
        n = table.number
        projects = [r for r in table.rows if r.kind == "project"]
        for row in table.rows:
            children = table.children(row)
            if not children:
                continue
            if row.kind == "unit" and projects and set(map(id, children)) == set(map(id, projects)):
                continue  # the only unit: the same sum as 合计 = Σ projects below
            kind = "项目" if all(c.kind == "project" for c in children) else ("科目" if row.code else "子项")
            self.sum_rows(f"表{n} {row.name} = 所属{kind}之和", table, row, children,
                          f"表{n} {row.name} 下{len(children)}个{kind}之和")
        total = table.total()
        if total is None:
            return
        top = [r for r in table.rows if r.parent is None and r is not total and r.kind != "total"]
        if top:
            kind = "单位" if all(r.kind == "unit" for r in top) else ("类级科目" if all(r.code for r in top) else "项")
            self.sum_rows(f"表{n} 合计 = 各{kind}之和", table, total, top, f"表{n} {len(top)}个{kind}行之和")
        if projects and any(r.kind == "unit" for r in top):
            self.sum_rows(f"表{n} 合计 = 全部项目之和", table, total, projects, f"表{n} {len(projects)}个项目之和")

    def two_sided(self, table: Table) -> None:
        n = table.number
        ends: dict[str, Row] = {}
        for side in ("收入", "支出"):
            rows = [r for r in table.rows if r.side == side]
            totals = [r for r in rows if r.kind == "total"]
            start = 0
            previous: Row | None = None
            for total in totals:
                position = rows.index(total)
                items = [r for r in rows[start:position] if r.kind != "total"]
                parts = ([previous] if previous else []) + items
                if parts:
                    if previous:
                        check = f"表{n} {total.label} = {previous.label}+其后各项"
                        what = f"表{n} {previous.label}及其后{len(items)}项之和"
                    else:
                        check = f"表{n} {total.label} = 此前各{side}项目之和"
                        what = f"表{n} 此前{len(items)}个{side}项目之和"
                    self.sum_rows(check, table, total, parts, what)
                previous, start = total, position + 1
            if previous:
                ends[side] = previous
        if "收入" in ends and "支出" in ends:
            income, spending = ends["收入"], ends["支出"]
            col = table.columns[0] if table.columns else None
            if col and col in income.cells and col in spending.cells:
                self.report(f"表{n} {income.label} = {spending.label}", income.cells[col], income.where(),
                            spending.cells[col], spending.where(), 1)

    def column_identities(self, table: Table) -> None:
        """Per table: in every row, the 合计 column = Σ its component columns (one finding unless a row fails)."""
        n = table.number
        for identity in load_template().identities.columns.get(n, ()):
            whole = identity.whole
            parts = tuple(p for p in identity.parts if p in table.columns)
            rows = [r for r in table.rows if whole in r.cells]
            if not parts or not rows:
                continue
            check = f"表{n} {whole}列 = {'+'.join(parts)}"
            bad = []
            for row in rows:
                total = sum((row.cells.get(p, ZERO) for p in parts), ZERO)
                if total != row.cells[whole]:
                    bad.append((row, total))
            if not bad:
                row = table.total() or rows[0]
                total = sum((row.cells.get(p, ZERO) for p in parts), ZERO)
                self.report(check, row.cells[whole], f"{row.where()}{whole}", total,
                            f"同行{'、'.join(parts)}之和", len(parts), note=f"（全部{len(rows)}行均一致）")
            for row, total in bad:
                self.report(f"{check}（{row.name}）", row.cells[whole], f"{row.where()}{whole}", total,
                            f"同行{'、'.join(parts)}之和", len(parts))

    # -- across tables -------------------------------------------------------------------------------
    def cell(self, number: int, column: str, label: str | None = None, side: str | None = None) -> tuple[Row, Decimal] | None:
        table = self.doc.table(number)
        if table is None:
            return None
        row = table.labelled(label, side) if label else table.total()
        if row is None or column not in row.cells:
            return None
        return row, row.cells[column]

    def where(self, number: int, row: Row, column: str) -> str:
        table = self.doc.tables[number]
        return row.where() + ("" if len(table.columns) == 1 else column)

    def short(self, number: int, row: Row, column: str) -> str:
        name = "合计" if row.kind == "total" and not row.side else row.label
        return f"表{number} {name}" if len(self.doc.tables[number].columns) == 1 else f"表{number} {name}行{column}列"

    def compare(self, a: tuple[int, str, str | None, str | None], b: tuple[int, str, str | None, str | None],
                minus: tuple[str, ...] = ()) -> None:
        """Table figure a = table figure b (b less the `minus` columns of its row, when they are not zero)."""
        first, second = self.cell(*a), self.cell(*b)
        if first is None or second is None:
            return
        (row_a, value_a), (row_b, value_b) = first, second
        subtracted = [c for c in minus if row_b.cells.get(c, ZERO) != 0]
        actual = value_b - sum((row_b.cells[c] for c in subtracted), ZERO)
        source_b = self.where(b[0], row_b, b[1]) + (f"减去{'、'.join(subtracted)}" if subtracted else "")
        check = f"{self.short(a[0], row_a, a[1])} = {self.short(b[0], row_b, b[1])}"
        self.report(check, value_a, self.where(a[0], row_a, a[1]), actual, source_b, 1 + len(subtracted))

    def sum_of_columns(self, a: tuple[int, str, str | None, str | None], number: int, columns: tuple[str, ...],
                       name: str) -> None:
        """Table figure a = Σ columns of table `number`'s 合计 row."""
        first = self.cell(*a)
        table = self.doc.table(number)
        total = table.total() if table else None
        if first is None or total is None or not all(c in total.cells for c in columns):
            return
        row_a, value_a = first
        actual = sum((total.cells[c] for c in columns), ZERO)
        self.report(f"{self.short(a[0], row_a, a[1])} = 表{number} {name}", value_a, self.where(a[0], row_a, a[1]), actual,
                    f"{total.where()}{'、'.join(columns)}之和", len(columns))

    def across(self) -> None:
        """The template's identities between tables (kg/data/template.json `identities.across`), in order."""
        template = load_template()
        for identity in template.identities.across:
            a, b = identity.a, identity.b
            if identity.check == "equal" and a and b:
                self.compare(a, b, minus=identity.minus)
            elif identity.check == "columns_of_total" and a and identity.table:
                self.sum_of_columns(a, identity.table, identity.columns, identity.name)
            elif identity.check == "when_no_other_income" and a and b and self._no_other_income(a):
                self.compare(a, b)
            elif identity.check == "fund_tables" and a:
                for spec in template.tables:
                    if spec.fund and spec.classification == "functional":
                        self.compare((a[0], a[1], spec.fund, a[3]), (spec.number, identity.column, None, None))
            elif identity.check == "classes" and a:
                self.classes(a, identity.sources)
            elif identity.check == "economic_classes" and a and b:
                self.economic_classes(a, b)

    def _no_other_income(self, a: CellRef) -> bool:
        """Table a lists no income besides its first row before its first total (all of it is that row's)."""
        table = self.doc.table(a[0])
        if table is None:
            return False
        income = [r for r in table.rows if r.side == a[3]]
        cut = next((k for k, r in enumerate(income) if r.kind == "total"), len(income))
        other = [r for r in income[1:cut] if r.kind != "total"]
        return all(r.cells.get(a[1], ZERO) == 0 for r in other)

    def classes(self, a: CellRef, sources: dict[int, str]) -> None:
        """表1/表4 spending by functional class (一般公共服务支出 …) = the class rows of `sources`."""
        number, budget, _, side = a
        table = self.doc.table(number)
        if table is None or not all(self.doc.table(n) for n in sources):
            return
        spending = [r for r in table.rows if r.side == side]
        cut = next((k for k, r in enumerate(spending) if r.kind == "total"), len(spending))
        items = [r for r in spending[:cut] if r.kind == "item" and budget in r.cells]
        names = "、".join(f"表{n}" for n in sources)
        check = f"表{number} 各类支出 = {names}同名类级科目"
        compared, bad = 0, []
        for item in items:
            matches = [(n, r) for n, column in sources.items() for r in self.doc.tables[n].rows
                       if r.code and len(r.code) == 3 and _plain(r.label) == _plain(item.label) and column in r.cells]
            if not matches:
                if item.cells[budget] == 0:
                    compared += 1  # nothing spent, nothing listed
                continue  # a class the spending tables do not list under this name: not compared
            total = sum((r.cells[sources[n]] for n, r in matches), ZERO)
            compared += 1
            if total != item.cells[budget]:
                bad.append((item, matches, total))
        if not compared:
            return
        if not bad:
            self.report(check, sum((r.cells[budget] for r in items), ZERO), f"表{number} 各支出功能分类之和",
                        sum((r.cells[c] for n, c in sources.items() for r in self.doc.tables[n].rows
                             if r.code and len(r.code) == 3 and c in r.cells), ZERO),
                        f"{names}类级科目之和", len(items), note=f"（逐类比较{compared}类均一致）")
        for item, matches, total in bad:
            where = "+".join(f"{r.where()}{sources[n]}" for n, r in matches)
            self.report(f"{check}（{item.label}）", item.cells[budget], item.where(), total, where, len(matches))

    def economic_classes(self, a: CellRef, b: CellRef) -> None:
        """Each 类 row of table a = the sum over b's units of their rows of that class (column b)."""
        (n6, budget, _, _), (n11, fund, _, _) = a, b
        table6, table11 = self.doc.table(n6), self.doc.table(n11)
        if table6 is None or table11 is None:
            return
        units = [r for r in table11.rows if r.kind == "unit"]
        for row in table6.rows:
            if not (row.code and len(row.code) == 3 and budget in row.cells):
                continue
            parts = [r for r in table11.rows if r.kind == "item" and _plain(r.label) == _plain(row.label)
                     and fund in r.cells]
            if not parts:
                continue
            total = sum((r.cells[fund] for r in parts), ZERO)
            label = parts[0].label
            self.report(f"表{n6} {row.name} = 表{n11} 各单位{label}之和", row.cells[budget], row.where(), total,
                        f"表{n11} {len(parts)}个单位的{label}行之和（{fund}列）", len(parts),
                        note="" if len(units) <= 1 else f"（{len(units)}个单位）")

    # -- 第三部分 against the tables -----------------------------------------------------------------
    def figure_vs(self, figure: Figure, value: Decimal, source: str, check: str) -> None:
        expected = figure.wanyuan
        if expected is None:
            return
        tolerance = max(CENT, figure.half_unit)
        self.report(check, expected, figure.where(), value, source, 1, tolerance=tolerance)

    def explanation(self) -> None:
        figures = [f for f in self.doc.figures if f.wanyuan is not None]
        first: dict[str, Figure] = {}
        for f in figures:
            first.setdefault(_norm(f.label), f)
        identities = load_template().identities
        # 收入预算 / 支出预算 against 表1 (本年…合计, or …总计 when that is the one it matches).
        for stated in identities.stated_totals:
            figure, table = first.get(_norm(stated.figure)), self.doc.table(stated.table)
            if figure is None or table is None:
                continue
            rows = [r for r in table.rows if r.side == stated.side and r.kind == "total" and stated.column in r.cells]
            if not rows:
                continue
            row = next((r for r in rows if r.cells[stated.column] == figure.wanyuan), rows[0])
            self.figure_vs(figure, row.cells[stated.column], row.where(),
                           f"第三部分 {stated.figure} = 表{stated.table} {row.label}")
        # “三公”经费 and its items, 机关运行经费 against 表8 (合计 column).
        named = identities.figure_rows
        table = self.doc.table(named.table)
        if table is not None:
            for row in table.rows:
                figure = first.get(_norm(named.aliases.get(row.label, row.label)))
                if figure is None or named.column not in row.cells:
                    continue
                self.figure_vs(figure, row.cells[named.column], f"{row.where()}{named.column}",
                               f"第三部分 {figure.label} = 表{named.table} {row.label}")
        # Figures that are exactly the sum of the figures stated under them.
        for parent in figures:
            if not any(word in parent.label for word in identities.summed_figures):
                continue
            parts = [f for f in figures if f.parent == parent.index]
            if not parts:
                continue
            actual = sum((f.wanyuan for f in parts), ZERO)
            tolerance = max(CENT * len(parts), parent.half_unit + sum((f.half_unit for f in parts), ZERO))
            self.report(f"第三部分 {parent.label} = 所列分项之和", parent.wanyuan, parent.where(), actual,
                        f"第三部分{'、'.join(f.label for f in parts)}之和", len(parts), tolerance=tolerance)
        # The stated change against last year: the implied last-year figure and the stated rate.
        for f in figures:
            if f.change is None:
                continue
            last = f.value - f.change
            word = "增加" if f.change >= 0 else "减少"
            self.info(f"第三部分 {f.label} 推算上年数", f.value, f.where(), last, f"{f.where()}所述比上年{word}数推算",
                      -f.change, f"{f.where()}为{_fmt(f.value)}{f.unit}，比上年{word}{_fmt(abs(f.change))}{f.unit}，"
                      f"据此推算上年为{_fmt(last)}{f.unit}（仅供参考，不作核对）。")
            if f.rate is None:
                continue
            if last == 0:
                if f.change == 0 and f.rate == 0:
                    self.info(f"第三部分 {f.label} 增减率", f.rate, f"{f.where()}所述增减率（%）", ZERO,
                              "上年与本年均为0", ZERO,
                              f"{f.where()}所述增减率为0%，上年与本年数均为0，无增减，一致。")
                continue
            exact = f.change / last * 100
            rate = exact.quantize(Decimal("0.01"))
            exponent = f.rate.as_tuple().exponent
            step = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
            half = step / 2
            difference = rate - f.rate
            status = _status(ZERO if abs(exact - f.rate) <= half else difference, step)
            check = self.claim(f"第三部分 {f.label} 增减率")
            text = (f"{f.where()}所述增减率为{_pct(f.rate)}%，按比上年{word}{_fmt(abs(f.change))}{f.unit}、"
                    f"上年{_fmt(last)}{f.unit}计算为{_pct(rate)}%")
            if status == "ok":
                text += "，在四舍五入范围内一致。"
            elif status == "rounding":
                text += f"，相差{_pct(difference)}个百分点，略超四舍五入范围（±{_pct(half)}），属尾差。"
            else:
                text += f"，相差{_pct(difference)}个百分点，是真实的不一致。"
            self.findings.append(Finding(self.doc.title, check, status, f.rate, f"{f.where()}所述增减率（%）", rate,
                                         "按所述增减额与推算上年数计算的增减率（%）", difference, 2, text))

    def run(self) -> list[Finding]:
        self.tables()
        self.across()
        self.explanation()
        return self.findings


def _plain(label: str) -> str:
    """A class name without spaces and the words that vary between tables (工资和福利支出 ~ 工资福利支出)."""
    return re.sub(r"[\s和的]", "", label)


def _norm(label: str) -> str:
    """A figure or row name without quotes, spaces and the 费/支出/费用 endings that vary between parts."""
    text = re.sub(r"[\s“”\"'‘’「」]", "", label)
    changed = True
    while changed:
        changed = False
        for suffix in ("支出", "费用", "经费", "费"):
            if text.endswith(suffix) and len(text) > len(suffix) + 1:
                text = text[: -len(suffix)]
                changed = True
    return text


# -- public API --------------------------------------------------------------------------------------


def audit(store: OxigraphStore) -> list[Finding]:
    """Every check on every document in the store (ok ones too), documents in title order."""
    findings: list[Finding] = []
    for doc in read_documents(store):
        findings.extend(_Auditor(doc).run())
    return findings


def problems(findings: list[Finding]) -> list[Finding]:
    """The findings that are not ok: rounding differences and gaps."""
    return [f for f in findings if f.status != "ok"]


def render(findings: list[Finding]) -> str:
    """A readable Chinese report: per document, the problems (gaps first), then how many checks passed."""
    lines: list[str] = []
    documents: dict[str, list[Finding]] = {}
    for f in findings:
        documents.setdefault(f.document, []).append(f)
    if not documents:
        return "没有可核对的文档。"
    for title, found in documents.items():
        bad = sorted(problems(found), key=lambda f: (f.status != "gap", -abs(f.difference)))
        gaps = sum(f.status == "gap" for f in bad)
        lines.append(f"【{title}】算术核对")
        if bad:
            lines.append(f"发现{len(bad)}处不一致（缺口{gaps}处，尾差{len(bad) - gaps}处）：")
            for k, f in enumerate(bad, 1):
                lines.append(f"  {k}. [{STATUS_NAMES[f.status]}] {f.check}：{f.message}")
        else:
            lines.append("未发现不一致。")
        lines.append(f"其余{len(found) - len(bad)}项核对通过（共核对{len(found)}项）。")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
