"""The template parser: document text → BudgetDocument (typed records with line spans).

It finds the four parts by their headings and hands each to its own module. Nothing here knows
any particular department, project or figure.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import ParseError
from kg.parsing.explanation import parse_explanation
from kg.parsing.glossary import parse_glossary
from kg.parsing.overview import department_name, parse_overview
from kg.parsing.source import decode, read_lines
from kg.parsing.tables import parse_tables
from kg.records import BudgetDocument
from kg.template import load_template

YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def parse_file(path: str | Path, partial: bool = False) -> BudgetDocument:
    path = Path(path)
    return parse_lines(read_lines(path), path.name, partial)


def parse_text(text: str | bytes, source: str = "<text>", partial: bool = False) -> BudgetDocument:
    if isinstance(text, bytes):
        text = decode(text, source)
    return parse_lines(text.removeprefix("\ufeff").replace("\r\n", "\n").split("\n"), source, partial)  # a BOM read as text


def _part_starts(lines: list[str]) -> dict[str, int]:
    parts = load_template().parts
    starts: dict[str, int] = {}
    for i, line in enumerate(lines):
        head = line.strip()
        for key, word in parts.items():
            if head.startswith(word) and key not in starts:
                starts[key] = i
    return starts


def parse_lines(lines: list[str], source: str, partial: bool = False) -> BudgetDocument:
    """The document's records. With `partial`, a table that cannot be read is skipped and listed in
    `missing` (and the warnings) instead of failing the whole document."""
    starts = _part_starts(lines)
    if not starts:
        raise ParseError(
            source,
            1,
            "找不到“第一部分”至“第四部分”的标题，不是部门预算公开文本 "
            "(no 第一部分…第四部分 headings: not a department budget document in the standard template)",
        )
    order = sorted(starts.items(), key=lambda kv: kv[1])
    bounds = {key: (i, order[k + 1][1] if k + 1 < len(order) else len(lines)) for k, (key, i) in enumerate(order)}
    warnings: list[str] = []
    missing: list[str] = []
    template = load_template()
    names = {key: f"{part} {template.part_titles[key]}" for key, part in template.parts.items()}
    for key, name in names.items():
        if key not in bounds:
            warnings.append(f"{source}：缺少{name} (part missing)")
            missing.append(name)

    department = department_name(lines)
    if not department:
        raise ParseError(source, 1, "找不到部门名称（“第一部分 …概况”或“单位名称：…”）(department name not found)")
    year = _year(lines, bounds)
    if year is None:
        raise ParseError(source, (bounds.get("tables", (0, 0))[0] + 1), "找不到预算年度（如“2025年部门预算表”）(budget year not found)")

    duties, units, composition, overview_warnings = ([], [], None, [])
    if "overview" in bounds:
        duties, units, composition, overview_warnings = parse_overview(lines, *bounds["overview"], source)
    warnings.extend(overview_warnings)
    known_units = [department] + (composition.subordinate_units if composition else [])
    tables, projects, table_warnings = ([], [], [])
    if "tables" in bounds:
        tables, projects, table_warnings = parse_tables(lines, *bounds["tables"], source, known_units, partial)
    warnings.extend(table_warnings)
    sections, figures, goals = ([], [], [])
    if "explanation" in bounds:
        sections, figures, goals = parse_explanation(lines, *bounds["explanation"], source)
    glossary = parse_glossary(lines, *bounds["glossary"]) if "glossary" in bounds else []
    present = {t.number for t in tables}
    missing.extend(f"表{spec.number}《{spec.title}》" for spec in load_template().tables if "tables" in bounds and spec.number not in present)
    return BudgetDocument(
        source=source,
        doc_id=f"{department}-{year}",
        department=department,
        year=year,
        duties=duties,
        units=units,
        composition=composition,
        tables=tables,
        projects=projects,
        figures=figures,
        sections=sections,
        goals=goals,
        glossary=glossary,
        warnings=warnings,
        line_count=len(lines),
        missing=missing,
    )


def _year(lines: list[str], bounds: dict[str, tuple[int, int]]) -> int | None:
    for key in ("tables", "explanation"):
        if key in bounds:
            match = YEAR.search(lines[bounds[key][0]])
            if match:
                return int(match.group(1))
    for line in lines[:200]:
        match = YEAR.search(line)
        if match and "预算" in line:
            return int(match.group(1))
    return None
