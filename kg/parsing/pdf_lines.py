"""Characters of a PDF page into text lines: visual rows, spaces from gaps, indentation in ems.

pdfminer gives each character with its box; a line of text is the characters that share a
vertical band, left to right, with a space where one is drawn or the gap is wide. Used for the
page text outside ruled tables (kg.parsing.pdf) and for the text inside each cell (kg.parsing.pdf_grid).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.parsing.textutil import tidy_spacing

SPACE_GAP = 0.3  # a gap wider than this many ems is a space: CJK glyphs touch, justified text gaps stay below
TYPESET_GAP = 1.0  # in prose, a gap narrower than this between Chinese and Latin/digits is typesetting, not a column
MAX_INDENT = 10  # ems of indentation read as nesting; text further right is centred or right-aligned
IDEOGRAPHIC_SPACE = "\u3000"


@dataclass
class TextRow:
    """One visual row of a page: the characters whose boxes share a vertical band."""

    top: float
    bottom: float
    chars: list[dict] = field(default_factory=list)

    def overlaps(self, char: dict) -> bool:
        shared = min(self.bottom, char["bottom"]) - max(self.top, char["top"])
        height = min(self.bottom - self.top, char["bottom"] - char["top"]) or 1.0
        return shared >= 0.5 * height

    def add(self, char: dict) -> None:
        self.chars.append(char)
        self.top = min(self.top, char["top"])
        self.bottom = max(self.bottom, char["bottom"])

    def text(self, prose: bool = False) -> str:
        return join_chars(self.chars, prose)


def group_lines(chars: Iterable[dict]) -> list[TextRow]:
    """Characters → visual rows: a character joins the row whose band it shares (cells of one table row align)."""
    lines: list[TextRow] = []
    for char in sorted((c for c in chars if c.get("upright", True)), key=lambda c: (c["top"], c["x0"])):
        target = next((line for line in reversed(lines[-3:]) if line.overlaps(char)), None)
        if target is None:
            lines.append(TextRow(char["top"], char["bottom"], [char]))
        else:
            target.add(char)
    lines.sort(key=lambda line: line.top)
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
    return lines


def join_chars(chars: list[dict], prose: bool = False) -> str:
    """A row's characters left to right; a space where a space is drawn or the gap is wider than SPACE_GAP ems.

    In `prose`, a gap (no space drawn) narrower than TYPESET_GAP ems between a Chinese character
    and a Latin letter or digit is typesetting's (「2025 年」), not a space; a drawn space is text.
    """
    parts: list[str] = []
    previous: dict | None = None
    space = False
    for char in chars:
        text = char["text"]
        if text.isspace() and text != IDEOGRAPHIC_SPACE:
            space = True
            continue
        if previous is not None:
            size = max(float(char.get("size") or 0), float(previous.get("size") or 0), 1.0)
            gap = char["x0"] - previous["x1"]
            typeset = prose and not space and gap < TYPESET_GAP * size and _mixed(previous["text"], text)
            if (space or gap > SPACE_GAP * size) and not typeset:
                parts.append(" ")
        parts.append(text)
        previous = char
        space = False
    return "".join(parts).rstrip()


def _mixed(left: str, right: str) -> bool:
    """A Chinese character beside a Latin letter or digit (either way round)."""
    return bool(tidy_spacing(f"{left[-1:]} {right[:1]}") != f"{left[-1:]} {right[:1]}")


def first_visible(chars: list[dict]) -> dict | None:
    return next((c for c in chars if not c["text"].isspace() or c["text"] == IDEOGRAPHIC_SPACE), None)


def left_margin(starts: list[float]) -> float:
    """The page's left text edge: the leftmost start shared by two rows (one stray mark does not move it)."""
    if not starts:
        return 0.0
    ordered = sorted(starts)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b - a <= 1.0:
            return a
    return ordered[0]


def indent_ems(first: dict, margin: float) -> int:
    """Ems a row starts right of the margin (nesting, for tables drawn as text); 0 beyond MAX_INDENT (centred)."""
    size = float(first.get("size") or 0) or 1.0
    ems = round((first["x0"] - margin) / size)
    return ems if 0 < ems <= MAX_INDENT else 0
