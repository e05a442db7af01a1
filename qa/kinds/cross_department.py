"""cross_department: several loaded departments asked together, answered as one result — which
department's figure is largest or smallest, the sum over the departments, the difference of two,
or each one's figure. Each department's figure is read from its document of one year: the year
the question names, else the latest year every department has (never a mix of years)."""

from __future__ import annotations

import copy
import re
from decimal import ROUND_HALF_UP, Decimal

from qa.answer import Answer, fmt
from qa.execute import NotAnswerable
from qa.frame import Frame
from qa.kinds.base import SHARE_SAID, Context, Reading, Slot, cue_data, pattern
from qa.kinds.cross_year import figure_in
from qa.lexicon import Document

NAME = "cross_department"


def _named(ctx: Context) -> list[str]:
    """Departments the question names, in the order named. A name several departments share
    (统计局, with the statistics bureaus of many districts loaded) names none of them: which one
    is asked is not said, and no comparison of them all was asked."""
    out: list[str] = []
    for m in ctx.frame.mentions:
        named = {next((ctx.lexicon.documents[d].department for d in e.docs if d in ctx.lexicon.documents), None) for e in m.of("department")} - {None}
        if len(named) == 1 and (department := named.pop()) not in out:
            out.append(department)
    return out


def _operation(text: str) -> tuple[str, str] | None:
    for name, alternatives in cue_data(NAME)["operations"].items():
        match = re.search("|".join(alternatives), text)
        if match:
            return name, match.group(0)
    return None


def _documents(ctx: Context, departments: list[str]) -> tuple[list[Document], str | None]:
    """One document per department: of the year the question names, else of the latest year
    all of them have; (documents, what is missing)."""
    docs = ctx.lexicon.documents
    scope = [docs[d] for d in ctx.frame.docs if d in docs]
    years = [{d.year for d in scope if d.department == dep} for dep in departments]
    common = set.intersection(*years) if years else set()
    if not common:
        return [], "这些部门没有同一年度的文件，无法放在一起比较"
    year = ctx.frame.year if ctx.frame.year in common else max(common)
    return [next(d for d in scope if d.department == dep and d.year == year) for dep in departments], None


class CrossDepartment:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        loaded = {d.department for d in ctx.lexicon.documents.values()}
        if len(loaded) < 2:
            return None
        text = ctx.frame.text
        named = _named(ctx)
        collective = pattern(NAME, "collective").search(text)
        if len(named) < 2 and not collective:
            return None
        found = _operation(text)
        if found is None:
            return None
        departments = named if len(named) >= 2 else sorted(loaded, key=lambda d: _department_name(ctx, d))
        docs, missing = _documents(ctx, departments)
        stated = re.search(cue_data(NAME)["stated_count"], text)
        if stated and int(stated.group(1)) != len(departments) and not missing:
            missing = f"问题说{stated.group(1)}个部门，已载入（或问题点名）的是{len(departments)}个"
        if found[0] == "diff" and len(departments) != 2 and not missing:
            missing = "相差只能在两个部门之间计算，请点名两个部门"
        span = (0, len(text))
        slots = [Slot("documents", docs, span), Slot("operation", found[0], span)]
        explained = found[1] + (collective.group(0) if collective else "")
        return Reading(NAME, 0.9, slots, missing=missing, explained=explained)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        docs: list[Document] = reading.slot("documents")
        op = reading.slot("operation")
        share = SHARE_SAID.search(ctx.frame.text) is not None
        asked = Context(_without_departments(ctx.frame), ctx.lexicon)
        figures = []
        for doc in docs:
            value, unit, answer = figure_in(asked, executor, doc, share)
            if unit == "%":  # a share is compared as printed, to 2 decimals
                value = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            figures.append((doc, value, unit, answer))
        units = {unit for _, _, unit, _ in figures}
        if len(units) != 1:
            raise NotAnswerable("各部门的这一项单位不同，无法放在一起计算")
        unit = units.pop()
        sources = [s for _, _, _, a in figures for s in a.sources]
        what = "所占比重" if share else re.sub(r"[（(].*?[）)]|。$", "", figures[0][3].answer).split("为")[0].split("：")[-1]
        listing = "；".join(f"{_title(d)}{fmt(v, unit)}{unit}" for d, v, _, _ in figures)
        if op in ("max", "min"):
            pick = max if op == "max" else min
            top = pick(figures, key=lambda f: f[1])
            ties = [f for f in figures if f[1] == top[1]]
            if len(ties) > 1:
                text = f"{what}：{listing}；{'、'.join(_title(d) for d, *_ in ties)}相同，都是{fmt(top[1], unit)}{unit}。"
                return executor.answer(ctx.frame, text, top[1], unit, items=[_title(d) for d, *_ in ties], sources=sources)
            word = "最多" if op == "max" else "最少"
            text = f"{what}{word}的是{_title(top[0])}，{fmt(top[1], unit)}{unit}（{listing}）。"
            return executor.answer(ctx.frame, text, top[1], unit, items=[_title(top[0])], sources=sources)
        if op == "sum":
            total = sum((v for _, v, _, _ in figures), Decimal(0))
            arithmetic = " + ".join(fmt(v, unit) for _, v, _, _ in figures)
            text = f"{what}：{listing}；{len(figures)}个部门合计{fmt(total, unit)}{unit}（{arithmetic} = {fmt(total, unit)}）。"
            return executor.answer(ctx.frame, text, total, unit, sources=sources)
        if op == "diff":
            (a, va, _, _), (b, vb, _, _) = figures
            diff = abs(va - vb)
            more, less = (a, b) if va >= vb else (b, a)
            text = f"{what}：{listing}；{_title(more)}比{_title(less)}多{fmt(diff, unit)}{unit}（{fmt(max(va, vb), unit)} − {fmt(min(va, vb), unit)} = {fmt(diff, unit)}）。"
            return executor.answer(ctx.frame, text, diff, unit, sources=sources)
        text = f"{what}：{listing}。"
        return executor.answer(ctx.frame, text, None, None, items=[_title(d) for d, *_ in figures], sources=sources)


def _without_departments(frame: Frame) -> Frame:
    """The question with the departments taken out: they choose the documents; a measure bound
    to one (「民政局的基本支出」) is what is asked of each."""
    one = copy.copy(frame)
    departments = [m for m in frame.mentions if m.of("department") and not m.of("budget_unit")]
    one.mentions = [m for m in frame.mentions if m not in departments]
    one.measures = list(dict.fromkeys([*frame.measures, *(m.measure for m in departments if m.measure)]))
    return one


def _title(doc: Document) -> str:
    return f"{doc.name}{doc.year}年"


def _department_name(ctx: Context, department: str) -> str:
    return next(d.name for d in ctx.lexicon.documents.values() if d.department == department)
