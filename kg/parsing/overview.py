"""第一部分 概况: department name, numbered duties, internal units and the budget composition."""

from __future__ import annotations

import re

from kg.parsing.citations import find_citations
from kg.parsing.textutil import cn_number, indent, is_noise, join, split_region
from kg.records import Composition, Duty, InternalUnit, Span
from kg.template import load_template

SECTION = re.compile(r"^\s*([一二三四五六七八九十]+)、\s*(.+?)\s*$")
ITEM = re.compile(r"^[\s\u3000]*（([一二三四五六七八九十]+)）\s*(.*)$")
PART_ONE = re.compile(r"第一部分\s*(.+?)\s*概况")
GENERIC_NAMES = {"部门", "单位", "本部门", "本单位", "部门基本", "单位基本"}


def department_name(lines: list[str]) -> str | None:
    for line in lines[:50]:
        match = PART_ONE.search(line)
        if match and match.group(1).strip() not in GENERIC_NAMES:
            return match.group(1).strip()
    for line in lines:
        match = re.search(r"单位名称[:：]\s*(\S+)", line)
        if match:
            return match.group(1)
    return None


def _sections(lines: list[str], start: int, end: int) -> dict[str, tuple[int, int]]:
    """Map each overview section key (duties/units/composition) to its line range."""
    names = load_template().overview_sections
    heads: list[tuple[str, int]] = []
    for i in range(start, end):
        match = SECTION.match(lines[i])
        if match and indent(lines[i]) == 0:
            for key, word in names.items():
                if word in match.group(2):
                    heads.append((key, i))
    ranges: dict[str, tuple[int, int]] = {}
    for k, (key, i) in enumerate(heads):
        ranges.setdefault(key, (i + 1, heads[k + 1][1] if k + 1 < len(heads) else end))
    return ranges


def _items(lines: list[str], start: int, end: int) -> list[tuple[int, str, list[tuple[int, str]]]]:
    """Numbered （一）（二）… items: (ordinal, first-line text, [(line number, text) …])."""
    items: list[tuple[int, str, list[tuple[int, str]]]] = []
    for i in range(start, end):
        line = lines[i]
        if not line.strip() or is_noise(line):
            continue
        match = ITEM.match(line)
        number = cn_number(match.group(1)) if match else None
        if number is not None and number == len(items) + 1:
            items.append((number, match.group(2), [(i + 1, match.group(2))]))
        elif items:
            items[-1][2].append((i + 1, line))
    return items


def parse_overview(lines: list[str], start: int, end: int, source: str):
    ranges = _sections(lines, start, end)
    duties: list[Duty] = []
    units: list[InternalUnit] = []
    composition: Composition | None = None
    warnings: list[str] = []
    if "duties" in ranges:
        for number, _, body in _items(lines, *ranges["duties"]):
            text = join([t for _, t in body])
            span = Span(body[0][0], body[-1][0])
            duties.append(Duty(number, text, span, find_citations(text, span)))
    else:
        warnings.append(f"{source}：第一部分缺少“主要职责” (no duties section)")
    if "units" in ranges:
        for number, first, body in _items(lines, *ranges["units"]):
            name, rest = (re.split(r"[:：]", first, maxsplit=1) + [""])[:2]
            duty_lines = ([rest] if rest.strip() else []) + [t for _, t in body[1:]]
            text = join(duty_lines)
            span = Span(body[0][0], body[-1][0])
            units.append(InternalUnit(number, join([name]), text, span, find_citations(text, span)))
    else:
        warnings.append(f"{source}：第一部分缺少“部门机构设置” (no internal units section)")
    if "composition" in ranges:
        s, e = ranges["composition"]
        body = [(i + 1, lines[i]) for i in range(s, e) if lines[i].strip() and not is_noise(lines[i])]
        if body:
            text = join([t for _, t in body])
            composition = Composition(text, _subordinates(text), Span(body[0][0], body[-1][0]))
    else:
        warnings.append(f"{source}：第一部分缺少“部门预算构成” (no budget composition section)")
    return duties, units, composition, warnings


def _subordinates(text: str) -> list[str]:
    if load_template().no_subordinate_cue in text:
        return []
    match = re.search(r"分别[是为][:：]?(?P<list>[^。]+)", text)
    if not match:
        return []
    names = [n.strip() for n in re.split(r"[、，,；;]", match.group("list")) if n.strip()]
    region = _region_prefix(names[0]) if names else ""
    if region:  # 「…B和C」: split at 和 only where a unit's full name starts again
        names = [part for n in names for part in re.split(rf"和(?={re.escape(region)})", n)]
    return [n for n in names if not re.search(r"[（(]本级[)）]", n)]


def _region_prefix(name: str) -> str:
    """广州市天河区财政局 → 广州市天河区 (the administrative regions a name starts with)."""
    return "".join(split_region(name)[0])
