"""An amount range a question states with both ends (超过A不到B, A到B之间, A万元(含)至B万元): read once,
for every kind that filters a set by amount — projects (project_set), the items under a class, the
rows of a table. The patterns and the words that exclude a bound are data (qa/data/kinds/project_set.json)."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources

from qa.answer import fmt
from qa.spans import compiled


@cache
def _data() -> dict:
    return json.loads(resources.files("qa").joinpath("data/kinds/project_set.json").read_text("utf-8"))


@dataclass(frozen=True)
class Range:
    low: Decimal | None
    high: Decimal | None
    strict_low: bool
    strict_high: bool
    span: tuple[int, int] = (0, 0)  # in the normalised question
    left_out: bool = False  # 除去那几个500万元的项目: the members outside the range

    def holds(self, value: Decimal) -> bool:
        return self._inside(value) != self.left_out

    def _inside(self, value: Decimal) -> bool:
        if self.low is not None and (value <= self.low if self.strict_low else value < self.low):
            return False
        return self.high is None or (value < self.high if self.strict_high else value <= self.high)

    def words(self) -> str:
        """金额超过5万元、不到10万元 — the filter as the answer says it."""
        if self.left_out:
            return f"金额不是{fmt(self.low)}万元" if self.low is not None and self.low == self.high else dataclasses.replace(self, left_out=False).words() + "以外"
        if self.low is not None and self.low == self.high:
            return f"金额恰好为{fmt(self.low)}万元"
        low = f"{'超过' if self.strict_low else '不低于'}{fmt(self.low)}万元" if self.low is not None else ""
        high = f"{'不到' if self.strict_high else '不超过'}{fmt(self.high)}万元" if self.high is not None else ""
        return "金额" + "、".join(w for w in (low, high) if w)


@cache
def _left_out_words() -> re.Pattern:
    words = json.loads(resources.files("qa").joinpath("data/honour.json").read_text("utf-8"))["excluding"]
    return re.compile("(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?!外)[^，,。;；:：?？—)）]*$")  # 「X除外——超过…」「（X不算）超过…」: 除外 and a bracket close what they leave out


def left_out_before(text: str, start: int) -> bool:
    """An excluding word (除去, 不算 …) earlier in the clause that a bound stands in: 「除去那几个500万元的
    项目」 asks about the members outside it."""
    return bool(_left_out_words().search(text[:start]))


def strict(words: str, excluding: list[str]) -> bool:
    """A bound that excludes its value: 超过, 不到 — not 大于等于, 小于或等于."""
    return any(w in words for w in excluding) and "等于" not in words


def marked(match: re.Match, group: str, is_strict: bool) -> bool:
    """A bound's (含)/(不含) mark decides whether it is excluded, over the word before it."""
    mark = match.groupdict().get(group)
    return is_strict if not mark else mark.startswith("(不")


def stated_range(text: str) -> Range | None:
    """The range with two ends in a normalised question (qa.normalize), or None."""
    data = _data()
    for p in data["ranges"]:
        match = compiled(p).search(text)
        if match:
            break
    else:
        return None
    a, b = sorted((Decimal(match.group("a")), Decimal(match.group("b"))))
    before, after = text[:match.start("a")][-4:], text[match.end("a"):match.start("b")]
    many = text.startswith("多", match.end("a"))  # 「300多万」: more than 300
    strict_low = marked(match, "ma", many or strict(before, data["lower_strict"]) or strict(text[match.start():match.start("a")], data["lower_strict"]))
    strict_high = marked(match, "mb", strict(after, data["upper_strict"]))
    ends = re.match(data["both_ends"], text[match.end():])  # 「5万以上、60万以下的（不含两头）」
    if ends:
        strict_low = strict_high = ends.group("mark").startswith("不")
    return Range(a, b, strict_low, strict_high, match.span(), left_out_before(text, match.start()))
