"""row_column: one column of a class row asked as what it takes up (「群众文化里面，项目支出占了多少」 →
the row's 项目支出 amount). 占 without a word of a share asks an amount here, not the class's share
of its parent; with 比例, 百分之几 or 几成 anywhere the question is a share and is not read here."""

from __future__ import annotations

import copy
import dataclasses
from decimal import ROUND_HALF_UP, Decimal

from kg.template import load_template
from qa.answer import Answer, fmt
from qa.execute import NotAnswerable
from qa.kinds.base import Context, Reading, Slot, pattern
from qa.lexicon import Mention, match_form

NAME = "row_column"

class RowColumn:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        if len(frame.measures) != 1:
            return None
        share = bool(pattern(NAME, "share_words").search(frame.text))
        aliases = {match_form(a) for a in ctx.lexicon.cues["measures"][frame.measures[0]]["aliases"]}
        for m in frame.mentions:
            if not m.of("classification", "line_item") or m.of("project", "budget_unit", "department"):
                continue
            rest = frame.text[m.end:]
            label = match_form(m.entities[0].label)
            rest = rest[len(label):] if rest.startswith(label) else rest  # 「[2070109]群众文化里面」: the code, then its name
            asked = pattern(NAME, "after_share" if share else "after").search(rest)
            if asked and asked.group("column") in aliases:
                offset = len(frame.text) - len(rest)
                span = (offset + asked.start(), offset + asked.end())
                slots = [Slot("row", m, (m.start, m.end)), Slot("column", frame.measures[0], span), Slot("share", share, span)]
                return Reading(NAME, 0.85, slots, explained=frame.text[span[0]:span[1]])
        return None

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        row = reading.slot("row")
        if not reading.slot("share"):
            return _lookup(ctx, executor, dataclasses.replace(row, measure=reading.slot("column")))
        doc = executor.one_doc(ctx.frame)
        pairs = {(f.value, g.value, f.table): (f, g) for f in executor.resolve(dataclasses.replace(row, measure=reading.slot("column")), reading.slot("column"), ctx.frame, doc)
                 for g in executor.reader.table_facts(doc, f.table) if f.table and g.row == f.row and g.first_column and g.value}
        whole_table = load_template().class_lookup[0]  # no fund named: the table of all funds (支出总体情况表)
        pairs = {k: v for k, v in pairs.items() if k[2] == whole_table} or pairs
        if len({k[:2] for k in pairs}) != 1:
            raise NotAnswerable(f"文件中没有找到“{row.entities[0].label}”这一行唯一的合计" + ("，请说明是哪张表" if pairs else ""))
        part, whole = next(iter(pairs.values()))
        share = (part.value / whole.value * 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        column = reading.slot("column")
        text = (f"{row.entities[0].label}合计{fmt(whole.value)}万元（表{whole.table}），其中{column}{fmt(part.value)}万元，"
                f"占{fmt(share)}%（{fmt(part.value)} ÷ {fmt(whole.value)} × 100%）。")
        answer = executor.answer(ctx.frame, text, share, "%", facts=[part, whole])
        answer.intent = NAME
        return answer


def _lookup(ctx: Context, executor, mention: Mention, measures: list[str] | None = None) -> Answer:
    """The row's figure in the mention's measure (None: the row's total), as a lookup answers it."""
    sub = copy.copy(ctx.frame)
    sub.intent, sub.mentions = "lookup", [mention]
    if measures is not None:
        sub.measures = measures
    answer = executor.do_lookup(sub)
    answer.intent = NAME
    return answer
