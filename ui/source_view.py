"""A cited line in its context: GET /source?doc=ID&line=N[&mark=TEXT…] shows the document's text
around line N, that line highlighted and each `mark` (the figure, the row's label) marked in it, so
a reader can check a quote against the document before using it.

    source_link(doc_id, line, marks)   the page's relative URL, for answers' citations
    render(title, lines, line, marks)  the HTML page (every piece of document text escaped)
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from kg.errors import BudgetKGError
from kg.parsing.source import decode
from ui.state import AppState

CONTEXT = 15  # lines shown before and after the cited one
MAX_MARKS = 4
MAX_MARK_CHARS = 80

PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", sans-serif; margin: 24px; color: #1f2328; }}
h1 {{ font-size: 18px; margin: 0 0 4px; }} p.where {{ color: #555; margin: 0 0 14px; }}
ol {{ font-family: "Noto Sans Mono CJK SC", ui-monospace, monospace; font-size: 14px; line-height: 1.6;
      background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 8px 8px 64px; }}
li {{ white-space: pre-wrap; padding: 0 6px; }} li::marker {{ color: #888; }}
li.cited {{ background: #fff8c5; outline: 1px solid #d4a72c; }}
mark {{ background: #ffd33d; font-weight: bold; }}
nav a {{ margin-right: 16px; }}
</style></head>
<body>
<h1>{title}</h1>
<p class="where">第{line}行（第{first}–{last}行，共{count}行）· line {line} of {count}</p>
<nav>{nav}</nav>
<ol start="{first}">
{rows}
</ol>
</body></html>
"""


def source_link(doc_id: str, line: int, marks: list[str] | tuple[str, ...] = ()) -> str:
    """The relative URL of a cited line's context page."""
    params = [("doc", doc_id), ("line", str(line))] + [("mark", m) for m in marks if m][:MAX_MARKS]
    return "/source?" + urlencode(params)


def _marked(text: str, marks: list[str]) -> str:
    """The line escaped, with every occurrence of a mark wrapped in <mark>."""
    marks = sorted({m for m in marks if m and m in text}, key=len, reverse=True)
    if not marks:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(m) for m in marks))
    out, last = [], 0
    for found in pattern.finditer(text):
        out.append(html.escape(text[last:found.start()]))
        out.append(f"<mark>{html.escape(found.group(0))}</mark>")
        last = found.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def render(title: str, lines: list[str], line: int, marks: list[str], doc_id: str) -> str:
    """The context page of line `line` (1-based) of `lines`."""
    first, last = max(1, line - CONTEXT), min(len(lines), line + CONTEXT)
    rows = "\n".join(
        f'<li id="L{k}"{" class=cited" if k == line else ""}>{_marked(lines[k - 1], marks if k == line else [])}</li>'
        for k in range(first, last + 1))
    nav = []
    if first > 1:
        nav.append(f'<a href="{html.escape(source_link(doc_id, max(1, line - 2 * CONTEXT - 1)))}">↑ 上文 earlier</a>')
    if last < len(lines):
        nav.append(f'<a href="{html.escape(source_link(doc_id, min(len(lines), line + 2 * CONTEXT + 1)))}">↓ 下文 later</a>')
    return PAGE.format(title=html.escape(title), line=line, first=first, last=last, count=len(lines), rows=rows,
                       nav="".join(nav))


@lru_cache(maxsize=16)
def _lines(sha: str, data: bytes, source: str) -> tuple[str, ...]:
    """A document's lines as the parser numbered them (PDFs through kg.parsing.pdf, as when they were built)."""
    if data.startswith(b"%PDF"):
        from kg.parsing.pdf import pdf_to_text

        text = pdf_to_text(data, source)
    else:
        text = decode(data, source)
    return tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def make_source_router(state: AppState) -> APIRouter:
    router = APIRouter()

    @router.get("/source", response_class=HTMLResponse)
    def source(doc: Annotated[str, Query(max_length=300)] = "", line: Annotated[int, Query(ge=1, le=10_000_000)] = 1,
               mark: Annotated[list[str] | None, Query()] = None) -> HTMLResponse:
        record = next((d for d in state.documents() if doc in (d.doc_id, d.graph)), None)
        if record is None:
            return HTMLResponse(f"<p>没有这个文档 (no such document)：{html.escape(doc)}</p>", status_code=404)
        try:
            with state.lock.reading():
                data = state.store.document_text(record)
            lines = _lines(record.sha256, data, record.source)
        except (OSError, BudgetKGError) as exc:
            return HTMLResponse(f"<p>无法读取文档原文 (cannot read the document's text)：{html.escape(str(exc))}</p>", status_code=500)
        if line > len(lines):
            return HTMLResponse(f"<p>文档只有 {len(lines)} 行 (the document has {len(lines)} lines)</p>", status_code=404)
        marks = [m[:MAX_MARK_CHARS] for m in (mark or [])[:MAX_MARKS]]
        return HTMLResponse(render(f"{record.department}{record.year}年部门预算", list(lines), line, marks, record.doc_id))

    return router
