"""Years a question names: 2024年, （2024）, 2024、2025两年, 24年 when a 2024 document is loaded; in questions across
years also 2024、2025 / 从2024到2025. A cited document's number (桐溪财（2022）149号) names no year.
A movement from one year (从2024年的四十多万一下到了500万) names the year after it too.
One reader for the understanding (which documents are in scope) and the cross-year kind."""

from __future__ import annotations

import re

YEAR = re.compile(r"((?:19|20)\d{2})(?:年|\)(?!\d+号)|(?=[、和与及至到-](?:19|20)\d{2}(?:年|两年|2年|两个年度))|(?=两年|2年|两个年度))")  # 2024、2025两年
SPANNING = re.compile(r"((?:19|20)\d{2})(?=年|、|和|与|及|至|到|对|跟|同|比|较|-|\)(?!\d+号))|(?:从|到|至|和|与|比|跟|同|较|、)((?:19|20)\d{2})(?![\d.]|[多余]?[万元亿])")  # 「涨到2000多万」 is an amount
SHORT = re.compile(r"(?<![\d.])(\d{2})年")


MOVED = re.compile(r"从((?:19|20)\d{2})年[^，,。？?]{0,12}?(?:到|至|变成|变为|涨到|降到|增到|减到|升到)(?!(?:19|20)\d{2})")  # 「从2024年的四十多万一下到了500万」


def named_years(text: str, loaded: set[int], spanning: bool = False) -> set[int]:
    """The years `text` names; a two-digit year (24年) only when a document of that year is loaded; the
    year after one an amount moved from, when it is loaded."""
    pattern = SPANNING if spanning else YEAR
    named = {int(next(g for g in m.groups() if g)) for m in pattern.finditer(text)}
    named |= {int(m.group(1)) + 1 for m in MOVED.finditer(text) if int(m.group(1)) + 1 in loaded}
    return named | {2000 + int(y) for y in SHORT.findall(text) if 2000 + int(y) in loaded}
