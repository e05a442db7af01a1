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
        named = [m for m in ctx.frame.mentions if m.of("project")]
        if not asked or len({frozenset(e.iri for e in m.of("project")) for m in named}) != 1:
            return None
        ascending = any(w in ctx.frame.text for w in cue_data(NAME)["ascending"])
        slots = [Slot("project", named[0], (named[0].start, named[0].end)), Slot("ascending", ascending, asked.span())]
        return Reading(NAME, 0.85, slots, explained=asked.group(0))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
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
