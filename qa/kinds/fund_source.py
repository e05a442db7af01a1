"""fund_source: the sources of funds that pay for one project or class (「X的钱是从哪一类预算里出的」
「X的资金来源」「X是一般公共预算还是政府性基金预算」) — the source columns of X's row that hold money, as
the table with the most of them prints them. Never X's amount alone: the amount does not say its source."""

from __future__ import annotations

from qa.answer import Answer, fmt
from qa.execute import NotAnswerable
from qa.facts import Fact
from qa.kinds.base import Context, Reading, Slot, asked_without_amount, cue_data

NAME = "fund_source"
OWN_KINDS = ("project", "classification", "line_item")


class FundSource:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        asked = asked_without_amount(NAME, frame.text)
        if asked is None:
            return None
        sources = cue_data(NAME)["sources"]
        things = [m for m in frame.mentions if m.of(*OWN_KINDS) and not m.of("budget_unit", "department")
                  and not any(e.label in sources for e in m.entities)]  # 「是一般公共预算还是…」: the sources named are no thing
        if len({frozenset(e.iri for e in m.of(*OWN_KINDS)) for m in things}) != 1:
            return None
        return Reading(NAME, 0.95, [Slot("thing", things[0], (things[0].start, things[0].end)), Slot("asks", True, asked.span())],
                       explained=asked.group(0))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        mention = reading.slot("thing")
        doc = executor.one_doc(frame)
        sources = cue_data(NAME)["sources"]
        facts = [f for e in mention.of(*OWN_KINDS) for f in executor.reader.item_facts(e.iri, doc) if f.table is not None and f.column in sources]
        tables: dict[int, list[Fact]] = {}
        for f in facts:
            tables.setdefault(f.table, []).append(f)
        if not tables:
            raise NotAnswerable(f"文件没有按资金来源分列“{mention.surface}”的金额")
        row = max(tables.values(), key=lambda fs: (len({f.column for f in fs}), -min(f.table for f in fs)))
        paid = [f for f in row if f.value]
        if not paid:
            raise NotAnswerable(f"“{mention.surface}”各资金来源栏都是0")
        label = row[0].label
        said = "、".join(f"{f.column}{fmt(f.value)}{f.unit}" for f in paid)
        answer = executor.answer(frame, f"{label}的资金来源：{said}（{row[0].where()}）。", items=[f.column for f in paid], facts=paid)
        answer.intent = NAME
        return answer
