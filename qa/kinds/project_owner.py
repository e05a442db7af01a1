"""project_owner: the budget unit a project is listed under in the project table (「X放在哪个单位名下」
「X是哪个单位的项目」) — read from the unit column of X's row, in each loaded year asked, so that a
project that moved between units shows both."""

from __future__ import annotations

import re

from qa import clauses, commentary
from qa.answer import Answer
from qa.execute import NotAnswerable
from qa.kinds.base import Context, Reading, Slot, asked_without_amount, cue_data
from qa.lexicon import match_form
from qa.segment import content_nouns

NAME = "project_owner"


class ProjectOwner:
    name = NAME

    def read(self, ctx: Context) -> Reading | None:
        frame = ctx.frame
        asked = asked_without_amount(NAME, frame.text)
        if asked is None:
            return None
        projects = [m for m in frame.mentions if m.of("project") and not m.of("budget_unit", "department")]
        if len({frozenset(e.label for e in m.of("project")) for m in projects}) != 1:
            return None
        sentence = next(s for s in re.findall(r"[^。？?！!]*[。？?！!]?", frame.text) if asked.group(0) in s)
        sentence = "".join(c for c in re.findall(r"[^，,；;]+[，,；;]?", sentence)
                           if clauses.asks(c) or not re.search(r"(?:19|20)\d{2}年", c) and not commentary.hedged(c))  # 「X2024年是局本级在用，2025年换成了哪个单位」「X好像换了单位管，」: told, asks nothing
        for m in projects:
            sentence = sentence.replace(m.surface, "")
        if set(content_nouns(sentence)) - set(cue_data(NAME)["carries_nothing"]):
            return None  # 「X的合同给了哪家单位」: a contract's party, which no table states
        return Reading(NAME, 0.95, [Slot("project", projects[0], (projects[0].start, projects[0].end)), Slot("asks", True, asked.span())],
                       explained=asked.group(0))

    def run(self, reading: Reading, ctx: Context, executor) -> Answer:
        frame = ctx.frame
        labels = {match_form(e.label) for e in reading.slot("project").of("project")}
        documents = ctx.lexicon.documents
        docs = sorted(frame.docs, key=lambda d: documents[d].year) if _years_of_one_body(ctx) else [executor.one_doc(frame)]
        found = [(doc, f) for doc in docs for f in executor.reader.projects(doc) if match_form(f.label) in labels]
        if not found:
            raise NotAnswerable(f"项目支出表中没有找到“{reading.slot('project').surface}”")
        several = len({doc for doc, _ in found}) > 1
        said = [f"{f'{documents[doc].year}年' if several else ''}{f.label}列在{f.unit_name}名下（{f.where()}）" for doc, f in found]
        units = list(dict.fromkeys(f.unit_name for _, f in found))
        answer = executor.answer(frame, "；".join(said) + "。", items=units, facts=[f for _, f in found])
        answer.intent = NAME
        return answer


def _years_of_one_body(ctx: Context) -> bool:
    """Whether the question's documents are one department's years (each is answered), not several bodies."""
    documents = ctx.lexicon.documents
    asked = [documents[d] for d in ctx.frame.docs if d in documents]
    return len(asked) > 1 and len({d.department for d in asked}) == 1
