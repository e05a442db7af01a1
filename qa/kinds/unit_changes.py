"""unit_changes: which budget units' figure rose (or fell) between the two loaded years of one
department (「三个预算单位里，哪个单位的基本支出2025年比2024年是增加的」): each unit's basic, project or
whole expenditure (表11/表12) in both years, and the units that moved the way asked, each with both
figures. A unit listed in one year only is named apart, never compared."""

from __future__ import annotations

from decimal import Decimal

from qa.answer import Answer, fmt
from qa.kinds.base import Context, Reading, Slot, pattern
from qa.kinds.cross_year import spanned_years
from qa.kinds.unit_scope import all_unit_rows, asked_column, unit_value

NAME = "unit_changes"
WHAT = {"basic": "基本支出", "project": "项目支出", "whole": "预算（基本支出与项目支出合计）"}


class UnitChanges:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        text = ctx.frame.text
        asked = pattern(NAME, "units_asked").search(text)
        if asked is None or pattern(NAME, "both_ways").search(text) or ctx.frame.cues & {"max", "min"} or ctx.frame.rank:
            return None  # 「哪个单位增加最多」: a ranking of the changes (cross_year)
        up, down = pattern(NAME, "up").search(text), pattern(NAME, "down").search(text)
        if bool(up) == bool(down):
            return None
        years, missing = spanned_years(ctx)
        column = asked_column(ctx, None, False)
        if len(years) != 2 or missing or column not in WHAT:
            return None
        span = asked.span()
        slots = [Slot("years", years, span), Slot("up", bool(up), span), Slot("column", column, span)]
        return Reading(NAME, 0.97, slots, explained=asked.group(0) + (up or down).group(0))  # units named beat the department's sum across years (0.9)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        earlier, later = reading.slot("years")
        column, up = reading.slot("column"), reading.slot("up")
        figures = [{row.label: unit_value(executor, doc.iri, row, column, None) for row in all_unit_rows(executor, doc.iri)} for doc in (earlier, later)]
        before, after = figures
        both = [label for label in after if label in before]
        moved = [label for label in both if (after[label][0] > before[label][0] if up else after[label][0] < before[label][0])]
        word, what = ("增加" if up else "减少"), WHAT[column]
        listing = "；".join(f"{label}：{earlier.year}年{fmt(before[label][0])}万元，{later.year}年{fmt(after[label][0])}万元，"
                           f"{word}{fmt(abs(after[label][0] - before[label][0]))}万元" for label in moved)
        text = (f"{later.year}年比{earlier.year}年{what}{word}的单位共{len(moved)}个：{listing}。" if moved
                else f"{later.year}年比{earlier.year}年，没有哪个单位的{what}{word}（比较了{len(both)}个单位）。")
        alone = [label for label in [*before, *after] if label not in both]
        if alone:
            text += f"只在一个年度列出的单位未作比较：{'、'.join(dict.fromkeys(alone))}。"
        facts = [f for label in moved for f in (*before[label][1], *after[label][1])]
        value = Decimal(len(moved)) if "count" in ctx.frame.cues else None
        return executor.answer(ctx.frame, text, value, "个" if value is not None else None, items=moved, facts=facts)
