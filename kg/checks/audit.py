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

    # 合计-type columns equal the sum of the columns they add up, in every row.
    COLUMN_IDENTITIES: dict[int, list[tuple[str, tuple[str, ...]]]] = {
        2: [("合计", ("一般公共预算", "政府性基金预算", "国有资本经营预算", "教育收费", "其他专户收入拨款", "事业收入",
                    "经营收入", "其他收入", "上级补助收入", "附属单位上缴收入", "用事业基金弥补收支差额"))],
        3: [("合计", ("基本支出", "项目支出", "事业单位经营支出", "对附属单位补助支出", "上缴上级支出", "结转下年"))],
        5: [("小计", ("基本支出", "项目支出"))],
        8: [("合计", ("一般公共预算", "政府性基金预算", "国有资本经营预算"))],
        9: [("小计", ("基本支出", "项目支出"))],
        10: [("小计", ("基本支出", "项目支出"))],
        11: [("财政拨款合计", ("一般公共预算", "政府性基金预算", "国有资本经营预算")),
             ("总计", ("财政拨款合计", "财政专户拨款", "其他资金"))],
        12: [("财政拨款合计", ("一般公共预算", "政府性基金预算", "国有资本经营预算")),
             ("总计", ("财政拨款合计", "财政专户拨款", "其他资金"))],
    }

    def column_identities(self, table: Table) -> None:
        """Per table: in every row, the 合计 column = Σ its component columns (one finding unless a row fails)."""
        n = table.number
        for whole, parts in self.COLUMN_IDENTITIES.get(n, []):
            parts = tuple(p for p in parts if p in table.columns)
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
        budget = "预算"
        # 表1 本年收入合计 = 表2 合计 (less 上级补助 … which 表1 lists after 本年收入合计); likewise 表3 for spending.
        self.compare((1, budget, "本年收入合计", "收入"), (2, "合计", None, None),
                     minus=("上级补助收入", "附属单位上缴收入", "用事业基金弥补收支差额"))
        self.compare((1, budget, "本年支出合计", "支出"), (3, "合计", None, None),
                     minus=("对附属单位补助支出", "上缴上级支出", "结转下年"))
        self.compare((1, budget, "收入总计", "收入"), (2, "合计", None, None))
        # 表4 is 财政拨款 only: its 本年收入合计 is 表2's 财政拨款 columns, and 表1's total when 表1 has no other income.
        self.sum_of_columns((4, budget, "本年收入合计", "收入"), 2, ("一般公共预算", "政府性基金预算", "国有资本经营预算"),
                            "合计行财政拨款收入")
        table1 = self.doc.table(1)
        if table1 is not None:
            income = [r for r in table1.rows if r.side == "收入"]
            cut = next((k for k, r in enumerate(income) if r.kind == "total"), len(income))
            other = [r for r in income[1:cut] if r.kind != "total"]
            if all(r.cells.get(budget, ZERO) == 0 for r in other):
                self.compare((1, budget, "本年收入合计", "收入"), (4, budget, "本年收入合计", "收入"))
        # 表4 income by fund = the fund's spending table (表5 / 表9 / 表10).
        for fund, number in (("一般公共预算", 5), ("政府性基金预算", 9), ("国有资本经营预算", 10)):
            self.compare((4, budget, fund, "收入"), (number, "小计", None, None))
        # 基本支出: 表3 (all funds) = 表11 总计; 表6 (一般公共预算) = 表5 基本支出 = 表11 一般公共预算.
        self.compare((3, "基本支出", None, None), (11, "总计", None, None))
        self.compare((6, budget, None, None), (5, "基本支出", None, None))
        self.compare((6, budget, None, None), (11, "一般公共预算", None, None))
        # 项目支出: 表3 (all funds) = 表12 总计; 表7 (一般公共预算) = 表12 一般公共预算 = 表5 项目支出.
        self.compare((3, "项目支出", None, None), (12, "总计", None, None))
        self.compare((7, budget, None, None), (12, "一般公共预算", None, None))
        self.compare((7, budget, None, None), (5, "项目支出", None, None))
        # Each functional class (类) of 表1 / 表4 = the same class in the spending tables.
        self.classes(1, {3: "合计"})
        self.classes(4, {5: "小计", 9: "小计", 10: "小计"})
        # 表11's rows per economic class, over all units = 表6's class row (一般公共预算 column).
        self.economic_classes()

    def classes(self, number: int, sources: dict[int, str]) -> None:
        """表1/表4 spending by functional class (一般公共服务支出 …) = the class rows of `sources`."""
        table = self.doc.table(number)
        if table is None or not all(self.doc.table(n) for n in sources):
            return
        spending = [r for r in table.rows if r.side == "支出"]
        cut = next((k for k, r in enumerate(spending) if r.kind == "total"), len(spending))
        items = [r for r in spending[:cut] if r.kind == "item" and "预算" in r.cells]
        names = "、".join(f"表{n}" for n in sources)
        check = f"表{number} 各类支出 = {names}同名类级科目"
        compared, bad = 0, []
        for item in items:
            matches = [(n, r) for n, column in sources.items() for r in self.doc.tables[n].rows
                       if r.code and len(r.code) == 3 and _plain(r.label) == _plain(item.label) and column in r.cells]
            if not matches:
                if item.cells["预算"] == 0:
                    compared += 1  # nothing spent, nothing listed
                continue  # a class the spending tables do not list under this name: not compared
            total = sum((r.cells[sources[n]] for n, r in matches), ZERO)
            compared += 1
            if total != item.cells["预算"]:
                bad.append((item, matches, total))
        if not compared:
            return
        if not bad:
            self.report(check, sum((r.cells["预算"] for r in items), ZERO), f"表{number} 各支出功能分类之和",
                        sum((r.cells[c] for n, c in sources.items() for r in self.doc.tables[n].rows
                             if r.code and len(r.code) == 3 and c in r.cells), ZERO),
                        f"{names}类级科目之和", len(items), note=f"（逐类比较{compared}类均一致）")
        for item, matches, total in bad:
            where = "+".join(f"{r.where()}{sources[n]}" for n, r in matches)
            self.report(f"{check}（{item.label}）", item.cells["预算"], item.where(), total, where, len(matches))

    def economic_classes(self) -> None:
        table6, table11 = self.doc.table(6), self.doc.table(11)
        if table6 is None or table11 is None:
            return
        units = [r for r in table11.rows if r.kind == "unit"]
        for row in table6.rows:
            if not (row.code and len(row.code) == 3 and "预算" in row.cells):
                continue
            parts = [r for r in table11.rows if r.kind == "item" and _plain(r.label) == _plain(row.label)
                     and "一般公共预算" in r.cells]
            if not parts:
                continue
            total = sum((r.cells["一般公共预算"] for r in parts), ZERO)
            label = parts[0].label
            self.report(f"表6 {row.name} = 表11 各单位{label}之和", row.cells["预算"], row.where(), total,
                        f"表11 {len(parts)}个单位的{label}行之和（一般公共预算列）", len(parts),
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
        # 收入预算 / 支出预算 against 表1 (本年…合计, or …总计 when that is the one it matches).
        table1 = self.doc.table(1)
        for label, side in (("收入预算", "收入"), ("支出预算", "支出")):
            figure = first.get(_norm(label))
            if figure is None or table1 is None:
                continue
            rows = [r for r in table1.rows if r.side == side and r.kind == "total" and "预算" in r.cells]
            if not rows:
                continue
            row = next((r for r in rows if r.cells["预算"] == figure.wanyuan), rows[0])
            self.figure_vs(figure, row.cells["预算"], row.where(), f"第三部分 {label} = 表1 {row.label}")
        # “三公”经费 and its items, 机关运行经费 against 表8 (合计 column).
        table8 = self.doc.table(8)
        if table8 is not None:
            for row in table8.rows:
                key = _norm(ALIASES.get(row.label, row.label))
                figure = first.get(key)
                if figure is None or "合计" not in row.cells:
                    continue
                self.figure_vs(figure, row.cells["合计"], f"{row.where()}合计",
                               f"第三部分 {figure.label} = 表8 {row.label}")
        # Figures that are exactly the sum of the figures stated under them.
        for parent in figures:
            if not any(word in parent.label for word in SUMMED_FIGURES):
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


# 表8 row → how 第三部分 names it
ALIASES = {"行政经费": "机关运行经费"}
# stated figures that equal the sum of the figures listed under them (其中 …)
SUMMED_FIGURES = ("三公", "政府采购", "公务用车购置及运行维护")


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
