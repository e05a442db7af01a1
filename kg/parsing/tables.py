"""第二部分: the 12 tables. Rows are rebuilt from PDF-extracted lines by the template's logic.

A row ends at the line that carries its amounts; the fragments before it (a name broken over
lines, a bare code) belong to it. Repeated headers after page breaks, page numbers and unit
lines are dropped. How many amounts a row has is fixed by the template's columns: a row with
another count is an error naming its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.errors import ParseError
from kg.parsing.citations import find_citations
from kg.parsing.targets import find_targets
from kg.parsing.textutil import cn_number, indent, is_noise, join, parse_amount
from kg.records import Cell, Project, Row, Span, Table
from kg.template import TableSpec, load_template

TABLE_HEADING = re.compile(r"^\s*表\s*(\d{1,2})\s*(.*)$")
NOTE = re.compile(r"^\s*注\s*[:：]")
CODE = re.compile(r"^[\[［【]?(\d{3,7})[\]］】]?\s*(.*)$")
ORDINAL = re.compile(r"^(?P<lead>其中[:：])?(?P<ord>（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+[.．、])?(?P<rest>.*)$")
TOTAL_WORDS = ("合计", "总计")
MISPRINT = re.compile(r"^[!-~]+$")  # a word without Chinese where an amount belongs


@dataclass
class Line:
    number: int  # 1-based
    raw: str

    @property
    def text(self) -> str:
        return self.raw.strip().strip("\u3000").strip()


def split_amounts(text: str) -> tuple[str, list[str]]:
    """Split 'label 1.00 2.00' into the label and its trailing amount tokens."""
    tokens = text.split()
    amounts: list[str] = []
    while tokens and parse_amount(tokens[-1]) is not None:
        amounts.insert(0, tokens.pop())
    return " ".join(tokens), amounts


def find_tables(lines: list[str], start: int, end: int) -> list[tuple[int, int, int]]:
    """(table number, first line index, end index) of each 表N heading between start and end."""
    found: list[tuple[int, int]] = []
    for i in range(start, end):
        match = TABLE_HEADING.match(lines[i])
        if match and (not match.group(2) or "表" in match.group(2)):
            found.append((int(match.group(1)), i))
    bounds = []
    for k, (number, i) in enumerate(found):
        stop = found[k + 1][1] if k + 1 < len(found) else end
        bounds.append((number, i, stop))
    return bounds


def parse_tables(
    lines: list[str], start: int, end: int, source: str, known_units: list[str], partial: bool = False
) -> tuple[list[Table], list[Project], list[str]]:
    """The tables between start and end; with `partial`, one that cannot be read is skipped with a warning."""
    template = load_template()
    tables: list[Table] = []
    projects: list[Project] = []
    warnings: list[str] = []
    for number, first, stop in find_tables(lines, start, end):
        spec = template.table(number)
        if spec is None:
            warnings.append(f"{source} 第{first + 1}行：模板中没有表{number}，已跳过 (table {number} is not in the template)")
            continue
        if any(t.number == number for t in tables):
            raise ParseError(source, first + 1, f"表{number} 重复出现 (table {number} appears twice)")
        try:
            table, table_projects = _parse_table(spec, lines, first, stop, source, known_units + [r.label for t in tables for r in t.rows if r.kind == "unit"])
        except ParseError as exc:
            if not partial:
                raise
            warnings.append(f"{exc}（已跳过表{number}，--partial）(table {number} skipped)")
            continue
        tables.append(table)
        projects.extend(table_projects)
    present = {t.number for t in tables}
    for spec in template.tables:
        if spec.number not in present:
            warnings.append(f"{source}：缺少表{spec.number}《{spec.title}》(table {spec.number} is missing)")
    return tables, projects, warnings


def _parse_table(spec: TableSpec, lines: list[str], first: int, stop: int, source: str, known_units: list[str]):
    heading = TABLE_HEADING.match(lines[first])
    title_parts = [heading.group(2).strip()] if heading and heading.group(2).strip() else []
    body = [Line(i + 1, lines[i]) for i in range(first + 1, stop) if lines[i].strip() and not is_noise(lines[i])]
    # the title: lines until the template's title is complete
    while body and not _title_complete("".join(title_parts), spec.title) and len(title_parts) < 4:
        title_parts.append(body.pop(0).text)
    title = join(title_parts) or spec.title
    note_lines: list[Line] = []
    for k, line in enumerate(body):
        if NOTE.match(line.text):
            note_lines = body[k:]
            body = body[:k]
            break
    header_end = next((k for k, line in enumerate(body) if split_amounts(line.text)[1] and _starts_row(line.text, spec)), len(body))
    header = [line.text for line in body[:header_end]]
    data = _drop_repeated_headers(body[header_end:], header)
    span = Span(first + 1, (note_lines[-1].number if note_lines else (data[-1].number if data else first + 1)))
    note = NOTE.sub("", join([n.text for n in note_lines]), count=1).strip() if note_lines else None
    builder = {
        "two_sided": _two_sided_rows,
        "classified": _classified_rows,
        "items": _item_rows,
        "units": _unit_rows,
        "projects": _unit_rows,
    }[spec.layout]
    rows, projects = builder(spec, data, source, known_units)
    for index, row in enumerate(rows):
        row.index = index
    table = Table(spec.number, title, list(spec.columns), rows, note, span, spec.classification)
    return table, projects


def _title_complete(text: str, title: str) -> bool:
    plain = re.sub(r"[“”\"（）()]", "", text)
    return bool(plain) and (plain.endswith(re.sub(r"[“”\"（）()]", "", title)[-4:]) or len(plain) >= len(title) + 6)


def _starts_row(text: str, spec: TableSpec) -> bool:
    label = split_amounts(text)[0]
    return bool(label) and (label.startswith(TOTAL_WORDS) or spec.layout in ("two_sided", "items") or CODE.match(label) is not None)


def _drop_repeated_headers(body: list[Line], header: list[str]) -> list[Line]:
    """Remove the column headers the PDF repeats at the top of each page."""
    if not header:
        return body
    kept: list[Line] = []
    k = 0
    while k < len(body):
        window = [line.text for line in body[k: k + len(header)]]
        if window == header:
            k += len(header)
            continue
        kept.append(body[k])
        k += 1
    return kept


def _cells(spec: TableSpec, amounts: list[str], line: Line, source: str, label: str) -> list[Cell]:
    if len(amounts) != len(spec.columns):
        raise ParseError(
            source,
            line.number,
            f"表{spec.number}「{label}」应有{len(spec.columns)}个金额，读到{len(amounts)}个"
            f" (expected {len(spec.columns)} amounts: {'、'.join(spec.columns)}; found {len(amounts)}: {line.text[:60]!r})",
        )
    return [Cell(column, parse_amount(token), token) for column, token in zip(spec.columns, amounts, strict=True)]


def _bad_amount_check(text: str, spec: TableSpec, line: Line, source: str, prose: bool = False) -> None:
    """A line that ends in a misprinted amount is an error, never a name fragment for the next row.

    Misprinted: amounts followed by something that is not one ('2,345.67 abc'), or, on a line that
    cannot be prose, a last word without Chinese characters ('12,3a.45', 'abc', '0.0x').
    """
    tokens = text.split()
    if len(tokens) < 2 or parse_amount(tokens[-1]) is not None:
        return
    if any(parse_amount(t) is not None for t in tokens[1:]) or (not prose and MISPRINT.match(tokens[-1])):
        raise ParseError(
            source,
            line.number,
            f"表{spec.number} 金额无法识别：{tokens[-1]!r}，该行应有{len(spec.columns)}个金额"
            f" (expected {len(spec.columns)} amount(s) such as 2,345.67: {'、'.join(spec.columns)})",
        )


# ---- 表1 / 表4: income and expenditure side by side -------------------------------------------

def _two_sided_rows(spec, data, source, known_units):
    rows: list[Row] = []
    next_ordinal = {"收入": 1, "支出": 1}
    pending: list[Line] = []
    for line in data:
        _bad_amount_check(line.text, spec, line, source)
        pairs = _pairs(line.text)
        if not pairs:
            pending.append(line)
            continue
        if pending and ORDINAL.match(pending[0].text).group("ord") and ORDINAL.match(pairs[0][0]).group("ord"):
            raise ParseError(source, pending[-1].number, f"表{spec.number} 行缺少金额：{join([p.text for p in pending])[:40]!r} (a row without its amount)")
        if pending:
            first_label = join([p.text for p in pending]) + pairs[0][0]
            pairs[0] = (first_label, pairs[0][1])
            pending = []
        sides = ["收入", "支出"] if len(pairs) == 2 else [_side(pairs[0][0], next_ordinal)]
        if len(pairs) > 2:
            raise ParseError(source, line.number, f"表{spec.number} 每行至多两组“项目 金额”，读到{len(pairs)}组 (at most two label/amount pairs)")
        for (label, amount), side in zip(pairs, sides, strict=True):
            match = ORDINAL.match(label)
            ordinal = match.group("ord")
            number = cn_number(ordinal.rstrip("、")) if ordinal else None
            if number:
                next_ordinal[side] = number + 1
            name = match.group("rest").strip()
            rows.append(
                Row(
                    label=name,
                    cells=_cells(spec, [amount], line, source, name),
                    span=Span(line.number, line.number),
                    index=0,
                    ordinal=ordinal,
                    side=side,
                    kind="total" if name.endswith(TOTAL_WORDS) else "item",
                )
            )
    return rows, []


def _pairs(text: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    label: list[str] = []
    for token in text.split():
        if parse_amount(token) is not None and label:
            pairs.append(("".join(label), token))
            label = []
        else:
            label.append(token)
    return pairs


def _side(label: str, next_ordinal: dict[str, int]) -> str:
    match = ORDINAL.match(label)
    ordinal = match.group("ord")
    number = cn_number(ordinal.rstrip("、")) if ordinal and ordinal.endswith("、") else None
    name = match.group("rest")
    by_words = "收入" if ("收入" in name or "拨款" in name or name.endswith(("资金", "预算"))) else "支出"
    if number is not None:
        fits = [side for side in ("收入", "支出") if next_ordinal[side] == number]
        if len(fits) == 1:
            return fits[0]
    return by_words


# ---- 表2, 3, 5, 6, 7, 9, 10: classification code + name ----------------------------------------

def _classified_rows(spec, data, source, known_units):
    rows: list[Row] = []
    pending: list[Line] = []
    for line in data:
        label_text, amounts = split_amounts(line.text)
        if not amounts:
            _bad_amount_check(line.text, spec, line, source)
            pending.append(line)
            continue
        if pending and label_text and CODE.match(pending[0].text) and CODE.match(label_text):
            raise ParseError(
                source,
                pending[-1].number,
                f"表{spec.number} 行缺少金额：{join([p.text for p in pending])[:40]!r}，该行应有{len(spec.columns)}个金额"
                " (a row without its amounts)",
            )
        first = pending[0] if pending else line
        text = join([p.text for p in pending] + [label_text])
        pending = []
        code_match = CODE.match(text)
        code, name = (code_match.group(1), code_match.group(2).strip()) if code_match else (None, text)
        kind = "total" if code is None and name.startswith(TOTAL_WORDS) else "item"
        if code is None and kind != "total":
            raise ParseError(source, first.number, f"表{spec.number} 行缺少科目编码：{text[:40]!r} (expected a classification code such as 201 or [20101])")
        parent = None
        if code:
            parent = next((r.index for r in reversed(rows) if r.code and code.startswith(r.code) and r.code != code), None)
        row = Row(
            label=name,
            cells=_cells(spec, amounts, line, source, name),
            span=Span(first.number, line.number),
            index=len(rows),
            code=code,
            depth=_code_depth(code),
            parent=parent,
            kind=kind,
        )
        rows.append(row)
    if pending:
        raise ParseError(source, pending[0].number, f"表{spec.number} 行不完整：{pending[0].text[:40]!r} 之后没有金额 (row without amounts; truncated table?)")
    return rows, []


def _code_depth(code: str | None) -> int:
    return {None: 0, 3: 1, 5: 2, 7: 3}.get(len(code) if code else None, 0)


# ---- 表8: labelled items nested by indentation ---------------------------------------------------

def _item_rows(spec, data, source, known_units):
    rows: list[Row] = []
    pending: list[Line] = []
    stack: list[tuple[int, int]] = []  # (indent, row index)
    for line in data:
        label_text, amounts = split_amounts(line.text)
        if not amounts:
            _bad_amount_check(line.text, spec, line, source)
            pending.append(line)
            continue
        first = pending[0] if pending else line
        text = join([p.text for p in pending] + [label_text])
        pending = []
        match = ORDINAL.match(text)
        level = indent(first.raw) + (len(match.group("lead")) if match.group("lead") else 0)
        while stack and stack[-1][0] >= level:
            stack.pop()
        name = match.group("rest").strip()
        rows.append(
            Row(
                label=name,
                cells=_cells(spec, amounts, line, source, name),
                span=Span(first.number, line.number),
                index=len(rows),
                ordinal=match.group("ord"),
                depth=len(stack),
                parent=stack[-1][1] if stack else None,
                kind="total" if name.startswith(TOTAL_WORDS) else "item",
            )
        )
        stack.append((level, len(rows) - 1))
    return rows, []


# ---- 表11 / 表12: per-unit rows, indented sub-rows or projects with their 绩效目标 ---------------

def _unit_rows(spec, data, source, known_units):
    rows: list[Row] = []
    projects: list[Project] = []
    pending: list[Line] = []
    purpose: list[Line] = []
    current_unit: Row | None = None
    with_purpose = spec.layout == "projects"

    def close_purpose() -> None:
        if projects and purpose and projects[-1].purpose == "":
            text = join([p.text for p in purpose])
            span = Span(purpose[0].number, purpose[-1].number)
            project = projects[-1]
            project.purpose = text
            project.purpose_span = span
            project.citations = find_citations(text, span)
            project.targets = find_targets(text, plain_counts=False)
        purpose.clear()

    for line in data:
        label_text, amounts = split_amounts(line.text)
        if not amounts:
            _bad_amount_check(line.text, spec, line, source, prose=with_purpose and indent(line.raw) == 0)
            if pending and with_purpose and indent(pending[0].raw) == 0 and indent(line.raw) > 0 and projects:
                purpose.extend(pending)  # a purpose line that only looked like a unit's name
                pending = [line]
            elif pending:
                pending.append(line)
                if with_purpose and "。" in join([p.text for p in pending]):
                    purpose.extend(pending)  # sentences are 绩效目标 text, never a row name
                    pending = []
            elif not with_purpose or indent(line.raw) > 0 or _starts_unit(line.text, known_units) or not projects:
                pending.append(line)
            else:
                purpose.append(line)
            continue
        if not pending and not label_text and purpose:
            # the name lost its indentation: take the purpose lines after the last sentence
            tail = [p for p in purpose if "。" not in p.text][-3:]
            pending = tail
            del purpose[len(purpose) - len(tail):]
        close_purpose()
        first = pending[0] if pending else line
        name = join([p.text for p in pending] + [label_text])
        pending = []
        if not name:
            raise ParseError(source, line.number, f"表{spec.number} 金额行缺少名称 (amounts without a row name)")
        level = indent(first.raw)
        is_total = level == 0 and name.startswith(TOTAL_WORDS)
        is_unit = not is_total and (level == 0 or name in known_units)
        row = Row(
            label=name,
            cells=_cells(spec, amounts, line, source, name),
            span=Span(first.number, line.number),
            index=len(rows),
            depth=0 if (is_total or is_unit) else 1,
            kind="total" if is_total else "unit" if is_unit else ("project" if with_purpose else "item"),
        )
        if is_unit:
            current_unit = row
            row.unit = name
        elif not is_total:
            row.parent = current_unit.index if current_unit else None
            row.unit = current_unit.label if current_unit else None
            if with_purpose:
                projects.append(Project(name=name, unit=row.unit or "", row=row, purpose="", purpose_span=None))
        rows.append(row)
    close_purpose()
    if pending:
        raise ParseError(source, pending[0].number, f"表{spec.number} 行不完整：{pending[0].text[:40]!r} 之后没有金额 (row without amounts; truncated table?)")
    return rows, projects


def _starts_unit(text: str, known_units: list[str]) -> bool:
    plain = text.strip()
    return len(plain) >= 2 and any(unit.startswith(plain) for unit in known_units)
