"""remainder: a whole less the parts the question leaves out (「工资福利里，不算绩效工资和奖金，还剩
多少」「总支出里把社保、卫生健康这两块都除掉，剩下的」「X项目支出，不含Y的话还剩多少」). The whole is
the one thing named and not left out (a class, an item, a figure, a measure or a total); each part
is taken from the whole's table and must lie inside it (its code under the whole's, or the whole
is that table's total), else the answer is a refusal — never the whole given back unchanged. The
words are in qa/data/kinds/remainder.json."""

from __future__ import annotations

import copy
from decimal import Decimal

from qa.answer import Answer, fmt
from qa.execute import NotAnswerable, single
from qa.facts import Fact
from qa.honour import left_out
from qa.kinds.base import Context, Reading, Slot, pattern

NAME = "remainder"
PARTS = ("classification", "line_item", "figure", "project")


class Remainder:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        asked = pattern(NAME, "asks").search(frame.text)
        if asked is None or frame.set_kind in ("projects", "key_projects"):
            return None  # 「除了X，其余项目加起来」: a set without X (the sum over members)
        if frame.cues & {"max", "min"}:
            return None  # 「把X去掉，剩下金额最大的是哪一科」: a ranking of the rest, not the rest's figure
        if "self_unit" in frame.cues or any(m.of("budget_unit") for m in frame.mentions):
            return None  # 「局本级的项目支出，不含X的话」: one unit's figure less its projects (unit_scope)
        left = [m for m in left_out(frame.text, frame.mentions) if m.of(*PARTS) and not m.of("budget_unit", "department")]
        if not left:
            return None
        kept = [m for m in frame.value_mentions() if all(m is not x for x in left) and not m.of("budget_unit", "department")]
        if len(kept) > 1 or not kept and len(frame.totals) + len(frame.measures) != 1:
            return None  # one whole, named once (a measure beside a named whole is its column: 基本支出的工资福利支出)
        if any(m.start >= asked.end() for m in kept):
            return None  # 「除了财政拨款以外，还有多少“其他资金”」: the thing named after the ask is asked itself
        slots = [Slot("part", m, (m.start, m.end)) for m in left] + [Slot("asks", True, asked.span())]
        return Reading(NAME, 0.9, slots, explained=asked.group(0))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        parts = reading.slot_values("part")
        whole_frame = copy.copy(frame)
        whole_frame.mentions = [m for m in frame.mentions if all(m is not p for p in parts)]
        named = executor.operands(whole_frame, doc)
        if len(named) != 1 or not named[0][1]:
            raise NotAnswerable("没有找到要从中减去的总数")
        name, facts = named[0]
        whole = single(facts)
        taken = [_inside(executor, frame, doc, whole, p) for p in parts]
        text, rest = less(name, whole.value, whole.unit, taken)
        if rest < 0:
            raise NotAnswerable(f"要去掉的{'、'.join(f.label for f in taken)}比{whole.label}还大，不是它的一部分")
        return executor.answer(frame, text, rest, whole.unit, facts=[whole, *taken])


def less(name: str, value: Decimal, unit: str, parts: list[Fact]) -> tuple[str, Decimal]:
    """A whole less its parts, in words with the subtraction shown, and what is left."""
    rest = value - sum((f.value for f in parts), Decimal(0))
    listed = "、".join(f"{f.label}（{fmt(f.value, unit)}{unit}）" for f in parts)
    arithmetic = f"{fmt(value, unit)} − {' − '.join(fmt(f.value, unit) for f in parts)}"
    return f"{name}{fmt(value, unit)}{unit}，不含{listed}为{fmt(rest, unit)}{unit}（{arithmetic} = {fmt(rest, unit)}）。", rest


def _inside(executor, frame, doc: str, whole: Fact, part) -> Fact:
    """The part's figure in the whole's table (its column), if it lies inside the whole."""
    facts = executor.resolve(part, None, frame, doc)
    own = [f for f in facts if f.table == whole.table and f.column == whole.column and (f.section == whole.section)]
    if len({f.value for f in own}) != 1:
        raise NotAnswerable(f"“{part.surface}”不在{whole.label}所在的表里，不能从中减去")
    fact = own[0]
    inside = (whole.kind == "total" or not whole.code or (fact.code or "").startswith(whole.code) and fact.code != whole.code
              or fact.parent_row == whole.label or whole.table is None and fact.label != whole.label)
    if not inside:
        raise NotAnswerable(f"“{fact.label}”不是{whole.label}的一部分，不能从中减去")
    return fact
