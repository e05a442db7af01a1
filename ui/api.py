"""The HTTP API next to the web app: /health, /api/ask and a read-only SPARQL 1.1 Protocol endpoint.

    GET  /health                       {"status": "ok", "documents": […], "triples": n}
    GET  /api/ask?q=…[&session=ID]     Answer.to_json(); the session may also come in the X-Session-Id
    POST /api/ask                      header, and its id goes back in it. Body {"question": "…", "session": "…"}
    GET  /sparql?query=…               results by Accept (JSON default, XML, CSV, TSV; Turtle,
    POST /sparql                       JSON-LD, N-Triples for CONSTRUCT / DESCRIBE); form or
                                       application/sparql-query body. Updates, SERVICE and FROM → 400,
                                       too large → 413, time limit → 503, every error as JSON.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Header, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kg.sparql.guard import MAX_QUERY_BYTES, QueryRefused
from ui.state import AppState

MAX_ASK_BODY = 64 * 1024
MAX_FORM_BODY = 3 * MAX_QUERY_BYTES + 4096  # a percent-encoded query may triple in size


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    return Response(body, status_code=status, media_type="application/json; charset=utf-8", headers=headers)


def _error(exc: QueryRefused) -> Response:
    headers = {"Retry-After": "1"} if exc.status == 503 else None
    return _json(exc.to_json(), exc.status, headers)


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 once it passes `limit` bytes (before reading it all)."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise QueryRefused(413, "body_too_large", f"请求体过大，上限 {limit} 字节 (request body too large; limit {limit} bytes)")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise QueryRefused(413, "body_too_large", f"请求体过大，上限 {limit} 字节 (request body too large; limit {limit} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryRefused(400, "bad_encoding", "请求不是 UTF-8 文本 (the request is not UTF-8 text)") from None


def _is_text(value: str) -> bool:
    """False for a string JSON can carry but UTF-8 cannot (a lone surrogate such as \\ud800)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_protocol_params(params: dict[str, list[str]]) -> None:
    if "update" in params:
        raise QueryRefused(400, "update_forbidden", "只读：不接受 SPARQL Update。Read-only endpoint: SPARQL Update is not accepted.")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise QueryRefused(400, "dataset_forbidden",
                           "不允许 default-graph-uri / named-graph-uri：查询总是作用于本图谱的全部文档 (dataset parameters are not allowed)")
    if len(params.get("query", [])) > 1:
        raise QueryRefused(400, "multiple_queries", "只能提供一个 query 参数 (exactly one query parameter)")


def _query_params(request: Request) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


async def _posted_query(request: Request) -> str:
    """The query of a POST /sparql: an application/sparql-query body or a form's query field."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        raise QueryRefused(400, "update_forbidden", "只读：不接受 SPARQL Update。Read-only endpoint: SPARQL Update is not accepted.")
    if content_type == "application/sparql-query":
        _refuse_protocol_params({k: v for k, v in _query_params(request).items() if k != "query"})
        return _decode(await _read_body(request, MAX_QUERY_BYTES + 1))
    if content_type == "application/x-www-form-urlencoded":
        body = _decode(await _read_body(request, MAX_FORM_BODY))
        params = parse_qs(body, keep_blank_values=True, max_num_fields=20)
        _refuse_protocol_params(params)
        if "query" not in params:
            raise QueryRefused(400, "missing_query", "缺少查询：表单中没有 query 字段 (missing query field)")
        return params["query"][0]
    raise QueryRefused(415, "unsupported_media_type",
                       "请用 application/sparql-query 或 application/x-www-form-urlencoded 提交查询 (unsupported content type)")


def make_router(state: AppState) -> APIRouter:
    """/health, /api/ask and /sparql over the app's state."""
    router = APIRouter()
    _add_health(router, state)
    _add_ask(router, state)
    _add_sparql(router, state)
    return router


def _add_health(router: APIRouter, state: AppState) -> None:
    @router.get("/health")
    def health() -> Response:
        try:
            docs = state.documents()
            triples = state.triple_count()
        except Exception as exc:  # noqa: BLE001 - a broken store is reported, not raised
            return _json({"status": "error", "message": str(exc)}, 503)
        return _json({
            "status": "ok",
            "documents": [{"title": f"{d.department}{d.year}年部门预算", "department": d.department, "year": d.year,
                           "source": d.source} for d in docs],
            "triples": triples,
            "version": state.version,
        })


def _add_ask(router: APIRouter, state: AppState) -> None:
    def _answer(question: Any, session_id: Any) -> Response:
        if not isinstance(question, str) or not question.strip():
            return _json({"error": "missing_question", "message": "缺少问题：请提供 q 参数或 JSON 的 question 字段 (missing question)"}, 400)
        if not _is_text(question) or (isinstance(session_id, str) and not _is_text(session_id)):
            return _json({"error": "bad_text", "message": "问题含有无效字符（孤立的代理项）(the question is not valid Unicode text)"}, 400)
        sid, session = state.session(session_id if isinstance(session_id, str) else None)
        answer = state.ask(question, session)
        return _json(answer.to_json(), headers={"X-Session-Id": sid})

    @router.get("/api/ask")
    def ask_get(q: str | None = None, session: str | None = None,
                x_session_id: str | None = Header(default=None)) -> Response:
        return _answer(q, session or x_session_id)  # the session as a parameter, else the X-Session-Id header

    @router.post("/api/ask")
    async def ask_post(request: Request) -> Response:
        try:
            raw = await _read_body(request, MAX_ASK_BODY)
            data = json.loads(_decode(raw)) if raw.strip() else {}
        except QueryRefused as exc:
            return _error(exc)
        except ValueError:
            return _json({"error": "bad_json", "message": "请求体不是有效的 JSON (the body is not valid JSON)"}, 400)
        except RecursionError:
            return _json({"error": "bad_json", "message": "JSON 嵌套过深 (the JSON is nested too deeply)"}, 400)
        if not isinstance(data, dict):
            return _json({"error": "bad_json", "message": "请求体应为 JSON 对象 {\"question\": …} (expected a JSON object)"}, 400)
        return await run_in_threadpool(_answer, data.get("question"), data.get("session") or request.headers.get("x-session-id"))


def _add_sparql(router: APIRouter, state: AppState) -> None:
    def _run(query: str | None, accept: str | None) -> Response:
        try:
            result = state.runner.run(query, accept)
        except QueryRefused as exc:
            return _error(exc)
        headers = {
            "X-Result-Count": str(result.count),
            "X-Result-Truncated": "true" if result.truncated else "false",
            "X-Row-Cap": str(state.runner.row_cap),
            "Vary": "Accept",
        }
        media = result.media_type
        if media.startswith("text/") or media.endswith(("+xml", "+json", "/ld+json")):
            media += "; charset=utf-8"
        return Response(result.body, media_type=media, headers=headers)

    @router.get("/sparql")
    def sparql_get(request: Request) -> Response:
        params = _query_params(request)
        try:
            _refuse_protocol_params(params)
        except QueryRefused as exc:
            return _error(exc)
        if "query" not in params:
            return _json({
                "error": "missing_query",
                "message": "缺少查询：GET /sparql?query=… 或 POST（表单或 application/sparql-query）。Missing query.",
                "accept": ["application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                           "text/tab-separated-values", "text/turtle", "application/ld+json", "application/n-triples"],
            }, 400)
        return _run(params["query"][0], request.headers.get("accept"))

    @router.post("/sparql")
    async def sparql_post(request: Request) -> Response:
        accept = request.headers.get("accept")
        try:
            query = await _posted_query(request)
        except QueryRefused as exc:
            return _error(exc)
        except ValueError as exc:
            return _json({"error": "bad_request", "message": f"请求无法解析 (bad request)：{exc}"}, 400)
        return await run_in_threadpool(_run, query, accept)
