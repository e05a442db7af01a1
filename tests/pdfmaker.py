"""Test helper: typeset a corpus document as the PDF a department publishes.

The corpus holds text as extracted from the published PDFs; this draws it back into a PDF the
way such disclosures are printed, so kg.parsing.pdf is tested on real layout, not on pre-joined strings:

* A4 portrait prose pages (第一部分, 第三部分, 第四部分), one text line per printed line,
  nesting as horizontal indentation (no U+3000 is drawn);
* A4 landscape table pages (第二部分): each of the 12 tables from its parsed rows, the row's
  label cell at the left (code and name in their own columns where the template has them),
  every amount right-aligned in its own column at a fixed x, long names wrapped inside their
  cell with the amounts on the cell's last line, a project's 绩效目标 in a full-width row
  below it, page breaks that repeat the column headers, "- N -" page numbers at the bottom.

The font is the built-in CID font STSong-Light: no font file, nothing downloaded.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from kg.parsing.document import parse_file
from kg.parsing.tables import split_amounts
from kg.parsing.textutil import indent, is_noise, join
from kg.records import BudgetDocument, Row, Table
from kg.template import load_template

FONT = "STSong-Light"
PORTRAIT = A4
LANDSCAPE = landscape(A4)
PROSE_SIZE, PROSE_LEADING, PROSE_MARGIN = 12.0, 21.0, 72.0
TABLE_SIZE, TABLE_LEADING, TABLE_MARGIN = 8.0, 12.5, 40.0
HEADER_SIZE = 7.5
PAD = 3.0  # inside a cell, from its border
BOTTOM = 56.0  # lowest baseline of the text block; the page number sits below it

pdfmetrics.registerFont(UnicodeCIDFont(FONT))

# a visual line: (x, text, "l" | "r" | "c") pieces drawn on one baseline
Piece = tuple[float, str, str]


def width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text: str, size: float, room: float) -> list[str]:
    """Break text into lines no wider than room (character by character, as CJK typesetting does)."""
    lines: list[str] = []
    current = ""
    for char in text:
        if current and width(current + char, size) > room:
            lines.append(current)
            current = char.lstrip()
        else:
            current += char
    return [*lines, current] if current or not lines else lines


@dataclass
class Grid:
    """Column positions of one table: label columns (x, width) then amount columns (right edges)."""

    labels: list[tuple[float, float]]
    amounts: list[float]
    left: float
    right: float


class Typesetter:
    """A canvas that knows where the next line goes and numbers the pages it finishes."""

    def __init__(self, out: io.BytesIO | str) -> None:
        self.canvas = Canvas(out, pagesize=PORTRAIT, invariant=1)
        self.canvas.setTitle("部门预算公开")
        self.page_size = PORTRAIT
        self.number = 0  # printed page number; the cover has none
        self.y = 0.0
        self.open = False

    def new_page(self, size: tuple[float, float], numbered: bool = True) -> None:
        self.finish_page()
        self.page_size = size
        self.canvas.setPageSize(size)
        self.y = size[1] - (TABLE_MARGIN if size == LANDSCAPE else PROSE_MARGIN)
        self.number += 1 if numbered else 0
        self.numbered = numbered
        self.open = True

    def finish_page(self) -> None:
        if not self.open:
            return
        if self.numbered:
            self.canvas.setFont(FONT, 9)
            self.canvas.drawCentredString(self.page_size[0] / 2, 28, f"- {self.number} -")
        self.canvas.showPage()
        self.open = False

    def room(self, leading: float, lines: int = 1) -> bool:
        return self.y - leading * (lines - 1) >= BOTTOM

    def line(self, pieces: list[Piece], size: float, leading: float) -> None:
        self.canvas.setFont(FONT, size)
        for x, text, align in pieces:
            if not text:
                continue
            if align == "r":
                self.canvas.drawRightString(x, self.y, text)
            elif align == "c":
                self.canvas.drawCentredString(x, self.y, text)
            else:
                self.canvas.drawString(x, self.y, text)
        self.y -= leading

    def save(self) -> None:
        self.finish_page()
        self.canvas.save()


# ---- prose ----------------------------------------------------------------------------------------

PART_WORDS = ("第一部分", "第三部分", "第四部分")


def prose(ts: Typesetter, lines: list[str]) -> None:
    """Draw text lines as printed: a part heading opens a page, nesting is indentation."""
    for raw in lines:
        if not raw.strip() or is_noise(raw):
            continue  # blank lines and the old page numbers are extraction artefacts
        text = raw.strip(" ").lstrip("\u3000")
        if text.startswith(PART_WORDS):
            ts.new_page(PORTRAIT)
            ts.line([(PORTRAIT[0] / 2, text, "c")], 16, 34)
            continue
        if not ts.open or not ts.room(PROSE_LEADING):
            ts.new_page(PORTRAIT)
        ts.line([(PROSE_MARGIN + indent(raw.lstrip(" ")) * PROSE_SIZE, text, "l")], PROSE_SIZE, PROSE_LEADING)


# ---- tables ---------------------------------------------------------------------------------------


def make_grid(label_widths: list[float], columns: int) -> Grid:
    left, right = TABLE_MARGIN, LANDSCAPE[0] - TABLE_MARGIN
    labels: list[tuple[float, float]] = []
    x = left
    for w in label_widths:
        labels.append((x, w))
        x += w
    step = min(72.0, (right - x) / max(columns, 1))
    return Grid(labels, [x + step * (k + 1) for k in range(columns)], left, x + step * columns)


def header_lines(grid: Grid, label_heads: list[str], columns: list[str]) -> list[list[Piece]]:
    """Column headings, each wrapped inside its own column, top-aligned (the table's first rows)."""
    cells: list[tuple[float, list[str], str]] = []
    for (x, w), head in zip(grid.labels, label_heads, strict=True):
        cells.append((x + PAD, wrap(head, HEADER_SIZE, w - 2 * PAD), "l"))
    step = grid.amounts[1] - grid.amounts[0] if len(grid.amounts) > 1 else grid.amounts[0] - grid.labels[-1][0] - grid.labels[-1][1]
    for right, head in zip(grid.amounts, columns, strict=True):
        cells.append((right - step / 2, wrap(head, HEADER_SIZE, step - 2 * PAD), "c"))
    depth = max(len(lines) for _, lines, _ in cells)
    return [[(x, lines[k], align) for x, lines, align in cells if k < len(lines)] for k in range(depth)]


def row_lines(grid: Grid, labels: list[tuple[int, str, int]], amounts: list[str]) -> list[list[Piece]]:
    """One table row: label cells (column, text, indent in ems) wrapped in their columns, amounts on the last line."""
    cells: list[list[Piece]] = []
    for column, text, ems in labels:
        x, w = grid.labels[column]
        start = x + PAD + ems * TABLE_SIZE
        parts = wrap(text, TABLE_SIZE, x + w - PAD - start)
        # continuation lines start at the cell's left edge, as the PDFs print them
        cells.append([(start if k == 0 else x + PAD, part, "l") for k, part in enumerate(parts)])
    depth = max([len(c) for c in cells] + [1])
    lines: list[list[Piece]] = [[] for _ in range(depth)]
    for cell in cells:
        for k, piece in enumerate(cell):
            lines[k].append(piece)
    lines[-1].extend((right - PAD, amount, "r") for right, amount in zip(grid.amounts, amounts, strict=True))
    return lines


def full_width(grid: Grid, text: str) -> list[list[Piece]]:
    right = LANDSCAPE[0] - TABLE_MARGIN
    return [[(grid.left + PAD, part, "l")] for part in wrap(text, TABLE_SIZE, right - grid.left - 2 * PAD)]


def amounts_of(row: Row) -> list[str]:
    return [cell.text for cell in row.cells]


def source_label(lines: list[str], row: Row) -> tuple[str, int]:
    """The row's label cell as the text prints it (e.g. 其中：（一）…) and its indentation."""
    raw = lines[row.span.start - 1 : row.span.end]
    texts = [r.strip(" ").strip("\u3000") for r in raw]
    texts[-1] = split_amounts(texts[-1])[0]
    return join(texts), indent(raw[0].lstrip(" "))


def table_blocks(table: Table, lines: list[str], purposes: dict[int, str]) -> tuple[Grid, list[list[Piece]], list[list[list[Piece]]]]:
    """The table's grid, its column headings and its rows, each a block of visual lines."""
    layout = load_template().table(table.number).layout
    n = len(table.columns)
    blocks: list[list[list[Piece]]] = []
    if layout == "two_sided":  # 表1/表4: 收入 项目 预算 | 支出 项目 预算
        half = (LANDSCAPE[0] - 2 * TABLE_MARGIN) / 2
        income, expense = (TABLE_MARGIN, half - 80), (TABLE_MARGIN + half, half - 80)
        grid = Grid([income, expense], [TABLE_MARGIN + half, TABLE_MARGIN + 2 * half], TABLE_MARGIN, TABLE_MARGIN + 2 * half)
        heads = [
            [(income[0] + half / 2, "收入", "c"), (expense[0] + half / 2, "支出", "c")],
            [(income[0] + PAD, "项目", "l"), (grid.amounts[0] - PAD, "预算", "r"), (expense[0] + PAD, "项目", "l"), (grid.amounts[1] - PAD, "预算", "r")],
        ]
        visual: dict[int, list[Row]] = {}  # rows printed on one line share their line number
        for row in table.rows:
            visual.setdefault(row.span.start, []).append(row)
        for group in visual.values():
            pieces: list[Piece] = []
            for k, row in enumerate(group):
                right_side = k == 1 or (len(group) == 1 and row.side == "支出")
                x = (expense if right_side else income)[0]
                pieces.append((x + PAD, (row.ordinal or "") + row.label, "l"))
                pieces.append((grid.amounts[1 if right_side else 0] - PAD, amounts_of(row)[0], "r"))
            blocks.append([pieces])
        return grid, heads, blocks
    if layout == "classified":  # code and name in two columns (表2/3/9/10) or "[code]name" in one (表5/6/7)
        coded = [r for r in table.rows if r.code]
        bracketed = bool(coded) and f"[{coded[0].code}]" in lines[coded[0].span.start - 1]
        grid = make_grid([260.0] if bracketed else [56.0, 112.0], n)  # a narrow name column: long names wrap
        head = "经济分类科目" if table.classification == "economic" else "功能分类科目"
        heads = header_lines(grid, [head] if bracketed else ["科目编码", "科目名称"], list(table.columns))
        for row in table.rows:
            ems = max(row.depth - 1, 0)
            if row.code is None:
                cells = [(0, row.label, 0)]
            elif bracketed:
                cells = [(0, f"[{row.code}]{row.label}", ems)]
            else:
                cells = [(0, row.code, 0), (1, row.label, ems)]
            blocks.append(row_lines(grid, cells, amounts_of(row)))
        return grid, heads, blocks
    if layout == "items":  # 表8: the label as printed (其中：（一）…), nesting by indentation
        grid = make_grid([300.0], n)
        for row in table.rows:
            text, ems = source_label(lines, row)
            blocks.append(row_lines(grid, [(0, text, ems)], amounts_of(row)))
        return grid, header_lines(grid, ["项目"], list(table.columns)), blocks
    # 表11/表12: unit rows flush left, their items or projects indented, a project's 绩效目标 below it
    grid = make_grid([250.0], n)
    for row in table.rows:
        ems = 0 if row.kind in ("total", "unit") else (source_label(lines, row)[1] or 1)
        block = row_lines(grid, [(0, row.label, ems)], amounts_of(row))
        if purposes.get(id(row)):
            block += full_width(grid, purposes[id(row)])
        blocks.append(block)
    return grid, header_lines(grid, ["支出项目类别（资金使用单位）"], list(table.columns)), blocks


def page_top(ts: Typesetter, unit_line: list[Piece], heads: list[list[Piece]], new_page: bool = False) -> None:
    """The lines every page of a table starts with: the unit line and the column headings (repeated after a break)."""
    if new_page:
        ts.new_page(LANDSCAPE)
    ts.line(unit_line, TABLE_SIZE, TABLE_LEADING + 2)
    for head in heads:
        ts.line(head, HEADER_SIZE, TABLE_LEADING)


def tables_part(ts: Typesetter, doc: BudgetDocument, lines: list[str], heading: str) -> None:
    """第二部分: every table from its first page (表N, title, headings) over as many pages as it needs."""
    purposes = {id(p.row): p.purpose for p in doc.projects}
    unit_line = [(TABLE_MARGIN, "单位：万元", "l"), (TABLE_MARGIN + 120, f"单位名称：{doc.department}", "l")]
    for k, table in enumerate(doc.tables):
        grid, heads, blocks = table_blocks(table, lines, purposes)
        ts.new_page(LANDSCAPE)
        if k == 0:
            ts.line([(LANDSCAPE[0] / 2, heading, "c")], 16, 28)
        ts.line([(grid.left, f"表{table.number}", "l")], 10, 20)
        ts.line([(LANDSCAPE[0] / 2, table.title, "c")], 14, 22)
        page_top(ts, unit_line, heads)
        for block in blocks:
            if not ts.room(TABLE_LEADING, len(block)) and len(block) * TABLE_LEADING < 300:
                page_top(ts, unit_line, heads, new_page=True)  # a row and its 绩效目标 stay on one page when they fit
            for visual in block:
                if not ts.room(TABLE_LEADING):
                    page_top(ts, unit_line, heads, new_page=True)
                ts.line(visual, TABLE_SIZE, TABLE_LEADING)
        if table.note is not None:
            for visual in full_width(grid, f"注：{table.note}"):
                if not ts.room(TABLE_LEADING):
                    ts.new_page(LANDSCAPE)
                ts.line(visual, TABLE_SIZE, TABLE_LEADING)


# ---- the document ---------------------------------------------------------------------------------


def make_pdf(txt: str | Path, out: str | Path | None = None) -> bytes:
    """Typeset the corpus text file as a published PDF; returns its bytes (and writes them to out)."""
    txt = Path(txt)
    doc = parse_file(txt)
    lines = txt.read_text("utf-8").replace("\r\n", "\n").split("\n")
    heads = [i for i, line in enumerate(lines) if line.strip().startswith(("第二部分", "第三部分"))]
    tables_at = next(i for i in heads if lines[i].strip().startswith("第二部分"))
    after = next(i for i in heads if lines[i].strip().startswith("第三部分"))
    buffer = io.BytesIO()
    ts = Typesetter(buffer)
    ts.new_page(PORTRAIT, numbered=False)  # the cover
    ts.y = PORTRAIT[1] * 0.62
    ts.line([(PORTRAIT[0] / 2, doc.department, "c")], 24, 44)
    ts.line([(PORTRAIT[0] / 2, f"{doc.year}年部门预算", "c")], 24, 44)
    prose(ts, lines[:tables_at])
    tables_part(ts, doc, lines, lines[tables_at].strip())
    prose(ts, lines[after:])
    ts.save()
    data = buffer.getvalue()
    if out is not None:
        Path(out).write_bytes(data)
    return data


def small_pdf(lines: list[str], password: str | None = None, rotated: bool = False, scanned_page: bool = False) -> bytes:
    """A one-page PDF of text lines (a "\t" splits a line into a left cell and a right-aligned amount).

    password: encrypted with that user password; rotated: a landscape page printed the way many
    disclosures print their tables, as a portrait page turned by /Rotate 90; scanned_page: a
    second page that is only an image, like a scan without OCR.
    """
    from reportlab.lib import pdfencrypt

    buffer = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(password, ownerPassword="owner", strength=128) if password else None
    canvas = Canvas(buffer, pagesize=PORTRAIT, invariant=1, encrypt=encrypt)
    if rotated:
        canvas.setPageRotation(90)
        canvas.rotate(90)  # draw in the turned page's coordinates: it reads upright once rotated
        canvas.translate(0, -PORTRAIT[0])
    canvas.setFont(FONT, 10)
    y = (PORTRAIT[0] if rotated else PORTRAIT[1]) - 72
    for line in lines:
        label, _, amount = line.partition("\t")
        ems = len(label) - len(label.lstrip("\u3000"))
        canvas.drawString(72 + ems * 10, y, label.lstrip("\u3000"))
        if amount:
            canvas.drawRightString(400, y, amount)
        y -= 18
    canvas.showPage()
    if scanned_page:
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        canvas.drawImage(ImageReader(Image.new("L", (40, 56), 200)), 0, 0, PORTRAIT[0], PORTRAIT[1])
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def no_text_pdf(out: str | Path | None = None) -> bytes:
    """A PDF that draws only a rectangle: no text to extract (like a scan without OCR)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PORTRAIT, invariant=1)
    canvas.rect(72, 72, 300, 200, stroke=1, fill=0)
    canvas.showPage()
    canvas.save()
    data = buffer.getvalue()
    if out is not None:
        Path(out).write_bytes(data)
    return data
