"""The twelve tables of 第二部分 from the budget model, consistent in integer cents: every parent row
is the sum of its children and the totals agree across tables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tools.synth.data import (
    COLUMNS,
    ECONOMIC,
    FUNCTIONAL,
    GOODS_ITEMS,
    RUNNING_ITEMS,
    STANDARD,
    T1_CLASSES,
    T4_CLASSES,
    TITLES,
    UNIT_CLASS_NAMES,
    WORKS_ITEMS,
)
from tools.synth.model import Model
from tools.synth.text import cn, dec
from tools.synth.truth import TruthRow, TruthTable


@dataclass(frozen=True)
class Facts:
    """The tables' figures that 第三部分 states again (cents)."""

    total: int
    three: int  # “三公”经费
    abroad: int
    car_buy: int
    car_run: int
    reception: int
    running: int  # 机关运行经费
    goods: int  # 货物类 purchases (表7)
    works: int  # 工程类 purchases (表7)
    services: int  # services that may be procured (表7)


@dataclass(frozen=True)
class _Sums:
    """The model's totals, and its amounts by functional 项 and by economic 款."""

    functional: dict[str, list[int]]
    basic: dict[str, int]  # 表6: 基本支出 by economic 款
    spent: dict[str, int]  # 表7: 项目支出 by economic 款
    general_basic: int
    general_projects: int
    fund_projects: int
    other_basic: int

    @property
    def general(self) -> int:
        return self.general_basic + self.general_projects

    @property
    def funded(self) -> int:  # 财政拨款
        return self.general + self.fund_projects

    @property
    def total(self) -> int:
        return self.funded + self.other_basic


def _functional(model: Model) -> dict[str, list[int]]:
    """Functional 项 → [一般公共 基本, 一般公共 项目, 基金 基本, 基金 项目, 其他资金 基本] (cents)."""
    amounts: dict[str, list[int]] = {}

    def add(code: str, column: int, cents: int) -> None:
        if cents:
            amounts.setdefault(code, [0, 0, 0, 0, 0])[column] += cents

    for unit in model.units:
        b = unit.basic
        add("2080505", 0, b.get("30108", 0))
        add("2080506", 0, b.get("30109", 0))
        add("2101101" if unit.admin else "2101102", 0, b.get("30110", 0))
        add("2101103", 0, b.get("30111", 0))
        add("2210201", 0, b.get("30113", 0))
        add("2080501" if unit.admin else "2080502", 0, sum(v for k, v in b.items() if k.startswith("303")))
        rest = sum(v for k, v in b.items() if k not in ("30108", "30109", "30110", "30111", "30113")
                   and not k.startswith("303"))
        add(unit.run, 0, rest)
        add(unit.run, 4, sum(unit.other.values()))
    for p in model.projects:
        add(p.code, 1 if p.fund == "一般公共预算" else 3, p.amount)
    return amounts


def _tree(codes: dict[str, list[int]], pick: Callable[[list[int]], list[int]]) -> list[tuple[str, list[int]]]:
    """Rows 类 → 款 → 项 in code order, each parent the sum of its children; `pick` maps a 项's amounts to columns."""
    leaves = {code: pick(v) for code, v in codes.items() if any(pick(v))}
    rows: dict[str, list[int]] = {}
    for code, values in leaves.items():
        for key in (code[:3], code[:5], code):
            acc = rows.setdefault(key, [0] * len(values))
            for k, v in enumerate(values):
                acc[k] += v
    return sorted(rows.items())


def _row(label: str, cents: list[int] | tuple[int, ...], **kw) -> TruthRow:
    return TruthRow(label, tuple(dec(c) for c in cents), **kw)


def _sums(model: Model) -> _Sums:
    basic: dict[str, int] = {}
    for unit in model.units:
        for code, cents in unit.basic.items():
            basic[code] = basic.get(code, 0) + cents
    spent: dict[str, int] = {}
    for p in model.projects:
        for code, cents in p.economic:
            spent[code] = spent.get(code, 0) + cents
    return _Sums(
        functional=_functional(model), basic=basic, spent=spent,
        general_basic=sum(sum(u.basic.values()) for u in model.units),
        general_projects=sum(p.amount for p in model.projects if p.fund == "一般公共预算"),
        fund_projects=sum(p.amount for p in model.projects if p.fund == "政府性基金预算"),
        other_basic=sum(sum(u.other.values()) for u in model.units))


def _by_class(codes: dict[str, list[int]], columns: int) -> dict[str, int]:
    """Spending by functional 类 name, over the first `columns` columns of `_functional`."""
    out: dict[str, int] = {}
    for code, v in codes.items():
        name = FUNCTIONAL[code[:3]]
        out[name] = out.get(name, 0) + sum(v[:columns])
    return out


def _two_sided(classes: tuple[str, ...], spending: dict[str, int], income: list[tuple[str, int]]) -> list[TruthRow]:
    """表1/表4's paired rows: 一、… income beside 一、… spending by class."""
    rows: list[TruthRow] = []
    for k, name in enumerate(classes):
        if k < len(income):
            rows.append(_row(income[k][0], [income[k][1]], side="收入", ordinal=f"{cn(k + 1)}、"))
        rows.append(_row(name, [spending.get(name, 0)], side="支出", ordinal=f"{cn(k + 1)}、"))
    return rows


def _table1(s: _Sums) -> TruthTable:
    rows = _two_sided(T1_CLASSES, _by_class(s.functional, 5),
                      [("预算拨款", s.funded), ("财政专户拨款", 0), ("其他资金", s.other_basic)])
    rows += [_row("本年收入合计", [s.total], side="收入", kind="total"),
             _row("本年支出合计", [s.total], side="支出", kind="total")]
    for k, (a, b) in enumerate((("上级补助收入", "对附属单位补助支出"), ("附属单位上缴收入", "上缴上级支出"),
                                ("用事业基金弥补收支差额", "结转下年"))):
        rows.append(_row(a, [0], side="收入", ordinal=f"{cn(k + 4)}、"))
        rows.append(_row(b, [0], side="支出", ordinal=f"{cn(k + 24)}、"))
    rows += [_row("收入总计", [s.total], side="收入", kind="total"), _row("支出总计", [s.total], side="支出", kind="total")]
    return TruthTable(1, TITLES[1], COLUMNS[1], tuple(rows), "".join(STANDARD["note_t1"])[2:])


def _classified(number: int, s: _Sums, total: list[int], pick: Callable[[list[int]], list[int]],
                columns: Callable[[list[int]], list[int]], note: str = "无。") -> TruthTable:
    """A table of functional classes 类 → 款 → 项 under its 合计 row."""
    rows = [_row("合计", total, kind="total")]
    rows += [_row(FUNCTIONAL[code], columns(v), code=code) for code, v in _tree(s.functional, pick)]
    return TruthTable(number, TITLES[number], COLUMNS[number], tuple(rows), note)


def _income_columns(g: int, f: int, o: int) -> list[int]:
    return [g + f + o, g, f, 0, 0, 0, o, 0, 0, 0, 0, 0]


def _table4(s: _Sums) -> TruthTable:
    rows = _two_sided(T4_CLASSES, _by_class(s.functional, 4),
                      [("一般公共预算", s.general), ("政府性基金预算", s.fund_projects), ("国有资本经营预算", 0)])
    rows += [_row("本年收入合计", [s.funded], side="收入", kind="total"),
             _row("本年支出合计", [s.funded], side="支出", kind="total"),
             _row("结转下年", [0], side="支出", ordinal="二十四、"),
             _row("收入总计", [s.funded], side="收入", kind="total"),
             _row("支出总计", [s.funded], side="支出", kind="total")]
    return TruthTable(4, TITLES[4], COLUMNS[4], tuple(rows), STANDARD["note_t4"][2:])


def _economic_table(number: int, amounts: dict[str, int], total: int) -> TruthTable:
    rows = [_row("合计", [total], kind="total")]
    for cls in sorted({code[:3] for code, cents in amounts.items() if cents}):
        items = [(code, cents) for code, cents in sorted(amounts.items()) if code.startswith(cls) and cents]
        rows.append(_row(ECONOMIC[cls], [sum(c for _, c in items)], code=cls))
        rows += [_row(ECONOMIC[code], [cents], code=code) for code, cents in items]
    return TruthTable(number, TITLES[number], COLUMNS[number], tuple(rows), "无。")


def _facts(model: Model, s: _Sums) -> Facts:
    abroad, reception = s.basic.get("30212", 0), s.basic.get("30217", 0)
    car_buy, car_run = s.spent.get("31013", 0), s.basic.get("30231", 0)
    running = sum(sum(v for k, v in u.basic.items() if k in RUNNING_ITEMS) for u in model.units if u.admin)
    return Facts(total=s.total, three=abroad + car_buy + car_run + reception, abroad=abroad, car_buy=car_buy,
                 car_run=car_run, reception=reception, running=running,
                 goods=sum(s.spent.get(c, 0) for c in GOODS_ITEMS), works=sum(s.spent.get(c, 0) for c in WORKS_ITEMS),
                 services=s.spent.get("30227", 0) + s.spent.get("30209", 0))


def _table8(f: Facts) -> TruthTable:
    car = f.car_buy + f.car_run
    rows = [
        _row("行政经费", [f.running, f.running, 0, 0]),
        _row("“三公”经费", [f.three, f.three, 0, 0]),
        _row("因公出国（境）支出", [f.abroad, f.abroad, 0, 0], ordinal="（一）"),
        _row("公务用车购置及运行维护支出", [car, car, 0, 0], ordinal="（二）"),
        _row("公务用车购置费", [f.car_buy, f.car_buy, 0, 0], ordinal="1."),
        _row("公务用车运行维护费", [f.car_run, f.car_run, 0, 0], ordinal="2."),
        _row("公务接待费支出", [f.reception, f.reception, 0, 0], ordinal="（三）"),
    ]
    return TruthTable(8, TITLES[8], COLUMNS[8], tuple(rows), "无。")


def _table11(model: Model, s: _Sums) -> TruthTable:
    def columns(g: int, o: int) -> list[int]:
        return [g + o, g, g, 0, 0, 0, o]

    rows = [_row("合计", columns(s.general_basic, s.other_basic), kind="total")]
    for unit in model.units:
        rows.append(_row(unit.name, columns(sum(unit.basic.values()), sum(unit.other.values())), kind="unit",
                         unit=unit.name))
        for cls in ("301", "302", "303"):
            g = sum(v for k, v in unit.basic.items() if k.startswith(cls))
            o = sum(v for k, v in unit.other.items() if k.startswith(cls))
            if g or o:
                rows.append(_row(UNIT_CLASS_NAMES[cls], columns(g, o), unit=unit.name))
    return TruthTable(11, TITLES[11], COLUMNS[11], tuple(rows), "无。")


def _table12(model: Model, s: _Sums) -> TruthTable:
    def columns(general_part: int, fund_part: int) -> list[int]:
        return [general_part + fund_part, general_part + fund_part, general_part, fund_part, 0, 0, 0]

    rows = [_row("合计", columns(s.general_projects, s.fund_projects), kind="total")]
    for unit in model.units:
        mine = [p for p in model.projects if p.unit == unit.name]
        if not mine:
            continue
        g = sum(p.amount for p in mine if p.fund == "一般公共预算")
        rows.append(_row(unit.name, columns(g, sum(p.amount for p in mine) - g), kind="unit", unit=unit.name))
        for p in mine:
            general_part = p.amount if p.fund == "一般公共预算" else 0
            rows.append(_row(p.name, columns(general_part, p.amount - general_part), kind="project", unit=unit.name))
    return TruthTable(12, TITLES[12], COLUMNS[12], tuple(rows), "无。")


def build_tables(model: Model) -> tuple[list[TruthTable], Facts]:
    """表1 … 表12 in order, and the figures 第三部分 repeats."""
    s = _sums(model)
    facts = _facts(model, s)
    fund = s.fund_projects
    tables = [
        _table1(s),
        _classified(2, s, _income_columns(s.general, fund, s.other_basic),
                    lambda v: [v[0] + v[1], v[2] + v[3], v[4]], lambda v: _income_columns(*v)),
        _classified(3, s, [s.total, s.general_basic + s.other_basic, s.general_projects + fund, 0, 0, 0, 0],
                    lambda v: [v[0] + v[2] + v[4], v[1] + v[3]], lambda v: [v[0] + v[1], v[0], v[1], 0, 0, 0, 0]),
        _table4(s),
        _classified(5, s, [s.general, s.general_basic, s.general_projects],
                    lambda v: [v[0], v[1]], lambda v: [v[0] + v[1], v[0], v[1]]),
        _economic_table(6, s.basic, s.general_basic),
        _economic_table(7, s.spent, s.general_projects),
        _table8(facts),
        _classified(9, s, [fund, 0, fund], lambda v: [v[2], v[3]], lambda v: [v[0] + v[1], v[0], v[1]],
                    "无。" if fund else "本表本年无发生额。"),
        TruthTable(10, TITLES[10], COLUMNS[10], (_row("合计", [0, 0, 0], kind="total"),), "本表本年无发生额。"),
        _table11(model, s),
        _table12(model, s),
    ]
    return tables, facts
