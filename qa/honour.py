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
from qa.normalize import normalize

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]")


@cache
def _cues() -> dict[str, list[str]]:
    return json.loads(resources.files("qa").joinpath("data/honour.json").read_text("utf-8"))


def _said(answer: Answer) -> str:
    return answer.answer + "".join(s.row for s in answer.sources) + "".join(answer.items)


def missing(question: str, frame: Frame, answer: Answer) -> str | None:
    """What the question asks that `answer` does not honour, or None."""
    cues = _cues()
    both = [w for w in cues["both_sets"] if w in question and re.search(r"[和与跟及、]|以及", question[:question.find(w)])]  # two sets named
    if answer.answered and both and answer.items and answer.intent not in cues["overlap_kinds"]:
        return f"没有计算两组共有的部分（“{both[0]}”），文件也没有直接列出 (an overlap of two sets is not computed)"
    if not answer.answered:
        return None
    acts = [w for w in acts_asked(frame.text if frame else question) if w not in _said(answer)]  # 添置/买 read as 购置
    if acts:
        return f"文件中这些数字说的不是“{acts[0]}” (the figures found do not speak of it)"
    if answer.value is None:
        return _quoted_missing(question, frame, answer)
    said = _said(answer)
    unquoted = _QUOTED.sub("", question)
    unnamed = _unnamed(frame) if frame else unquoted  # 经费 in a project's name asks no money
    if answer.unit in cues["count_units"] and frame.unit_word is None and "count" not in frame.cues and any(w in unquoted and w in unnamed for w in cues["money_words"]):
        return f"问的是金额，文件中找到的是{answer.unit}数 (a count, not an amount)"
    asked = [w for w in cues["per_unit"] if w in question and w not in said]
    if asked:
        return f"文件没有给出“{asked[0]}”的金额或数量，只有合计 (the document gives no figure per unit)"
    per = [w for w in cues["per_occurrence"] if re.search(re.escape(w) + "(?!性)", said) and w not in question]  # 一次性 is not 每次
    totals = [w for w in cues["totals"] if w in question and w not in said]
    if per and totals:
        return f"文件给出的是“{per[0]}”的数，没有给出“{totals[0]}”的数 (stated per occurrence, not in total)"
    return _stated_count_missing(question, answer) or _quoted_missing(question, frame, answer)


def _unnamed(frame: Frame) -> str:
    """The question with the names it links blanked."""
    chars = list(frame.text)
    for m in frame.mentions:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def _stated_count_missing(question: str, answer: Answer) -> str | None:
    """「这四项合计」「两个项目加起来」: a sum over fewer things than the question counts dropped one."""
    stated = re.search(r"(?:这|那|以上|上述)?([两二三四五六七八九])(?:个|项|笔|块)[^，,。？?]{0,6}?(?:合计|加起来|加在一起|一共|总共|之和|相加|合起来)", question)
    if not stated or not answer.items or answer.intent not in ("sum", "aggregate", "lookup"):
        return None
    count = "一二三四五六七八九".index(stated.group(1).replace("两", "二")) + 1
    if len(answer.items) < count:
        return f"问题说的是{stated.group(1)}项，文件中只找到{len(answer.items)}项：{'、'.join(answer.items)}"
    return None


def acts_asked(text: str) -> list[str]:
    """The acts (购置, 采购 …) a question asks about, by their own word or an everyday one (买):
    what is to be bought is not what is held."""
    cues = _cues()
    return [w for w in cues["acts"] if w in text or any(s in text for s in cues["act_synonyms"].get(w, []))]


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
    """Quotes and brackets out, traditional characters and widths folded (「兩建」 is 两建)."""
    return re.sub(r"[\s“”\"「」『』《》()（）〔〕\[\]]", "", normalize(text)).lower()
