"""stated_members: the projects the explanation names with an act (「情况说明里提到今年新增了哪些项目」), read
from the sentences of 第三部分 that say the act (本年新增X、Y等项目) when the department's other year is not
loaded — the document's own words, never the whole list of projects, never a guess at a year not loaded."""

from __future__ import annotations

import re

from qa import queries
from qa.answer import Answer, Source
from qa.execute import NotAnswerable
from qa.facts import node
from qa.kinds.base import Context, Reading, Slot, cue_data, pattern
from qa.lexicon import match_form

NAME = "stated_members"


class StatedMembers:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        act = next((a for a in cue_data(NAME)["acts"] if re.search(a + pattern(NAME, "to_members").pattern, frame.text)), None)  # 「新增了哪几个项目」, not 「预算减少了，是哪些专项没了」
        asked = pattern(NAME, "asks").search(frame.text)
        if act is None or asked is None or frame.set_kind not in ("projects", "key_projects") or pattern(NAME, "amount").search(frame.text):
            return None
        if frame.value_mentions() and not all(m.kinds() <= {"department", "budget_unit"} for m in frame.value_mentions()) or frame.measures or frame.totals:
            return None  # 「收入预算减少主要减了哪些专项」: the change of a figure, whose stated reason answers
        documents = ctx.lexicon.documents
        bodies = {documents[d].department for d in frame.docs if d in documents}
        years = [d for d in documents.values() if d.department in bodies]
        if len(bodies) != 1 or len(years) != 1:
            return None  # two years of the body: what is new is read across them (cross_year)
        at = frame.text.find(act)
        return Reading(NAME, 0.9, [Slot("act", act, (at, at + len(act))), Slot("asks", True, asked.span())], explained=act + asked.group(0))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame, act = ctx.frame, reading.slot("act")
        doc = executor.one_doc(frame)
        names = {match_form(f.label): f.label for f in executor.reader.projects(doc)}
        found: dict[str, Source] = {}
        for section in executor.reader.run(queries.SECTIONS, doc=node(doc)):
            text = section["text"]
            for said in re.finditer(re.escape(act), text):
                stretch = "" if text.startswith("等", said.end()) else re.split(pattern(NAME, "until"), text[said.end():])[0]
                parts = [match_form(p) for p in stretch.split("、")]
                start = max(text.rfind(ch, 0, said.start()) for ch in "，,。；;") + 1  # the clause that says it, as printed
                end = said.end() + len(stretch)
                quoted = text[start:end + text.startswith("等", end)]
                where = Source(executor.doc_title(doc), f"第三部分{section['number']} {section['title']}", quoted, section["line"])
                for key, label in names.items():
                    if key in parts:
                        found.setdefault(label, where)
        if not found:
            raise NotAnswerable(f"文件的情况说明没有点名{act}了哪些项目；只载入了一个年度，无法对比两年的项目表")
        text = f"情况说明中点名{act}的项目：{'、'.join(found)}（原文：“{next(iter(found.values())).row}”）。"
        answer = executor.answer(frame, text, items=list(found), sources=list(dict.fromkeys(found.values())))
        answer.intent = NAME
        return answer

