"""rank: the place of one named project among the document's projects by amount (「X在29个项目里
排第几」 → 第5名), from the largest unless the question ranks from the smallest. Equal amounts
share a place. Only a project named by the question is ranked; nothing else stands in for it."""

from __future__ import annotations

import re
from decimal import Decimal

from qa.answer import Answer, fmt
from qa.execute import NotAnswerable
from qa.kinds.base import Context, Reading, Slot, cue_data, pattern

NAME = "rank"


class Rank:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        asked = pattern(NAME, "asks_rank").search(ctx.frame.text)
        if not asked:
            return None
        named = [m for m in ctx.frame.mentions if m.of("project")]
        items = [m for m in ctx.frame.mentions if m.of("classification", "line_item") and not m.of("budget_unit", "department")]
        ascending = any(w in ctx.frame.text for w in cue_data(NAME)["ascending"])
        if len({frozenset(e.iri for e in m.of("project")) for m in named}) == 1:
            slots = [Slot("project", named[0], (named[0].start, named[0].end)), Slot("ascending", ascending, asked.span())]
        elif not named and len(items) == 1:  # 「委托业务费在项目支出的经济科目中排第几」: among its siblings
            slots = [Slot("item", items[0], (items[0].start, items[0].end)), Slot("ascending", ascending, asked.span())]
        else:
            return None
        return Reading(NAME, 0.85, slots, explained=asked.group(0))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        if reading.slot("item") is not None:
            return _among_siblings(reading, ctx, executor, doc)
        mention = reading.slot("project")
        iris = {e.iri for e in mention.of("project")}
        projects = executor.unit_scoped(frame, doc, executor.reader.projects(doc))  # 「图书馆的项目里X排第几」
        own = [p for p in projects if p.iri in iris]
        if not own:
            raise NotAnswerable(f"文件的项目中没有找到“{mention.entities[0].label}”")
        project = own[0]
        ascending = reading.slot("ascending")
        place = 1 + sum(1 for p in projects if (p.value < project.value if ascending else p.value > project.value))
        stated = re.search(r"(\d+)个项目", frame.text)
        if stated and int(stated.group(1)) != len(projects):
            raise NotAnswerable(f"问题说有{stated.group(1)}个项目，文件列出的是{len(projects)}个")
        order = "从低到高" if ascending else "从高到低"
        text = (f"{project.label}{fmt(project.value)}万元，在{len(projects)}个项目中按金额{order}排第{place}名"
                f"（{'更低' if ascending else '更高'}的有{place - 1}个）。")
        return executor.answer(frame, text, Decimal(place), "名", facts=[project])


def _among_siblings(reading: Reading, ctx: Context, executor, doc: str) -> Answer:
    """The place of a class row among the rows under the same parent, in the same table and column
    (the column the question names: 项目支出's 委托业务费 among 项目支出's 商品和服务支出 rows)."""
    frame = ctx.frame
    mention = reading.slot("item")
    facts = [f for _, found in executor.operands(frame, doc) for f in found if f.table is not None and f.row]
    rows = {(f.table, f.row, f.column) for f in facts}
    if len(rows) != 1:
        raise NotAnswerable(f"“{mention.surface}”在文件中有{len(rows)}处，请说明是哪张表、哪一栏" if rows else f"文件的表中没有找到“{mention.surface}”")
    item = facts[0]
    siblings = [f for f in executor.reader.table_facts(doc, item.table) if f.parent_row == item.parent_row and f.column == item.column]
    ascending = reading.slot("ascending")
    place = 1 + sum(1 for f in siblings if (f.value < item.value if ascending else f.value > item.value))
    order = "从低到高" if ascending else "从高到低"
    column = f"“{item.column}”栏" if item.column and not item.first_column else ""
    text = (f"{item.label}{fmt(item.value)}万元，在表{item.table}{column}同一级的{len(siblings)}个科目中按金额{order}"
            f"排第{place}名（{'更低' if ascending else '更高'}的有{place - 1}个）。")
    return executor.answer(frame, text, Decimal(place), "名", facts=[item])
