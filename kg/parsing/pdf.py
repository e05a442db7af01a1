"""Reading a published PDF into the text lines the template parser reads, each with its page.

Departments publish their budgets as PDFs. The parser (kg.parsing.document) reads lines: a table row's
label then its amounts, nesting shown by leading full-width spaces (U+3000). Ruled tables are
read as tables (kg.parsing.pdf_grid: cells from the ruling lines; kg.parsing.pdf_tables: columns matched to the
template); the other text is read from the characters' positions, one visual row per line, in
reading order — so a PDF typeset by Word or Excel, or one that only draws text, parses like
its extracted text. Nothing here knows any table, department or figure. Nothing is downloaded:
pdfplumber/pdfminer read the file locally, and the CJK fonts' Unicode maps ship with pdfminer.
"""

from __future__ import annotations

import io
import logging

from kg.errors import ParseError
from kg.parsing.pdf_grid import Grid, find_grids
from kg.parsing.pdf_lines import first_visible, group_lines, indent_ems, left_margin
from kg.parsing.pdf_tables import LineWriter, PdfText, TextLine
from kg.parsing.textutil import PAGE_NUMBER
from kg.records import BudgetDocument

MAX_PDF_BYTES = 50 * 1024 * 1024  # a disclosure with scanned pages is larger; those need OCR anyway
MAX_PAGES = 1000
SCANNED_AREA = 0.5  # an image covering this share of a page without text is a scanned page


def pdf_to_text(data: bytes, source: str) -> str:
    """The lines the template parser reads from this PDF (see read_pdf), joined."""
    return "\n".join(read_pdf(data, source).lines)


def parse_pdf(data: bytes, source: str, partial: bool = False) -> BudgetDocument:
    """The PDF's records, each span also known by its pages; errors name the page.

    With `partial`, a table that cannot be read is left out and named in the warnings and in
    the document's `missing` list, instead of stopping the build.
    """
    from kg.parsing.document import parse_lines

    text = read_pdf(data, source, partial)
    try:
        doc = parse_lines(text.lines, source, partial=partial)
    except ParseError as exc:
        if exc.line and exc.line <= len(text.pages):
            raise ParseError(source, None, exc.message, page=text.pages[exc.line - 1]) from exc
        raise
    doc.line_pages = text.pages
    for what in text.missing:
        doc.warnings.append(f"{source}：未能读出{what}")
    # the parser lists the same tables as absent: keep the entry that says where and why
    doc.missing = text.missing + [m for m in doc.missing if not any(w.startswith(m) for w in text.missing)]
    return doc


def read_pdf(data: bytes, source: str, partial: bool = False) -> PdfText:
    """The PDF as the parser's lines, page by page: prose in reading order, ruled tables row by row.

    Raises ParseError (naming the page where there is one) for an encrypted, corrupt, truncated
    or scanned PDF, or a table whose columns are not the template's, instead of returning text
    the parser would misread.
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
    writer = LineWriter(source, partial)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _check_page_count(pdf.doc, source)  # before pdfplumber walks every page of a 60,000-page file
            pages = pdf.pages
            if len(pages) > MAX_PAGES:
                raise ParseError(source, None, f"PDF 页数过多：{len(pages)} 页，上限 {MAX_PAGES} (too many pages)")
            encrypted = bool(getattr(pdf.doc, "encryption", None))
            _write_pages(pages, writer, source, encrypted)
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many types for a damaged file; all mean the same to a user
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc  # pdfplumber wraps pdfminer's
        if isinstance(inner, MemoryError):  # the caller's memory limit (kg.parsing.worker) says so itself
            raise inner from None
        if isinstance(inner, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ParseError(source, None, "PDF 文件已加密，无法读取，请先去除密码 (encrypted PDF: remove the password first)") from exc
        detail = f"{type(inner).__name__}: {str(inner)[:120]}".rstrip(": ")
        raise ParseError(source, None, f"PDF 文件已损坏，无法读取 (corrupt PDF: {detail})") from exc
    if not pages:
        raise ParseError(source, None, "PDF 文件没有页面 (the PDF has no pages)")
    if not writer.out.lines:
        raise ParseError(source, None, "PDF 中没有可提取的文字：扫描件需要先做 OCR (no extractable text: a scanned PDF needs OCR first)")
    writer.out.page_count = len(pages)
    return writer.out


def _check_page_count(doc, source: str) -> None:
    """Refuse a PDF whose page tree declares more than MAX_PAGES pages (the declared /Count)."""
    from pdfminer.pdftypes import resolve1

    tree = resolve1(doc.catalog.get("Pages")) if isinstance(doc.catalog, dict) else None
    count = resolve1(tree.get("Count")) if isinstance(tree, dict) else None
    if isinstance(count, int) and count > MAX_PAGES:
        raise ParseError(source, None, f"PDF 页数过多：{count} 页，上限 {MAX_PAGES} (too many pages: {count}, page limit {MAX_PAGES})")


def _write_pages(pages, writer: LineWriter, source: str, encrypted: bool) -> None:
    """Each page's text lines and ruled tables, top to bottom, into the writer."""
    last_was_grid = False  # a page that starts with a grid continues the table that ended the page before
    for number, page in enumerate(pages, start=1):
        blocks = [b for _, b in _page_blocks(page, number, source, encrypted)]
        for k, block in enumerate(blocks):
            if isinstance(block, Grid):
                writer.grid(block, continued=k == 0 and last_was_grid)
            else:
                writer.text(block, number)
        content = [b for b in blocks if isinstance(b, Grid) or not PAGE_NUMBER.match(b.drawn.strip())]
        if content:
            last_was_grid = isinstance(content[-1], Grid)


def _page_blocks(page, number: int, source: str, encrypted: bool = False) -> list[tuple[float, TextLine | Grid]]:
    """The page's ruled tables and its other text lines (with their indentation in ems), by their top."""
    chars = [c for c in page.dedupe_chars().chars if c.get("text")]
    if not chars:
        if _scanned(page):
            raise ParseError(
                source, None, f"PDF 第{number}页只有图像、没有文字：扫描页需要先做 OCR (page {number} is an image without text: OCR it first)"
            )
        return []  # a blank page
    unmapped = sum(1 for c in chars if c["text"].startswith("(cid:"))
    if unmapped > len(chars) / 4:
        why = (
            "PDF 已加密（限制权限），其中文字体无法解码，请另存一份未加密的 PDF (an encrypted PDF whose fonts cannot be decoded: save an unencrypted copy)"
            if encrypted
            else "字体没有 Unicode 映射，文字无法提取，需要 OCR (fonts without a Unicode map: the text cannot be extracted; OCR needed)"
        )
        raise ParseError(source, None, f"PDF 第{number}页：{why} (page {number})")
    grids = find_grids(page, number, chars)
    outside = [c for c in chars if not any(g.top - 1 <= (c["top"] + c["bottom"]) / 2 <= g.bottom + 1 for g in grids)]
    lines = group_lines(outside)
    starts = [first_visible(line.chars) for line in lines]
    margin = left_margin([c["x0"] for c in starts if c is not None])
    blocks: list[tuple[float, TextLine | Grid]] = [(g.top, g) for g in grids]
    for line, first in zip(lines, starts, strict=True):
        blocks.append((line.top, TextLine(line.text(), line.text(prose=True), indent_ems(first, margin) if first is not None else 0)))
    return sorted(blocks, key=lambda b: b[0])


def _scanned(page) -> bool:
    area = float(page.width * page.height) or 1.0
    covered = sum(max(0.0, float(i["x1"] - i["x0"])) * max(0.0, float(i["bottom"] - i["top"])) for i in page.images)
    return covered / area >= SCANNED_AREA
