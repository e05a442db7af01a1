"""per_count: one figure divided by a count of things (「局里3辆车，平均每辆车的运行维护费」 → 运行维护费
÷ 3). The count is written in the question with the same measure word and thing as the per-thing
phrase (3辆车 … 每辆车), or is a figure of the document counted in that measure word (车辆 3辆,
「按车辆数平均」). Without such a count there is no reading: honour refuses a figure per thing that
the document does not state."""

from __future__ import annotations

import copy
from decimal import ROUND_HALF_UP, Decimal

from qa.answer import Answer, fmt
from qa.execute import NotAnswerable
from qa.kinds.base import Context, Reading, Slot, pattern
from qa.lexicon import Entity, Mention

NAME = "per_count"
MONEY_KINDS = ("classification", "line_item", "project", "figure", "goal")


class PerCount:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        per = pattern(NAME, "per").search(frame.text)
        if per is None or len(pattern(NAME, "other_per").findall(frame.text)) or ctx.executor is None:
            return None
        if frame.text.startswith("项目", per.start("noun")) and frame.set_kind in ("projects", "key_projects"):
            return None  # 「一般公共预算安排的8个项目，平均每个项目多少」: the projects' own average (project_set)
        stated = [m for m in pattern(NAME, "stated").finditer(frame.text)
                  if m.group("counter") == per.group("counter") and m.group("noun") == per.group("noun")]
        counted = [m for m in frame.mentions if not _overlaps(m, per.span()) and _counted_in(m, per.group("counter"), ctx)]
        money = [m for m in frame.mentions if m not in counted and m.of(*MONEY_KINDS) and not _counted_in(m, per.group("counter"), ctx)]
        if not stated and not counted:
            counted = _held(ctx, per.group("counter"), per.group("noun"))  # 「平均每辆车…」: the cars the document counts
        if len(money) != 1 or len(stated) + len(counted) != 1:
            return None
        slots = [Slot("per", per.group("counter") + per.group("noun"), per.span()), Slot("item", money[0], (money[0].start, money[0].end))]
        if stated:
            slots.append(Slot("count", int(stated[0].group("n")), stated[0].span()))
        elif isinstance(counted[0], Mention):
            slots.append(Slot("count", counted[0], (counted[0].start, counted[0].end)))
        else:
            slots.append(Slot("count", counted[0], per.span()))
        explained = " ".join([*(frame.text[a:b] for s in slots for a, b in [s.span]), *pattern(NAME, "divides").findall(frame.text)])
        return Reading(NAME, 0.85, slots, explained=explained)

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        item: Mention = reading.slot("item")
        sub = copy.copy(frame)
        sub.mentions, sub.intent, sub.docs = [item], "lookup", [doc]
        total = executor.do_lookup(sub)
        if total.value is None or total.unit not in ("万元", "元"):
            raise NotAnswerable(f"没有找到“{item.surface}”的金额")
        count, facts, said = reading.slot("count"), [], ""
        if not isinstance(count, int):
            entities = count.of("figure") if isinstance(count, Mention) else [count]
            facts = [f for e in entities for f in executor.facts_of_entity(e, [doc]) if f.unit == reading.slot("per")[0]]
            if len({f.value for f in facts}) != 1:
                raise NotAnswerable(f"文件中没有找到“{reading.slot('per')}”的个数")
            said = f"（{facts[0].label}{fmt(facts[0].value, facts[0].unit)}{facts[0].unit}）"
            count = int(facts[0].value)
        if count <= 0:
            raise NotAnswerable("个数为0，不能平均")
        mean = (total.value / count).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        per = reading.slot("per")
        text = (f"{total.answer.rstrip('。')}；按{count}{per}{said}平均，平均每{per}"
                f"{fmt(mean)}{total.unit}（{fmt(total.value)} ÷ {count}）。")
        answer = executor.answer(frame, text, mean, total.unit, facts=facts)
        answer.sources = list(dict.fromkeys([*total.sources, *answer.sources]))
        answer.rows = [*total.rows, *answer.rows]
        return answer


def _overlaps(m: Mention, span: tuple[int, int]) -> bool:
    return m.start < span[1] and span[0] < m.end


def _counted_in(m: Mention, counter: str, ctx: Context) -> bool:
    """A figure of the document counted in the per-thing phrase's measure word (车辆 3辆)."""
    figures = m.of("figure")
    if not figures or len(figures) != len(m.entities):
        return False
    try:
        doc = ctx.executor.one_doc(ctx.frame)
    except Exception:  # several documents and none chosen: the classic chain says which
        return False
    return any(f.unit == counter for e in figures for f in ctx.executor.facts_of_entity(e, [doc]))


def _held(ctx: Context, counter: str, noun: str) -> list[Entity]:
    """The one figure of the document counted in `counter` whose name holds the thing (车辆 3辆 for
    每辆车); none when there is none or more than one."""
    try:
        doc = ctx.executor.one_doc(ctx.frame)
    except Exception:  # several documents and none chosen: the classic chain says which
        return []
    figures = [e for e in ctx.lexicon.entities.values() if e.kind == "figure" and doc in e.docs and noun in e.label]
    held = [e for e in figures if any(f.unit == counter for f in ctx.executor.facts_of_entity(e, [doc]))]
    return held if len(held) == 1 else []
