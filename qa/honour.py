"""Last check before an answer is given: every part of the question that the figure must carry is
in the answer. A unit price asked for and a total found, a yearly total asked for and a per-time
limit found, a quoted name that no figure of the answer speaks of: the reply is a refusal naming
what is missing, never the nearby figure."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from qa.answer import Answer
from qa.frame import Frame

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]")


@cache
def _cues() -> dict[str, list[str]]:
    return json.loads(resources.files("qa").joinpath("data/honour.json").read_text("utf-8"))


def _said(answer: Answer) -> str:
    return answer.answer + "".join(s.row for s in answer.sources) + "".join(answer.items)


def missing(question: str, frame: Frame, answer: Answer) -> str | None:
    """What the question asks that `answer` does not honour, or None."""
    cues = _cues()
    both = [w for w in cues["both_sets"] if w in question]
    if answer.answered and both and answer.items and answer.intent not in cues["overlap_kinds"]:
        return f"没有计算两组共有的部分（“{both[0]}”），文件也没有直接列出 (an overlap of two sets is not computed)"
    if not answer.answered:
        return None
    acts = [w for w in acts_asked(question) if w not in _said(answer)]
    if acts:
        return f"文件中这些数字说的不是“{acts[0]}” (the figures found do not speak of it)"
    if answer.value is None:
        return _quoted_missing(question, frame, answer)
    said = _said(answer)
    asked = [w for w in cues["per_unit"] if w in question and w not in said]
    if asked:
        return f"文件没有给出“{asked[0]}”的金额或数量，只有合计 (the document gives no figure per unit)"
    per = [w for w in cues["per_occurrence"] if w in said and w not in question]
    totals = [w for w in cues["totals"] if w in question and w not in said]
    if per and totals:
        return f"文件给出的是“{per[0]}”的数，没有给出“{totals[0]}”的数 (stated per occurrence, not in total)"
    return _quoted_missing(question, frame, answer)


def acts_asked(question: str) -> list[str]:
    """The acts (购置, 采购 …) the question asks about, by their own word or an everyday one (买)."""
    cues = _cues()
    return [w for w in cues["acts"] if w in question or any(s in question for s in cues["act_synonyms"].get(w, []))]


def _quoted_missing(question: str, frame: Frame, answer: Answer) -> str | None:
    """A name the question puts in quotes that no linked entity and no part of the answer holds."""
    if not answer.answered:
        return None
    said = _norm(_said(answer) + "".join(e.label for m in frame.mentions for e in m.entities))
    linked = _norm("".join(m.surface for m in frame.mentions))
    for quoted in _QUOTED.findall(question):
        name = _norm(quoted)
        if name and name not in said and name not in linked and not any(name in _norm(m.surface) or _norm(m.surface) in name for m in frame.mentions):
            return f"文件中没有找到“{quoted}” (not found in the document)"
    return None


def _norm(text: str) -> str:
    return re.sub(r"[\s“”\"「」『』《》()（）〔〕\[\]]", "", text).lower()
