"""named_filter: items the question names one by one, filtered by an amount (「A、B、C这几项里，
哪些超过了50万元」) — those of the named items that pass, never the document's projects. Each item's
figure is taken from one table that holds all of them, so that they are compared alike."""

from __future__ import annotations

from decimal import Decimal

from qa.answer import Answer, fmt
from qa.execute import NotAnswerable
from qa.kinds.base import Context, Reading, Slot, pattern

NAME = "named_filter"
VALUE_KINDS = ("classification", "line_item", "project", "figure")
OPS = {">=": Decimal.__ge__, ">": Decimal.__gt__, "<=": Decimal.__le__, "<": Decimal.__lt__}
WORDS = {">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于"}


class NamedFilter:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        if frame.threshold is None or frame.operator not in OPS or frame.range is not None:
            return None  # one bound only: a range (超过A不到B) is filtered by the executor
        named = [m for m in frame.mentions if m.of(*VALUE_KINDS) and not m.of("budget_unit", "department")]
        if len(named) < 2 or any(not pattern(NAME, "joiner").match(frame.text[a.end:b.start]) for a, b in zip(named, named[1:], strict=False)):
            return None
        pointer = pattern(NAME, "pointer").match(frame.text[named[-1].end:])
        if pointer is None:
            return None
        end = named[-1].end + pointer.end()
        op = "count" if pattern(NAME, "count").search(frame.text[end:]) else "list"
        slots = [*(Slot("item", m, (m.start, m.end)) for m in named),
                 Slot("range", (frame.operator, frame.threshold), (end, len(frame.text))), Slot("operation", op, (end, len(frame.text)))]
        return Reading(NAME, 0.85, slots, explained=frame.text[named[-1].end:end])

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        mentions = reading.slot_values("item")
        measure = frame.measures[0] if len(frame.measures) == 1 else None
        found = [executor.resolve(m, m.measure or measure, frame, doc) for m in mentions]
        common = set.intersection(*({f.table for f in facts} for facts in found))
        table = min((t for t in common if t is not None), default=None)
        chosen = []
        for m, facts in zip(mentions, found, strict=True):
            own = [f for f in facts if f.table == table] if table is not None else facts
            if len({f.value for f in own}) != 1:
                raise NotAnswerable(f"“{m.surface}”在文件中没有唯一的金额，请说明是哪张表或哪一栏")
            chosen.append(own[0])
        operator, threshold = reading.slot("range")
        passing = [f for f in chosen if OPS[operator](f.value, threshold)]
        condition = f"{WORDS[operator]}{fmt(threshold)}万元"
        listed = "、".join(f"{f.label}（{fmt(f.value)}万元）" for f in chosen)
        verdict = "、".join(f.label for f in passing) or "没有一项"
        where = f"（表{table}）" if table else ""
        text = f"{listed}{where}中，{condition}的{'有' + str(len(passing)) + '项：' if passing else ''}{verdict}。"
        if reading.slot("operation") == "count":
            return executor.answer(frame, text, Decimal(len(passing)), "项", items=[f.label for f in passing], facts=chosen)
        return executor.answer(frame, text, None, None, items=[f.label for f in passing], facts=chosen)

