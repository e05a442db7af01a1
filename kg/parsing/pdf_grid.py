"""Ruled tables on a PDF page as grids of cells, read from the ruling lines.

Published disclosures draw their tables with grid lines (Word and Excel both do). pdfplumber's
table finder with the "lines" strategy turns those lines into cell boxes; this module reads each
box's text (wrapped lines joined), where its text starts (nesting is drawn as indentation) and
which box covers a position that a merged cell spans. It knows no template and no table: the
meaning of the columns is kg.parsing.pdf_tables' business.

PyMuPDF's find_tables finds the same boxes on the samples but its cell text splits decimal
points and punctuation onto their own lines ('913.73' → '91373\\n.'), and it is slower; see
the README's PDF section for the comparison.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.parsing.pdf_lines import group_lines
from kg.parsing.textutil import join, tidy_spacing

TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
CENTRED = 0.15  # ems: left and right margins equal within this are a centred label, not an indented one
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


@dataclass
class GridCell:
    """One box of the grid: its text and where its first line starts inside it."""

    text: str
    indent: int  # ems from the box's left edge to the text, less the column's usual margin
    offset: float  # points from the box's left edge to the first character
    size: float  # font size of the first character
    centred: bool


@dataclass
class Grid:
    """A ruled table on one page: rows × columns of boxes, None where a merged box covers it."""

    page: int
    top: float
    bottom: float
    cells: list[list[GridCell | None]]  # the box that starts at (row, column)
    owner: list[list[tuple[int, int]]]  # (row, column) of the box covering each position

    def covering(self, row: int, column: int) -> GridCell | None:
        r, c = self.owner[row][column]
        return self.cells[r][c]

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else 0


def is_number(text: str) -> bool:
    return bool(_NUMBER.match(text))


def find_grids(page, number: int, chars: list[dict]) -> list[Grid]:
    """The page's ruled tables, top to bottom, with the text of `chars` (the page's, deduplicated) in their cells."""
    grids = []
    for table in page.find_tables(TABLE_SETTINGS):
        if len(table.rows) < 2 or len(table.rows[0].cells) < 2:
            continue  # a box or a rule, not a table
        grids.append(_grid(table, number, chars))
    return sorted(grids, key=lambda g: g.top)


def _grid(table, number: int, page_chars: list[dict]) -> Grid:
    chars = sorted((c for c in page_chars if c.get("text", "").strip()), key=lambda c: (c["top"] + c["bottom"]) / 2)
    middles = [(c["top"] + c["bottom"]) / 2 for c in chars]
    boxes = [row.cells for row in table.rows]
    cells = [[_cell(box, chars, middles) if box else None for box in row] for row in boxes]
    return Grid(number, float(table.bbox[1]), float(table.bbox[3]), cells, _owners(boxes))


def _cell(box, chars, middles) -> GridCell:
    x0, top, x1, bottom = box
    inside = [c for c in chars[bisect.bisect_left(middles, top): bisect.bisect_right(middles, bottom)] if x0 <= (c["x0"] + c["x1"]) / 2 <= x1]
    if not inside:
        return GridCell("", 0, 0.0, 0.0, False)
    lines = group_lines(inside)
    first = lines[0].chars[0]
    size = float(first.get("size") or 0) or 1.0
    left = float(first["x0"] - x0)
    right = float(x1 - lines[0].chars[-1]["x1"])
    text = tidy_spacing(join([line.text() for line in lines]))
    centred = len(lines) == 1 and abs(left - right) <= CENTRED * size and left > CENTRED * size
    return GridCell(text, 0, left, size, centred)


def _owners(boxes: list[list[tuple | None]]) -> list[list[tuple[int, int]]]:
    """For each (row, column), the box that covers it: its own, or a merged one to its left or above."""
    starts = sorted({box[0] for row in boxes for box in row if box})
    tops = sorted({box[1] for row in boxes for box in row if box})
    owner: list[list[tuple[int, int]]] = [[(r, c) for c in range(len(row))] for r, row in enumerate(boxes)]
    for r, row in enumerate(boxes):
        for c, box in enumerate(row):
            if box:
                continue
            left = next((k for k in range(c - 1, -1, -1) if boxes[r][k]), None)
            if left is not None and c < len(starts) and boxes[r][left][2] > starts[c] + 0.5:
                owner[r][c] = owner[r][left]
                continue
            up = next((k for k in range(r - 1, -1, -1) if boxes[k][c]), None)
            if up is not None and r < len(tops) and boxes[up][c][3] > tops[r] + 0.5:
                owner[r][c] = owner[up][c]
            elif left is not None:
                owner[r][c] = owner[r][left]
    return owner


def set_indents(grid: Grid, column: int, first_row: int) -> None:
    """Indentation in ems of the column's cells from `first_row` on, against the column's smallest margin."""
    present = [row[column] for row in grid.cells[first_row:] if row[column] and row[column].text and not row[column].centred]
    if not present:
        return
    margin = min(cell.offset for cell in present)
    for cell in present:
        cell.indent = round((cell.offset - margin) / (cell.size or 1.0))
