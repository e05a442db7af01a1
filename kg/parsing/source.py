"""Reading a document's bytes into text lines: encoding detection and rejection of non-documents.

Encodings are detected, never assumed: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030
(a superset of GBK/GB2312). Line ends are normalised; nothing else is changed, so line numbers
in every record point at the file as the user has it.
"""

from __future__ import annotations

import re
from pathlib import Path

from kg.errors import ParseError

MAX_BYTES = 20 * 1024 * 1024
_CJK = re.compile(r"[\u4e00-\u9fff]")
_HTML = re.compile(rb"^\s*(<!doctype html|<html|<\?xml|<head|<body)", re.IGNORECASE)


def decode(data: bytes, source: str) -> str:
    """Decode a document's bytes, or raise ParseError saying why it is not a text document."""
    if not data.strip():
        raise ParseError(source, None, "文件为空 (the file is empty)")
    if len(data) > MAX_BYTES:
        raise ParseError(source, None, f"文件过大：{len(data)} 字节，上限 {MAX_BYTES} (file too large)")
    if data.startswith(b"%PDF"):
        # PDFs are read by kg.parsing.pdf, which kg.pipeline.load_document calls; here only text is decoded
        raise ParseError(source, None, "这是 PDF 文件，请用 kgqa build 载入（由 kg.parsing.pdf 提取文字）(a PDF: load it with kgqa build, which reads it with kg.parsing.pdf)")
    if _HTML.match(data[:512]):
        raise ParseError(source, 1, "这是 HTML/XML 网页，不是预算文本 (an HTML/XML page, not a budget document's text)")
    text = _decode_text(data)
    if text is None:
        raise ParseError(source, None, "无法识别的编码或二进制文件 (binary file or unknown encoding; expected UTF-8 or GBK text)")
    bad = next((i for i, ch in enumerate(text) if ch == "\x00" or ("\x00" < ch < "\x09")), None)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        raise ParseError(source, line, "包含二进制控制字符 (binary control characters in the text)")
    if not _CJK.search(text):
        raise ParseError(source, None, "不含中文文字，不是部门预算文本 (no Chinese text: not a budget document)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_text(data: bytes) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        return _try(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _try(data, "utf-16")
    for encoding in ("utf-8", "gb18030"):
        text = _try(data, encoding)
        if text is not None:
            return text
    return None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def read_lines(path: Path) -> list[str]:
    """The document's lines (without line ends); index i is line i+1."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(str(path), None, f"无法读取文件 (cannot read): {exc.strerror}") from exc
    return decode(data, path.name).split("\n")
