"""A part of a name that picks the members of a set (名称里带“X”, 以X开头, 以X结尾), read once for
projects, both years' sets and the sets of names (offices, units), so that a filter is never
honoured by one and dropped by another. The words are in qa/data/name_filters.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from qa.lexicon import match_form
from qa.spans import compiled

NAMED_SETS = ("internal_units", "budget_units")  # sets of names a part of the name narrows (Executor.named_set)
SAID = {"contains": "名称含“{}”", "prefix": "名称以“{}”开头", "suffix": "名称以“{}”结尾"}


@dataclass(frozen=True)
class NameFilter:
    """Members whose names hold `keyword` (contains, prefix or suffix); `said` is the question's words
    for it. A filter read from free words (「少了哪些文物方面的」) is `loose`: its keyword is cut to
    the members' names by the reader that knows them."""

    keyword: str
    said: str
    span: tuple[int, int] = (0, 0)
    how: str = "contains"
    loose: bool = False
    alternatives: tuple[str, ...] = ()  # 「含“A”或者“B”」: a name holding either

    def holds(self, name: str) -> bool:
        name = match_form(name)
        bare = re.sub(r"[(（][^()（）]*[)）]$", "", name)  # 「法治督察股（行政复议股）」 ends in 股 before its bracket
        kinds = _data()["kinds_of_part"]
        if self.how == "contains" and self.keyword in kinds:  # 「名字里带年份的」: any year in the name
            return re.search(kinds[self.keyword], name) is not None
        return any({"contains": word in name, "prefix": name.startswith(word),
                    "suffix": name.endswith(word) or bare.endswith(word)}[self.how] for word in (self.keyword, *self.alternatives))

    def words(self) -> str:
        if self.how == "contains" and self.keyword in _data()["kinds_of_part"]:
            return f"名称带{self.keyword}"
        return SAID[self.how].format("”或“".join((self.keyword, *self.alternatives)))


@cache
def _data() -> dict:
    return json.loads(resources.files("qa").joinpath("data/name_filters.json").read_text("utf-8"))


def stated(text: str) -> NameFilter | None:
    """The name filter the (normalised) question states, if any; a part that picks one name
    (picked) filters no set."""
    pick = picked(text)
    for how, patterns in _data()["filters"].items():
        for p in patterns:
            match = compiled(p).search(text)
            if match and not (pick and match.start() < pick[0].span[1] and pick[0].span[0] < match.end()):
                either = list(compiled(_data()["either"]).finditer(text, match.end()))
                ends = [match.end()]
                for alt in either:  # 「名称里含“防控”或者“整治”的」: one more keyword right after, or'd
                    if alt.start() != ends[-1]:
                        break
                    ends.append(alt.end())
                taken = either[:len(ends) - 1]
                return NameFilter(match_form(match.group("kw")), text[match.start():ends[-1]], (match.start(), ends[-1]), how,
                                  alternatives=tuple(match_form(a.group("kw")) for a in taken))
    return None


def picked(text: str) -> tuple[NameFilter, bool] | None:
    """「是后面带“第二批”的那个」「不是名字后面带补助资金的那个」: the part of a name that says which
    one of the names holding another is meant, and whether it is the one WITHOUT that part."""
    match = compiled(_data()["pick"]).search(text)
    included = _data()["pick_included"]
    if match is None:
        lacking = compiled(_data()["pick_not"]).search(text)  # 「X（不是后面那笔补助资金）」: the one without it
        return (NameFilter(match_form(lacking.group("kw")), lacking.group(0), lacking.span()), True) if lacking else None
    if re.search(included["before"], text[:match.start()]) or re.search(included["after"], text[match.end():]):
        return None  # 「连同带“二期”的那一笔」: added to the name, not picked
    return NameFilter(match_form(match.group("kw")), match.group(0), match.span()), bool(match.group("neg")) != bool(match.group("lacks"))


def lacked_before(text: str) -> bool:
    """Whether `text` ends with words saying the part after them is lacking (不带, 没有写着)."""
    return compiled(_data()["lacked_before"]).search(text) is not None


def lacked_after(text: str) -> re.Match | None:
    """A bracket opening `text` that says a part is lacking (（不含补助资金）), with the part as `kw`."""
    return compiled(_data()["lacked_after"]).match(text)


def member_kind(text: str, names: list[str]) -> NameFilter | None:
    """「内设机构里哪些是股」: a word at the question's end naming the kind of some of `names` (some
    but not all end with it) picks those; else None."""
    for p in _data()["member_kind"]:
        match = compiled(p).search(text)
        if match:
            kind = NameFilter(match.group("kw"), match.group(0), match.span(), "suffix")
            held = sum(kind.holds(n) for n in names)
            if 0 < held < len(names):
                return kind
    return None
