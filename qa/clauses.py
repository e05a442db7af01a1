"""Two asks of one thing in two clauses (「X是依据哪个文件安排的，钱主要干什么用？」「X有多少，是
干什么的」): each clause is asked on its own — the second, which names no thing of its own, of the
first clause's thing — and when the two asks are of different kinds and one of them is about text (a
purpose, a cited document, a target, a meaning) both answers are given as one. Anything less certain
keeps the answer to the whole question as it was."""

from __future__ import annotations

import dataclasses
import re

from qa.answer import Answer
from qa.frame import Frame
from qa.lexicon import load_cues, match_form

SEPARATOR = re.compile(r"[，,；;]")


def split_asks(question: str, frame: Frame | None) -> tuple[str, str] | None:
    """The two clauses as two questions, the second asked of the first clause's one named thing; or None."""
    if frame is None:
        return None
    spec = load_cues()["clauses"]
    clauses = [c for c in SEPARATOR.split(question.strip().rstrip("？?。!！")) if c.strip()]
    if len(clauses) != 2 or not all(re.search(spec["asks"], c) for c in clauses):
        return None
    cut = len(match_form(clauses[0]))
    named = [m for m in frame.mentions if m.kinds() & set(spec["subjects"])]
    if len(named) != 1 or named[0].start >= cut or len({e.label for e in named[0].entities}) != 1:
        return None  # one thing, named in the first clause only
    return clauses[0], named[0].entities[0].label + clauses[1]


def joined(first: Answer, second: Answer) -> Answer | None:
    """Both answers as one, when the asks are of different kinds and one is about text."""
    textual = set(load_cues()["clauses"]["textual"])
    if not second.answered or first.intent == second.intent or not {first.intent, second.intent} & textual:
        return None
    if second.answer in first.answer:
        return None
    return dataclasses.replace(
        first, answer=first.answer.rstrip("。") + "。" + second.answer,
        value=first.value if first.value is not None else second.value, unit=first.unit if first.value is not None else second.unit,
        items=first.items + [i for i in second.items if i not in first.items],
        sources=list(dict.fromkeys([*first.sources, *second.sources])),
        query="\n\n".join(q for q in (first.query, second.query) if q))
