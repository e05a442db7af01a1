"""children: the items listed under a classification or economic class (「X底下列了哪些款项」,
「项目支出的资本性支出里包括哪些科目」), in the column the question names, one level below the class
or at the level it names (项级科目). A word like 包括 after a class's name asks for its rows, not for
a glossary definition; a glossary entry that is no class (其他收入) is not read here."""

from __future__ import annotations

import copy

from qa.answer import Answer
from qa.execute import NotAnswerable
from qa.kinds.base import Context, Reading, Slot, pattern

NAME = "children"
CODE_LEVEL = {3: 1, 5: 2, 7: 3}  # a functional code's length → its level (类, 款, 项)


class Children:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        if frame.direction or frame.rank or frame.n:
            return None  # 「X下面什么科目最多」: the largest of them (superlative), not the list
        for m in frame.mentions:
            if not m.of("classification") or m.of("project", "budget_unit", "department"):
                continue
            asked = pattern(NAME, "asks").search(frame.text[m.end:])
            if asked:
                span = (m.end + asked.start(), m.end + asked.end())
                return Reading(NAME, 0.85, [Slot("class", m, (m.start, m.end)), Slot("asks", True, span)],
                               explained=frame.text[span[0]:span[1]])
        return None

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        doc = executor.one_doc(frame)
        mention = reading.slot("class")
        facts = executor.resolve(mention, mention.measure, frame, doc)
        if not facts:
            raise NotAnswerable(f"文件中没有找到“{mention.surface}”这一科目")
        own = max((CODE_LEVEL.get(len(f.code or ""), 0) for f in facts), default=0)
        sub = copy.copy(frame)
        sub.intent, sub.set_kind, sub.threshold, sub.operator = "list", None, None, None
        sub.mentions = [m for m in frame.mentions if m is mention or not m.kinds() & {"classification", "line_item", "figure", "term"}]  # 「三公经费里的X包括哪些」: X's rows, not its container's
        sub.level = frame.level if frame.level and frame.level > own else None  # 款项 is any item, not the 款 level
        try:
            answer = executor.do_list(sub)
        except NotAnswerable:
            return _next_best(ctx, executor)  # a class with no rows under it: its glossary entry may say what it covers
        if not answer.items and answer.answered:
            return _next_best(ctx, executor)
        if not answer.items or set(answer.items) <= {f.label for f in facts}:
            raise NotAnswerable(f"文件没有列出“{mention.surface}”下面的科目")
        if set(answer.items) <= {f.label for f in executor.reader.projects(doc)}:
            return _next_best(ctx, executor)  # a class with no rows under it is no list of projects: its glossary entry may say what it covers
        answer.answer = f"{mention.entities[0].label}下面列了{answer.answer.removeprefix('共')}"
        answer.intent = NAME
        return answer


def _next_best(ctx: Context, executor) -> Answer:
    """The next reading, when the class has no rows under it (公务用车运行维护费包括哪些费用)."""
    from qa.kinds import next_best

    return next_best(ctx, executor, NAME)
