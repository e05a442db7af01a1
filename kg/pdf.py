"""Reading a published PDF into the text lines the template parser reads.

Departments publish their budgets as PDFs. The parser (kg.parser) reads text the way a PDF
shows it: one visual row per line, a table row's cells left to right separated by spaces, its
amounts last, and nesting shown by leading full-width spaces (U+3000). This module makes that
text from a PDF's characters and their positions, so a PDF and its extracted text parse alike.

Only the characters' positions are used (never a guess of the table grid), so nothing here
knows any table, department or figure. Nothing is downloaded: pdfplumber/pdfminer read the
file locally, and the CJK fonts' Unicode maps ship with pdfminer.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.errors import ParseError

MAX_PDF_BYTES = 50 * 1024 * 1024  # a disclosure with scanned pages is larger; those need OCR anyway
MAX_PAGES = 1000
SPACE_GAP = 0.3  # a gap wider than this many ems is a space: CJK glyphs touch, justified text gaps stay below
MAX_INDENT = 10  # ems of indentation read as nesting; text further right is centred or right-aligned
IDEOGRAPHIC_SPACE = "\u3000"
SCANNED_AREA = 0.5  # an image covering this share of a page without text is a scanned page


@dataclass
class _Line:
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


def pdf_to_text(data: bytes, source: str) -> str:
    """The PDF's text, page by page, one visual row per line, cells joined by single spaces.

    Raises ParseError (naming the page where there is one) for an encrypted, corrupt, truncated
    or scanned PDF, instead of returning text the parser would misread.
    """
    if len(data) > MAX_PDF_BYTES:
        raise ParseError(source, None, f"PDF 文件过大：{len(data)} 字节，上限 {MAX_PDF_BYTES} (PDF too large)")
    if b"%%EOF" not in data[-2048:]:
        # pdfminer would recover what it can from a cut file and the parser would then read a
        # document with tables missing: refuse it instead
        raise ParseError(source, None, "PDF 文件不完整（没有结尾标记 %%EOF），可能下载中断，请重新下载 (truncated PDF: no %%EOF at its end)")
    import pdfplumber  # imported here: only PDF input pays for it
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about odd PDFs are not the user's business
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _check_page_count(pdf.doc, source)  # before pdfplumber walks every page of a 60,000-page file
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                raise ParseError(source, None, f"PDF 页数过多：{len(pages)} 页，上限 {MAX_PAGES} (too many pages)")
            encrypted = bool(getattr(pdf.doc, "encryption", None))
            texts = [_page_text(page, number, source, encrypted) for number, page in enumerate(pages, start=1)]
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many types for a damaged file; all mean the same to a user
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc  # pdfplumber wraps pdfminer's
        if isinstance(inner, MemoryError):  # the caller's memory limit (kg.parse_worker) says so itself
            raise inner from None
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ParseError(source, None, "PDF 文件已加密，无法读取，请先去除密码 (encrypted PDF: remove the password first)") from exc
        detail = f"{type(inner).__name__}: {str(inner)[:120]}".rstrip(": ")
        raise ParseError(source, None, f"PDF 文件已损坏，无法读取 (corrupt PDF: {detail})") from exc
    if not pages:
        raise ParseError(source, None, "PDF 文件没有页面 (the PDF has no pages)")
    if not any(t.strip() for t in texts):
        raise ParseError(source, None, "PDF 中没有可提取的文字：扫描件需要先做 OCR (no extractable text: a scanned PDF needs OCR first)")
    return "\n".join(texts)


def _check_page_count(doc, source: str) -> None:
    """Refuse a PDF whose page tree declares more than MAX_PAGES pages (the declared /Count)."""
    from pdfminer.pdftypes import resolve1

    tree = resolve1(doc.catalog.get("Pages")) if isinstance(doc.catalog, dict) else None
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    if isinstance(count, int) and count > MAX_PAGES:
        raise ParseError(source, None, f"PDF 页数过多：{count} 页，上限 {MAX_PAGES} (too many pages: {count}, page limit {MAX_PAGES})")


def _page_text(page, number: int, source: str, encrypted: bool = False) -> str:
    """One page's lines in reading order (top to bottom, each left to right)."""
    chars = [c for c in page.dedupe_chars().chars if c.get("text")]
    if not chars:
        if _scanned(page):
            raise ParseError(
                source, None, f"PDF 第{number}页只有图像、没有文字：扫描页需要先做 OCR (page {number} is an image without text: OCR it first)"
            )
        return ""  # a blank page
    unmapped = sum(1 for c in chars if c["text"].startswith("(cid:"))
    if unmapped > len(chars) / 4:
        why = (
            "PDF 已加密（限制权限），其中文字体无法解码，请另存一份未加密的 PDF (an encrypted PDF whose fonts cannot be decoded: save an unencrypted copy)"
            if encrypted
            else "字体没有 Unicode 映射，文字无法提取，需要 OCR (fonts without a Unicode map: the text cannot be extracted; OCR needed)"
        )
        raise ParseError(source, None, f"PDF 第{number}页：{why} (page {number})")
    lines = _group_lines(chars)
    starts = [_first_visible(line.chars) for line in lines]
    margin = _left_margin([c["x0"] for c in starts if c is not None])
    out = []
    for line, first in zip(lines, starts, strict=True):
        text = _join(line.chars)
        if first is not None and text:
            text = _indent(first, margin) + text
        out.append(text)
    return "\n".join(out)


def _scanned(page) -> bool:
    area = float(page.width * page.height) or 1.0
    covered = sum(max(0.0, float(i["x1"] - i["x0"])) * max(0.0, float(i["bottom"] - i["top"])) for i in page.images)
    return covered / area >= SCANNED_AREA


def _group_lines(chars: Iterable[dict]) -> list[_Line]:
    """Characters → visual rows: a character joins the row whose band it shares (cells of one table row align)."""
    lines: list[_Line] = []
    for char in sorted((c for c in chars if c.get("upright", True)), key=lambda c: (c["top"], c["x0"])):
        target = next((line for line in reversed(lines[-3:]) if line.overlaps(char)), None)
        if target is None:
            lines.append(_Line(char["top"], char["bottom"], [char]))
        else:
            target.add(char)
    lines.sort(key=lambda line: line.top)
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
    return lines


def _join(chars: list[dict]) -> str:
    """A row's characters left to right; a space where a space is drawn or the gap is wider than SPACE_GAP ems."""
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
            if space or char["x0"] - previous["x1"] > SPACE_GAP * size:
                parts.append(" ")
        parts.append(text)
        previous = char
        space = False
    return "".join(parts).rstrip()


def _first_visible(chars: list[dict]) -> dict | None:
    return next((c for c in chars if not c["text"].isspace() or c["text"] == IDEOGRAPHIC_SPACE), None)


def _left_margin(starts: list[float]) -> float:
    """The page's left text edge: the leftmost start shared by two rows (one stray mark does not move it)."""
    if not starts:
        return 0.0
    ordered = sorted(starts)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b - a <= 1.0:
            return a
    return ordered[0]


def _indent(first: dict, margin: float) -> str:
    """Leading U+3000s for a row that starts right of the margin: the parser reads nesting from them."""
    size = float(first.get("size") or 0) or 1.0
    ems = round((first["x0"] - margin) / size)
    return IDEOGRAPHIC_SPACE * ems if 0 < ems <= MAX_INDENT else ""
