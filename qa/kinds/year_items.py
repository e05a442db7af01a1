"""Which item a question across years names in each year: a name left out (「（不含补助资金）」 — the
name after an excluding word is not an operand) and a part the name must lack (「不带二期、不带年份的
那个」 — of several names in one year, the one without 二期 or a year). The words live in
qa/data/kinds/cross_year.json (name_lacks, year_parts) and qa/data/honour.json (excluding)."""

from __future__ import annotations

import dataclasses
import re

from qa.execute import NotAnswerable
from qa.honour import left_out
from qa.kinds.base import cue_data
from qa.lexicon import Mention, match_form

NAME = "cross_year"
YEAR_IN_NAME = re.compile(r"(?:19|20)\d{2}年")


def lacked_parts(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Parts the question says the item's name does not have (不带二期, 不带年份), with their spans."""
    return [(match_form(m.group("part")), m.span()) for m in re.finditer(cue_data(NAME)["name_lacks"], text)]


def _lacks(label: str, parts: list[str]) -> bool:
    name = match_form(label)
    year_words = cue_data(NAME)["year_parts"]
    return not any(YEAR_IN_NAME.search(name) if p in year_words else p in name for p in parts)


def chosen(text: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions that name operands: those left out are dropped; each keeps only the entities
    whose names lack the parts the question says they lack (an entity with them is another item)."""
    lacked = lacked_parts(text)
    parts = [p for p, _ in lacked]
    dropped = left_out(text, mentions)
    kept = []
    for m in mentions:
        if m in dropped or any(a <= m.start and m.end <= b for _, (a, b) in lacked):
            continue  # 「（不算另列的“补助资金”）」: the part said is no operand
        fitting = [e for e in m.entities if _lacks(e.label, parts)]
        if not fitting:  # 「不带二期的那个」 and every name has it: no such item
            raise NotAnswerable(f"没有名称不带“{'、'.join(parts)}”的“{m.surface}”")
        kept.append(m if fitting == m.entities else dataclasses.replace(m, entities=fitting))
    return kept


def said(text: str) -> str:
    """The question's words for these qualifiers: words a reading that honours them explains."""
    spans = [s for _, s in lacked_parts(text)]
    return "".join(text[a:b] for a, b in spans) + "".join(cue_data(NAME)["name_words"])
