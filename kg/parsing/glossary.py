"""第四部分 名词解释: numbered terms and their definitions."""

from __future__ import annotations

import re

from kg.parsing.textutil import cn_number, is_noise, join
from kg.records import GlossaryTerm, Span

TERM = re.compile(r"^\s*([一二三四五六七八九十]+)、\s*(?P<term>[^:：]{1,40}?)\s*[:：]\s*(?P<rest>.*)$")


def parse_glossary(lines: list[str], start: int, end: int) -> list[GlossaryTerm]:
    terms: list[tuple[int, str, list[tuple[int, str]]]] = []
    for i in range(start, end):
        line = lines[i]
        if not line.strip() or is_noise(line):
            continue
        match = TERM.match(line)
        number = cn_number(match.group(1)) if match else None
        if match and number == len(terms) + 1:
            terms.append((number, match.group("term").strip(), [(i + 1, match.group("rest"))]))
        elif terms:
            terms[-1][2].append((i + 1, line))
    return [
        GlossaryTerm(number, join([term]), join([t for _, t in body]), Span(body[0][0], body[-1][0]))
        for number, term, body in terms
    ]
