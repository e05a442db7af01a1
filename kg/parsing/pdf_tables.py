"""A PDF's pages as the template parser's lines: prose in reading order, ruled tables row by row.

The template parser (kg.parsing.document) reads lines: a table row is its label, then its amounts in the
template's column order; nesting is leading U+3000; a project's 绩效目标 follows its row. This
module writes those lines from what kg.parsing.pdf_grid read off the page — the columns named by the
table's (merged) header cells and matched to the template's columns (kg/data/template.json
through kg.template), wrapped cell text joined, header rows repeated on later pages dropped,
rows of a table continued on the next page appended to it — so both paths share one parser
and produce the same records. Each line keeps its page, for provenance and error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import ParseError
from kg.parsing.pdf_grid import Grid, is_number, set_indents
from kg.parsing.tables import TABLE_HEADING
from kg.parsing.textutil import PAGE_NUMBER, parse_amount
from kg.template import TableSpec, load_template

IDEOGRAPHIC_SPACE = "\u3000"


@dataclass
class PdfText:
    """The lines the parser reads, the page of each, and what a partial read left out."""

    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    page_count: int = 0


@dataclass
class TextLine:
    """A line of page text outside the ruled tables: as drawn, as prose (typesetting's spaces removed), its indentation."""

    drawn: str
    prose: str
    indent: int  # ems right of the page's left text edge


@dataclass
class _Columns:
    """How one table's grid columns map to the template: label columns, amounts in template order, text columns."""

    width: int
    labels: list[int]
    amounts: list[int]
    texts: list[int]


class LineWriter:
    """Turns a PDF's blocks (text lines and grids, page by page) into the parser's lines."""

    def __init__(self, source: str, partial: bool = False) -> None:
        self.source = source
        self.partial = partial
        self.out = PdfText()
        self.template = load_template()
        self.part: str | None = None
        self.spec: TableSpec | None = None
        self.columns: _Columns | None = None
        self.table_start = 0
        self.skipping = False

    def _emit(self, text: str, page: int) -> None:
        self.out.lines.append(text)
        self.out.pages.append(page)

    def text(self, line: TextLine, page: int) -> None:
        """One line of page text: the prose parts are written flush, typesetting's spaces removed;
        elsewhere (第二部分, where tables may be drawn as text) the line is kept as drawn, nesting as U+3000."""
        plain = line.drawn.strip()
        if not plain or PAGE_NUMBER.match(plain):
            return
        part = next((key for key, word in self.template.parts.items() if plain.startswith(word)), None)
        if part:
            self.part, self.spec, self.skipping = part, None, False
        heading = TABLE_HEADING.match(plain) if self.part == "tables" else None
        if heading and (not heading.group(2) or "表" in heading.group(2)):
            self.spec = self.template.table(int(heading.group(1)))
            self.columns, self.table_start, self.skipping = None, len(self.out.lines), False
        if self.skipping:
            return
        if self.part in (None, "tables"):
            self._emit(IDEOGRAPHIC_SPACE * line.indent + plain, page)
        else:
            self._emit(line.prose.strip(), page)

    def grid(self, grid: Grid, continued: bool) -> None:
        if self.skipping:
            return
        if self.part != "tables" or self.spec is None:
            for line in _plain_lines(grid, continued):
                self._emit(line, grid.page)
            return
        try:
            lines, self.columns = _table_lines(grid, self.spec, self.columns, self.source)
        except ParseError as exc:
            if not self.partial:
                raise
            del self.out.lines[self.table_start:], self.out.pages[self.table_start:]
            name = f"表{self.spec.number}《{self.spec.title}》"
            self.out.missing.append(f"{name}（第{grid.page}页）：{exc.message.removeprefix(f'{name}：')}")
            self.skipping = True
            return
        for line in lines:
            self._emit(line, grid.page)


def _is_amount(text: str) -> bool:
    return parse_amount(text) is not None  # 2,345.67: codes such as 2080505 are not amounts


def _data_start(grid: Grid, numeric=_is_amount) -> int | None:
    """The first row holding a number: rows above it are the (possibly repeated) header."""
    return next((r for r, row in enumerate(grid.cells) if any(c and numeric(c.text) for c in row)), None)


def _numeric_columns(grid: Grid, start: int, numeric=_is_amount) -> list[int]:
    found = []
    for c in range(grid.width):
        texts = [row[c].text for row in grid.cells[start:] if row[c] and row[c].text]
        if texts and all(numeric(t) for t in texts):
            found.append(c)
    return found


def _header_path(grid: Grid, column: int, rows: int) -> list[str]:
    """The header texts above a column, top to bottom, one per (merged) cell, without the template's
    header prefixes (「其中：」)."""
    prefixes = load_template().header_prefixes
    path: list[str] = []
    seen: set[tuple[int, int]] = set()
    for r in range(rows):
        owner = grid.owner[r][column]
        cell = grid.covering(r, column)
        if owner in seen or cell is None or not cell.text:
            continue
        seen.add(owner)
        path.append(next((cell.text.removeprefix(p) for p in prefixes if cell.text.startswith(p)), cell.text))
    return path


def _fail(spec: TableSpec, grid: Grid, source: str, what: str) -> ParseError:
    return ParseError(source, None, f"表{spec.number}《{spec.title}》：{what}", page=grid.page)


def _map_columns(grid: Grid, spec: TableSpec, start: int, source: str) -> _Columns:
    """Name each amount column by its header cells and find it among the template's columns."""
    numeric = _numeric_columns(grid, start)
    if not numeric:
        raise _fail(spec, grid, source, f"表格中没有金额列 (no amount columns; expected {'、'.join(spec.columns)})")
    first = numeric[0]
    non_numeric = [c for c in range(grid.width) if c not in numeric]
    labels = [c for c in non_numeric if c < first]
    texts = [c for c in non_numeric if c > first]
    if spec.layout == "two_sided":
        return _Columns(grid.width, [], numeric, [])
    found: dict[str, int] = {}
    for column in numeric:
        path = _header_path(grid, column, start)
        name = next((n for n in ("".join(path[k:]) for k in range(len(path))) if n in spec.columns and n not in found), None)
        if name is None:
            raise _fail(
                spec, grid, source,
                f"第{column + 1}列的表头「{'／'.join(path) or '（空）'}」不是模板中的列 (column header not in the template; expected one of {'、'.join(spec.columns)})",
            )
        found[name] = column
    lacking = [name for name in spec.columns if name not in found]
    if lacking:
        raise _fail(spec, grid, source, f"缺少列：{'、'.join(lacking)} (columns missing; expected {'、'.join(spec.columns)})")
    return _Columns(grid.width, labels, [found[name] for name in spec.columns], texts)


def _table_lines(grid: Grid, spec: TableSpec, previous: _Columns | None, source: str) -> tuple[list[str], _Columns | None]:
    """One line per data row (label, amounts in template order), then the row's text cells (表12's 绩效目标)."""
    start = _data_start(grid)
    if start is None:
        return [], previous  # only the header, repeated at a page's foot
    if start == 0:
        if previous is None or previous.width != grid.width:
            raise _fail(spec, grid, source, "表格没有表头，也不是上一页表格的续表 (no header row and not a continuation of the previous page's table)")
        columns = previous
    else:
        columns = _map_columns(grid, spec, start, source)
    if spec.layout == "two_sided":
        return [" ".join(c.text for c in row if c and c.text) for row in grid.cells[start:] if any(c and c.text for c in row)], columns
    if columns.labels:
        set_indents(grid, columns.labels[0], start)
    lines: list[str] = []
    for row in grid.cells[start:]:
        lines.extend(_row_lines(row, columns, spec, grid, source))
    return lines, columns


def _row_lines(row, columns: _Columns, spec: TableSpec, grid: Grid, source: str) -> list[str]:
    label_cells = [row[c] for c in columns.labels if row[c] and row[c].text]
    label = " ".join(cell.text for cell in label_cells)
    amounts = [row[c].text if row[c] else "" for c in columns.amounts]
    if not label and not any(amounts):
        return []
    for name, text in zip(spec.columns, amounts, strict=True):
        if parse_amount(text) is None:
            raise _fail(
                spec, grid, source,
                f"「{label[:30]}」的「{name}」{'为空' if not text else f'不是金额：{text!r}'} (expected an amount such as 2,345.67 in column {name})",
            )
    first = label_cells[0] if label_cells else None
    nesting = IDEOGRAPHIC_SPACE * first.indent if first and not first.centred else ""
    texts = [row[c].text for c in columns.texts if row[c] and row[c].text]
    return [nesting + " ".join(t for t in (label, *amounts) if t), *texts]


def _plain_lines(grid: Grid, continued: bool) -> list[str]:
    """A ruled table outside 第二部分 (第三部分's key projects): header once, each row's cells, long text after."""
    start = _data_start(grid, is_number) or 0
    numeric = _numeric_columns(grid, start, is_number)
    last = max(numeric) if numeric else grid.width - 1
    lines: list[str] = []
    if not continued:
        for r in range(start):
            seen: list[tuple[int, int]] = []
            for c in range(grid.width):
                if grid.owner[r][c] not in seen and grid.covering(r, c) and grid.covering(r, c).text:
                    seen.append(grid.owner[r][c])
            lines.append(" ".join(grid.cells[o[0]][o[1]].text for o in seen))
    for row in grid.cells[start:]:
        head = " ".join(cell.text for cell in row[: last + 1] if cell and cell.text)
        tail = [cell.text for cell in row[last + 1:] if cell and cell.text]
        lines.extend([t for t in (head, *tail) if t])
    return lines
